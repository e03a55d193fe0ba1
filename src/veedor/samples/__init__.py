"""The bundled sample corpus: short fictional documents we wrote, in every supported format."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_dir() -> Path:
    """The folder holding the sample documents (inside the installed package)."""
    return Path(str(resources.files("veedor.samples")))
