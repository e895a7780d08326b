"""The csv-module reader of snapshot data files gives exactly what read_csv gives, or steps aside."""

from __future__ import annotations

import pandas as pd
import pytest

from components import data
from components.data import points_csv, snapshot

HEADER = ",".join(points_csv.HEADER)
DEFAULTS = {"unit": "USD/bbl", "source_title": "A record", "source_url": "https://example.org/r", "flag": ""}
DEFAULTS["provider_detail"] = "Kpler"


def write(tmp_path, *lines: str, header: str = HEADER):
    path = tmp_path / "series.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def both(path):
    return points_csv.read(path, DEFAULTS), snapshot._read_points_pandas(path, DEFAULTS)


def test_every_committed_data_file_reads_the_same_as_with_read_csv():
    folder = snapshot.active_dir()
    catalog = data.catalog()
    checked = 0
    for series_id in catalog.loc[catalog["origin"] == "snapshot", "id"]:
        meta = data.series_meta(series_id, folder)
        defaults = snapshot.point_defaults(meta)
        path = snapshot.series_paths(series_id, folder)[0]
        fast = points_csv.read(path, defaults)
        assert fast is not None, f"{series_id}: the importer's own file took the slow path"
        pd.testing.assert_frame_equal(fast, snapshot._read_points_pandas(path, defaults), check_exact=True)
        checked += 1
    assert checked >= 40


def test_blank_cells_take_the_record_defaults_and_used_defaults_to_true(tmp_path):
    path = write(
        tmp_path,
        "2025-01-01,1.5,,,,,,",
        '2025-02-01,-2e3,t/d,partial,"Title, with comma",https://x.org/a,Vortexa,False',
        "2025-03-01,3,,NA,,,,True",
    )
    fast, slow = both(path)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert list(fast["unit"]) == ["USD/bbl", "t/d", "USD/bbl"]
    assert list(fast["used"]) == [True, False, True]
    assert list(fast["flag"]) == ["", "partial", ""]  # read_csv reads "NA" as missing too


def test_a_header_only_file_is_an_empty_frame_like_read_csv_s(tmp_path):
    fast, slow = both(write(tmp_path))
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert fast.empty


@pytest.mark.parametrize(
    "lines, header",
    [
        (["2025-01-01,NA,,,,,,"], HEADER),  # a missing value
        (["2025-01-01,1_000,,,,,,"], HEADER),  # Python's float() would take it
        (["2025-01-01, 1.5,,,,,,"], HEADER),
        (["2025-1-1,1.5,,,,,,"], HEADER),
        (["2025-01-01,1.5,,,,,,", "", "2025-02-01,2,,,,,,"], HEADER),  # a blank line
        (["2025-01-01,1.5,,,,,,,extra"], HEADER),
        (["2025-01-01,1.5,,,,,,1"], HEADER),
        (["1.5,2025-01-01,,,,,,"], "value,date,unit,flag,source_title,source_url,provider_detail,used"),
        (["2025-01-01,1.5"], "date,value"),
    ],
)
def test_anything_but_the_importer_s_plain_form_is_left_to_read_csv(tmp_path, lines, header):
    assert points_csv.read(write(tmp_path, *lines, header=header), DEFAULTS) is None


def test_an_unreadable_file_is_left_to_read_csv_and_its_message(tmp_path):
    path = tmp_path / "series.csv"
    path.write_bytes(b"\xff\xfe\x00broken")
    assert points_csv.read(path, DEFAULTS) is None
    assert points_csv.read(tmp_path / "missing.csv", DEFAULTS) is None
