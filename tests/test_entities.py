"""entities, acronyms and sources through the Python API."""

import newsparse
from conftest import assert_offsets_hold


def test_seed_entities(seed):
    r = newsparse.parse(seed)
    ents = {e["name"]: e for e in r["entities"]}
    kerry = ents["John Kerry"]
    assert kerry["label"] == "PERSON"
    assert {"Kerry", "Mr Kerry"} <= set(kerry["aliases"])
    assert kerry["count"] == len(kerry["mentions"]) >= 3
    assert ents["Fallujah"]["label"] == "LOC" and ents["Fallujah"]["country"] == "IQ"
    top = max(r["entities"], key=lambda e: e["salience"])
    assert top["salience"] == 1.0
    for e in r["entities"]:
        assert e["first"] == min(m["start"] for m in e["mentions"])
    shorts = {a["short"]["text"]: a["long"]["text"] for a in r["acronyms"]}
    assert shorts.get("ISIS", "").startswith("Islamic State in Iraq and the Levant")
    kinds = {s["name"]: s["kind"] for s in r["sources"]}
    assert any("security source" in n for n in kinds)
    assert_offsets_hold(seed, r)
