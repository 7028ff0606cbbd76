"""``max_bytes`` on every entry point: an article over the limit is a ``too_large`` failure
through ``on_error`` (``TooLargeError`` when raised), never a crash; ``.gz`` files are inflated
only up to the limit. The big hostile pages are in tests/test_hardening_html.py."""

import gzip
import io
import json
import sys

import pytest

import newsparse
from newsparse import cli

TEXT = "Storm hits coast\n\nA storm hit the coast on Monday, officials said.\n"
PAGE = b"<html><body><h1>Storm hits coast</h1><p>" + b"A storm hit the coast on Monday, officials said. " * 3 + b"</p></body></html>"


def test_default_is_32_mib_and_exported():
    assert newsparse.DEFAULT_MAX_BYTES == 32 * 1024 * 1024
    assert issubclass(newsparse.TooLargeError, newsparse.NewsparseError)
    assert issubclass(newsparse.TooLargeError, ValueError)


def test_parse_and_parse_html_raise():
    n = len(TEXT.encode())
    assert newsparse.parse(TEXT, max_bytes=n)["headline"]["text"] == "Storm hits coast"
    with pytest.raises(newsparse.TooLargeError, match=rf"{n} bytes, over the limit of {n - 1} bytes") as e:
        newsparse.parse(TEXT, max_bytes=n - 1)
    assert e.value.kind == "too_large" and e.value.index == 0
    # Bytes of UTF-8, not characters.
    with pytest.raises(newsparse.TooLargeError):
        newsparse.parse("é" * 10, max_bytes=15)
    assert newsparse.parse_html(PAGE, max_bytes=len(PAGE))["headline"]["text"] == "Storm hits coast"
    for page in (PAGE, PAGE.decode()):
        with pytest.raises(newsparse.TooLargeError):
            newsparse.parse_html(page, max_bytes=len(PAGE) - 1)
    assert newsparse.parse(TEXT, max_bytes=None)["headline"]["text"] == "Storm hits coast"


@pytest.mark.parametrize("bad", [-1, "10", 1.5])
def test_bad_max_bytes_is_a_type_or_value_error(bad):
    with pytest.raises((TypeError, ValueError, OverflowError)):
        newsparse.parse(TEXT, max_bytes=bad)


def test_batches_follow_on_error():
    big = TEXT + "More words. " * 100
    texts = [TEXT, big, None, TEXT]
    limit = len(TEXT.encode()) + 10
    recs = newsparse.parse_many(texts, max_bytes=limit, on_error="record", threads=2)
    assert recs[1]["error"]["kind"] == "too_large" and recs[1]["index"] == 1
    assert recs[2] is None and recs[0] == recs[3] == newsparse.parse(TEXT)
    assert newsparse.parse_many(texts, max_bytes=limit, on_error="null")[1] is None
    with pytest.raises(newsparse.TooLargeError, match="^item 1:"):
        newsparse.parse_many(texts, max_bytes=limit)
    streamed = list(newsparse.iter_parse(texts * 3, batch_size=5, max_bytes=limit, on_error="record"))
    assert [i for i, r in enumerate(streamed) if r and "error" in r] == [1, 5, 9]
    assert [r["index"] for r in streamed if r and "error" in r] == [1, 5, 9]
    with pytest.raises(newsparse.TooLargeError, match="^item 3:"):
        list(newsparse.iter_parse(texts[2:] + texts, batch_size=3, max_bytes=limit))
    pages = newsparse.parse_many([PAGE, PAGE + b" " * 100], format="html", max_bytes=len(PAGE), on_error="record")
    assert pages[0]["headline"]["text"] == "Storm hits coast" and pages[1]["error"]["kind"] == "too_large"
    # With progress bars the batches are split: same records.
    assert newsparse.parse_many(texts, max_bytes=limit, on_error="record", progress=True) == recs


def test_arrow_error_column():
    pa = pytest.importorskip("pyarrow")
    t = newsparse.parse_many([TEXT, TEXT * 50], max_bytes=len(TEXT.encode()), on_error="record", output="arrow")
    assert isinstance(t, pa.Table)
    errors = t.column("error").to_pylist()
    assert errors[0] is None and errors[1]["kind"] == "too_large"


def test_files_and_gzip(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text(TEXT, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(TEXT * 100, encoding="utf-8")
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<html><body><p>" + b"a" * (8 << 20)))
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE))
    limit = 1 << 20
    recs = newsparse.parse_files([small, big, bomb, page], max_bytes=limit, on_error="record")
    assert bomb.stat().st_size < 20_000
    assert recs[0]["headline"]["text"] == recs[3]["headline"]["text"] == "Storm hits coast"
    assert recs[2]["error"]["kind"] == "too_large" and "decompressed" in recs[2]["error"]["message"]
    assert recs[2]["path"] == str(bomb)
    assert "error" not in recs[1]
    recs = newsparse.parse_files([small, big], max_bytes=len(TEXT.encode()), on_error="record")
    assert recs[1]["error"]["kind"] == "too_large" and "file is" in recs[1]["error"]["message"]
    with pytest.raises(newsparse.TooLargeError) as e:
        newsparse.parse_files([small, bomb], max_bytes=limit)
    assert e.value.path == str(bomb) and e.value.index == 1
    assert newsparse.parse_files([bomb], max_bytes=None)[0]["stats"]["characters"] > 8_000_000


def test_decoded_text_is_checked_too(tmp_path):
    # windows-1252 bytes above 0x7f take two or three bytes of UTF-8 each.
    p = tmp_path / "latin.txt"
    p.write_bytes(b"Title\n\n" + b"\xe9" * 1000)
    assert newsparse.parse_files([p], encoding="windows-1252", max_bytes=2007)[0]["stats"]["characters"] == 1007
    rec = newsparse.parse_files([p], encoding="windows-1252", max_bytes=1500, on_error="record")[0]
    assert rec["error"]["kind"] == "too_large"
    assert rec["error"]["message"].startswith("decoded text is 2007 bytes")


def test_frames_take_max_bytes():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": [TEXT, TEXT * 40]})
    out = newsparse.parse_frame(df, max_bytes=len(TEXT.encode()), on_error="null")
    assert out["headline"].tolist()[0] == "Storm hits coast"
    assert pd.isna(out["headline"].tolist()[1])
    recs = df["text"].news.records(max_bytes=len(TEXT.encode()), on_error="record")
    assert recs[1]["error"]["kind"] == "too_large"


def test_cli_max_bytes(tmp_path, capsys):
    small = tmp_path / "a.txt"
    small.write_text(TEXT, encoding="utf-8")
    big = tmp_path / "b.txt"
    big.write_text(TEXT * 100, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main([str(small), str(big), "--max-bytes", "1K", "-o", str(out)]) == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["headline"]["text"] == "Storm hits coast"
    assert lines[1]["error"]["kind"] == "too_large" and lines[1]["path"] == str(big)
    assert "1 of 2 files failed" in capsys.readouterr().err
    assert cli.main([str(small), str(big), "--max-bytes", "none", "-o", str(out)]) == 0
    assert cli.main([str(small), str(big), "--max-bytes", "1.5M", "-o", str(out)]) == 0
    with pytest.raises(SystemExit):
        cli.main([str(small), "--max-bytes", "lots"])
    assert cli._size("64K") == 65536 and cli._size("32M") == 32 << 20 and cli._size("2000") == 2000
    assert cli._size("None") is None


def test_cli_stdin_over_the_limit(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEXT * 100))
    assert cli.main(["-", "--max-bytes", "100"]) == 2
    assert "over the limit" in capsys.readouterr().err
