import math
import subprocess
import sys

import pytest

import newsparse
from newsparse.frames import COLUMNS

pd = pytest.importorskip("pandas", reason="the table functions need pandas (newsparse[pandas])")

NAMES = [c[0] for c in COLUMNS]
SHORT = "Storm hits coast\n\nA storm hit the coast on Monday, killing at least 12 people, police said."


def test_importing_newsparse_does_not_import_pandas_and_the_accessor_follows_pandas():
    code = (
        "import sys, newsparse\n"
        "assert 'pandas' not in sys.modules, 'newsparse imported pandas'\n"
        "import pandas as pd\n"
        "f = pd.Series(['Title here\\n\\nBody text.'], index=['a']).news.parse()\n"
        "assert list(f.index) == ['a'] and f.loc['a', 'headline'] == 'Title here'\n"
        "print('ok')\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "ok"


def _frames(seed):
    recs = newsparse.parse_many([seed, SHORT])
    failed = newsparse.parse_files(["/nonexistent/x.txt"], on_error="record")
    return {
        "records": newsparse.to_frame(recs),
        "empty": newsparse.to_frame([]),
        "none": newsparse.to_frame([None]),
        "error": newsparse.to_frame(failed),
        "bare": newsparse.to_frame([{}]),
    }


def test_to_frame_columns_and_dtypes_do_not_depend_on_the_input(seed):
    frames = _frames(seed)
    for name, f in frames.items():
        assert list(f.columns) == NAMES, name
    dtypes = frames["records"].dtypes
    for name, f in frames.items():
        assert (f.dtypes == dtypes).all(), name
    # concatenating batches (what Dask does) keeps the dtypes
    both = pd.concat([frames["records"], frames["none"], frames["empty"]], ignore_index=True)
    assert (both.dtypes == dtypes).all()


def test_to_frame_values_lists_and_missing(seed):
    recs = newsparse.parse_many([seed, None, SHORT])
    f = newsparse.to_frame(recs, index=["x", "y", "z"])
    assert list(f.index) == ["x", "y", "z"]
    assert f.loc["x", "headline"] == recs[0]["headline"]["text"]
    assert f.loc["x", "section"] == "Middle East"
    assert f.loc["x", "quotes"] == recs[0]["quotes"]  # lists stay lists, unchanged
    assert isinstance(f.loc["z", "authors"], list) and f.loc["z", "authors"] == []
    assert f.loc["x", "n_characters"] == len(seed)
    assert f.loc["x", "reading_time_minutes"] == recs[0]["stats"]["reading_time_minutes"]
    # a missing article is missing everywhere, never [] or 0
    assert f.loc["y"].isna().all()
    assert pd.isna(f.loc["x", "byline"])  # a record's None stays missing


def test_to_frame_error_records_keep_path_and_error():
    recs = newsparse.parse_files(["/nonexistent/x.txt"], on_error="record")
    f = newsparse.to_frame(recs)
    row = f.iloc[0]
    assert row["path"] == "/nonexistent/x.txt"
    assert row["error"].startswith("io: ")
    assert row.drop(["path", "error"]).isna().all()


def test_parse_frame_keeps_index_and_order_and_missing_values(seed):
    idx = pd.Index([10, 10, 3, 7], name="doc")  # duplicated labels must not multiply rows
    df = pd.DataFrame({"text": [seed, SHORT, None, float("nan")], "src": list("abcd")}, index=idx)
    out = newsparse.parse_frame(df)
    assert out.index.equals(idx)
    assert list(out.columns[:2]) == ["text", "src"] and "path" not in out.columns
    assert list(out.columns[2:]) == [n for n in NAMES if n not in newsparse.frames.ORIGIN]
    assert out["headline"].iloc[1] == "Storm hits coast"
    assert out["headline"].iloc[0] == newsparse.parse(seed)["headline"]["text"]
    assert out.iloc[2:, 2:].isna().all().all()
    assert list(out["src"]) == list("abcd")


def test_parse_frame_accepts_pd_na_and_a_published_column():
    df = pd.DataFrame(
        {
            "body": pd.array([SHORT, pd.NA, SHORT], dtype="string"),
            "when": pd.to_datetime(["2014-01-06", "2014-01-07", None]),
        }
    )
    out = newsparse.parse_frame(df, column="body", published="when")
    assert out["reference_date"].iloc[0] == "2014-01-06"
    assert pd.isna(out["reference_date"].iloc[1]) and pd.isna(out["headline"].iloc[1])
    assert pd.isna(out["reference_date"].iloc[2])  # NaT: unknown date, not an error
    dates = newsparse.dates_table(out)
    monday = dates[(dates["article"] == 0) & (dates["text"] == "Monday")]
    assert monday["value"].tolist() == ["2014-01-06"]


def test_parse_frame_refuses_to_overwrite_columns_unless_prefixed():
    df = pd.DataFrame({"text": [SHORT], "headline": ["mine"]})
    with pytest.raises(ValueError, match="prefix"):
        newsparse.parse_frame(df)
    out = newsparse.parse_frame(df, prefix="np_")
    assert out["headline"].iloc[0] == "mine" and out["np_headline"].iloc[0] == "Storm hits coast"


def test_series_accessor(seed):
    s = pd.Series([SHORT, None], index=["a", "b"], name="text")
    f = s.news.parse(published="2014-01-05")
    assert list(f.index) == ["a", "b"] and f.loc["a", "reference_date"] == "2014-01-05"
    r = s.news.records()
    assert r.index.equals(s.index) and r.loc["a"]["headline"]["text"] == "Storm hits coast"
    assert r.loc["b"] is None
    assert "Storm" in s.news.display("a")._repr_html_()


def test_quotes_table_rows_match_records_and_offsets(seed):
    recs = newsparse.parse_many([seed, None, SHORT, seed])
    t = newsparse.quotes_table(recs)
    assert list(t.columns[:4]) == ["article", "speaker", "speaker_mention", "verb"]
    assert len(t) == 2 * len(recs[0]["quotes"]) + len(recs[2]["quotes"])
    assert set(t["article"]) <= {0, 2, 3}
    for row in t.itertuples():
        assert seed[row.start : row.end] == row.text
    per_speaker = t[t["article"] == 0].groupby("speaker").size()
    expected = {}
    for q in recs[0]["quotes"]:
        if q["speaker"]:
            expected[q["speaker"]] = expected.get(q["speaker"], 0) + 1
    assert per_speaker.to_dict() == expected
    # speakerless (scare) quotes keep a missing speaker, not ""
    scare = t[t["kind"] == "scare"]
    assert scare["speaker"].isna().all()


def test_tables_article_ids(tmp_path, seed):
    a = tmp_path / "a.txt"
    a.write_text(seed, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(SHORT, encoding="utf-8")
    recs = newsparse.parse_files([a, b])
    by_path = newsparse.numbers_table(recs, id="path")
    assert by_path.columns[0] == "path" and set(by_path["path"]) == {str(a), str(b)}
    by_seq = newsparse.numbers_table(recs, id=["A", "B"])
    assert by_seq["article"].tolist() == ["A" if p == str(a) else "B" for p in by_path["path"]]
    with pytest.raises(ValueError):
        newsparse.numbers_table(recs, id=["only one"])
    frame = newsparse.to_frame(recs, index=["x", "y"])
    by_index = newsparse.counts_table(frame)
    assert set(by_index["article"]) <= {"x", "y"} and len(by_index) == sum(len(r["counts"]) for r in recs)
    assert newsparse.counts_table(frame, id="path")["path"].isin([str(a), str(b)]).all()
    with pytest.raises(KeyError, match="to_frame"):
        newsparse.quotes_table(pd.DataFrame({"text": [SHORT]}))


def test_entities_and_mentions_join(seed):
    recs = [newsparse.parse(seed)]
    ents = newsparse.entities_table(recs)
    ments = newsparse.mentions_table(recs)
    assert len(ents) == len(recs[0]["entities"])
    assert len(ments) == sum(e["count"] for e in recs[0]["entities"]) == ents["count"].sum()
    joined = ments.merge(ents, on=["article", "entity"], suffixes=("", "_e"))
    assert len(joined) == len(ments) and (joined["name"] == joined["name_e"]).all()
    kerry = ents[ents["name"] == "John Kerry"].iloc[0]
    assert kerry["label"] == "PERSON" and "Mr Kerry" in kerry["aliases"]
    for row in ments.itertuples():
        assert seed[row.start : row.end] == row.text


def test_numbers_dates_counts_tables_flat_and_missing(seed):
    recs = [newsparse.parse(seed), newsparse.parse("The price rose from 5 to 7 per cent on 3 May 2020.")]
    nums = newsparse.numbers_table(recs)
    assert nums["value"].dtype == "float64" and nums["paragraph"].dtype == "Int64"
    first = recs[0]["numbers"][0]
    assert nums.iloc[0]["value"] == first["value"] and nums.iloc[0]["noun"] == first["noun"]
    assert nums["low"].isna().sum() == sum(n["low"] is None for r in recs for n in r["numbers"])
    counts = newsparse.counts_table(recs)
    assert (counts.groupby("type")["count"].sum() > 0).all()
    assert counts["type"].tolist() == [c["type"] for r in recs for c in r["counts"]]
    dates = newsparse.dates_table(recs)
    assert len(dates) == sum(len(r["dates"]) for r in recs)
    assert dates["paragraph"].isna().sum() == sum(d["paragraph"] is None for r in recs for d in r["dates"])


@pytest.mark.parametrize(
    "fn",
    [
        newsparse.quotes_table,
        newsparse.entities_table,
        newsparse.mentions_table,
        newsparse.dates_table,
        newsparse.numbers_table,
        newsparse.counts_table,
    ],
)
def test_tables_are_stable_when_empty(fn, seed):
    full = fn([newsparse.parse(seed)])
    assert len(full) > 0
    for empty_input in ([], [None], newsparse.parse_files(["/nonexistent"], on_error="record")):
        empty = fn(empty_input)
        assert len(empty) == 0
        assert list(empty.columns) == list(full.columns)
        assert (empty.dtypes == full.dtypes).all()


def test_missing_amounts_are_nan_not_zero():
    t = newsparse.numbers_table([newsparse.parse("Prices rose 5 per cent.")])
    assert len(t) == 1 and math.isnan(t["high"].iloc[0]) and t["value"].iloc[0] == 5
