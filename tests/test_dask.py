"""The Dask recipe from the README, run on a real two-process LocalCluster: newsparse's
functions and options must pickle, and workers must need no state from the parent."""

import pathlib
import shutil

import pytest

import newsparse

dask = pytest.importorskip("dask", reason="dask is not installed (pip install 'newsparse[dask]')")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "examples" / "corpus"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def paths(tmp_path_factory, seed):
    root = tmp_path_factory.mktemp("corpus")
    if CORPUS.is_dir():
        for p in CORPUS.glob("*.txt"):
            shutil.copy(p, root / p.name)
    (root / "seed.txt").write_text(seed, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"Title\n\nBad byte \xff here.")
    return sorted(str(p) for p in root.glob("*.txt"))


def test_bag_over_files_on_two_worker_processes(client, paths):
    records = db.from_sequence(paths, npartitions=4).map_partitions(
        newsparse.parse_files, threads=1, on_error="record"
    )
    # Tables per partition, in the workers; only the small tables travel back.
    parts = [dask.delayed(newsparse.quotes_table)(p, id="path") for p in records.to_delayed()]
    quotes = pd.concat(dask.compute(*parts), ignore_index=True)

    local = newsparse.parse_files(paths, on_error="record")
    expected = newsparse.quotes_table(local, id="path")
    key = ["path", "start"]
    pd.testing.assert_frame_equal(
        quotes.sort_values(key).reset_index(drop=True), expected.sort_values(key).reset_index(drop=True)
    )
    assert len(quotes) > 0
    # work really ran in both worker processes, not in this one
    assert len(client.scheduler_info()["workers"]) == 2
    got = records.compute()
    assert [r["path"] for r in got] == paths
    errors = [r for r in got if "error" in r]
    assert len(errors) == 1 and errors[0]["path"].endswith("broken.txt")


def test_to_frame_per_partition_concatenates(client, paths):
    records = db.from_sequence(paths, npartitions=3).map_partitions(
        newsparse.parse_files, threads=1, on_error="record"
    )
    frames = dask.compute(*[dask.delayed(newsparse.to_frame)(p) for p in records.to_delayed()])
    frame = pd.concat(frames, ignore_index=True)
    assert frame["path"].tolist() == paths
    assert (frame.dtypes == newsparse.to_frame([]).dtypes).all()


def test_dask_dataframe_map_partitions(client, seed):
    try:
        import dask.dataframe as dd
    except ImportError as e:  # dask.dataframe needs pyarrow, which newsparse[dask] does not pull in
        pytest.skip(f"dask.dataframe unavailable: {e}")
    df = pd.DataFrame({"text": [seed, "Title\n\nBody said 4 people.", None] * 4})
    ddf = dd.from_pandas(df, npartitions=3)
    meta = newsparse.parse_frame(df.iloc[:0])
    out = ddf.map_partitions(newsparse.parse_frame, column="text", threads=1, meta=meta).compute()
    expected = newsparse.parse_frame(df)
    assert out["headline"].tolist() == expected["headline"].tolist()
