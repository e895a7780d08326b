"""Streamlit helpers whose output a user downloads or sees: the CSV header, the deferred download."""
import pandas as pd

from components import charts, ui
from tests.apptest_helpers import app_test


def test_csv_bytes_starts_with_metadata_lines():
    frame = pd.DataFrame({"date": ["2025-03-07"], "value": [72.49]})
    text = ui.csv_bytes(frame, {"title": "Brent", "unit": "USD/bbl", "source": "EIA\nRBRTE"}).decode()
    lines = text.splitlines()
    assert lines[:3] == ["# title: Brent", "# unit: USD/bbl", "# source: EIA RBRTE"]
    assert lines[3:] == ["date,value", "2025-03-07,72.49"]


def test_chart_csv_is_made_on_click_with_units_and_sources():
    """The download button carries a deferred callable: nothing is serialised on rerun, the file is right."""
    at = app_test("pages/2_Oil_markets.py").run()
    assert not at.exception
    buttons = at.get("download_button")
    assert len(buttons) == 3
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons), "CSV made on click, not on rerun"
    line = charts.Line(id="brent_spot_eia", label="Brent", series=pd.Series(
        [71.08, 72.49], index=pd.to_datetime(["2025-03-06", "2025-03-07"])), unit="USD/bbl", source="EIA")
    frame = charts.lines_frame([line])
    text = ui.csv_bytes(frame, charts.csv_meta("Oil prices", [line])).decode()
    assert "# units: brent_spot_eia=USD/bbl" in text and "# sources: brent_spot_eia=EIA" in text
    assert "2025-03-07,brent_spot_eia,Brent,72.49,USD/bbl" in text
