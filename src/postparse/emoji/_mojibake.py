"""Mojibake: UTF-8 bytes that were decoded as cp1252 or Latin-1 (or a mix).

Each mojibake character stands for exactly one byte, so a run of them maps
back to a byte string. The run is cut into UTF-8 sequences:

- an exact emoji sequence from the table (longest first);
- a *lossy* emoji sequence: cp1252 cannot decode 0x81, 0x8D, 0x8F, 0x90 and
  0x9D, and tools drop them or replace them with ``?``/U+FFFD; the table
  indexes every emoji sequence by its bytes with those dropped or replaced,
  and a lossy stretch is rebuilt when exactly one emoji leaves these bytes
  (several candidates: the emoji is lost and becomes U+FFFD, unless exactly
  one of them is among the most used emoji, ``data/common_emoji.tsv``);
- a single valid UTF-8 character (text such as ``â€™`` -> ``’``), kept only
  when it is clearly mojibake: a three-byte punctuation/symbol sequence
  (lead byte 0xE2) or part of a run that also held an emoji.

Double encoding (``Ã°Å¸Ëœâ€š``) is undone by decoding the whole run and
repairing the result again.
"""

from __future__ import annotations

import re

import regex

from ._tables import UNDEFINED_CP1252, VS16, EmojiTables, tables

Segment = tuple[int, int, str, bool]  # start, end (in the run), fixed, lost

_BYTE_OF: dict[str, int] = {chr(b): b for b in range(0x80, 0x100)}
for _b in range(0x80, 0xA0):
    if _b not in UNDEFINED_CP1252:
        _BYTE_OF[bytes([_b]).decode("cp1252")] = _b
_WILDCARDS = "?\ufffd"
for _w in _WILDCARDS:
    _BYTE_OF[_w] = 0x3F
_BYTE_OF[" "] = 0x20

_CONT_CHARS = "".join(sorted(c for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF))
# Lead bytes that start the UTF-8 of an emoji (C2 ©®, E2/E3 symbols, EF
# U+FE0F, F0 astral, F3 the tag characters of subdivision flags) or of a
# cp1252 character, for double encoding (C3 ð, C5 Ÿ Œ Š Ž, C6 ƒ, CB ˜ ˆ).
# ED starts a CESU-8 surrogate (Java/MySQL "utf8" wrote astral emoji as two
# three-byte surrogates: ``í\xa0½í¸\x8d`` for 😍). Other leads (é, à, ß
# ...) never start a run.
_LEAD_CHARS = frozenset("\u00c2\u00c3\u00c5\u00c6\u00cb\u00e2\u00e3\u00ed\u00ef\u00f0\u00f3")
_LEAD = "[" + "".join(sorted(_LEAD_CHARS)) + "]"
_CONT_OR_WILD = "[" + re.escape(_CONT_CHARS + _WILDCARDS) + "]"

#: a lead byte followed by a continuation byte: worth a look. Scans faster
#: with a lead *range* (regex module); hits are then filtered by _LEAD_CHARS.
_PAIR_RE = regex.compile("[\u00c2-\u00f3]" + _CONT_OR_WILD)
#: the same pairs with the exact lead bytes: one stdlib ``re`` search answers
#: :func:`suspect` without a Python-level look at each hit
_SUSPECT_PAIR_RE = re.compile(_LEAD + _CONT_OR_WILD)


def suspect(text: str) -> bool:
    """Whether ``text`` holds a mojibake lead byte followed by a continuation byte."""
    # every lead character is outside ASCII
    return not text.isascii() and _SUSPECT_PAIR_RE.search(text) is not None


#: a maximal run of lead + continuation characters (inner repeat bounded).
#: Inside a run a plain space may stand for a no-break space (0xA0) that a
#: tool normalised, as in ``âš ï¸`` for ⚠️ (only when more mojibake follows).
_CONT_IN_RUN = f"(?:{_CONT_OR_WILD}| (?={_CONT_OR_WILD}|{_LEAD}))"
RUN_RE = regex.compile(f"(?:{_LEAD}{_CONT_IN_RUN}{{1,3}})+")


def _seq_len(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _segments(raw: bytes, tabs: EmojiTables) -> list[tuple[int, int, str, str]]:
    """Cut ``raw`` into decoded segments: (start, end, text, kind) with kind
    ``emoji``, ``lost`` or ``text``."""
    out: list[tuple[int, int, str, str]] = []
    n = len(raw)
    exact = tabs.exact
    lossy = tabs.lossy
    i = 0
    while i < n:
        lead = raw[i]
        k = _seq_len(lead)
        if k == 0:
            i += 1
            continue
        if lead == 0xED:
            cesu = _cesu_pair(raw, i)
            if cesu and cesu in tabs.emoji_chars:
                out.append((i, i + 6, cesu, "emoji"))
                i += 6
                continue
        top = min(tabs.max_bytes, n - i)
        # longest exact / lossy match, walking prefixes (stops early)
        le = 0
        ll = 0
        cands: set[str] = set()
        j = i + 1
        end = i + top
        exact_pre = tabs.exact_prefixes
        while j <= end and raw[i:j] in exact_pre:
            if raw[i:j] in exact:
                le = j - i
            j += 1
        j = i + 2
        lossy_pre = tabs.lossy_prefixes
        while j <= end and raw[i:j] in lossy_pre:
            found = lossy.get(raw[i:j])
            if found and j - i > le and _enough_evidence(raw, i, j - i):
                ll, cands = j - i, found
            j += 1
        if le == 0 and (ll == 0 or len(cands) > 1):
            sp = _space_as_nbsp(raw, i, top, tabs)
            if sp is not None:
                out.append(sp)
                i = sp[1]
                continue
        if ll > le:
            if len(cands) > 1:
                cands = {c for c in cands if c not in tabs.components} or cands
            if len(cands) > 1:
                # one far more used than the others ('ðŸ™': 🙏, not 🙁/🙍)
                common = {c for c in cands if c.rstrip(VS16) in tabs.common}
                if len(common) == 1:
                    cands = common
            if len(cands) == 1:
                (only,) = cands
                out.append((i, i + ll, only, "emoji"))
            else:
                out.append((i, i + ll, "\ufffd", "lost"))
            i += ll
            continue
        if le:
            out.append((i, i + le, exact[raw[i : i + le]], "emoji"))
            i += le
            continue
        if i + k <= n:
            try:
                ch = raw[i : i + k].decode("utf-8")
            except UnicodeDecodeError:
                ch = ""
            if ch and not ("\x80" <= ch <= "\x9f"):
                out.append((i, i + k, ch, "text"))
                i += k
                continue
        i += 1
    return out


def _enough_evidence(raw: bytes, i: int, length: int) -> bool:
    """A lossy match needs real continuation bytes: no more '?'/U+FFFD
    stand-ins than surviving continuation bytes (``â??`` is not ⏏)."""
    part = raw[i : i + length]
    wild = part.count(0x3F)
    if not wild:
        return True
    real = sum(1 for b in part if 0x80 <= b <= 0xBF)
    return real >= wild


def _cesu_pair(raw: bytes, i: int) -> str:
    """The astral character of a CESU-8 surrogate pair at ``raw[i:i+6]``, or ''."""
    if i + 6 > len(raw):
        return ""
    b = raw[i : i + 6]
    if not (
        0xA0 <= b[1] <= 0xAF
        and b[3] == 0xED
        and 0xB0 <= b[4] <= 0xBF
        and 0x80 <= b[2] <= 0xBF
        and 0x80 <= b[5] <= 0xBF
    ):
        return ""
    hi = 0xD000 | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F)
    lo = 0xD000 | ((b[4] & 0x3F) << 6) | (b[5] & 0x3F)
    return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))


def _space_as_nbsp(
    raw: bytes, i: int, top: int, tabs: EmojiTables
) -> tuple[int, int, str, str] | None:
    """An emoji whose 0xA0 byte became a space, the space inside the match."""
    window = raw[i : i + min(top, 16)]
    if b" " not in window:
        return None
    alt = window.replace(b" ", b"\xa0")
    best: tuple[int, int, str, str] | None = None
    j = 2
    while j <= len(alt) and (alt[:j] in tabs.exact_prefixes or alt[:j] in tabs.lossy_prefixes):
        part = alt[:j]
        inside = b" " in window[: j - 1]  # a trailing space is just a space
        if inside:
            hit = tabs.exact.get(part)
            if hit is None:
                found = tabs.lossy.get(part)
                if found and len(found) == 1 and _enough_evidence(part, 0, j):
                    (hit,) = found
            if hit is not None:
                best = (i, i + j, hit, "emoji")
        j += 1
    return best


def repair_run(run: str, depth: int = 0, force: bool = False) -> list[Segment]:
    """Repairs inside one mojibake run: (start, end, fixed, lost), offsets into
    ``run``. Runs that decode only to two-byte text (``Ã©``) are repaired only
    with ``force`` (set when the same line holds clear mojibake)."""
    tabs = tables()
    raw = bytes(_BYTE_OF[c] for c in run)
    if depth < 2 and "?" not in run and "\ufffd" not in run:
        try:
            once = raw.decode("utf-8")
        except UnicodeDecodeError:
            once = ""
        if once and RUN_RE.fullmatch(once):
            # the decoded run is itself one mojibake run: double encoding
            inner = repair_run(once, depth + 1, True)
            if inner and inner[0][0] == 0 and inner[-1][1] == len(once):
                return [(0, len(run), _apply_segments(once, inner), False)]
        if once and RUN_RE.search(once):
            twice = apply(once, depth + 1, force)
            if twice != once:
                return [(0, len(run), twice, False)]
    segs = _segments(raw, tabs)
    strong = any(kind != "text" or raw[s] == 0xE2 for s, _, _, kind in segs)
    if not strong and not force:
        return []
    # adjacent recovered segments become one repair (parts joined once)
    merged: list[tuple[int, int, list[str], bool]] = []
    for s, e, fixed, kind in segs:
        lost = kind == "lost"
        if merged and not lost and not merged[-1][3] and merged[-1][1] == s:
            ps, _, parts, _ = merged[-1]
            parts.append(fixed)
            merged[-1] = (ps, e, parts, False)
        else:
            merged.append((s, e, [fixed], lost))
    return [(s, e, "".join(parts), lost) for s, e, parts, lost in merged]


_CACHE: dict[tuple[str, bool], tuple[Segment, ...]] = {}


def _cached(run: str, force: bool) -> tuple[Segment, ...]:
    if len(run) > 64:
        return tuple(repair_run(run, 0, force))
    key = (run, force)
    segs = _CACHE.get(key)
    if segs is None:
        segs = tuple(repair_run(run, 0, force))
        if len(_CACHE) >= 4096:
            _CACHE.clear()
        _CACHE[key] = segs
    return segs


def find(text: str) -> list[tuple[int, int, str, bool]]:
    """All mojibake repairs in ``text``: (start, end, fixed, lost)."""
    out: list[tuple[int, int, str, bool]] = []
    weak: list[tuple[int, str]] = []  # runs only clear when the line has mojibake
    strong_lines: set[int] = set()
    line_no = 0
    counted = 0
    pos = 0
    while True:
        hit = _PAIR_RE.search(text, pos)
        if hit is None:
            break
        if text[hit.start()] not in _LEAD_CHARS:
            pos = hit.start() + 1
            continue
        m = RUN_RE.match(text, hit.start())
        if m is None:  # cannot happen: a suspect pair starts a run
            pos = hit.end()
            continue
        pos = m.end()
        base = m.start()
        line_no += text.count("\n", counted, base)
        counted = base
        run = m.group()
        segs = _cached(run, False)
        if not segs:
            weak.append((base, run))
            continue
        strong_lines.add(line_no)
        for s, e, fixed, lost in segs:
            out.append((base + s, base + e, fixed, lost))
    if weak and strong_lines:
        line_no = 0
        counted = 0
        for base, run in weak:
            line_no += text.count("\n", counted, base)
            counted = base
            if line_no in strong_lines:
                for s, e, fixed, lost in _cached(run, True):
                    out.append((base + s, base + e, fixed, lost))
        out.sort()
    return out


def _apply_segments(text: str, segs: list[Segment]) -> str:
    parts: list[str] = []
    pos = 0
    for s, e, fixed, _ in segs:
        parts.append(text[pos:s])
        parts.append(fixed)
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def apply(text: str, depth: int, force: bool = False) -> str:
    """``text`` with its mojibake repaired (used for double encoding)."""
    parts: list[str] = []
    pos = 0
    for m in RUN_RE.finditer(text):
        base = m.start()
        for s, e, fixed, _ in repair_run(m.group(), depth, force):
            parts.append(text[pos : base + s])
            parts.append(fixed)
            pos = base + e
    parts.append(text[pos:])
    return "".join(parts)
