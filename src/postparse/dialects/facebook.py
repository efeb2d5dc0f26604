"""``facebook``: a Facebook feed (posts and their comments) copied from a
browser.

A post::

    Lena Hoffmann                       <- name (' · Follow' dropped) \\ header
    2 hrs ·                             <- 'September 3 at 9:02 AM ·'  /
    text ... See more                   <- 'See more' = truncated
    All reactions:                      <- reactions, counts and buttons: meta
    48
    12 comments
    Like
    Comment
    Share

A comment::

    Tomás Reyes                         <- name: header (author)
    Author                              <- badge (footer)
    Looks amazing, count me in
    1h Like Reply                       <- footer; its age is the stamp
    (or '1h' / 'Like' / 'Reply' on lines of their own)

Author = the name as written; stamp = the age ('2 hrs', 'Yesterday at
4:20 PM', '1h').
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..lines import Line
from . import register
from .base import Context, Dialect, Match, rule
from .twitter import (
    COUNT,
    age_date,
    alternation,
    feed_words,
    folded_set,
    header_match,
    match_contents,
    match_window,
    unit_languages,
)

_KEY = "facebook_chrome"
_BUTTONS = folded_set(_KEY, "buttons")
#: words of a button line that may be a phrase ('Gefällt mir', 'Me gusta'):
#: how many words the longest button has
_BUTTON_SPAN = max(len(b.split()) for b in _BUTTONS)
_META_WORDS = folded_set(_KEY, "meta")
_BADGES = folded_set(_KEY, "badges")
_TRUNC = folded_set(_KEY, "truncated")
_FOOTER_WORDS = folded_set(_KEY, "footer")
_JOIN = folded_set(_KEY, "join")
#: a group page's card line opens with the group's kind ('Private group · 1.2K members')
_GROUP_CARD = tuple(w + " ·" for w in feed_words(_KEY, "group_card"))
_UNITS = alternation(feed_words(_KEY, "count_units"))
_COUNT = regex.compile(COUNT + rf"(?:\s+(?:{_UNITS}))?", regex.IGNORECASE)
_OTHERS = regex.compile(
    r"[^\n]{1,80}?\s+(?:and|und|et|y|e)\s+" + COUNT + r"\s+(?:"
    rf"{alternation(feed_words(_KEY, 'others'))})",
    regex.IGNORECASE,
)
_VIEW_MORE = regex.compile(
    rf"(?:{alternation(feed_words(_KEY, 'view_prefix'))})\s+(?:all\s+|more\s+|previous\s+)?"
    r"(?:\d{1,6}\s+)?(?:more\s+)?(?:comments?|repl(?:y|ies)|answers?)"
    r"|[^\n]{1,60}?\s+replied\s*·\s*\d{1,6}\s+repl(?:y|ies)",
    regex.IGNORECASE,
)
#: ages that are words: 'Just now', 'Gerade eben', 'Ahora'
_AGE_NOW = feed_words(_KEY, "age_now")
#: the units after a short age's digits ('1h', '2 min', '3 j', '1 sem')
_AGE_UNITS = feed_words(_KEY, "age_units")
#: units of one interface language only ('j'): see twitter.age_date
_UNIT_LANGS = unit_languages(_KEY)
_AGE_SHORT = r"(?:\d{1,3}\s?(?:" + alternation(_AGE_UNITS) + r")\.?|" + alternation(_AGE_NOW) + ")"
#: the letters an age word opens with (both cases)
_AGE_NOW_OPENS = frozenset(w[:1].lower() for w in _AGE_NOW) | frozenset(
    w[:1].upper() for w in _AGE_NOW
)
_FOOT_WORDS = alternation([*feed_words(_KEY, "buttons"), *feed_words(_KEY, "footer")])
# '1h Like Reply', '1h · Like · Reply · Edited', '2d Like Reply 3'
_COMMENT_FOOT = regex.compile(
    rf"(?P<age>{_AGE_SHORT})(?:\s*·?\s*(?:{_FOOT_WORDS})){{1,6}}(?:\s+\d{{1,6}})?",
    regex.IGNORECASE,
)
_AGE_ALONE = regex.compile(rf"(?P<age>{_AGE_SHORT})", regex.IGNORECASE)
# A post byline: name then the date with the trailing '·' (and the audience).
_AGE_LOOSE = (
    r"(?:[\p{L}\p{N} ,.:]{0,30}\d(?:[\p{L}\p{N} ,.:]{0,30}[\p{L}\p{N}.])?"
    r"|" + alternation([*_AGE_NOW, *feed_words(_KEY, "age_days")]) + ")"
)
_AUDIENCE = r"(?:\s*(?:" + alternation(feed_words(_KEY, "audience")) + r"))?\s*[\p{Co}\p{So}]?"
_FOLLOW = alternation(feed_words(_KEY, "follow"))
_HEADERS = (
    regex.compile(
        rf"(?P<name>[^\n·]{{1,80}}?)(?:\s*·\s*(?:{_FOLLOW}))?\s+(?P<age>{_AGE_LOOSE})\s*·{_AUDIENCE}"
    ),
)
_SENTENCE_END = regex.compile(r"[.!?:;,…)\]\"”»]$")
_META = Match("meta")


def _fold(content: str) -> str:
    return content.casefold() if len(content) <= 90 else ""


def _button_run(words: Sequence[str]) -> bool:
    """``words`` (case-folded) are buttons end to end, a button being one
    word or a phrase ('like comment share', 'me gusta comentar compartir');
    the longest phrase is tried first at each place."""
    i, n = 0, len(words)
    while i < n:
        for span in range(min(_BUTTON_SPAN, n - i), 0, -1):
            if " ".join(words[i : i + span]) in _BUTTONS:
                i += span
                break
        else:
            return False
    return n > 0


def _opens_with_button(content: str) -> bool:
    """The line starts with a button ('Like', 'Gefällt mir', 'Me gusta ...')."""
    words = content.casefold().split(None, _BUTTON_SPAN)[:_BUTTON_SPAN]
    return any(" ".join(words[:span]) in _BUTTONS for span in range(1, len(words) + 1))


def is_chrome(content: str) -> bool:
    f = _fold(content)
    if not f:
        return False
    if f in _META_WORDS:
        return True
    if f[:1].isdigit() and _COUNT.fullmatch(content):
        return True
    if _button_run(f.split()):
        return True
    return bool(_OTHERS.fullmatch(content) or _VIEW_MORE.fullmatch(content))


def _comment_foot(ctx: Context, content: str, k: int) -> regex.Match[str] | None:
    """The comment footer at peek(k) (``content``): '1h Like Reply', or
    '1h' alone followed by 'Like'."""
    if len(content) > 60 or not content[:1].isalnum():
        return None
    m = _COMMENT_FOOT.fullmatch(content)
    if m is not None:
        return m
    m = _AGE_ALONE.fullmatch(content)
    if m is not None:
        nxt = ctx.peek(k + 1)
        if nxt is not None and _opens_with_button(nxt.content):
            return m
    return None


@rule("chrome")
def chrome(ctx: Context, line: Line) -> Match | None:
    """Buttons, reaction summaries, counts, 'View more comments' ..."""
    c = line.content
    f = _fold(c)
    if f in _TRUNC:
        return Match("footer", truncated=True)
    if f in _FOOTER_WORDS:
        return Match("footer")
    if f in _BADGES:
        prev = ctx.state.prev
        return Match("footer") if prev is not None and prev.kind == "header" else _META
    if is_chrome(c):
        # a 'Follow' button right under the byline belongs to the post
        prev = ctx.state.prev
        if prev is not None and prev.kind == "header" and _opens_with_button(f):
            return Match("footer")
        return _META
    if c.startswith(_GROUP_CARD):
        return _META  # 'Private group · 1.2K members'
    nxt = ctx.peek(1)
    if (
        nxt is not None
        and (_fold(nxt.content) in _JOIN or nxt.content.startswith(_GROUP_CARD))
        and _is_name(c)
    ):
        # a suggested group or page ('NAME' above 'Join group'), or a group
        # page's name above its card line
        return _META
    return None


@rule("comment-footer")
def comment_footer(ctx: Context, line: Line) -> Match | None:
    """'1h Like Reply' under a comment (its age is the comment's stamp)."""
    if ctx.state.current == "post" and _comment_foot(ctx, line.content, 0) is not None:
        return Match("footer")
    return None


@rule("post-header")
def post_header(ctx: Context, line: Line) -> Match | None:
    """Name, then '2 hrs ·' / 'September 3 at 9:02 AM ·'."""
    c = line.content
    if len(c) > 90:
        return None
    found = match_window(ctx, line, _HEADERS, max_lines=5, max_len=180)
    if found is None:
        return None
    _, m, w = found
    if w.piece(m.start("name")) != 0 or m.end("name") > len(c):
        return None
    return header_match(ctx, w, m, m.group("name").strip())


def _is_name(content: str) -> bool:
    return (
        _opens_as_name(content) and len(content.split()) <= 6 and not _SENTENCE_END.search(content)
    )


def _opens_as_name(c: str) -> bool:
    """The cheap tests :func:`_is_name` starts with: short, opening with no
    digit, mark or bullet."""
    return 0 < len(c) <= 60 and not c[:1].isdigit() and c[:1] not in "#@[(<-•*"


@rule("comment-header")
def comment_header(ctx: Context, line: Line) -> Match | None:
    """A name line starting a comment: a '1h Like Reply' footer comes
    within a few lines."""
    c = line.content
    st = ctx.state
    prev = st.prev
    if st.current == "post" and prev is not None and prev.kind not in ("meta", "footer"):
        return None
    if not _is_name(c):
        return None
    for k in range(1, 9):
        ahead = ctx.peek(k)
        if ahead is None:
            return None
        m = _comment_foot(ctx, ahead.content, k)
        if m is not None:
            at = ahead.content_start + m.start("age")
            return Match(
                "header",
                author=c,
                stamp=m.group("age"),
                stamp_start=at,
                date=age_date(ctx, m.group("age"), at, _UNIT_LANGS),
            )
        if ahead.content.endswith("·") or is_chrome(ahead.content):
            return None
    return None


def _maybe_foot(c: str) -> bool:
    """``c`` is a comment footer, or an age that is one with buttons below."""
    return (
        len(c) <= 60
        and c[:1].isalnum()
        and (_COMMENT_FOOT.fullmatch(c) is not None or _AGE_ALONE.fullmatch(c) is not None)
    )


def _sig_comment_foot(window: Sequence[str], k: int) -> bool:
    """:func:`_comment_foot` on a signature's window."""
    c = window[k]
    if len(c) > 60 or not c[:1].isalnum():
        return False
    if _COMMENT_FOOT.fullmatch(c) is not None:
        return True
    return (
        _AGE_ALONE.fullmatch(c) is not None
        and k + 1 < len(window)
        and _opens_with_button(window[k + 1])
    )


#: what the unit after an age's digits opens with ('1h', '2 min', '3 j'),
#: case ignored ('ſ' is an 's' to the patterns)
_UNIT_OPENS = (
    frozenset(u[:1].lower() for u in _AGE_UNITS)
    | frozenset(u[:1].upper() for u in _AGE_UNITS)
    | frozenset("ſ")
)


def _may_open_age(s: str) -> bool:
    """``s`` may open with an age: a word of the table ('Just now', 'Gerade
    eben', 'Ahora'; its opening letter tested, in either case), or one to
    three digits and a unit ('1h', '12 min'; a digit may be one the patterns
    know and str.isdigit not: any non-ASCII)."""
    first = s[:1]
    if first in _AGE_NOW_OPENS:
        return True
    if first.isascii() and first not in "0123456789":
        return False
    return not _UNIT_OPENS.isdisjoint(s[1:5])


def _date_or_foot_in_reach(window: Sequence[str]) -> bool:
    """A name opens the window, and the second line holds a '·' (a byline's
    date), or one of the next three may be a comment footer ('1h Like
    Reply'): short, opening with an age."""
    if len(window) < 2 or not _opens_as_name(window[0]):
        return False
    if "·" in window[1]:
        return True
    for s in window[2:5]:  # noqa: SIM110 - a loop costs less than any() here
        if len(s) <= 60 and _may_open_age(s):
            return True
    return False


def signature(window: Sequence[str]) -> bool:
    """A post byline, the name over '2 hrs ·' (the date's trailing '·' is
    Facebook's), or a comment: a name, its text (one to three lines) and
    '1h Like Reply' (for mixed files)."""
    return _date_or_foot_in_reach(window) and _signature(window)


def _signature(window: Sequence[str]) -> bool:
    """:func:`signature` without its cheap first test."""
    c = window[0]
    if len(window) < 2 or not _is_name(c):
        return False
    date = window[1]
    dotted = "·" in date and len(date) <= 90
    if not dotted and not any(_maybe_foot(s) for s in window[2:5]):
        return False  # the cheap first test: no date line and no comment footer
    if is_chrome(c) or _fold(c) in _BADGES:
        return False
    if dotted:
        found = match_contents(window[:2], _HEADERS, max_lines=2, max_len=180)
        if found is not None:
            m = found[1]
            return found[2] == 2 and m.end("name") <= len(c)
    for k in range(2, min(5, len(window))):
        if is_chrome(window[k - 1]) or window[k - 1].endswith("·"):
            return False
        if _sig_comment_foot(window, k):
            return True
    return False


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    bylines = 0
    chrome_ = 0
    for i, s in enumerate(sample):
        if s.endswith("·") and 2 < len(s) <= 60 and i > 0:
            window = sample[i - 1] + " " + s
            if _HEADERS[0].fullmatch(window):
                bylines += 1
        elif len(s) <= 40 and (_COMMENT_FOOT.fullmatch(s) or _OTHERS.fullmatch(s)):
            bylines += 1
        elif _fold(s) in _META_WORDS or _fold(s) == "like comment share":
            chrome_ += 1
    if not bylines:
        return 0.0
    n = len(sample)
    return min(1.0, 6 * bylines / n + (0.3 if chrome_ else 0.0))


FACEBOOK = register(
    Dialect(
        name="facebook",
        detect=detect,
        rules=(comment_footer, chrome, post_header, comment_header),
        lookahead=10,
        order="MDY",
        signature=signature,
        signature_max_len=60,
        switch_evidence=1,
        description="Facebook feed posts and comments copied from a browser.",
    )
)
