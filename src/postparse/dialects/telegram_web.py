"""``telegram-web``: a Telegram channel page scraped from a web mirror or
aggregator.

The page runs posts together with no separator. What marks a boundary:

- a channel card (``Contact : @x``, ``Last updated …``) is meta;
- a byline ``2024-09-02 16:17 by NAME`` heads the post below it;
- a short title line (the channel name) heads the post below it;
- a line that opens with a hashtag, a new bullet run, or a change of
  script (Latin to Han, Simplified to Traditional ...) starts a new post;
- a preview cut with ``…`` ends its post.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .._data import words
from .._script import dominant_script
from ..fields.truncation import is_truncated
from ..lines import Line
from . import register
from ._common import bullet_of, line_prefix_pattern, share
from .base import Context, Dialect, Match, rule

_CARD = line_prefix_pattern("chrome.json", "card_labels", r"\s*[:：]|\s+\d")
_CARD_LAST_UPDATED = regex.compile(r"(?:last\s+)?updated\s", regex.IGNORECASE)
# 'DATE by NAME': a date-like head of bounded length, a byline word, the name.
_BYLINE = regex.compile(
    r"(?P<stamp>\d[\d\s.:/\-,TZ+年月日]{4,30}?)\s+(?P<by>"
    + "|".join(regex.escape(w) for w in words("chrome.json", "byline_words"))
    + r")\s+(?P<author>\S.{0,80})",
    regex.IGNORECASE,
)
_HASHTAG_START = regex.compile(r"#[\p{L}\p{N}_]")
_SENTENCE_END = regex.compile(r"[.!?。！？:：;…,)\]\"”»]$")

_META = Match("meta")
_BREAK = Match("break")


@rule("card")
def card(ctx: Context, line: Line) -> Match | None:
    """Channel card lines: 'Contact : @x', 'Last updated 2 days ago'."""
    c = line.content
    if len(c) <= 80 and (_CARD.match(c) or _CARD_LAST_UPDATED.match(c)):
        return _META
    return None


@rule("byline")
def byline(ctx: Context, line: Line) -> Match | None:
    """'2024-09-02 16:17 by NAME' heads the post below."""
    c = line.content
    if not c[:1].isdigit() or len(c) > 140:
        return None
    m = _BYLINE.fullmatch(c)
    if m is None:
        return None
    offset = line.content_start
    return Match(
        "header",
        author=m.group("author").strip(),
        stamp=m.group("stamp"),
        stamp_start=offset + m.start("stamp"),
    )


def _is_title(content: str) -> bool:
    return (
        len(content) <= 48
        and len(content.split()) <= 6
        and not _SENTENCE_END.search(content)
        and bullet_of(content) is None
        and content[:1] not in "#@[(<"
        and not content[:1].isdigit()
    )


@rule("channel-title")
def channel_title(ctx: Context, line: Line) -> Match | None:
    """A short title line (the channel name) right above a long post."""
    c = line.content
    if not _is_title(c):
        return None
    nxt = ctx.peek()
    if nxt is None or len(nxt.content) < max(80, 3 * len(c)):
        return None
    if card(ctx, nxt) is not None:
        return None
    return Match("header", author=c)


@rule("after-preview")
def after_preview(ctx: Context, line: Line) -> Match | None:
    """A preview cut with '…' ends its post."""
    prev = ctx.state.prev_content
    if ctx.state.current == "post" and prev and is_truncated(prev):
        return _BREAK
    return None


@rule("hashtag-start")
def hashtag_start(ctx: Context, line: Line) -> Match | None:
    """A line that opens with a hashtag starts a post."""
    if ctx.state.post_lines and _HASHTAG_START.match(line.content):
        return _BREAK
    return None


@rule("bullet-run")
def bullet_run(ctx: Context, line: Line) -> Match | None:
    """The first line of a run of bullets starts a post; the rest follow it."""
    mark = bullet_of(line.content)
    if mark is None:
        return None
    prev = bullet_of(ctx.state.prev_content)
    if prev == mark and ctx.state.current == "post":
        return Match("cont")
    return _BREAK if ctx.state.post_lines else None


@rule("script-change")
def script_change(ctx: Context, line: Line) -> Match | None:
    """A change of script (Latin to Han, Simplified to Traditional, ...)."""
    here, there = ctx.line_label, ctx.state.label
    if (
        here is not None
        and there is not None
        and not here.startswith(there)
        and not there.startswith(here)
        and ctx.state.post_lines
    ):
        return _BREAK
    return None


def label(line: Line) -> str | None:
    return dominant_script(line.content)


def detect(sample: Sequence[str]) -> float:
    cards = share(
        sample, lambda s: len(s) <= 80 and (_CARD.match(s) or _CARD_LAST_UPDATED.match(s))
    )
    bylines = share(sample, lambda s: s[:1].isdigit() and _BYLINE.fullmatch(s))
    return min(1.0, (0.3 if cards else 0.0) + (0.3 if bylines else 0.0) + cards + bylines)


TELEGRAM_WEB = register(
    Dialect(
        name="telegram-web",
        detect=detect,
        rules=(
            card,
            byline,
            channel_title,
            after_preview,
            hashtag_start,
            bullet_run,
            script_change,
        ),
        lookahead=3,
        label=label,
        description="Telegram channel page scraped from a web mirror or aggregator.",
    )
)
