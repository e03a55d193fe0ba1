"""Loading the vocabularies and lexicons kept as data files in ``veedor/data``.

Every vocabulary is data, so adding a language or an organisation is a data change. Loaders are
cached: the files are read once per process.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from veedor.errors import ConfigError


def load_json(name: str) -> Any:
    """A data file of the package, parsed."""
    ref = resources.files("veedor") / "data" / name
    with ref.open("r", encoding="utf-8") as fh:
        return json.load(fh)


@cache
def months() -> dict[str, int]:
    """Month names and abbreviations of every language, lower-cased, to month numbers."""
    merged: dict[str, int] = {}
    for table in load_json("months.json").values():
        merged.update(table)
    return merged


# The addressee kinds of spec/taxonomy.md.
ADDRESSEE_KINDS = ("us-executive", "us-congress", "foreign-government", "multilateral", "other")


@cache
def theme_keys() -> tuple[str, ...]:
    """The taxonomy's theme keys (spec/taxonomy.md), sorted, as ``data/themes.json`` holds them."""
    return tuple(sorted(k for k in load_json("themes.json") if not k.startswith("_")))


@cache
def organisations() -> list[dict[str, Any]]:
    """Known publishers: ours, plus those in ``VEEDOR_ORGANISATIONS_FILE`` (theirs win)."""
    orgs: list[dict[str, Any]] = list(load_json("organisations.json"))
    extra = os.environ.get("VEEDOR_ORGANISATIONS_FILE")
    if extra:
        path = Path(extra)
        try:
            user = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"cannot read organisations file {path}: {exc}") from exc
        if not isinstance(user, list) or not all(isinstance(o, dict) and "name" in o for o in user):
            raise ConfigError(
                f"{path} must hold a JSON list of objects with at least a 'name' "
                "(and optional 'aliases', 'group', 'country', 'domains')"
            )
        names = {o["name"] for o in user}
        orgs = [o for o in orgs if o["name"] not in names] + user
    return orgs
