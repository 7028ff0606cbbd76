"""The README's Spark recipes, run on one local Spark session shared by these tests (loopback
only, no web UI, scratch space in a temporary folder, workers on this interpreter)."""

import shutil

import pytest

import newsparse
from recipes import run
from test_arrow import TEXTS, same

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsparse[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (17 or later)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    ns = run("spark-session")
    session = ns["spark"]
    yield session
    session.stop()
    shutil.rmtree(ns["scratch"], ignore_errors=True)


@pytest.fixture(scope="module")
def texts(seed):
    return [seed, *TEXTS, "Title\n\nA second paragraph said 4 people were hurt."] * 3


@pytest.fixture(scope="module")
def spark_df(spark, texts):
    return spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(3)


def test_map_in_arrow_gives_the_records(spark_df, texts):
    ns = run("spark-records", spark_df=spark_df)
    rows = sorted(ns["records"].collect(), key=lambda r: r["id"])
    assert [r["id"] for r in rows] == list(range(len(texts)))
    expected = newsparse.parse_many(texts)
    names = newsparse.arrow_schema().names
    for row, rec in zip(rows, expected):
        d = row.asDict(recursive=True)
        assert list(d) == ["id", *names]
        del d["id"]
        if rec is None:
            assert all(v is None for v in d.values())
        else:
            same(d, rec, f"row {row['id']}")
    heads = {r["id"]: (r["text"], r["words"]) for r in ns["headlines"].collect()}
    for i, rec in enumerate(expected):
        want = None if rec is None else ((rec["headline"] or {}).get("text"), rec["stats"]["words"])
        assert heads[i] == (want if rec is not None else (None, None))


def test_map_in_pandas_gives_the_quotes_table(spark_df, texts):
    ns = run("spark-quotes", spark_df=spark_df)
    got = ns["quotes_df"].toPandas().sort_values(["id", "start"]).reset_index(drop=True)
    records = newsparse.parse_many(texts)
    want = newsparse.quotes_table(records).rename(columns={"article": "id"})
    want = want[["id", "speaker", "kind", "text", "start", "end"]].sort_values(["id", "start"]).reset_index(drop=True)
    assert len(got) == len(want) > 0
    assert got["id"].tolist() == want["id"].tolist()
    assert got["text"].tolist() == want["text"].tolist()
    assert got["speaker"].tolist() == want["speaker"].tolist()
