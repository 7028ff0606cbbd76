import pathlib
from typing import Any, Iterator, Tuple

import pytest

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seed() -> str:
    return (DATA / "seed_article.txt").read_text(encoding="utf-8")


def iter_spans(obj: Any, path: str = "") -> Iterator[Tuple[str, dict]]:
    """Every dict in a record that carries text/start/end, with where it sits."""
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys():
            yield path, obj
        for k, v in obj.items():
            yield from iter_spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from iter_spans(v, f"{path}[{i}]")


def assert_offsets_hold(text: str, record: dict) -> int:
    n = 0
    for where, item in iter_spans(record):
        assert 0 <= item["start"] <= item["end"] <= len(text), where
        assert text[item["start"] : item["end"]] == item["text"], where
        n += 1
    return n
