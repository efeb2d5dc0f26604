"""``telegram-web``: a Telegram channel page scraped from a web mirror or
aggregator.

The page runs posts together with no separator. What marks a boundary:

- a channel card (``Contact : @x``, ``Last updated …``) is meta;
- a byline ``2024-09-02 16:17 by NAME`` heads the post below it;
- a short title line (the channel name) heads the post below it;
- a line that opens with a hashtag, a new bullet run, or a change of
  script (Latin to Han, Simplified to Traditional ...) starts a new post;
- a preview cut with ``…`` ends its post, and so does a closing run of
  hashtags (``… #news #world``) and a post made of a link alone;
- bullets under a line ending in a colon are the list it introduces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from unicodedata import east_asian_width

import attrs
import regex

from .._data import words
from .._script import dominant_script
from ..dates import parse_date
from ..fields.truncation import is_truncated
from ..lines import Line
from ..model import ParsedDate
from . import register
from ._common import BULLETS, bullet_of, line_prefix_pattern, share
from .base import Context, Dialect, Match, rule

#: 'Contact : @x', 'Subscribers: 12 400', 'Updated 3 days ago': a card label,
#: then a colon, a number, or a date.
_CARD = line_prefix_pattern("chrome.json", "card_labels", r"\s*[:：]|\s+\d|(?P<rest>\s+\S.*)")
_BY = "|".join(regex.escape(w) for w in words("chrome.json", "byline_words"))
_LEAD = "|".join(regex.escape(w) for w in words("chrome.json", "byline_lead_words"))
#: a byline word standing alone in a short line: the cheap first test looks
#: for the first word of one among the line's words (or, for words of
#: scripts written without spaces, inside the line)
_BY_FIRST = frozenset(
    w.split()[0].lower()
    for w in (*words("chrome.json", "byline_words"), *words("chrome.json", "byline_lead_words"))
)
_BY_UNSPACED = tuple(w for w in _BY_FIRST if not w.isascii() and regex.search(r"\p{Han}", w))
#: the first words of the two kinds apart, for the test of where they stand
_DATE_BY_FIRST = frozenset(w.split()[0].lower() for w in words("chrome.json", "byline_words"))
_LEAD_FIRST = frozenset(w.split()[0].lower() for w in words("chrome.json", "byline_lead_words"))
_BY_UNSPACED_RE = re.compile(
    "|".join(re.escape(w) for w in sorted(_BY_UNSPACED, key=len, reverse=True))
)
#: the longest stamp before the byline word of 'DATE by NAME'
_STAMP_MAX = 49
#: 'DATE by NAME': '2024-09-02 16:17 by NAME', 'Sep 2, 2024 by NAME'
_DATE_BY = regex.compile(
    rf"(?P<stamp>\S.{{2,{_STAMP_MAX - 1}}}?)\s+(?:{_BY})\s+(?P<author>\S.{{0,80}})",
    regex.IGNORECASE,
)
#: 'by NAME · DATE', 'Posted by NAME on DATE', 'by NAME, 2 hours ago'
_BY_DATE = regex.compile(
    r"(?:posted\s+)?(?:" + _LEAD + r")\s+(?P<author>\S.{0,60}?)\s*"
    r"(?:[·•|,–—]|\s-|\s(?:on|am|le|el|em)\s)\s*(?P<stamp>\S.{2,48})",
    regex.IGNORECASE,
)
#: a byline's date fixes at least the day: 'Photo by Anna, 2019' is no byline
_COARSE = frozenset({"year", "month"})
_HASHTAG_START = regex.compile(r"#[\p{L}\p{N}_]")
#: a line that is a link and nothing else
_LINK_ONLY = regex.compile(r"(?:https?://|www\.|t\.me/)\S+", regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?。！？:：;…,)\]\"”»]$")

#: last characters after which a line is never a cut preview
_PLAIN_END = frozenset("!?,;:。！？，；：0123456789")
_META = Match("meta")
_BREAK = Match("break")
_CONT = Match("cont")


#: the longest card line
_CARD_MAX = 80


@functools.lru_cache(maxsize=2048)
def _is_card(content: str, now: object = None) -> bool:
    """A channel card line (cards repeat on every page: cached)."""
    if len(content) > _CARD_MAX:
        return False
    m = _CARD.match(content)
    if m is None:
        return False
    rest = m.group("rest")
    # a label followed by words is a card line only when the words are a date
    # ('Last updated 2 weeks ago'), not for 'Contact me if ...'
    return (
        rest is None or parse_date(rest, now=now if isinstance(now, datetime) else None) is not None
    )


def _has_text(ctx: Context) -> bool:
    """The post being built has text already (not just its byline): what
    would start a new post right after a byline belongs to the byline's."""
    prev = ctx.state.prev
    return ctx.state.current == "post" and prev is not None and prev.kind != "header"


#: a views counter under a post: '👁 12.4K', '1.2K views'
_VIEWS = regex.compile(
    r"(?:👁\ufe0f?|👀)\s*[\d.,]{1,9}\s*[KkMm万]?|[\d.,]{1,9}\s*[KkMm]?\s+views?",
    regex.IGNORECASE,
)
_FOOTER = Match("footer")


@rule("views")
def views(ctx: Context, line: Line) -> Match | None:
    """A views counter under a post belongs to it but not to its text."""
    c = line.content
    return _FOOTER if len(c) <= 24 and _VIEWS.fullmatch(c) else None


@rule("card")
def card(ctx: Context, line: Line) -> Match | None:
    """Channel card lines: 'Contact : @x', 'Last updated 2 days ago'."""
    c = line.content
    # the length test of _is_card first: not a cache lookup for every line
    return _META if len(c) <= _CARD_MAX and _is_card(c, ctx.state.now) else None


def _may_be_byline(words: list[str]) -> bool:
    """Where the line's (lowercased) words stand allows a byline: a lead word
    opens it ('by NAME · DATE', 'Posted by ...'), or a byline word follows
    words that fit in a stamp and comes before a name ('DATE by NAME').

    Both patterns want the byline word between white space, so it is one of
    the words; every word before it is in the stamp. A prose line with 'by'
    in its middle is thus turned down without its two patterns (the first
    of them costs 10 to 20 µs on a line of 100 characters)."""
    first = words[0]
    if first in _LEAD_FIRST or (first == "posted" and len(words) > 1 and words[1] in _LEAD_FIRST):
        return True
    used = len(first)
    for k in range(1, len(words) - 1):
        if used > _STAMP_MAX:
            return False
        if words[k] in _DATE_BY_FIRST:
            return True
        used += len(words[k]) + 1
    return False


def _byline(
    content: str, now: datetime, order: str | None = None
) -> tuple[str, int, str, int, ParsedDate] | None:
    """(author, author offset, stamp, stamp offset, its date) of a byline, or None."""
    if len(content) > 140:
        return None
    low = content.lower()
    words = low.split()
    if _BY_FIRST.isdisjoint(words):
        if low.isascii() or _BY_UNSPACED_RE.search(low) is None:
            return None
    elif len(low) == len(content) and not _may_be_byline(words):
        # (lowering changed no length: the words' lengths are the line's)
        return None
    for pattern in (_DATE_BY, _BY_DATE):
        m = pattern.fullmatch(content)
        if m is None:
            continue
        author = m.group("author").rstrip(" ·•|,:")
        if not author or len(author.split()) > 6 or _SENTENCE_END.search(author):
            continue
        if not any(ch.isalpha() for ch in author):
            # '28 de agosto de 2024' is a date, not 'DATE de NAME'
            continue
        found = parse_date(m.group("stamp"), now=now, order=order)
        if found is not None and found.precision not in _COARSE:
            return author, m.start("author"), m.group("stamp"), m.start("stamp"), found
    return None


@rule("byline")
def byline(ctx: Context, line: Line) -> Match | None:
    """A byline ('2024-09-02 16:17 by NAME', 'by NAME · 2 hours ago') heads
    the post below."""
    found = _byline(line.content, ctx.state.now, ctx.state.order)
    if found is None:
        return None
    author, _, stamp, at, date = found
    at += line.content_start
    # the date read to recognise the byline is the post's timestamp: hand it
    # over (offsets made absolute) instead of reading the stamp twice
    date = attrs.evolve(date, start=at + date.start, end=at + date.end)
    return Match("header", author=author, stamp=stamp, stamp_start=at, date=date)


def _is_title(content: str) -> bool:
    return (
        len(content) <= 48
        and len(content.split()) <= 6
        and not _SENTENCE_END.search(content)
        # a channel's name may open with an emoji ('🚀 Dev Digest'), not
        # with a typographic bullet ('• item', '- item')
        and (content[:1] not in BULLETS or bullet_of(content) is None)
        and content[:1] not in "#@[(<"
        and not content[:1].isdigit()
        # a link alone is a post of its own, not the title of the one below
        and ("/" not in content or _LINK_ONLY.fullmatch(content) is None)
    )


def _width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count twice
    (a CJK post of 60 characters is as long as an English one of 120)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ch >= "\u1100" and east_asian_width(ch) in "WF")


@rule("channel-title")
def channel_title(ctx: Context, line: Line) -> Match | None:
    """A short title line (the channel name) right above a long post."""
    c = line.content
    if not _is_title(c):
        return None
    nxt = ctx.peek()
    if nxt is None:
        return None
    need = max(80, 3 * _width(c))
    # cheap first test on the length; a CJK character is two columns wide
    if len(nxt.content) < need and (nxt.content.isascii() or _width(nxt.content) < need):
        return None
    if card(ctx, nxt) is not None:
        return None
    mark = bullet_of(c)
    if mark is not None and mark in (bullet_of(nxt.content), bullet_of(ctx.state.prev_content)):
        return None  # an item of a run of emoji bullets ('🔹 …' over '🔹 …')
    return Match("header", author=c)


@rule("after-preview")
def after_preview(ctx: Context, line: Line) -> Match | None:
    """A preview cut with '…' ends its post."""
    prev = ctx.state.prev_content
    # cheap first test: a preview ends in an ellipsis or a marker's letter
    if ctx.state.current == "post" and prev[-1:] not in _PLAIN_END and is_truncated(prev):
        return _BREAK
    return None


_HASHTAG = regex.compile(r"#[\p{L}\p{N}_][\p{L}\p{N}_\p{M}\u200c\u200d·・.-]*")


def _ends_with_tags(content: str) -> bool:
    """The line ends with a hashtag after its text ('… 31 тисяча #дякуємо',
    '… #news #world'): the post's tags close it."""
    if "#" not in content[-64:]:
        return False  # the cheap first test
    tail = content.rsplit(None, 2)
    if len(tail) < 2 or _HASHTAG.fullmatch(tail[-1]) is None:
        return False
    # one tag closing a sentence ('… met in #Kyiv.') is part of the text
    return tail[-1][-1] != "." or _HASHTAG.fullmatch(tail[-2]) is not None


@rule("after-tags")
def after_tags(ctx: Context, line: Line) -> Match | None:
    """A post's closing run of hashtags ends it: the next line starts another."""
    if ctx.state.current == "post" and _ends_with_tags(ctx.state.prev_content):
        prev = ctx.state.prev
        if prev is None or prev.kind != "header":
            return _BREAK
    return None


@rule("after-link")
def after_link(ctx: Context, line: Line) -> Match | None:
    """A post made of a link alone (under its byline or not) ends at it: the
    next line starts another. A link under text ('Details:' + URL) does not
    end its post."""
    st = ctx.state
    prev = st.prev_content
    if (
        prev[:1] in _LINK_START  # the cheap first test
        and st.current == "post"
        and st.post_lines == (2 if st.post_header else 1)
        and _LINK_ONLY.fullmatch(prev) is not None
    ):
        return _BREAK
    return None


_LINK_START = frozenset("hHwWtT")


@rule("hashtag-start")
def hashtag_start(ctx: Context, line: Line) -> Match | None:
    """A line that opens with a hashtag starts a post; a line of hashtags
    alone ('#python #релиз') is the tag line that ends the post above, even
    where its tags are in another script than the text ('… 2 AM KST' +
    '#애플 #아이폰16')."""
    c = line.content
    if c[:1] == "#" and _has_text(ctx) and _HASHTAG_START.match(c):
        if ctx.state.current == "post" and all(w[:1] == "#" for w in c.split()):
            return _CONT
        return _BREAK
    return None


#: a line ending in one of these introduces the list below it
_LIST_INTRO = frozenset(":：")


@rule("bullet-run")
def bullet_run(ctx: Context, line: Line) -> Match | None:
    """A run of two or more lines opening with the same bullet starts a post
    at its first line; the rest of the run follows it. A line ending in a
    colon above the run introduces it: the run continues that post."""
    mark = bullet_of(line.content)
    if mark is None:
        return None
    if bullet_of(ctx.state.prev_content) == mark and ctx.state.current == "post":
        return Match("cont")
    if ctx.state.prev_content[-1:] in _LIST_INTRO:
        return None  # 'What changes on Monday:' introduces the list below it
    nxt = ctx.peek()
    if _has_text(ctx) and nxt is not None and bullet_of(nxt.content) == mark:
        return _BREAK
    return None


@rule("script-change")
def script_change(ctx: Context, line: Line) -> Match | None:
    """A change of script (Latin to Han, Simplified to Traditional, ...)."""
    here, there = ctx.line_label, ctx.state.label
    if (
        here is not None
        and there is not None
        and not here.startswith(there)
        and not there.startswith(here)
        and _has_text(ctx)
    ):
        return _BREAK
    return None


def label(line: Line) -> str | None:
    return dominant_script(line.content)


def detect(sample: Sequence[str]) -> float:
    cards = share(sample, _is_card)
    now = datetime.now(timezone.utc)
    bylines = share(sample, lambda s: _byline(s, now) is not None)
    return min(1.0, (0.3 if cards else 0.0) + (0.3 if bylines else 0.0) + cards + bylines)


def signature(window: Sequence[str]) -> bool:
    """A channel card line ('Contact : @x', 'Last updated 2 days ago') or a
    byline ('2024-09-02 16:17 by NAME'); two of them in the engine's window
    switch to this dialect (for mixed files)."""
    c = window[0]
    if _is_card(c):
        return True
    found = _byline(c, _ANY_NOW)
    # the date opens the stamp: Reddit's 'submitted 7 hours ago by NAME'
    # reads as a byline, but its stamp starts with a word
    return found is not None and found[4].start == 0


#: signatures only ask whether a line holds a date: any reference time will do
_ANY_NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)


TELEGRAM_WEB = register(
    Dialect(
        name="telegram-web",
        detect=detect,
        signature=signature,
        signature_max_len=140,
        rules=(
            card,
            byline,
            views,
            channel_title,
            after_preview,
            after_tags,
            after_link,
            hashtag_start,
            bullet_run,
            script_change,
        ),
        lookahead=3,
        label=label,
        description="Telegram channel page scraped from a web mirror or aggregator.",
    )
)
