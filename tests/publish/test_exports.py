"""Exports of every kind in every format: JSON Lines, CSV that Excel and Python read with
accents intact, XLSX, and CSV with HXL hashtags."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.publish.helpers import fill
from veedor.errors import InvalidInputError
from veedor.publish.exports import EXPORT_KINDS, FORMATS, export_records, hxl_tag, write_export
from veedor.store import Store, open_store
from veedor.store.export import export_records as old_export_records

HXL = re.compile(r"^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$")


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[dict[str, Any]]]]:
    store: Store = open_store(f"sqlite:///{tmp_path_factory.mktemp('exports') / 'x.db'}")
    fill(store)
    with store.session() as session:
        yield {kind: export_records(session, kind) for kind in EXPORT_KINDS}
    store.dispose()


def render(records: list[dict[str, Any]], fmt: str, kind: str) -> bytes:
    out = io.BytesIO()
    assert write_export(records, fmt, out, kind=kind) == len(records)
    return out.getvalue()


def test_every_kind_has_records_and_the_old_module_still_works(
    records: dict[str, list[dict[str, Any]]],
) -> None:
    assert all(records[k] for k in EXPORT_KINDS)
    assert {r["to"] for r in records["status"]} == {"in-progress"}
    assert all(r["status"] for r in records["asks"]) and all(
        r["status"] for r in records["commitments"]
    )
    assert len(records["documents"]) == 10
    assert sum(d["recommendations"] for d in records["documents"]) == len(
        records["recommendations"]
    )
    assert old_export_records is export_records
    with pytest.raises(InvalidInputError, match="choose one of"):
        export_records(None, "poems")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_jsonl_round_trips(records: dict[str, list[dict[str, Any]]], kind: str) -> None:
    lines = render(records[kind], "jsonl", kind).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records[kind]


@pytest.mark.parametrize("kind", EXPORT_KINDS)
@pytest.mark.parametrize("fmt", ["csv", "hxl"])
def test_csv_is_utf8_with_bom_and_reads_back(
    records: dict[str, list[dict[str, Any]]], kind: str, fmt: str
) -> None:
    data = render(records[kind], fmt, kind)
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    if fmt == "hxl":
        tags, body = body[0], body[1:]
        assert len(tags) == len(header) and all(HXL.match(t) for t in tags), tags
    assert len(body) == len(records[kind]) and all(len(r) == len(header) for r in body)
    assert len(set(header)) == len(header)


def test_csv_keeps_accents_and_flattens_nested_values(
    records: dict[str, list[dict[str, Any]]],
) -> None:
    data = render(records["recommendations"], "csv", "recommendations").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert any("ó" in r["text"] or "ñ" in r["text"] for r in rows)
    assert {"addressee.name", "countries", "themes", "ask", "item_id"} <= set(rows[0])
    multi = next(r for r in records["recommendations"] if len(r.get("countries", [])) > 1)
    row = next(r for r in rows if r["item_id"] == str(multi["item_id"]))
    assert row["countries"] == "; ".join(multi["countries"])
    asks = list(
        csv.DictReader(io.StringIO(render(records["asks"], "csv", "asks").decode("utf-8-sig")))
    )
    assert json.loads(asks[0]["publishers"]) == records["asks"][0]["publishers"]


def test_hxl_tags_the_humanitarian_core_columns() -> None:
    assert hxl_tag("countries") == "#country+code"
    assert hxl_tag("publisher") == "#org+publisher"
    assert hxl_tag("themes") == "#sector"
    assert hxl_tag("item_id") == "#meta+id"
    assert hxl_tag("document_date") == "#date+published"
    assert hxl_tag("Odd Column.name") == "#meta+odd_column_name"
    assert hxl_tag("2nd") == "#meta+f2nd"


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_xlsx_opens_with_every_row(records: dict[str, list[dict[str, Any]]], kind: str) -> None:
    workbook = load_workbook(io.BytesIO(render(records[kind], "xlsx", kind)), read_only=True)
    sheet = workbook[kind]
    rows = list(sheet.iter_rows(values_only=True))
    csv_header = next(
        csv.reader(io.StringIO(render(records[kind], "csv", kind).decode("utf-8-sig")))
    )
    assert list(rows[0]) == csv_header and len(rows) == len(records[kind]) + 1


def test_spreadsheet_formulas_in_documents_stay_text() -> None:
    hostile = [{"text": '=HYPERLINK("http://evil.example","click")', "value": -5, "note": "-12"}]
    data = render(hostile, "csv", "figures").decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(data)))
    assert row["text"].startswith("'=") and row["value"] == "-5" and row["note"] == "-12"
    workbook = load_workbook(io.BytesIO(render(hostile, "xlsx", "figures")))
    texts = [c.value for c in workbook["figures"][2]]
    assert hostile[0]["text"] in texts
    assert all(c.data_type != "f" for c in workbook["figures"][2])


def test_unknown_format_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="format must be one of"):
        write_export([], "pdf", io.BytesIO())
    assert set(FORMATS) == {"jsonl", "csv", "xlsx", "hxl"}
