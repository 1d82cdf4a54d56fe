"""annotator: annotate, date and link aircraft photos as verifiable evidence."""

__version__ = "0.1.0"
