"""Loading of the emoji package data (generated tables, shipped as package data).

Everything is loaded lazily, once, on the first text that needs it; the fast
path of :func:`postparse.emoji.repair_emoji` never touches these tables.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import regex

_DATA = Path(__file__).resolve().parent / "data"

#: Bytes undefined in cp1252: a decoder drops them, replaces them, or (Latin-1
#: style) keeps them as C1 control characters.
UNDEFINED_CP1252 = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})

ZWJ = "\u200d"
VS16 = "\ufe0f"
KEYCAP = "\u20e3"


def _read_tsv(name: str) -> list[list[str]]:
    rows: list[list[str]] = []
    with (_DATA / name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def _unhex(field: str) -> str:
    return "".join(chr(int(h, 16)) for h in field.split())


def _char_class(chars: set[str]) -> str:
    """A regex character class body for ``chars``, using ranges."""
    cps = sorted(ord(c) for c in chars)
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = cps[i], cps[j]
        if hi == lo:
            parts.append(re.escape(chr(lo)))
        else:
            parts.append(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        i = j + 1
    return "".join(parts)


class EmojiTables:
    """The emoji sequences and the derived lookup structures."""

    def __init__(self) -> None:
        seqs: list[str] = [_unhex(row[0]) for row in _read_tsv("emoji_sequences.tsv")]
        self.sequences: frozenset[str] = frozenset(seqs)
        #: exact UTF-8 bytes -> sequence
        self.exact: dict[bytes, str] = {s.encode("utf-8"): s for s in seqs}
        #: UTF-8 bytes with cp1252-undefined bytes dropped / replaced by '?'
        #: -> the sequences that leave those bytes
        self.lossy: dict[bytes, set[str]] = {}
        # a keycap ('1\ufe0f\u20e3') starts with an ASCII character that is
        # never part of a mojibake run: its tail ('ï¸âƒ£', the 0x8F of U+FE0F
        # dropped) is looked up on its own
        tails = {s.lstrip("#*0123456789") for s in seqs if s[:1] in "#*0123456789" and len(s) > 1}
        for s in (*seqs, *sorted(tails - self.sequences)):
            raw = s.encode("utf-8")
            if not any(b in UNDEFINED_CP1252 for b in raw):
                continue
            dropped = bytes(b for b in raw if b not in UNDEFINED_CP1252)
            replaced = bytes(0x3F if b in UNDEFINED_CP1252 else b for b in raw)
            self.lossy.setdefault(dropped, set()).add(s)
            self.lossy.setdefault(replaced, set()).add(s)
        self.max_bytes = max(len(k) for k in self.exact)
        #: every byte prefix of the keys, so lookups can stop early
        self.exact_prefixes: frozenset[bytes] = frozenset(
            k[:j] for k in self.exact for j in range(1, len(k) + 1)
        )
        self.lossy_prefixes: frozenset[bytes] = frozenset(
            k[:j] for k in self.lossy for j in range(1, len(k) + 1)
        )
        cps: set[str] = set()
        for s in seqs:
            cps.update(s)
        #: every non-ASCII code point that occurs in an emoji sequence
        self.emoji_chars: frozenset[str] = frozenset(c for c in cps if ord(c) > 0x7F)
        components = {ZWJ, VS16, KEYCAP}
        components.update(chr(c) for c in range(0x1F3FB, 0x1F400))  # skin tones
        components.update(chr(c) for c in range(0xE0020, 0xE0080))  # tags
        #: sequences that are only components (skin tones, hair, joiners)
        self.components: frozenset[str] = frozenset(
            s for s in seqs if all(c in components or "\U0001f9b0" <= c <= "\U0001f9b3" for c in s)
        )
        #: code points that are emoji by themselves (not only components)
        self.base_chars: frozenset[str] = frozenset(self.emoji_chars - components)
        #: characters a U+FE0F may follow
        bases: set[str] = set()
        for s in seqs:
            for i in range(1, len(s)):
                if s[i] == VS16:
                    bases.add(s[i - 1])
        bases.update(self.base_chars)
        self.vs16_bases: frozenset[str] = frozenset(bases)
        #: the most used emoji, the tie-breaker among lossy candidates
        self.common: frozenset[str] = frozenset(
            _unhex(row[0]) for row in _read_tsv("common_emoji.tsv")
        )
        emoji_class = _char_class(set(self.emoji_chars) - {VS16})
        base_class = _char_class(set(bases))
        #: U+FE0F not preceded by a character that takes it
        self.odd_vs16_re = regex.compile(f"(?<![{base_class}])\ufe0f")
        #: U+200D without an emoji on one side
        self.odd_zwj_re = regex.compile(f"(?<![{emoji_class}])\u200d|\u200d(?![{emoji_class}])")

    def is_emoji_text(self, text: str) -> bool:
        """True if ``text`` holds at least one emoji (not only components)."""
        base = self.base_chars
        return any(c in base for c in text)


@lru_cache(maxsize=1)
def tables() -> EmojiTables:
    return EmojiTables()


def _read_code_table(name: str) -> dict[str, str]:
    return {row[0]: _unhex(row[1]) for row in _read_tsv(name) if len(row) >= 2}


@lru_cache(maxsize=1)
def shortcodes() -> dict[str, str]:
    """``name`` (without colons) -> emoji."""
    return _read_code_table("shortcodes.tsv")


@lru_cache(maxsize=1)
def bracket_codes() -> dict[str, str]:
    """``name`` (without brackets) -> emoji; hand-written stickers win."""
    table = _read_code_table("bracket_codes.tsv")
    table.update(_read_code_table("weibo_stickers.tsv"))
    return table


def _prefix_re(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching a string that starts with one of ``prefixes`` as whole words."""
    if not prefixes:
        return re.compile(r"(?!)")
    alts = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?:{alts})\b")


class QuestionCues:
    """Word lists that tell real question marks from lost emoji."""

    def __init__(self) -> None:
        with (_DATA / "question_cues.json").open(encoding="utf-8") as fh:
            raw = json.load(fh)
        self.space_before_question: frozenset[str] = frozenset(raw["space_before_question"])
        #: word -> the languages it marks
        self.marker_langs: dict[str, tuple[str, ...]] = {}
        self.markers: dict[str, frozenset[str]] = {}
        #: elisions such as "qu'" match any word they start
        self.marker_prefixes: dict[str, tuple[str, ...]] = {}
        for lang, lst in raw["markers"].items():
            norm = [w.replace("’", "'") for w in lst]
            self.markers[lang] = frozenset(w for w in norm if not w.endswith("'"))
            self.marker_prefixes[lang] = tuple(sorted({w for w in norm if w.endswith("'")}))
        langs_of: dict[str, list[str]] = {}
        for lang, marker_words in self.markers.items():
            for w in marker_words:
                langs_of.setdefault(w, []).append(lang)
        self.marker_langs = {w: tuple(v) for w, v in langs_of.items()}
        words: set[str] = set()
        prefixes: set[str] = set()
        phrases: set[str] = set()
        for lst in raw["interrogatives"].values():
            for w in lst:
                if " " in w:
                    phrases.add(w)
                elif w.endswith("'"):
                    prefixes.add(w)
                else:
                    words.add(w)
        self.interrogatives: frozenset[str] = frozenset(words)
        #: interrogatives that open a relative clause after a comma
        self.relatives: frozenset[str] = frozenset(
            w for lst in raw.get("relatives", {}).values() for w in lst
        )
        self.interrogative_prefixes: tuple[str, ...] = tuple(sorted(prefixes))
        self.interrogative_phrases: tuple[str, ...] = tuple(sorted(phrases))
        self.auxiliaries: frozenset[str] = frozenset(
            w for lst in raw.get("auxiliaries", {}).values() for w in lst
        )
        self.subjects: frozenset[str] = frozenset(
            w for lst in raw.get("subjects", {}).values() for w in lst
        )
        self.tags: frozenset[str] = frozenset(
            w for lst in raw.get("tags", {}).values() for w in lst
        )
        self.final_particles: tuple[str, ...] = tuple(
            sorted({w for lst in raw.get("final_particles", {}).values() for w in lst})
        )
        self.interrogatives_anywhere: tuple[str, ...] = tuple(
            sorted({w for lst in raw.get("interrogatives_anywhere", {}).values() for w in lst})
        )
        excl: set[str] = set()
        for lst in raw["exclamatives"].values():
            excl.update(lst)
        self.exclamatives: tuple[str, ...] = tuple(sorted(excl))
        self.exclamative_re = _prefix_re(self.exclamatives)
        self.phrase_re = _prefix_re(self.interrogative_phrases)


@lru_cache(maxsize=1)
def cues() -> QuestionCues:
    return QuestionCues()
