"""Tracking: current status with versions, status records, suggestions, users, tokens, audit.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracked",
        sa.Column("subject_kind", sa.String(12), primary_key=True),
        sa.Column("subject_id", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "status_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("subject_kind", sa.String(12), nullable=False),
        sa.Column("subject_id", sa.Integer, nullable=False),
        sa.Column("from_status", sa.String(20)),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("effective_date", sa.String(10), nullable=False),
        sa.Column("evidence_document_id", sa.Integer),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("evidence_url", sa.String(2000)),
        sa.Column("evidence_quote", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("user_id", sa.Integer),
        sa.Column("suggestion_id", sa.Integer),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_status_records_subject", "status_records", ["subject_kind", "subject_id"])
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("subject_kind", sa.String(12), nullable=False),
        sa.Column("subject_id", sa.Integer, nullable=False),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("proposed_status", sa.String(20), nullable=False),
        sa.Column("effective_date", sa.String(10)),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("decided_by", sa.Integer),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(
            "subject_kind", "subject_id", "document_id", "start", "end", name="uq_suggestion"
        ),
    )
    op.create_index("ix_suggestions_state", "suggestions", ["state"])
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(300), nullable=False, unique=True),
        sa.Column("name", sa.String(300)),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("revoked", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer),
        sa.Column("user_email", sa.String(300)),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target_kind", sa.String(20), nullable=False),
        sa.Column("target_id", sa.String(40)),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
    )


def downgrade() -> None:
    for table in ("audit_log", "api_tokens", "users", "suggestions", "status_records", "tracked"):
        op.drop_table(table)
