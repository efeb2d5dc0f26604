"""Mojibake: UTF-8 bytes that were decoded as cp1252 or Latin-1 (or a mix).

Each mojibake character stands for exactly one byte, so a run of them maps
back to a byte string. The run is cut into UTF-8 sequences:

- an exact emoji sequence from the table (longest first);
- a *lossy* emoji sequence: cp1252 cannot decode 0x81, 0x8D, 0x8F, 0x90 and
  0x9D, and tools drop them or replace them with ``?``/U+FFFD; the table
  indexes every emoji sequence by its bytes with those dropped or replaced,
  and a lossy stretch is rebuilt when exactly one emoji leaves these bytes
  (several candidates: the emoji is lost and becomes U+FFFD);
- a single valid UTF-8 character (text such as ``â€™`` -> ``’``), kept only
  when it is clearly mojibake: a three-byte punctuation/symbol sequence
  (lead byte 0xE2) or part of a run that also held an emoji.

Double encoding (``Ã°Å¸Ëœâ€š``) is undone by decoding the whole run and
repairing the result again.
"""

from __future__ import annotations

import re

import regex

from ._tables import UNDEFINED_CP1252, EmojiTables, tables

Segment = tuple[int, int, str, bool]  # start, end (in the run), fixed, lost

_BYTE_OF: dict[str, int] = {chr(b): b for b in range(0x80, 0x100)}
for _b in range(0x80, 0xA0):
    if _b not in UNDEFINED_CP1252:
        _BYTE_OF[bytes([_b]).decode("cp1252")] = _b
_WILDCARDS = "?\ufffd"
for _w in _WILDCARDS:
    _BYTE_OF[_w] = 0x3F

_CONT_CHARS = "".join(sorted(c for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF))
_CONT = "[" + re.escape(_CONT_CHARS) + "]"
# Lead bytes that start the UTF-8 of an emoji (C2 ©®, E2/E3 symbols, EF
# U+FE0F, F0 astral) or of a cp1252 character, for double encoding (C3 ð,
# C5 Ÿ Œ Š Ž, C6 ƒ, CB ˜ ˆ). Other leads (é, à, ß ...) never start a run.
_LEAD = "[\u00c2\u00c3\u00c5\u00c6\u00cb\u00e2\u00e3\u00ef\u00f0]"
_CONT_OR_WILD = "[" + re.escape(_CONT_CHARS + _WILDCARDS) + "]"

#: a lead byte followed by at least one continuation byte: worth a look
SUSPECT_PATTERN = _LEAD + _CONT_OR_WILD
#: a maximal run of lead + continuation characters (inner repeat bounded)
SUSPECT_RE = re.compile(SUSPECT_PATTERN)
RUN_RE = regex.compile(f"(?:{_LEAD}{_CONT_OR_WILD}{{1,3}})+")


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
        top = min(tabs.max_bytes, n - i)
        le = 0
        for length in range(top, 1, -1):
            if raw[i : i + length] in exact:
                le = length
                break
        ll = 0
        cands: set[str] = set()
        for length in range(top, max(le, 1), -1):
            found = lossy.get(raw[i : i + length])
            if found:
                ll, cands = length, found
                break
        if ll > le:
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


def repair_run(run: str, depth: int = 0) -> list[Segment]:
    """Repairs inside one mojibake run: (start, end, fixed, lost), offsets into ``run``."""
    tabs = tables()
    raw = bytes(_BYTE_OF[c] for c in run)
    if depth < 2 and "?" not in run and "\ufffd" not in run:
        try:
            once = raw.decode("utf-8")
        except UnicodeDecodeError:
            once = ""
        if once and RUN_RE.search(once):
            twice = apply(once, depth + 1)
            if twice != once:
                return [(0, len(run), twice, False)]
    segs = _segments(raw, tabs)
    strong = any(kind != "text" or raw[s] == 0xE2 for s, _, _, kind in segs)
    if not strong:
        return []
    out: list[Segment] = []
    for s, e, fixed, kind in segs:
        lost = kind == "lost"
        if out and not lost and not out[-1][3] and out[-1][1] == s:
            ps, _, pf, _ = out[-1]
            out[-1] = (ps, e, pf + fixed, False)
        else:
            out.append((s, e, fixed, lost))
    return out


def find(text: str) -> list[tuple[int, int, str, bool]]:
    """All mojibake repairs in ``text``: (start, end, fixed, lost)."""
    out: list[tuple[int, int, str, bool]] = []
    pos = 0
    while True:
        hit = SUSPECT_RE.search(text, pos)
        if hit is None:
            return out
        m = RUN_RE.match(text, hit.start())
        if m is None:  # cannot happen: a suspect pair starts a run
            pos = hit.end()
            continue
        base = m.start()
        for s, e, fixed, lost in repair_run(m.group(), 0):
            out.append((base + s, base + e, fixed, lost))
        pos = m.end()


def apply(text: str, depth: int) -> str:
    """``text`` with its mojibake repaired (used for double encoding)."""
    parts: list[str] = []
    pos = 0
    for m in RUN_RE.finditer(text):
        base = m.start()
        for s, e, fixed, _ in repair_run(m.group(), depth):
            parts.append(text[pos : base + s])
            parts.append(fixed)
            pos = base + e
    parts.append(text[pos:])
    return "".join(parts)
