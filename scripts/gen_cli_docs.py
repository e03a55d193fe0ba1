"""Write docs/cli.md from the command definitions (`make docs`)."""

from __future__ import annotations

from pathlib import Path

from veedor.cli import app
from veedor.cli.reference import render_reference

if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    target.write_text(render_reference(app), encoding="utf-8")
    print(f"wrote {target}")
