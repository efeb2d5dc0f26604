"""Truncation: is the text a preview cut short?"""

from __future__ import annotations

import regex

from .._data import words

#: Texts shorter than this that end in an ellipsis are taken as style ("Well…"),
#: not as a preview cut at a fixed length.
MIN_PREVIEW = 60

_markers = words("chrome.json", "truncation_markers")
_MARKER_END = regex.compile(
    r"(?:^|[\s.…])(?:" + "|".join(regex.escape(m) for m in _markers) + r")\W{0,3}+[a-z]?$",
    regex.IGNORECASE | regex.VERSION1,
)
_MARKER_LINE = regex.compile(
    r"(?:" + "|".join(regex.escape(m) for m in _markers) + r")[\s.…>»›]{0,3}+",
    regex.IGNORECASE,
)
_ELLIPSIS_END = regex.compile(r"(?:…|\.{3,})\W{0,2}+$")


def is_marker_line(content: str) -> bool:
    """Is the line a 'Show more' / 'Read more' link of its own?"""
    return len(content) <= 40 and _MARKER_LINE.fullmatch(content) is not None


def is_truncated(text: str) -> bool:
    """The text ends with an ellipsis (and is long enough to be a preview),
    or with a 'Show more'-style link."""
    tail = text[-80:]
    if _MARKER_END.search(tail) and ("…" in tail or "..." in tail or "\n" in tail[-40:]):
        return True
    return len(text) >= MIN_PREVIEW and _ELLIPSIS_END.search(tail) is not None
