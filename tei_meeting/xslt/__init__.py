"""XSLT 1.0 stylesheets from TEI to other formats (package data)."""
