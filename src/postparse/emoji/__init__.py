"""Emoji repair: mojibake, escapes, entities, and emoji lost to ``?``.

``repair_emoji(text)`` returns an :class:`EmojiResult` with the repaired
``.text`` and ``.repairs`` (each an :class:`EmojiRepair` whose
``start``/``end``/``found`` locate the damage in the *input*, and whose
``fixed`` replaced it). Repairs are in order and never overlap.

What is repaired (see ``docs/emoji.md``):

- mojibake of UTF-8 read as cp1252 / Latin-1 (also double-encoded, and
  lossy runs whose undefined bytes were dropped or replaced);
- ``\\ud83d\\ude02``, ``\\U0001F602``, ``\\u{1F602}`` escapes and unpaired
  surrogate characters;
- HTML numeric and named entities that stand for emoji;
- emoji lost to ``?`` -> U+FFFD with ``lost=True``;
- orphan U+FE0F and dangling U+200D next to emoji;
- opt-in: ``:shortcodes:`` and ``[bracket]`` sticker codes.

Text with nothing suspect costs one regex scan and is returned as is.
"""

from __future__ import annotations

import html.entities
import re

import regex

from ..model import EmojiRepair, EmojiResult
from . import _lost, _mojibake
from ._tables import VS16, ZWJ, bracket_codes, shortcodes, tables

__all__ = ["EmojiRepair", "EmojiResult", "repair_emoji"]

Candidate = tuple[int, int, str, bool]

# Fast path: two plain scans (a character class, then a mojibake lead byte
# followed by a continuation byte); stdlib ``re`` is fastest for these.
_SUSPECT_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff]")
_SUSPECT_SHORTCODE_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff:]")
_SUSPECT_BRACKET_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff\[]")
_SUSPECT_BOTH_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff:\[]")
_SUSPECT_MOJIBAKE_RE = _mojibake.SUSPECT_RE

_ESCAPE_RE = regex.compile(
    r"\\+(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|[ux]\{([0-9a-fA-F]{1,6})\})",
)
_ENTITY_RE = regex.compile(
    r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));"
)
_SURROGATE_PAIR_RE = regex.compile("[\ud800-\udbff][\udc00-\udfff]")
_SHORTCODE_RE = regex.compile(r"(?<!\w):([\w+\-()’'.&!#*]{1,80}):(?!\w)")
_BRACKET_RE = regex.compile(r"\[([^\[\]\s]{1,12})\]")
_KEYCAP_BASES = frozenset("0123456789#*")

_PRIORITY_SURROGATE = 0
_PRIORITY_ESCAPE = 1
_PRIORITY_ENTITY = 2
_PRIORITY_MOJIBAKE = 3
_PRIORITY_LOST = 4
_PRIORITY_CODES = 5


def _combine(items: list[tuple[int, int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, code point) items -> (start, end, char), pairing UTF-16
    surrogates; a lone surrogate or an impossible value becomes ''."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(items):
        s, e, cp = items[i]
        if 0xD800 <= cp <= 0xDBFF and i + 1 < len(items):
            s2, e2, cp2 = items[i + 1]
            if s2 == e and 0xDC00 <= cp2 <= 0xDFFF:
                out.append((s, e2, chr(0x10000 + ((cp - 0xD800) << 10) + (cp2 - 0xDC00))))
                i += 2
                continue
        if 0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF or cp == 0:
            out.append((s, e, ""))
        else:
            out.append((s, e, chr(cp)))
        i += 1
    return out


def _emoji_groups(text: str, items: list[tuple[int, int, str]]) -> list[Candidate]:
    """Group adjacent decoded items into emoji repairs."""
    tabs = tables()
    emoji_chars = tabs.emoji_chars
    base = tabs.base_chars
    out: list[Candidate] = []
    group: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not group:
            return
        fixed = "".join(ch for _, _, ch in group)
        start, end = group[0][0], group[-1][1]
        # typography symbols (© ® ™ ‼ ↔ ...) count only with U+FE0F
        has_base = (
            any(c in base and c > "\u21ff" for c in fixed)
            or "\u20e3" in fixed
            or (VS16 in fixed and any(c in base for c in fixed))
        )
        after_emoji = start > 0 and text[start - 1] in emoji_chars
        if has_base or after_emoji:
            out.append((start, end, fixed, False))
        group.clear()

    for s, e, ch in items:
        ok = ch != "" and all(c in emoji_chars or c in _KEYCAP_BASES for c in ch)
        if not ok:
            flush()
            continue
        if group and group[-1][1] != s:
            flush()
        group.append((s, e, ch))
    flush()
    return out


def _find_escapes(text: str) -> list[Candidate]:
    items: list[tuple[int, int, int]] = []
    for m in _ESCAPE_RE.finditer(text):
        h = m.group(1) or m.group(2) or m.group(3)
        items.append((m.start(), m.end(), int(h, 16)))
    return _emoji_groups(text, _combine(items))


def _find_entities(text: str) -> list[Candidate]:
    items: list[tuple[int, int, str]] = []
    raw: list[tuple[int, int, int]] = []
    for m in _ENTITY_RE.finditer(text):
        dec, hx, name = m.groups()
        if name is not None:
            value = html.entities.html5.get(name + ";")
            if value is None or len(value) != 1:
                continue
            raw.append((m.start(), m.end(), ord(value)))
        else:
            raw.append((m.start(), m.end(), int(dec, 10) if dec is not None else int(hx, 16)))
    items = _combine(raw)
    return _emoji_groups(text, items)


def _find_surrogates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    emoji_chars = tables().emoji_chars
    for m in _SURROGATE_PAIR_RE.finditer(text):
        hi, lo = m.group()
        ch = chr(0x10000 + ((ord(hi) - 0xD800) << 10) + (ord(lo) - 0xDC00))
        if ch in emoji_chars:
            out.append((m.start(), m.end(), ch, False))
    return out


def _find_shortcodes(text: str) -> list[Candidate]:
    table = shortcodes()
    out: list[Candidate] = []
    for m in _SHORTCODE_RE.finditer(text):
        name = m.group(1)
        fixed = table.get(name)
        if fixed is None:
            fixed = table.get(name.lower())
        if fixed is not None:
            out.append((m.start(), m.end(), fixed, False))
    return out


def _find_brackets(text: str) -> list[Candidate]:
    table = bracket_codes()
    out: list[Candidate] = []
    for m in _BRACKET_RE.finditer(text):
        name = m.group(1)
        fixed = table.get(name)
        if fixed is None and name.isascii():
            fixed = table.get(name.lower())
        if fixed is not None:
            out.append((m.start(), m.end(), fixed, False))
    return out


def _merge(cands: list[tuple[int, int, int, str, bool]]) -> list[Candidate]:
    """Non-overlapping candidates in order; earlier start, then priority, wins."""
    cands.sort(key=lambda c: (c[0], c[2], -c[1]))
    out: list[Candidate] = []
    last = -1
    for start, end, _, fixed, lost in cands:
        if start < last:
            continue
        out.append((start, end, fixed, lost))
        last = end
    return out


def _find_orphans(text: str, accepted: list[Candidate]) -> list[Candidate]:
    """Orphan U+FE0F and dangling U+200D, judged against the repaired text."""
    tabs = tables()
    ends = {e: fixed for s, e, fixed, _ in accepted if fixed}
    starts = {s: fixed for s, e, fixed, _ in accepted if fixed}
    covered: set[int] = set()
    for s, e, _, _ in accepted:
        if e - s < 64:
            covered.update(range(s, e))
    out: list[Candidate] = []

    def prev_char(p: int) -> str:
        if p in ends:
            return ends[p][-1]
        return text[p - 1] if p > 0 else ""

    def left_char(p: int) -> str:
        """The character before ``p``, skipping U+FE0F (repairs applied)."""
        while True:
            if p in ends:
                fixed = ends[p].rstrip(VS16)
                return fixed[-1] if fixed else ""
            if p <= 0:
                return ""
            c = text[p - 1]
            if c != VS16:
                return c
            p -= 1

    def right_char(p: int) -> str:
        """The character at ``p`` or after, skipping U+FE0F (repairs applied)."""
        while True:
            if p in starts:
                fixed = starts[p].lstrip(VS16)
                return fixed[0] if fixed else ""
            if p >= len(text):
                return ""
            c = text[p]
            if c != VS16:
                return c
            p += 1

    if VS16 in text:
        for m in tabs.odd_vs16_re.finditer(text):
            p = m.start()
            if p in covered:
                continue
            if prev_char(p) not in tabs.vs16_bases:
                out.append((p, p + 1, "", False))
    if ZWJ in text:
        emoji_chars = tabs.emoji_chars
        for m in tabs.odd_zwj_re.finditer(text):
            p = m.start()
            if p in covered:
                continue
            left, right = left_char(p), right_char(p + 1)
            left_emoji = left in emoji_chars and left != ZWJ
            right_emoji = right in emoji_chars and right != ZWJ
            if left_emoji == right_emoji:
                continue
            other = right if left_emoji else left
            if other == "" or other.isspace() or other.isascii() or other == ZWJ:
                out.append((p, p + 1, "", False))
    return out


def repair_emoji(
    text: str,
    *,
    language: str | None = None,
    shortcodes: bool = False,
    bracket_codes: bool = False,
) -> EmojiResult:
    """Repair damaged emoji in ``text``.

    ``language`` is an optional BCP 47 hint (it only changes how a ``?``
    after a space is read: French puts a space before real question marks).
    ``shortcodes`` converts unambiguous ``:name:`` codes, ``bracket_codes``
    converts ``[名字]`` sticker codes (Weibo); both are off by default.
    """
    if shortcodes and bracket_codes:
        suspect = _SUSPECT_BOTH_RE
    elif shortcodes:
        suspect = _SUSPECT_SHORTCODE_RE
    elif bracket_codes:
        suspect = _SUSPECT_BRACKET_RE
    else:
        suspect = _SUSPECT_RE
    if suspect.search(text) is None and _SUSPECT_MOJIBAKE_RE.search(text) is None:
        return EmojiResult(text, ())

    cands: list[tuple[int, int, int, str, bool]] = []

    def add(found: list[Candidate], priority: int) -> None:
        for s, e, fixed, lost in found:
            if text[s:e] != fixed:
                cands.append((s, e, priority, fixed, lost))

    if _SURROGATE_PAIR_RE.search(text):
        add(_find_surrogates(text), _PRIORITY_SURROGATE)
    if "\\" in text:
        add(_find_escapes(text), _PRIORITY_ESCAPE)
    if "&" in text:
        add(_find_entities(text), _PRIORITY_ENTITY)
    if _SUSPECT_MOJIBAKE_RE.search(text) is not None:
        add(_mojibake.find(text), _PRIORITY_MOJIBAKE)
    if "?" in text:
        add(_lost.find(text, language), _PRIORITY_LOST)
    if shortcodes and ":" in text:
        add(_find_shortcodes(text), _PRIORITY_CODES)
    if bracket_codes and "[" in text:
        add(_find_brackets(text), _PRIORITY_CODES)

    accepted = _merge(cands)
    if VS16 in text or ZWJ in text:
        orphans = _find_orphans(text, accepted)
        if orphans:
            accepted = _merge(
                [(s, e, 0, f, lost) for s, e, f, lost in accepted]
                + [(s, e, 9, f, lost) for s, e, f, lost in orphans]
            )
    if not accepted:
        return EmojiResult(text, ())

    parts: list[str] = []
    repairs: list[EmojiRepair] = []
    pos = 0
    for start, end, fixed, lost in accepted:
        parts.append(text[pos:start])
        parts.append(fixed)
        repairs.append(EmojiRepair(start, end, text[start:end], fixed, lost))
        pos = end
    parts.append(text[pos:])
    return EmojiResult("".join(parts), tuple(repairs))
