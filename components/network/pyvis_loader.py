"""pyvis's Network class and one jinja environment for its template, loaded once per process.

pyvis imports `IPython.display.IFrame` at import time, for `show()` in a notebook, which the app never calls
(it uses `generate_html()`); importing IPython takes about 0.4 s of a server's first network page on two
cores. While pyvis imports, a stand-in `IPython.display` is in `sys.modules`; it is removed right after, so a
real IPython imported later (a notebook user's) is untouched. Each pyvis Network also builds its own jinja
environment, which compiles the template again on every drawing: one shared environment compiles it once per
process, and keeps the compiled template in the app's cache folder (CLAIMLENS_CACHE_DIR/jinja) so that a
restarted server does not compile it again (about 80 ms); an unwritable folder just means no disk copy.
"""

from __future__ import annotations

import sys
import threading
import types

_lock = threading.Lock()
_loaded: tuple | None = None


class _NoNotebook:
    """What pyvis's notebook `show()` would get in place of IPython's IFrame: a clear error, never a frame."""

    def __init__(self, *args, **kwargs):
        raise RuntimeError("Claim Lens draws networks with generate_html(); notebook display is not available")


def _import_network_class():
    if "IPython" in sys.modules or "pyvis.network" in sys.modules:
        from pyvis.network import Network

        return Network
    parent, display = types.ModuleType("IPython"), types.ModuleType("IPython.display")
    display.IFrame, parent.display = _NoNotebook, display
    sys.modules["IPython"], sys.modules["IPython.display"] = parent, display
    try:
        from pyvis.network import Network
    finally:
        for name, stand_in in (("IPython.display", display), ("IPython", parent)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    return Network


def network_class():
    """(pyvis.network.Network, a shared jinja Environment over pyvis's templates)."""
    global _loaded
    with _lock:
        if _loaded is None:
            from jinja2 import Environment, FileSystemLoader

            network = _import_network_class()
            probe = network(cdn_resources="in_line")  # pyvis's own template folder, as it computes it
            loader = FileSystemLoader(probe.template_dir)
            _loaded = (network, Environment(loader=loader, bytecode_cache=_disk_copies()))
        return _loaded


def _disk_copies():
    from jinja2 import FileSystemBytecodeCache

    from components.data.live import CACHE_DIR

    folder = CACHE_DIR / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
