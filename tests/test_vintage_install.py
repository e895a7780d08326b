"""A vintage is installed as one swap: a crash (an injected exception) at any step leaves the old vintage
intact and byte-identical, and a reader running during installs sees the old vintage or the new one, whole."""

import json
import os
import threading

import pandas as pd
import pytest

from components import data
from components.data import snapshot, vintage_commit, vintage_install
from tests.factories.case_files import make_case_folder
from tests.factories.publishers import folder_bytes, write_snapshot_series
from tests.factories.series import monthly_series, points_frame

META = dict(name="Imports - Kpler", unit="million b/d", topic="india imports", notes="", frequency="monthly")
VALUES = {"low": 1.40, "high": 1.95}  # the one figure (Feb 2025) that tells the two vintages apart
FEB = pd.Timestamp("2025-02-01")


def line(feb: float) -> pd.Series:
    return monthly_series("2024-01-01", [1.9] * 13 + [feb, 1.8], "imp_kpler")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    write_snapshot_series(data_dir, "imp_kpler", points_frame(line(VALUES["low"]), title="Page"), **META)
    write_snapshot_series(data_dir, "other", points_frame(line(1.0), title="Page"), **dict(META, name="Other"))
    (data_dir / "snapshot.json").write_text(json.dumps({"built": "2026-11-25", "series": 2}))
    monkeypatch.setattr(snapshot, "DATA_DIR", data_dir)
    return data_dir, make_case_folder(tmp_path / "cases")


def install(folder, feb: float, day: str = "2026-12-01"):
    data_dir, cases = folder
    meta = dict(META, origin="snapshot", provider="Kpler (ship-tracking)")
    points = points_frame(line(feb), title="Page")
    return vintage_commit.commit({"imp_kpler": (points, meta)}, "import", "Re-import.", data_dir, day, cases_root=cases)


def test_an_install_switches_the_pointer_to_a_whole_new_folder(folder):
    data_dir, _ = folder
    committed = folder_bytes(data_dir)
    record = install(folder, VALUES["high"])
    active = snapshot.active_dir(data_dir)
    assert active == data_dir / "vintages" / record["id"]
    assert (data_dir / "CURRENT").read_text().strip() == record["id"]
    assert sorted(p.name for p in (active / "series").iterdir()) == sorted(
        ["imp_kpler.csv", "imp_kpler.json", "other.csv", "other.json"]
    )
    assert data.load_series("imp_kpler")[FEB] == VALUES["high"] and data.vintage_key() == record["id"]
    # the committed layout is not rewritten: only the changelog copy follows the new vintage
    now = folder_bytes(data_dir)
    assert {k: v for k, v in now.items() if k in committed and k != "CHANGELOG.md"} == {
        k: v for k, v in committed.items() if k != "CHANGELOG.md"
    }


def fail_on(call: int, exc: BaseException):
    """A stand-in that raises `exc` on its `call`-th use and runs the real function otherwise."""

    def wrap(real):
        count = {"n": 0}

        def stand_in(*args, **kwargs):
            count["n"] += 1
            if count["n"] == call:
                raise exc
            return real(*args, **kwargs)

        return stand_in

    return wrap


# every step of an install: the copy, each file written (first and last), the rename, the pointer swap
STEPS = [
    ("copy_vintage", 1),
    ("write_file", 1),
    ("write_file", 5),
    ("publish", 1),
    ("switch_pointer", 1),
]


@pytest.mark.parametrize("start_from", ["committed layout", "installed vintage"])
@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), RuntimeError("killed")], ids=["disk", "crash"])
@pytest.mark.parametrize("step, call", STEPS)
def test_a_crash_at_any_step_leaves_the_old_vintage_byte_identical(folder, monkeypatch, step, call, exc, start_from):
    data_dir, _ = folder
    if start_from == "installed vintage":
        install(folder, VALUES["high"])
    before, active, key = folder_bytes(data_dir), snapshot.active_dir(data_dir), data.vintage_key()
    monkeypatch.setattr(vintage_install, step, fail_on(call, exc)(getattr(vintage_install, step)))
    with pytest.raises((vintage_commit.VintageError, RuntimeError)):
        install(folder, VALUES["low"] + 0.01, "2026-12-02")
    assert folder_bytes(data_dir) == before
    assert snapshot.active_dir(data_dir) == active and data.vintage_key() == key
    assert not [p for p in data_dir.rglob(".staging-*")]


def test_a_crash_inside_the_pointer_swap_leaves_the_old_pointer(folder, monkeypatch):
    data_dir, _ = folder
    install(folder, VALUES["high"])
    before = folder_bytes(data_dir)
    monkeypatch.setattr(os, "replace", fail_on(1, OSError(5, "Input/output error"))(os.replace))
    with pytest.raises(vintage_commit.VintageError, match="Input/output error"):
        install(folder, VALUES["low"], "2026-12-02")
    assert folder_bytes(data_dir) == before


def test_a_reader_during_installs_sees_one_whole_vintage(folder):
    """Installs alternate the two vintages in a thread; every read resolves one folder and must find its
    index, records and data files from the same vintage (no checksum mismatch, the figure its index names)."""
    data_dir, _ = folder
    ids = {}
    for name in ("high", "low"):
        ids[install(folder, VALUES[name], "2026-12-0" + str(len(ids) + 1))["id"]] = VALUES[name]
    stop, errors = threading.Event(), []

    def installer():
        n = 0
        while not stop.is_set() and n < 20:
            try:
                install(folder, VALUES["high" if n % 2 == 0 else "low"], f"2026-12-{10 + n}")
            except Exception as exc:  # noqa: BLE001 - reported to the test below
                errors.append(exc)
            n += 1

    thread = threading.Thread(target=installer)
    thread.start()
    reads = 0
    try:
        while thread.is_alive() or reads < 20:
            folder_now = snapshot.active_dir(data_dir)
            info = snapshot.read_snapshot_info(folder_now)
            catalog = snapshot.read_catalog(folder_now)
            assert (catalog["status"] == "ok").all(), catalog["status"].tolist()
            metas = {sid: data.series_meta(sid, folder_now) for sid in catalog["id"]}
            points = snapshot.read_points("imp_kpler", metas["imp_kpler"], folder_now)  # checksum-checked
            value = float(snapshot.points_to_series(points, "imp_kpler")[FEB])
            assert value == ids[info["vintage"]], (info["vintage"], value)
            assert data.load_series("imp_kpler")[FEB] in VALUES.values()  # the public reader, resolving once
            reads += 1
    finally:
        stop.set()
        thread.join()
    assert not errors and reads >= 20


def test_old_vintage_folders_are_pruned_but_the_current_one_stays(folder):
    data_dir, _ = folder
    for n in range(6):
        install(folder, VALUES["high" if n % 2 == 0 else "low"], f"2026-12-{10 + n}")
    kept = [p for p in (data_dir / "vintages").iterdir() if not p.name.startswith(".")]
    assert len(kept) == vintage_install.KEEP_VINTAGES
    assert snapshot.active_dir(data_dir) in kept


def test_a_newer_committed_snapshot_is_installed_from_its_folder_as_one_swap(folder, tmp_path, capsys):
    from components.data.__main__ import main

    data_dir, _ = folder
    install(folder, VALUES["high"])
    newer = tmp_path / "release" / "data"  # the committed layout of a newer release, without `other`
    write_snapshot_series(newer, "imp_kpler", points_frame(line(1.23), title="Page"), **META)
    (newer / "snapshot.json").write_text(json.dumps({"built": "2026-12-05", "series": 1, "vintage": "abc123"}))
    assert main(["install", "--from", str(newer)]) == 0
    assert "installed vintage abc123" in capsys.readouterr().out
    assert snapshot.active_dir(data_dir).name == "abc123"
    assert data.load_series("imp_kpler")[FEB] == 1.23 and data.vintage_key() == "abc123"
    assert sorted(data.catalog()["id"]) == ["imp_kpler"]  # a series the release dropped is gone with it
    before = folder_bytes(data_dir)
    assert main(["install", "--from", str(tmp_path / "nowhere")]) == 1
    assert "data left as it was" in capsys.readouterr().out and folder_bytes(data_dir) == before


def test_a_cache_keyed_by_a_vintage_reads_that_vintage_after_the_pointer_moved(folder):
    """ui caches take the key (data.vintage_key) then read: naming the vintage keeps the two together."""
    data_dir, _ = folder
    first = install(folder, VALUES["high"])["id"]
    install(folder, VALUES["low"], "2026-12-02")
    assert data.load_series("imp_kpler")[FEB] == VALUES["low"]
    assert data.load_series("imp_kpler", vintage=first)[FEB] == VALUES["high"]
    assert snapshot.vintage_folder(first, data_dir).name == first
    assert snapshot.vintage_folder("sha256:0123", data_dir) == snapshot.active_dir(data_dir)
