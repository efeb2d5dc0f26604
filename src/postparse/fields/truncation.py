"""Truncation: is the text a preview cut short?"""

from __future__ import annotations

import regex

from .._data import words

#: Texts shorter than this that end in an ellipsis are taken as style ("Well…"),
#: not as a preview cut at a fixed length.
MIN_PREVIEW = 60

_markers = words("chrome.json", "truncation_markers")
#: markers by their last character (lower case), for a cheap first test
_BY_LAST: dict[str, tuple[str, ...]] = {}
for _m in _markers:
    _BY_LAST[_m[-1].lower()] = (*_BY_LAST.get(_m[-1].lower(), ()), _m.lower())
_MARKER_LINE = regex.compile(
    r"(?:" + "|".join(regex.escape(m) for m in _markers) + r")[\s.…>»›]{0,3}+",
    regex.IGNORECASE,
)
#: what may trail a marker or an ellipsis: closing punctuation, arrows, and
#: one stray icon glyph ('...展开全文c' on Weibo)
_TRAIL = " \t\r\n)]}>»›\"'”’"


def is_marker_line(content: str) -> bool:
    """Is the line a 'Show more' / 'Read more' link of its own?"""
    return len(content) <= 40 and _MARKER_LINE.fullmatch(content) is not None


def _ends_with_marker(tail: str) -> bool:
    ends = [tail]
    if len(tail) > 1 and tail[-1].isascii() and tail[-1].isalpha() and not tail[-2].isascii():
        ends.append(tail[:-1])  # a stray icon glyph after a CJK marker
    for end in ends:
        for marker in _BY_LAST.get(end[-1].lower(), ()):
            if end.lower().endswith(marker):
                before = end[: -len(marker)]
                # a marker stands alone: after a line break, an ellipsis, or
                # (for spaced scripts) a space, never glued to a word
                if (
                    not before
                    or before[-1] in "\n.…"
                    or (
                        before[-1] in " \t"
                        and ("\n" in before[-3:] or before.rstrip()[-1:] in ".…")
                    )
                ):
                    return True
    return False


def is_truncated(text: str) -> bool:
    """The text ends with an ellipsis (and is long enough to be a preview),
    or with a 'Show more'-style link after an ellipsis or on its own line."""
    tail = text[-80:].rstrip(_TRAIL)
    if not tail:
        return False
    last = tail[-1]
    if last == "…" or tail.endswith("..."):
        return len(text) >= MIN_PREVIEW
    if last.lower() not in _BY_LAST and tail[-2:-1].lower() not in _BY_LAST:
        return False
    return _ends_with_marker(tail)
