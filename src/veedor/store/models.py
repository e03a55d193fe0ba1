"""The relational schema. Changes go through an Alembic migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str] = mapped_column(String(2000))
    format: Mapped[str] = mapped_column(String(10))
    size_bytes: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(1000))
    publisher: Mapped[str | None] = mapped_column(String(300), index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    addressee: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    text: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    blocks: Mapped[list[BlockRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="BlockRow.seq"
    )
    items: Mapped[list[ItemRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ItemRow.start"
    )


class BlockRow(Base):
    __tablename__ = "blocks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[DocumentRow] = relationship(back_populates="blocks")

    __table_args__ = (Index("ix_blocks_document_seq", "document_id", "seq"),)


class ItemRow(Base):
    """An extracted recommendation, commitment or figure. ``data`` holds the full record in the
    shape of the JSON Lines contract; the columns hold what queries filter and sort on."""

    __tablename__ = "items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(40))
    strength: Mapped[str | None] = mapped_column(String(20))
    addressee: Mapped[str | None] = mapped_column(String(300))
    confidence: Mapped[float | None] = mapped_column(Float)
    amount_usd: Mapped[float | None] = mapped_column(Float)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(100))
    date: Mapped[str | None] = mapped_column(String(10))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The ask a recommendation belongs to; ``ask_locked`` marks an editor's decision, which
    # automatic linking never undoes.
    ask_id: Mapped[int | None] = mapped_column(ForeignKey("asks.id", ondelete="SET NULL"))
    ask_locked: Mapped[bool] = mapped_column(Boolean, default=False)

    document: Mapped[DocumentRow] = relationship(back_populates="items")
    countries: Mapped[list[ItemCountry]] = relationship(cascade="all, delete-orphan")
    themes: Mapped[list[ItemTheme]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_items_document", "document_id"),
        Index("ix_items_kind", "kind"),
        Index("ix_items_ask", "ask_id"),
    )


class ItemCountry(Base):
    __tablename__ = "item_countries"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    iso3: Mapped[str] = mapped_column(String(3), primary_key=True, index=True)


class ItemTheme(Base):
    __tablename__ = "item_themes"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class AskRow(Base):
    """An ask: the underlying request shared by linked recommendations. ``centroid`` is the sum
    of its members' linking vectors (float32 bytes), kept so new documents link without
    re-reading every member."""

    __tablename__ = "asks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family: Mapped[str] = mapped_column(String(30))
    label_item_id: Mapped[int | None] = mapped_column(Integer)
    labels: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # language -> item id
    size: Mapped[int] = mapped_column(Integer, default=0)
    centroid: Mapped[bytes | None] = mapped_column(LargeBinary)
    vector_model: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class ItemVector(Base):
    """A recommendation's action embedding (float32 bytes) from one embedder."""

    __tablename__ = "item_vectors"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    model: Mapped[str] = mapped_column(String(40))
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class LinkEventRow(Base):
    """An editor's linking decision (merge, split, move) or a re-link, as it happened."""

    __tablename__ = "link_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str | None] = mapped_column(String(100))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
