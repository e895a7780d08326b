"""Streamlit's own error texts for visitors: plain sentences instead of config option names and doc links.

Streamlit builds two errors itself, outside the app's code and outside `client.showErrorDetails`: a message
larger than `server.maxMessageSize` is replaced by a markdown text naming that option, with a link to
Streamlit's documentation, and a browser that sends too much widget state gets the same for
`server.maxWidgetStateSize`. Neither is for a visitor (nor is the "Install skills" callout the frontend adds
to Streamlit's own exceptions). `install()` swaps both classes, in the modules that raise them, for plain
exceptions whose message says what happened in the app's words. The app's own caps (`ui.MAX_ELEMENT_BYTES`,
the network's node and edge caps, the text limits) keep a page far below the limit, so this is the backstop.
"""

from __future__ import annotations

from typing import Any

_installed = False


class ViewTooLarge(Exception):
    """A message the server will not send: plain text (not Streamlit markdown, not a Streamlit Error)."""

    alternate_name = "Too much to show"

    def __init__(self, failed_msg_str: Any = b"") -> None:
        from streamlit.runtime import runtime_util

        size = len(failed_msg_str) / 1e6
        limit = runtime_util.get_max_message_size_bytes() / 1e6
        super().__init__(
            f"This part of the page is too large to send to your browser ({size:.1f} MB; the server sends at "
            f"most {limit:g} MB at once). Narrow the filters or shorten the text."
        )


class InputTooLarge(Exception):
    alternate_name = "Too much input"

    def __init__(self, failed_msg_size: int = 0) -> None:
        super().__init__(
            f"Your browser sent more than this server accepts at once ({failed_msg_size / 1e6:.1f} MB). "
            "Shorten the text or reload the page."
        )


def install() -> None:
    """Once per process (idempotent)."""
    global _installed
    if _installed:
        return
    from streamlit.runtime import runtime_util
    from streamlit.runtime.state import session_state

    runtime_util.MessageSizeError = ViewTooLarge
    session_state.WidgetStateSizeError = InputTooLarge
    _installed = True
