"""Vintages on a factory pair: the diff per series, the changelog, verdicts recomputed per vintage and the
claim-card note; a write that fails halfway leaves the data folder as it was."""

import json

import pandas as pd
import pytest

from components.data import vintage_commit, vintages
from tests.factories.case_files import make_case_folder
from tests.factories.publishers import folder_bytes, write_snapshot_series
from tests.factories.series import monthly_series, points_frame

MONTHS = "2023-01-01"


def kpler(feb_2025: float) -> pd.Series:
    values = [1.9] * 24 + [1.7, feb_2025, 1.8]  # Jan 2023 .. Mar 2025
    return monthly_series(MONTHS, values, "imp_kpler").drop(pd.Timestamp("2023-06-01"))


def monthly_points(line: pd.Series) -> pd.DataFrame:
    return points_frame(line, title="Page")


META = dict(name="India's imports from Russia - Kpler", unit="million b/d", topic="india imports", notes="")


@pytest.fixture
def folder(tmp_path):
    data_dir = tmp_path / "data"
    write_snapshot_series(data_dir, "imp_kpler", monthly_points(kpler(1.40)), frequency="monthly", **META)
    (data_dir / "snapshot.json").write_text(json.dumps({"built": "2026-11-25"}))
    return data_dir, make_case_folder(tmp_path / "cases")


def commit_kpler(folder, feb_2025: float, day: str, extra_month: bool = False):
    data_dir, cases = folder
    line = kpler(feb_2025)
    if extra_month:
        line.loc[pd.Timestamp("2025-04-01")] = 1.6
    meta = dict(META, frequency="monthly", origin="snapshot", provider="Kpler (ship-tracking)")
    return vintage_commit.commit(
        {"imp_kpler": (monthly_points(line), meta)}, "import", "Re-import.", data_dir, day, cases_root=cases
    )


def test_a_revision_that_flips_a_verdict_is_in_the_record_the_changelog_and_the_card(folder):
    data_dir, _ = folder
    record = commit_kpler(folder, 1.95, "2026-12-01", extra_month=True)
    first, second = vintages.read_vintages(data_dir)
    assert first["verdicts"]["test-case/c_low"]["status"] == "supported"  # Feb 2025 was the lowest in 2 years
    assert second["verdicts"]["test-case/c_low"]["status"] == "contradicted"
    change = record["changes"]["imp_kpler"]
    assert (change["added"], change["revised"], change["removed"]) == (1, 1, 0)
    assert (change["months_before"], change["months_after"]) == (26, 27)
    assert change["largest"] == [dict(date="2025-02-01", old=1.4, new=1.95, change=pytest.approx(0.55))]
    [flip] = record["verdict_changes"]
    assert flip["claim"] == "test-case/c_low" and (flip["was"], flip["now"]) == ("supported", "contradicted")
    assert flip["reason"].startswith("new or revised figures in imp_kpler")
    changelog = (data_dir / "CHANGELOG.md").read_text()
    assert "`imp_kpler`: 1 added, 1 revised, 0 removed" in changelog
    assert "months covered 26 -> 27" in changelog and "2025-02-01 1.4 -> 1.95" in changelog
    assert "test-case/c_low: was supported, now contradicted" in changelog
    history = vintages.read_vintages(data_dir)
    assert vintages.verdict_note("test-case/c_low", "contradicted", history) == (
        "changed with the 2026-12-01 data: was supported"
    )
    assert vintages.verdict_note("test-case/c_event", "supported", history) == ""


def test_a_note_is_dropped_once_a_later_vintage_changes_the_verdict_back(folder):
    data_dir, _ = folder
    commit_kpler(folder, 1.95, "2026-12-01")
    record = commit_kpler(folder, 1.40, "2026-12-08")
    assert record["verdict_changes"][0]["was"] == "contradicted"
    history = vintages.read_vintages(data_dir)
    assert vintages.verdict_note("test-case/c_low", "supported", history) == (
        "changed with the 2026-12-08 data: was contradicted"
    )
    assert [r["date"] for r in history] == ["2026-11-25", "2026-12-01", "2026-12-08"]
    text = vintages.changelog_markdown(history)
    assert text.index("## 2026-12-08") < text.index("## 2026-12-01") < text.index("## 2026-11-25")


def test_nothing_changed_means_no_vintage(folder):
    data_dir, _ = folder
    before = folder_bytes(data_dir)
    assert commit_kpler(folder, 1.40, "2026-12-01") is None
    assert folder_bytes(data_dir) == before


def test_the_vintage_id_follows_the_checksums():
    assert vintages.vintage_checksum({"a": "1", "b": "2"}) == vintages.vintage_checksum({"b": "2", "a": "1"})
    assert vintages.vintage_checksum({"a": "1"}) != vintages.vintage_checksum({"a": "2"})


def test_line_diff_counts_added_revised_removed():
    old = pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"]))
    new = pd.Series([1.0, 2.5, 4.0], index=pd.to_datetime(["2025-01-01", "2025-02-01", "2025-04-01"]))
    diff = vintages.line_diff(old, new, "monthly")
    assert (diff["added"], diff["revised"], diff["removed"]) == (1, 1, 1)
    assert (diff["months_before"], diff["months_after"]) == (3, 3)
    assert diff["largest"][0]["date"] == "2025-02-01"


def test_a_read_only_data_folder_is_said_in_words(folder, monkeypatch):
    data_dir, _ = folder
    before = folder_bytes(data_dir)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(vintage_commit, "data_lock", refuse)
    with pytest.raises(vintage_commit.VintageError, match="cannot be written .*Permission denied"):
        commit_kpler(folder, 1.95, "2026-12-01")
    assert folder_bytes(data_dir) == before


def test_a_verdict_changed_by_the_case_files_says_so(folder):
    data_dir, cases = folder
    vintage_commit.record_baseline(data_dir, "2026-11-25", cases)
    events = cases / "test-case" / "events.csv"
    lines = events.read_text().splitlines()
    events.write_text("\n".join(line for line in lines if not line.startswith("ev_a,")) + "\n")
    record = commit_kpler(folder, 1.41, "2026-12-01")
    [flip] = record["verdict_changes"]
    assert flip["claim"] == "test-case/c_event" and flip["was"] == "supported"
    assert flip["reason"].startswith("the case's files changed (events 2 -> 1)")
    assert record["cases"]["test-case"]["events"] == 1
