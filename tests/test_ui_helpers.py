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
    line = charts.Line(
        id="brent_spot_eia",
        label="Brent",
        series=pd.Series([71.08, 72.49], index=pd.to_datetime(["2025-03-06", "2025-03-07"])),
        unit="USD/bbl",
        source="EIA",
    )
    frame = charts.lines_frame([line])
    text = ui.csv_bytes(frame, charts.csv_meta("Oil prices", [line])).decode()
    assert "# units: brent_spot_eia=USD/bbl" in text and "# sources: brent_spot_eia=EIA" in text
    assert "2025-03-07,brent_spot_eia,Brent,72.49,USD/bbl" in text


def test_long_lived_heap_is_frozen_once_per_set_of_modules(monkeypatch):
    """Streamlit's post-run gc.collect() then skips the modules' objects; freezing again only after imports."""
    import gc
    import sys
    import types

    calls = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(len(sys.modules)))
    monkeypatch.setattr(ui.page, "_modules_when_frozen", 0)
    ui.freeze_long_lived_heap()
    ui.freeze_long_lived_heap()
    assert len(calls) == 1  # nothing new imported: no second freeze
    monkeypatch.setitem(sys.modules, "claimlens_test_new_module", types.ModuleType("claimlens_test_new_module"))
    ui.freeze_long_lived_heap()
    assert len(calls) == 2 and calls[1] == calls[0] + 1


def test_direct_run_check_is_marked_done_only_under_a_server(monkeypatch):
    """Streamlit's first element would otherwise call inspect.stack() over every imported module (0.2-0.3 s
    of a first visitor's page run); without a running server (a script run with plain python) it still warns."""
    from streamlit import delta_generator, runtime

    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    for server, marked in ((False, False), (True, True)):
        with monkeypatch.context() as patched:  # undone at once: teardown must see the real runtime
            patched.setattr(runtime, "exists", lambda server=server: server)
            ui.page.skip_direct_run_check()
        assert delta_generator._use_warning_has_been_displayed is marked


def test_cut_line_cuts_points_flags_and_sources_alike():
    idx = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])
    line = charts.Line(
        "s",
        "S",
        pd.Series([1.0, 2.0, 3.0], index=idx),
        frequency="monthly",
        flags=pd.Series(["", "partial", ""], index=idx),
        sources=pd.Series(["a", "b", "c"], index=idx),
        urls=pd.Series(["u1", "u2", "u3"], index=idx),
    )
    cut = charts.cut_line(line, "2025-02-01", "2025-03-31")
    assert list(cut.series) == [2.0, 3.0] and list(cut.flags) == ["partial", ""] and list(cut.sources) == ["b", "c"]
    assert list(cut.urls) == ["u2", "u3"] and list(line.series) == [1.0, 2.0, 3.0]  # the whole line is untouched
    assert charts.cut_line(line) is line
