"""Every cache in the app is bounded (entries and/or time), so a shared server's memory comes back: no
st.cache_data / st.cache_resource without max_entries or ttl, no functools.cache, no lru_cache(maxsize=None)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([ROOT / "app.py", *(ROOT / "components").rglob("*.py"), *(ROOT / "pages").glob("*.py")])


def decorators(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                yield node.name, decorator


def name_of(node: ast.AST) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    return ast.unparse(target)


def keywords(node: ast.AST) -> dict[str, ast.AST]:
    return {k.arg: k.value for k in node.keywords} if isinstance(node, ast.Call) else {}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cache_has_a_bound(path):
    unbounded = []
    for function, decorator in decorators(path):
        name = name_of(decorator)
        if name.endswith(("cache_data", "cache_resource")):
            given = keywords(decorator)
            if not ({"max_entries", "ttl"} & set(given)) or any(
                isinstance(given.get(k), ast.Constant) and given[k].value is None for k in ("max_entries", "ttl")
            ):
                unbounded.append(f"{function}: {name} without max_entries or ttl")
        elif name in ("cache", "functools.cache"):
            unbounded.append(f"{function}: functools.cache has no bound (use lru_cache(maxsize=N))")
        elif name.endswith("lru_cache"):
            size = keywords(decorator).get("maxsize")
            positional = decorator.args[0] if isinstance(decorator, ast.Call) and decorator.args else None
            value = size if size is not None else positional
            if not isinstance(decorator, ast.Call) or (isinstance(value, ast.Constant) and value.value is None):
                unbounded.append(f"{function}: lru_cache without a maxsize")
    assert not unbounded, unbounded


def test_the_scan_sees_the_caches():
    found = [name_of(d) for path in SOURCES for _, d in decorators(path)]
    assert sum(n.endswith(("cache_data", "cache_resource")) for n in found) >= 8, found
