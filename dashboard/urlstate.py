"""Widget values <-> the URL query string, with browser history that works.

Streamlit's own `bind="query-params"` rewrites the URL in place (history.replaceState), so
the back button would skip every filter change. Here the server writes the URL through
`st.query_params` instead, which adds a history entry per change; and when the URL changes
from outside (a pasted link, back/forward), its values are put into the widgets before they
are drawn. Values are lists of strings; a key absent from the URL means "nothing chosen".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import streamlit as st

UrlValues = dict[str, tuple[str, ...]]
_SYNCED = "_jobdash_url_synced"


def read(keys: Iterable[str]) -> UrlValues:
    """The URL's values for `keys` (keys with no value left out)."""
    return {key: tuple(values) for key in keys if (values := st.query_params.get_all(key))}


def changed_from_outside(scope: str, keys: Sequence[str]) -> UrlValues | None:
    """The URL's values for `keys` when they differ from what this session last synced for
    `scope` (first visit, link, back/forward); None when the URL is as we left it."""
    current = read(keys)
    synced = st.session_state.get(_SYNCED, {}).get(scope)
    return None if synced == current else current


def write(scope: str, values: Mapping[str, Sequence[str]]) -> None:
    """Make the URL hold `values` for the scope's keys (one history entry if anything changed)."""
    wanted = {key: tuple(v) for key, v in values.items() if v}
    st.session_state.setdefault(_SYNCED, {})[scope] = wanted
    keys = set(values)
    if read(keys) == wanted:
        return
    kept = {k: st.query_params.get_all(k) for k in st.query_params if k not in keys}
    st.query_params.from_dict({**kept, **{k: list(v) for k, v in wanted.items()}})
