"""TEI on the other side of the model: the writer (``Meeting`` -> TEI tree) and serialisation."""

from .writer import TEI_NS, serialize, write_tei

__all__ = ["TEI_NS", "serialize", "write_tei"]
