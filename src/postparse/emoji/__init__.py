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

Text with nothing suspect costs a scan or two and is returned as is.
"""

from __future__ import annotations

import bisect
import html.entities
import re
from collections.abc import Callable

import regex

from ..model import EmojiRepair, EmojiResult
from . import _compose, _lost, _mojibake
from ._tables import VS16, ZWJ, bracket_codes, shortcodes, tables

__all__ = ["EmojiRepair", "EmojiResult", "may_need_repair", "repair_emoji"]

Candidate = tuple[int, int, str, bool]

# Fast path: two plain scans (a character class, then a mojibake lead byte
# followed by a continuation byte); stdlib ``re`` is fastest for these, and
# ASCII text needs neither.
_SUSPECT_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff]")
_SUSPECT_SHORTCODE_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff:]")
_SUSPECT_BRACKET_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff\[]")
_SUSPECT_BOTH_RE = re.compile(r"[?\\&\ufe0f\u200d\ud800-\udfff:\[]")


def may_need_repair(text: str) -> bool:
    """Whether :func:`repair_emoji` (without ``shortcodes``/``bracket_codes``)
    may change ``text``; when False it returns ``text`` unchanged."""
    if "?" in text:
        return True  # most common: a scan in C answers
    if text.isascii():
        # the other ASCII characters of _SUSPECT_RE; mojibake is never ASCII
        return "\\" in text or "&" in text
    return _SUSPECT_RE.search(text) is not None or _mojibake.suspect(text)


_ESCAPE_RE = regex.compile(
    r"\\+(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|[ux]\{([0-9a-fA-F]{1,6})\})",
)
_ENTITY_RE = regex.compile(
    r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));"
)
_ESCAPE_RUN_RE = regex.compile(
    r"(?:\\+(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[ux]\{[0-9a-fA-F]{1,6}\}))+"
)
_ENTITY_RUN_RE = regex.compile(
    r"(?:&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)+"
)
_SURROGATE_PAIR_RE = regex.compile("[\ud800-\udbff][\udc00-\udfff]")
_SHORTCODE_RE = regex.compile(r"(?<!\w):([\w+\-()’'.&!#*]{1,80}):(?!\w)")
_BRACKET_RE = regex.compile(r"\[([^\[\]\s]{1,12})\]")
_KEYCAP_BASES = frozenset("0123456789#*")


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


def _emoji_groups(items: list[tuple[int, int, str]], after_emoji: bool) -> tuple[Candidate, ...]:
    """Group adjacent decoded items (offsets into one escape/entity run)
    into emoji repairs. ``after_emoji``: the run follows an emoji."""
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
        if has_base or (start == 0 and after_emoji):
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
    return tuple(out)


_RunCache = dict[tuple[str, bool], tuple[Candidate, ...]]
_ESCAPE_CACHE: _RunCache = {}
_ENTITY_CACHE: _RunCache = {}
_CACHE_LIMIT = 4096


def _escape_items(run: str) -> list[tuple[int, int, int]]:
    items: list[tuple[int, int, int]] = []
    for m in _ESCAPE_RE.finditer(run):
        h = m.group(1) or m.group(2) or m.group(3)
        items.append((m.start(), m.end(), int(h, 16)))
    return items


def _entity_items(run: str) -> list[tuple[int, int, int]]:
    items: list[tuple[int, int, int]] = []
    for m in _ENTITY_RE.finditer(run):
        dec, hx, name = m.groups()
        if name is not None:
            value = html.entities.html5.get(name + ";")
            if value is None or len(value) != 1:
                items.append((m.start(), m.end(), 0))
                continue
            items.append((m.start(), m.end(), ord(value)))
        else:
            items.append((m.start(), m.end(), int(dec, 10) if dec is not None else int(hx, 16)))
    return items


def _find_runs(
    text: str,
    run_re: regex.Pattern[str],
    items_of: Callable[[str], list[tuple[int, int, int]]],
    cache: _RunCache,
) -> list[Candidate]:
    """Decode runs of escapes or entities (results cached per run)."""
    emoji_chars = tables().emoji_chars
    out: list[Candidate] = []
    for m in run_re.finditer(text):
        base = m.start()
        key = (m.group(), base > 0 and text[base - 1] in emoji_chars)
        rel = cache.get(key)
        if rel is None:
            rel = _emoji_groups(_combine(items_of(key[0])), key[1])
            if len(key[0]) <= 128:  # only short runs are worth keeping
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[key] = rel
        for s, e, fixed, lost in rel:
            out.append((base + s, base + e, fixed, lost))
    return out


def _find_escapes(text: str) -> list[Candidate]:
    return _find_runs(text, _ESCAPE_RUN_RE, _escape_items, _ESCAPE_CACHE)


def _find_entities(text: str) -> list[Candidate]:
    return _find_runs(text, _ENTITY_RUN_RE, _entity_items, _ENTITY_CACHE)


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


def _merge(passes: list[list[Candidate]]) -> list[Candidate]:
    """Non-overlapping repairs in order from per-pass lists (each sorted and
    non-overlapping, listed by priority); on overlap the earlier start wins,
    then the earlier pass."""
    nonempty = [p for p in passes if p]
    if not nonempty:
        return []
    if len(nonempty) == 1:
        return nonempty[0]
    keyed = [(c[0], rank, -c[1], c) for rank, p in enumerate(passes) for c in p]
    keyed.sort()
    out: list[Candidate] = []
    last = -1
    for start, _, _, cand in keyed:
        if start < last:
            continue
        out.append(cand)
        last = cand[1]
    return out


def _find_orphans(text: str, accepted: list[Candidate]) -> list[Candidate]:
    """Orphan U+FE0F and dangling U+200D, judged against the repaired text."""
    tabs = tables()
    cand_vs16 = [m.start() for m in tabs.odd_vs16_re.finditer(text)] if VS16 in text else []
    cand_zwj = [m.start() for m in tabs.odd_zwj_re.finditer(text)] if ZWJ in text else []
    # a repair changes the neighbours: selectors and joiners next to one
    # are judged again
    extra_vs16: set[int] = set()
    extra_zwj: set[int] = set()
    n = len(text)
    for s, e, _, _ in accepted:
        if e < n and text[e] == VS16:
            extra_vs16.add(e)
        if e < n and text[e] == ZWJ:
            extra_zwj.add(e)
        if s > 0 and text[s - 1] == ZWJ:
            extra_zwj.add(s - 1)
    if extra_vs16:
        cand_vs16 = sorted(extra_vs16.union(cand_vs16))
    if extra_zwj:
        cand_zwj = sorted(extra_zwj.union(cand_zwj))
    if not cand_vs16 and not cand_zwj:
        return []
    ends = {e: fixed for s, e, fixed, _ in accepted if fixed}
    starts = {s: fixed for s, e, fixed, _ in accepted if fixed}
    spans_start = [s for s, _, _, _ in accepted]
    out: list[Candidate] = []

    def covered(p: int) -> bool:
        i = bisect.bisect_right(spans_start, p) - 1
        return i >= 0 and accepted[i][0] <= p < accepted[i][1]

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

    if cand_vs16:
        for p in cand_vs16:
            if covered(p):
                continue
            prev = prev_char(p)
            if prev not in tabs.vs16_bases and prev != "?":
                out.append((p, p + 1, "", False))
    if cand_zwj:
        emoji_chars = tabs.emoji_chars
        for p in cand_zwj:
            if covered(p):
                continue
            left, right = left_char(p), right_char(p + 1)
            left_emoji = left in emoji_chars and left != ZWJ
            right_emoji = right in emoji_chars and right != ZWJ
            if left_emoji == right_emoji:
                continue
            other = right if left_emoji else left
            if other == "?":
                continue  # part of an emoji lost to '?'
            if other == "" or other.isspace() or other.isascii() or other == ZWJ:
                out.append((p, p + 1, "", False))
    out.sort()
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
    if shortcodes or bracket_codes:
        if shortcodes and bracket_codes:
            suspect = _SUSPECT_BOTH_RE
        elif shortcodes:
            suspect = _SUSPECT_SHORTCODE_RE
        else:
            suspect = _SUSPECT_BRACKET_RE
        if suspect.search(text) is None and not _mojibake.suspect(text):
            return EmojiResult(text, ())
    elif not may_need_repair(text):
        return EmojiResult(text, ())
    current, accepted = repair_spans(text, language, shortcodes, bracket_codes)
    if not accepted:
        return EmojiResult(text, ())
    return EmojiResult(current, repairs_of(text, accepted))


def repairs_of(text: str, found: list[Candidate], at: int = 0) -> tuple[EmojiRepair, ...]:
    """The :class:`EmojiRepair` objects of :func:`repair_spans`' repairs in
    ``text``, their offsets moved by ``at`` (built once, not shifted copies)."""
    return tuple(
        [EmojiRepair(s + at, e + at, text[s:e], fixed, lost) for s, e, fixed, lost in found]
    )


def repair_spans(
    text: str,
    language: _lost.Language = None,
    shortcodes: bool = False,
    bracket_codes: bool = False,
) -> tuple[str, list[Candidate]]:
    """The work of :func:`repair_emoji` without its gate and result objects:
    the repaired text and the repairs as ``(start, end, fixed, lost)``
    (offsets into ``text``). The caller has seen that ``text`` may need
    repair; with no repair the text is returned as is. ``language`` may be
    a function, called only when a '?' needs the hint."""
    accepted = _stage_one(text, shortcodes, bracket_codes)
    current = _compose.apply(text, accepted) if accepted else text
    # Removing orphans can bring new neighbours together: repeat until stable.
    rounds = 0
    while accepted and rounds < 3 and any(not f for _, _, f, _ in accepted):
        more = _stage_one(current, shortcodes, bracket_codes)
        if not more:
            break
        accepted = _compose.compose(text, accepted, more, current)
        current = _compose.apply(current, more)
        rounds += 1
    # Lost '?' are judged on the repaired text (real emoji end clauses).
    if "?" in current:
        lost = _lost.find(current, language)
        if lost:
            accepted = _compose.compose(text, accepted, lost, current)
            current = _compose.apply(current, lost)
    if not accepted:
        return text, accepted
    return current, accepted


def _stage_one(text: str, shortcodes: bool, bracket_codes: bool) -> list[Candidate]:
    """Every repair except lost '?': escapes, entities, mojibake, codes, orphans."""
    passes: list[list[Candidate]] = []
    # surrogates, mojibake, U+FE0F and U+200D are never ASCII (an empty pass
    # left out changes nothing: _merge ranks the passes by their order)
    wide = not text.isascii()
    if wide and _SURROGATE_PAIR_RE.search(text):
        passes.append(_find_surrogates(text))
    if "\\" in text:
        passes.append(_find_escapes(text))
    if "&" in text:
        passes.append(_find_entities(text))
    if wide:
        passes.append(_mojibake.find(text))
    if shortcodes and ":" in text:
        passes.append(_find_shortcodes(text))
    if bracket_codes and "[" in text:
        passes.append(_find_brackets(text))
    accepted = _merge(passes)
    if wide and (VS16 in text or ZWJ in text):
        orphans = _find_orphans(text, accepted)
        if orphans:
            accepted = _merge([accepted, orphans])
    return accepted
