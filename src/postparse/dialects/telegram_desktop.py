"""``telegram-desktop``: messages copied from Telegram Desktop.

Each message is a header line ``Name, [02.09.24 16:17]`` followed by its
text; messages are separated by a blank line, but a message may itself hold
blank lines, so only a header line starts a new message. ``[In reply to …]``,
``[Forwarded from …]``, ``[ Photo ]``, ``[ Sticker ]`` lines belong to the
message they stand in. Text above the first header is meta.

The stamp is the bracketed date and time as written (``02.09.24 16:17``,
``9/2/24 4:17 PM``, ``02.09.2024 16:17:05``).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..lines import INVISIBLE, Line
from . import register
from ._chat import CLOCK, MARKS, NUM_DATETIME, SP
from .base import Context, Dialect, Match, rule

#: 'Name, [02.09.24 16:17]': a bounded name, a comma, a bracketed stamp that
#: is a numeric date and time, or any short bracketed text ending in a time.
_HEADER = regex.compile(
    r"(?P<name>[^\[\]\n]{1,80}?)" + MARKS + r"," + SP + r"?\[" + MARKS
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
    share = hits / len(sample)
    return min(1.0, 0.4 + 1.5 * share) if share >= 0.1 else share


TELEGRAM_DESKTOP = register(
    Dialect(
        name="telegram-desktop",
        detect=detect,
        rules=(header, preamble),
        lookahead=1,
        description="Messages copied from Telegram Desktop: 'Name, [02.09.24 16:17]' then text.",
    )
)
