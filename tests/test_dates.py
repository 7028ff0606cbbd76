"""dates through the Python API; the Rust suite covers the expression grammar in detail."""

import newsparse
from conftest import assert_offsets_hold


def test_seed_dates_resolve_against_published(seed):
    r = newsparse.parse(seed, published="2014-01-05")
    values = {d["text"]: d["value"] for d in r["dates"]}
    assert values["Sunday"] == "2014-01-05"
    assert values["Saturday"] == "2014-01-04"
    assert values["late 2011"] == "2011"
    assert values["recent months"] == "PAST_REF"
    assert values["2006"] == "2006" and values["2007"] == "2007"
    assert all(d["anchor"] in ("2014-01-05", "none") for d in r["dates"])
    assert_offsets_hold(seed, r)


def test_relative_dates_stay_unresolved_without_a_reference():
    r = newsparse.parse("Title of the story\n\nThe talks ended on Saturday, officials said.")
    [d] = [d for d in r["dates"] if d["text"] == "Saturday"]
    assert d["anchor"] == "unknown" and d["value"].startswith("XXXX")


def test_money_and_modals_are_not_dates():
    r = newsparse.parse("Title of the story\n\nIt cost $48, and officials may act on 48 claims.")
    assert r["dates"] == []
