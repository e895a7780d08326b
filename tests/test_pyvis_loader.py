"""pyvis is loaded without IPython (its notebook display), a real IPython imported afterwards still works, and a
drawing imports no scipy.optimize (the layout is numpy)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from components.network.html import to_html
from components.network.model import graph_from_case
from tests.factories.network import network_case
html = to_html(graph_from_case(network_case()))
assert "new vis.Network" in html, "no drawing"
assert "IPython" not in sys.modules and "IPython.display" not in sys.modules, "a stand-in or IPython stayed"
assert "scipy.optimize" not in sys.modules, "the layout imported scipy.optimize"
import pyvis.network
try:
    pyvis.network.IFrame("x.html", 10, 10)
except RuntimeError as exc:
    assert "notebook" in str(exc)
else:
    raise AssertionError("the notebook stand-in did not refuse")
import IPython.display
assert IPython.display.IFrame is not pyvis.network.IFrame
print("ok")
"""


def test_network_drawing_leaves_ipython_unimported_and_importable():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_shared_template_environment_is_reused():
    from components.network.pyvis_loader import network_class

    first, second = network_class(), network_class()
    assert first[1] is second[1]
    pytest.importorskip("jinja2")
    assert first[1].get_template("template.html") is second[1].get_template("template.html")
