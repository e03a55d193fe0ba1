"""The status vocabularies of ../shared/spec/taxonomy.md (no database imports, for every stage)."""

from __future__ import annotations

ASK_STATUSES = ("open", "in-progress", "partly-met", "met", "reversed", "rejected")
COMMITMENT_STATUSES = (
    "announced",
    "in-progress",
    "partly-fulfilled",
    "fulfilled",
    "broken",
    "withdrawn",
)
