import sys

import pytest

import newsparse
from newsparse import _core, _progress
from newsparse.cli import main

TEXTS = [f"Headline {i}\n\nArticle {i} says 3 people were hurt on Monday." for i in range(700)]


@pytest.fixture
def no_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError


def test_progress_gives_the_same_records(no_tqdm, capsys):
    plain = newsparse.parse_many(TEXTS, published="2014-01-05")
    shown = newsparse.parse_many(iter(TEXTS), published="2014-01-05", progress=True)
    assert shown == plain
    err = capsys.readouterr().err
    assert f"{len(TEXTS)}/{len(TEXTS)} articles" in err
    assert list(newsparse.iter_parse(TEXTS, batch_size=300, progress=True)) == newsparse.parse_many(TEXTS)
    assert "700/700 articles" in capsys.readouterr().err


def test_progress_updates_per_batch_not_per_article(no_tqdm, monkeypatch):
    calls = []
    real = _core.parse_many
    monkeypatch.setattr(_core, "parse_many", lambda t, *a: calls.append(len(t)) or real(t, *a))
    newsparse.parse_many(TEXTS, progress=True)
    assert sum(calls) == len(TEXTS) and len(calls) == -(-len(TEXTS) // _progress.batch_size(len(TEXTS)))
    assert min(calls[:-1]) >= 256


def test_progress_keeps_error_positions_whole_input(no_tqdm):
    texts = list(TEXTS)
    texts[650] = 5  # in the third batch
    with pytest.raises(TypeError, match="item 650:"):
        newsparse.parse_many(texts, progress=True)
    recs = newsparse.parse_many(texts, progress=True, on_error="record")
    assert recs[650]["index"] == 650 and recs[649]["headline"]["text"] == "Headline 649"
    assert newsparse.parse_many(texts, progress=True, on_error="null")[650] is None
    dates = ["2014-01-05"] * len(texts)
    with pytest.raises(ValueError, match="one per article"):
        newsparse.parse_many(TEXTS, published=dates[:-1], progress=True)
    shown = newsparse.parse_many(TEXTS, published=dates, progress=True)
    assert all(r["reference_date"] == "2014-01-05" for r in shown)


def test_parse_files_progress(no_tqdm, tmp_path, capsys):
    paths = []
    for i in range(300):
        p = tmp_path / f"{i:03}.txt"
        p.write_text(TEXTS[i], encoding="utf-8")
        paths.append(p)
    paths.insert(290, tmp_path / "missing.txt")
    recs = newsparse.parse_files(paths, on_error="record", progress=True)
    assert recs == newsparse.parse_files(paths, on_error="record")
    assert recs[290]["index"] == 290 and recs[290]["path"].endswith("missing.txt")
    assert "301/301 articles" in capsys.readouterr().err


def test_ctrl_c_is_not_swallowed_and_the_bar_is_closed(monkeypatch):
    closed = []

    class Bar:
        def update(self, n):
            pass

        def close(self):
            closed.append(True)

    calls = []

    def interrupted(texts, *args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return [None] * len(texts)

    monkeypatch.setattr(_progress, "bar", lambda *a, **k: Bar())
    monkeypatch.setattr(_core, "parse_many", interrupted)
    with pytest.raises(KeyboardInterrupt):
        newsparse.parse_many(TEXTS, progress=True)
    assert closed == [True] and len(calls) == 2
    calls.clear()
    with pytest.raises(KeyboardInterrupt):
        list(newsparse.iter_parse(TEXTS, batch_size=100, progress=True))
    assert closed == [True, True] and len(calls) == 2


def test_tqdm_is_used_when_installed(capsys):
    pytest.importorskip("tqdm")
    newsparse.parse_many(TEXTS[:10], progress=True)
    assert "10/10" in capsys.readouterr().err


def test_cli_progress_uses_the_shared_bar(no_tqdm, tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(TEXTS[0], encoding="utf-8")
    assert main([str(a), "--progress", "-o", str(tmp_path / "out.jsonl")]) == 0
    assert "1/1 articles" in capsys.readouterr().err
