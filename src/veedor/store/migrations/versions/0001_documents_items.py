"""Documents, blocks, extracted items and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source_name", sa.String(500), nullable=False),
        sa.Column("source_path", sa.String(2000), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("title", sa.String(1000)),
        sa.Column("publisher", sa.String(300)),
        sa.Column("date", sa.String(10)),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("addressee", sa.String(300)),
        sa.Column("language", sa.String(8)),
        sa.Column("url", sa.String(2000)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(40)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_publisher", "documents", ["publisher"])
    op.create_index("ix_documents_date", "documents", ["date"])
    op.create_index("ix_documents_language", "documents", ["language"])
    op.create_table(
        "blocks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
    )
    op.create_index("ix_blocks_document_seq", "blocks", ["document_id", "seq"])
    op.create_table(
        "items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(40), nullable=False),
        sa.Column("strength", sa.String(20)),
        sa.Column("addressee", sa.String(300)),
        sa.Column("confidence", sa.Float),
        sa.Column("amount_usd", sa.Float),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.String(100)),
        sa.Column("date", sa.String(10)),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_items_document", "items", ["document_id"])
    op.create_index("ix_items_kind", "items", ["kind"])
    op.create_table(
        "item_countries",
        sa.Column(
            "item_id", sa.Integer, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("iso3", sa.String(3), primary_key=True),
    )
    op.create_index("ix_item_countries_iso3", "item_countries", ["iso3"])
    op.create_table(
        "item_themes",
        sa.Column(
            "item_id", sa.Integer, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("theme", sa.String(40), primary_key=True),
    )
    op.create_index("ix_item_themes_theme", "item_themes", ["theme"])

    if op.get_bind().dialect.name == "sqlite":
        # External-content FTS5 index over the documents table, kept in step by triggers.
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text) "
            "VALUES (new.id, coalesce(new.title, ''), new.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); "
            "INSERT INTO documents_fts(rowid, title, text) "
            "VALUES (new.id, coalesce(new.title, ''), new.text); END"
        )
    else:
        op.execute(
            "CREATE INDEX ix_documents_fts ON documents USING gin "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("item_themes", "item_countries", "items", "blocks", "documents"):
        op.drop_table(table)
