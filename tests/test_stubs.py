"""The stubs name what the extension has: every function and class in ``_core.pyi`` exists in
``newsparse._core``, and every public callable of ``_core`` is in the stubs."""

import ast
import pathlib

import newsparse
from newsparse import _core

STUB = pathlib.Path(newsparse.__file__).with_name("_core.pyi")


def test_stub_names_match_the_extension():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    stubbed = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    missing = {n for n in stubbed if not hasattr(_core, n)}
    assert not missing, f"stubbed but not in _core: {missing}"
    public = {n for n in dir(_core) if not n.startswith("__") and callable(getattr(_core, n))}
    assert public <= stubbed, f"in _core but not stubbed: {public - stubbed}"


def test_exports_exist():
    for name in newsparse.__all__:
        assert hasattr(newsparse, name), name
