"""``slack``: messages copied from the Slack client.

- A message group opens with ``Name  10:42 AM`` (name, two spaces or a tab,
  time; ``Name [10:42 AM]`` in older clients) or with ``Name`` on one line
  and ``10:42 AM`` on the next; the text follows.
- A time alone on a line (``10:43``, ``10:43 AM``, ``[10:43 AM]``, text may
  follow the bracket) is a further message of the same author.
- Day dividers (``Monday, September 9th``, ``Today``, ``Yesterday``),
  reaction counts (``:+1: 3``, ``👍 2``), thread summaries (``3 replies Last
  reply 2 hours ago``, ``View thread``) and channel notices are meta;
  ``(edited)`` belongs to the message.

Time-only stamps are put on the day of the divider above (or of the
previous message) when that day is known.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from .._data import words
from ..lines import INVISIBLE, Line
from . import register
from ._chat import (
    CLOCK,
    REACTIONS,
    SP,
    alternatives,
    day_base,
    day_divider,
    is_day_divider,
    memo,
    name_like,
    on_day_of,
    phrases,
)
from .base import Context, Dialect, Match, rule

_CLOCK_ONLY = regex.compile(r"\[?(?P<clock>" + CLOCK + r")\]?", regex.IGNORECASE)
#: a day before the time in threads and search results: 'Yesterday at ',
#: 'Sep 9th at ', 'September 9th, 2024 at '
_DAY = (
    r"(?:" + "|".join(regex.escape(w).replace(r"\ ", SP) for w in words("chrome.json", "discord_relative"))
    + r")" + SP + r"|\p{L}{3,9}\.?" + SP + r"\d{1,2}(?:st|nd|rd|th)?(?:," + SP + r"\d{4})?" + SP
    + r"(?:at|um|à|a las|às|alle|om)" + SP
)  # fmt: skip
#: 'Name  10:42 AM', 'Name\t10:42', 'Name [10:42 AM]'; an 'APP'/'BOT' badge may sit between
#: (a name never starts with a digit: '3.4K views  09:15' is a counter line)
_HEADER = regex.compile(
    r"(?P<name>[^\d\s].{0,79}?)(?:" + SP + r"{2,}|\t+|" + SP + r"?\t" + SP + r"*|" + SP + r"?(?=\[))"
    + r"\[?(?P<clock>(?:" + _DAY + r")?" + CLOCK + r")\]?",
    regex.IGNORECASE,
)  # fmt: skip
#: '[10:43 AM] text': a follow-up with its text on the same line
_FOLLOW_TEXT = regex.compile(r"\[(?P<clock>" + CLOCK + r")\]" + SP + r"*", regex.IGNORECASE)


#: a thread summary: '3 replies', '2 件の返信' (table ``slack_thread_counts``)
_THREAD = regex.compile(
    r"\d{1,5}" + SP + r"*(?:" + alternatives(words("chrome.json", "slack_thread_counts")) + r")\b",
    regex.IGNORECASE,
)
_CHROME = tuple(phrases("slack_chrome"))
#: '(edited)', '（編集済み）' (table ``slack_edited``)
_EDITED = regex.compile(alternatives(words("chrome.json", "slack_edited")), regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?,;:…)]$")
#: an app badge after the name: 'Jira Cloud  APP  10:42 AM'
_BADGE = regex.compile(r"(?:" + SP + r"|\t)+(?:APP|BOT|WORKFLOW)$")
_META = Match("meta")
_FOOTER = Match("footer")


@attrs.define
class _Authors:
    seen: set[str] = attrs.Factory(set)


def _clock_line_shape(c: str) -> bool:
    """The cheap test :func:`_is_clock_line` starts with: short, opening with
    a digit or '[' or ending in a digit."""
    return len(c) <= 24 and (c[:1].isdigit() or c[:1] == "[" or c[-1:].isdigit())


def _is_clock_line(c: str) -> regex.Match[str] | None:
    if not _clock_line_shape(c):
        return None
    return _CLOCK_ONLY.fullmatch(c)


def _header_match(
    ctx: Context, author: str | None, clock: str, stamp_start: int, lines: int = 1
) -> Match:
    base = day_base(ctx.state) if clock[:1].isdigit() else None  # time only
    date = on_day_of(base, clock, stamp_start) if base is not None else None
    if author:
        memo(ctx.state, "slack-authors", _Authors).seen.add(author)
    return Match(
        "header",
        lines=lines,
        author=author,
        stamp=clock,
        stamp_start=stamp_start,
        date=date,
    )


def _name_like(ctx: Context, c: str) -> bool:
    """A line that can be the name above a time line."""
    return name_like(ctx, c, memo(ctx.state, "slack-authors", _Authors).seen)


def _one_line_shape(c: str) -> bool:
    """The cheap test :func:`_one_line` starts with: a time at the end, after
    two spaces, a tab or a bracket."""
    return (
        len(c) <= 110
        and (c[-1:].isdigit() or c[-1:] in "]Mm.")
        and ("  " in c or "\t" in c or "[" in c)
    )


def _one_line(c: str) -> tuple[str, regex.Match[str]] | None:
    """'Name  10:42 AM': the name (badge dropped) and the match."""
    if not _one_line_shape(c):
        return None
    m = _HEADER.fullmatch(c)
    if m is None:
        return None
    name = _BADGE.sub("", m.group("name")).strip(INVISIBLE)
    if not name or (_SENTENCE_END.search(name) and not name.endswith(".")):
        return None
    return name, m


@rule("header")
def header(ctx: Context, line: Line) -> Match | None:
    """'Name  10:42 AM' heads a message group."""
    found = _one_line(line.content)
    if found is None:
        return None
    name, m = found
    return _header_match(ctx, name, m.group("clock"), line.content_start + m.start("clock"))


@rule("name-then-time")
def name_then_time(ctx: Context, line: Line) -> Match | None:
    """'Name' on a line, the time on the next."""
    c = line.content
    if _is_clock_line(c):
        return None
    nxt = ctx.peek_raw(1)
    if nxt is None or not nxt.content:
        return None
    m = _is_clock_line(nxt.content)
    if m is None or not _name_like(ctx, c):
        return None
    return _header_match(ctx, c, m.group("clock"), nxt.content_start + m.start("clock"), lines=2)


@rule("follow-up")
def follow_up(ctx: Context, line: Line) -> Match | None:
    """'10:43' / '[10:43 AM]' (text may follow the bracket): another message
    of the group's author."""
    c = line.content
    m = _is_clock_line(c)
    if m is not None:
        start = line.content_start + m.start("clock")
        return _header_match(ctx, ctx.state.author, m.group("clock"), start)
    if c[:1] == "[":
        t = _FOLLOW_TEXT.match(c)
        if t is not None:
            start = line.content_start + t.start("clock")
            found = _header_match(ctx, ctx.state.author, t.group("clock"), start)
            return attrs.evolve(found, body_start=line.content_start + t.end())
    return None


@rule("chrome")
def chrome(ctx: Context, line: Line) -> Match | None:
    """Reactions, thread summaries, channel notices."""
    c = line.content
    if len(c) > 200:
        return None
    if REACTIONS.fullmatch(c) or _THREAD.match(c) or c.lower().startswith(_CHROME):
        return _META
    if _EDITED.fullmatch(c):
        return _FOOTER
    return None


_NAME_WORD = regex.compile(r"[._\d]|^\p{Lu}")


def _sig_name(c: str) -> bool:
    """A line that can be a sender's name over a time line, told without
    the document's state: 1-4 capitalised words or one handle ('bob.k'),
    longer than an avatar's initials."""
    if not 0 < len(c) <= 60 or _SENTENCE_END.search(c) or c[:1] in "[(:`>*-•#@\"'":
        return False
    parts = c.split()
    if len(parts) == 1:
        ok = _NAME_WORD.search(c) is not None
    else:
        ok = len(parts) <= 4 and all(w[:1].isupper() for w in parts)
    # 'KL' over '16:17' is an avatar's initials (Telegram's HTML export)
    return ok and len(c) > 2 and not c[:1].isdigit() and not is_day_divider(c)


def _sig_header(window: Sequence[str], i: int) -> int:
    """How many lines the header at ``window[i]`` takes ('Name  10:42 AM'
    or 'Name' over '10:42 AM'), 0 when there is none."""
    c = window[i]
    if _one_line(c) is not None:
        return 1
    if i + 1 < len(window) and _is_clock_line(window[i + 1]) and _sig_name(c):
        return 2
    return 0


def _header_in_reach(window: Sequence[str]) -> bool:
    """The cheap tests :func:`_sig_header` starts with, at the first line or
    (under a day divider) the second: a time line's shape below it, or a
    one-line header's shape."""
    n = len(window)
    if (n > 1 and _clock_line_shape(window[1])) or (n > 2 and _clock_line_shape(window[2])):
        return True
    return _one_line_shape(window[0]) or (n > 1 and _one_line_shape(window[1]))


def signature(window: Sequence[str]) -> bool:
    """A message group (for mixed files): its header ('Name  10:42 AM', or
    'Name' over '10:42 AM'; a day divider may stand above) and, within the
    window, another header or a time-only follow-up below its text. A
    time-only line alone is no signature: any clock on a line is one."""
    return _header_in_reach(window) and _signature(window)


def _signature(window: Sequence[str]) -> bool:
    """:func:`signature` without its cheap first test."""
    c = window[0]
    if len(c) > 110:
        return False
    at = 0
    if is_day_divider(c):
        at = 1
    elif not (c[-1:].isdigit() or c[-1:] in "]Mm." or (len(c) <= 60 and len(window) > 1)):
        return False
    if at >= len(window):
        return False
    n = _sig_header(window, at)
    if not n:
        return False
    # the text of the message first, then more of the conversation
    for j in range(at + n + 1, len(window)):
        if _is_clock_line(window[j]) or _sig_header(window, j):
            return True
    return False


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    hits = 0.0
    for i, s in enumerate(sample):
        if _is_clock_line(s):
            hits += 1 if i and not _is_clock_line(sample[i - 1]) else 0.5
        elif ("  " in s or "\t" in s) and len(s) <= 110 and _HEADER.fullmatch(s):
            hits += 1
        elif len(s) <= 200 and (_THREAD.match(s) or s.lower().startswith(_CHROME)):
            hits += 0.5
    share = hits / len(sample)
    return min(1.0, 0.35 + 1.5 * share) if share >= 0.1 else share


SLACK = register(
    Dialect(
        name="slack",
        detect=detect,
        rules=(header, day_divider, name_then_time, follow_up, chrome),
        lookahead=2,
        signature=signature,
        signature_max_len=110,
        switch_evidence=1,
        description="Messages copied from Slack: 'Name  10:42 AM' then text.",
    )
)
