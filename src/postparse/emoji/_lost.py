"""Emoji lost to ``?``: telling them from real question marks.

A legacy encoder turns an emoji into ``?`` (``??`` for a surrogate pair).
The decision rests on where the ``?`` run stands:

- ``?`` followed by a surviving U+FE0F (or skin tone) is always a lost emoji;
- otherwise only *free-standing* runs are candidates (whitespace or line
  start before, whitespace, line end or a surviving emoji after): ``Why?``,
  ``Really??``, ``6:45??``, URLs and ``colou?r`` are never touched; Chinese
  has no spaces, so a run glued to a Han character is a candidate as well
  (``吓了一跳?``), unless the line holds kana or Hangul;
- code (``a ? b : c``, ``= ?`` placeholders, lines ending in ``;``) and runs
  alone on a line are left alone, and so are odd runs of three or more
  (``??? what``);
- at the start of a line, a single ``?`` before a lowercase word is a real
  question (an even run is a surrogate pair whatever follows);
- after text, the run is a real question when the clause is one: it starts
  with an interrogative word or an auxiliary + subject, it is a tag
  (``Really ?``, ``..., right ?``) — word lists per language in
  ``data/question_cues.json`` —, a Spanish ``¿`` is still open, or the line
  is in a language whose typography puts a space before ``?`` (French
  ``ce soir ?``; a single ``?`` only).

A lost run counts one emoji for ``?``, and ``n / 2`` for an even run ``n``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ._tables import QuestionCues, cues, tables

Repair = tuple[int, int, str, bool]
#: the language hint: a BCP 47 tag, None, or a function that gives one (or
#: None) when a '?' first needs it (identifying a language costs more than
#: the rest of a repair); it may be asked once per line, so it should keep
#: its answer
Language = str | Callable[[], str | None] | None

_MODS = "\ufe0f\U0001f3fb-\U0001f3ff"
#: pictographic ranges: a lost run may touch a surviving emoji on its right
_PICTO = "\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
#: Unicode White_Space: what ``\s`` of the ``regex`` module matches (the
#: stdlib ``\s`` also takes U+001C..U+001F, so the set is spelled out)
_WS = "\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: Han ideographs: Chinese is written without spaces, so a '?' run glued to
#: one is free-standing too (Japanese kana and Hangul are not: a glued '?'
#: after them is a casual question, ``行く?``)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: a free-standing run of '?' (FE0F/ZWJ/skin tones may be mixed in), any
#: '?' directly followed by FE0F or a skin tone, or '?' inside a ZWJ sequence.
#: Every branch starts with the literal '?', taken out in front so that the
#: stdlib engine skips to each '?' in C; the lookbehinds after it see the
#: character before it. The same matches as
#: ``(?<![^\s{_HAN}])\?[?\u200d{_MODS}]*(?=\s|$|[{_PICTO}])|\?+[{_MODS}][?\u200d{_MODS}]*``
#: ``|(?<=\u200d)\?+|\?+(?=\u200d)`` in the ``regex`` module (a property test).
TOKEN_RE = re.compile(
    rf"\?(?:(?<![^{_WS}{_HAN}]\?)[?\u200d{_MODS}]*(?=[{_WS}]|$|[{_PICTO}])"
    rf"|\?*[{_MODS}][?\u200d{_MODS}]*"
    rf"|(?<=\u200d\?)\?*|\?*(?=\u200d))"
)
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_OPERATORS = frozenset("=<>(+-*/%&|^~[{")
_CODE_CHAR_RE = re.compile(r"[&|=!:>-]")
_UPPER_PAIR_RE = re.compile(r"[A-Z][A-Z]")
_SQL_RE = re.compile(r"\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|LIMIT|OFFSET|LIKE|IN|SET)\b")
_TERNARY_RE = re.compile(r"\s+[^\s:]{1,80}\s:\s")
_CODE_OPERATORS = ("&&", "||", "==", "!=", "=>", "->", "::", " = ")
_CLAUSE_STOPS = ".!?¿¡;:\n\ufffd。！？；："
#: how far back (characters) a clause or an open '¿' is looked for
_WINDOW = 400


_QRUN_RE = re.compile(r"\?+")
_KANA_HANGUL_RE = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")


def _count(token: str) -> int:
    """How many emoji a lost token stood for."""
    if token == "?":
        return 1
    parts = [p for p in token.split("\u200d") if p]
    if len(parts) > 1:
        return 1  # a ZWJ sequence is one emoji
    body = parts[0] if parts else token
    n = 0
    for m in _QRUN_RE.finditer(body):
        k = len(m.group())
        if m.end() < len(body):  # a modifier survived after this run
            n += 1 + max(0, k - 2) // 2
        else:
            n += 1 if k == 1 else k // 2
    return max(1, n)


def _is_french_like(line: str, language: str | None, cue: QuestionCues) -> bool:
    """Whether the line is in a language that puts a space before '?'
    (from the hint, else from the line's function words)."""
    if language:
        primary = language.split("-")[0].split("_")[0].lower()
        return primary in cue.space_before_question
    low = line.lower()
    if "’" in low:
        low = low.replace("’", "'")
    words = _WORD_RE.findall(low)
    if not words:
        return False
    counts: dict[str, int] = dict.fromkeys(cue.markers, 0)
    marker_langs = cue.marker_langs
    for w in words:
        langs = marker_langs.get(w)
        if langs is not None:
            for lang in langs:
                counts[lang] += 1
        elif "'" in w:
            for lang, prefixes in cue.marker_prefixes.items():
                if prefixes and w.startswith(prefixes):
                    counts[lang] += 1
    best = max(counts.values())
    leaders = [lang for lang, c in counts.items() if c == best]
    if best == 0 or len(leaders) != 1 or leaders[0] not in cue.space_before_question:
        return False
    others = max((c for lang, c in counts.items() if lang != leaders[0]), default=0)
    return best >= 2 or others == 0


def _clause_is_question(clause: str, cue: QuestionCues) -> bool:
    """Whether the clause before a '?' reads as a question."""
    low = clause.strip().lower()
    if cue.exclamative_re.match(low):
        return False
    if cue.phrase_re.match(low):
        return True
    if low.endswith(cue.final_particles):
        return True  # 你好吗 ?
    if any(w in low for w in cue.interrogatives_anywhere):
        return True  # 你为什么不来 ?
    # a tag: the whole clause, or all of its last comma part ('..., right')
    tail = low.rsplit(",", 1)[-1].strip(" .!…")
    if tail in cue.tags:
        return True
    # the first words of the clause, and the first words after each comma
    for k, part in enumerate(low.replace("，", ",").replace("、", ",").split(",")):
        words = _WORD_RE.findall(part, 0, 80)
        if not words:
            continue
        word = words[0]
        if word in cue.interrogatives and (k == 0 or word not in cue.relatives):
            # after a comma, 'que' / 'which' opens a relative clause
            return True
        if any(word.startswith(p) for p in cue.interrogative_prefixes):
            return True
        # 'Did you ...', 'Hast du ...', 'Was meinst du ...'
        if word in cue.auxiliaries and any(w in cue.subjects for w in words[1:3]):
            return True
    return False


def _clause_before(text: str, ls: int, start: int) -> str:
    """Text between the last clause boundary in ``text[ls:start]`` and ``start``
    (punctuation, U+FFFD or an emoji ends a clause; ``9:30`` and ``3.5`` do not)."""
    end = start
    for _ in range(16):  # bounded: '1:2:3:...' must not cost a scan per colon
        cut = ls
        for stop in _CLAUSE_STOPS:
            p = text.rfind(stop, cut, end)
            if p >= cut:
                cut = p + 1
        p = cut - 1
        if (
            p > ls
            and text[p] in ".:"
            and p + 1 < start
            and text[p - 1].isdigit()
            and text[p + 1].isdigit()
        ):
            end = p  # a time or a decimal: keep looking further back
            continue
        break
    clause = text[cut:start]
    if _emoji_gate().search(clause) is None:
        return clause  # the common case, a scan in C: no emoji in the clause
    emoji_chars = tables().emoji_chars
    for i in range(len(clause) - 1, -1, -1):
        c = clause[i]
        if c > "\u2000" and c in emoji_chars:
            return clause[i + 1 :]
    return clause


#: emoji characters closer than this to each other share a range of the gate
#: (small enough that kana, U+3040-U+30FF, fall between two ranges)
_GATE_GAP = 256


@cache
def _emoji_gate() -> re.Pattern[str]:
    """A few ranges of characters that hold every emoji character above
    U+2000 (what :func:`_clause_before` looks for): a clause with none of
    them has no emoji. Asking the table of each character of a Chinese
    clause cost about 20 µs a clause; this scan, about 2 µs."""
    ranges: list[list[int]] = []
    for cp in sorted(ord(c) for c in tables().emoji_chars if c > "\u2000"):
        if ranges and cp - ranges[-1][1] <= _GATE_GAP:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]")


def _spanish_open(text: str, ls: int, start: int) -> bool:
    """A '¿' before ``start`` is still waiting for its '?'."""
    inv = text.rfind("¿", ls, start)
    if inv < 0:
        return False
    between = text[inv:start]
    return "?" not in between and "\ufffd" not in between


class _Line:
    """Facts about one line, computed once for all its '?' tokens."""

    __slots__ = ("code", "end", "french", "start")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.code: bool | None = None
        self.french: bool | None = None

    def is_code(self, text: str) -> bool:
        if self.code is None:
            line = text[self.start : self.end]
            tail = line.rstrip()[-1:]
            self.code = (
                tail in (";", "{", "}")
                or (
                    _CODE_CHAR_RE.search(line) is not None
                    and any(op in line for op in _CODE_OPERATORS)
                )
                or (
                    _UPPER_PAIR_RE.search(line) is not None
                    and sum(1 for _ in _SQL_RE.finditer(line)) >= 2
                )
            )
        return self.code

    def is_french(self, text: str, language: Language, cue: QuestionCues) -> bool:
        if self.french is None:
            if callable(language):
                language = language()
            self.french = _is_french_like(text[self.start : self.end], language, cue)
        return self.french


def find(text: str, language: Language) -> list[Repair]:
    """Lost-emoji repairs in ``text``: (start, end, "\\ufffd" * n, True)."""
    out: list[Repair] = []
    cue: QuestionCues | None = None
    line: _Line | None = None
    searched = 0  # text[searched:start] holds no newline of the current line
    size = len(text)
    zwj = "\u200d" in text
    for m in TOKEN_RE.finditer(text):
        start, end = m.span()
        n = end - start
        if n > 1:
            token = m.group()
            if token.count("?") != n:  # a modifier or ZWJ survived: an emoji
                out.append((start, end, "\ufffd" * _count(token), True))
                continue
        if zwj and (
            (start > 0 and text[start - 1] == "\u200d") or (end < size and text[end] == "\u200d")
        ):
            out.append((start, end, "\ufffd", True))  # one part of a ZWJ sequence
            continue
        if n >= 3 and n & 1:
            continue  # '???': odd runs are real question marks
        prev = text[start - 2] if start >= 2 else ""
        if prev in _OPERATORS and prev:
            continue  # 'id = ?'
        if start == 0 or text[start - 1] == "\n":
            # the common bullet: first on its line, judged without line facts
            # (``line`` and ``searched`` stay as they were: still right for
            # the next run, which finds its line start with rfind)
            le = text.find("\n", end)
            if _line_start_is_lost(text, end, le if le >= 0 else size, n):
                _add_lost(out, start, end, n)
            continue
        if cue is None:
            cue = cues()
        if line is None or start >= line.end:
            nl = text.rfind("\n", searched, start)
            ls = nl + 1 if nl >= 0 else (line.end + 1 if line is not None else 0)
            le = text.find("\n", end)
            line = _Line(text, ls, le if le >= 0 else size)
        searched = end
        if _is_lost_plain(text, start, end, n, language, cue, line):
            _add_lost(out, start, end, n)
    return out


def _add_lost(out: list[Repair], start: int, end: int, n: int) -> None:
    """One repair per emoji a lost run of ``n`` '?' stands for: the run
    itself when it is one emoji, else each surrogate pair's '??'."""
    if n <= 2:
        out.append((start, end, "\ufffd", True))
        return
    for at in range(start, end, 2):
        out.append((at, at + 2, "\ufffd", True))


def _line_start_is_lost(text: str, end: int, le: int, n: int) -> bool:
    """A run with only whitespace before it on its line, ending at ``end``
    (the line ends at ``le``): a bullet before a word that is not lowercase;
    an even run is a surrogate pair whatever follows."""
    k = end
    while k < le and text[k].isspace():
        k += 1
    if k == le:
        return False  # the '?' run is the whole line: a reaction
    return n % 2 == 0 or not text[k].islower()


def _is_lost_plain(
    text: str,
    start: int,
    end: int,
    n: int,
    language: Language,
    cue: QuestionCues,
    line: _Line,
) -> bool:
    ls, le = line.start, line.end
    j = start
    while j > ls and text[j - 1].isspace():
        j -= 1
    if j == ls:
        return _line_start_is_lost(text, end, le, n)
    if j == start and _KANA_HANGUL_RE.search(text, max(ls, start - _WINDOW), start):
        return False  # glued to Han in Japanese or Korean text: '明日は雨?'
    if text[j - 1] in _OPERATORS:
        return False  # 'id = ?'
    if line.is_code(text):
        return False
    if _TERNARY_RE.match(text, end, le) is not None:
        return False  # 'a ? b : c'
    window = max(ls, start - _WINDOW)
    if _spanish_open(text, window, start):
        return False
    if n == 1 and j < start and line.is_french(text, language, cue):
        # French spaces its '?': a run glued to a Han character needs no
        # language identified for that
        return False
    return not _clause_is_question(_clause_before(text, window, start), cue)
