"""a shadow measured on a photo: the marks, the sun they give, the place and day

The investigator marks a ground rectangle, the foot of a vertical object and the tip of its
shadow; the sun's azimuth and elevation (with 95 % errors) follow and the capture-date check
compares them with the capture time (issue 18). One measurement per photo, audited and
versioned like a claim.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from annotator.core.models.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_shadow",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("marks", sa.JSON(), nullable=False),
        sa.Column("azimuth", sa.Float(), nullable=False),
        sa.Column("azimuth_error", sa.Float(), nullable=False),
        sa.Column("elevation", sa.Float(), nullable=True),
        sa.Column("elevation_error", sa.Float(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=True),
        sa.Column("place_lat", sa.Float(), nullable=True),
        sa.Column("place_lon", sa.Float(), nullable=True),
        sa.Column("place_tz", sa.String(length=64), nullable=True),
        sa.Column("day", sa.String(length=10), nullable=True),
        sa.Column("updated_utc", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"],
                                name=op.f("fk_photo_shadow_photo_id_photo"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo_shadow")),
    )
    with op.batch_alter_table("photo_shadow", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_shadow_photo_id"), ["photo_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("photo_shadow", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_shadow_photo_id"))
    op.drop_table("photo_shadow")
