"""The ``tei-meeting`` command line: argv, files, stdout/stderr and exit codes, nothing else.

Each command lives in its own module and is a thin layer over the library. Exit status:
0 done (warnings allowed), 1 the input is invalid or could not be converted, 2 usage or I/O error.
Problems are printed as ``file:line:col: severity: message [code]``, never as a traceback.
"""

from __future__ import annotations

import click

from .. import __version__
from .convert import convert
from .corpus import corpus
from .transform import transform
from .validate_command import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-meeting")
def main() -> None:
    """Turn plain-text records of historical meetings into TEI P5 XML."""


main.add_command(convert)
main.add_command(corpus)
main.add_command(validate)
main.add_command(transform)
