"""Small shared page pieces: the nav bar, messages, cards, and the guard that turns errors into messages."""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode

from dash import dcc, html

from dashboard import foreground
from genome.errors import SeedpopError

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("dashboard")

PAGES = (
    ("run", "Run"),
    ("lineage", "Lineage"),
    ("population", "Population"),
    ("runs", "Runs"),
    ("compare", "Compare"),
)


def params(search: str | None) -> dict[str, str]:
    """``?a=1&b=2`` → {"a": "1", "b": "2"} (last value wins). Pure."""
    return {k: v[-1] for k, v in parse_qs((search or "").lstrip("?")).items()}


def href(page: str, **query: str | None) -> str:
    q = {k: v for k, v in query.items() if v}
    return f"/{page}" + (f"?{urlencode(q)}" if q else "")


def nav(page: str, run: str | None) -> html.Div:
    links = [
        dcc.Link(
            label,
            href=href(p, run=None if p in ("runs", "compare") else run),
            className="nav-link" + (" active" if p == page else ""),
            id=f"nav-{p}",
        )
        for p, label in PAGES
    ]
    return html.Div(
        [html.B("seedpop", className="brand"), *links, html.Span(run or "", className="run-name")],
        className="nav",
    )


def message(text: str, kind: str = "error") -> html.Div:
    """A one-line explanation in place of content."""
    return html.Div(text, className=f"message {kind}")


def card(label: str, value: Any, sub: str = "") -> html.Div:
    return html.Div(
        [
            html.Div(label, className="card-label"),
            html.Div(str(value), className="card-value"),
            html.Div(sub, className="card-sub"),
        ],
        className="card",
    )


def explain(err: BaseException) -> str:
    """The message a page shows for an error: ours as they are, anything else named but not traced."""
    if isinstance(err, SeedpopError):
        return str(err)
    log.error("dashboard callback failed:\n%s", "".join(traceback.format_exception(err)))
    return f"the dashboard could not read this ({type(err).__name__}: {str(err)[:200]}); see the server log"


def guarded(on_error: Callable[[str], Any]) -> Callable[[F], F]:
    """Decorate a callback: an exception becomes ``on_error(message)``, never a traceback in the browser."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            from dash.exceptions import PreventUpdate

            try:
                with foreground.serving():  # background readers pause meanwhile
                    return fn(*args, **kwargs)
            except PreventUpdate:
                raise
            except Exception as err:
                return on_error(explain(err))

        return inner  # type: ignore[return-value]

    return wrap
