"""``fields=``: only what is asked for is computed, every key stays, the Arrow schema holds."""

import pytest

import newsparse

LIST_KEYS = {
    "authors", "images", "media", "subheadings", "paragraphs", "highlights", "related_topics",
    "boilerplate", "quotes", "entities", "acronyms", "sources", "dates", "numbers", "counts",
    "keywords", "summary",
}


def test_every_key_stays_and_asked_fields_equal_the_whole_record(seed):
    whole = newsparse.parse(seed)
    names = newsparse.field_names()
    assert names == list(whole.keys())
    for name in names:
        one = newsparse.parse(seed, fields=[name])
        assert list(one.keys()) == names
        assert one[name] == whole[name], name
        for other in names:
            if other != name:
                assert one[other] in (None, []), (name, other)
                assert (one[other] == []) == (other in LIST_KEYS), (name, other)


def test_layout_group_and_single_name(seed):
    whole = newsparse.parse(seed)
    layout = newsparse.parse(seed, fields="layout")
    for key in ("headline", "paragraphs", "boilerplate", "images", "section", "lead"):
        assert layout[key] == whole[key]
    assert layout["quotes"] == [] and layout["entities"] == [] and layout["stats"] is None
    q = newsparse.parse(seed, fields="quotes")
    assert q["quotes"] == whole["quotes"] and q["headline"] is None


def test_unknown_and_bad_fields_are_clear_errors():
    with pytest.raises(ValueError, match='unknown field "quote".*quotes'):
        newsparse.parse("x", fields=["quote"])
    with pytest.raises(TypeError, match="fields"):
        newsparse.parse("x", fields=[1])
    with pytest.raises(TypeError, match="fields"):
        newsparse.parse("x", fields=3)
    with pytest.raises(ValueError, match="unknown field"):
        next(newsparse.iter_parse(["a"], fields=["nope"]))


def test_batches_files_and_pages_take_fields(seed, tmp_path):
    arts = [seed, "Title\n\nBody with 5 people on Monday.", None]
    full = newsparse.parse_many(arts)
    got = newsparse.parse_many(arts, fields=("dates", "numbers"))
    assert got[2] is None
    for r, f in zip(got[:2], full[:2]):
        assert r["dates"] == f["dates"] and r["numbers"] == f["numbers"]
        assert r["quotes"] == [] and r["headline"] is None
    gen = (f for f in ["dates"])  # an iterator is read once, for every batch
    streamed = list(newsparse.iter_parse(arts * 3, batch_size=2, fields=gen))
    assert [r and r["dates"] for r in streamed] == [r and r["dates"] for r in full * 3]
    assert all(r is None or r["numbers"] == [] for r in streamed)
    p = tmp_path / "a.txt"
    p.write_text(seed, encoding="utf-8")
    (rec,) = newsparse.parse_files([p], fields=["entities"])
    assert rec["entities"] == full[0]["entities"] and rec["path"] == str(p) and rec["dates"] == []
    page = "<html><head><title>T</title></head><body><h1>Storm</h1><p>The storm hit 5 towns on Monday, officials said.</p></body></html>"
    whole_page = newsparse.parse_html(page)
    part = newsparse.parse_html(page, fields=["numbers"])
    assert part["numbers"] == whole_page["numbers"] and part["text"] == whole_page["text"]
    assert part["headline"] is None


def test_arrow_schema_does_not_change(seed):
    pa = pytest.importorskip("pyarrow")
    full = newsparse.parse_many([seed], output="arrow")
    part = newsparse.parse_many([seed], output="arrow", fields=["quotes"])
    assert part.schema == full.schema == newsparse.arrow_schema()
    assert part.column("quotes").to_pylist() == full.column("quotes").to_pylist()
    assert part.column("stats").to_pylist() == [None]
    assert part.column("entities").to_pylist() == [[]]
    assert isinstance(part, pa.Table)


def test_cli_fields(tmp_path, seed):
    import json

    from newsparse.cli import main

    p = tmp_path / "a.txt"
    p.write_text(seed, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(p), "-o", str(out), "--fields", "quotes,headline"]) == 0
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert rec["quotes"] and rec["headline"] and rec["paragraphs"] == [] and rec["stats"] is None
    assert main([str(p), "-o", str(out), "--fields", "quote"]) == 2
