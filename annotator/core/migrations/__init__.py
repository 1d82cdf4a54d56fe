"""Alembic migrations of the case schema; run through `annotator.core.case.schema`."""
