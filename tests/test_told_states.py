"""Every state is told on the page: a broken case names file, row and field on every page that reads the case
(the network page too), in escaped text; a damaged snapshot (a missing provenance record, a corrupt
data/snapshot.json) is reported in the banner of every page and on Data & sources; nothing shows an absolute
path."""

from __future__ import annotations

import re

import pytest

from components import case as case_module
from components.data import snapshot
from tests.apptest_helpers import PAGES, ROOT, app_test, texts
from tests.factories.snapshot import copy_snapshot

CASE_PAGES = [p for p in PAGES if re.search(r"ui\.case(_events|_or_stop)?\(", (ROOT / p).read_text(encoding="utf-8"))]
NETWORK = "pages/6_Actor_network.py"


def shown(at) -> str:
    """Text of every element a visitor reads (markdown escapes removed, as on screen)."""
    return texts(at)


@pytest.fixture
def broken_case(tmp_path, monkeypatch):
    """events.csv with a date that cannot be: row 2 (the first data row), field 'date'; and a markdown image."""
    root = tmp_path / "cases"
    src = case_module.CASES_ROOT / case_module.DEFAULT_CASE
    dst = root / case_module.DEFAULT_CASE
    dst.mkdir(parents=True)
    for f in src.iterdir():
        if f.is_file():
            (dst / f.name).write_bytes(f.read_bytes())
    events = dst / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("date")] = "![x](http://elsewhere.example/x.png)"
    lines[1] = ",".join(cells)
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(case_module.CaseError) as err:
        case_module.load_case(case_module.DEFAULT_CASE, root=root)
    assert any(i.file == "events.csv" and i.row == 2 and i.field == "date" for i in err.value.issues)
    monkeypatch.setattr(case_module, "CASES_ROOT", root)
    return root


def test_the_network_page_is_among_the_case_pages():
    assert NETWORK in CASE_PAGES and "pages/0_Home.py" in CASE_PAGES


@pytest.mark.parametrize("page", CASE_PAGES)
def test_a_broken_case_names_file_row_and_field(broken_case, page):
    at = app_test(page).run()
    assert not at.exception, [e.message for e in at.exception]
    text = shown(at)
    assert "events.csv row 2" in text and "field 'date'" in text, (
        f"{page}: the message does not say which file, row and field:\n{text[:1500]}"
    )
    raw = "\n".join(str(e.value) for kind in ("markdown", "caption", "error", "warning") for e in getattr(at, kind))
    assert not re.search(r"(?<!\\)\]\(http", raw), f"{page}: the case file's text reached markdown unescaped"
    assert str(broken_case) not in text and "/tmp" not in text


def test_a_missing_case_folder_is_named_without_its_path(tmp_path, monkeypatch):
    monkeypatch.setattr(case_module, "CASES_ROOT", tmp_path / "nowhere")
    with pytest.raises(case_module.CaseError) as err:
        case_module.load_case(case_module.DEFAULT_CASE)
    assert str(tmp_path) not in str(err.value) and f"data/cases/{case_module.DEFAULT_CASE}" in str(err.value)


@pytest.fixture
def damaged_snapshot(tmp_path, monkeypatch):
    folder = copy_snapshot(tmp_path)
    (folder / "series" / "brent_spot_eia.json").unlink()
    (folder / "snapshot.json").write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(snapshot, "DATA_DIR", folder)
    return folder


@pytest.mark.parametrize("page", ["pages/0_Home.py", "pages/2_Oil_markets.py", "pages/8_Data_sources.py"])
def test_a_damaged_snapshot_is_told_in_the_banner(damaged_snapshot, page):
    at = app_test(page).run()
    assert not at.exception, [e.message for e in at.exception]
    text = shown(at)
    assert "data/series/brent_spot_eia.json is missing" in text, text[:2000]
    assert "data/snapshot.json is unreadable" in text, text[:2000]
    assert str(damaged_snapshot) not in text and "wti_spot_eia, " not in text, "no paths, no id lists"


def test_data_sources_lists_the_damage(damaged_snapshot):
    at = app_test("pages/8_Data_sources.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    row = table[table["id"] == "brent_spot_eia"]
    assert len(row) == 1 and "is missing" in row["status"].iloc[0]


@pytest.mark.parametrize("page", ["pages/2_Oil_markets.py", "pages/4_Currencies.py", "pages/8_Data_sources.py"])
def test_a_yahoo_error_text_reaches_the_page_as_text(monkeypatch, tmp_path, page):
    """yfinance's exception text comes from outside: repeated in a live-status line it stays text."""
    from components.data import live

    def download(tickers, *args, **kwargs):
        raise ConnectionError("![x](http://elsewhere.example/x.png) [Log in](http://elsewhere.example)")

    monkeypatch.setenv("CLAIMLENS_OFFLINE", "0")
    monkeypatch.setattr(live, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(live, "download", download)
    at = app_test(page).run()
    if "8_Data" in page:
        at.selectbox(key="data_id").set_value("brent_futures_yahoo").run()
    assert not at.exception, [e.message for e in at.exception]
    raw = "\n".join(
        str(e.value)
        for kind in ("markdown", "caption", "warning", "success", "error", "info")
        for e in getattr(at, kind)
    )
    assert "elsewhere" in raw.replace("\\", ""), "the error should still be told"
    assert not re.search(r"(?<!\\)\]\(http", raw), raw[:1500]
