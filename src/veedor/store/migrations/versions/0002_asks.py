"""Asks (linked recommendations), their vectors and editors' linking decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "asks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("family", sa.String(30), nullable=False),
        sa.Column("label_item_id", sa.Integer),
        sa.Column("labels", sa.JSON, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("centroid", sa.LargeBinary),
        sa.Column("vector_model", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    # Plain ADD COLUMN, never a table rebuild: rebuilding ``items`` on SQLite would cascade-delete
    # its countries and themes. SQLite cannot add a foreign key to an existing table, so there
    # the code clears ``ask_id`` itself before deleting an ask.
    op.add_column("items", sa.Column("ask_id", sa.Integer, nullable=True))
    op.add_column(
        "items", sa.Column("ask_locked", sa.Boolean, nullable=False, server_default=sa.false())
    )
    if op.get_bind().dialect.name != "sqlite":
        op.create_foreign_key(
            "fk_items_ask", "items", "asks", ["ask_id"], ["id"], ondelete="SET NULL"
        )
    op.create_index("ix_items_ask", "items", ["ask_id"])
    op.create_table(
        "item_vectors",
        sa.Column(
            "item_id",
            sa.Integer,
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("model", sa.String(40), nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "link_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(100)),
        sa.Column("detail", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("link_events")
    op.drop_table("item_vectors")
    op.drop_index("ix_items_ask", "items")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_items_ask", "items", type_="foreignkey")
    op.drop_column("items", "ask_locked")
    op.drop_column("items", "ask_id")
    op.drop_table("asks")
