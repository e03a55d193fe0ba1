"""Veedor: an evidence-backed tracker of recommendations, commitments and figures
in human-rights and migration policy documents about the Americas."""

__version__ = "0.1.0"
