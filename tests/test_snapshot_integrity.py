"""A damaged snapshot is told, never silent: a deleted provenance record or data file, a corrupt snapshot
index, a checksum that does not match. Messages name files as the project knows them (data/series/x.csv),
never by the server's absolute path, and never list every series id. `status` exits non-zero on damage."""

from __future__ import annotations

import pytest

from components import data
from components.data import __main__ as cli
from components.data import snapshot
from tests.factories.snapshot import ROOT, copy_snapshot


@pytest.fixture
def folder(tmp_path, monkeypatch):
    copy = copy_snapshot(tmp_path)
    monkeypatch.setattr(snapshot, "DATA_DIR", copy)
    return copy


def status(capsys) -> tuple[int, str]:
    code = cli.main(["status"])
    return code, capsys.readouterr().out


def test_status_is_ok_and_exits_zero_on_the_committed_snapshot(capsys):
    code, out = status(capsys)
    assert code == 0 and "PROBLEM" not in out


def test_status_exits_non_zero_for_a_deleted_series_csv(folder, capsys):
    (folder / "series" / "wti_spot_eia.csv").unlink()
    code, out = status(capsys)
    assert code == 1
    assert "data/series/wti_spot_eia.csv is missing" in out


def test_status_exits_non_zero_for_a_checksum_mismatch(folder, capsys):
    target = folder / "series" / "urals_price_minfin.csv"
    target.write_text(target.read_text().replace("63.62", "99.99"))
    code, out = status(capsys)
    assert code == 1 and "urals_price_minfin.csv does not match its checksum" in out


def test_a_deleted_provenance_record_is_reported_not_dropped(folder, capsys):
    (folder / "series" / "brent_spot_eia.json").unlink()
    cat = data.catalog().set_index("id")
    assert "brent_spot_eia" in cat.index, "the series vanished from the catalog without a word"
    assert "data/series/brent_spot_eia.json is missing" in cat.loc["brent_spot_eia", "status"]
    meta = data.series_meta("brent_spot_eia")
    assert meta["status"] != "ok" and "wti_spot_eia" not in meta["status"]
    with pytest.raises(data.SnapshotError) as err:
        data.load_series("brent_spot_eia")
    assert "wti_spot_eia" not in str(err.value), "the message must not list other series ids"
    code, out = status(capsys)
    assert code == 1 and "brent_spot_eia.json is missing" in out


def test_a_deleted_live_only_record_is_caught_by_the_index_count(folder, capsys):
    count = len(list((folder / "series").glob("*.json")))
    (folder / "series" / "reliance_yahoo.json").unlink()
    problems = data.snapshot_problems()
    assert any(f"lists {count} series but {count - 1}" in p for p in problems), problems
    assert status(capsys)[0] == 1


@pytest.mark.parametrize("content", ["{", "", "[1, 2]", '{"built": "not a date"}'])
def test_a_corrupt_snapshot_index_is_reported(folder, capsys, content):
    (folder / "snapshot.json").write_text(content, encoding="utf-8")
    problems = data.snapshot_problems()
    assert problems and "data/snapshot.json" in problems[0], problems
    code, out = status(capsys)
    assert code == 1 and "data/snapshot.json" in out


def test_a_missing_snapshot_index_is_reported(folder):
    (folder / "snapshot.json").unlink()
    assert data.snapshot_problems() == ["the snapshot index data/snapshot.json is missing"]


def test_messages_carry_no_absolute_paths(folder):
    (folder / "series" / "wti_spot_eia.csv").unlink()
    (folder / "series" / "usd_cny_ecb.json").write_text("{not json")
    (folder / "snapshot.json").write_text("{")
    messages = list(data.catalog()["status"]) + data.snapshot_problems() + list(data.series_problems().values())
    for source in ("wti_spot_eia", "usd_cny_ecb"):
        try:
            data.load_series(source)
        except data.SnapshotError as exc:
            messages.append(str(exc))
    for message in messages:
        assert str(folder) not in message and str(ROOT) not in message and "/tmp" not in message, message


def test_unreadable_file_gives_its_reason_without_the_path(folder, monkeypatch):
    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(snapshot.Path, "read_bytes", denied)
    problem = snapshot.file_problem(folder / "series" / "brent_spot_eia.csv", {"checksum": "x"})
    assert problem == "snapshot file data/series/brent_spot_eia.csv is unreadable: Permission denied"
