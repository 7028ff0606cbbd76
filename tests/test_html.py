"""HTML pages through the Python API: the record of the extracted text, plus `text` and `html`."""

import gzip
import pathlib

import pytest

import newsparse
from conftest import assert_offsets_hold

PAGES = pathlib.Path(__file__).parent / "data" / "html"

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Storm hits coast | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2014-01-05T09:00:00Z">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm hits coast",
 "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Smith"}]}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Storm hits coast</h1>
<p>A storm hit the coast on Saturday, flooding 300 homes, officials said.</p>
<h2>What happens next</h2>
<p>"We will rebuild," said Mayor Anne Jones, who visited the town on Sunday.</p>
</article><footer>Copyright 2014 The Daily Example. Share this page.</footer></body></html>"""


def test_parse_html_gives_the_same_record_plus_text_and_meta():
    r = newsparse.parse_html(PAGE, url="https://example.com/2014/01/05/storm")
    text = r["text"]
    assert r["headline"]["text"] == "Storm hits coast"
    assert r["html"]["site_name"] == "The Daily Example"
    assert r["html"]["authors"] == ["Jane Doe", "John Smith"]
    assert r["html"]["is_article"] is True
    assert any(p["text"].startswith("A storm hit the coast") for p in r["paragraphs"])
    assert "Home" not in text and "Copyright" not in text
    assert r["quotes"][0]["speaker"] == "Anne Jones"
    assert_offsets_hold(text, r)


def test_bytes_str_and_sniffing_agree():
    as_bytes = newsparse.parse_html(PAGE.encode("utf-8"))
    as_str = newsparse.parse_html(PAGE)
    assert as_bytes["text"] == as_str["text"]
    [auto, plain] = newsparse.parse_many([PAGE, "Plain title\n\nPlain body."], format="auto")
    assert auto["text"] == as_str["text"] and "text" not in plain
    [forced] = newsparse.parse_many([PAGE], format="text")
    assert "html" not in forced
    with pytest.raises(ValueError, match="format"):
        newsparse.parse_many([PAGE], format="pdf")


def test_html_files_and_gzip(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode("windows-1252")))
    (tmp_path / "c.txt").write_text("Title here\n\nBody here.", encoding="utf-8")
    (tmp_path / "d.html.gz").write_bytes(b"not gzip at all")
    recs = newsparse.parse_files([tmp_path / n for n in ("a.html", "b.html.gz", "c.txt", "d.html.gz")], on_error="record")
    assert recs[0]["headline"]["text"] == recs[1]["headline"]["text"] == "Storm hits coast"
    assert "html" not in recs[2] and recs[2]["headline"]["text"] == "Title here"
    assert recs[3]["error"]["kind"] == "decode"


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.name)
def test_fixture_pages_never_fail_and_offsets_hold(page):
    r = newsparse.parse_html(page.read_bytes())
    assert_offsets_hold(r["text"], r)
    assert isinstance(r["html"]["encoding"], str)


def test_parse_many_takes_page_bytes_with_html_or_auto():
    raw = (PAGES / "charset_meta.html").read_bytes()
    one = newsparse.parse_html(raw)
    assert newsparse.parse_many([raw], format="html") == [one]
    assert newsparse.parse_many([raw, None], format="auto") == [one, None]
    # Text is str only: bytes there are a type error naming the item, as before.
    with pytest.raises(TypeError, match="item 0: expected str or None, got bytes"):
        newsparse.parse_many([raw], format="text")
    # Under auto, bytes that are not markup are read as UTF-8; invalid ones fail that item only.
    out = newsparse.parse_many([b"Plain title\n\nA body.", b"caf\xe9 au lait"], format="auto", on_error="record")
    assert out[0]["headline"]["text"] == "Plain title"
    assert out[1]["error"]["kind"] == "decode" and "byte 3" in out[1]["error"]["message"]
