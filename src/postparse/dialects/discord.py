"""``discord``: messages copied from the Discord client.

- A message group opens with a header ``Name — Today at 4:20 PM``,
  ``Name — Yesterday at 5:02 PM`` or ``Name — 08/28/2024 9:14 PM`` (the
  separator may be lost in the copy: ``TheoYesterday at 6:45 PM``); the
  newer client spreads it over lines (``Name`` / ``—`` / ``Today at 4:20 PM``,
  or ``Name`` then the timestamp line). The text follows on the next lines.
- ``[4:21 PM]text`` (or ``[4:21 PM]`` with the text below) is a further
  message of the same author, at that time on the group's day.
- A calendar date alone on a line (``September 9, 2024``) is a day divider.
- Lines inside ``` fences are never headers; ``(edited)`` alone on a line
  and reaction counts (``👍 3``) belong to the message above.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from .._data import words
from ..lines import INVISIBLE, Line
from ..model import ParsedDate
from . import register
from ._chat import (
    AMPM,
    CLOCK_HM,
    NUM_DATE,
    REACTIONS,
    SP,
    day_divider,
    header_score,
    memo,
    on_day_of,
    phrase_finder,
)
from ._common import may_be_digits
from .base import Context, Dialect, Match, rule

_RELDAY = "|".join(
    regex.escape(w).replace(r"\ ", SP) for w in words("chrome.json", "discord_relative")
)
#: the timestamp of a header: 'Yesterday at 4:20 PM', '08/28/2024 9:14 PM',
#: '8/28/24, 9:14 PM', '28.08.2024 21:14'
#: a word after the clock: 'Heute um 18:05 Uhr'
_CLOCK_SUFFIX = (
    r"(?:"
    + SP
    + r"(?:"
    + "|".join(regex.escape(w) for w in words("chrome.json", "discord_time_suffix"))
    + r"))?"
)
_STAMP = r"(?P<stamp>(?:(?:" + _RELDAY + r")" + SP + r"?" + CLOCK_HM + r"|" + NUM_DATE
_STAMP += r",?" + SP + r"(?:(?:um|at|à|a las|às|alle|om|o|в)" + SP + r")?" + CLOCK_HM + r")"
_STAMP += _CLOCK_SUFFIX + r")"
_DASH = r"[—–\-]"
_DASHES = ("—", "–", "-")
#: 'Name — STAMP' or, with the separator lost, 'NameSTAMP' (no space: a
#: sentence ending in 'today at 4:20 PM' is not a header)
_HEADER = regex.compile(
    r"(?P<name>\S.{0,79}?)(?:" + SP + r"*" + _DASH + SP + r"*|(?<=\S))" + _STAMP,
    regex.IGNORECASE,
)
#: a timestamp line of the spread-out header: '— Today at 4:20 PM', 'Today at 4:20 PM'
_STAMP_LINE = regex.compile(r"(?:" + _DASH + SP + r"*)?" + _STAMP, regex.IGNORECASE)
#: a system message with its stamp: 'Scarlet just showed up! Today at 4:20 PM'
_SYSTEM_STAMPED = regex.compile(r"(?P<text>.{1,200}?)" + SP + r"+" + _STAMP, regex.IGNORECASE)
_HOLDS_SYSTEM = phrase_finder("discord_system")
#: '[4:21 PM]text': a further message of the group's author
_FOLLOW = regex.compile(r"\[(?P<clock>" + CLOCK_HM + r")\]" + SP + r"?", regex.IGNORECASE)
_EDITED = regex.compile(r"\((?:edited|bearbeitet|modifié|editado|modificato|bewerkt|изменено)\)")
#: role tags the client prints between a name and its timestamp
_BADGES = frozenset(("APP", "BOT", "SYSTEM", "SERVER", "OP", "✓ APP", "✓ BOT"))
_META = Match("meta")
_CONT = Match("cont")
_FOOTER = Match("footer")


@attrs.define
class _Fence:
    open: bool = False


def _is_system(text: str) -> bool:
    return len(text) > 64 or _HOLDS_SYSTEM(text.lower())


_DIGIT = regex.compile(r"\d")


def _tail_has_digit(c: str) -> bool:
    """A digit among the last 14 characters (every stamp ends in a clock)."""
    return _DIGIT.search(c, max(0, len(c) - 14)) is not None


def _looks_like_name(c: str) -> bool:
    """A name line of the spread header: short, not a sentence, not markup.
    A name may open with a bracketed tag ('[GM] Kestrel', '(AFK) Sam'), but
    not with a follow-up's clock ('[4:21 PM]'); a lone dash is the separator."""
    if not 0 < len(c) <= 64 or c.endswith((".", "!", "?", ":")) or c in _DASHES:
        return False
    head = c[:1]
    if head in "[(":
        return _FOLLOW.match(c) is None and c.find("]" if head == "[" else ")", 1) > 1
    return head not in "`>*-#@"


@rule("code-fence")
def code_fence(ctx: Context, line: Line) -> Match | None:
    """``` fences and the lines between them are message text."""
    fence = memo(ctx.state, "discord-fence", _Fence)
    c = line.content
    if "```" in c:
        was_open = fence.open
        if c.count("```") % 2:
            fence.open = not fence.open
        if was_open or ctx.state.current == "post":
            return _CONT
        return None
    return _CONT if fence.open else None


@rule("header")
def header(ctx: Context, line: Line) -> Match | None:
    """'Name — Today at 4:20 PM' heads a message group."""
    c = line.content
    if len(c) > 120 or not _tail_has_digit(c):
        return None
    m = _HEADER.fullmatch(c)
    if m is None:
        s = _SYSTEM_STAMPED.fullmatch(c)
        return _META if s is not None and _is_system(s.group("text")) else None
    name = m.group("name").strip(INVISIBLE + "—–")
    if not name:
        return None
    if _is_system(name):
        return _META
    return Match(
        "header",
        author=name,
        stamp=m.group("stamp"),
        stamp_start=line.content_start + m.start("stamp"),
    )


@rule("spread-header")
def spread_header(ctx: Context, line: Line) -> Match | None:
    """'Name' / '—' / 'Today at 4:20 PM' (or 'Name' / timestamp line)."""
    c = line.content
    if not _looks_like_name(c) and not (len(c) <= 200 and _is_system(c)):
        return None
    nxt = ctx.peek_raw(1)
    if nxt is None or not nxt.content:
        return None
    take = 1
    stamp_line: Line | None = nxt
    if nxt.content in _BADGES:  # 'MEE6' / 'APP' / ' — ' / 'Today at 4:20 PM'
        take += 1
        stamp_line = ctx.peek_raw(take)
    if stamp_line is not None and stamp_line.content in _DASHES:
        take += 1
        stamp_line = ctx.peek_raw(take)
    if stamp_line is None:
        return None
    take += 1
    s = stamp_line.content
    if len(s) > 60 or not _tail_has_digit(s):
        return None
    m = _STAMP_LINE.fullmatch(s)
    if m is None:
        return None
    if _is_system(c):
        return Match("meta", lines=take)
    return Match(
        "header",
        lines=take,
        author=c,
        stamp=m.group("stamp"),
        stamp_start=stamp_line.content_start + m.start("stamp"),
    )


def _group_day(ctx: Context) -> ParsedDate | None:
    return ctx.state.last_date or ctx.state.divider


@rule("follow-up")
def follow_up(ctx: Context, line: Line) -> Match | None:
    """'[4:21 PM]text': another message by the author of the group above."""
    c = line.content
    if c[:1] != "[":
        return None
    m = _FOLLOW.match(c)
    if m is None:
        return None
    clock = m.group("clock")
    stamp_start = line.content_start + m.start("clock")
    base = _group_day(ctx)
    date = on_day_of(base, clock, stamp_start) if base is not None else None
    body = line.content_start + m.end() if m.end() < len(c) else None
    return Match(
        "header",
        author=ctx.state.author,
        date=date,
        body_start=body,
    )


@rule("edited-reactions")
def edited_reactions(ctx: Context, line: Line) -> Match | None:
    """'(edited)' alone, or reaction counts ('👍 3'), under a message."""
    c = line.content
    if len(c) <= 200 and (_EDITED.fullmatch(c) or REACTIONS.fullmatch(c)):
        return _FOOTER
    return None


def _names_stamp(sample: Sequence[str], k: int) -> bool:
    """The line before a stamp line is a name, or the separator under one."""
    if sample[k].strip() in _DASHES:
        return k > 0 and _looks_like_name(sample[k - 1].strip())
    return _looks_like_name(sample[k])


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    hits = 0.0
    for i, s in enumerate(sample):
        if len(s) <= 120 and _tail_has_digit(s):
            if _HEADER.fullmatch(s) or (
                i and _STAMP_LINE.fullmatch(s) and _names_stamp(sample, i - 1)
            ):
                hits += 1
        elif s[:1] == "[" and _FOLLOW.match(s):
            hits += 0.5
    return header_score(hits, len(sample))


#: what may follow a stamp's minutes: the end of :data:`CLOCK_HM` ('PM')
#: and :data:`_CLOCK_SUFFIX` ('Uhr'); none of it holds a ':'
_AFTER_MINUTES = regex.compile(r"(?:" + SP + r"?" + AMPM + r")?" + _CLOCK_SUFFIX, regex.IGNORECASE)


def _ends_in_clock(c: str) -> bool:
    """The last ':' is followed by two digits and nothing but what may follow
    a clock's minutes: every header ends in its stamp's clock."""
    k = c.rfind(":") + 3
    if k < 3 or k > len(c):
        return False
    if not may_be_digits(c[k - 2 : k]):
        return False
    return k == len(c) or _AFTER_MINUTES.fullmatch(c, k) is not None


def signature(window: Sequence[str]) -> bool:
    """A whole 'Name — Today at 4:20 PM' header line (for mixed files)."""
    c = window[0]
    return ":" in c and _ends_in_clock(c) and _signature(window)


def _signature(window: Sequence[str]) -> bool:
    """:func:`signature` without its cheap first test."""
    c = window[0]
    # every stamp ends in a clock: a colon, and a digit near the end
    if len(c) > 120 or ":" not in c or not _tail_has_digit(c):
        return False
    m = _HEADER.fullmatch(c)
    return m is not None and bool(m.group("name").strip(INVISIBLE + "—–"))


DISCORD = register(
    Dialect(
        name="discord",
        signature=signature,
        signature_max_len=120,
        detect=detect,
        rules=(code_fence, header, follow_up, day_divider, spread_header, edited_reactions),
        lookahead=4,
        description="Messages copied from Discord: 'Name — Today at 4:20 PM' then text.",
    )
)
