"""State shared by the commands: the database URL chosen on the command line."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer

from veedor.config import Settings, load_settings
from veedor.store import Store, open_store


@dataclass
class AppState:
    db_url: str | None = None
    _store: Store | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        return load_settings(database_url=self.db_url)

    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.settings.database_url)
        return self._store


def state(ctx: typer.Context) -> AppState:
    obj = ctx.find_root().obj
    assert isinstance(obj, AppState)
    return obj
