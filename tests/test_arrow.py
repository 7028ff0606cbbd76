"""output="arrow"/"polars": tables built in Rust must hold exactly what the dict records hold."""

import math

import pytest

import newsparse
from conftest import DATA

pa = pytest.importorskip("pyarrow")

TEXTS = [
    "WASHINGTON (Reuters) - The Senate voted 52-48 on Tuesday to confirm Jane Doe, a former "
    'judge. "This is a great day," said Senator John Smith, a Democrat from Ohio.',
    None,
    "Storm kills 12\n\nAt least 12 people died and 200 to 300 homes were destroyed when the "
    "storm hit Manila on 3 March 2021, officials from the Red Cross said.",
    "",
    "Story highlights\n\nNEW: Police say 3 suspects were held\n\nThe FBI (Federal Bureau of "
    "Investigation) opened an inquiry, according to a statement.",
]


def same(arrow_value, dict_value, where="row"):
    """Arrow's struct columns hold every field; a dict may leave an optional key out."""
    if isinstance(arrow_value, dict):
        assert isinstance(dict_value, dict), where
        assert set(dict_value) <= set(arrow_value), f"{where}: keys not in the schema: {set(dict_value) - set(arrow_value)}"
        for k, v in arrow_value.items():
            same(v, dict_value.get(k), f"{where}.{k}")
    elif isinstance(arrow_value, list):
        assert isinstance(dict_value, list) and len(arrow_value) == len(dict_value), where
        for i, (a, d) in enumerate(zip(arrow_value, dict_value)):
            same(a, d, f"{where}[{i}]")
    elif isinstance(arrow_value, float) and isinstance(dict_value, float) and math.isnan(dict_value):
        assert math.isnan(arrow_value), where
    else:
        assert arrow_value == dict_value, f"{where}: arrow {arrow_value!r} != dict {dict_value!r}"


def assert_rows_equal(table, records):
    assert table.num_rows == len(records)
    for i, (row, rec) in enumerate(zip(table.to_pylist(), records)):
        if rec is None:
            assert all(v is None for v in row.values()), f"row {i} should be all nulls"
        else:
            same(row, rec, f"row {i}")


def test_rows_equal_dict_records_text(seed):
    texts = [seed] + TEXTS
    table = newsparse.parse_many(texts, output="arrow", published="2021-03-04")
    assert isinstance(table, pa.Table)
    assert_rows_equal(table, newsparse.parse_many(texts, published="2021-03-04"))


def test_rows_equal_dict_records_html():
    pages = sorted((DATA / "html").glob("*.html"))
    assert pages, "HTML fixtures missing"
    raw = [p.read_bytes() for p in pages]
    table = newsparse.parse_many(raw, format="html", output="arrow")
    records = newsparse.parse_many(raw, format="html")
    assert_rows_equal(table, records)
    # Spans index the extracted text, which the row carries.
    for row in table.to_pylist():
        for q in row["quotes"]:
            assert row["text"][q["start"] : q["end"]] == q["text"]


def test_schema_is_fixed_and_documented(seed):
    schema = newsparse.arrow_schema()
    assert newsparse.parse_many([seed], output="arrow").schema == schema
    assert newsparse.parse_many([], output="arrow").schema == schema
    assert newsparse.parse_many([None], output="arrow").schema == schema
    names = schema.names
    for key in newsparse.parse(seed):
        assert key in names, key
    for extra in ("text", "html", "path", "error"):
        assert extra in names


def test_thread_count_does_not_change_the_table(seed):
    texts = ([seed] + [t for t in TEXTS if t]) * 40
    one = newsparse.parse_many(texts, threads=1, output="arrow")
    two = newsparse.parse_many(texts, threads=2, output="arrow")
    assert one.equals(two)
    assert one.num_rows == len(texts)


def test_on_error_modes_in_arrow():
    bad = [TEXTS[0], 42, TEXTS[2]]
    with pytest.raises(TypeError, match="item 1"):
        newsparse.parse_many(bad, output="arrow")
    nulls = newsparse.parse_many(bad, output="arrow", on_error="null")
    assert nulls.num_rows == 3
    assert nulls.column("headline")[1].as_py() is None
    assert nulls.column("error")[1].as_py() is None
    rec = newsparse.parse_many(bad, output="arrow", on_error="record")
    err = rec.column("error").to_pylist()
    assert err[0] is None and err[2] is None
    assert err[1]["kind"] and "int" in err[1]["message"]
    assert rec.column("quotes")[0].as_py() == newsparse.parse(TEXTS[0])["quotes"]


def test_iter_parse_yields_one_table_per_batch(seed):
    texts = [seed, TEXTS[0], TEXTS[2]] * 3 + [TEXTS[0]]
    tables = list(newsparse.iter_parse(texts, batch_size=4, output="arrow"))
    assert [t.num_rows for t in tables] == [4, 4, 2]
    whole = pa.concat_tables(tables)
    assert whole.equals(newsparse.parse_many(texts, output="arrow"))


def test_progress_gives_the_same_table(seed):
    texts = [seed, TEXTS[0], None, TEXTS[2]] * 5
    plain = newsparse.parse_many(texts, output="arrow")
    with_bar = newsparse.parse_many(texts, output="arrow", progress=True)
    assert plain.equals(with_bar)


def test_parse_files_fills_path(tmp_path, seed):
    (tmp_path / "a.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "c.html").write_bytes((DATA / "html" / "article_figures.html").read_bytes())
    records = newsparse.parse_files(sorted(tmp_path.iterdir()), output="dicts")
    full = newsparse.parse_files(sorted(tmp_path.iterdir()), output="arrow")
    assert [p.rsplit("/", 1)[-1] for p in full.column("path").to_pylist()] == ["a.txt", "b.txt", "c.html"]
    assert_rows_equal(full, records)


def test_stream_is_read_once(seed):
    from newsparse import _core

    stream = _core.parse_many([seed], None, 1, "raise", "text", "arrow")
    assert len(stream) == 1
    assert pa.table(stream).num_rows == 1
    with pytest.raises(ValueError, match="already consumed"):
        pa.table(stream)


def test_bad_output_name():
    with pytest.raises(ValueError, match="output must be"):
        newsparse.parse_many(["x"], output="parquet")


def test_pandas_opens_without_copy(seed):
    pd = pytest.importorskip("pandas")
    table = newsparse.parse_many([seed, TEXTS[0]], output="arrow")
    df = table.to_pandas(types_mapper=pd.ArrowDtype)
    assert list(df.columns) == table.schema.names
    assert df["headline"].iloc[0]["text"] == newsparse.parse(seed)["headline"]["text"]


def test_polars_output(seed):
    pl = pytest.importorskip("polars")
    texts = [seed, None, TEXTS[0]]
    df = newsparse.parse_many(texts, output="polars")
    assert isinstance(df, pl.DataFrame)
    assert df.height == 3
    assert df.columns == newsparse.arrow_schema().names
    assert df["quotes"][2].to_list() == newsparse.parse(TEXTS[0])["quotes"]
    frames = list(newsparse.iter_parse(texts, batch_size=2, output="polars"))
    assert [f.height for f in frames] == [2, 1]
