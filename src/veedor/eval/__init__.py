"""Evaluation of extraction (and linking) against a hand-annotated gold standard."""
