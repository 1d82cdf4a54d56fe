"""flights tables: aircraft, registrations over time, flights, photo-flight links

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

import annotator.core.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_UTC = annotator.core.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "aircraft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("icao24", sa.String(length=6), nullable=True),
        sa.Column("type_designator", sa.String(length=10), nullable=True),
        sa.Column("model", sa.String(length=200), nullable=True),
        sa.Column("msn", sa.String(length=60), nullable=True),
        sa.Column("operator", sa.String(length=200), nullable=True),
        sa.Column("military", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_utc", _UTC, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aircraft")),
    )
    with op.batch_alter_table("aircraft", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aircraft_icao24"), ["icao24"], unique=False)

    op.create_table(
        "aircraft_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aircraft_id", sa.Integer(), nullable=False),
        sa.Column("registration", sa.String(length=40), nullable=False),
        sa.Column("valid_from", _UTC, nullable=True),
        sa.Column("valid_to", _UTC, nullable=True),
        sa.ForeignKeyConstraint(["aircraft_id"], ["aircraft.id"],
                                name=op.f("fk_aircraft_registration_aircraft_id_aircraft"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aircraft_registration")),
    )
    with op.batch_alter_table("aircraft_registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aircraft_registration_aircraft_id"),
                              ["aircraft_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_aircraft_registration_registration"),
                              ["registration"], unique=False)

    op.create_table(
        "flight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aircraft_id", sa.Integer(), nullable=True),
        sa.Column("registration", sa.String(length=40), nullable=True),
        sa.Column("icao24", sa.String(length=6), nullable=True),
        sa.Column("callsign", sa.String(length=20), nullable=True),
        sa.Column("origin", sa.String(length=4), nullable=True),
        sa.Column("destination", sa.String(length=4), nullable=True),
        sa.Column("departure_utc", _UTC, nullable=True),
        sa.Column("departure_estimated", sa.Boolean(), nullable=False),
        sa.Column("arrival_utc", _UTC, nullable=True),
        sa.Column("arrival_estimated", sa.Boolean(), nullable=False),
        sa.Column("source_kind", sa.String(length=20), nullable=False),
        sa.Column("source_ref", sa.Text(), nullable=True),
        sa.Column("source_sha256", sa.String(length=64), nullable=True),
        sa.Column("source_grade", sa.String(length=2), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("track", sa.JSON(), nullable=False),
        sa.Column("coverage_gaps", sa.JSON(), nullable=False),
        sa.Column("created_utc", _UTC, nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("updated_utc", _UTC, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["aircraft_id"], ["aircraft.id"],
                                name=op.f("fk_flight_aircraft_id_aircraft"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flight")),
    )
    with op.batch_alter_table("flight", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flight_aircraft_id"), ["aircraft_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_flight_arrival_utc"), ["arrival_utc"], unique=False)
        batch_op.create_index(batch_op.f("ix_flight_departure_utc"), ["departure_utc"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_flight_icao24"), ["icao24"], unique=False)
        batch_op.create_index(batch_op.f("ix_flight_registration"), ["registration"],
                              unique=False)

    op.create_table(
        "photo_flight_link",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("flight_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_utc", _UTC, nullable=False),
        sa.ForeignKeyConstraint(["flight_id"], ["flight.id"],
                                name=op.f("fk_photo_flight_link_flight_id_flight"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"],
                                name=op.f("fk_photo_flight_link_photo_id_photo"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("photo_id", "flight_id", name=op.f("pk_photo_flight_link")),
    )
    with op.batch_alter_table("photo_flight_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_flight_link_flight_id"), ["flight_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("photo_flight_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_flight_link_flight_id"))
    op.drop_table("photo_flight_link")
    with op.batch_alter_table("flight", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flight_registration"))
        batch_op.drop_index(batch_op.f("ix_flight_icao24"))
        batch_op.drop_index(batch_op.f("ix_flight_departure_utc"))
        batch_op.drop_index(batch_op.f("ix_flight_arrival_utc"))
        batch_op.drop_index(batch_op.f("ix_flight_aircraft_id"))
    op.drop_table("flight")
    with op.batch_alter_table("aircraft_registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aircraft_registration_registration"))
        batch_op.drop_index(batch_op.f("ix_aircraft_registration_aircraft_id"))
    op.drop_table("aircraft_registration")
    with op.batch_alter_table("aircraft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aircraft_icao24"))
    op.drop_table("aircraft")
