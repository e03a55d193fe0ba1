"""Schemathesis against the app's own OpenAPI schema: no input makes the server fail (5xx)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from veedor.api.app import create_app
from veedor.auth import add_user, create_token
from veedor.config import Settings
from veedor.ingest.pipeline import ingest_paths
from veedor.store import open_store

_TMP = Path(tempfile.mkdtemp(prefix="veedor-fuzz-"))
_STORE = open_store(f"sqlite:///{_TMP / 'fuzz.db'}")
with _STORE.session() as _session:
    _TOKEN = create_token(
        _session, add_user(_session, "fuzz@example.org", "correct horse battery", role="admin")
    )
(_TMP / "doc.txt").write_text(
    "Statement\n\nThe administration should end the detention of families with children.\n\n"
    "The ministry announced $5 million for shelters in Mexico.\n",
    encoding="utf-8",
)
ingest_paths(_STORE, [_TMP / "doc.txt"])
APP = create_app(Settings(database_url="sqlite://"), store=_STORE)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_makes_the_server_fail(case: schemathesis.Case) -> None:
    response = case.call(headers={"Authorization": f"Bearer {_TOKEN}"})
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text}"
    if response.status_code >= 400:
        assert "error" in response.json(), "every error has the one error shape"
