"""Tracking asks and commitments over time: status records, evidence detection, suggestions."""
