"""Hostile pages (tests/hostile_pages.py builds them in memory): a gzip bomb in a batch,
200,000 nested divs, unclosed and re-opened tags by the hundred thousand, a million
attributes, huge scripts, styles and attributes, comment and CDATA floods, bad encodings
declared every way, NUL bytes, one giant text node, pages over the size limit.

Each case runs in a child process under an address-space cap (RLIMIT_AS: 1 GB unless the case
says otherwise) and a time limit (``NEWSPARSE_HOSTILE_TIMEOUT``, 120 s), so a regression that
blows up memory or time fails here instead of taking CI down; the child's own assertions check
what came out. Nothing is timed: bench/hostile.py prints each case's time and peak memory.
The 82 MB page (30 s, 3 GB) runs only with ``NEWSPARSE_HOSTILE_ALL=1``.
"""

import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from hostile_pages import CAP_MB, CASES  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = float(os.environ.get("NEWSPARSE_HOSTILE_TIMEOUT", "120"))
ALL = os.environ.get("NEWSPARSE_HOSTILE_ALL") == "1"
OPT_IN = {"paragraphs-82mb"}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_page(name):
    if name in OPT_IN and not ALL:
        pytest.skip("set NEWSPARSE_HOSTILE_ALL=1 to run it")
    # Two malloc arenas: glibc reserves 64 MB of address space per arena, which the cap counts.
    env = dict(os.environ, MALLOC_ARENA_MAX="2")
    try:
        proc = subprocess.run(
            [sys.executable, os.path.join(HERE, "hostile_pages.py"), name, str(CAP_MB[name])],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: no result within {TIMEOUT:.0f} s (a hang or super-linear time)")
    assert proc.returncode == 0, f"{name}: exit {proc.returncode}\n{proc.stderr[-3000:]}"
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["case"] == name
    print(json.dumps(result))


def test_cases_are_all_capped():
    assert set(CAP_MB) == set(CASES)
    assert all(0 < mb <= 2048 for name, mb in CAP_MB.items() if name not in OPT_IN)
