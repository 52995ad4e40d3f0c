"""Diagnostics are data: what went wrong or looks doubtful, where, and under which stable code.

Readers and checks *report* and carry on; a ``Reporter`` collects what they say, and only the edge
(the CLI) renders it, as ``file:line:col: severity: message [code]`` — the format compilers,
linters and editors understand. Errors that stop a conversion are raised as ``ConversionError``,
which carries its diagnostics, so a caller never has to parse a message.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .model import Span


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    file: str = "<string>"
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


class Reporter:
    """Collects diagnostics for one source; ``strict`` turns warnings into errors when asked."""

    def __init__(self, source: str = "<string>") -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []

    def report(self, severity: Severity, code: str, message: str, span: Span | None = None) -> Diagnostic:
        diagnostic = Diagnostic(
            severity,
            code,
            message,
            self.source,
            None if span is None else span.line,
            None if span is None else span.column,
        )
        self.diagnostics.append(diagnostic)
        return diagnostic

    def info(self, code: str, message: str, span: Span | None = None) -> Diagnostic:
        return self.report(Severity.INFO, code, message, span)

    def warning(self, code: str, message: str, span: Span | None = None) -> Diagnostic:
        return self.report(Severity.WARNING, code, message, span)

    def error(self, code: str, message: str, span: Span | None = None) -> ConversionError:
        """Record an error and return the exception to raise (``raise reporter.error(...)``)."""
        return ConversionError([self.report(Severity.ERROR, code, message, span)])

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == Severity.WARNING]


class TeiMeetingError(Exception):
    """Base of the errors this library raises for bad input; the CLI prints them without a traceback."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class ConversionError(TeiMeetingError):
    """The transcript cannot be converted (not text, empty, no turns) or its TEI is invalid."""
