"""Web archives: archives written here with warcio (a test extra), holding the noise a crawl has."""

import gzip
import io

import pytest

import newsparse
from conftest import DATA, assert_offsets_hold

warcio = pytest.importorskip("warcio", reason="warcio writes the test archives (pip install 'newsparse[test]')")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

UNDATED = (
    b"<html><head><title>Council votes to close bridge</title></head><body><article>"
    b"<h1>Council votes to close bridge</h1>"
    b"<p>The council voted on Tuesday to close the old bridge for repairs, the mayor said in a statement.</p>"
    b"<p>Work will start next month and last until the spring, officials said on Wednesday.</p>"
    b"</article></body></html>"
)
FIGURES = (DATA / "html" / "article_figures.html").read_bytes()
LATIN = (DATA / "html" / "charset_undeclared_1252.html").read_bytes()
WARC_DATE = "2021-03-04T10:00:00Z"


def chunked(body: bytes, size: int = 100) -> bytes:
    out = b""
    for i in range(0, len(body), size):
        piece = body[i : i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def response(w, url, body, status="200 OK", ctype="text/html; charset=utf-8", extra=()):
    headers = StatusAndHeaders(status, [("Content-Type", ctype), *extra], protocol="HTTP/1.1")
    rec = w.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )
    w.write_record(rec)
    return rec.rec_headers.get_header("WARC-Record-ID")


def crawl(gzipped=True):
    """An archive with two plain pages, one chunked + gzip page, a latin-1 page announced by
    its HTTP header, and the noise: warcinfo, requests, an image, a 404, robots.txt, a revisit
    and a metadata record. Returns (bytes, [record ids of the pages in order])."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzipped)
    w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    ids = []
    req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    w.write_record(w.create_warc_record("http://news.example/a", "request", http_headers=req,
                                        payload=io.BytesIO(b"")))
    ids.append(response(w, "http://news.example/a", UNDATED))
    response(w, "http://news.example/logo.png", b"\x89PNG\r\n\x1a\n....", ctype="image/png")
    response(w, "http://news.example/missing", b"<html><body>Not here</body></html>", status="404 Not Found")
    response(w, "http://news.example/robots.txt", b"User-agent: *\nDisallow: /private\n", ctype="text/plain")
    ids.append(response(w, "http://news.example/figures", chunked(gzip.compress(FIGURES)),
                        extra=[("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]))
    rev = w.create_revisit_record("http://news.example/a", digest="sha1:AAAA", refers_to_uri="http://news.example/a",
                                  refers_to_date=WARC_DATE)
    w.write_record(rev)
    w.write_record(w.create_warc_record("http://news.example/a", "metadata", payload=io.BytesIO(b"via: x\n"),
                                        warc_content_type="application/warc-fields"))
    ids.append(response(w, "http://news.example/latin", LATIN, ctype="text/html; charset=windows-1252"))
    return buf.getvalue(), ids


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("warc")
    data, ids = crawl()
    path = root / "crawl.warc.gz"
    path.write_bytes(data)
    plain, _ = crawl(gzipped=False)
    (root / "crawl.warc").write_bytes(plain)
    return path, ids


def test_one_record_per_html_response(archive):
    path, ids = archive
    reader = newsparse.iter_warc(path)
    recs = list(reader)
    assert [r["url"] for r in recs] == ["http://news.example/a", "http://news.example/figures", "http://news.example/latin"]
    assert [r["warc_record_id"] for r in recs] == ids
    assert all(r["path"] == str(path) and r["warc_date"] == WARC_DATE for r in recs)
    s = reader.stats
    assert s["pages"] == 3 and s["errors"] == 0
    assert s["skipped"] == {"warcinfo": 1, "request": 1, "metadata": 1, "revisit": 1, "resource": 0,
                            "other_type": 0, "status": 1, "not_html": 2}
    assert s["records"] == 3 + sum(s["skipped"].values())
    assert s["files"][0]["path"] == str(path)
    for r in recs:
        assert_offsets_hold(r["text"], r)


def test_records_equal_parse_html_on_the_bodies(archive):
    path, _ = archive
    recs = newsparse.parse_warc(path)
    # The chunked, gzipped page decodes to the very page; its record is parse_html's.
    direct = newsparse.parse_html(FIGURES, url="http://news.example/figures")
    got = recs[1]
    for key in ("headline", "paragraphs", "text", "html", "quotes", "entities"):
        assert got[key] == direct[key], key
    # The windows-1252 page announced by its HTTP header reads as the page decoder reads it.
    assert recs[2]["text"] == newsparse.parse_html(LATIN)["text"]
    assert "\ufffd" not in recs[2]["text"]


def test_capture_date_resolves_relative_dates_of_undated_pages(archive):
    path, _ = archive
    rec = newsparse.parse_warc(path)[0]
    assert newsparse.parse_html(UNDATED)["reference_date"] is None
    assert rec["reference_date"] == "2021-03-04"
    tuesday = [d for d in rec["dates"] if d["text"] == "Tuesday"]
    assert tuesday and tuesday[0]["value"] == "2021-03-02"
    assert newsparse.parse_warc(path, published="2020-01-01")[0]["reference_date"] == "2020-01-01"


def test_plain_and_gzip_archives_agree(archive):
    path, _ = archive
    plain = newsparse.parse_warc(path.with_suffix(""))
    gz = newsparse.parse_warc(path)
    assert [r["text"] for r in plain] == [r["text"] for r in gz]


def corrupt_copy(src, dst, member):
    """``src`` with bytes flipped in the middle of gzip member number ``member``."""
    data = src.read_bytes()
    starts = [i for i in range(len(data) - 2) if data[i : i + 3] == b"\x1f\x8b\x08"]
    a, b = starts[member], starts[member + 1]
    mid = (a + b) // 2
    data = data[:mid] + bytes(x ^ 0x5A for x in data[mid : mid + 16]) + data[mid + 16 :]
    dst.write_bytes(data)


def test_corrupt_and_truncated_members_lose_only_themselves(archive, tmp_path):
    path, _ = archive
    bad = tmp_path / "bad.warc.gz"
    corrupt_copy(path, bad, member=2)  # the first page's member (after warcinfo, request)
    recs = newsparse.parse_warc(bad, on_error="record")
    assert "error" in recs[0] and recs[0]["error"]["kind"] == "decode"
    assert "gzip member" in recs[0]["error"]["message"]
    assert [r.get("url") for r in recs[1:]] == ["http://news.example/figures", "http://news.example/latin"]
    with pytest.raises(newsparse.DecodeError, match="gzip member") as e:
        newsparse.parse_warc(bad)
    assert e.value.path == str(bad)
    assert [r is None for r in newsparse.parse_warc(bad, on_error="null")] == [True, False, False]

    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[:-40])  # the last page's member loses its end
    reader = newsparse.iter_warc(cut, on_error="record")
    recs = list(reader)
    assert [r.get("url") for r in recs[:2]] == ["http://news.example/a", "http://news.example/figures"]
    assert recs[2]["error"]["kind"] == "decode" and recs[2]["path"] == str(cut)
    assert reader.stats["errors"] == 1 and reader.stats["pages"] == 2


def test_byte_cap_is_a_too_large_failure(archive):
    path, _ = archive
    recs = newsparse.parse_warc(path, on_error="record", max_record_bytes=len(UNDATED) + 500)
    kinds = [r["error"]["kind"] if "error" in r else "ok" for r in recs]
    expected_last = "ok" if len(LATIN) < len(UNDATED) + 300 else "too_large"
    assert kinds == ["ok", "too_large", expected_last]
    assert recs[1]["url"] == "http://news.example/figures"


def test_arrow_rows_equal_the_dicts_and_batches_are_fixed(archive):
    pa = pytest.importorskip("pyarrow")
    from test_arrow import assert_rows_equal

    path, _ = archive
    recs = newsparse.parse_warc([path, path])
    table = newsparse.parse_warc([path, path], output="arrow")
    assert isinstance(table, pa.Table) and table.schema == newsparse.arrow_schema()
    assert_rows_equal(table, recs)
    assert table.column("warc_record_id").to_pylist() == [r["warc_record_id"] for r in recs]
    tables = list(newsparse.iter_warc([path, path], batch_size=4, output="arrow"))
    assert [t.num_rows for t in tables] == [4, 2]
    one = newsparse.parse_warc([path] * 3, threads=1, output="arrow")
    two = newsparse.parse_warc([path] * 3, threads=2, output="arrow")
    assert one.equals(two)


def test_parse_files_takes_archives_among_other_files(archive, tmp_path, seed):
    path, _ = archive
    txt = tmp_path / "a.txt"
    txt.write_text(seed, encoding="utf-8")
    missing = tmp_path / "gone.warc.gz"
    recs = newsparse.parse_files([txt, path, missing, txt], on_error="record")
    assert [r["path"] for r in recs] == [str(txt)] + [str(path)] * 3 + [str(missing), str(txt)]
    assert recs[4]["error"]["kind"] == "io" and recs[4]["index"] == 4
    table = newsparse.parse_files([txt, path], output="arrow")
    assert table.num_rows == 4 and table.column("url").to_pylist()[0] is None


def test_directory_expands_to_archives(archive):
    path, _ = archive
    recs = newsparse.parse_files(path.parent)
    assert len(recs) == 6  # crawl.warc and crawl.warc.gz, three pages each


def test_cli_streams_archives_to_parquet_and_counts(archive, tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    from newsparse.cli import main

    path, _ = archive
    out = tmp_path / "out.parquet"
    assert main([str(path.parent / "*.warc.gz"), "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert table.column("url").to_pylist()[0] == "http://news.example/a"
    err = capsys.readouterr().err
    assert "3 HTML pages parsed" in err and "1 request" in err and "2 not html" in err

    bad = tmp_path / "bad.warc.gz"
    corrupt_copy(path, bad, member=2)
    jsonl = tmp_path / "out.jsonl"
    assert main([str(bad), str(path), "-o", str(jsonl)]) == 1
    import json

    rows = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert len(rows) == 6 and rows[0]["error"]["kind"] == "decode" and rows[0]["index"] == 0
    assert "1 records failed" in capsys.readouterr().err


def test_to_frame_keeps_the_page_origin(archive):
    pd = pytest.importorskip("pandas")
    path, ids = archive
    frame = newsparse.to_frame(newsparse.parse_warc(path))
    assert frame["url"].tolist()[0] == "http://news.example/a"
    assert frame["warc_record_id"].tolist() == ids
    assert frame["warc_date"].tolist() == [WARC_DATE] * 3
    assert isinstance(frame, pd.DataFrame)
