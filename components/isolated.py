"""Work that grows with a visitor's input (a pasted text, the network drawn from it) runs in a worker process.

Why: Streamlit runs every visitor's script in threads of one process, and this work is pure Python, so while it
runs it holds the interpreter lock that every other visitor's slider needs. In a worker process a paste costs
other sessions a core, not the lock. The worker is also the hard bound: it is killed when the request's time
runs out or its page was closed, and it cannot take more than `MEMORY_LIMIT_BYTES` of heap. Pure: no
streamlit (the caller passes `should_stop`).

`run(fn, *args, seconds=..., what=...)` runs a module-level function in the worker and returns its result, or
raises budget.BudgetExceeded / WorkerFailed with a message for the user. One worker per server process: two
jobs at once queue, each still within its own time once it starts.

The worker is a plain `python -m components.isolated` child speaking length-prefixed pickles over its pipes,
not multiprocessing: Streamlit runs page scripts as `__main__`, and multiprocessing's spawn re-runs `__main__`
in every child it starts.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from components import budget

MEMORY_LIMIT_BYTES = 2 * 1024**3  # heap of the worker; a job that needs more fails with a message
TASKS_PER_WORKER = 200  # then a fresh process, so that whatever one job left behind goes back to the system
START_SECONDS = 60.0  # a cold worker imports pandas and the text parsers before its first job
POLL_SECONDS = 0.05
ROOT = Path(__file__).resolve().parent.parent
_HEADER = struct.Struct("!Q")


class WorkerFailed(RuntimeError):
    """The worker died (out of memory, killed) or the job raised; the message is for the user."""


def _send(stream: BinaryIO, message: Any) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _receive(stream: BinaryIO) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("worker closed its pipe")
    (size,) = _HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError("worker closed its pipe")
    return pickle.loads(payload)  # noqa: S301 - our own child's answer, over a private pipe


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTHONPATH=os.pathsep.join([str(ROOT), *sys.path]))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "components.isolated"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            env=env,
        )
        self.tasks = 0
        self.ready = False

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            stream.close()

    def wait_readable(self, deadline: float, should_stop: Callable[[], bool] | None) -> str:
        """'ready' when the worker has written something, else why not: 'stopped', 'late' or 'dead'."""
        fd = self.proc.stdout.fileno()
        while True:
            if select.select([fd], [], [], POLL_SECONDS)[0]:
                return "ready"
            if self.proc.poll() is not None:
                return "dead"
            if should_stop is not None and should_stop():
                return "stopped"
            if time.monotonic() > deadline:
                return "late"


_lock = threading.Lock()
_worker: _Worker | None = None


def _started(should_stop: Callable[[], bool] | None, what: str) -> _Worker:
    """The worker, started (and its imports done) if need be; called with _lock held."""
    global _worker
    if _worker is not None and (_worker.proc.poll() is not None or _worker.tasks >= TASKS_PER_WORKER):
        _worker.kill()
        _worker = None
    if _worker is None:
        _worker = _Worker()
    if not _worker.ready:
        why = _worker.wait_readable(time.monotonic() + START_SECONDS, should_stop)
        if why != "ready":
            _discard()
            if why == "stopped":
                raise budget.BudgetExceeded(f"Stopped {what}: the page was closed or run again.")
            raise WorkerFailed(f"Could not start {what}: the server is too busy. Try again in a minute.")
        _receive(_worker.proc.stdout)  # its "ready"
        _worker.ready = True
    return _worker


def _discard() -> None:
    """Kill the worker: a job past its time, or one whose page went away, must not keep a core busy."""
    global _worker
    if _worker is not None:
        _worker.kill()
        _worker = None


def warm_up() -> None:
    """Start the worker ahead of the first job (it imports while the page is read); returns at once."""
    global _worker
    if _lock.acquire(blocking=False):
        try:
            if _worker is None:
                _worker = _Worker()
        finally:
            _lock.release()


def _memory_words(what: str) -> str:
    return (
        f"{what[:1].upper()}{what[1:]} needed more memory than the {MEMORY_LIMIT_BYTES // 1024**2:,} MB one "
        "request may use, and was stopped. Try a shorter text."
    )


def run(
    fn: Callable[..., Any],
    *args: Any,
    seconds: float = budget.REQUEST_SECONDS,
    what: str = "this request",
    should_stop: Callable[[], bool] | None = None,
) -> Any:
    """`fn(*args)` in the worker within `seconds` (counted from when the job starts there)."""
    while not _lock.acquire(timeout=POLL_SECONDS):  # another visitor's job is running: wait for it
        if should_stop is not None and should_stop():
            raise budget.BudgetExceeded(f"Stopped {what}: the page was closed or run again.")
    try:
        worker = _started(should_stop, what)
        try:
            _send(worker.proc.stdin, (fn, args))
        except (BrokenPipeError, OSError):
            _discard()
            raise WorkerFailed(f"{what[:1].upper()}{what[1:]} could not be started. Try again.") from None
        worker.tasks += 1
        why = worker.wait_readable(time.monotonic() + seconds, should_stop)
        if why == "stopped":
            _discard()
            raise budget.BudgetExceeded(f"Stopped {what}: the page was closed or run again.")
        if why == "late":
            _discard()
            raise budget.BudgetExceeded(
                f"Stopped {what} after {seconds:g} s, the most one request may take on this server. Try a shorter text."
            )
        try:
            status, value = _receive(worker.proc.stdout) if why == "ready" else ("dead", None)
        except (EOFError, pickle.UnpicklingError):
            status, value = "dead", None
        if status == "ok":
            return value
        _discard()
        if status in ("dead", "memory"):
            raise WorkerFailed(_memory_words(what))
        raise WorkerFailed(f"{what[:1].upper()}{what[1:]} failed: {value}")
    finally:
        _lock.release()


def _serve() -> None:
    """The worker's loop: (fn, args) in, ('ok', result) | ('memory', '') | ('error', message) out."""
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    except (ValueError, OSError):  # a lower hard limit is already set: keep it
        pass
    from components.claimscan import periods, quantities  # the jobs' slow imports, before saying "ready"

    quantities.warm_up()
    periods.warm_up()
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    _send(outbox, "ready")
    while True:
        try:
            fn, args = _receive(inbox)
        except EOFError:
            return
        try:
            answer = ("ok", fn(*args))
        except MemoryError:
            answer = ("memory", "")
        except Exception as exc:  # noqa: BLE001 - told to the caller, the worker goes on
            answer = ("error", f"{type(exc).__name__}: {exc}"[:300])
        try:
            _send(outbox, answer)
        except MemoryError:
            _send(outbox, ("memory", ""))


if __name__ == "__main__":
    _serve()
