"""Settings, declared once, read from the environment and validated at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from veedor.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///veedor.db"
_MB = 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Runtime settings. Every field can be set by an environment variable ``VEEDOR_<NAME>``."""

    database_url: str = DEFAULT_DATABASE_URL
    # Files larger than this are refused before they are read: policy documents are rarely over
    # a few MB, and a 500 MB upload is far more likely a mistake than a report.
    max_file_mb: int = 100
    # Extra organisations (JSON list, same shape as data/organisations.json) merged with ours.
    organisations_file: Path | None = None
    # How recommendations are embedded for linking: "use" (multilingual model) or "hashing".
    embedder: str = "use"
    # A public site: anyone may read (GET) without a token; writing still needs one.
    public: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if "://" not in self.database_url:
            raise ConfigError(
                f"VEEDOR_DATABASE_URL={self.database_url!r} is not a SQLAlchemy URL; "
                "use e.g. sqlite:///veedor.db or postgresql+psycopg://user@host/db"
            )
        if self.max_file_mb <= 0:
            raise ConfigError(
                f"VEEDOR_MAX_FILE_MB must be a positive number, got {self.max_file_mb}"
            )
        if self.embedder not in ("use", "hashing"):
            raise ConfigError(f"VEEDOR_EMBEDDER must be 'use' or 'hashing', got {self.embedder!r}")
        if self.organisations_file is not None and not self.organisations_file.is_file():
            raise ConfigError(
                f"VEEDOR_ORGANISATIONS_FILE={str(self.organisations_file)!r} does not exist"
            )

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * _MB


def load_settings(*, database_url: str | None = None) -> Settings:
    """Build settings from the environment; an explicit ``database_url`` wins over it."""
    env = os.environ
    url = database_url or env.get("VEEDOR_DATABASE_URL") or DEFAULT_DATABASE_URL
    raw_max = env.get("VEEDOR_MAX_FILE_MB", "100")
    try:
        max_mb = int(raw_max)
    except ValueError:
        raise ConfigError(f"VEEDOR_MAX_FILE_MB must be a whole number, got {raw_max!r}") from None
    orgs = env.get("VEEDOR_ORGANISATIONS_FILE")
    return Settings(
        database_url=url,
        max_file_mb=max_mb,
        organisations_file=Path(orgs) if orgs else None,
        embedder=env.get("VEEDOR_EMBEDDER", "use"),
        public=env.get("VEEDOR_PUBLIC", "").strip().lower() in ("1", "true", "yes", "on"),
    )
