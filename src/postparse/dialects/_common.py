"""Building blocks shared by several dialects' rules and detectors."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from .._data import words

#: Characters that open a bullet line: '•', '-', '*', '–', '▪', '►', '✓' ...
#: and '?' (an emoji bullet lost to a legacy encoding).
BULLETS = "•·▪▫‣◦●○■□►▶▸✓✔✅☑-–—*+?\ufffd"
_BULLET = regex.compile(
    r"(["
    + regex.escape(BULLETS)
    + r"]|\p{Extended_Pictographic}[\ufe0f\u200d\p{Extended_Pictographic}\p{Emoji_Modifier}]{0,8}+)\s"
)


#: below this code point only the characters of ``BULLETS`` open a bullet
#: (the first Extended_Pictographic one is U+00A9 ©)
_FIRST_PICTOGRAPHIC = "\u00a9"


def bullet_of(content: str) -> str | None:
    """The bullet that opens ``content`` ('•', '-', an emoji ...), or None."""
    first = content[:1]
    if first < _FIRST_PICTOGRAPHIC and first not in BULLETS:
        return None  # the cheap first test: a letter, a digit, a quote ...
    m = _BULLET.match(content)
    return m.group(1) if m else None


def line_prefix_pattern(table: str, key: str, tail: str = "") -> regex.Pattern[str]:
    """A case-insensitive pattern matching any of the table's words at the
    start of a line, followed by ``tail``."""
    alts = "|".join(regex.escape(w) for w in words(table, key))
    return regex.compile(r"(?:" + alts + r")(?:" + tail + r")", regex.IGNORECASE)


def share(sample: Sequence[str], test: Callable[[str], object]) -> float:
    """The fraction of sample lines for which ``test`` is true."""
    if not sample:
        return 0.0
    return sum(1 for s in sample if test(s)) / len(sample)


def may_be_digits(s: str) -> bool:
    """A cheap necessary test that every character of ``s`` is a digit to a
    pattern's ``\\d``: ASCII digits, or a text with a non-ASCII character
    (the regex module may know digits newer than ``str.isdigit``'s tables)."""
    return s.isdigit() or not s.isascii()
