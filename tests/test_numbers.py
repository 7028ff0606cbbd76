"""numbers and counts through the Python API (the Rust suite checks the fixtures in detail)."""

import newsparse
from conftest import assert_offsets_hold


def test_seed_counts(seed):
    r = newsparse.parse(seed)
    kills = [(c["type"], c["count"], c["qualifier"], c["object"]) for c in r["counts"]]
    assert ("KILL", 19, "at least", "people") in kills
    assert ("KILL", 7818, "at least", "civilians") in kills
    assert any(c["type"] == "WOUND" and c["count"] == 25 for c in r["counts"])
    years = {n["text"] for n in r["numbers"]}
    assert not years & {"2003", "2013", "2006", "2007", "2010", "2011"}
    assert_offsets_hold(seed, r)


def test_money_percent_and_ranges():
    t = "Headline here\n\nThe deal is worth $8bn, up 50% on last year, and between 12 and 18 months away."
    r = newsparse.parse(t)
    by_kind = {n["kind"]: n for n in r["numbers"]}
    assert by_kind["money"]["value"] == 8e9 and by_kind["money"]["currency"] == "USD"
    assert by_kind["percent"]["value"] == 50
    rng = by_kind["range"]
    assert (rng["low"], rng["high"]) == (12, 18)
