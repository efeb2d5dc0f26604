#!/usr/bin/env python3
"""Generate the per-language date tables of ``postparse.dates`` from CLDR.

The CLDR data comes from the copy that `babel` ships (``pip install babel``);
babel is needed only here, never at run time. Run from the repository root::

    python tools/gen_date_tables.py

It writes ``src/postparse/dates/data/cldr/<lang>.json`` (one file per language)
and ``src/postparse/dates/data/index.json`` (word -> languages, used to guess
candidate languages when none are given). Hand-written colloquial forms live in
``src/postparse/dates/data/colloquial.json`` and are not touched by this script.

Each language file holds (all keys casefolded):

- ``months``: month name/abbreviation -> 1..12 (wide + abbreviated, format +
  stand-alone, so genitive forms such as "сентября" are included)
- ``weekdays``: weekday name -> 0..6 (Monday = 0); ``weekdays_wide`` lists the
  full names that may stand alone
- ``units``: unit word (as written next to the number in "N units ago") ->
  unit; ``implied``: unit word carrying its own count ("يومين" -> day, 2)
- ``ago_prefix`` / ``ago_suffix``: the words around "{0} unit" in past patterns
- ``in_prefix`` / ``in_suffix``: the same for future patterns ("in {0} days",
  "через {0} дня", "{0}天后"); their unit words join ``units``/``implied``
- ``patterns``: past patterns that could not be split, ``[regex-ish, unit]``
- ``relative``: phrase -> [unit, offset] ("gestern" -> ["day", -1],
  "letzte woche" -> ["week", -1], "jetzt" -> ["now", 0], "morgen" -> ["day", 1],
  "übermorgen" -> ["day", 2], "nächste woche" -> ["week", 1]); a phrase that
  is both past and future (Hindi "कल") keeps its past meaning
- ``last_weekday``: phrase -> weekday ("letzten montag" -> 0)
- ``ampm``: marker -> "am" | "pm"
- ``noon``: the wide day-period names of noon and midnight -> hour (12 | 0),
  unless the word is also a unit, month, weekday or relative word
- ``order``: "DMY" | "MDY" | "YMD" from the short date pattern
- ``fillers``: literal words of the date/time patterns ("de", "г.", "at")
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import regex
from babel import Locale, localedata

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "postparse" / "dates" / "data"

UNITS = ("year", "month", "week", "day", "hour", "minute", "second")
WIDTHS = ("", "-short", "-narrow")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PLURAL_N = {"zero": 0, "one": 1, "two": 2}
#: CLDR day periods that name a clock time, and their hour
NOON_HOURS = {"noon": 12, "midnight": 0}
#: Regional variants whose words are merged into the base language.
MERGE = {"pt": ["pt_PT"], "es": ["es_419", "es_MX"], "en": ["en_GB", "en_IN"], "fr": ["fr_CA"]}
#: Extra script variants exported as languages of their own.
EXTRA = ["zh_Hant", "sr_Latn", "yue_Hans"]
#: Text in Latin letters (and anything that is not a letter) only.
LATIN = regex.compile(r"[\P{L}\p{Latin}\p{Common}\p{Inherited}]*")
#: Scripts written without spaces: markers are split by characters there.
NOSPACE = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)


def cf(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).lower().replace("\u2019", "'").split())


def d(x: Any) -> Any:
    try:
        return {k: d(v) for k, v in x.items()}
    except AttributeError:
        return x


def tag(ident: str) -> str:
    return ident.replace("_", "-")


def literals(pattern: str) -> list[str]:
    """Literal words of an LDML pattern: quoted text and non-letter runs skipped."""
    out = []
    for m in re.finditer(r"'([^']+)'", pattern):
        out.append(m.group(1))
    unquoted = re.sub(r"'[^']*'", " ", pattern)
    for w in re.findall(r"[^\W\d_]+\.?", unquoted):
        if NOSPACE.search(w):
            continue
        if not re.fullmatch(r"[GyYuUrQqMLlwWdDFgEecabBhHKkjJCmsSAzZOvVXx]+", w.rstrip(".")):
            out.append(w)
    return [cf(w) for w in out if cf(w)]


def order_of(pattern: str) -> str | None:
    p = re.sub(r"'[^']*'", "", pattern)
    pos = {}
    for key, letters in (("D", "d"), ("M", "ML"), ("Y", "yu")):
        idx = [p.find(c) for c in letters if p.find(c) >= 0]
        if not idx:
            return None
        pos[key] = min(idx)
    return "".join(sorted(pos, key=pos.__getitem__))


def split_marker(patterns: list[tuple[str, str, str]]) -> tuple[set[str], set[str]]:
    """Find ago-markers: texts before/after "{0} unit" shared by >= 3 units."""
    pre_units: dict[str, set[str]] = defaultdict(set)
    suf_units: dict[str, set[str]] = defaultdict(set)
    for unit, _cat, pat in patterns:
        if "{0}" not in pat:
            continue
        before, after = pat.split("{0}", 1)
        b = before.strip()
        if b:
            pre_units[b].add(unit)
            toks = b.split()
            for i in range(1, len(toks)):
                pre_units[" ".join(toks[:i])].add(unit)
        a = after.strip()
        toks = a.split()
        for i in range(1, len(toks)):
            suf_units[" ".join(toks[i:])].add(unit)
        if len(toks) == 1 and NOSPACE.search(a):
            for i in range(1, len(a)):
                suf_units["\0" + a[i:]].add(unit)
    pres = {k for k, v in pre_units.items() if len(v) >= 3 and re.search(r"\w", k)}
    sufs = {k for k, v in suf_units.items() if len(v) >= 3}
    return pres, sufs


def future_words(
    fpats: list[tuple[str, str, str]],
    past_markers: set[str],
    units: dict[str, str],
    implied: dict[str, list[Any]],
    prefixes: set[str],
    suffixes: set[str],
) -> None:
    """Split future patterns ("in {0} days", "{0}天后") as the past ones are:
    markers shared by >= 3 units, the rest the unit word (past words win)."""
    pres, sufs = split_marker(fpats)
    pres -= past_markers
    sufs = {s for s in sufs if s.lstrip("\0") not in past_markers}
    for unit, cat, pat in fpats:
        pre = ""
        if "{0}" in pat:
            before, rest = (s.strip() for s in pat.split("{0}", 1))
            if before and before not in pres:
                continue  # unit word before the number ("baada ya siku {0}"): not read
            pre = before
        else:
            rest = pat.strip()
            for p in sorted(pres, key=len, reverse=True):
                if rest.startswith(p + " ") or (NOSPACE.search(p) and rest.startswith(p)):
                    pre, rest = p, rest[len(p) :].strip()
                    break
        suf = ""
        for s in sorted(sufs, key=len, reverse=True):
            s2 = s.lstrip("\0")
            if rest.endswith(" " + s2) or rest == s2 or (s.startswith("\0") and rest.endswith(s2)):
                suf, rest = s2, rest[: -len(s2)].strip()
                break
        if not (pre or suf) or not rest:
            continue
        if "{0}" in pat:
            for k in {rest, rest.rstrip(".")}:
                if k:
                    units.setdefault(k, unit)
        elif cat in PLURAL_N:
            implied.setdefault(rest, [unit, PLURAL_N[cat]])
        else:
            continue
        if pre:
            prefixes.add(pre)
        if suf:
            suffixes.add(suf)


def build(ident: str) -> dict[str, Any] | None:
    loc = Locale.parse(ident)
    locs = [loc] + [Locale.parse(v) for v in MERGE.get(ident, [])]
    root = Locale.parse("root")
    df = loc._data["date_fields"]
    rdf = root._data["date_fields"]
    if dict(df["day"]["past"]) == dict(rdf["day"]["past"]):
        return None  # inherits root only: no real relative-time data
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    wide: set[str] = set()
    units: dict[str, str] = {}
    units_pre: dict[str, str] = {}
    units_bare: dict[str, str] = {}
    implied: dict[str, list[Any]] = {}
    relative: dict[str, list[Any]] = {}
    future_rel: dict[str, list[Any]] = {}
    noon: dict[str, int] = {}
    in_prefixes: set[str] = set()
    in_suffixes: set[str] = set()
    last_weekday: dict[str, int] = {}
    ampm: dict[str, str] = {}
    fillers: set[str] = set()
    patterns: list[list[str]] = []
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for lc in locs:
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in lc.months[ctx][width].items():
                    for k in {cf(name), cf(name).rstrip(".")}:
                        if k and not k.isdigit():
                            months.setdefault(k, num)
                for num, name in lc.days[ctx][width].items():
                    for k in {cf(name), cf(name).rstrip(".")}:
                        if k and not k.isdigit():
                            weekdays.setdefault(k, num)
                            if width == "wide":
                                wide.add(k)
            for num, name in lc.days[ctx]["short"].items():
                k = cf(name).rstrip(".")
                if len(k) >= 2 and not k.isdigit():
                    weekdays.setdefault(k, num)
        for ctx in ("format", "stand-alone"):
            periods = lc.day_periods.get(ctx, {})
            for width in ("abbreviated", "wide", "narrow"):
                for key, name in periods.get(width, {}).items():
                    if key in ("am", "pm") and cf(name):
                        ampm.setdefault(cf(name), key)
            for width in ("wide", "abbreviated"):
                for key, name in periods.get(width, {}).items():
                    k = cf(name)
                    if key not in NOON_HOURS or not k or k.endswith(".") or k[0].isdigit():
                        continue
                    if len(k) >= 3 or NOSPACE.search(k):
                        noon.setdefault(k, NOON_HOURS[key])
        for fmt in ("short", "medium", "long", "full"):
            fillers.update(literals(lc.date_formats[fmt].pattern))
            fillers.update(literals(lc.time_formats[fmt].pattern))
            dtf = lc._data["datetime_formats"].get(fmt)
            if dtf:
                fillers.update(literals(str(dtf).replace("{0}", "").replace("{1}", "")))
        ldf = lc._data["date_fields"]
        # CLDR keeps untranslated English placeholders for some languages
        # (Coptic: '{0} hours ago'): a phrase in Latin letters where the
        # language writes its month names in another script is one of them
        latin = all(LATIN.fullmatch(m) for m in lc.months["format"]["wide"].values())

        def copied(phrase: str, latin: bool = latin) -> bool:
            return not latin and LATIN.fullmatch(phrase) is not None

        pats: list[tuple[str, str, str]] = []
        fpats: list[tuple[str, str, str]] = []
        for unit in UNITS:
            for width in WIDTHS:
                field = ldf.get(unit + width)
                if not field:
                    continue
                future = {cf(f) for f in field.get("future", {}).values()}
                for cat, pat in field.get("past", {}).items():
                    if cf(pat) in future:
                        continue  # CLDR slip: ar month-short past 'few' is the future form
                    if not copied(pat):
                        pats.append((unit, cat, cf(pat)))
                for cat, pat in field.get("future", {}).items():
                    if not copied(pat):
                        fpats.append((unit, cat, cf(pat)))
                for off, phrase in field.get("relative", {}).items():
                    if copied(phrase):
                        continue
                    off = int(off)
                    if unit == "day" and off in (0, -1, -2):
                        relative.setdefault(cf(phrase), ["day", off])
                    elif unit == "day" and off in (1, 2):
                        future_rel.setdefault(cf(phrase), ["day", off])
                    elif unit in ("week", "month", "year") and off == -1:
                        relative.setdefault(cf(phrase), [unit, -1])
                    elif unit in ("week", "month", "year") and off == 1:
                        future_rel.setdefault(cf(phrase), [unit, 1])
                    elif unit == "second" and off == 0:
                        relative.setdefault(cf(phrase), ["now", 0])
        for i, key in enumerate(WEEKDAY_KEYS):
            for width in WIDTHS:
                field = ldf.get(key + width)
                if field:
                    phrase = field.get("relative", {}).get(-1)
                    if phrase and not copied(phrase):
                        last_weekday.setdefault(cf(phrase), i)
        pres, sufs = split_marker(pats)
        for unit, cat, pat in pats:
            if "{0}" in pat:
                before, after = (s.strip() for s in pat.split("{0}", 1))
            else:
                before, after = "", pat.strip()
            word = None
            if "{0}" not in pat:
                # "قبل يومين": marker + a unit word that carries its count
                rest = pat.strip()
                for p in sorted(pres, key=len, reverse=True):
                    if rest.startswith(p + " ") or (NOSPACE.search(p) and rest.startswith(p)):
                        rest = rest[len(p) :].strip()
                        prefixes.add(p)
                        break
                for s in sorted(sufs, key=len, reverse=True):
                    s2 = s.lstrip("\0")
                    if rest.endswith(" " + s2) or (s.startswith("\0") and rest.endswith(s2)):
                        rest = rest[: -len(s2)].strip()
                        suffixes.add(s2)
                        break
                if rest and rest != pat.strip() and cat in PLURAL_N:
                    implied.setdefault(rest, [unit, PLURAL_N[cat]])
                continue
            if before in pres or not before:
                if before:
                    prefixes.add(before)
                a = after
                for s in sorted(sufs, key=len, reverse=True):
                    s2 = s.lstrip("\0")
                    if a.endswith(" " + s2) or a == s2 or (s.startswith("\0") and a.endswith(s2)):
                        a = a[: -len(s2)].strip()
                        suffixes.add(s2)
                        break
                word = a
            elif before and after and re.search(r"\w", before):
                # "mwaka {0} uliopita": the unit word stands before the number
                # the words after the number act as the "ago" marker
                units_pre.setdefault(before, unit)
                suffixes.add(after)
                continue
            if word is None or (not before and a == after and not word):
                patterns.append([pat, unit])
                continue
            if word:
                for k in {word, word.rstrip(".")}:
                    if k:
                        units.setdefault(k, unit)
                if not before and word == after and len(word.rstrip(".")) >= 3:
                    # "{0} órája": the unit word itself says "ago"
                    units_bare.setdefault(word, unit)
            elif not before:
                patterns.append([pat, unit])
        future_words(fpats, pres | sufs, units, implied, in_prefixes, in_suffixes)
    # a phrase both past and future (Hindi "कल") keeps its past meaning
    for k, v in future_rel.items():
        relative.setdefault(k, v)
    taken = set(units) | set(implied) | set(months) | set(weekdays) | set(relative) | set(ampm)
    noon = {k: v for k, v in noon.items() if k not in taken}
    in_prefixes -= prefixes
    in_suffixes -= suffixes
    order = order_of(loc.date_formats["short"].pattern) or "DMY"
    # Drop fillers that are really pattern glue of one character.
    fillers = {f for f in fillers if len(f.rstrip(".")) >= 1 and not f.isdigit()}
    return {
        "lang": tag(ident),
        "months": dict(sorted(months.items())),
        "weekdays": dict(sorted(weekdays.items())),
        "weekdays_wide": sorted(wide),
        "units": dict(sorted(units.items())),
        "units_pre": dict(sorted(units_pre.items())),
        "units_bare": dict(sorted(units_bare.items())),
        "implied": dict(sorted(implied.items())),
        "ago_prefix": sorted(prefixes),
        "ago_suffix": sorted(suffixes),
        "in_prefix": sorted(in_prefixes),
        "in_suffix": sorted(in_suffixes),
        "noon": dict(sorted(noon.items())),
        "patterns": sorted(patterns),
        "relative": dict(sorted(relative.items())),
        "last_weekday": dict(sorted(last_weekday.items())),
        "ampm": dict(sorted(ampm.items())),
        "order": order,
        "fillers": sorted(fillers),
    }


# The same word tokens the engine sees (letters with their combining marks).
sys.path.insert(0, str(ROOT / "src"))
from postparse.dates._engine import _WORDS  # noqa: E402

WORD = _WORDS.get()


def main() -> None:
    idents = sorted(i for i in localedata.locale_identifiers() if "_" not in i and i != "root")
    idents += EXTRA
    cldr = OUT / "cldr"
    cldr.mkdir(parents=True, exist_ok=True)
    for old in cldr.glob("*.json"):
        old.unlink()
    index: dict[str, set[str]] = defaultdict(set)
    written = []
    for ident in idents:
        try:
            table = build(ident)
        except Exception as exc:  # a locale babel cannot load fully
            print("skip", ident, exc)
            continue
        if table is None:
            continue
        lang = table["lang"]
        written.append(lang)
        (cldr / f"{lang}.json").write_text(
            json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
        )
        words: set[str] = set()
        for key in (
            "months",
            "weekdays",
            "units",
            "units_pre",
            "implied",
            "relative",
            "last_weekday",
            "noon",
        ):
            for phrase in table[key]:
                words.update(WORD.findall(phrase))
        for key in ("ago_prefix", "ago_suffix", "in_prefix", "in_suffix"):
            for phrase in table[key]:
                words.update(WORD.findall(phrase))
        for w in words:
            if not NOSPACE.search(w):
                index[w].add(lang)
    out = {w: ",".join(sorted(langs)) for w, langs in sorted(index.items())}
    (OUT / "index.json").write_text(
        json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(len(written), "languages:", " ".join(written))


if __name__ == "__main__":
    main()
