"""Streamlit's own error texts never reach a visitor: a message over server.maxMessageSize and a too-large
widget state are told in plain words, without config option names, documentation links or Streamlit's
exception types (showErrorLinks=false does not cover the text of these messages)."""

from __future__ import annotations

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime import runtime_util
from streamlit.runtime.state import session_state

from components.ui import guard


def oversized_message() -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = "x" * (runtime_util.get_max_message_size_bytes() + 10)
    return msg


def test_an_oversized_message_is_told_in_plain_words():
    guard.install()
    sent = ForwardMsg()
    sent.ParseFromString(runtime_util.serialize_forward_msg(oversized_message()))
    shown = sent.delta.new_element.exception
    text = f"{shown.type} {shown.message}"
    assert "too large to send to your browser" in shown.message, text
    for internal in ("maxMessageSize", "docs.streamlit.io", "config", "MessageSizeError", "http"):
        assert internal not in text, f"{internal!r} shown to the visitor: {text}"
    assert not shown.message_is_markdown and not shown.is_streamlit_exception


def test_too_much_widget_state_is_told_in_plain_words():
    guard.install()
    error = session_state.WidgetStateSizeError(300_000_000)
    assert "maxWidgetStateSize" not in str(error) and "docs.streamlit.io" not in str(error)
    assert "Shorten the text" in str(error)


def test_the_pages_install_the_guard():
    from pathlib import Path

    source = (Path(__file__).resolve().parent.parent / "components" / "ui" / "page.py").read_text()
    assert source.count("guard.install()") >= 2, "page_setup and navigation must both install it"
