"""The matcher: one compiled regex per language set, built from the tables.

A :class:`Matcher` turns a :class:`~._tables.Lexicon` into one regular
expression whose top-level alternatives are the date shapes (ISO, numeric,
month names, CJK, "N units ago", relative words, weekdays, short forms,
epochs, bare clock times). Word classes are emitted as character tries, so
matching cost does not grow with the number of words. Interpretation of a
match (arithmetic on ``now``, day/month order, zones) is plain Python.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

import regex

from ..model import ParsedDate, Precision
from ._tables import Lexicon, norm

_NOSPACE = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
LB = rf"(?:(?=[{_NOSPACE}])|(?<![\p{{L}}\p{{M}}\p{{N}}]))"
RB = rf"(?:(?<=[{_NOSPACE}.])|(?![\p{{L}}\p{{M}}]))"
_NOSPACE_RX = regex.compile(rf"[{_NOSPACE}]")

_UNIT_ORDER: dict[str, int] = {
    "year": 0,
    "month": 1,
    "week": 2,
    "day": 3,
    "hour": 4,
    "minute": 5,
    "second": 6,
}
_PRECISIONS: tuple[Precision, ...] = ("year", "month", "week", "day", "hour", "minute", "second")


def _char_rx(c: str) -> str:
    if c == " ":
        return r"\s+"
    if c == "'":
        return "['’ʼ]"
    if c == "-":
        return r"[-‐‑]"
    return str(regex.escape(c))


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


def _words(keys: Iterable[str], *, dot: bool = False) -> str:
    """Words with boundaries (none for scripts written without spaces)."""
    spaced, glued = [], []
    for k in keys:
        (glued if _NOSPACE_RX.search(k) else spaced).append(k)
    d = r"\.?" if dot else ""
    parts = []
    if spaced:
        parts.append(r"(?<![\p{L}\p{M}])" + trie_alt(spaced) + d + r"(?:(?<=\.)|(?![\p{L}\p{M}]))")
    if glued:
        parts.append(trie_alt(glued) + d)
    if not parts:
        return r"(?!x)x"
    return "(?:" + "|".join(parts) + ")"


def _add_months(value: datetime, months: int) -> datetime:
    total = value.year * 12 + (value.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    if year < 1:
        raise ValueError("year out of range")
    day = min(value.day, calendar.monthrange(year, month)[1])
    return value.replace(year=year, month=month, day=day)


class Matcher:
    """Compiled date grammar for one tuple of languages."""

    def __init__(self, lex: Lexicon, *, explicit: bool = False) -> None:
        self.lex = lex
        #: the languages were given by the caller (not guessed)
        self.explicit = explicit
        #: day/month order of the language, trusted only when given
        self.order = lex.order if explicit else None
        L = lex
        mon_keys = [k for k in L.months if not any(ch.isdigit() for ch in k) and len(k) >= 2]
        wd_keys = [k for k in L.weekdays if len(k) >= 2 or _NOSPACE_RX.search(k)]
        wd_wide = [k for k in L.weekdays_wide if k in L.weekdays]
        zone_words = [k for k in L.zones if k != "z"]
        conn = sorted(L.connectors)
        fill_words = set(L.fillers) | {"de", "del", "of", "d'", "the"}
        fill_words = {f for f in fill_words if any(ch.isalpha() for ch in f)}
        unit_keys = list(L.units) + list(L.implied)
        # Word classes, defined once per regex and called with (?&NAME).
        defs = {
            "MON": _words(mon_keys),
            "WD": _words(wd_keys),
            "WDW": _words(wd_wide),
            "WDP": trie_alt(L.weekdays),
            "AMPM": _words(L.ampm),
            "TSUF": _words(L.time_suffix | {"h"}),
            "ZONE": (
                r"(?:(?<=\d)Z(?![\p{L}\p{N}])"
                r"|(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?(?![\p{N}])"
                r"|[+\-−]\d{2}:?\d{2}(?![\p{N}])"
                r"|" + _words(zone_words) + r"(?:\s*[+\-−]\d{1,2}(?::?\d{2})?(?![\p{N}]))?)"
            ),
            "FILL": _words(fill_words),
            "ERA": trie_alt(L.eras),
            "NUMW": _words(L.numbers),
            "UNIT": _words(unit_keys, dot=True),
            "CONJ": _words(L.conjunctions),
            "PRE": _words(L.prefixes),
            "SUF": _words(L.suffixes),
            "SU": trie_alt(L.short_units),
            "REL": _words(L.relative),
            "LAST": _words(L.last),
            "CONNW": _words([c for c in conn if any(ch.isalpha() for ch in c)]),
            "CONNS": trie_alt([c for c in conn if not any(ch.isalpha() for ch in c)]),
        }
        defs["ITEM"] = r"(?:(?:\d{1,3}|(?&NUMW))\s*)?(?&UNIT)"
        defs["SITEM"] = r"\d{1,3}\s?(?&SU)\.?(?![\p{L}\p{M}])"

        call = regex.compile(r"\(\?&(\w+)\)")

        def inline(pat: str) -> str:
            # (?&NAME) calls are slow in `regex`; expand them textually.
            for _ in range(4):
                pat = call.sub(lambda c: "(?:" + defs[c.group(1)] + ")", pat)
            return pat

        def define(*names: str) -> str:
            return ""

        SEP_AT = r"(?:T|\s*[,،]?\s*(?:(?:(?&CONNW)|(?&CONNS))\s*[,،]?\s*)?)"
        t_colon = (
            r"(?P<hh>\d{1,2})\s?[:：]\s?(?P<mi>\d{2})"
            r"(?:[:：](?P<ss>\d{2})(?:[.,]\d{1,9})?)?(?![\p{N}])"
        )
        t_cjk = (
            r"(?P<hh>\d{1,2})\s*[時时点點시]\s*"
            r"(?:(?P<mi>\d{1,2})\s*[分분](?:\s*(?P<ss>\d{1,2})\s*[秒초])?|半)?"
        )
        t_loose = r"(?P<hh>\d{1,2})[hH.](?P<mi>\d{2})(?![\p{N}])"
        t_ampm = r"(?P<hh>\d{1,2})(?=\s*(?&AMPM))"
        tail = r"(?:\s*(?P<ap2>(?&AMPM)))?(?:\s*(?&TSUF))?(?:\s*(?P<tz>(?&ZONE)))?"
        TIME_FULL = rf"(?:(?P<ap1>(?&AMPM))\s*)?(?:{t_colon}|{t_cjk}|{t_loose}|{t_ampm}){tail}"
        TIME_STRICT = rf"(?:(?P<ap1>(?&AMPM))\s*)?(?:{t_colon}|{t_cjk}|{t_ampm}){tail}"
        DSEP = r"(?:\s*(?&FILL)\s*|[\s,./-]*)"
        ORD = r"(?:\.|st|nd|rd|th|er|e|º|ª)?"
        iso = (
            r"(?<![\p{N}.:/-])(?P<iy>\d{4})(?P<isep>[-/.])\s?(?P<im>\d{1,2})(?P=isep)\s?"
            r"(?P<id>\d{1,2})(?![\p{N}])\.?"
        )
        num = (
            r"(?<![\p{L}\p{N}.,:/+-])(?P<na>\d{1,2})(?P<nsep>[./-])\s?(?P<nb>\d{1,2})"
            r"(?P=nsep)\s?(?P<nc>\d{4}|\d{2})(?![\p{N}]|[.,/:-]\d)\.?"
        )
        mdt = (
            r"(?<![\p{L}\p{N}.,:/+-])(?P<ma>\d{1,2})(?P<msep>[./-])(?P<mb>\d{1,2})\.?"
            r"(?=(?:,?\s+|\s*T)\d{1,2}[:：]\d{2}(?!\d))"
        )
        named1 = (
            rf"(?:(?P<wd1>(?&WD))\.?\s*,?\s*)?(?<![\p{{N}}.:/-])(?P<d1>\d{{1,2}}){ORD}"
            r"(?:\s*(?&FILL)\s*|\s*-?\s*)(?P<mon1>(?&MON))\.?"
            rf"(?:{DSEP}(?P<y1>\d{{4}}|'\d{{2}})(?![\p{{N}}])(?:\s*(?&FILL)\.?)?)?"
        )
        named2 = (
            r"(?:(?P<wd2>(?&WD))\.?\s*,?\s*)?(?P<mon2>(?&MON))\.?\s*(?:(?&FILL)\s*)?"
            r"(?P<d2>\d{1,2})(?:st|nd|rd|th|\.)?(?![\p{N}:])"
            r"(?:\s*,?\s*(?P<y2>\d{4})(?![\p{N}]))?"
        )
        my = r"(?P<mon3>(?&MON))\.?\s*,?\s*(?:(?&FILL)\s*)?(?P<y3>\d{4})(?![\p{N}])"
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
        ITEMS = r"(?&ITEM)(?:\s*(?:,|(?&CONJ))?\s*(?&ITEM)){0,6}"
        ago = (
            rf"(?P<pre>(?&PRE))\s*(?P<items>{ITEMS})(?:\s*(?P<suf>(?&SUF)))?"
            rf"|(?<![\p{{N}}.,])(?P<items>{ITEMS})\s*(?P<suf>(?&SUF))"
        )
        short = (
            r"(?<![\p{L}\p{N}$€£¥.,:/+#-])(?P<sitems>(?&SITEM)(?:\s?(?&SITEM)){0,4})"
            r"(?:\s*(?P<suf2>(?&SUF)))?(?![\p{L}\p{N}])"
        )
        rel = r"(?P<rel>(?&REL))"
        wd = r"(?:(?P<last>(?&LAST))\s+)?(?P<wd>(?&WD))\.?"
        epoch = r"(?<![\p{L}\p{N}.+-])(?P<ep>\d{13}|\d{10})(?![\p{N}.])"
        time_only = rf"(?<![\p{{N}}.:/])(?:{TIME_STRICT})"
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
            ("short", short),
            ("rel", rel),
            ("wd", wd),
            ("epoch", epoch),
            ("time", time_only),
        ]
        self.kinds = [name for name, _ in alts]
        # Each shape is compiled on first use: a call pays only for what it tries.
        self._src = {name: inline(body) for name, body in alts}
        self._src["_tail"] = inline(SEP_AT + TIME_FULL)
        self._src["_item"] = inline(r"(?:(?P<n>\d{1,3}|(?&NUMW))\s*)?(?P<u>(?&UNIT))")
        self._src["_sitem"] = inline(r"(?P<n>\d{1,3})\s?(?P<u>(?&SU))")
        self._rx: dict[str, Any] = {}
        self.after_time_rx = _AFTER_TIME
        self._triggers(mon_keys, wd_keys, unit_keys)

    def _triggers(self, mon_keys: list[str], wd_keys: list[str], unit_keys: list[str]) -> None:
        """Word sets that make a token worth trying a match at."""
        L = self.lex
        start: set[str] = set()
        chars: set[str] = set()

        def add(keys: Iterable[str]) -> None:
            for k in keys:
                if _NOSPACE_RX.match(k):
                    chars.add(k[0])
                else:
                    w = _WORD.match(k)
                    if w:
                        start.add(w.group())
                    elif k[:1].isalpha():
                        start.add(k)

        add(mon_keys)
        add(wd_keys)
        add(L.relative)
        add(L.prefixes)
        add(L.last)
        add(L.ampm)
        add(L.eras)
        add(k for k in unit_keys if len(k) > 1)
        add(k for k in L.implied)
        self.start_words = frozenset(start)
        self.start_chars = frozenset(chars)
        after: set[str] = set()
        for keys in (unit_keys, L.short_units, mon_keys, L.ampm, L.time_suffix, L.fillers):
            for k in keys:
                if _NOSPACE_RX.match(k):
                    after.add(k[0])
                    continue
                w = _WORD.match(k)
                if w:
                    after.add(w.group())
                elif k:
                    after.add(k[0])
        after.update(("st", "nd", "rd", "th", "er", "e", "de", "of", "h", "uhr"))
        after.update("年月日号號時时点點分秒시분초년월일주")
        self.after_digit = frozenset(after)
        self.numwords = frozenset(norm(k) for k in L.numbers)
        self.unit_words = frozenset(norm(k) for k in unit_keys)

    def _get(self, kind: str) -> Any:
        rx = self._rx.get(kind)
        if rx is None:
            body = self._src[kind]
            if not kind.startswith("_"):
                body = f"(?P<K_{kind}>{body})"
            rx = regex.compile(body, regex.IGNORECASE)
            self._rx[kind] = rx
        return rx

    # ------------------------------------------------------------------
    def candidates(self, text: str) -> list[tuple[int, bool]]:
        """Token starts worth trying, with True for a digit token."""
        out: list[tuple[int, bool]] = []
        toks = _TOKEN.findall(text) if False else None
        del toks
        prev_word = ""
        prev_end = -1
        last_num_word = -1
        for m in _TOKEN.finditer(text):
            t = m.group()
            pos = m.start()
            c = t[0]
            if c.isdigit():
                nxt = text[m.end() : m.end() + 1]
                ok = (
                    nxt in _DIGIT_NEXT
                    or len(t) in (10, 13)
                    or prev_word in self.start_words
                    or prev_word in self.numwords
                )
                if not ok:
                    w = _NEXT_WORD.match(text, m.end())
                    if w is not None:
                        word = norm(w.group(1))
                        ok = word in self.after_digit or (
                            _NOSPACE_RX.match(word) is not None and word[0] in self.after_digit
                        )
                if ok:
                    out.append((pos, True))
                prev_word = ""
            elif _NOSPACE_RX.match(c):
                if c in self.start_chars or c.lower() in self.start_chars:
                    out.append((pos, False))
                prev_word = ""
            elif c.isalpha():
                w = norm(t)
                if w in self.start_words:
                    if w in self.unit_words and last_num_word >= 0:
                        out.append((last_num_word, False))
                    out.append((pos, False))
                last_num_word = pos if w in self.numwords else -1
                prev_word = w
            else:
                continue
            prev_end = m.end()
        del prev_end
        return out

    def find(
        self,
        text: str,
        now: datetime,
        order: str | None,
        whole: bool,
    ) -> ParsedDate | None:
        seen: set[int] = set()
        for pos, digit in self.candidates(text):
            if pos in seen:
                continue
            seen.add(pos)
            for kind in _DIGIT_KINDS if digit else _WORD_KINDS:
                m = self._get(kind).match(text, pos)
                if m is None:
                    continue
                try:
                    res = self._interpret(m, kind, text, now, order, whole)
                except (ValueError, OverflowError):
                    res = None
                if res is not None:
                    if not whole or _clean_around(text, res.start, res.end, self.lex):
                        return res
        return None

    # ------------------------------------------------------------------
    def _tail(self, text: str, pos: int) -> tuple[TimeTuple | None | bool, int]:
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

        if kind in ("ago", "short"):
            items_text = _g(m, "items") if kind == "ago" else _g(m, "sitems")
            rx = self._get("_item" if kind == "ago" else "_sitem")
            parts: list[tuple[str, int]] = []
            for im in rx.finditer(items_text):
                u_key = norm(im.group("u")).rstrip(".")
                raw_n = im.group("n")
                count: int | None
                if raw_n is None:
                    count = None
                elif raw_n.isdigit():
                    count = int(raw_n)
                else:
                    count = L.numbers.get(norm(raw_n))
                if kind == "short":
                    unit = L.short_units.get(u_key)
                    if unit is None:
                        return None
                else:
                    hit = L.units.get(norm(im.group("u"))) or L.units.get(u_key)
                    imp = L.implied.get(norm(im.group("u"))) or L.implied.get(u_key)
                    if imp is not None:
                        unit = imp[0]
                        lang = lang or imp[2]
                        count = imp[1] if count is None else count
                    elif hit is not None:
                        unit = hit[0]
                        lang = lang or hit[1]
                    else:
                        return None
                parts.append((unit, 1 if count is None else count))
            if not parts:
                return None
            if kind == "short" and _g(m, "suf2") is None and len(parts) == 1:
                unit, count = parts[0]
                if unit in ("second", "minute") and count >= 60:
                    return None
            months = 0
            finest = 0
            delta = timedelta()
            for unit, count in parts:
                finest = max(finest, _UNIT_ORDER[unit])
                if unit == "year":
                    months += 12 * count
                elif unit == "month":
                    months += count
                else:
                    delta += timedelta(**{unit + "s": count})
            value = _add_months(now, -months) if months else now
            value = value - delta
            if lang is None and kind == "ago":
                p = _g(m, "pre") or _g(m, "suf")
                if p:
                    lang = L.prefixes.get(norm(p)) or L.suffixes.get(norm(p))
            return done(value, _PRECISIONS[finest], True)

        if kind == "rel":
            key = norm(_g(m, "rel"))
            hit = L.relative.get(key)
            if hit is None:
                return None
            unit, off, lang = hit
            if unit == "now":
                if not whole and " " not in key and len(key) <= 4:
                    return None
                return done(now, "minute", True)
            if unit in ("week", "month", "year"):
                if unit == "week":
                    return done(now - timedelta(days=7), "week", True)
                return done(_add_months(now, -1 if unit == "month" else -12), unit, True)
            tm, tend = self._tail(text, end)
            if tm is False:
                tm = None
            elif tm is not None:
                end = tend
            if unit == "weekday":
                return _with_time(done, _last_weekday(now, off), tm)
            if unit == "day":
                if not whole and tm is None and len(key) <= 2:
                    return None
                return _with_time(done, now + timedelta(days=off), tm)
            return None

        if kind == "wd":
            key = norm(_g(m, "wd")).rstrip(".")
            hit = L.weekdays.get(key) or L.weekdays.get(key + ".")
            if hit is None:
                return None
            tm, tend = self._tail(text, end)
            if tm is False:
                tm = None
            elif tm is not None:
                end = tend
            wide = key in L.weekdays_wide
            if _g(m, "last") is None and tm is None and not wide:
                return None
            lang = hit[1]
            return _with_time(done, _last_weekday(now, hit[0]), tm)

        if kind == "epoch":
            if not whole:
                before = text[max(0, start - 16) : start]
                words = regex.findall(r"[\p{L}_]+", before.lower())
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
            if not tm or tm is True:
                return None
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
            hh_raw = _g(m, "hh") or ""
            if not whole and not (_g(m, "ap1") or _g(m, "ap2") or _g(m, "ss")):
                if len(hh_raw) < 2:
                    return None
            h, mi, s, prec, tz = tm
            base = now if tz is None else now.astimezone(tz)
            value = base.replace(hour=h, minute=mi, second=s, microsecond=0)
            if value > base:
                value -= timedelta(days=1)
            return done(value, prec, True)

        if kind in _DATE_KINDS:
            tm, tend = self._tail(text, end)
            if tm is False:
                tm = None
            elif tm is not None:
                end = tend
            res = self._date(m, text, now, order, tm, end)
            if res is None:
                return None
            value, prec, rel, lang = res
            return done(value, prec, rel)
        return None

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
            if (
                year is None
                and tm is None
                and not self.explicit
                and len(key) < 5
                and not text[m.end() - 1 : m.end()] == "."
                and not raw.endswith(".")
                and lang not in _MAJOR
            ):
                return None
        elif _g(m, "mon3") is not None:
            key = norm(_g(m, "mon3"))
            hit = L.months.get(key) or L.months.get(key.rstrip("."))
            if hit is None:
                return None
            month, lang = hit
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


_TOKEN = regex.compile(rf"\d+|[{_NOSPACE}]|[\p{{L}}\p{{M}}]+|[^\s\d\p{{L}}\p{{M}}]")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_NEXT_WORD = regex.compile(rf"[\s.,]{{0,2}}([{_NOSPACE}]|[\p{{L}}\p{{M}}]+)")
_DIGIT_NEXT = frozenset(":：-/.")
_AFTER_TIME = regex.compile(r"\s*[,·•|@-]?\s*(?:on\s+)?", regex.IGNORECASE)
_DIGIT_KINDS = ("iso", "cjk", "cjkym", "named1", "num", "mdt", "ago", "short", "epoch", "time")
_WORD_KINDS = ("cjk", "cjkym", "named1", "named2", "my", "ago", "rel", "wd", "time")
_DATE_KINDS = frozenset({"iso", "cjk", "cjkym", "named1", "named2", "my", "num", "mdt"})
#: Languages whose short month abbreviations may stand alone ("Sep 2").
_MAJOR = frozenset(
    "en de fr es pt it nl ru uk pl tr ar fa zh zh-Hant ja ko id vi sv da nb".split()
)


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
    return any(k in low for k in L.ampm)


def _g(m: Any, name: str) -> Any:
    """A named group of a match, None when this shape has no such group."""
    try:
        return m.group(name)
    except IndexError:
        return None


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
    a: str, b: str, c: str, sep: str, order: str | None, lang_order: str | None, ampm: bool
) -> tuple[int, int, int] | None:
    ai, bi, ci = int(a), int(b), int(c)
    year = ci if len(c) == 4 else 2000 + ci
    if len(c) == 2 and year > datetime.now().year + 20:
        year -= 100
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


def _last_weekday(now: datetime, wd: int) -> datetime:
    back = (now.weekday() - wd) % 7 or 7
    return now - timedelta(days=back)


TimeTuple = tuple[int, int, int, Precision, "tzinfo | None"]


def _time(m: Any, L: Lexicon) -> TimeTuple | None | bool:
    """The clock time of a match: None when absent, False when invalid."""
    hh = _g(m, "hh")
    if hh is None:
        return None
    h = int(hh)
    mi_raw = _g(m, "mi")
    ss_raw = _g(m, "ss")
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
                return False
        if kind == "pm" and h < 12:
            h += 12
        elif kind == "am" and h == 12:
            h = 0
    if h > 23 or mi > 59 or s > 60:
        return False
    s = min(s, 59)
    tz = _zone(_g(m, "tz"), L)
    return h, mi, s, prec, tz


def _zone(raw: str | None, L: Lexicon) -> tzinfo | None:
    if not raw:
        return None
    t = raw.strip().replace("−", "-")
    if t.upper() == "Z":
        return timezone.utc
    mm = regex.search(r"([+-])\s*(\d{1,2})(?::?(\d{2}))?$", t)
    base = 0
    word = regex.match(r"[\p{L}]+", t)
    if word:
        base_v = L.zones.get(norm(word.group()))
        if base_v is None:
            return None
        base = base_v
    if mm:
        sign = -1 if mm.group(1) == "-" else 1
        off = sign * (int(mm.group(2)) * 60 + int(mm.group(3) or 0))
        if word:
            base = off if norm(word.group()) in ("utc", "gmt", "ut") else base + off
        else:
            base = off
    if abs(base) >= 24 * 60:
        return None
    return timezone(timedelta(minutes=base))


def _with_time(done: Any, day: datetime, tm: TimeTuple | None) -> ParsedDate | None:
    if tm is None:
        result: ParsedDate = done(day.replace(hour=0, minute=0, second=0, microsecond=0), "day", True)
        return result
    h, mi, s, prec, tz = tm
    value = day.replace(hour=h, minute=mi, second=s, microsecond=0)
    if tz is not None:
        value = value.replace(tzinfo=tz)
    result = done(value, prec, True)
    return result


_PUNCT_ONLY = regex.compile(r"[\s\p{P}\p{S}]*")
_LEAD_WORDS = regex.compile(r"[\p{L}\p{M}'’]+")


def _clean_around(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """parse_date accepts a match when the rest of the text is filler."""
    if _PUNCT_ONLY.fullmatch(text, end) is None:
        tail = text[end:].strip(" \t\r\n.,;:!?()[]")
        if norm(tail) not in lex.time_suffix:
            return False
    head = text[:start]
    if not head.strip():
        return True
    if any(ch.isdigit() for ch in head):
        return False
    words = _LEAD_WORDS.findall(head)
    return len(words) <= 4
