"""``whatsapp-android`` and ``whatsapp-ios``: WhatsApp chat exports
("Export chat" → without media), every locale.

Android writes ``DATE, TIME - Name: text`` (``8/30/24, 7:02 PM - Dana: hi``,
``30.08.24, 19:02 - Dana: hi``); a line ``DATE, TIME - text`` with no
``Name:`` part is a system message (group created, member added ...).

iOS writes ``[DATE, TIME] Name: text`` (``[30.12.23, 18:04:11] Lea: hi``),
often with U+200E marks before the bracket and the text. System lines carry
the group name as sender and a text that starts with U+200E
(``‎Jonas hat die Gruppe erstellt.``); media placeholders and deleted
messages start with U+200E too but are messages of their sender
(``‎Bild weggelassen``).

A line that does not have the full header shape continues the message
above, even when it starts with a date ("9/14/24 is the rain date").
The stamp is the date and time as written; its day/month order is settled
by the dates engine from the whole document.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from ..lines import INVISIBLE, Line
from . import register
from ._chat import MARKS, NUM_DATETIME, SP, header_score, memo, phrase_finder, phrases
from .base import Context, Dialect, Match, rule

_ANDROID = regex.compile(
    r"(?P<stamp>" + NUM_DATETIME + r")" + SP + r"?" + MARKS + r"[\-–—]" + SP + MARKS,
    regex.IGNORECASE,
)
_IOS = regex.compile(
    r"\[" + MARKS + r"(?P<stamp>" + NUM_DATETIME + r")" + MARKS + r"\]" + SP + r"?" + MARKS,
    regex.IGNORECASE,
)
#: 'Name: ' at the start of the rest of a header (the name bounded, no colon).
_NAME = regex.compile(r"(?P<name>[^:\n]{1,80}?)" + MARKS + r":(?:[ \u00a0]|$)")
_LEADING_MARKS = regex.compile(MARKS)
#: quotes around a group subject in system lines (Japanese 「」 too; not
#: the apostrophe-like ’, which names hold: 'O’Brien')
_QUOTES = frozenset('"“”„«»「」『』')

_HOLDS_SYSTEM = phrase_finder("whatsapp_system")
_POST_MARKS = tuple(phrases("whatsapp_post_marks"))
_HOLDS_ENCRYPTION = phrase_finder("whatsapp_encryption")
_META = Match("meta")


def _is_system_text(text: str) -> bool:
    return _HOLDS_SYSTEM(text.lower())


def _is_post_mark(text: str) -> bool:
    return text.lstrip(INVISIBLE).lower().startswith(_POST_MARKS)


@functools.lru_cache(maxsize=4096)
def _name_is_system(name: str) -> bool:
    """A 'name' that is really the start of a system text holding a colon
    ('Dana changed the subject to "Plans: Sat"'). Names repeat: cached."""
    return len(name) > 60 or not _QUOTES.isdisjoint(name) or _is_system_text(name + " ")


@attrs.define
class _Senders:
    #: senders of recognised system lines (the group name, on iOS)
    system: set[str] = attrs.Factory(set)
    #: senders of ordinary messages
    posters: set[str] = attrs.Factory(set)


def _header(line: Line, stamp_match: regex.Match[str], name: regex.Match[str] | None) -> Match:
    offset = line.content_start
    if name is None:
        return _META
    body = name.end()
    body += _LEADING_MARKS.match(line.content, body).end() - body
    return Match(
        "header",
        author=name.group("name").strip(INVISIBLE),
        stamp=stamp_match.group("stamp"),
        stamp_start=offset + stamp_match.start("stamp"),
        body_start=offset + body,
    )


@rule("android-header")
def android_header(ctx: Context, line: Line) -> Match | None:
    """'8/30/24, 7:02 PM - Name: text' heads a message; with no 'Name:'
    part the line is a system message."""
    c = line.content
    if not c[:1].isdigit():
        return None
    m = _ANDROID.match(c)
    if m is None:
        return None
    n = _NAME.match(c, m.end())
    if n is not None and _name_is_system(n.group("name")):
        n = None
    return _header(line, m, n)


def _opens_export(senders: _Senders, text: str) -> bool:
    """A long U+200E text before any message or system line: the notice an
    iOS export opens with (encryption, in a language without a table entry),
    never a media mark, which is short."""
    return not senders.system and not senders.posters and len(text) > 80


@rule("ios-header")
def ios_header(ctx: Context, line: Line) -> Match | None:
    """'[30.12.23, 18:04:11] Name: text' heads a message; a U+200E text of
    a system phrase, or of a sender known only for system lines, is meta."""
    c = line.content
    if c[:1] != "[":
        return None
    m = _IOS.match(c)
    if m is None:
        return None
    n = _NAME.match(c, m.end())
    if n is None:
        return _META
    sender = n.group("name").strip(INVISIBLE)
    text = c[n.end() :]
    senders = memo(ctx.state, "whatsapp-ios", _Senders)
    low = text.lower()
    if _HOLDS_ENCRYPTION(low):
        # the encryption notice, with or without its U+200E mark
        senders.system.add(sender)
        return _META
    only_system = sender in senders.system and sender not in senders.posters
    if text[:1] in "\u200e\u200f" or not text.strip(INVISIBLE):
        if _is_post_mark(text):
            senders.posters.add(sender)
        elif only_system or _is_system_text(text) or _opens_export(senders, text):
            senders.system.add(sender)
            return _META
    elif only_system and _is_system_text(text):
        # an export whose U+200E marks were stripped: the group's system lines
        return _META
    else:
        senders.posters.add(sender)
    return _header(line, m, n)


def _hits(sample: Sequence[str], first: str | None, pattern: regex.Pattern[str]) -> int:
    hits = 0
    for s in sample:
        if (s[:1].isdigit() if first is None else s[:1] == first) and pattern.match(s):
            hits += 1
    return hits


def detect_android(sample: Sequence[str]) -> float:
    return header_score(_hits(sample, None, _ANDROID), len(sample))


def detect_ios(sample: Sequence[str]) -> float:
    return header_score(_hits(sample, "[", _IOS), len(sample))


def _opens_with_digit(content: str) -> bool:
    return content[:1].isdigit()


def _opens_with_bracket(content: str) -> bool:
    return content[:1] == "["


#: a dash and the space after it, as :data:`_ANDROID` has them before the name
_DASH_SPACES = tuple(dash + space for dash in "-–—" for space in SP[1:-1])


def _has_dash_space(content: str) -> bool:
    """A dash right before a space: an Android header's ' - ' between its
    time and the name."""
    if "-" not in content and "–" not in content and "—" not in content:
        return False
    for pair in _DASH_SPACES:  # noqa: SIM110 - a loop costs less than any() here
        if pair in content:
            return True
    return False


def android_signature(window: Sequence[str]) -> bool:
    """A whole Android header: 'date, time - Name: ' (for mixed files)."""
    content = window[0]
    if not _has_dash_space(content):
        return False
    m = _ANDROID.match(content) if _opens_with_digit(content) else None
    return m is not None and _NAME.match(content, m.end()) is not None


WHATSAPP_ANDROID = register(
    Dialect(
        name="whatsapp-android",
        signature=android_signature,
        signature_gate=_opens_with_digit,
        detect=detect_android,
        rules=(android_header,),
        lookahead=1,
        previews=False,
        description="WhatsApp chat export from Android: 'DATE, TIME - Name: text'.",
    )
)


def ios_signature(window: Sequence[str]) -> bool:
    """A whole iOS header: '[date, time] Name: ' (for mixed files)."""
    content = window[0]
    m = _IOS.match(content) if _opens_with_bracket(content) else None
    return m is not None and _NAME.match(content, m.end()) is not None


WHATSAPP_IOS = register(
    Dialect(
        name="whatsapp-ios",
        signature=ios_signature,
        signature_gate=_opens_with_bracket,
        detect=detect_ios,
        rules=(ios_header,),
        lookahead=1,
        previews=False,
        description="WhatsApp chat export from iOS: '[DATE, TIME] Name: text'.",
    )
)
