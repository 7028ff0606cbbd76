"""The Python contract: order, missing values, errors, threads, files, published dates."""

import datetime as dt
import multiprocessing as mp
import sys
import threading

import pytest

import newsparse
from conftest import assert_offsets_hold


def articles(n):
    return [f"Headline number {i}\n\nParagraph {i} says {i * 7} people came.\n\nAnother one." for i in range(n)]


def test_parse_many_keeps_order_and_matches_parse():
    arts = articles(300)
    out = newsparse.parse_many(arts)
    assert len(out) == 300
    assert [r["headline"]["text"] for r in out] == [f"Headline number {i}" for i in range(300)]
    assert out[123] == newsparse.parse(arts[123])


def test_results_do_not_depend_on_threads(seed):
    arts = articles(50) + [seed] * 20
    one = newsparse.parse_many(arts, threads=1)
    assert newsparse.parse_many(arts, threads=2) == one
    assert newsparse.parse_many(arts, threads=5) == one


def test_any_iterable_and_missing_values():
    gen = (t for t in ["A.", None, float("nan"), "B."])
    out = newsparse.parse_many(gen)
    assert out[1] is None and out[2] is None
    assert out[0]["paragraphs"][0]["text"] == "A."
    assert newsparse.parse_many([]) == []


def test_non_str_item_raises_type_error_naming_index():
    with pytest.raises(TypeError, match=r"item 2: expected str or None, got int"):
        newsparse.parse_many(["a", "b", 3, "d"])
    with pytest.raises(TypeError, match="iterable"):
        newsparse.parse_many(5)
    with pytest.raises(TypeError, match="expects a str"):
        newsparse.parse(b"bytes")


def test_on_error_modes_keep_every_other_record():
    arts = articles(1000)
    arts[500] = 42
    nulls = newsparse.parse_many(arts, on_error="null")
    assert len(nulls) == 1000 and nulls[500] is None
    assert nulls[501]["headline"]["text"] == "Headline number 501"
    recs = newsparse.parse_many(arts, on_error="record")
    assert recs[500] == {"error": {"kind": "invalid", "message": "expected str or None, got int"}, "index": 500}
    assert recs[999]["headline"]["text"] == "Headline number 999"
    with pytest.raises(ValueError, match="on_error"):
        newsparse.parse_many(arts, on_error="skip")


def test_bad_thread_count():
    with pytest.raises(ValueError, match="threads"):
        newsparse.parse_many(["x"], threads=0)


def test_lone_surrogates_are_repaired_one_for_one():
    t = "Headline here\n\nHe said \ud800 it was fine.\n\nMore text."
    r = newsparse.parse(t)
    p = r["paragraphs"][0]
    assert p["text"] == "He said \ufffd it was fine."
    assert t[p["start"] : p["end"]].replace("\ud800", "\ufffd") == p["text"]
    assert newsparse.parse_many([t])[0] == r


def test_published_argument():
    t = "Something happened.\n\nMore."
    assert newsparse.parse(t)["reference_date"] is None
    assert newsparse.parse(t, published="2014-01-05")["reference_date"] == "2014-01-05"
    assert newsparse.parse(t, published=dt.date(2014, 1, 5))["reference_date"] == "2014-01-05"
    assert newsparse.parse(t, published=dt.datetime(2014, 1, 5, 9, 30))["reference_date"] == "2014-01-05"
    out = newsparse.parse_many([t, t], published=["2014-01-05", None])
    assert [r["reference_date"] for r in out] == ["2014-01-05", None]
    with pytest.raises(ValueError, match="ISO 8601"):
        newsparse.parse(t, published="05/01/2014")
    with pytest.raises(ValueError, match="2 dates for 3 articles"):
        newsparse.parse_many([t, t, t], published=["2014-01-05", None])


def test_iter_parse_is_lazy_and_indexes_errors_globally():
    def endless():
        i = 0
        while True:
            yield f"Title {i}\n\nBody {i}."
            i += 1

    it = newsparse.iter_parse(endless(), batch_size=10)
    first = [next(it) for _ in range(25)]
    assert first[24]["headline"]["text"] == "Title 24"
    arts = articles(30)
    arts[17] = 1.5
    with pytest.raises(TypeError, match=r"item 17:"):
        list(newsparse.iter_parse(arts, batch_size=10))
    recs = list(newsparse.iter_parse(arts, batch_size=10, on_error="record"))
    assert recs[17]["index"] == 17
    dates = (f"2014-01-{d:02d}" for d in range(1, 31))
    recs = list(newsparse.iter_parse(articles(30), batch_size=7, published=dates))
    assert recs[29]["reference_date"] == "2014-01-30"
    with pytest.raises(ValueError, match="batch_size"):
        next(newsparse.iter_parse(["x"], batch_size=0))


def test_many_python_threads_share_the_pool(seed):
    arts = articles(40) + [seed] * 10
    expected = newsparse.parse_many(arts, threads=1)
    results = [None] * 8

    def work(k):
        results[k] = newsparse.parse_many(arts, threads=2)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(r == expected for r in results)


def _child(q):
    q.put(newsparse.parse_many(articles(20), threads=2)[19]["headline"]["text"])


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_forked_child_can_parse():
    newsparse.parse_many(articles(20), threads=2)  # the parent's pool exists before the fork
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(q,))
    p.start()
    p.join(60)
    assert p.exitcode == 0
    assert q.get(timeout=5) == "Headline number 19"


def test_files(tmp_path, seed):
    (tmp_path / "a.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Titre\n\nLe caf\xe9 est ferm\xe9.".encode("latin-1"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Nested\n\nA nested file.", encoding="utf-8")
    recs = newsparse.parse_files(str(tmp_path / "*.txt"), errors="replace")
    assert [r["path"] for r in recs] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert recs[0]["headline"]["text"].startswith("Iraq conflict")
    assert_offsets_hold(seed, recs[0])
    assert "\ufffd" in recs[1]["paragraphs"][0]["text"]
    latin = newsparse.parse_files([tmp_path / "b.txt"], encoding="latin1")
    assert latin[0]["paragraphs"][0]["text"] == "Le café est fermé."
    assert len(newsparse.parse_files(tmp_path, errors="replace")) == 3  # a directory: its *.txt files, recursively


def test_file_errors_name_the_path(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Fine.\n\nText.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff\xfe no")
    missing = tmp_path / "missing.txt"
    with pytest.raises(newsparse.DecodeError, match=r"bad\.txt: invalid UTF-8 at byte 3") as e:
        newsparse.parse_files([good, bad])
    assert e.value.path == str(bad) and e.value.index == 1
    assert isinstance(e.value, ValueError)
    with pytest.raises(FileNotFoundError) as e:
        newsparse.parse_files([good, missing])
    assert e.value.filename == str(missing)
    recs = newsparse.parse_files([bad, good, missing], on_error="record")
    assert recs[0]["error"]["kind"] == "decode" and recs[0]["path"] == str(bad)
    assert recs[1]["paragraphs"][0]["text"] == "Fine."
    assert recs[2]["error"]["kind"] == "io" and recs[2]["index"] == 2
    assert newsparse.parse_files([missing, good], on_error="null")[0] is None
    with pytest.raises(FileNotFoundError, match="no files match"):
        newsparse.parse_files(str(tmp_path / "*.nothing"))
    with pytest.raises(ValueError, match="unknown encoding"):
        newsparse.parse_files([good], encoding="klingon")


def test_version_and_threads():
    assert newsparse.__version__.count(".") == 2
    assert newsparse.default_threads() >= 1


def test_garbage_collector_state_is_restored():
    import gc

    assert gc.isenabled()
    newsparse.parse_many(articles(10))
    newsparse.parse("Title here\n\nBody.")
    assert gc.isenabled()
    gc.disable()
    try:
        newsparse.parse_many(articles(10))
        assert not gc.isenabled()
    finally:
        gc.enable()
