"""``telegram-desktop``: messages copied from Telegram Desktop.

Each message is a header line ``Name, [02.09.24 16:17]`` followed by its
text; messages are separated by a blank line, but a message may itself hold
blank lines, so only a header line starts a new message. ``[In reply to …]``,
``[Forwarded from …]``, ``[ Photo ]``, ``[ Sticker ]`` lines belong to the
message they stand in. Text above the first header is meta.

The stamp is the bracketed date and time as written (``02.09.24 16:17``,
``9/2/24 4:17 PM``, ``02.09.2024 16:17:05``).

``telegram-desktop-html``: the Desktop HTML export (``messages.html``)
opened in a browser and copied as text, or converted to text. A message is
``Name`` on a line, its time (``16:17``, or ``02.09.2024 16:17:05`` with an
optional ``UTC+03:00``) on the next, then the text; a time line alone is a
further message of the same sender (a "joined" message). In the page's own
order the avatar's initials and the time come before the name
(``KL`` / ``16:17`` / ``Kostya Lebedev``). Service lines such as
``2 September 2024`` are day dividers; the chat name above the first
message is meta. Time-only stamps take the day of the divider above.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ..lines import INVISIBLE, Line
from . import register
from ._chat import (
    CLOCK,
    MARKS,
    NUM_DATE,
    NUM_DATETIME,
    SP,
    day_base,
    day_divider,
    header_score,
    is_day_divider,
    memo,
    name_like,
    on_day_of,
    plain_name,
)
from .base import Context, Dialect, Match, rule

#: 'Name, [02.09.24 16:17]': a bounded name, a comma, a bracketed stamp that
#: is a numeric date and time, or any short bracketed text ending in a time.
_HEADER = regex.compile(
    r"(?P<name>[^\n]{1,80}?)" + MARKS + r"," + SP + r"?\[" + MARKS
    + r"(?P<stamp>" + NUM_DATETIME + r"|[^\[\]\n]{1,40}?\d" + SP + r"?" + CLOCK + r")"
    + MARKS + r"\]",
    regex.IGNORECASE,
)  # fmt: skip
_META = Match("meta")


@rule("header")
def header(ctx: Context, line: Line) -> Match | None:
    """'Name, [02.09.24 16:17]' on a line of its own heads a message."""
    c = line.content
    if c[-1:] != "]" or len(c) > 140:
        return None
    m = _HEADER.fullmatch(c)
    if m is None:
        return None
    return Match(
        "header",
        author=m.group("name").strip(INVISIBLE),
        stamp=m.group("stamp"),
        stamp_start=line.content_start + m.start("stamp"),
    )


@rule("preamble")
def preamble(ctx: Context, line: Line) -> Match | None:
    """Text above the first header (a note, a chat title) is not a message."""
    if ctx.state.author is None:
        return _META
    return None


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    hits = sum(1 for s in sample if s[-1:] == "]" and len(s) <= 140 and _HEADER.fullmatch(s))
    return header_score(hits, len(sample))


def _ends_in_bracket(content: str) -> bool:
    return content[-1:] == "]"


def signature(window: Sequence[str]) -> bool:
    """A header line 'Name, [02.09.24 16:17]' and nothing else (for mixed files)."""
    content = window[0]
    return _ends_in_bracket(content) and _HEADER.fullmatch(content) is not None


TELEGRAM_DESKTOP = register(
    Dialect(
        name="telegram-desktop",
        signature=signature,
        signature_gate=_ends_in_bracket,
        detect=detect,
        rules=(header, preamble),
        lookahead=1,
        # Telegram Desktop writes dotted day-first dates ('02.09.24')
        order="DMY",
        previews=False,
        description="Messages copied from Telegram Desktop: 'Name, [02.09.24 16:17]' then text.",
    )
)


# --- the HTML export copied as text -------------------------------------

#: '16:17' or '02.09.2024 16:17:05 UTC+03:00' alone on a line
_TIME_LINE = regex.compile(
    r"(?P<stamp>(?:"
    + NUM_DATE
    + SP
    + r")?"
    + CLOCK
    + r"(?:"
    + SP
    + r"?UTC[+\-]\d{1,2}(?::?\d{2})?)?)",
    regex.IGNORECASE,
)
#: the avatar's initials: 'KL', 'T', 'АИ'
_INITIALS = regex.compile(r"\p{Lu}[\p{Lu}\p{N}]?")


@attrs.define
class _Authors:
    seen: set[str] = attrs.Factory(set)


def _time_line(c: str) -> regex.Match[str] | None:
    if len(c) > 40 or (not c[:1].isdigit() and not c[-1:].isdigit()):
        return None
    return _TIME_LINE.fullmatch(c)


def _html_header(
    ctx: Context, author: str | None, stamp_line: Line, t: regex.Match[str], lines: int
) -> Match:
    stamp = t.group("stamp")
    start = stamp_line.content_start + t.start("stamp")
    date = None
    if stamp[:1].isdigit() and len(stamp) <= 8:  # time only: on the divider's day
        base = day_base(ctx.state)
        date = on_day_of(base, stamp, start) if base is not None else None
    if author:
        memo(ctx.state, "telegram-html-authors", _Authors).seen.add(author)
    return Match("header", lines=lines, author=author, stamp=stamp, stamp_start=start, date=date)


@rule("html-initials-time-name")
def html_initials(ctx: Context, line: Line) -> Match | None:
    """'KL' / '16:17' / 'Kostya Lebedev': the page's own order."""
    c = line.content
    if len(c) > 2 or not _INITIALS.fullmatch(c):
        return None
    t_line, n_line = ctx.peek_raw(1), ctx.peek_raw(2)
    if t_line is None or n_line is None or not n_line.content:
        return None
    t = _time_line(t_line.content)
    if t is None or len(n_line.content) > 80:
        return None
    return _html_header(ctx, n_line.content, t_line, t, 3)


@rule("html-time")
def html_time(ctx: Context, line: Line) -> Match | None:
    """A time line: above a known sender's name (page order), or alone (a
    further message of the same sender)."""
    t = _time_line(line.content)
    if t is None:
        return None
    nxt = ctx.peek_raw(1)
    seen = memo(ctx.state, "telegram-html-authors", _Authors).seen
    if nxt is not None and nxt.content in seen:
        return _html_header(ctx, nxt.content, line, t, 2)
    return _html_header(ctx, ctx.state.author, line, t, 1)


@rule("html-name-time")
def html_name_time(ctx: Context, line: Line) -> Match | None:
    """'Name' on a line, its time on the next."""
    nxt = ctx.peek_raw(1)
    if nxt is None or not nxt.content:
        return None
    t = _time_line(nxt.content)
    c = line.content
    if t is None or not name_like(ctx, c, memo(ctx.state, "telegram-html-authors", _Authors).seen):
        return None
    return _html_header(ctx, c, nxt, t, 2)


#: a stamp with seconds ('02.09.2024 16:17:05'): the HTML export's own, which
#: chat apps with a name over a date line (Discord) never print
_SECONDS = regex.compile(r"\d:\d{2}:\d{2}(?!\d)")


def _sig_name(c: str) -> bool:
    return plain_name(c) and not c[:1].isdigit() and _time_line(c) is None


def _initials_or_seconds(window: Sequence[str]) -> bool:
    """The first line is short enough for the avatar's initials, or the
    second is a short line with two colons (a time line with seconds,
    '16:17:05')."""
    if len(window) < 3:
        return False
    stamp = window[1]
    return len(window[0]) <= 2 or (len(stamp) <= 40 and stamp.count(":") >= 2)


def html_signature(window: Sequence[str]) -> bool:
    """A message header of the HTML export strong enough on its own (for
    mixed files): the avatar's initials, a 24-hour time and the name
    ('KL' '16:17' 'Kostya Lebedev'), or a name over a full date and time
    with seconds ('02.09.2024 16:17:05'), with text below."""
    return _initials_or_seconds(window) and _html_signature(window)


def _html_signature(window: Sequence[str]) -> bool:
    """:func:`html_signature` without its cheap first test."""
    if len(window) < 3:
        return False
    c, stamp = window[0], window[1]
    t = _time_line(stamp)
    if t is None or stamp[-1:] in "Mm.":
        return False  # Telegram prints 24-hour times
    if len(c) <= 2 and _INITIALS.fullmatch(c) is not None:
        return _sig_name(window[2])
    return stamp[:1].isdigit() and _SECONDS.search(stamp) is not None and _sig_name(c)


def detect_html(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    times = initials = dividers = ampm = 0
    for s in sample:
        t = _time_line(s)
        if t is not None:
            times += 1
            if s[-1:] in "Mm.":
                ampm += 1
        elif len(s) <= 2 and _INITIALS.fullmatch(s):
            initials += 1
        elif is_day_divider(s):
            dividers += 1
    if times < 2 or ampm * 2 > times:  # Telegram prints 24-hour times
        return 0.0
    share = (times + initials) / len(sample)
    bonus = 0.2 if initials * 3 >= times else 0.0
    return min(0.9, 0.3 + bonus + share) if share >= 0.12 else share / 2


TELEGRAM_DESKTOP_HTML = register(
    Dialect(
        name="telegram-desktop-html",
        detect=detect_html,
        rules=(day_divider, html_initials, html_time, html_name_time, preamble),
        signature=html_signature,
        signature_max_len=60,
        switch_evidence=1,
        lookahead=3,
        inherit_divider_date=True,
        previews=False,
        description="Telegram Desktop HTML export copied as text: name, time line, text.",
    )
)
