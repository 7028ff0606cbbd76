"""The README's code blocks marked ``<!-- recipe: NAME -->``, so tests run exactly what users read."""

import pathlib
import re

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"


def recipe(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"<!-- recipe: " + re.escape(name) + r" -->\n```python\n(.*?)```", text, re.S)
    if m is None:
        raise KeyError(f"README.md has no recipe {name!r}")
    return m.group(1)


def run(name: str, **names):
    """Runs a recipe with ``names`` defined; returns its namespace."""
    ns = dict(names)
    exec(compile(recipe(name), f"README.md:{name}", "exec"), ns)
    return ns
