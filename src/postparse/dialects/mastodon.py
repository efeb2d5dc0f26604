"""``mastodon``: a Mastodon timeline (web UI or a similar client) copied
from a browser.

A post::

    Rosa Lindqvist boosted              <- boost line (meta)
    2h                                  <- age (Mastodon's web UI puts it first)
    Harbour Data Lab                    <- display name
    @harbourdata@fosstodon.org          <- handle
    Text ...                            <- (or the content warning, then
    Show more                           <-  'Show more': truncated)
    3                                   <- reply / boost / favourite counts (meta)
    12

The order 'name, handle, age' (other clients, or one line
'Name @user@host · 2h') is read the same. A focused post has no age in its
header; its date comes from the detail line below it
('Sep 3, 2024, 14:02 · Web · 12 boosts · 30 favourites').

Author = the display name; stamp = the age ('2h', 'Sep 3', 'Mar 14, 2023').
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..lines import Line
from . import register
from .base import Context, Dialect, Match, rule
from .twitter import (
    COUNT,
    alternation,
    feed_words,
    folded_set,
    header_match,
    match_contents,
    match_window,
    physical_lines,
    unit_languages,
)

_KEY = "mastodon_chrome"
_META_WORDS = folded_set(_KEY, "meta")
_FOOTER_WORDS = folded_set(_KEY, "footer")
_CW_SHOW = folded_set(_KEY, "cw_show")
_CW_SHOWN = folded_set(_KEY, "cw_shown")
_BOOST = regex.compile(
    # no space before a CJK suffix ('みどりさんがブースト')
    r"[^\n]{1,80}?\s*(?:" + alternation(feed_words(_KEY, "boost_suffix")) + r")",
    regex.IGNORECASE,
)
_UNITS = alternation(feed_words(_KEY, "count_units"))
_COUNT = regex.compile(COUNT + r"\+?(?:\s+(?:" + _UNITS + r"))?", regex.IGNORECASE)

_HANDLE = (
    r"@[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24})?"
)
#: an age: a word ('now'), digits and a unit of the table ('2h', '35 min',
#: '3分前'), a short date ('Sep 3', '6 sept.', 'Mar 14, 2023', '9月6日')
_AGE = (
    r"(?:"
    + alternation(feed_words(_KEY, "age_now"))
    + r"|\d{1,2}\s?(?:"
    + alternation(feed_words(_KEY, "age_units"))
    + r")|\p{L}{3,5}\.?\s\d{1,2}(?:,\s\d{4})?"
    r"|\d{1,2}\.?\s\p{L}{3,5}\.?(?:\s\d{4})?|(?:\d{4}年)?\d{1,2}月\d{1,2}日)"
)
_EDIT_MARK = r"(?:\s*\*)?"
_HEADERS = (
    # 'Name', '@user@host', '2h' (or '· 2h')
    regex.compile(
        rf"(?P<name>[^\n]{{1,60}}?)\s*(?P<handle>{_HANDLE})(?:\s*·)?\s+(?P<age>{_AGE}){_EDIT_MARK}"
    ),
    # '2h', 'Name', '@user@host' (Mastodon's web UI)
    regex.compile(
        rf"(?P<age>{_AGE}){_EDIT_MARK}\s+(?P<name>[^\n@]{{1,60}}?)\s*(?P<handle>{_HANDLE})"
    ),
)
# The detail line of a focused post: 'Sep 3, 2024, 14:02 · Web · 12 boosts'.
_DETAIL = regex.compile(
    r"(?P<age>\p{L}{3,5}\.?\s\d{1,2},\s\d{4},?\s\d{1,2}:\d{2}(?:\s?[AP]M)?"
    r"|\d{1,2}\.?\s\p{L}{3,5}\.?\s\d{4},?\s\d{1,2}:\d{2})"
    r"(?:\s*·[^\n]{0,120})?",
)
_STATS = regex.compile(rf"{COUNT}\s+(?:{_UNITS})(?:\s*·\s*{COUNT}\s+(?:{_UNITS})){{0,4}}")
_NAME_HANDLE = regex.compile(rf"(?P<name>[^\n@]{{1,60}}?)\s*(?P<handle>{_HANDLE})")
_META = Match("meta")
#: units of one interface language only ('j'): see twitter.age_date
_UNIT_LANGS = unit_languages(_KEY)
_AGE_LIKE = regex.compile(r"\d{1,2}\s?[mM]")
_REMOTE = regex.compile(r"@[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24}")


def _fold(content: str) -> str:
    return content.casefold() if len(content) <= 80 else ""


def is_count(content: str) -> bool:
    return content[:1].isdigit() and len(content) <= 40 and _COUNT.fullmatch(content) is not None


@rule("chrome")
def chrome(ctx: Context, line: Line) -> Match | None:
    """Boost lines, buttons, reply/boost/favourite counts."""
    c = line.content
    f = _fold(c)
    if not f:
        return None
    if f in _META_WORDS:
        return _META
    if is_count(c):
        if _AGE_LIKE.fullmatch(c):
            # '45m' above a name and a handle is an age, not 45 million
            two = ctx.peek(2)
            if two is not None and two.content[:1] == "@":
                return None
        return _META
    if _BOOST.fullmatch(c):
        return _META
    return None


@rule("footer")
def footer(ctx: Context, line: Line) -> Match | None:
    """'Show more' of a content warning (truncated), 'Show less',
    'Translate', the detail line of a focused post."""
    c = line.content
    f = _fold(c)
    if not f:
        return None
    if f in _CW_SHOW:
        return Match("footer", truncated=True)
    if f in _CW_SHOWN or f in _FOOTER_WORDS:
        return Match("footer")
    if c[:1].isalnum() and (_DETAIL.fullmatch(c) or _STATS.fullmatch(c)):
        return Match("footer")
    return None


@rule("header")
def header(ctx: Context, line: Line) -> Match | None:
    """Display name, handle and age in either order, one to four lines."""
    c = line.content
    if len(c) > 140:
        return None
    if "@" not in c:
        one, two = ctx.peek(1), ctx.peek(2)
        if not ((one and one.content[:1] == "@") or (two and two.content[:1] == "@")):
            return None
    found = match_window(ctx, line, _HEADERS, max_lines=4, max_len=220)
    if found is not None:
        _, m, w = found
        if m.group("handle").count("@") == 1 and any(ln.content == "·" for ln in w.lines):
            # 'Name' / '@user' / '·' / 'age': Twitter's four-line header
            # (a local '@user' has no instance), not ours
            return None
        return header_match(ctx, w, m, m.group("name").strip(), _UNIT_LANGS)
    return _focused(ctx, line)


def _focused(ctx: Context, line: Line) -> Match | None:
    """'Name' / '@user@host' with no age: a focused post whose date is on
    its detail line below."""
    found = match_window(ctx, line, (_NAME_HANDLE,), max_lines=2, max_len=160, first=2)
    if found is None:
        return None
    _, m, w = found
    for k in range(len(w.lines), 12):
        ahead = ctx.peek(k)
        if ahead is None:
            return None
        d = _DETAIL.fullmatch(ahead.content) if ahead.content[:1].isalpha() else None
        if d is not None:
            return Match(
                "header",
                lines=physical_lines(ctx, len(w.lines)),
                author=m.group("name").strip(),
                stamp=d.group("age"),
                stamp_start=ahead.content_start + d.start("age"),
            )
    return None


def _remote_handle_in_reach(window: Sequence[str]) -> bool:
    """Some line of the first four holds two '@': an '@user@instance' handle
    (which the signature requires) never runs over a line break."""
    for s in window[:4]:  # noqa: SIM110 - a loop costs less than any() here
        if "@" in s and s.count("@") > 1:
            return True
    return False


def signature(window: Sequence[str]) -> bool:
    """Display name, '@user@instance' and age in either order over one to
    four lines, or name and handle over a focused post's detail line (for
    mixed files). The instance is required: '@user' alone is Twitter's."""
    return _remote_handle_in_reach(window) and _signature(window)


def _signature(window: Sequence[str]) -> bool:
    """:func:`signature` without its cheap first test."""
    c = window[0]
    if len(c) > 140:
        return False
    if "@" not in c and not any(s[:1] == "@" for s in window[1:3]):
        return False  # no handle where one must be
    found = match_contents(window[:4], _HEADERS, max_lines=4, max_len=220)
    if found is not None:
        handle: str = found[1].group("handle")
        return handle.count("@") == 2
    found = match_contents(window[:2], (_NAME_HANDLE,), max_lines=2, max_len=160)
    if found is None or found[1].group("handle").count("@") != 2:
        return False
    return any(s[:1].isalpha() and _DETAIL.fullmatch(s) is not None for s in window[found[2] :])


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    handles = 0
    for s in sample:
        if (
            len(s) <= 160
            and s.count("@") >= 2
            and ((s[:1] == "@" and _REMOTE.fullmatch(s)) or _HEADERS[0].fullmatch(s))
        ):
            handles += 1
    if not handles:
        return 0.0
    return min(1.0, 6 * handles / len(sample) + 0.1)


MASTODON = register(
    Dialect(
        name="mastodon",
        detect=detect,
        rules=(chrome, footer, header),
        lookahead=12,
        signature=signature,
        signature_max_len=140,
        switch_evidence=1,
        description="Mastodon timeline copied from a browser.",
    )
)
