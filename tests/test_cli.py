import json
import subprocess
import sys

from newsparse.cli import main


def test_cli_writes_json_lines(tmp_path, seed, capsys):
    a = tmp_path / "a.txt"
    a.write_text(seed, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Short title\n\nShort body.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(a), str(b), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    recs = [json.loads(l) for l in lines]
    assert [r["path"] for r in recs] == [str(a), str(b)]
    assert recs[0]["section"]["text"] == "Middle East"


def test_cli_keeps_going_past_a_bad_file(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    assert main([str(tmp_path / "nope.txt"), str(good)]) == 1
    out, err = capsys.readouterr()
    recs = [json.loads(l) for l in out.splitlines()]
    assert recs[0]["error"]["kind"] == "io" and recs[1]["paragraphs"][0]["text"] == "Fine."
    assert "1 of 2 files failed" in err


def test_python_dash_m_reads_stdin(seed):
    p = subprocess.run([sys.executable, "-m", "newsparse", "-"], input=seed, capture_output=True,
                       text=True, encoding="utf-8", timeout=60)
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert rec["headline_attribution"]["text"] == "Kerry"


def test_cli_writes_parquet_with_failures_as_rows(tmp_path, seed, capsys):
    pq = __import__("pytest").importorskip("pyarrow.parquet")
    import newsparse

    good = tmp_path / "a.txt"
    good.write_text(seed, encoding="utf-8")
    page = tmp_path / "b.html"
    page.write_text("<html><body><article><h1>A page</h1><p>It said so.</p></article></body></html>", encoding="utf-8")
    out = tmp_path / "out.parquet"
    assert main([str(good), str(tmp_path / "missing.txt"), str(page), "-o", str(out)]) == 1
    assert "1 of 3 files failed" in capsys.readouterr().err
    table = pq.read_table(out)
    assert table.schema == newsparse.arrow_schema()
    rows = table.to_pylist()
    assert [r["path"] for r in rows] == [str(good), str(tmp_path / "missing.txt"), str(page)]
    assert rows[0]["section"]["text"] == "Middle East"
    assert rows[1]["error"]["kind"] == "io" and rows[1]["stats"] is None
    assert rows[2]["text"].startswith("A page")
