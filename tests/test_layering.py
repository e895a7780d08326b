"""The layers the README promises, checked on the sources: only components/ui imports streamlit among the
components, and the app never imports the build-time importers (the data CLI hands over to them lazily)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


def _sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def test_only_components_ui_imports_streamlit():
    logic = [p for p in _sources("components") if "ui" not in p.relative_to(ROOT / "components").parts[:1]]
    assert logic
    assert [str(p.relative_to(ROOT)) for p in logic if "streamlit" in _imported_modules(p)] == []


def test_the_app_never_imports_the_importers():
    runtime = _sources("components", "pages") + [ROOT / "app.py"]
    cli = ROOT / "components" / "data" / "__main__.py"
    offenders = [str(p.relative_to(ROOT)) for p in runtime if p != cli and "importers" in _imported_modules(p)]
    assert offenders == []


def test_the_data_cli_hands_the_import_over_to_the_snapshot_importer(monkeypatch, tmp_path, capsys):
    import importers.snapshot
    from components.data.__main__ import main

    calls = []
    monkeypatch.setattr(importers.snapshot, "run_import", lambda sources: calls.append(sources) or ["a", "b"])
    assert main(["import", "--sources", str(tmp_path)]) == 0
    assert calls == [tmp_path] and "wrote 2 series records" in capsys.readouterr().out


def test_the_snapshot_importer_refuses_a_folder_that_is_not_the_sources(tmp_path):
    from importers.snapshot import main

    with pytest.raises(FileNotFoundError, match="does not look like the shared sources folder"):
        main(["--sources", str(tmp_path), "--data-dir", str(tmp_path / "data")])


def test_every_benchmark_script_imports_from_the_project_alone():
    """A benchmark is run by hand and rarely: one whose imports broke (a moved helper, a test module) would be found
    only when someone needs its figures. Each must import without the tests package."""
    root = Path(__file__).resolve().parent.parent
    scripts = sorted(p.stem for p in (root / "bench").glob("bench_*.py")) + ["load"]
    for name in scripts:
        source = (root / "bench" / f"{name}.py").read_text(encoding="utf-8")
        assert "from tests" not in source and "import tests" not in source, f"bench/{name}.py imports a test helper"
    code = "import sys; sys.path.insert(0, '.'); " + "; ".join(f"import bench.{name}" for name in scripts)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CLAIMLENS_OFFLINE": "1"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
