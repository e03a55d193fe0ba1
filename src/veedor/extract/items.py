"""The extracted items and their JSON Lines shape (see shared/spec/extraction-output.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ItemKind = Literal["recommendation", "commitment", "figure"]


@dataclass(frozen=True, slots=True)
class Addressee:
    name: str
    kinds: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kinds": list(self.kinds)}


@dataclass(kw_only=True)
class Item:
    """One extracted item, tied to ``document_text[start:end]``."""

    kind: ItemKind
    start: int
    end: int
    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    block: int | None = None

    @property
    def countries(self) -> list[str]:
        if self.kind == "figure":
            country = self.fields.get("country")
            return [country] if country else []
        return list(self.fields.get("countries", []))

    @property
    def themes(self) -> list[str]:
        return list(self.fields.get("themes", []))

    def to_record(self, *, document: str, version: str) -> dict[str, Any]:
        """The item as one JSON Lines object."""
        record: dict[str, Any] = {
            "document": document,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        record.update(self.fields)
        record["block"] = self.block
        record["extractor_version"] = version
        return record
