"""Truncation: is the text a preview cut short?"""

from __future__ import annotations

from .._data import words

#: Texts shorter than this that end in an ellipsis are taken as style ("Well…"),
#: not as a preview cut at a fixed length.
MIN_PREVIEW = 60

_markers = words("chrome.json", "truncation_markers")
#: the markers, lower-cased: a text ends with one when its last piece after a
#: line break, a full stop or an ellipsis is one of these
_MARKERS = frozenset(m.lower() for m in _markers)
#: what may trail a marker or an ellipsis: closing punctuation, arrows, and
#: one stray icon glyph ('...展开全文c' on Weibo)
_TRAIL = " \t\r\n)]}>»›\"'”’"


#: the last character of each marker: a text whose last character (lower-
#: cased) is none of these ends with no marker, unless a stray glyph follows
_MARKER_ENDS = frozenset(m[-1] for m in _MARKERS if m)


def _may_end_with_marker(tail: str) -> bool:
    """A cheap look at the last characters of ``tail``: False only where
    :func:`_ends_with_marker` is False too."""
    last = tail[-1]
    low = last.lower()
    if not _stays_last(last, low) or low in _MARKER_ENDS:
        return True
    if not (low.isascii() and low.isalpha()) or len(tail) < 2:
        return False
    # a stray glyph: the character before it must end a marker
    before = tail[-2]
    low = before.lower()
    return not _stays_last(before, low) or low in _MARKER_ENDS


def _stays_last(char: str, low: str) -> bool:
    """Whether ``low`` (``char`` lower-cased alone) is what the piece ends
    with: ``char`` is not stripped, not lower-cased by its context (final
    sigma) and lower-cases to one character."""
    return len(low) == 1 and not char.isspace() and char != "\u03a3"


def _ends_with_marker(tail: str) -> bool:
    # a marker stands alone: after a line break, an ellipsis or a full stop
    # (or as the whole text), never glued to the words before it
    cut = max(tail.rfind("\n"), tail.rfind("."), tail.rfind("…"))
    piece = tail[cut + 1 :].strip().lower()
    if piece in _MARKERS:
        return True
    # a stray icon glyph after a CJK marker: '...展开全文c' on Weibo
    return (
        len(piece) > 1
        and piece[-1].isascii()
        and piece[-1].isalpha()
        and not piece[-2].isascii()
        and piece[:-1] in _MARKERS
    )


def is_truncated(text: str, *, ellipsis: bool = True) -> bool:
    """The text ends with an ellipsis (and is long enough to be a preview;
    only when ``ellipsis``: not for a chat message, which is whole), or with
    a 'Show more'-style link after an ellipsis or on its own line."""
    tail = text[-80:].rstrip(_TRAIL)
    if not tail:
        return False
    last = tail[-1]
    if last == "…" or tail.endswith("..."):
        return ellipsis and len(text) >= MIN_PREVIEW
    return _may_end_with_marker(tail) and _ends_with_marker(tail)
