"""Alembic environment: runs on the connection handed over by `annotator.core.case.schema`."""

from alembic import context

from annotator.core.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most constraints
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
