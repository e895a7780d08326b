"""A lightweight Streamlit session over its websocket protocol (no browser), for server-side benchmarks.

A browser per session measures the browsers on a 2-core machine; this client does what a tab does to the server
and nothing else: it opens `/_stcore/stream`, asks for a script run of a page (BackMsg.rerun_script with the
page's URL path and query string) and reads ForwardMsgs until the run's `script_finished`. Widgets are not
driven: each run is the page as a fresh link would show it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Run:
    page: str
    seconds: float
    messages: int
    bytes: int
    status: str  # script_finished status name, or "timeout" / "closed"
    exceptions: list[str] = field(default_factory=list)
    largest: int = 0  # bytes of the largest single message

    @property
    def ok(self) -> bool:
        return self.status.startswith("FINISHED") and not self.exceptions


class Session:
    """One tab: `async with Session(base) as s: await s.run("Oil_markets", "oil_log=1")`."""

    def __init__(self, base: str, timeout: float = 120.0):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.ws = None

    async def __aenter__(self) -> Session:
        url = self.base.replace("http://", "ws://", 1).replace("https://", "wss://", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(
            url, subprotocols=["streamlit"], origin=self.base, max_size=None, open_timeout=self.timeout
        )
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, page: str = "", query: str = "") -> Run:
        """One script run of `page` (its URL path; '' is Home), until the server says it finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        msg.rerun_script.widget_states.SetInParent()
        await self.ws.send(msg.SerializeToString())
        started, count, size, largest, exceptions = time.perf_counter(), 0, 0, 0, []
        deadline = started + self.timeout
        while True:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - time.perf_counter()))
            except TimeoutError:
                return Run(page, time.perf_counter() - started, count, size, "timeout", exceptions, largest)
            except websockets.ConnectionClosed:
                return Run(page, time.perf_counter() - started, count, size, "closed", exceptions, largest)
            count, size, largest = count + 1, size + len(raw), max(largest, len(raw))
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "exception":
                    exceptions.append(element.exception.message[:200])
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                if status != "FINISHED_EARLY_FOR_RERUN":
                    return Run(page, time.perf_counter() - started, count, size, status, exceptions, largest)
