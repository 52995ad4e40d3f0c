"""RelaxNG schemas shipped with tei-meeting (package data; the files live in the top-level schemas/)."""
