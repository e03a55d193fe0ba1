"""Extraction: recommendations, commitments and figures found in a document's blocks."""

from veedor.extract.items import Addressee, Item, ItemKind
from veedor.extract.pipeline import EXTRACTOR_VERSION, extract_document

__all__ = ["EXTRACTOR_VERSION", "Addressee", "Item", "ItemKind", "extract_document"]
