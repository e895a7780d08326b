"""URL state: the URL is the view a user shares, so every control is read from it, seeded once per session and
written back; a bad value falls back to its default with a notice, never an exception.

`url_persist(st.multiselect)("Kind", kinds, key="claims_kind")` does all of it in one call. The parameter must
be registered in components/routes.py, whose `components.params` parser validates the URL value; the widget's
own arguments (options, min/max) bound it. Notices wait until `show_notices`, the one place that shows them,
with the URL-supplied text escaped by components.style.safe_text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components import params, routes, style

_PENDING = "_url_notices"
_OPTION_WIDGETS = {"multiselect", "selectbox", "radio", "pills", "segmented_control", "select_slider"}
_BOUNDED_WIDGETS = {"slider", "date_input", "number_input"}
_DEFAULT_ARG = {"multiselect": "default", "selectbox": "index", "radio": "index"}


# ------------------------------------------------------------------------------------------ notices
def show_notices(notices: Iterable[str] = ()) -> None:
    """Show `notices` and every notice the URL controls collected since the last call, one caption each.
    A URL value repeated in a notice is escaped, so `?claims_actor=![](http://x/y.png)` shows as text."""
    pending = st.session_state.pop(_PENDING, [])
    for message in [*notices, *pending]:
        text = message.render(style.safe_text) if isinstance(message, params.Notice) else style.safe_text(message)
        st.caption(f":material/warning: {text}")


def forget_pending_notices() -> None:
    """Drop notices a previous run collected but never showed (ui.page_setup calls it on every page run)."""
    st.session_state.pop(_PENDING, None)


def _collect(notice: str | None, notices: list[str] | None) -> None:
    if not notice:
        return
    if notices is not None:
        notices.append(notice)
    else:
        st.session_state.setdefault(_PENDING, []).append(notice)


# ------------------------------------------------------------------------------------------ reading
def url_read(
    name: str,
    default: Any = routes.FROM_PAGE,
    *,
    options: Iterable[Any] | None = None,
    bounds: tuple[Any, Any] = (None, None),
    notices: list[str] | None = None,
) -> Any:
    """The value of registered URL parameter `name`, parsed by its `components.params` parser against
    `options` (choices) or `bounds` (min, max); absent or bad -> `default` (or the registry's), bad with a
    notice. Reads the URL on every call; `url_seed` and `url_persist` read it once per session."""
    param = routes.param(name)
    fallback = param.default if default is routes.FROM_PAGE else default
    raw = st.query_params.get(name)
    parse, lo, hi = param.parse, bounds[0], bounds[1]
    if parse in (params.parse_multi, params.parse_choice):
        value, notice = parse(raw, list(options or []), fallback, name=name)
    elif parse in (params.parse_int, params.parse_int_range):
        if lo is None and hi is None and options is not None:  # a radio over page numbers, say
            numbers = [int(v) for v in options]
            lo, hi = (min(numbers), max(numbers)) if numbers else (fallback, fallback)
        value, notice = parse(raw, lo, hi, fallback, name=name)
    elif parse in (params.parse_date, params.parse_date_range):
        value, notice = parse(raw, fallback, min_date=lo, max_date=hi, name=name)
    else:
        value, notice = parse(raw, fallback, name=name)
    _collect(notice, notices)
    return value


def url_param(
    name: str, parser: Callable[..., tuple[Any, str | None]], *args: Any, notices: list[str], **kwargs: Any
) -> Any:
    """Read query parameter `name` through a components.params parser with explicit arguments; its notice (if
    any) joins `notices`. For values that no widget holds; a widget's parameter goes through url_persist."""
    value, notice = parser(st.query_params.get(name), *args, name=name, **kwargs)
    _collect(notice, notices)
    return value


def _widget_value(value: Any) -> Any:
    """Parsed values as widgets hold them: dates, not Timestamps."""
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, tuple):
        return tuple(_widget_value(v) for v in value)
    return value


def seed_widget(key: str, value: Any) -> None:
    """Start a keyed widget at `value` once per session; later reruns keep the user's choice."""
    if key not in st.session_state:
        st.session_state[key] = value


def seed_widgets(values: Mapping[str, Any]) -> None:
    """`seed_widget` for each key: the widgets of a typed view parsed from the URL in one go."""
    for key, value in values.items():
        seed_widget(key, value)


def url_seed(
    key: str,
    default: Any = routes.FROM_PAGE,
    *,
    options: Iterable[Any] | None = None,
    bounds: tuple[Any, Any] = (None, None),
    multi: bool | None = None,
    notices: list[str] | None = None,
) -> Any:
    """Seed widget `key` from the URL once per session and return its current value (for a label drawn before
    the widget). A kept value that the options no longer hold (the filters shrank a list) goes back to the
    default, or for a multi-choice loses the missing items."""
    if key not in st.session_state:
        st.session_state[key] = _widget_value(url_read(key, default, options=options, bounds=bounds, notices=notices))
    elif options is not None:
        allowed = list(options)
        current = st.session_state[key]
        is_multi = multi if multi is not None else isinstance(current, list)
        if is_multi:
            kept = [v for v in current if v in allowed]
            if kept != current:
                st.session_state[key] = kept
        elif current not in allowed and current is not None:
            fallback = routes.param(key).default if default is routes.FROM_PAGE else default
            if fallback is routes.FROM_PAGE:
                fallback = allowed[0] if allowed else None
            st.session_state[key] = fallback
    return st.session_state[key]


# ------------------------------------------------------------------------------------------ writing
def set_query(**values: Any) -> None:
    """Write values to the URL as given (lists comma-joined, Timestamps as dates); None, '' or [] removes."""
    for name, value in values.items():
        if value is None or value == "" or value == []:
            st.query_params.pop(name, None)
            continue
        if isinstance(value, (list, tuple)):
            text = ",".join(str(v) for v in value)
        elif isinstance(value, pd.Timestamp):
            text = str(value.date())
        else:
            text = str(value)
        if st.query_params.get(name) != text:
            st.query_params[name] = text


def _same(value: Any, default: Any) -> bool:
    if isinstance(value, (list, tuple)) and isinstance(default, (list, tuple)):
        return set(value) == set(default)
    return value == default


def url_write(name: str, value: Any, default: Any = routes.FROM_PAGE) -> None:
    """Write registered parameter `name` in the form its parser reads back. Left out: None, and the default
    when the registry says a plain view keeps a plain URL."""
    param = routes.param(name)
    default = param.default if default is routes.FROM_PAGE else default
    if value is None or value == "" or (not param.write_default and _same(value, default)):
        set_query(**{name: None})
    else:
        set_query(**{name: param.format(value)})


def set_query_view(wanted: Mapping[str, str], names: Iterable[str]) -> None:
    """Make the URL hold exactly `wanted` among `names` (a typed view's parameters, already formatted)."""
    for name in names:
        set_query(**{name: wanted.get(name)})


# ------------------------------------------------------------------------------------------ one call
def url_persist(widget: Callable[..., Any], *, bounds: tuple[Any, Any] | None = None) -> Callable[..., Any]:
    """`widget` bound to the URL parameter of the same name as its key:

        kinds = ui.url_persist(st.multiselect)("Kind", kinds, key="claims_kind")

    On a session's first run the URL value is parsed (registry parser, bounded by the widget's options or
    min/max, or by `bounds` when the URL may reach wider than the widget), the widget starts there, and a bad
    value gives a notice and the default: `default=` (a value, for every widget type) or the registry's. Every
    run writes the widget's value back. Extra keyword `notices=` collects notices in that list instead."""
    kind = getattr(widget, "__name__", "")

    def bound(label: str, *args: Any, key: str, default: Any = routes.FROM_PAGE, notices=None, **kwargs: Any):
        if kind in _DEFAULT_ARG and _DEFAULT_ARG[kind] in kwargs:
            raise TypeError(f"url_persist({kind}): pass default=<value>, not {_DEFAULT_ARG[kind]}=")
        kwargs.pop("value", None)
        options = None
        if kind in _OPTION_WIDGETS:
            options = list(args[0] if args else kwargs["options"])
        limits = bounds
        if limits is None and kind in _BOUNDED_WIDGETS:
            limits = (
                args[0] if len(args) > 0 else kwargs.get("min_value"),
                args[1] if len(args) > 1 else kwargs.get("max_value"),
            )
        url_seed(
            key,
            default,
            options=options,
            bounds=limits or (None, None),
            multi=kind == "multiselect",
            notices=notices,
        )
        value = widget(label, *args, key=key, **kwargs)
        url_write(key, _url_value(value), default)
        return value

    return bound


def _url_value(value: Any) -> Any:
    """Widget values as the parsers' formatters take them (dates as Timestamps)."""
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, tuple):
        return tuple(_url_value(v) for v in value)
    return value
