"""dating tables: claims, acquisitions (source analysis) and the last date check per photo

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import annotator.core.models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_UTC = annotator.core.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "photo_claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("claimed", sa.String(length=40), nullable=True),
        sa.Column("place", sa.String(length=80), nullable=True),
        sa.Column("place_lat", sa.Float(), nullable=True),
        sa.Column("place_lon", sa.Float(), nullable=True),
        sa.Column("place_tz", sa.String(length=64), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("grade", sa.String(length=2), nullable=True),
        sa.Column("updated_utc", _UTC, nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"],
                                name=op.f("fk_photo_claim_photo_id_photo"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo_claim")),
    )
    with op.batch_alter_table("photo_claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_claim_photo_id"), ["photo_id"], unique=True)

    op.create_table(
        "acquisition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("platform", sa.String(length=100), nullable=True),
        sa.Column("account", sa.String(length=200), nullable=True),
        sa.Column("posted_utc", _UTC, nullable=True),
        sa.Column("archive_url", sa.Text(), nullable=True),
        sa.Column("acquired_utc", _UTC, nullable=True),
        sa.Column("acquired_by", sa.String(length=200), nullable=True),
        sa.Column("grade", sa.String(length=2), nullable=True),
        sa.Column("updated_utc", _UTC, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"],
                                name=op.f("fk_acquisition_photo_id_photo"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acquisition")),
    )
    with op.batch_alter_table("acquisition", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acquisition_photo_id"), ["photo_id"], unique=True)

    op.create_table(
        "date_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("capture_utc_source", sa.String(length=20), nullable=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("checked_utc", _UTC, nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"],
                                name=op.f("fk_date_check_photo_id_photo"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_date_check")),
    )
    with op.batch_alter_table("date_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_date_check_photo_id"), ["photo_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("date_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_date_check_photo_id"))
    op.drop_table("date_check")
    with op.batch_alter_table("acquisition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acquisition_photo_id"))
    op.drop_table("acquisition")
    with op.batch_alter_table("photo_claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_claim_photo_id"))
    op.drop_table("photo_claim")
