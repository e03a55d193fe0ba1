"""Stored items as records in the JSON Lines contract (shared/spec/extraction-output.md).

Kept for existing callers; the exports live in :mod:`veedor.publish.exports`.
"""

from __future__ import annotations

from veedor.publish.exports import EXPORT_KINDS, export_records

__all__ = ["EXPORT_KINDS", "export_records"]
