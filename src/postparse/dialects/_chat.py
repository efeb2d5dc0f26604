"""Building blocks shared by the chat dialects (WhatsApp, Telegram Desktop,
Discord, Slack): regex pieces for numeric dates and clock times, a clock-time
reader for time-only follow-ups, and a small per-document memo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any, TypeVar, cast

import regex

from .._data import load_json, words
from ..dates import parse_date
from ..lines import Line
from ..model import ParsedDate
from .base import Context, Match, State, rule

#: A space inside a stamp: plain, no-break (U+00A0) or narrow no-break (U+202F).
SP = "[ \u00a0\u202f]"
#: Bidi marks WhatsApp scatters before brackets, names and texts.
MARKS = "[\u200e\u200f\u202a-\u202e\u2066-\u2069]*"
#: A bidi mark right-to-left locales put after a date's number
#: ('٢٥\u200f/٨\u200f/٢٠٢٤': Arabic WhatsApp exports).
_RTL_MARK = "[\u200e\u200f\u061c]?"
#: A numeric date in any order and with any of the usual separators:
#: 8/30/24, 30.08.2024, 2024-08-30, 2024. 8. 30. (a trailing dot allowed).
NUM_DATE = (
    r"\d{1,4}" + _RTL_MARK + r"[./\-]" + SP + r"?\d{1,2}" + _RTL_MARK + r"[./\-]" + SP
    + r"?\d{1,4}\.?"
)  # fmt: skip


def alternatives(items: Sequence[str]) -> str:
    """A regex alternation of ``items`` (escaped, longest first, once each)."""
    return "|".join(regex.escape(w) for w in sorted(set(items), key=lambda s: (-len(s), s)))


#: AM/PM: the generic Latin forms ('PM', 'p.m.', 'pm', 'p. m.') and the
#: localized words of the ``whatsapp_ampm`` table.
AMPM = (
    r"(?:[AaPp]\.?" + SP + r"?[Mm]\.?|" + alternatives(words("chrome.json", "whatsapp_ampm")) + ")"
)
#: A clock time, 12 or 24 h, seconds optional, AM/PM before or after.
CLOCK = r"(?:" + AMPM + SP + r"?)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:" + SP + r"?" + AMPM + r")?"
#: A clock time without seconds (apps that never print them: Discord).
CLOCK_HM = r"(?:" + AMPM + SP + r"?)?\d{1,2}:\d{2}(?:" + SP + r"?" + AMPM + r")?"
#: Date and time: '8/30/24, 7:02 PM', '30.12.23 18:04:11', '2024/8/30 下午7:02'.
_DT_WORD = r"(?:klo|kl\.|um|at|à|às|a las|alle|om|o|в)"
#: (the Arabic comma '،' too: '٢٥‏/٨‏/٢٠٢٤، ٩:١٥ م').
NUM_DATETIME = NUM_DATE + r"(?:[,،]" + SP + r"?|" + SP + r")(?:" + _DT_WORD + SP + ")?" + CLOCK

_CLOCK_PARTS = regex.compile(
    r"(?P<pre>" + AMPM + r")?" + SP + r"?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?"
    + SP + r"?(?P<post>" + AMPM + r")?",
    regex.IGNORECASE,
)  # fmt: skip
_PM_WORDS = {"pm", "p.m.", "p. m.", "p.m", "nachm.", "nachm", "ip.", "em", "μ.μ.", "μμ"}
_PM_WORDS |= {"下午", "午後", "오후", "ch", "م", "ب.ظ.", "晚上", "หลังเที่ยง"}


def read_clock(text: str) -> tuple[int, int, int | None] | None:
    """(hour, minute, second or None) of a clock time such as '4:21 PM',
    '16:21', '7:02\u202fp.m.', 'nachm. 4:21'; None when it is not one."""
    m = _CLOCK_PARTS.fullmatch(text.strip())
    if m is None:
        return None
    h, mi = int(m.group("h")), int(m.group("m"))
    s = int(m.group("s")) if m.group("s") else None
    marker = (m.group("pre") or m.group("post") or "").lower().replace("\u202f", " ")
    marker = marker.replace("\u00a0", " ")
    if marker:
        if h > 12:
            return None
        is_pm = marker in _PM_WORDS or marker.replace(" ", "") in _PM_WORDS
        h = h % 12 + (12 if is_pm else 0)
    if h > 23 or mi > 59 or (s is not None and s > 59):
        return None
    return h, mi, s


def on_day_of(base: ParsedDate, clock: str, stamp_start: int | None = None) -> ParsedDate | None:
    """The clock time ``clock`` on the day of ``base`` ('[4:21 PM]' under a
    header of 'Yesterday at 4:20 PM'). A time earlier than the base's means
    the conversation went past midnight."""
    parts = read_clock(clock)
    if parts is None:
        return None
    h, mi, s = parts
    value = base.value.replace(hour=h, minute=mi, second=s or 0, microsecond=0)
    if base.precision in ("minute", "second") and value < base.value - timedelta(minutes=1):
        value += timedelta(days=1)
    start = stamp_start or 0
    return ParsedDate(
        value,
        "second" if s is not None else "minute",
        base.relative,
        clock,
        start,
        start + len(clock),
        base.language,
    )


def phrases(key: str) -> list[str]:
    """The phrases of a ``chrome.json`` table, lower-cased, longest first."""
    return [w.lower() for w in words("chrome.json", key)]


def phrase_finder(key: str) -> Callable[[str], bool]:
    """A test for "does the lower-cased text hold one of the table's
    phrases": one compiled search instead of a loop over the phrases."""
    pattern = regex.compile("|".join(regex.escape(p) for p in phrases(key)))

    def holds(low: str) -> bool:
        return pattern.search(low) is not None

    return holds


def table(key: str) -> dict[str, Any]:
    section: dict[str, Any] = load_json("chrome.json")[key]
    return section


T = TypeVar("T")


def memo(state: State, name: str, factory: Callable[[], T]) -> T:
    """A dialect's private scratch object for one document, kept in
    ``state.scratch``. Rules use it for what the engine's state does not
    track, such as 'inside a ``` code block'."""
    hit = state.scratch.get(name)
    if hit is None:
        hit = state.scratch[name] = factory()
    return cast(T, hit)


#: A reaction line: emoji (or ':shortcode:') each followed by a count,
#: 'U+1F44D 3', ':+1: 3  :tada: 1'.
_EMOJI = r"(?:\p{Extended_Pictographic}[\ufe0f\u200d\p{Extended_Pictographic}\p{Emoji_Modifier}]{0,8}|[\u0023\u0030-\u0039]\ufe0f?\u20e3|:[a-z0-9_+\-']{1,40}:)"
REACTIONS = regex.compile(r"(?:" + _EMOJI + r"\s{0,3}\d{1,5}\s{0,3}){1,20}", regex.IGNORECASE)

#: A calendar date alone on a line, as chat apps print their day dividers:
#: 'September 9, 2024', 'Monday, September 9th', '9. September 2024',
#: '9 de septiembre de 2024', 'Mon, Sep 9'.
CALENDAR_LINE = regex.compile(
    r"(?:\p{L}{2,12}\.?,?" + SP + r")?"
    r"(?:\p{L}{3,12}\.?" + SP + r"\d{1,2}(?:st|nd|rd|th)?(?:," + SP + r"?\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th|\.)?" + SP + r"(?:de" + SP + r")?\p{L}{3,12}\.?"
    + r"(?:,?" + SP + r"(?:de" + SP + r")?\d{4}"
    # the year's abbreviation: '28 августа 2024 г.', '28 серпня 2024 р.'
    + r"(?:" + SP + r"[гр]\.?)?)?)",
)  # fmt: skip
_CJK_DATE_LINE = regex.compile(
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:" + SP + r"?\S{1,4})?"
    # Korean: '2024년 8월 28일', '2024년 8월 28일 수요일'
    r"|(?:\d{4}년" + SP + r"?)?\d{1,2}월" + SP + r"?\d{1,2}일(?:" + SP + r"?\S{1,4})?"
)
_ISO_DATE_LINE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_WORDS = frozenset(w.lower() for w in words("chrome.json", "chat_day_dividers"))
_MONTHS = frozenset(w.lower() for w in words("chrome.json", "chat_months"))
_FILLERS = frozenset(("de", "st", "nd", "rd", "th", "г", "р"))
_WORD = regex.compile(r"\p{L}+")


def is_day_divider(content: str) -> bool:
    """A whole line that is a day divider ('September 9, 2024', 'Today')."""
    if len(content) > 40:
        return False
    if content.lower() in _DAY_WORDS:
        return True
    if content[:1].isdigit() and (
        _CJK_DATE_LINE.fullmatch(content) or _ISO_DATE_LINE.fullmatch(content)
    ):
        return True
    if CALENDAR_LINE.fullmatch(content) is None:
        return False
    found = [w.lower() for w in _WORD.findall(content)]
    return all(w in _MONTHS or w in _FILLERS for w in found)


def day_base(state: State) -> ParsedDate | None:
    """The date a time-only stamp hangs on: the later of the last post's
    date and the last day divider's."""
    last, div = state.last_date, state.divider
    if last is None or div is None:
        return last or div
    return div if div.value.date() > last.value.date() else last


_NAME_SENTENCE_END = regex.compile(r"[.!?,;:…)]$")
_HANDLE_OR_CAPITAL = regex.compile(r"[._\d]|^\p{Lu}")


def plain_name(c: str) -> bool:
    """A line short enough to be a sender's name, that ends no sentence and
    opens with no quote, bullet or handle mark (the test :func:`name_like`
    starts with, for rules and signatures that know no names yet)."""
    return 0 < len(c) <= 60 and not _NAME_SENTENCE_END.search(c) and c[:1] not in "[(:`>*-•#@"


def name_like(ctx: Context, c: str, seen: set[str]) -> bool:
    """A line that can be a sender's name standing above a time line: a name
    already ``seen`` as an author, a line after a blank line, a divider or
    the start, or 1-4 capitalised words (or a handle such as ``bob.k``)."""
    if not plain_name(c):
        return False
    if c in seen or ctx.state.current != "post" or ctx.state.after_blank:
        return True
    parts = c.split()
    if len(parts) == 1:
        return _HANDLE_OR_CAPITAL.search(c) is not None
    return len(parts) <= 4 and all(w[:1].isupper() for w in parts)


def header_score(hits: float, total: int, floor: float = 0.02) -> float:
    """A detection score from the number of lines with a dialect's very
    specific header shape: strong from two headers and a small share (chat
    messages can be long), weak otherwise."""
    if total <= 0:
        return 0.0
    share = hits / total
    if hits >= 2 and share >= floor:
        return min(1.0, 0.4 + 1.5 * share)
    return min(share, 0.15)


@rule("day-divider")
def day_divider(ctx: Context, line: Line) -> Match | None:
    """A day divider alone on a line ('September 9, 2024', 'Today',
    '2 September 2024'): meta, and the date of the messages below it."""
    c = line.content
    if not is_day_divider(c):
        return None
    return Match("meta", divider=parse_date(c, now=ctx.state.now, order=ctx.state.order))
