"""Dates: relative and absolute timestamps in many languages.

Interface (stable):

- ``parse_date(text, *, now=None, languages=None, order=None)`` -> ``ParsedDate | None``:
  the whole of ``text`` (surrounding whitespace and punctuation, and a few
  leading filler words such as "Last updated", aside) must be a date.
- ``search_date(text, *, now=None, languages=None, order=None)`` -> ``ParsedDate | None``:
  the first date expression inside ``text``; ``start``/``end`` locate it.
- ``infer_date_order(samples)`` -> ``"DMY" | "MDY" | "YMD" | None``: the
  day/month order that explains a document's numeric dates.

``order`` is ``"DMY"``, ``"MDY"`` or ``"YMD"`` and settles numeric dates
that are ambiguous; ``None`` lets the language (or the default) decide.

The engine reads per-language tables generated from CLDR
(``tools/gen_date_tables.py``) plus a hand-written table of colloquial
forms (``data/colloquial.json``); see ``docs/dates.md``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone

from ._engine import _WORDS, Matcher, _Lazy, has_nospace, scan_end
from ._result import ParsedDate
from ._tables import build_lexicon, canonical, norm, short_unit_owner, word_index

__all__ = [
    "DateParser",
    "ParsedDate",
    "find_dates",
    "guess_languages",
    "infer_date_order",
    "parse_date",
    "search_date",
]

#: Languages preferred when several tables know a word (first wins).
PRIORITY: tuple[str, ...] = (
    "en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "zh",
    "zh-Hant", "ja", "ko", "id", "vi", "hi", "sv", "da", "nb", "fi", "cs", "ro", "hu", "el",
)  # fmt: skip
_RANK = {lang: i for i, lang in enumerate(PRIORITY)}

#: (lowest, highest code point, candidate languages) of scripts without spaces
_SCRIPTS: tuple[tuple[int, int, tuple[str, ...]], ...] = (
    (0x3040, 0x30FF, ("ja",)),
    (0xAC00, 0xD7AF, ("ko",)),
    (0x1100, 0x11FF, ("ko",)),
    (0x3130, 0x318F, ("ko",)),
    (0x3400, 0x9FFF, ("zh", "zh-Hant", "ja")),
    (0xF900, 0xFAFF, ("zh", "zh-Hant", "ja")),
    (0x0E00, 0x0E7F, ("th",)),
    (0x0E80, 0x0EFF, ("lo",)),
    (0x1780, 0x17FF, ("km",)),
    (0x1000, 0x109F, ("my",)),
)
_MAX_CANDIDATES = 3


def _script_languages(text: str) -> tuple[str, ...]:
    """The candidate languages of the scripts without spaces in ``text``
    (in the order of :data:`_SCRIPTS`)."""
    hit = 0
    for ch in set(text):
        cp = ord(ch)
        if cp >= 0xE00:
            for i, (lo, hi, _langs) in enumerate(_SCRIPTS):
                if lo <= cp <= hi:
                    hit |= 1 << i
    got = _SCRIPT_SETS.get(hit)
    if got is None:
        out: dict[str, None] = {}
        for i, (_lo, _hi, langs) in enumerate(_SCRIPTS):
            if hit >> i & 1:
                out.update(dict.fromkeys(langs))
        got = _SCRIPT_SETS[hit] = tuple(out)
    return got


_SCRIPT_SETS: dict[int, tuple[str, ...]] = {}
#: Words that say nothing about the language (handled by every matcher).
_NEUTRAL = frozenset(
    [
        "s",
        "sec",
        "secs",
        "m",
        "min",
        "mins",
        "h",
        "hr",
        "hrs",
        "d",
        "w",
        "wk",
        "wks",
        "mo",
        "mos",
        "y",
        "yr",
        "yrs",
        "am",
        "pm",
        "a",
        "p",
        "t",
        "z",
        "utc",
        "gmt",
    ]
)


def _sort_langs(langs: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(langs), key=lambda x: (_RANK.get(x, len(_RANK)), x)))


def guess_languages(text: str, keys: list[str] | None = None) -> tuple[str, ...]:
    """Candidate languages for ``text``: cheap, from its script and known words.

    Each known word votes for the languages whose tables hold it, with weight
    1/(number of such languages), so rare words decide and common ones
    ("a", "h") barely count. Words every language shares (short units,
    AM/PM) are ignored: the language-neutral matcher handles them.
    ``keys`` are the text's words as :func:`_norm_words` gives them, when
    known already.
    """
    found: list[str] = list(_script_languages(text)) if has_nospace(text) else []
    index = word_index()
    scores: dict[str, float] = {}
    for key in _norm_words(text) if keys is None else keys:
        if key in _NEUTRAL or (len(key) < 2 and key.isascii()):
            continue
        own = short_unit_owner(key)
        if own:
            # a bare age unit of its own ('4 sa', '45 mnt'): strong evidence
            for lang in own:
                scores[lang] = scores.get(lang, 0.0) + 1.0
        hit = index.get(key)
        if hit:
            hit_langs = hit.split(",")
            w = 1.0 / len(hit_langs)
            if len(key) <= 2:
                w *= 0.25  # "nd", "de", "am": weak evidence
            for lang in hit_langs:
                scores[lang] = scores.get(lang, 0.0) + w
    if scores:
        best = max(scores.values())
        top = sorted(
            (lang for lang, sc in scores.items() if sc >= best * 0.5),
            key=lambda x: (-scores[x], _RANK.get(x, len(_RANK)), x),
        )
        found.extend(top[:_MAX_CANDIDATES])
        if "en" in scores and "en" not in found:
            found.append("en")  # the lingua franca of dumps, when it knows a word
    seen: dict[str, None] = {}
    for lang in found:
        seen.setdefault(lang, None)
    return tuple(seen)


class DateParser:
    """Caches one compiled :class:`Matcher` per language (or given language set).

    With ``languages=None`` the candidate languages are guessed from the
    text (script and known words) and each candidate's own matcher runs;
    the leftmost, then longest, answer wins. Given languages are merged into
    one matcher (first language wins on conflicting words) whose numeric
    day/month order is trusted.
    """

    def __init__(self, *, fast: bool = True) -> None:
        #: reject cheaply what cannot hold a date (False: the scanner alone
        #: decides; the answers are the same, see tests/dates)
        self.fast = fast
        self._matchers: dict[tuple[tuple[str, ...], bool], Matcher] = {}
        self._hints: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._hinted: dict[tuple[str, ...], Matcher] = {}
        self._neutral_matcher: Matcher | None = None
        self._script_seen: dict[tuple[str, ...], int] = {}

    def matcher(self, langs: tuple[str, ...], explicit: bool = False) -> Matcher:
        key = (langs, explicit)
        m = self._matchers.get(key)
        if m is None:
            if len(self._matchers) > 512:
                self._matchers.clear()
                self._hinted.clear()
            m = Matcher(build_lexicon(langs), explicit=explicit)
            self._matchers[key] = m
        return m

    def _given(self, languages: Sequence[str]) -> tuple[str, ...]:
        key = tuple(languages)
        hit = self._hints.get(key)
        if hit is None:
            out: list[str] = []
            for lang in key:
                c = canonical(lang)
                if c is not None and c not in out:
                    out.append(c)
            hit = tuple(out)
            self._hints[key] = hit
        return hit

    def search(
        self,
        text: str,
        *,
        now: datetime | None = None,
        languages: Sequence[str] | None = None,
        order: str | None = None,
        whole: bool = False,
        start: int = 0,
    ) -> ParsedDate | None:
        if not isinstance(text, str) or not text:
            return None
        if order is not None and order not in ("DMY", "MDY", "YMD"):
            raise ValueError(f"order must be 'DMY', 'MDY' or 'YMD', not {order!r}")
        if isinstance(now, str):
            now = _now(now)
        if "\u200f" in text or "\u200e" in text or "\u061c" in text:
            return self._search_past_marks(text, now, languages, order, whole, start)
        if languages is not None:
            key = tuple(languages)
            hinted = self._hinted.get(key)
            if hinted is None:
                hinted = self._hinted[key] = self.matcher(self._given(languages), True)
            if self.fast and not self._may_hold(text, whole, hinted):
                return None
            return hinted.find(text, _now(now), order, whole, start, gate=False)
        keys = None
        if self.fast:
            route, keys = self._route(text, whole)
            if route == _NO_DATE:
                return None
            if route == _NEUTRAL_ONLY:
                return self._neutral().find(text, _now(now), order, whole, start, gate=False)
        ref = _now(now)
        cands = guess_languages(text, keys)
        if not cands:
            return self._neutral().find(text, ref, order, whole, start, gate=self.fast)
        best: ParsedDate | None = None
        for lang in cands:
            m = self.matcher((lang,), False)
            res = m.find(text, ref, order, whole, start, gate=self.fast)
            if res is not None and (
                best is None
                or res.start < best.start
                or (res.start == best.start and res.end > best.end)
            ):
                best = res
        return best

    def _search_past_marks(
        self,
        text: str,
        now: datetime | None,
        languages: Sequence[str] | None,
        order: str | None,
        whole: bool,
        start: int,
    ) -> ParsedDate | None:
        """:meth:`search` of a text holding bidi marks (U+200E, U+200F,
        U+061C), which right-to-left locales put inside their dates
        ('٢٥\u200f/٨\u200f/٢٠٢٤'): the text is read without them and the
        answer located in ``text``."""
        keep = [i for i, ch in enumerate(text) if ch not in _BIDI_MARKS]
        clean = "".join([text[i] for i in keep])
        found = self.search(
            clean,
            now=now,
            languages=languages,
            order=order,
            whole=whole,
            start=bisect_left(keep, start),
        )
        if found is None:
            return None
        begin = keep[found.start] if found.start < len(keep) else len(text)
        end = keep[found.end - 1] + 1 if found.end > found.start else begin
        return ParsedDate(
            found.value,
            found.precision,
            found.relative,
            text[begin:end],
            begin,
            end,
            found.language,
        )

    def _may_hold(self, text: str, whole: bool, hinted: Matcher) -> bool:
        """False when the matcher of the given languages finds no date in
        ``text`` (its :meth:`~Matcher.may_hold`)."""
        if len(text) > 256 and scan_end(text, whole) < len(text):
            return True  # the scanner sees only a part of it: not gated
        if text.isascii():
            return hinted.ascii_may_hold(text, text.lower())
        return hinted.may_hold(text)

    def _route(self, text: str, whole: bool) -> tuple[int, list[str] | None]:
        """Without a hint: which matchers can find a date in ``text`` (and
        the text's words for :func:`guess_languages`, when looked up).

        Text without a known word of any language (nor a character of a
        script without spaces) guesses no language (:func:`guess_languages`),
        so only the language-neutral matcher would look at it, and its gate
        decides: :data:`_NO_DATE` or :data:`_NEUTRAL_ONLY`. Otherwise
        :data:`_GUESS`: the guessed matchers run (with their own gates).
        """
        if len(text) > 256 and scan_end(text, whole) < len(text):
            return _GUESS, None  # the scanner sees only a part of it: not gated
        if text.isascii():  # the common case, in one go
            low = text.lower()
            keys = _ASCII_WORD.findall(low)
            if not (_VOTING or _voting_words()).isdisjoint(keys):  # _guesses_language
                return _GUESS, keys
            gated = (self._neutral_matcher or self._neutral()).ascii_may_hold(text, low)
            return (_NEUTRAL_ONLY if gated else _NO_DATE), keys
        keys = _norm_words(text)
        if has_nospace(text):
            if _guesses_language(keys):
                return _GUESS, keys
            # only the script guesses: one gate for its languages together
            # (their merged tables hold every word of each), built the second
            # time a script is seen so that a one-off call does not pay for it
            langs = _script_languages(text)
            seen = self._script_seen.get(langs, 0)
            if seen < 2:
                self._script_seen[langs] = seen + 1
                return _GUESS, keys
            return (_GUESS if self.matcher(langs, False).may_hold(text) else _NO_DATE), keys
        if _guesses_language(keys):
            return _GUESS, keys
        return (_NEUTRAL_ONLY if self._neutral().may_hold(text) else _NO_DATE), keys

    def _neutral(self) -> Matcher:
        m = self._neutral_matcher
        if m is None:
            m = self._neutral_matcher = self.matcher((), False)
        return m


#: bidi marks that right-to-left locales scatter inside dates
_BIDI_MARKS = frozenset("\u200e\u200f\u061c")
#: :meth:`DateParser._route`: no date / only the neutral matcher / guess languages
_NO_DATE, _NEUTRAL_ONLY, _GUESS = 0, 1, 2
#: a word of ASCII text (lower-cased), as :data:`._engine._WORDS` finds it
_ASCII_WORD = re.compile("[a-z]+")


def _norm_words(text: str) -> list[str]:
    """``[norm(w) for w in _WORDS.findall(text)]``, the keys of :func:`guess_languages`.

    For NFC text without İ, Σ and ʼ that is the words of ``text.lower()``
    (lower case keeps letters letters and, but for those, is one character
    to one and context-free), found in one go.
    """
    if (
        "\u0130" not in text
        and "\u03a3" not in text
        and "\u02bc" not in text
        and unicodedata.is_normalized("NFC", text)
    ):
        return _WORDS.get().findall(text.lower())
    return [norm(w) for w in _WORDS.get().findall(text)]


def _guesses_language(words: list[str]) -> bool:
    """Would :func:`guess_languages` count one of ``words`` (normalized)?
    Text with none of them (and no character of a script without spaces)
    guesses no language."""
    voting = _VOTING
    if voting is None:
        voting = _voting_words()
    return not voting.isdisjoint(words)


_VOTING: frozenset[str] | None = None


def _voting_words() -> frozenset[str]:
    """The words :func:`guess_languages` counts from the index: known to a
    language, not shared by all (:data:`_NEUTRAL`), not one ASCII letter."""
    global _VOTING
    index = word_index()
    voting = {
        k for k, v in index.items() if v and k not in _NEUTRAL and not (len(k) < 2 and k.isascii())
    }
    _VOTING = frozenset(voting)
    return _VOTING


_PARSER = DateParser()


def _now(now: datetime | str | None) -> datetime:
    """``now`` as an aware datetime: None is the current time, a naive value
    (or an ISO 8601 string without offset) is UTC."""
    if now is None:
        return datetime.now(timezone.utc)
    if isinstance(now, str):
        now = datetime.fromisoformat(now.strip().replace("Z", "+00:00"))
    return now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)


def search_date(
    text: str,
    *,
    now: datetime | str | None = None,
    languages: Sequence[str] | None = None,
    order: str | None = None,
) -> ParsedDate | None:
    """The first date expression in ``text`` (``start``/``end`` locate it)."""
    if isinstance(now, str):
        now = _now(now)
    return _PARSER.search(text, now=now, languages=languages, order=order)


def find_dates(
    text: str,
    *,
    now: datetime | str | None = None,
    languages: Sequence[str] | None = None,
    order: str | None = None,
) -> Iterator[ParsedDate]:
    """Every date expression in ``text``, left to right, not overlapping."""
    ref = _now(now)
    pos = 0
    while pos < len(text):
        found = _PARSER.search(text, now=ref, languages=languages, order=order, start=pos)
        if found is None:
            return
        yield found
        pos = max(found.end, pos + 1)


def parse_date(
    text: str,
    *,
    now: datetime | str | None = None,
    languages: Sequence[str] | None = None,
    order: str | None = None,
) -> ParsedDate | None:
    """``text`` as one date expression, or None."""
    if isinstance(now, str):
        now = _now(now)
    if isinstance(text, str) and text[:1].isdigit():
        iso = _iso_minute(text)
        if iso is not None:
            return iso
    return _PARSER.search(text, now=now, languages=languages, order=order, whole=True)


#: 'YYYY-MM-DD HH:MM[:SS]' (or with 'T'): the stamp of most bylines and
#: exports, read without the engine (the same answer, a fifth of the cost;
#: tests/dates checks the two agree)
_ISO_MINUTE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?"
)


def _iso_minute(text: str) -> ParsedDate | None:
    m = _ISO_MINUTE.fullmatch(text)
    if m is None:
        return None
    y, mo, d, h, mi, sec = m.groups()
    try:
        value = datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0))
    except ValueError:
        return None  # and its answer for impossible dates
    return ParsedDate(value, "second" if sec else "minute", False, text, 0, len(text))


_NUMERIC = _Lazy(
    # a bidi mark may follow a number and an Arabic comma the date
    # ('٢٥\u200f/٨\u200f/٢٠٢٤، ٩:١٥ م')
    r"(?<![\d.:/-])(\d{1,4})[\u200e\u200f\u061c]?([./-])(\d{1,2})[\u200e\u200f\u061c]?\2(\d{1,4})(?!\d)"
    r"(?:[,،\s]+T?(\d{1,2})[:：](\d{2}))?"
)


def infer_date_order(samples: Iterable[str]) -> str | None:
    """The day/month order ("DMY", "MDY" or "YMD") that explains ``samples``.

    A field above 12 settles it; otherwise the order under which the dates
    run forward in time (and stay consistent) wins, then the one that packs
    them into far less time. None when undecided.
    """
    votes = {"DMY": 0, "MDY": 0, "YMD": 0}
    seqs: list[tuple[int, int, int, int]] = []
    numeric = _NUMERIC.get()
    dots = 0
    count = 0
    for s in samples:
        count += 1
        if count > 10000:
            break
        for m in numeric.finditer(s):
            a, b, c = m.group(1), m.group(3), m.group(4)
            if len(a) == 4:
                votes["YMD"] += 1
                continue
            if len(a) == 3 or len(c) == 3:
                continue
            if m.group(2) == "-" and len(a) <= 2 and len(c) <= 2:
                # '24-9-8' is year first (no one-digit year); '23-11-11'
                # may be either way round: left to the dump's format
                if len(c) == 1:
                    votes["YMD"] += 3
                continue
            if len(c) == 1:
                continue
            ai, bi = int(a), int(b)
            hm = int(m.group(5) or 0) * 60 + int(m.group(6) or 0)
            yr = int(c) if len(c) == 4 else 2000 + int(c)
            if ai > 12 and bi <= 12:
                votes["DMY"] += 3
            elif bi > 12 and ai <= 12:
                votes["MDY"] += 3
            seqs.append((yr, ai, bi, hm))
            dots += m.group(2) == "."
    if votes["YMD"] and votes["YMD"] >= votes["DMY"] + votes["MDY"]:
        return "YMD"
    if votes["DMY"] != votes["MDY"] and max(votes["DMY"], votes["MDY"]) >= 3:
        return "DMY" if votes["DMY"] > votes["MDY"] else "MDY"
    if len(seqs) < 2:
        return "DMY" if seqs and dots == len(seqs) else None

    def forward(dmy: bool) -> int:
        score = 0
        prev: tuple[int, int, int, int] | None = None
        for yr, a, b, hm in seqs:
            day, month = (a, b) if dmy else (b, a)
            if month > 12 or day > 31:
                return -(10**9)
            key = (yr, month, day, hm)
            if prev is not None:
                score += 1 if key >= prev else -1
            prev = key
        return score

    def span(dmy: bool) -> int:
        # days (roughly) from the earliest to the latest date of the reading
        keys = [yr * 372 + (b if dmy else a) * 31 + (a if dmy else b) for yr, a, b, _ in seqs]
        return max(keys) - min(keys)

    d, mdy = forward(True), forward(False)
    if d == mdy:
        # both run forward: a chat or a page is dense in time, so the reading
        # that packs the dates into far less time wins ('2/9/24' ... '9/9/24':
        # one week, not seven months)
        sd, sm = span(True), span(False)
        if 4 * sd < sm:
            return "DMY"
        if 4 * sm < sd:
            return "MDY"
        # still undecided: day.month.year is the only dotted convention
        return "DMY" if seqs and dots >= 0.8 * len(seqs) else None
    return "DMY" if d > mdy else "MDY"
