"""The plotly floor page under a second name: a switch from one plotly page to another, whose charting code the
browser has already loaded (as Home's scorecard has loaded it before any app page is opened)."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).with_name("plotly_line.py")), init_globals={"FLOOR_TITLE": "Plotly again"})
