"""Full-text index over extracted items (the web app's search): FTS5 on SQLite, a GIN index of
the text's tsvector on PostgreSQL.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # External content: the index holds tokens only; triggers keep it in step with items.
        op.execute(
            "CREATE VIRTUAL TABLE items_fts USING fts5(text, content='items', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN "
            "INSERT INTO items_fts(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN "
            "INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER items_fts_au AFTER UPDATE OF text ON items BEGIN "
            "INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text); "
            "INSERT INTO items_fts(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    else:
        op.execute("CREATE INDEX ix_items_fts ON items USING gin (to_tsvector('simple', text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("items_fts_ai", "items_fts_ad", "items_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS items_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_items_fts")
