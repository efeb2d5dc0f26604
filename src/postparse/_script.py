"""Cheap script detection for lines: which writing system dominates."""

from __future__ import annotations

import regex

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
_PER_CHAR = frozenset({"Han", "Kana", "Thai"})
WORD_WEIGHT = 3
_LATIN_WORD = regex.compile(r"\p{Latin}{2,}")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")

#: How many characters of a line are looked at.
SAMPLE = 300


def dominant_script(text: str) -> str | None:
    """The script of most of the letters of ``text`` (its first ``SAMPLE``
    characters), or None when it has no letters.

    Scripts written without spaces (Han, Kana, Thai) count per character,
    alphabets per word, so that a few English names inside a Chinese
    sentence do not make it Latin.
    Japanese (Han with kana) is ``Kana``; Chinese is ``Hans`` or ``Hant``
    where the characters tell (``Han`` where they do not).
    """
    sample = text[:SAMPLE]
    if sample.isascii():
        return "Latin" if _ASCII_LETTER.search(sample) else None
    best: str | None = None
    best_n = 0
    han = 0
    for name, pattern in _SCRIPTS:
        n = len(pattern.findall(sample))
        if name not in _PER_CHAR:
            n *= WORD_WEIGHT
        if name == "Han":
            han = n
        if name == "Kana" and n:
            n += han  # Japanese mixes kanji and kana
        if n > best_n:
            best, best_n = name, n
    latin = len(_LATIN_WORD.findall(sample)) * WORD_WEIGHT
    if latin > best_n:
        return "Latin"
    if best == "Han":
        return han_variant(sample) or "Han"
    return best


def han_variant(text: str) -> str | None:
    """``"Hans"`` or ``"Hant"`` when ``text`` has characters that exist only
    in Simplified or only in Traditional Chinese, and more of one kind."""
    from .lang._builtin import _zh_sets  # the identifier's character tables

    hans, hant = _zh_sets()
    n_hans = len(hans.intersection(text))
    n_hant = len(hant.intersection(text))
    if n_hans > n_hant:
        return "Hans"
    if n_hant > n_hans:
        return "Hant"
    return None
