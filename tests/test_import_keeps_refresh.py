"""A re-import from the source files does not undo a publisher refresh: on a factory vintage pair (an import,
then a refresh that adds days and revises one), rebuilding from the older files keeps the refreshed days and
the revision, and says so in its output and in the changelog; a source file newer than the refresh wins."""

import pandas as pd
import pytest

from bench.recorded import Recorded
from components.data import publishers
from components.data.refresh import daily_points, refresh_publishers, snapshot_reader
from components.data.vintages import read_vintages
from importers.snapshot import Built, import_vintage, run_import
from tests.factories.case_files import make_case_folder
from tests.factories.publishers import NEW_DAYS, brent_prices, eia_answer, good_ecb, make_data_dir, wti_prices

REFRESH_DAY, IMPORT_DAY = "2026-10-01", "2026-10-02"
REVISED_DAY = "2026-08-03"


@pytest.fixture
def refreshed(tmp_path, monkeypatch):
    """(data folder, case folder, the source files' series): a snapshot imported from files that end on
    18 Aug 2026, then refreshed from the publishers to 30 Sep 2026 with one revised Brent day."""
    monkeypatch.setenv(publishers.EIA_KEY_VARIABLE, "test-key")
    data_dir = make_data_dir(tmp_path)
    cases = make_case_folder(tmp_path / "cases")
    line, metas = snapshot_reader(data_dir)
    from_files = [Built(dict(meta), daily_points(line(sid), meta["unit"])) for sid, meta in sorted(metas.items())]
    brent = brent_prices(NEW_DAYS)
    brent.loc[REVISED_DAY] += 1.25
    report = refresh_publishers(
        Recorded(ecb=good_ecb(), eia=eia_answer(brent, wti_prices(NEW_DAYS))), data_dir, REFRESH_DAY, cases_root=cases
    )
    assert report.ok and report.record["kind"] == "refresh", report.lines()
    return data_dir, cases, from_files


def brent_now(data_dir) -> pd.Series:
    return snapshot_reader(data_dir)[0]("brent_spot_eia")


def test_a_reimport_keeps_the_refreshed_days_and_revisions(refreshed):
    data_dir, cases, from_files = refreshed
    before = brent_now(data_dir)
    assert before.index.max() == pd.Timestamp("2026-09-30")
    _, record, kept = import_vintage(from_files, data_dir, built_on=IMPORT_DAY, cases_root=cases)
    after = brent_now(data_dir)
    pd.testing.assert_series_equal(after, before, check_freq=False)  # newer days and the revision both kept
    assert after[REVISED_DAY] == pytest.approx(brent_prices(NEW_DAYS)[REVISED_DAY] + 1.25)
    newer = len(NEW_DAYS[NEW_DAYS > "2026-08-18"])
    texts = {k.series_id: k.text() for k in kept}
    assert texts["brent_spot_eia"] == (
        f"brent_spot_eia: kept {newer} newer day(s) to 2026-09-30 and 1 revised value(s) from the refresh of "
        f"{REFRESH_DAY}"
    )
    assert {"wti_spot_eia", "usd_inr_ecb", "usd_cny_ecb"} <= set(texts)
    changelog = (data_dir / "CHANGELOG.md").read_text()
    assert texts["brent_spot_eia"] in changelog
    if record is not None:  # the live-only records are new to this small folder, so a vintage may be written
        assert "brent_spot_eia" not in record["changes"] and texts["brent_spot_eia"] in record["note"]
        assert read_vintages(data_dir)[-1]["kind"] == "import"


def test_a_source_file_newer_than_the_refresh_wins(refreshed):
    data_dir, cases, from_files = refreshed
    newer_files = [Built(dict(b.meta, retrieved="2026-10-05"), b.points) for b in from_files]
    _, record, kept = import_vintage(newer_files, data_dir, built_on=IMPORT_DAY, cases_root=cases)
    assert kept == []
    assert brent_now(data_dir).index.max() == pd.Timestamp("2026-08-18")
    assert record["changes"]["brent_spot_eia"]["removed"] > 0


def test_the_import_prints_what_it_kept(refreshed, monkeypatch, capsys):
    data_dir, _, from_files = refreshed
    from importers.snapshot import build

    monkeypatch.setattr(build, "build_all", lambda sources: from_files)
    (data_dir.parent / "sources" / "compiled").mkdir(parents=True)
    run_import(data_dir.parent / "sources", data_dir)
    out = capsys.readouterr().out
    assert "brent_spot_eia: kept" in out and "(newer than the source file)" in out
