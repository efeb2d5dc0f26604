"""Cheap script detection for lines: which writing system dominates."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import regex

from ._data import load_json

#: (script, pattern): scripts written without spaces count per character,
#: alphabets per word (a run of two or more letters) times ``WORD_WEIGHT``.
_SCRIPTS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("Han", regex.compile(r"\p{Han}")),
    ("Kana", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("Thai", regex.compile(r"\p{Thai}")),
    ("Hangul", regex.compile(r"\p{Hangul}+")),
    ("Cyrillic", regex.compile(r"\p{Cyrillic}{2,}")),
    ("Arabic", regex.compile(r"\p{Arabic}{2,}")),
    ("Hebrew", regex.compile(r"\p{Hebrew}{2,}")),
    ("Greek", regex.compile(r"\p{Greek}{2,}")),
    ("Devanagari", regex.compile(r"\p{Devanagari}{2,}")),
    ("Georgian", regex.compile(r"\p{Georgian}{2,}")),
    ("Armenian", regex.compile(r"\p{Armenian}{2,}")),
    ("Bengali", regex.compile(r"\p{Bengali}{2,}")),
)
_PATTERNS = dict(_SCRIPTS)
#: one-letter patterns that tell which script a letter belongs to
_FIRST = tuple(
    (name, regex.compile(p.pattern.replace("{2,}", "").replace("+", ""))) for name, p in _SCRIPTS
)
_PER_CHAR = frozenset({"Han", "Kana", "Thai"})
#: scripts counted per character are counted by runs (one string per run,
#: not one per character: a line of Chinese is a few runs)
_RUNS = {name: regex.compile(p.pattern + "+") for name, p in _SCRIPTS if name in _PER_CHAR}
WORD_WEIGHT = 3
_LATIN_WORD = regex.compile(r"\p{Latin}{2,}")
#: ASCII text needs no Unicode classes: the standard library's engine is
#: cheaper to call
_ASCII_LETTER = re.compile(r"[A-Za-z]")

#: How many characters of a line are looked at.
SAMPLE = 300


_NON_LATIN_LETTER = regex.compile(r"[^\P{L}\p{Latin}]")
#: scripts counted together: Japanese mixes kanji and kana
_PARTNERS = {"Han": ("Han", "Kana"), "Kana": ("Han", "Kana")}


def _count(name: str, sample: str) -> int:
    if name in _PER_CHAR:
        return sum(map(len, _RUNS[name].findall(sample)))
    return len(_PATTERNS[name].findall(sample)) * WORD_WEIGHT


def dominant_script(text: str) -> str | None:
    """The script of most of the letters of ``text`` (its first ``SAMPLE``
    characters), or None when it has no letters.

    Scripts written without spaces (Han, Kana, Thai) count per character,
    alphabets per word, so that a few English names inside a Chinese
    sentence do not make it Latin. Japanese (Han with kana) is ``Kana``;
    Chinese is ``Hans`` or ``Hant`` where the characters tell (``Han``
    where they do not).
    """
    sample = text[:SAMPLE]
    if sample.isascii():
        return "Latin" if _ASCII_LETTER.search(sample) else None
    first = _NON_LATIN_LETTER.search(sample)
    if first is None:  # accented Latin, curly quotes, emoji ...
        return "Latin" if _LATIN_WORD.search(sample) or _ASCII_LETTER.search(sample) else None
    ch = first.group()
    found = next((name for name, pattern in _FIRST if pattern.match(ch)), None)
    if found is None:
        return "Latin" if _LATIN_WORD.search(sample) else None
    counts = {name: _count(name, sample) for name in _PARTNERS.get(found, (found,))}
    best = max(counts, key=counts.__getitem__)
    best_n = counts[best]
    if counts.get("Kana"):
        best, best_n = "Kana", counts["Kana"] + counts.get("Han", 0)
    # k Latin words take at least 3k - 1 characters, none of them counted
    # per character above: skip counting them when they cannot win
    free = len(sample) - (best_n if best in _PER_CHAR else 0)
    if (free + 1) // 3 * WORD_WEIGHT > best_n:
        latin = len(_LATIN_WORD.findall(sample)) * WORD_WEIGHT
        if latin > best_n:
            return "Latin"
    if best == "Han":
        return han_variant(sample) or "Han"
    variants = _variants().get(best)
    if variants is not None:
        return _variant(sample, best, variants)
    return best


class _Variants:
    """One script's entry of ``data/script_variants.json``."""

    __slots__ = ("least", "letters", "neutral")

    def __init__(self, entry: dict[str, Any]) -> None:
        #: (label suffix, its letters in both cases)
        self.letters = tuple(
            (name, letters + letters.upper()) for name, letters in entry["variants"].items()
        )
        neutral: str = entry["neutral"]
        self.neutral = neutral + neutral.upper()
        self.least: int = entry["min"]


@cache
def _variants() -> dict[str, _Variants]:
    table = load_json("script_variants.json")
    return {script: _Variants(entry) for script, entry in table.items() if script[:1] != "_"}


def _variant(sample: str, script: str, variants: _Variants) -> str:
    """``SCRIPT-NAME`` when the letters of one variant only are in
    ``sample`` (at least ``min`` of them, and no neutral letter), else
    ``SCRIPT``: 'Cyrillic-uk' for a line with і and ї but no ы, э, ъ, ё."""
    if any(ch in sample for ch in variants.neutral):
        return script
    found = None
    for name, letters in variants.letters:
        n = sum(map(sample.count, letters))
        if n:
            if found is not None:
                return script  # letters of two variants
            found = (name, n)
    if found is None or found[1] < variants.least:
        return script
    return f"{script}-{found[0]}"


def han_variant(text: str) -> str | None:
    """``"Hans"`` or ``"Hant"`` where the characters tell (see
    :func:`postparse.lang.chinese_script`)."""
    from .lang import chinese_script

    return chinese_script(text)
