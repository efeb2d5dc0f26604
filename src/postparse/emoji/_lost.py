"""Emoji lost to ``?``: telling them from real question marks.

A legacy encoder turns an emoji into ``?`` (``??`` for a surrogate pair).
The decision rests on where the ``?`` run stands:

- ``?`` followed by a surviving U+FE0F (or skin tone) is always a lost emoji;
- otherwise only *free-standing* runs are candidates (whitespace or line
  edge on both sides): ``Why?``, ``Really??``, ``6:45??``, URLs and
  ``colou?r`` are never touched;
- code (``a ? b : c``, ``= ?`` placeholders) and runs alone on a line are
  left alone, and so are odd runs of three or more (``??? what``);
- at the start of a line, a run before a lowercase word is a real question;
- after text, the run is a real question when the clause is one: it starts
  with an interrogative word (word lists per language in
  ``data/question_cues.json``), a Spanish ``¿`` is still open, or the line
  is in a language whose typography puts a space before ``?`` (French
  ``ce soir ?``; a single ``?`` only).

A lost run counts one emoji for ``?``, and ``n / 2`` for an even run ``n``.
"""

from __future__ import annotations

import re

import regex

from ._tables import QuestionCues, cues, tables

Repair = tuple[int, int, str, bool]

_MODS = "\ufe0f\U0001f3fb-\U0001f3ff"
#: a free-standing run of '?' (FE0F/ZWJ/skin tones may be mixed in), or any
#: '?' directly followed by FE0F or a skin tone
TOKEN_RE = regex.compile(
    rf"(?<!\S)\?[?\u200d{_MODS}]*(?!\S)|\?+[{_MODS}][?\u200d{_MODS}]*",
)
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_OPERATORS = frozenset("=<>(+-*/%&|^~[{")
_SQL_RE = re.compile(r"\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|LIMIT|OFFSET|LIKE|IN|SET)\b")
_TERNARY_RE = re.compile(r"\s+[^\s:]{1,80}\s:\s")
_CODE_LINE_RE = re.compile(r"[;{}]\s*$|&&|\|\||[=!]==?|=>|->|::")


_QRUN_RE = re.compile(r"\?+")


def _count(token: str) -> int:
    """How many emoji a lost token stood for."""
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


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    if le < 0:
        le = len(text)
    return ls, le


def _is_french_like(line: str, language: str | None, cue: QuestionCues) -> bool:
    if language:
        primary = language.split("-")[0].split("_")[0].lower()
        return primary in cue.space_before_question
    words = [w.lower() for w in _WORD_RE.findall(line)]
    if not words:
        return False
    best_lang = ""
    best = 0
    counts: dict[str, int] = {}
    for lang, markers in cue.markers.items():
        c = sum(1 for w in words if w in markers)
        counts[lang] = c
        if c > best:
            best, best_lang = c, lang
    if best_lang not in cue.space_before_question:
        return False
    others = max((c for lang, c in counts.items() if lang != best_lang), default=0)
    return best >= 2 or (best >= 1 and others == 0)


def _clause_is_question(clause: str, cue: QuestionCues) -> bool:
    """Whether the clause before a '?' reads as a question."""
    low = clause.strip().lower()
    for excl in cue.exclamatives:
        if low.startswith(excl):
            return False
    for phrase in cue.interrogative_phrases:
        if low.startswith(phrase):
            return True
    # the first words of the clause, and the first words after each comma
    for part in low.split(","):
        words = _WORD_RE.findall(part, 0, 80)
        if not words:
            continue
        word = words[0]
        if word in cue.interrogatives:
            return True
        if any(word.startswith(p) for p in cue.interrogative_prefixes):
            return True
        if word in cue.auxiliaries and len(words) > 1 and words[1] in cue.subjects:
            return True
    return False


def _clause_before(text: str, ls: int, start: int) -> str:
    """Text between the last clause boundary on the line and ``start``."""
    m = tables().clause_stop_rev_re.search(text, ls, start)
    return text[m.end() if m is not None else ls : start]


def _spanish_open(text: str, ls: int, start: int) -> bool:
    inv = text.rfind("¿", ls, start)
    if inv < 0:
        return False
    between = text[inv:start]
    return "?" not in between and "\ufffd" not in between


def _is_code(text: str, ls: int, le: int, start: int, end: int) -> bool:
    j = start
    while j > ls and text[j - 1] in " \t":
        j -= 1
    if j > ls and text[j - 1] in _OPERATORS:
        return True
    line = text[ls:le]
    if _CODE_LINE_RE.search(line):
        return True
    if _SQL_RE.search(line) and sum(1 for _ in _SQL_RE.finditer(line)) >= 2:
        return True
    return j > ls and _TERNARY_RE.match(text, end, le) is not None


def find(text: str, language: str | None) -> list[Repair]:
    """Lost-emoji repairs in ``text``: (start, end, "\\ufffd" * n, True)."""
    out: list[Repair] = []
    cue: QuestionCues | None = None
    french_cache: dict[int, bool] = {}
    for m in TOKEN_RE.finditer(text):
        start, end = m.span()
        token = m.group()
        n = end - start
        if token.count("?") != n:  # a modifier or ZWJ is mixed in
            if token.strip("?\u200d"):
                out.append((start, end, "\ufffd" * _count(token), True))
            continue
        if n >= 3 and n & 1:
            continue  # '???': odd runs are real question marks
        prev = text[start - 2] if start >= 2 else ""
        if prev in _OPERATORS and prev:
            continue  # 'id = ?'
        if cue is None:
            cue = cues()
        if _is_lost_plain(text, start, end, n, language, cue, french_cache):
            out.append((start, end, "\ufffd" * _count(token), True))
    return out


def _is_lost_plain(
    text: str,
    start: int,
    end: int,
    n: int,
    language: str | None,
    cue: QuestionCues,
    french_cache: dict[int, bool],
) -> bool:
    ls, le = _line_bounds(text, start, end)
    before = text[ls:start]
    after = text[end:le]
    if not before.strip():
        # start of the line: a bullet before a word that is not lowercase
        rest = after.lstrip()
        if not rest:
            return False  # the '?' run is the whole line: a reaction
        return not rest[0].islower()
    if _is_code(text, ls, le, start, end):
        return False
    if _spanish_open(text, ls, start):
        return False
    if n == 1:
        fr = french_cache.get(ls)
        if fr is None:
            fr = _is_french_like(text[ls:le], language, cue)
            french_cache[ls] = fr
        if fr:
            return False
    clause = _clause_before(text, ls, start)
    return not _clause_is_question(clause, cue)
