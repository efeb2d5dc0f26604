"""``telegram-preview``: a t.me/s/CHANNEL web preview copied from a browser.

The page looks like::

    Field Notes                     <- channel card (meta): title,
    @fieldnotes_city                   handle,
    12.4K subscribers                  counters,
    1.1K photos
    A channel about the city.          description
    September 6                     <- date divider (meta; posts below carry it)
    Field Notes                     <- the channel name heads each post (author)
    Text of the post ...
    3.4K views  09:15               <- footer ('2.1K viewsedited  09:20')
    Channel photo updated           <- service line (meta)
    Field Notes                     <- card again at the bottom (meta)
    @fieldnotes_city
    Open in Telegram

Posts without a timestamp of their own take the divider's date; when the
views footer gives the time of day, it is combined with that date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import attrs
import regex

from ..dates import parse_date
from ..lines import Line
from ..model import ParsedDate
from . import register
from ._common import may_be_digits
from .base import Context, Dialect, Match, rule
from .twitter import COUNT, alternation, feed_words, folded_set

_KEY = "telegram_preview_chrome"
_HANDLE = regex.compile(r"@[A-Za-z][A-Za-z0-9_]{3,31}")
_ONE_COUNT = COUNT + r"\s+(?:" + alternation(feed_words(_KEY, "counts")) + r")"
# '12.4K subscribers', or all the counters on one line
_CARD_COUNT = regex.compile(rf"{_ONE_COUNT}(?:\s*[·,|]?\s*{_ONE_COUNT}){{0,7}}", regex.IGNORECASE)
_VIEWS = alternation(feed_words(_KEY, "views"))
_EDITED = alternation(feed_words(_KEY, "edited"))
_CLOCK = r"\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?"
# '3.4K views  09:15', '2.1K viewsedited  09:20', '2.9K views  edited  18:42',
# '1.7K views', '09:15', 'edited 09:15'
# A signed post puts the author before the time: '1.2K views  Ivan Petrov, 09:15'.
_FOOTER = regex.compile(
    rf"(?:(?P<views>{COUNT})\s*(?:{_VIEWS}))?\s*(?:{_EDITED})?\s*"
    rf"(?:(?P<sign>[^\n,]{{1,40}}),\s*)?(?P<clock>{_CLOCK})?",
    regex.IGNORECASE,
)
_MONTHS = alternation(feed_words(_KEY, "months"))
#: a word between the day and the month, or the month and the year ('de')
_JOIN = rf"(?:(?:{alternation(feed_words(_KEY, 'joiners'))})\s+)?"
# 'September 6', 'September 6, 2023', '6 September', '6 сентября 2023',
# '6. September' (German), '5 de setembro', '5 de setembro de 2023'
_DIVIDER = regex.compile(
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\.?\s+{_JOIN}(?:{_MONTHS})\.?(?:,?\s+{_JOIN}\d{{4}})?)",
    regex.IGNORECASE,
)
_FOOTER_WORDS = folded_set(_KEY, "footer")
_META_WORDS = folded_set(_KEY, "meta")
_SERVICE = regex.compile(r"(?:" + alternation(feed_words(_KEY, "service")) + r")\b.{0,120}")
_CARD_RULES = frozenset(("card-title", "card-handle", "card-count", "card-description"))
_META = Match("meta")
#: the card's title, remembered in ``state.scratch``
_TITLE = "telegram-preview.title"
_SENTENCE_END = regex.compile(r"[.!?。！？:;…,]$")


def is_footer(content: str) -> regex.Match[str] | None:
    """A views/edited/time footer line, or None."""
    if len(content) > 48 or not content[:1].isalnum():
        return None
    m = _FOOTER.fullmatch(content)
    if m is None or (m.group("views") is None and m.group("clock") is None):
        return None
    if m.group("sign") is not None and (m.group("views") is None or m.group("clock") is None):
        return None
    return m


def is_divider(content: str) -> bool:
    return len(content) <= 24 and _DIVIDER.fullmatch(content) is not None


def _is_handle(content: str) -> bool:
    return content[:1] == "@" and _HANDLE.fullmatch(content) is not None


@rule("divider")
def divider(ctx: Context, line: Line) -> Match | None:
    """'September 6' between posts: meta, and the date of the posts below."""
    c = line.content
    if not is_divider(c):
        return None
    found = parse_date(c, now=ctx.state.now, order=ctx.state.order)
    if found is not None:
        base = line.content_start
        found = attrs.evolve(found, start=base + found.start, end=base + found.end)
    return Match("meta", divider=found)


@rule("card-title")
def card_title(ctx: Context, line: Line) -> Match | None:
    """The channel title right above its @handle (card at top or bottom)."""
    nxt = ctx.peek(1)
    c = line.content
    if len(c) > 128 or nxt is None or _is_handle(c) or card_count(ctx, line) is not None:
        return None
    if _is_handle(nxt.content) or card_count(ctx, nxt) is not None:
        ctx.state.scratch[_TITLE] = line.content
        return _META
    return None


def _channel_name(ctx: Context) -> str | None:
    """The channel's name: the author of the posts so far, else the card's title."""
    if ctx.state.author is not None:
        return ctx.state.author
    title = ctx.state.scratch.get(_TITLE)
    return title if isinstance(title, str) else None


@rule("card-handle")
def card_handle(ctx: Context, line: Line) -> Match | None:
    prev_rule = ctx.state.prev_rule
    if _is_handle(line.content) and (not prev_rule or prev_rule in _CARD_RULES):
        return _META
    return None


@rule("card-count")
def card_count(ctx: Context, line: Line) -> Match | None:
    """'12.4K subscribers', '1.1K photos', '38 videos', '214 links'."""
    c = line.content
    if c[:1].isdigit() and len(c) <= 160 and _CARD_COUNT.fullmatch(c):
        return _META
    return None


@rule("chrome")
def chrome(ctx: Context, line: Line) -> Match | None:
    """'VIEW IN TELEGRAM' under a post (footer), 'Open in Telegram' and
    service lines ('Channel photo updated') as meta."""
    c = line.content
    if len(c) > 160:
        return None
    f = c.casefold()
    in_card = ctx.state.prev_rule in _CARD_RULES
    if f in _FOOTER_WORDS and not in_card:
        return Match("footer")
    if f in _META_WORDS or _SERVICE.fullmatch(c):
        return _META
    return None


def _closing_footer(ctx: Context, content: str, k: int) -> regex.Match[str] | None:
    """The footer ``content`` (the line at ``ctx.peek(k)``; 0: this line), or
    None. A bare time ('0:45') closes a post only where the post ends below
    it (the channel's name, a divider, the page's end): above text it is a
    video's or a voice message's duration."""
    m = is_footer(content)
    if m is None or m.group("views") is not None:
        return m
    nxt = ctx.peek(k + 1)
    if nxt is None or is_divider(nxt.content) or nxt.content == _channel_name(ctx):
        return m
    f = nxt.content.casefold()
    return m if f in _META_WORDS or f in _FOOTER_WORDS else None


@rule("views")
def views(ctx: Context, line: Line) -> Match | None:
    """'3.4K views  09:15' closes a post."""
    return Match("footer") if _closing_footer(ctx, line.content, 0) else None


@rule("card-description")
def card_description(ctx: Context, line: Line) -> Match | None:
    """The channel description below the card's counters, up to the first
    divider or post."""
    if ctx.state.prev_rule not in ("card-handle", "card-count", "card-description"):
        return None
    if _heads_post(ctx, line):
        return None
    return _META


def _heads_post(ctx: Context, line: Line) -> bool:
    """Is ``line`` the channel name above a post? It is the name already
    seen on posts, or a short line followed by text and a views footer."""
    c = line.content
    if len(c) > 128:
        return False
    name = _channel_name(ctx)
    if name is not None:
        return c == name
    nxt = ctx.peek(1)
    if nxt is None or is_divider(nxt.content) or is_footer(c):
        return False
    for k in range(1, 12):
        ahead = ctx.peek(k)
        if ahead is None or is_divider(ahead.content):
            break
        if is_footer(ahead.content):
            return True
    # a long first post: a short title-like line right under a divider
    return ctx.state.prev_rule == "divider" and len(c) <= 64 and not _SENTENCE_END.search(c)


@rule("after-footer")
def after_footer(ctx: Context, line: Line) -> Match | None:
    """A views footer ends its post: the next line starts another, even
    where the copy lost the channel-name line."""
    return Match("break") if ctx.state.prev_rule == "views" else None


@rule("post-title")
def post_title(ctx: Context, line: Line) -> Match | None:
    """The channel name above each post: author of the post."""
    c = line.content
    st = ctx.state
    name = _channel_name(ctx)
    if name is not None:
        if c != name:
            return None
        if st.prev_rule == "post-title":
            # the name again right under it: the preview of the replied-to post
            return Match("cont")
    else:
        prev = st.prev
        fresh = prev is None or prev.kind in ("meta", "footer") or st.current != "post"
        if not fresh or not _heads_post(ctx, line):
            return None
    return Match("header", author=c, date=_dated(ctx))


def _dated(ctx: Context) -> ParsedDate | None:
    """The divider's date with the time of day of the post's views footer."""
    day = ctx.state.divider
    if day is None or day.precision not in ("day", "hour", "minute", "second"):
        return None
    for k in range(1, 12):
        ahead = ctx.peek(k)
        if ahead is None or is_divider(ahead.content):
            return None
        if ahead.content == ctx.state.author:
            if k == 1:
                continue  # the name again right under it: a reply's quote
            return None
        m = _closing_footer(ctx, ahead.content, k)
        if m is not None:
            clock = m.group("clock")
            return _at_clock(day, clock) if clock else None
    return None


def _at_clock(day: ParsedDate, clock: str) -> ParsedDate | None:
    """``day`` at the time ``clock`` ('09:15', '6:42 PM'), minute precision.

    The text names both parts ('September 6 09:15'); it is no single source
    expression, so its offsets are 0 (unknown)."""
    hh, _, rest = clock.partition(":")
    mm = rest[:2]
    try:
        hour, minute = int(hh), int(mm)
    except ValueError:
        return None
    tail = rest[2:].strip().lower().replace(".", "")
    if tail.startswith("p") and hour < 12:
        hour += 12
    elif tail.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    value: datetime = day.value.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return ParsedDate(
        value,
        "minute",
        day.relative,
        f"{day.text} {clock}",
        0,
        0,
        day.language,
    )


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    footers = 0
    cards = 0
    for s in sample:
        m = is_footer(s)
        if m is not None and m.group("views") is not None:
            footers += 1
        elif s[:1].isdigit() and len(s) <= 160 and _CARD_COUNT.fullmatch(s):
            cards += 1
    if not footers:
        return 0.0
    return min(1.0, 5 * footers / len(sample) + (0.3 if cards else 0.0))


def _views_footer(content: str) -> bool:
    """A post footer with both its views and its time ('1.4K views  11:30 PM')."""
    m = is_footer(content)
    return m is not None and m.group("views") is not None and m.group("clock") is not None


def _may_be_views_footer(s: str) -> bool:
    """The shape of a footer with views and a time: it opens with the
    count's digit and ends in the clock (the last ':' has two digits after
    it and at most an AM/PM after them)."""
    if not may_be_digits(s[:1]):
        return False
    k = s.rfind(":") + 3
    return 3 <= k <= len(s) and len(s) - k <= 5 and may_be_digits(s[k - 2 : k])


def _post_signature(window: Sequence[str]) -> bool:
    """A post: the channel's name (a date divider may stand above), one to
    three lines of text, its views-and-time footer, and below that the name
    again (a divider may stand above it; or nothing more)."""
    at = 1 if is_divider(window[0]) else 0
    if at + 2 >= len(window):
        return False
    name = window[at]
    if len(name) > 128 or _SENTENCE_END.search(name) or is_divider(name) or is_footer(name):
        return False
    for f in range(at + 2, min(at + 5, len(window))):
        c = window[f]
        if _views_footer(c):
            # every post is headed by the channel's name: it comes again
            # (a divider may stand above it) unless the window ends first
            rest = window[f + 1 : f + 3]
            if rest and is_divider(rest[0]):
                rest = rest[1:]
            return not rest or rest[0] == name
        if is_divider(c) or is_footer(c) or c == name:
            return False
    return False


def signature(window: Sequence[str]) -> bool:
    """The channel card (a title over its @handle and a counter line, '12.4K
    subscribers') or a post (see :func:`_post_signature`, for a page copied
    from below its card), strong enough on its own (for mixed files)."""
    if len(window) < 3 or len(window[0]) > 128:
        return False
    if (
        _is_handle(window[1])
        and window[2][:1].isdigit()
        and len(window[2]) <= 160
        and _CARD_COUNT.fullmatch(window[2]) is not None
    ):
        return True
    # the first test for a post: its footer, two to five lines below (short,
    # with a clock and views)
    for s in window[2:6]:
        if len(s) <= 48 and _may_be_views_footer(s) and _views_footer(s):
            return _post_signature(window)
    return False


TELEGRAM_PREVIEW = register(
    Dialect(
        name="telegram-preview",
        detect=detect,
        signature=signature,
        signature_max_len=128,
        switch_evidence=1,
        rules=(
            divider,
            card_title,
            card_handle,
            card_count,
            chrome,
            views,
            card_description,
            post_title,
            after_footer,
        ),
        lookahead=12,
        inherit_divider_date=True,
        description="Telegram channel preview page (t.me/s/CHANNEL) copied from a browser.",
    )
)
