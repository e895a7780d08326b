"""A lightweight Streamlit session over its websocket protocol (no browser), for server-side benchmarks.

A browser per session measures the browsers on a 2-core machine; this client does what a tab does to the server
and nothing else: it opens `/_stcore/stream`, asks for a script run of a page (BackMsg.rerun_script with the
page's URL path and query string) and reads ForwardMsgs until the run's `script_finished`. It remembers what a
tab would: the query string the page wrote back (page_info_changed) and each widget's id and fragment, so that
`set_widget` can send a widget change the way the frontend does (the widget's state, the current query string,
and the fragment the widget lives in, so that a st.fragment reruns alone).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

WIDGET_TYPES = {"slider", "selectbox", "multiselect", "checkbox", "radio", "text_input", "text_area", "number_input"}


@dataclass
class Widget:
    """A widget as the last run drew it: `key` is the user key (the end of Streamlit's '$$ID-<hash>-<key>')."""

    id: str
    key: str
    kind: str
    fragment_id: str
    element: object  # the element's proto (e.g. Slider: min, max, value, data_type)


@dataclass
class Run:
    page: str
    seconds: float
    messages: int
    bytes: int
    status: str  # script_finished status name, or "timeout" / "closed"
    exceptions: list[str] = field(default_factory=list)
    largest: int = 0  # bytes of the largest single message
    query: str = ""  # the query string the page wrote back during the run ('' when it wrote none)

    @property
    def ok(self) -> bool:
        return self.status.startswith("FINISHED") and not self.exceptions


def widget_key(widget_id: str) -> str:
    return widget_id.split("-", 2)[2] if widget_id.startswith("$$ID-") and widget_id.count("-") >= 2 else widget_id


class Session:
    """One tab: `async with Session(base) as s: await s.run("Oil_markets", "oil_log=1")`."""

    def __init__(self, base: str, timeout: float = 120.0, headers: dict | None = None):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.headers = headers or {}
        self.ws = None
        self.page = ""
        self.query = ""
        self.widgets: dict[str, Widget] = {}

    async def __aenter__(self) -> Session:
        url = self.base.replace("http://", "ws://", 1).replace("https://", "wss://", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(
            url,
            subprotocols=["streamlit"],
            origin=self.base,
            max_size=None,
            open_timeout=self.timeout,
            additional_headers=self.headers,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, page: str = "", query: str = "") -> Run:
        """One script run of `page` (its URL path; '' is Home), as a fresh link shows it, until the server says
        it finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        msg.rerun_script.widget_states.SetInParent()
        self.page, self.query, self.widgets = page, query, {}
        return await self._send(msg)

    async def set_widget(self, key: str, state: WidgetState) -> Run:
        """Change one widget of the current page (drawn by the last run) as a user would: its new state with the
        page's current query string, in the widget's fragment when it has one. `state.id` is filled in."""
        widget = self.widgets[key]
        state.id = widget.id
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_name = self.page
        msg.rerun_script.widget_states.widgets.append(state)
        if widget.fragment_id:
            msg.rerun_script.fragment_id = widget.fragment_id
        return await self._send(msg)

    async def _send(self, msg: BackMsg) -> Run:
        page = msg.rerun_script.page_name
        await self.ws.send(msg.SerializeToString())
        started, count, size, largest, exceptions, query = time.perf_counter(), 0, 0, 0, [], ""
        deadline = started + self.timeout
        while True:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - time.perf_counter()))
            except TimeoutError:
                return Run(page, time.perf_counter() - started, count, size, "timeout", exceptions, largest, query)
            except websockets.ConnectionClosed:
                return Run(page, time.perf_counter() - started, count, size, "closed", exceptions, largest, query)
            count, size, largest = count + 1, size + len(raw), max(largest, len(raw))
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                element_type = element.WhichOneof("type")
                if element_type == "exception":
                    exceptions.append(element.exception.message[:200])
                elif element_type in WIDGET_TYPES:
                    proto = getattr(element, element_type)
                    key = widget_key(proto.id)
                    self.widgets[key] = Widget(proto.id, key, element_type, forward.delta.fragment_id, proto)
            elif kind == "page_info_changed":
                query = self.query = forward.page_info_changed.query_string
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                if status != "FINISHED_EARLY_FOR_RERUN":
                    return Run(page, time.perf_counter() - started, count, size, status, exceptions, largest, query)
