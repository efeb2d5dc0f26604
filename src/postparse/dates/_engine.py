"""The matcher: one compiled regex per language set, built from the tables.

A :class:`Matcher` turns a :class:`~._tables.Lexicon` into one regular
expression whose top-level alternatives are the date shapes (ISO, numeric,
month names, CJK, "N units ago", relative words, weekdays, short forms,
epochs, bare clock times). Word classes are emitted as character tries, so
matching cost does not grow with the number of words. Interpretation of a
match (arithmetic on ``now``, day/month order, zones) is plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from itertools import pairwise
from typing import Any

from ._result import ParsedDate, Precision
from ._tables import Lexicon, norm

_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff"
)
#: digits | one character of a script without spaces | a word | other symbol
_WORDCHAR = rf"(?:[^\W\d_]|[{_MARKS}])"


class _Lazy:
    """A regular expression compiled on first use (keeps import cheap)."""

    __slots__ = ("_rx", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._rx: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.pattern)
        return rx


#: digits | one character of a script without spaces | a word | other symbol
_TOK = _Lazy(rf"(\d+)|({_WORDCHAR}+)|[^\s\w]")
_NEXT_WORD = _Lazy(rf"[\s.,]{{0,2}}({_WORDCHAR}+)")
_WORDS = _Lazy(rf"{_WORDCHAR}+")
#: Code point ranges of the scripts written without spaces between words.
_NS_RANGES = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1100, 0x11FF),
    (0x1780, 0x17FF),
    (0x3040, 0x30FF),
    (0x3130, 0x318F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
)


def _is_ns(ch: str) -> bool:
    """Is ``ch`` a character of a script written without spaces (CJK, Thai …)?"""
    cp = ord(ch)
    if cp < 0x0E00:
        return False
    return any(lo <= cp <= hi for lo, hi in _NS_RANGES)


_NS_CHARS = _Lazy("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _NS_RANGES) + "]")


def has_nospace(s: str) -> bool:
    """Does ``s`` hold a character of a script written without spaces?"""
    return not s.isascii() and _NS_CHARS.get().search(s) is not None


_UNIT_ORDER: dict[str, int] = {
    "year": 0,
    "month": 1,
    "week": 2,
    "day": 3,
    "hour": 4,
    "minute": 5,
    "second": 6,
}
_AGO_KINDS = frozenset({"ago", "agosuf", "agobare", "short", "fut"})
#: the unit a fractional count is read in ("half an hour" = 30 minutes); a
#: month has no whole number of days, so "1.5 months" is not read
_SUBUNIT: dict[str, tuple[str, int]] = {
    "year": ("month", 12),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}
_ZERO = timedelta()
_UNIT_TD = {
    "week": timedelta(weeks=1),
    "day": timedelta(days=1),
    "hour": timedelta(hours=1),
    "minute": timedelta(minutes=1),
    "second": timedelta(seconds=1),
}
_PRECISIONS: tuple[Precision, ...] = ("year", "month", "week", "day", "hour", "minute", "second")


def _char_rx(c: str) -> str:
    if c == " ":
        return r"\s+"
    if c == "'":
        return "['’ʼ]"
    if c == "-":
        return r"[-‐‑]"
    return re.escape(c)


def trie_alt(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), as a character trie."""
    trie: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return r"(?!x)x"

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [_char_rx(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return "(?:" + emit(trie) + ")"


#: a word starts after a non-letter, or at a camelCase seam ("TheoYesterday")
_LB = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-zà-ÿа-я])(?=[A-ZÀ-ÞА-Я])))"


def _words(keys: Iterable[str], *, dot: bool = False) -> str:
    """Words with boundaries (none for scripts written without spaces)."""
    spaced: list[str] = []
    glued: list[str] = []
    for k in keys:
        (glued if has_nospace(k) else spaced).append(k)
    d = r"\.?" if dot else ""
    parts = []
    if spaced:
        parts.append(_LB + trie_alt(spaced) + d + r"(?:(?<=\.)|(?![^\W\d_]))")
    if glued:
        parts.append(trie_alt(glued) + d)
    if not parts:
        return r"(?!x)x"
    return "(?:" + "|".join(parts) + ")"


def _month_days(year: int, month: int) -> int:
    """Days in ``month`` of ``year`` (``calendar`` would import ``locale``)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _add_months(value: datetime, months: int) -> datetime:
    total = value.year * 12 + (value.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    if year < 1:
        raise ValueError("year out of range")
    day = min(value.day, _month_days(year, month))
    return value.replace(year=year, month=month, day=day)


def scan_end(text: str, whole: bool) -> int:
    """Where :meth:`Matcher.find` stops scanning ``text``.

    ``parse_date`` (``whole``) looks at most 256 characters past the point
    where a date may start (the first digit, or character 80).
    """
    n = len(text)
    if not whole or n <= 256:
        return n
    d = _DIGIT.search(text)
    limit = min(d.start() if d is not None else n, 80)
    return min(n, limit + 256)


class Matcher:
    """Compiled date grammar for one tuple of languages."""

    def __init__(self, lex: Lexicon, *, explicit: bool = False) -> None:
        self.lex = lex
        #: the languages were given by the caller (not guessed)
        self.explicit = explicit
        #: day/month order of the language, trusted only when given
        self.order = lex.order if explicit else None
        L = lex
        # a month name holds no digit, except a word with the month's own
        # number (Vietnamese "tháng 9", "thg 9")
        mon_keys = [
            k
            for k in L.months
            if len(k) >= 2
            and (not any(ch.isdigit() for ch in k) or _numbered_month(k, L.months[k][0]))
        ]
        wd_keys = [k for k in L.weekdays if len(k) >= 2 or has_nospace(k)]
        wd_wide = [k for k in L.weekdays_wide if k in L.weekdays]
        zone_words = [k for k in L.zones if k != "z"]
        conn = sorted(L.connectors)
        fill_words = set(L.fillers) | {"de", "del", "of", "d'", "the"}
        fill_words = {f for f in fill_words if any(ch.isalpha() for ch in f)}
        unit_keys = list(L.units) + list(L.implied)
        # Word classes, built when a shape first needs them, written (?&NAME).
        defs: dict[str, Callable[[], str]] = {
            # a numbered month ends at its number ("tháng 1" is not read in "tháng 13")
            "MON": lambda: _words(mon_keys) + r"(?!(?<=\d)\d)",
            "WD": lambda: _words(wd_keys),
            "WDW": lambda: _words(wd_wide),
            "WDP": lambda: trie_alt(L.weekdays),
            "AMPM": lambda: _words(L.ampm),
            "TSUF": lambda: _words(L.time_suffix | {"h"}),
            "ZONE": lambda: (
                r"(?:(?<=\d)Z(?!\w)"
                r"|(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?(?!\d)"
                r"|[+\-−]\d{2}:?\d{2}(?!\d)"
                r"|" + _words(zone_words) + r"(?:\s*[+\-−]\d{1,2}(?::?\d{2})?(?!\d))?)"
            ),
            "FILL": lambda: _words(fill_words),
            "ERA": lambda: trie_alt(L.eras),
            "NUMW": lambda: _words(L.numbers),
            "UNIT": lambda: _words(unit_keys, dot=True),
            "UNITPRE": lambda: _words(L.units_pre),
            "UNITBARE": lambda: _words(L.units_bare, dot=True),
            "CONJ": lambda: _words(L.conjunctions),
            "PRE": lambda: _words(L.prefixes),
            "SUF": lambda: _words(L.suffixes),
            "FPRE": lambda: _words(L.fut_prefixes),
            "FSUF": lambda: _words(L.fut_suffixes),
            "NOON": lambda: _words(L.noon),
            "HALF": lambda: _words(L.half),
            "SU": lambda: trie_alt(L.short_units),
            "REL": lambda: _words(L.relative),
            "LAST": lambda: _words(L.last),
            "CONNW": lambda: _words([c for c in conn if any(ch.isalpha() for ch in c)]),
            "CONNS": lambda: trie_alt([c for c in conn if not any(ch.isalpha() for ch in c)]),
        }
        defs["ITEM"] = lambda: rf"(?:(?:{NUM}|(?&NUMW))\s*)?(?&UNIT)(?:\s*(?&HALF))?"
        defs["SITEM"] = lambda: r"\d{1,3}\s?(?&SU)\.?(?![^\W\d_])"
        built: dict[str, str] = {}

        def define(name: str) -> str:
            got = built.get(name)
            if got is None:
                got = built[name] = defs[name]()
            return got

        call = re.compile(r"\(\?&(\w+)\)")

        def inline(pat: str) -> str:
            # (?&NAME) calls are slow in `regex`; expand them textually.
            for _ in range(4):
                pat = call.sub(lambda c: "(?:" + define(c.group(1)) + ")", pat)
            return pat

        #: a count: "3", "1.5", "2,5" (a fraction must come out whole in a smaller unit)
        NUM = r"\d{1,3}(?:[.,]\d{1,2}(?!\d))?"
        SEP_AT = r"(?:T|\s*[,،]?\s*(?:(?:(?&CONNW)|(?&CONNS))\s*[,،]?\s*)?)"
        t_colon = (
            r"(?P<hh>\d{1,2})\s?[:：]\s?(?P<mi>\d{2})"
            r"(?:[:：](?P<ss>\d{2})(?:[.,]\d{1,9})?)?(?!\d)"
        )
        t_cjk = (
            r"(?P<hh2>\d{1,2})\s*[時时点點시]\s*"
            r"(?:(?P<mi2>\d{1,2})\s*[分분](?:\s*(?P<ss2>\d{1,2})\s*[秒초])?|半)?"
        )
        t_loose = r"(?P<hh3>\d{1,2})[hH.](?P<mi3>\d{2})(?!\d)"
        t_ampm = r"(?P<hh4>\d{1,2})(?=\s*(?&AMPM))"
        t_uhr = r"(?P<hh5>\d{1,2})(?=\s*(?&TSUF)(?![^\W\d_]))"
        tail = r"(?:\s*(?P<ap2>(?&AMPM)))?(?:\s*(?&TSUF))?(?:\s*(?P<tz>(?&ZONE)))?"
        t_noon = r"(?P<noon>(?&NOON))"
        TIME_FULL = (
            rf"(?:(?:(?P<ap1>(?&AMPM))\s*)?(?:{t_colon}|{t_cjk}|{t_loose}|{t_ampm}|{t_uhr}){tail}"
            rf"|{t_noon})"
        )
        TIME_STRICT = rf"(?:(?:(?P<ap1>(?&AMPM))\s*)?(?:{t_colon}|{t_cjk}|{t_ampm}){tail}|{t_noon})"
        DSEP = r"(?:\s*(?&FILL)\s*|[\s,./-]*)"
        ORD = r"(?:\.|st|nd|rd|th|er|e|º|ª)?"
        iso = (
            r"(?<![\d.:/-])(?P<iy>\d{4})(?P<isep>[-/.])\s?(?P<im>\d{1,2})(?P=isep)\s?"
            r"(?P<id>\d{1,2})(?!\d)\.?"
        )
        num = (
            r"(?<![\w.,:/+-])(?P<na>\d{1,2})(?P<nsep>[./-])\s?(?P<nb>\d{1,2})"
            r"(?P=nsep)\s?(?P<nc>\d{4}|\d{2}|(?<=\d-)\d|(?<=\d\.\s)\d(?=\.))(?!\d|[.,/:-]\d)\.?"
        )
        mdt = (
            r"(?<![\w.,:/+-])(?P<ma>\d{1,2})(?P<msep>[./-])(?P<mb>\d{1,2})\.?"
            r"(?=(?:,?\s+|\s*T)\d{1,2}[:：]\d{2}(?!\d))"
        )
        named1 = (
            rf"(?:(?P<wd1>(?&WD))\.?\s*,?\s*)?(?<![\d.:/-])(?P<d1>\d{{1,2}}){ORD}"
            r"(?:\s*(?&FILL)\s*|\s*-?\s*)(?P<mon1>(?&MON))\.?"
            rf"(?:{DSEP}(?P<y1>\d{{4}}|'\d{{2}})(?!\d)(?:\s*(?&FILL)\.?)?)?"
        )
        named2 = (
            r"(?:(?P<wd2>(?&WD))\.?\s*,?\s*)?(?P<mon2>(?&MON))\.?\s*(?:(?&FILL)\s*)?"
            r"(?P<d2>\d{1,2})(?:st|nd|rd|th|\.)?(?![\d:])"
            r"(?:\s*,?\s*(?P<y2>\d{4}|'\d{2})(?!\d))?"
        )
        my = r"(?P<mon3>(?&MON))\.?\s*,?\s*(?:(?&FILL)\s*)?(?P<y3>\d{4})(?!\d)"
        cjk = (
            r"(?:(?P<era>(?&ERA))\s*)?(?:(?P<cy>\d{1,4}|元)\s*[年년]\s*)?"
            r"(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日号號일]"
            r"(?:\s*[(（]\s*(?&WDP)\s*[)）]|\s*(?&WDW))?"
        )
        cjk_ym = (
            r"(?:(?P<era2>(?&ERA))\s*)?(?P<cy2>\d{1,4})\s*[年년]\s*"
            r"(?P<cm2>\d{1,2})\s*[月월](?!\s*\d)"
        )
        wd_after = r"(?:\s*[(（]\s*(?&WDP)\s*[)）])?"
        ITEMS = r"(?:(?:\s*(?:,|(?&CONJ)))?\s*(?&ITEM)){1,7}"
        ago = rf"(?P<pre>(?&PRE))\s*(?P<items>{ITEMS})(?:\s*(?P<suf>(?&SUF)))?"
        agosuf = rf"(?<![\d.,])(?P<items>{ITEMS})\s*(?:(?P<suf>(?&SUF))|(?P<fsuf>(?&FSUF)))"
        SITEMS = r"(?&SITEM)(?:\s?(?&SITEM)){0,4}"
        fut = (
            rf"(?P<fpre>(?&FPRE))\s*(?:(?P<items>{ITEMS})|(?P<sitems>{SITEMS})(?!\w))"
            r"(?:\s*(?P<fsuf>(?&FSUF)))?"
        )
        agobare = r"(?<![\d.,])(?P<items>\d{1,3}\s*(?&UNITBARE))(?!\s*\d)"
        short = (
            r"(?<![\w$€£¥.,:/+#-])(?P<sitems>(?&SITEM)(?:\s?(?&SITEM)){0,4})"
            r"(?:\s*(?P<suf2>(?&SUF)))?(?!\w)"
        )
        agopre = r"(?P<upre>(?&UNITPRE))\s*(?P<pn>\d{1,3})\s*(?P<suf3>(?&SUF))"
        rel = r"(?P<rel>(?&REL))"
        wd = r"(?:(?P<last>(?&LAST))\s+)?(?P<wd>(?&WD))\.?(?:\s+(?P<last2>(?&LAST)))?"
        epoch = r"(?<![\w.+-])(?P<ep>\d{13}|\d{10})(?![\d.])"
        time_only = rf"(?<![\d.:/])(?:{TIME_STRICT})"
        alts = [
            ("iso", iso + wd_after),
            ("cjk", cjk),
            ("cjkym", cjk_ym),
            ("named1", named1 + wd_after),
            ("named2", named2 + wd_after),
            ("my", my),
            ("num", num + wd_after),
            ("mdt", mdt),
            ("ago", ago),
            ("agosuf", agosuf),
            ("fut", fut),
            ("agobare", agobare),
            ("short", short),
            ("agopre", agopre),
            ("rel", rel),
            ("wd", wd),
            ("epoch", epoch),
            ("time", time_only),
        ]
        self.kinds = [name for name, _ in alts]
        # Each shape is compiled on first use: a call pays only for what it tries.
        self._src = dict(alts)
        self._src["_tail"] = SEP_AT + TIME_FULL
        self._src["_item"] = (
            rf"(?:(?P<n>{NUM}|(?&NUMW))\s*)?(?P<u>(?&UNIT))(?:\s*(?P<half>(?&HALF)))?"
        )
        self._src["_noonw"] = "(?&NOON)"
        self._src["_sitem"] = r"(?P<n>\d{1,3})\s?(?P<u>(?&SU))"
        self._inline_refs = inline
        self._rx: dict[str, Any] = {}
        self.after_time_rx = _AFTER_TIME
        self._triggers(mon_keys, wd_keys, unit_keys)

    def _triggers(self, mon_keys: list[str], wd_keys: list[str], unit_keys: list[str]) -> None:
        """Which shapes to try at a token: word -> kinds, CJK char -> kinds."""
        L = self.lex
        words: dict[str, set[str]] = {}
        chars: dict[str, set[str]] = {}

        def add(keys: Iterable[str], kinds: tuple[str, ...]) -> None:
            for k in keys:
                if not k:
                    continue
                if _is_ns(k[0]):
                    chars.setdefault(k[0], set()).update(kinds)
                    continue
                for form in (k, k.replace("'", "ʼ")) if "'" in k else (k,):
                    w = _WORDS.get().match(form)
                    first = w.group() if w else (form if form[:1].isalpha() else "")
                    if first:
                        words.setdefault(first, set()).update(kinds)

        add(mon_keys, ("named2", "my"))
        add(wd_keys, ("named1", "named2", "wd"))
        add(L.relative, ("rel",))
        add(L.noon, ("time",))
        add(L.prefixes, ("ago",))
        add(L.last, ("wd",))
        add((k for k in L.ampm if _is_ns(k[0])), ("time",))
        add(L.eras, ("cjk", "cjkym"))
        add((k for k in unit_keys if len(k) > 1), ("agosuf",))
        add(L.implied, ("agosuf",))
        add(L.units_pre, ("agopre",))
        rank = {k: i for i, k in enumerate(self.kinds)}

        def ordered(ks: set[str]) -> tuple[str, ...]:
            return tuple(sorted(ks, key=rank.__getitem__))

        self.word_kinds = {w: ordered(ks) for w, ks in words.items()}
        self.char_kinds = {c: ordered(ks) for c, ks in chars.items()}
        after: set[str] = set()
        for keys in (unit_keys, L.short_units, mon_keys, L.ampm, L.time_suffix, L.fillers):
            for k in keys:
                if _is_ns(k[0]):
                    after.add(k[0])
                    continue
                w = _WORDS.get().match(k)
                if w:
                    after.add(w.group())
                elif k:
                    after.add(k[0])
                t = _TOK.get().match(k)
                if t is not None and t.lastindex == 2:
                    after.add(t.group())
        after.update(("st", "nd", "rd", "th", "er", "e", "de", "of", "h", "uhr"))
        after.update("年月日号號時时点點分秒시분초년월일주")
        self.after_digit = frozenset(after)
        #: what the gate asks for after a number: a whole key of a table whose
        #: words follow a count ("hours", "h", "p.m.", "uhr"). Month names,
        #: fillers and ordinals are left out: a shape that reads them after a
        #: number (named1) needs a month name, which is a start word anyway.
        self.gate_after = frozenset(
            k
            for keys in (unit_keys, L.short_units, L.units_bare, L.ampm, L.time_suffix, ("h",))
            for k in keys
            if k and not _is_ns(k[0])
        )
        # the shapes worth trying at a number, by the word that follows it
        first_unit = {_first(k) for k in (*unit_keys, *L.short_units)}
        first_mon = {_first(k) for k in mon_keys}
        first_bare = {_first(k) for k in L.units_bare}
        first_time = {_first(k) for k in (*L.ampm, *L.time_suffix, "h")}
        kinds_after: dict[str, tuple[str, ...]] = {}
        for aw in after:
            ks: list[str] = []
            if aw in "年月日号號년월일":
                ks += ["cjk", "cjkym"]
            if aw in first_unit:
                ks += ["agosuf", "short"]
            if aw in first_bare:
                ks.append("agobare")
            if aw in first_mon or aw not in first_unit:
                ks.append("named1")
            if aw in first_time or aw in "時时点點시":
                ks.append("time")
            ks += [k for k in _K_WORD if k not in ks]
            kinds_after[aw] = tuple(ks)
        self.after_kinds = kinds_after
        self.numwords = frozenset(norm(k) for k in L.numbers)
        word = _WORDS.get()
        #: the words of number phrases ("half", "an", "couple", "of"), and the
        #: first words of the phrases (where a count may start)
        self.num_parts = frozenset(w for k in self.numwords for w in word.findall(k))
        self.num_firsts = frozenset(_first(k) for k in self.numwords if k)
        #: first words of the future markers written before the count ("in",
        #: "через", "dentro"): not start words (they are common words), a
        #: count or unit after them makes the scanner try "fut" there
        self.fut_firsts = frozenset(_first(k) for k in L.fut_prefixes if k)
        self.unit_words = frozenset(norm(k) for k in unit_keys)
        self.start_words = frozenset(self.word_kinds)
        self._gate: re.Pattern[str] | None = None
        self._ascii_gate: re.Pattern[str] | None = None
        self._first_look = True
        #: a shape may start with a capital that has no lower case (so a
        #: camelCase seam needs no capital with one)
        self._upper_start = any(w[:1].isupper() for w in self.word_kinds)

    # ------------------------------------------------------------------
    # The gate: a cheap test that text cannot hold a date for this matcher.
    #
    # Two tests are narrower than the scanner's. After "3-", "3/" or "3."
    # and a number it tries only the numeric shapes (num, iso: a second
    # separator follows; mdt: a clock follows, which the colon test sees), so
    # the gate asks for the second separator ("won 3-2", "24/7", "$9.99",
    # "Version 2.0" stop here). After a number and a word it looks the word up
    # by its first token ("p" of "p.m."), but a shape needs the whole key, so
    # the gate asks for the whole key of a table read after a count ("1080p"
    # stops here); month names are left out, being start words already.
    #
    # :meth:`candidates` is the only way into the shapes, so text where it
    # yields nothing holds no date. The gate looks for everything that makes
    # it yield: a word of ``word_kinds`` (as ``word.lower()``), a camelCase
    # seam, a character of ``char_kinds``, and after the end of a number a
    # clock or date separator, ten digits, a word of ``after_kinds`` or a
    # number word before it (``numwords``). It is built from the same
    # tables, so it cannot drift from the scanner; tests/dates checks that
    # the answers with and without it are the same.

    def _gate_words(self) -> tuple[list[str], list[str], list[str]]:
        """What the gate looks for: whole keys after a number
        (:attr:`gate_after`), and the single words starting a shape and
        number words (each a whole word as :data:`_WORDS` finds it)."""
        word = _WORDS.get()

        def single(keys: Iterable[str]) -> list[str]:
            return sorted(k for k in keys if word.fullmatch(k))

        return sorted(self.gate_after), single(self.word_kinds), single(self.numwords)

    def ascii_gate(self) -> re.Pattern[str]:
        """The gate for ASCII text, searched in ``" " + text.lower()``.

        On ASCII text a word is a run of ASCII letters and a digit is 0-9, so
        the pattern is ASCII and case-sensitive: a search runs fast. (The
        leading space lets a word at the start be preceded by a non-letter.)
        """
        rx = self._ascii_gate
        if rx is None:
            after, start, nums = ([w for w in ws if w.isascii()] for ws in self._gate_words())
            # one character class first, so that the search skips letters
            # after a number: a clock, a second date separator ("2.0", "$9.99"
            # and "3-2" stop here), a key of the tables ("1080p" stops: "p" is
            # only the start of "p.m."), or ten digits
            parts = [
                r"(?<=[0-9])(?:(?![0-9])(?::|[-/.]\s?[0-9]{1,2}[-/.]|[\s.,]{0,2}"
                + trie_alt(after)
                + r"(?:(?<=\.)|(?![a-z])))|[0-9]{9})"
            ]
            if start:
                parts.append(trie_alt(start) + "(?![a-z])")
            if nums:
                parts.append(trie_alt(nums) + "[^a-z0-9]*[0-9]")
            rx = self._ascii_gate = re.compile("[^a-z](?:" + "|".join(parts) + ")")
        return rx

    def gate(self) -> re.Pattern[str]:
        """The gate for other text, searched in ``" " + text.lower()``.

        It starts with one character class (a non-letter, or a character of
        ``char_kinds``), so that the search skips letters: a word is matched
        after the character before it.
        """
        rx = self._gate
        if rx is None:
            after, start, nums = self._gate_words()
            wc = _WORDCHAR
            # a word whose first character (of a script without spaces) counts
            firsts = "".join(
                re.escape(w) for w in self.after_kinds if len(w) == 1 and ord(w) > 0xE00
            )
            tails = [
                r"[:：]",
                r"[-/.]\s?\d{1,2}[-/.]",
                r"[\s.,]{0,2}" + trie_alt(after) + rf"(?:(?<=\.)|(?!{wc}))",
            ]
            if firsts:
                tails += [rf"[\s.,]{{0,2}}[{firsts}]", rf"\s*[{firsts}]"]
            parts = [r"(?<=\d)(?:(?!\d)(?:" + "|".join(tails) + r")|\d{9})"]
            if start:
                parts.append(rf"{trie_alt(start)}(?!{wc})")
            if nums:
                parts.append(rf"{trie_alt(nums)}(?!{wc})[\W_]*\d")
            chars = "".join(re.escape(c) for c in sorted(self.char_kinds))
            if chars:
                parts.append(f"(?<=[{chars}])")
            # [\W\d_] holds every character that is not a letter (and marks:
            # a word after a mark is let through, which is only cautious)
            rx = self._gate = re.compile(rf"[\W\d_{chars}](?:" + "|".join(parts) + ")")
        return rx

    def ascii_may_hold(self, text: str, low: str) -> bool:
        """:meth:`may_hold` for ASCII ``text`` (``low`` is ``text.lower()``)."""
        rx = self._ascii_gate
        if rx is None:
            if self._first_look:  # see may_hold
                self._first_look = False
                return True
            rx = self.ascii_gate()
        if rx.search(" " + low) is not None:
            return True
        # a camelCase seam ("TheoYesterday") needs a capital after the start
        return text[1:] != low[1:] and _CAMEL.search(text) is not None

    def may_hold(self, text: str) -> bool:
        """False when :meth:`candidates` finds nothing to try in ``text``
        (so :meth:`find` finds no date): one or two regex searches.

        Text with U+0130 (İ, whose lower case is two characters) or U+03A3
        (Σ, whose lower case depends on its neighbours) is not gated.

        A matcher's first look says "maybe" without compiling a gate: the
        gate pays only when a matcher is used again, and a one-off call
        (``import`` + first call) should not compile it.
        """
        low = text.lower()
        if text.isascii():
            return self.ascii_may_hold(text, low)
        if "\u0130" in text or "\u03a3" in text:
            return True
        rx = self._gate
        if rx is None:
            if self._first_look:
                self._first_look = False
                return True
            rx = self.gate()
        if rx.search(" " + low) is not None:
            return True
        if text[1:] == low[1:] and not self._upper_start:
            return False  # no capital after the start: no seam
        return any(a.islower() and b.isupper() for a, b in pairwise(text))

    # ------------------------------------------------------------------
    def candidates(self, text: str, stop: int = -1) -> Iterator[tuple[int, tuple[str, ...]]]:
        """Token starts worth trying (left to right), each with the shapes to try there.

        Two starts are yielded late, when the token that makes them worth
        trying is reached: a number phrase ("half an", "a couple of") when a
        unit word follows it, and a future marker ("in", "через") when a count
        with a unit follows it (both within a few tokens).
        """
        prev_word = ""
        num_run: list[int] = []
        fut_at = -1
        fut_left = 0
        word_kinds = self.word_kinds
        numwords = self.numwords
        num_parts = self.num_parts
        num_firsts = self.num_firsts
        fut_firsts = self.fut_firsts
        unit_words = self.unit_words
        after_kinds = self.after_kinds
        char_kinds = self.char_kinds
        next_word = _NEXT_WORD.get()
        scan = _TOK.get().finditer(text) if stop < 0 else _TOK.get().finditer(text, 0, stop)
        for mt in scan:
            g = mt.lastindex
            if fut_left:
                fut_left -= 1
            if g == 2:  # a word
                tok = mt.group()
                if ord(tok[0]) >= 0x0E00 and has_nospace(tok):
                    # scripts without spaces: every character may start a date
                    base = mt.start()
                    for i, ch in enumerate(tok):
                        ck = char_kinds.get(ch)
                        if ck:
                            yield (base + i, ck)
                    prev_word = ""
                    num_run = []
                    if tok[0] in fut_firsts:  # Thai "ใน 3 วัน"
                        fut_at = mt.start()
                        fut_left = 5
                    continue
                lw = tok.lower()
                wk = word_kinds.get(lw)
                if wk is None and not tok.islower() and not tok.isupper():
                    # "TheoYesterday at 6:45 PM": a name glued to a date word
                    for i in range(1, len(tok)):
                        if tok[i].isupper() and tok[i - 1].islower():
                            sub = word_kinds.get(lw[i:])
                            if sub is not None:
                                yield (mt.start() + i, sub)
                                break
                if wk is not None:
                    if lw in unit_words:
                        if fut_left:
                            yield (fut_at, _K_FUT)
                            fut_left = 0
                        for pos in num_run:
                            yield (pos, _K_AGO)
                    yield (mt.start(), wk)
                if lw in num_parts:
                    if lw in num_firsts:
                        num_run.append(mt.start())
                else:
                    num_run = []
                if lw in fut_firsts:
                    fut_at = mt.start()
                    fut_left = 5
                prev_word = lw
            elif g == 1:  # digits
                end = mt.end()
                nxt = text[end : end + 1]
                kinds: tuple[str, ...] = ()
                if nxt in _COLON:
                    kinds = _K_COLON
                elif nxt in _DATE_SEP and text[end + 1 : end + 3].lstrip()[:1].isdigit():
                    kinds = _K_SEP4 if end - mt.start() == 4 else _K_SEP
                elif end - mt.start() in (10, 13):
                    kinds = _K_EPOCH
                else:
                    w = next_word.match(text, end)
                    if w is not None:
                        word = w.group(1).lower()
                        kinds = after_kinds.get(word, ())
                        if not kinds and ord(word[0]) > 0xE00:
                            kinds = after_kinds.get(word[0], ())
                    if not kinds and (
                        nxt == "." or prev_word in word_kinds or prev_word in numwords
                    ):
                        kinds = _K_WORD
                if kinds:
                    if fut_left:
                        yield (fut_at, _K_FUT)
                    fut_left = 0
                    begin = mt.start()
                    if begin >= 2 and text[begin - 1] in ".," and text[begin - 2].isdigit():
                        # "1.5 hours": the count starts at the whole part
                        d = begin - 2
                        while d > 0 and text[d - 1].isdigit():
                            d -= 1
                        if "agosuf" in kinds:
                            yield (d, _K_AGO)
                    yield (begin, kinds)
                prev_word = ""
                num_run = []

    def find(
        self,
        text: str,
        now: datetime,
        order: str | None,
        whole: bool,
        start: int = 0,
        *,
        gate: bool = True,
    ) -> ParsedDate | None:
        """The first date in ``text`` (the whole of it when ``whole``).

        ``gate=False`` skips the cheap rejection (:meth:`may_hold`) and lets
        the scanner decide alone: the tests check that both agree.
        """
        n = len(text)
        if gate and scan_end(text, whole) == n and not self.may_hold(text):
            return None
        rxs = self._rx
        limit = n
        if whole:
            # parse_date: only digit-free filler of a few words may precede the date
            d = _DIGIT.search(text)
            if d is not None:
                limit = d.start()
            limit = min(limit, 80)
        stop = min(n, limit + 256) if whole else -1
        for pos, kinds in self.candidates(text, stop):
            if pos > limit:
                break
            if pos < start:
                continue
            for kind in kinds:
                rx = rxs.get(kind) or self._get(kind)
                m = rx.match(text, pos)
                if m is None:
                    continue
                try:
                    res = self._interpret(m, kind, text, now, order, whole)
                except (ValueError, OverflowError):
                    res = None
                if res is not None and (
                    not whole or _clean_around(text, res.start, res.end, self.lex)
                ):
                    return res
        return None

    def _get(self, kind: str) -> Any:
        rx = self._rx.get(kind)
        if rx is None:
            body = self._inline_refs(self._src[kind])
            if not kind.startswith("_"):
                body = f"(?P<K_{kind}>{body})"
            rx = re.compile(body, re.IGNORECASE)
            self._rx[kind] = rx
        return rx

    # ------------------------------------------------------------------
    def _tail(self, text: str, pos: int) -> tuple[TimeTuple | None, int]:
        if _DIGIT.search(text, pos, pos + 24) is None and (
            not self.lex.noon or self._get("_noonw").search(text, pos, pos + 32) is None
        ):
            return None, pos
        t = self._get("_tail").match(text, pos)
        if t is None:
            return None, pos
        return _time(t, self.lex), t.end()

    def _interpret(
        self, m: Any, kind: str, text: str, now: datetime, order: str | None, whole: bool
    ) -> ParsedDate | None:
        start, end = m.span()
        L = self.lex
        lang: str | None = None

        def done(value: datetime, precision: Precision, relative: bool) -> ParsedDate:
            return ParsedDate(value, precision, relative, text[start:end], start, end, lang)

        if kind in _AGO_KINDS:
            short = kind == "short" or (kind == "fut" and _g(m, "sitems") is not None)
            future = kind == "fut" or _g(m, "fsuf") is not None
            if not future and self._after_fut_marker(text, start):
                return None  # "in 3D", "in 5 min": not a past form
            items_text = m.group("sitems" if short else "items")
            rx = self._get("_sitem" if short else "_item")
            months = 0
            finest = -1
            delta = _ZERO
            nparts = 0
            count = 0
            for im in rx.finditer(items_text):
                nparts += 1
                raw_u = im.group("u")
                if len(raw_u) == 1 and raw_u.isascii() and raw_u.isupper():
                    return None  # "3D", "4K", "5G": a one-letter unit is lower case
                u_full = norm(raw_u)
                u_key = u_full.rstrip(".")
                raw_n = im.group("n")
                c: float | None
                if raw_n is None:
                    c = None
                    if nparts == 1 and self._count_before(text, start):
                        return None  # "1.5 hours ago" read from "hours": not one hour
                elif raw_n[0].isdigit():
                    c = int(raw_n) if raw_n.isdigit() else float(raw_n.replace(",", "."))
                else:
                    c = L.numbers.get(norm(raw_n))
                    if nparts == 1:
                        w = _LAST_WORD.search(text, max(0, start - 16), start)
                        if w is not None and norm(w.group(1)) in self.num_firsts:
                            return None  # "half a month ago" is not "a month ago"
                if not short and _g(im, "half") is not None:
                    c = (1 if c is None else c) + 0.5
                if short:
                    unit = L.short_units.get(u_key)
                    if unit is None:
                        return None
                else:
                    imp = L.implied.get(u_full) or L.implied.get(u_key)
                    if imp is not None:
                        unit = imp[0]
                        lang = lang or imp[2]
                        # "une demi-heure": the phrase's own count times the number
                        c = imp[1] * (1 if c is None else c)
                    else:
                        hit = L.units.get(u_full) or L.units.get(u_key)
                        if hit is None:
                            return None
                        unit = hit[0]
                        lang = lang or hit[1]
                order_i = _UNIT_ORDER[unit]
                if c is not None and c != int(c):
                    # "half an hour", "1.5 days": whole in the next smaller unit
                    sub = _SUBUNIT.get(unit)
                    if sub is None or c * sub[1] != int(c * sub[1]):
                        return None
                    unit, c = sub[0], c * sub[1]
                    order_i = _UNIT_ORDER[unit]
                count = 1 if c is None else int(c)
                if order_i > finest:
                    finest = order_i
                if order_i == 0:
                    months += 12 * count
                elif order_i == 1:
                    months += count
                else:
                    delta += _UNIT_TD[unit] * count
            if nparts == 0:
                return None
            if (
                kind == "short"
                and nparts == 1
                and finest >= 5
                and count >= 60
                and m.group("suf2") is None
            ):
                return None
            if (
                kind == "short"
                and not whole
                and nparts == 1
                and m.group("suf2") is None
                and len(u_key) >= 2
                and _NEXT_IS_WORD.match(text, end)
            ):
                return None  # "a 5 min walk", "6 mo. plan": a quantity, not a timestamp
            if kind == "short" and m.group("suf2") is None and self._after_connector(text, start):
                return None  # "at 2h", "lúc 2 giờ" (at two o'clock): a clock time, not an age
            sign = 1 if future else -1
            value = _add_months(now, sign * months) if months else now
            if delta:
                value = value + delta if future else value - delta
            if lang is None and not short:
                p = _g(m, "pre") or _g(m, "suf")
                if p:
                    lang = L.prefixes.get(norm(p)) or L.suffixes.get(norm(p))
            if lang is None and future:
                p = _g(m, "fpre") or _g(m, "fsuf")
                if p:
                    lang = L.fut_prefixes.get(norm(p)) or L.fut_suffixes.get(norm(p))
            return done(value, _PRECISIONS[finest], True)

        if kind == "agopre":
            phit = L.units_pre.get(norm(_g(m, "upre")))
            if phit is None:
                return None
            punit, lang = phit
            n = int(_g(m, "pn"))
            if punit in ("year", "month"):
                value = _add_months(now, -n * (12 if punit == "year" else 1))
            else:
                value = now - timedelta(**{punit + "s": n})
            return done(value, _PRECISIONS[_UNIT_ORDER[punit]], True)

        if kind == "rel":
            key = norm(_g(m, "rel"))
            rhit = L.relative.get(key)
            if rhit is None:
                return None
            unit, off, lang = rhit
            if len(key) == 1 and not whole and text.strip() != key:
                return None  # "今" inside 今年/今晚 is not "now"
            if unit == "now":
                # a lone "now"/"jetzt"/"ahora" inside a sentence is no timestamp
                if (
                    not whole
                    and " " not in key
                    and not _is_ns(key[0])
                    and (_ALNUM.search(text, 0, start) or _ALNUM.search(text, end))
                ):
                    return None
                return done(now, "minute", True)
            if off > 0 and not self._future_word_alone(text, start, end, key, lang, whole):
                return None
            if unit in ("week", "month", "year"):
                if unit == "week":
                    return done(now + timedelta(days=7 * off), "week", True)
                step = off if unit == "month" else 12 * off
                return done(_add_months(now, step), "month" if unit == "month" else "year", True)
            tm, tend = self._tail(text, end)
            if tm is not None:
                end = tend
            if off > 0 and tm is None and not self._future_day_alone(text, start, whole):
                return None
            if unit == "weekday":
                return _with_time(done, _last_weekday(now, off), tm)
            if unit == "day":
                if not whole and tm is None and len(key) <= 2:
                    return None
                if tm is None and not self.explicit and " " not in key and lang not in _BROAD:
                    return None  # a lone word of a guessed minor language ("ma")
                return _with_time(done, now + timedelta(days=off), tm)
            return None

        if kind == "wd":
            key = norm(_g(m, "wd")).rstrip(".")
            whit = L.weekdays.get(key) or L.weekdays.get(key + ".")
            if whit is None:
                return None
            tm, tend = self._tail(text, end)
            if tm is not None:
                end = tend
            wide = key in L.weekdays_wide
            alone = _g(m, "last") is None and _g(m, "last2") is None and tm is None
            if alone and not wide:
                return None
            lang = whit[1]
            if alone and not self.explicit and lang not in _BROAD:
                return None  # "Anna" is Friday in Turkmen, and a name everywhere
            return _with_time(done, _last_weekday(now, whit[0]), tm)

        if kind == "epoch":
            raw_ep = _g(m, "ep")
            alone = len(text) <= len(raw_ep) + 8 and text.strip() == raw_ep
            if not whole and not alone:
                before = text[max(0, start - 16) : start]
                words = _EPOCH_WORDS.findall(before.lower())
                if not words or words[-1] not in L.epoch_context:
                    return None
            raw = _g(m, "ep")
            secs = int(raw) // (1000 if len(raw) == 13 else 1)
            if not 946684800 <= secs <= 2208988800:
                return None
            value = datetime.fromtimestamp(secs, tz=timezone.utc)
            if now.tzinfo is not None:
                value = value.astimezone(now.tzinfo)
            return done(value, "second", False)

        if kind == "time":
            tm = _time(m, L)
            if tm is None:
                return None
            head = text[:start].strip()
            # "at 14:00", "at noon": a connector alone may lead a bare clock time
            bare_head = not head or norm(head) in L.connectors
            noon = _g(m, "noon") is not None
            if noon:
                w = _LAST_WORD.search(text, max(0, start - 16), start)
                if w is None or norm(w.group(1)) not in L.connectors:
                    return None  # "Midnight Sun": a noon word needs "at" (or a date) before it
            gap = self.after_time_rx.match(text, end)
            dpos = gap.end() if gap else end
            dm = None
            for dkind in ("named1", "named2", "num", "iso"):
                dm = self._get(dkind).match(text, dpos)
                if dm is not None:
                    break
            if dm is not None:
                res = self._date(dm, text, now, order, tm, dm.end())
                if res is not None:
                    val, prec, rel, dlang = res
                    return ParsedDate(
                        val, prec, rel, text[start : dm.end()], start, dm.end(), dlang
                    )
            hh_raw = _g(m, "hh") or _g(m, "hh2") or _g(m, "hh3") or _g(m, "hh4") or ""
            marked = _g(m, "ap1") or _g(m, "ap2") or _g(m, "ss") or _g(m, "ss2")
            if not whole and not marked and len(hh_raw) < 2 and not noon:
                return None
            if whole and not bare_head:
                return None  # "в пятницу в 14:00": a clock alone after words is not enough
            h, mi, s, prec, tz = tm
            base = now if tz is None else now.astimezone(tz)
            value = base.replace(hour=h, minute=mi, second=s, microsecond=0)
            if value > base:
                value -= timedelta(days=1)
            return done(value, prec, True)

        if kind in _DATE_KINDS:
            tm, tend = self._tail(text, end)
            if tm is not None:
                end = tend
            res = self._date(m, text, now, order, tm, end)
            if res is None:
                return None
            value, prec, rel, lang = res
            return done(value, prec, rel)
        return None

    def _count_before(self, text: str, start: int) -> bool:
        """Does a count the shape did not take end before ``start`` ("1.5",
        "half a")? Then a unit word there has no count of 1."""
        if _COUNT_BEFORE.search(text, max(0, start - 4), start):
            return True
        w = _LAST_WORD.search(text, max(0, start - 16), start)
        return w is not None and norm(w.group(1)) in self.num_parts

    def _after_connector(self, text: str, start: int) -> bool:
        """Does a connector word ("at", "um", "lúc") end just before ``start``?"""
        w = _LAST_WORD.search(text, max(0, start - 16), start)
        return w is not None and norm(w.group(1)) in self.lex.connectors

    def _after_fut_marker(self, text: str, start: int) -> bool:
        """Does a future marker ("in", "через") end just before ``start``?"""
        if not self.fut_firsts:
            return False
        w = _LAST_WORD.search(text, max(0, start - 16), start)
        return w is not None and norm(w.group(1)) in self.lex.fut_prefixes

    def _future_word_alone(
        self, text: str, start: int, end: int, key: str, lang: str, whole: bool
    ) -> bool:
        """A future word ("tomorrow", "nächste Woche") counts unless glued to
        other text ("tomorrow's", "Morgenstern") or a lone word of a guessed
        minor language."""
        if text[end : end + 1] in _APOS and text[end + 1 : end + 2].isalpha():
            return False  # "tomorrow's world"
        if start and _ALNUM.match(text, start - 1) and not _is_ns(key[0]):
            return False
        # a lone word of a guessed minor language ("mai", "kesho") is no date
        return self.explicit or " " in key or _is_ns(key[0]) or lang in _BROAD

    def _future_day_alone(self, text: str, start: int, whole: bool) -> bool:
        """ "tomorrow" without a clock time is a date only at the start of the
        text (after punctuation or a leading filler word: "Guten Morgen" and
        "see you tomorrow" are no timestamps)."""
        head = text[:start]
        if not head.strip(" \t\r\n.,;:!?()[]-–—|·•"):
            return True
        words = _LEAD_WORDS.findall(norm(head))
        lex = self.lex
        return bool(words) and " ".join(words) in (lex.leading | lex.connectors)

    def _trust_month(self, key: str, raw: str, lang: str | None, text: str, m: Any) -> bool:
        """A short month abbreviation of a guessed minor language is weak evidence."""
        if self.explicit or len(key) >= 5 or lang in _MAJOR:
            return True
        return raw.endswith(_ABBR_MARKS) or text[m.end() - 1 : m.end()] in _ABBR_MARKS

    def _date(
        self,
        m: Any,
        text: str,
        now: datetime,
        order: str | None,
        tm: TimeTuple | None,
        end: int,
    ) -> tuple[datetime, Precision, bool, str | None] | None:
        L = self.lex
        lang: str | None = None
        year: int | None
        month: int
        day: int | None
        precision: Precision = "day"
        if _g(m, "iy") is not None:
            year, month, day = int(_g(m, "iy")), int(_g(m, "im")), int(_g(m, "id"))
        elif _g(m, "na") is not None:
            ampm = tm is not None and _has_ampm(text[m.end() : end], L)
            ymd = _numeric(
                _g(m, "na"),
                _g(m, "nb"),
                _g(m, "nc"),
                _g(m, "nsep"),
                order,
                self.order,
                ampm,
                now.year,
                _spaced_dots(m),
            )
            if ymd is None:
                return None
            year, month, day = ymd
        elif _g(m, "ma") is not None:
            a, b = int(_g(m, "ma")), int(_g(m, "mb"))
            sep = _g(m, "msep")
            o = order
            if o is None:
                o = "DMY" if sep == "." else "MDY" if sep == "-" else (self.order or "DMY")
            if a > 12 and b <= 12:
                o = "DMY"
            elif b > 12 and a <= 12:
                o = "MDY"
            day, month = (a, b) if o == "DMY" else (b, a)
            year = None
            if tm is None:
                return None
        elif _g(m, "d1") is not None or _g(m, "mon2") is not None:
            one = _g(m, "d1") is not None
            raw = _g(m, "mon1") if one else _g(m, "mon2")
            key = norm(raw)
            hit = L.months.get(key) or L.months.get(key.rstrip("."))
            if hit is None:
                return None
            month, lang = hit
            day = int(_g(m, "d1") if one else _g(m, "d2"))
            year = _year(_g(m, "y1") if one else _g(m, "y2"))
            if year is None and tm is None and not self._trust_month(key, raw, lang, text, m):
                return None
        elif _g(m, "mon3") is not None:
            key = norm(_g(m, "mon3"))
            hit = L.months.get(key) or L.months.get(key.rstrip("."))
            if hit is None:
                return None
            month, lang = hit
            if not self._trust_month(key, _g(m, "mon3"), lang, text, m):
                return None
            year = int(_g(m, "y3"))
            day = None
            precision = "month"
        elif _g(m, "cm") is not None:
            month, day = int(_g(m, "cm")), int(_g(m, "cd"))
            year = _cjk_year(_g(m, "cy"), _g(m, "era"), L)
        elif _g(m, "cm2") is not None:
            month = int(_g(m, "cm2"))
            year = _cjk_year(_g(m, "cy2"), _g(m, "era2"), L)
            day = None
            precision = "month"
            if year is None:
                return None
        else:
            return None
        if not 1 <= month <= 12:
            return None
        if year is not None and year > now.year + 300:
            era_lang = lang or (L.langs[0] if self.explicit and L.langs else None)
            if era_lang in L.year_offset:
                year += L.year_offset[era_lang]
        if year is not None and not 1 <= year <= 9999:
            return None
        if day is None:
            if year is None:
                return None
            return datetime(year, month, 1), precision, False, lang
        if year is None:
            # the latest such date not after now
            year = now.year
            cand = _mk(year, month, day)
            if cand is None or cand.date() > now.date():
                year -= 1
        if _mk(year, month, day) is None:
            return None
        if tm is None:
            return datetime(year, month, day), precision, False, lang
        h, mi, s, prec, tz = tm
        return datetime(year, month, day, h, mi, s, tzinfo=tz), prec, False, lang


_K_AGO = ("agosuf",)
_K_FUT = ("fut",)
_COLON = frozenset(":：")
_DATE_SEP = frozenset("-/.")
_K_COLON = ("time",)
_K_SEP = ("num", "mdt")
_K_SEP4 = ("iso",)
_K_EPOCH = ("epoch",)
_K_WORD = ("cjk", "cjkym", "named1", "agosuf", "short", "time")
_AFTER_TIME = re.compile(r"\s*[,·•|@-]?\s*(?:on\s+)?", re.IGNORECASE)
_DATE_KINDS = frozenset({"iso", "cjk", "cjkym", "named1", "named2", "my", "num", "mdt"})
#: Languages whose short month abbreviations may stand alone ("Sep 2").
_MAJOR = frozenset(
    {"ar", "da", "de", "en", "es", "fa", "fr", "id", "it", "ja", "ko", "nb", "nl", "pl", "pt", "ru", "sv", "tr", "uk", "vi", "zh", "zh-Hant"}
)  # fmt: skip
#: Languages whose lone words (a weekday, "yesterday") count without a hint.
_BROAD = _MAJOR | frozenset(
    {"af", "am", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "el", "et", "eu", "fi", "fil", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "is", "ka", "kk", "km", "kn", "lo", "lt", "lv", "mk", "ml", "mr", "ms", "my", "ne", "nn", "no", "pa", "ro", "si", "sk", "sl", "sq", "sr", "sr-Latn", "sw", "ta", "te", "th", "ur", "uz"}
)  # fmt: skip


def _kind(m: Any, kinds: list[str]) -> str:
    name = m.lastgroup
    if name and name.startswith("K_"):
        return str(name[2:])
    for k in kinds:
        if _g(m, "K_" + k) is not None:
            return k
    return ""


def _has_ampm(tail: str, L: Lexicon) -> bool:
    low = norm(tail)
    return any(k in low for k in L.ampm_month_first)


def _first(key: str) -> str:
    """The word (or CJK character) a key starts with, as the scanner sees it."""
    if _is_ns(key[0]):
        return key[0]
    t = _TOK.get().match(key)
    if t is not None and t.lastindex == 2:
        return t.group()
    return key[:1]


_GROUPS: dict[int, frozenset[str]] = {}
_KEEP: list[Any] = []


def _g(m: Any, name: str) -> Any:
    """A named group of a match, None when this shape has no such group."""
    rx = m.re
    names = _GROUPS.get(id(rx))
    if names is None:
        names = frozenset(rx.groupindex)
        _GROUPS[id(rx)] = names
        _KEEP.append(rx)  # keeps the id from being reused
    return m.group(name) if name in names else None


def _mk(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    if raw.startswith("'"):
        return 2000 + int(raw[1:])
    return int(raw)


def _cjk_year(raw: str | None, era: str | None, L: Lexicon) -> int | None:
    if raw is None:
        return None
    n = 1 if raw == "元" else int(raw)
    if era:
        base = L.eras.get(norm(era))
        if base is not None:
            return base + n
    if n < 100:
        return 2000 + n
    return n


def _numeric(
    a: str,
    b: str,
    c: str,
    sep: str,
    order: str | None,
    lang_order: str | None,
    ampm: bool,
    now_year: int,
    spaced_dots: bool = False,
) -> tuple[int, int, int] | None:
    ai, bi, ci = int(a), int(b), int(c)
    if spaced_dots and len(a) == 2 and len(c) <= 2:
        # Korean 'yy. M. d.' ('24. 9. 2.', CLDR's short date): a two-digit
        # year first, each field closed by a dot and a space
        if 1 <= bi <= 12 and 1 <= ci <= 31 and 2000 + ai <= now_year + 1:
            return 2000 + ai, bi, ci
        return None
    if len(c) == 1 and (sep != "-" or len(a) != 2):
        return None
    if sep == "-" and len(a) == 2 and (len(c) == 1 or (order == "YMD" and len(c) == 2)):
        # '24-9-8' (a one-digit field is no year), '23-11-11' where the
        # dump's dates run year first (Weibo): two-digit year, month, day
        if 1 <= bi <= 12 and 1 <= ci <= 31 and 2000 + ai <= now_year + 1:
            return 2000 + ai, bi, ci
        if len(c) == 1:
            return None
    year = ci if len(c) == 4 else 2000 + ci
    if len(c) == 2 and year > now_year + 1:
        year -= 100  # a two-digit year is not in the future
    if ai > 12 and bi > 12:
        return None
    if ai > 12:
        o = "DMY"
    elif bi > 12:
        o = "MDY"
    elif order in ("DMY", "MDY"):
        o = order
    elif lang_order in ("DMY", "MDY"):
        o = lang_order
    elif sep == ".":
        o = "DMY"
    else:
        o = "MDY" if (sep == "/" and ampm) else "DMY"
    if o == "DMY":
        return year, bi, ai
    return year, ai, bi


def _spaced_dots(m: Any) -> bool:
    """The numeric date is written 'a. b. c.': a dot and a space after each
    of its first two fields and a dot after the last (the Korean short form)."""
    text: str = m.string
    na_end, nc_end = m.end("na"), m.end("nc")
    return bool(
        _g(m, "nsep") == "."
        and text[na_end + 1 : na_end + 2].isspace()
        and text[nc_end : nc_end + 1] == "."
        and text[m.end("nb") + 1 : m.end("nb") + 2].isspace()
    )


def _last_weekday(now: datetime, wd: int) -> datetime:
    back = (now.weekday() - wd) % 7 or 7
    return now - timedelta(days=back)


TimeTuple = tuple[int, int, int, Precision, "tzinfo | None"]


def _time(m: Any, L: Lexicon) -> TimeTuple | None:
    """The clock time of a match: None when absent or invalid."""
    hh = _g(m, "hh") or _g(m, "hh2") or _g(m, "hh3") or _g(m, "hh4") or _g(m, "hh5")
    if hh is None:
        noon = _g(m, "noon")
        if noon is None or norm(noon) not in L.noon:
            return None
        # "noon", "midnight": a whole hour, as "12 PM" is
        return L.noon[norm(noon)], 0, 0, "hour", None
    h = int(hh)
    mi_raw = _g(m, "mi") or _g(m, "mi2") or _g(m, "mi3")
    ss_raw = _g(m, "ss") or _g(m, "ss2")
    mi = int(mi_raw) if mi_raw else 0
    s = int(ss_raw) if ss_raw else 0
    prec: Precision = "second" if ss_raw else "minute" if mi_raw else "hour"
    full = m.group(0)
    if mi_raw is None and "半" in full[full.find(hh) :]:
        mi, prec = 30, "minute"
    ap = _g(m, "ap1") or _g(m, "ap2")
    if ap:
        kind = L.ampm.get(norm(ap))
        if kind is None or h > 12 or h == 0:
            if h > 12 and kind == "pm":
                pass
            elif h == 0 or h > 12:
                return None
        if kind == "pm" and h < 12:
            h += 12
        elif kind == "am" and h == 12:
            h = 0
    if h > 23 or mi > 59 or s > 60:
        return None
    s = min(s, 59)
    tz = _zone(_g(m, "tz"), L)
    return h, mi, s, prec, tz


def _zone(raw: str | None, L: Lexicon) -> tzinfo | None:
    if not raw:
        return None
    t = raw.strip().replace("−", "-")
    if t.upper() == "Z":
        return timezone.utc
    mm = _OFFSET.search(t)
    base = 0
    word = _ZONE_WORD.match(t)
    if word:
        base_v = L.zones.get(norm(word.group()))
        if base_v is None:
            return None
        base = base_v
    if mm:
        sign = -1 if mm.group(1) == "-" else 1
        off = sign * (int(mm.group(2)) * 60 + int(mm.group(3) or 0))
        utc_like = word is None or norm(word.group()) in ("utc", "gmt", "ut")
        base = off if utc_like else base + off
    if abs(base) >= 24 * 60:
        return None
    return timezone(timedelta(minutes=base))


def _with_time(done: Any, day: datetime, tm: TimeTuple | None) -> ParsedDate | None:
    if tm is None:
        result: ParsedDate = done(
            day.replace(hour=0, minute=0, second=0, microsecond=0), "day", True
        )
        return result
    h, mi, s, prec, tz = tm
    value = day.replace(hour=h, minute=mi, second=s, microsecond=0)
    if tz is not None:
        value = value.replace(tzinfo=tz)
    result = done(value, prec, True)
    return result


_EPOCH_WORDS = re.compile(r"[^\W\d]+")
_OFFSET = re.compile(r"([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
_ZONE_WORD = re.compile(r"[^\W\d_]+")
#: a word of two or more characters (a letter and its marks count: Hindi
#: "से"), or a one-letter word before another (Vietnamese "ở Hà Nội")
_NEXT_IS_WORD = re.compile(rf"\s*(?:{_WORDCHAR}{{2}}|{_WORDCHAR}\s+{_WORDCHAR})")
#: what ends an abbreviation: a dot, the Devanagari abbreviation sign ("सित॰")
_ABBR_MARKS = (".", "\u0970")
#: a word, a space and a month number: CLDR's Vietnamese "thg 9"
_NUMBERED = re.compile(r"[^\W\d_][^\d]*\s(\d{1,2})")
_CAMEL = re.compile(r"[a-zà-ÿа-я][A-ZÀ-ÞА-Я]")
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
#: a count just before a unit word that the shape did not take ("1.5 hours")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s*$")
_APOS = frozenset("'’ʼ")
_COUNT_BEFORE = re.compile(r"\d[.,]?\s*$")
_LEAD_WORDS = re.compile(r"[^\W\d_]+")


def _numbered_month(key: str, month: int) -> bool:
    """Is ``key`` a word followed by the month's own number ("tháng 9")?"""
    m = _NUMBERED.fullmatch(key)
    return m is not None and int(m.group(1)) == month


def _clean_around(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """parse_date accepts a match when the rest of the text is filler."""
    if start == 0 and end == len(text):
        return True
    if end < len(text) and _ALNUM.search(text, end):
        tail = text[end:].strip(" \t\r\n.,;:!?()[]")
        if norm(tail) not in lex.time_suffix:
            return False
    head = text[:start]
    if not head.strip():
        return True
    if _DIGIT.search(head):
        return False
    words = _LEAD_WORDS.findall(head)
    return len(words) <= 4
