"""Publishing the record: exports (JSON Lines, CSV, XLSX, HXL), complete archives, Atom feeds
and webhooks."""
