"""ReportScope: normalised on creation, and a bad scope fails with a message naming the value."""

from __future__ import annotations

import dataclasses

import pytest

from veedor.errors import InvalidInputError, VeedorError
from veedor.report.render import strings
from veedor.report.scope import ReportScope, country_name


def test_an_empty_scope_covers_everything() -> None:
    scope = ReportScope()
    assert scope.date_from is None and scope.countries == () and scope.group_by == "country"
    assert scope.in_period(None) and scope.in_period("1999-01-01")


def test_values_are_normalised() -> None:
    scope = ReportScope(
        title="  First year  ",
        date_from="2025",
        date_to="2025-02",
        addressee="US-Executive",
        countries=("mex", " GTM", "MEX"),
        themes=("Migration-Asylum",),
        publishers=("WOLA ",),
    )
    assert scope.title == "First year"
    assert (scope.date_from, scope.date_to) == ("2025-01-01", "2025-02-28")
    assert scope.addressee == "us-executive"
    assert scope.countries == ("MEX", "GTM")
    assert scope.themes == ("migration-asylum",)
    assert scope.publishers == ("WOLA",)


def test_the_scope_is_frozen_and_keyword_only() -> None:
    scope = ReportScope(countries=("MEX",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        scope.countries = ("GTM",)  # type: ignore[misc]
    with pytest.raises(TypeError):
        ReportScope("title")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"countries": ("MEX", "XYZ")}, "unknown country code XYZ"),
        ({"countries": ("Mexico",)}, "unknown country code MEXICO"),
        ({"date_from": "2025-06-01", "date_to": "2025-01-31"}, "swap --from and --to"),
        ({"date_from": "June 2025"}, "--from 'June 2025' is not a date"),
        ({"date_to": "2025-02-30"}, "not a real calendar date"),
        ({"date_to": "2025-13"}, "not a real calendar date"),
        ({"addressee": "the pope"}, "unknown addressee 'the pope'"),
        ({"themes": ("asylum",)}, "unknown theme asylum"),
        ({"publishers": ("",)}, "publisher filter cannot be empty"),
        ({"group_by": "publisher"}, "cannot group a report by 'publisher'"),
    ],
)
def test_a_bad_scope_names_what_is_wrong(values: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        ReportScope(**values)  # type: ignore[arg-type]
    assert message in str(caught.value)
    assert isinstance(caught.value, VeedorError)


@pytest.mark.parametrize(
    ("date", "inside"),
    [
        ("2024-12-31", False),
        ("2025-01", True),
        ("2025", True),
        ("2025-06-30", True),
        ("2025-07-01", False),
        (None, False),
    ],
)
def test_partial_dates_fall_in_the_period(date: str | None, inside: bool) -> None:
    assert ReportScope(date_from="2025-01-01", date_to="2025-06").in_period(date) is inside


def test_country_names_and_languages() -> None:
    assert country_name("MEX", "es") == "México" and country_name("MEX") == "Mexico"
    assert strings("es")["summary"] == "Resumen ejecutivo"
    with pytest.raises(InvalidInputError, match="--lang en or es"):
        strings("fr")


def test_both_languages_have_the_same_words() -> None:
    en, es = strings("en"), strings("es")
    assert set(en) == set(es)
    for key in ("statuses", "theme_names", "addressees", "groups"):
        assert set(en[key]) == set(es[key]), key
