"""Language-level helpers shared by ingestion and extraction: dates, numbers, sentences, text."""
