"""flights keep the bounds the evidence gives for their departure and arrival

A track shows the aircraft on the ground at one report and airborne at the next: it took off
between them. The best estimate stays in `departure_utc` / `arrival_utc`; the bounds are
kept beside it (null where a side is unbounded; with both null, a stated time counts as its
own bounds, as for every flight stored before this revision).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from annotator.core.models.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ("departure_earliest_utc", "departure_latest_utc", "arrival_earliest_utc",
           "arrival_latest_utc")


def upgrade() -> None:
    with op.batch_alter_table("flight", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("flight", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.drop_column(name)
