"""The built-in language identifier: script rules + per-script naive Bayes tables.

Pipeline for one text:

1. Normalise: drop URLs, e-mail addresses, @mentions, #hashtags (and Weibo
   ``#topic#``), then take the runs of letters (with their combining marks);
   digits, emoji and punctuation never reach the scorer.
2. Script histogram over those letters (CJK characters weigh more than
   alphabetic letters, since one carries about a word's worth of information).
   No script with a majority -> ``None`` (too mixed).
3. A script that belongs to one language decides it (Hangul -> ko, Greek -> el
   ...); kana -> ja; Han -> zh-Hans / zh-Hant by characters that exist in only
   one script form (OpenCC tables).
4. Otherwise the script's model (latin, cyrillic, arabic, devanagari) scores the
   words of that script: a known word is one lookup (its own cost plus its 1-3
   grams), an unknown word is scored by its padded 3-grams; naive Bayes with
   quantised costs. Per-language costs are packed as 32-bit fields of one Python
   int per feature, so adding a feature's costs for all languages is a single
   integer addition.

All tables are package data, each loaded on first use (never at import).
"""

from __future__ import annotations

import json
import math
import os
import re
import struct
from bisect import bisect_right
from itertools import repeat
from operator import add as _add
from operator import itemgetter
from typing import Any, Literal

import regex

__all__ = ["Scores", "analyse", "has_letter", "load_all", "strip_noise", "supported_tags"]

# --------------------------------------------------------------------------- normalising

# Things that are not the post's language.  No nested quantifiers; every branch is
# anchored on a literal character, so matching is linear.
_NOISE_RE = re.compile(
    r"""
      (?:https?|ftp)://[!-~]+         # URLs (ASCII body: stops at glued CJK text)
    | www\.[!-~]+
    | [@＠][^\s:：,，;；!！?？()（）]+     # @mentions (and the domain of an e-mail)
    | [#＃][^#＃\s]{1,60}[#＃]          # Weibo #topic#
    | [#＃][^\s#＃]+                   # #hashtags
    """,
    re.VERBOSE,
)
# Cheap test whether _NOISE_RE can match at all.
_NOISE_TRIGGERS = ("@", "#", "://", "www.", "＠", "＃")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_ASCII_WORD_RE = re.compile(r"[a-z]+")  # the same, on lower-cased ASCII text
# Fast path: does the text contain a letter at all?
_ANY_LETTER_RE = regex.compile(r"\p{L}")

_WORD_CACHE = 50000  # known words whose packed costs are kept once built
_MAX_CHARS = 2000  # only the first characters of very long texts are scored

_CJK_WEIGHT = 3  # a Han/kana/Hangul character counts as this many letters
_MIN_LETTERS = 3  # fewer letters (after weighting) -> None
_MIN_SHARE = 0.5  # the winning script needs more than this share of the letters


_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read(name: str) -> bytes:
    with open(os.path.join(_DATA, name), "rb") as fh:
        return fh.read()


def _load_json(name: str) -> Any:
    return json.loads(_read(name).decode("utf-8"))


class _Scripts:
    """Unicode script lookup (bisect over ranges, memoised per character)."""

    def __init__(self) -> None:
        raw = _load_json("scripts.json")
        self.starts: list[int] = [r[0] for r in raw["ranges"]]
        self.ends: list[int] = [r[1] for r in raw["ranges"]]
        self.names: list[str] = [r[2] for r in raw["ranges"]]
        self.unique: dict[str, str] = raw["unique"]
        self.groups: dict[str, str] = raw["groups"]
        self.markers: dict[str, list[tuple[str, list[str]]]] = raw["markers"]
        self.memo: dict[str, str] = {}

    def of(self, ch: str) -> str:
        sc = self.memo.get(ch)
        if sc is None:
            cp = ord(ch)
            i = bisect_right(self.starts, cp) - 1
            sc = self.names[i] if i >= 0 and cp <= self.ends[i] else "Other"
            if len(self.memo) < 65536:
                self.memo[ch] = sc
        return sc


_LITTLE: Literal["little"] = "little"


class _Model:
    """One script group's naive-Bayes tables.

    ``ngrams`` maps a padded 3-gram to its packed per-language costs (one Python int
    with a 32-bit field per language). Known words are looked up through
    ``word_index`` into ``word_matrix`` (same 32-bit layout); their packed int is
    built on first sight and kept in ``word_cache``. A word's costs already include
    those of its n-grams.
    """

    def __init__(self, group: str) -> None:
        blob = _read(f"model_{group}.bin")
        if blob[:8] != b"PPLANG1\n":
            raise ValueError(f"bad language model file for {group}")
        (hlen,) = struct.unpack("<I", blob[8:12])
        header = json.loads(blob[12 : 12 + hlen].decode("utf-8"))
        self.langs: list[str] = header["langs"]
        self.scale: float = float(header["scale"])
        prior: list[int] = header.get("prior") or [0] * len(self.langs)
        # Prior costs as one packed int, added to every text's total.
        self.prior = int.from_bytes(struct.pack(f"<{len(prior)}I", *prior), "little")
        n_langs = len(self.langs)
        self.row = 4 * n_langs
        self.unpack = struct.Struct(f"<{n_langs}I").unpack
        pos = 12 + hlen
        tables = header["tables"]

        info = tables["ngram"]
        n, kb, mb = info["n"], info["keys_bytes"], info["matrix_bytes"]
        ng_keys = blob[pos : pos + kb].decode("utf-8").split("\n") if n else []
        pos += kb
        matrix = blob[pos : pos + mb]
        pos += mb
        # Spread the 8-bit costs into 32-bit little-endian fields, one int per key.
        wide = bytearray(4 * mb)
        wide[0 :: 4 // info.get("width", 1)] = matrix
        w = self.row
        chunks = [wide[i : i + w] for i in range(0, len(wide), w)]
        self.ngrams: dict[str, int] = dict(
            zip(ng_keys, map(int.from_bytes, chunks, repeat(_LITTLE)), strict=True)
        )

        info = tables["word"]
        n, kb, mb = info["n"], info["keys_bytes"], info["matrix_bytes"]
        w_keys = blob[pos : pos + kb].decode("utf-8").split("\n") if n else []
        pos += kb
        ww = info.get("width", 2)
        if ww == 4:  # already 32-bit fields: slices of the file are the values
            self.word_matrix = blob[pos : pos + mb]
        else:
            raw = blob[pos : pos + mb]
            wide = bytearray(4 * (mb // ww))
            for j in range(ww):
                wide[j::4] = raw[j::ww]
            self.word_matrix = bytes(wide)
        self.word_index: dict[str, int] = dict(zip(w_keys, range(len(w_keys)), strict=True))
        self.word_cache: dict[str, int] = {}


class _State:
    scripts: _Scripts | None = None
    zh_hans: frozenset[str] = frozenset()
    zh_hant: frozenset[str] = frozenset()
    ja_kanji: frozenset[str] = frozenset()
    zh_particles: frozenset[str] = frozenset()
    zh_loaded = False
    models: dict[str, _Model] = {}  # noqa: RUF012 - module-level cache


def _scripts() -> _Scripts:
    if _State.scripts is None:
        _State.scripts = _Scripts()
    return _State.scripts


def load_all() -> None:
    """Load every table now (otherwise each loads on first use, Latin ~40 ms)."""
    sc = _scripts()
    _zh_sets()
    for group in sorted(set(sc.groups.values())):
        _model(group)


def _model(group: str) -> _Model:
    m = _State.models.get(group)
    if m is None:
        m = _State.models[group] = _Model(group)
    return m


def _zh_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    if not _State.zh_loaded:
        raw = _load_json("zh_chars.json")
        _State.zh_hans = frozenset(raw["hans_only"])
        _State.zh_hant = frozenset(raw["hant_only"])
        _State.ja_kanji = frozenset(raw.get("ja_only", ""))
        _State.zh_particles = frozenset(raw.get("zh_particles", ""))
        _State.zh_loaded = True
    return _State.zh_hans, _State.zh_hant, _State.ja_kanji


def supported_tags() -> frozenset[str]:
    """Every tag the built-in identifier can return."""
    sc = _scripts()
    tags = set(sc.unique.values()) | {"ja", "zh-Hans", "zh-Hant", "zh"}
    for group in sc.groups.values():
        tags.update(_model(group).langs)
    for marks in sc.markers.values():
        tags.update(tag for tag, _ in marks)
    return frozenset(tags)


# --------------------------------------------------------------------------- scoring


class Scores:
    """Raw outcome: best tag, runner-up, confidence, and what decided it."""

    __slots__ = ("confidence", "method", "runner_up", "script", "tag")

    def __init__(
        self,
        tag: str | None,
        confidence: float,
        runner_up: str | None,
        script: str | None,
        method: str,
    ) -> None:
        self.tag = tag
        self.confidence = confidence
        self.runner_up = runner_up
        self.script = script
        self.method = method


_NONE_EMPTY = Scores(None, 0.0, None, None, "empty")

_CJK = frozenset({"Han", "Hiragana", "Katakana", "Hangul"})
_first = itemgetter(0)
_last = itemgetter(-1)
_CJK_RES = [(name, regex.compile(rf"\p{{Script={name}}}")) for name in sorted(_CJK)]


def _score_group(group: str, words: list[str]) -> tuple[list[str], list[int], int]:
    """Sum of costs per language (1/scale nats) and the number of features used."""
    m = _model(group)
    cache = m.word_cache
    vals = list(map(cache.get, words))
    unknown: list[str] = []
    more: list[int] = []
    if None in vals:
        index = m.word_index.get
        mat = m.word_matrix
        row = m.row
        frm = int.from_bytes
        for w, v in zip(words, vals, strict=True):
            if v is None:
                i = index(w)
                if i is None:
                    unknown.append(w)
                    continue
                v = frm(mat[i * row : i * row + row], "little")
                if len(cache) < _WORD_CACHE:
                    cache[w] = v
                more.append(v)
    # None entries are dropped by filter(); a packed value is never 0.
    total = sum(filter(None, vals)) + sum(more)
    used = len(words) - len(unknown)
    if unknown:
        # Known words carry their n-grams' costs already; unknown ones are scored by
        # the 3-grams of one padded string: those of the padded words, plus 3-grams
        # that span a space, which are never in the table.
        ng = m.ngrams.get
        s = " " + " ".join(unknown) + " "
        s1 = s[1:]
        extra = sum(filter(None, map(ng, map(_add, map(_add, s, s1), s1[1:]))))
        if extra:
            total += extra
            used += 1
    if not used:
        return m.langs, [], 0
    return m.langs, list(m.unpack((total + m.prior).to_bytes(m.row, "little"))), used


_TEMPERATURE = 0.25  # softening of the naive-Bayes posterior (features are correlated)


def _posterior(langs: list[str], costs: list[int], scale: float) -> tuple[str, float, str | None]:
    """Best tag, softened posterior probability, runner-up."""
    lo = min(costs)
    best = costs.index(lo)
    runner: str | None = None
    if len(costs) > 1:
        rest = costs[:best] + costs[best + 1 :]
        r = rest.index(min(rest))
        runner = langs[r if r < best else r + 1]
    k = _TEMPERATURE / scale
    cut = lo + 12.0 / k  # farther languages add < e**-12 each
    exp = math.exp
    z = sum([exp((lo - c) * k) for c in costs if c < cut])
    return langs[best], 1.0 / z, runner


def strip_noise(text: str) -> str:
    """``text`` with URLs, e-mail domains, @mentions and #hashtags blanked out."""
    for trig in _NOISE_TRIGGERS:
        if trig in text:
            return _NOISE_RE.sub(" ", text)
    return text


def has_letter(text: str) -> bool:
    """Whether ``text`` holds at least one letter (in any script)."""
    return _ANY_LETTER_RE.search(text) is not None


def analyse(text: str) -> Scores:
    """Identify the language of ``text`` (never raises for a ``str``)."""
    if not text:
        return _NONE_EMPTY
    if len(text) > _MAX_CHARS:
        text = text[:_MAX_CHARS]
    text = strip_noise(text).lower()
    ascii_only = text.isascii()
    # For ASCII text the stdlib pattern finds the same runs, about twice as fast.
    words = (_ASCII_WORD_RE if ascii_only else _WORD_RE).findall(text)
    if not words:
        return _NONE_EMPTY
    sc = _scripts()  # tables load on first use: this one, the zh sets, each model
    of = sc.of
    hist: dict[str, int] = {}
    by_script: dict[str, list[str]] = {}
    rest = words
    if ascii_only:  # fast path: every word is Latin
        hist["Latin"] = sum(map(len, words))
        by_script["Latin"] = words
        rest = []
    get = sc.memo.get
    cjk: list[str] = []
    if rest:
        # Fast path: first and last letters of every word in one (memoised) script.
        firsts = set(map(get, map(_first, rest)))
        if len(firsts) == 1 and firsts == set(map(get, map(_last, rest))):
            (one,) = firsts
            if one is not None:
                if one == "Hangul":
                    hist[one] = sum(map(len, rest))
                elif one in _CJK:
                    cjk = rest
                else:
                    hist[one] = sum(map(len, rest))
                    by_script[one] = rest
                rest = []
    for w in rest:
        s = get(w[0]) or of(w[0])
        if s in _CJK:
            cjk.append(w)
            continue
        if len(w) > 1 and (get(w[-1]) or of(w[-1])) != s:
            # A word that mixes scripts: count letter by letter.
            for ch in w:
                cs = of(ch)
                if cs in _CJK:
                    cjk.append(ch)
                else:
                    hist[cs] = hist.get(cs, 0) + 1
            by_script.setdefault(s, []).append(w)
            continue
        hist[s] = hist.get(s, 0) + len(w)
        lst = by_script.get(s)
        if lst is None:
            by_script[s] = [w]
        else:
            lst.append(w)
    if cjk:
        joined = "".join(cjk)
        for name, rx in _CJK_RES:
            c = len(rx.findall(joined))
            if c:
                hist[name] = c
    hist.pop("Other", None)
    han = hist.get("Han", 0)
    kana = hist.get("Hiragana", 0) + hist.get("Katakana", 0)
    hangul = hist.get("Hangul", 0)
    if len(hist) == 1 and "Latin" in hist:  # the most common case, decided early
        total = hist["Latin"]
        if total < _MIN_LETTERS:
            return Scores(None, 0.0, None, None, "too-short")
        return _model_answer(sc, "Latin", 1.0, by_script)
    # Families: kana and Han together are "CJK"; weights make scripts comparable.
    fam: dict[str, int] = {}
    for s, c in hist.items():
        if s in ("Han", "Hiragana", "Katakana"):
            fam["CJK"] = fam.get("CJK", 0) + c * _CJK_WEIGHT
        elif s == "Hangul":
            fam[s] = c * _CJK_WEIGHT
        else:
            fam[s] = c
    total = sum(fam.values())
    if total < _MIN_LETTERS:
        return Scores(None, 0.0, None, None, "too-short")
    top = max(fam, key=lambda k: (fam[k], k))
    share = fam[top] / total
    if share <= _MIN_SHARE:
        return Scores(None, share, None, None, "mixed")
    if top == "CJK":
        hans, hant, ja_kanji = _zh_sets()
        joined_cjk = "".join(cjk)
        ns = sum(map(hans.__contains__, joined_cjk))
        nt = sum(map(hant.__contains__, joined_cjk))
        nj = sum(map(ja_kanji.__contains__, joined_cjk))
        # Kana decide Japanese, except a lone kana in Chinese text (Chinese posts
        # borrow の): too small a share, or a の beside Chinese-only characters.
        # Japanese-only kanji (発, 駅 ...) count as Japanese evidence too.
        if kana >= 2 or (kana and nj):
            return Scores("ja", share, None, "Kana", "script")
        if (
            kana
            and kana * 10 >= han + kana
            and not (
                "の" in joined_cjk
                and (ns + nt >= 2 or not _State.zh_particles.isdisjoint(joined_cjk))
            )
        ):
            return Scores("ja", share, None, "Kana", "script")
        if nj and nj * 2 > ns + nt:
            return Scores("ja", share * 0.8, None, "Han", "ja-kanji")
        if ns > nt:
            return Scores("zh-Hans", share * ns / (ns + nt), "zh-Hant", "Han", "zh-chars")
        if nt > ns:
            return Scores("zh-Hant", share * nt / (ns + nt), "zh-Hans", "Han", "zh-chars")
        return Scores("zh", share * 0.5, None, "Han", "zh-chars")
    if top == "Hangul" or hangul * 2 > total:
        return Scores("ko", share, None, "Hangul", "script")
    uniq = sc.unique.get(top)
    if uniq is not None:
        return Scores(uniq, share, None, top, "script")
    return _model_answer(sc, top, share, by_script)


def _model_answer(sc: _Scripts, top: str, share: float, by_script: dict[str, list[str]]) -> Scores:
    """Marker letters, then the script group's model, for the words of ``top``."""
    group = sc.groups.get(top)
    if group is None:
        return Scores(None, 0.0, None, top, "unsupported-script")
    mine = by_script.get(top, [])
    rules = sc.markers.get(group)
    if rules:
        joined = " ".join(mine)
        for tag, sets in rules:
            if all(any(ch in joined for ch in letters) for letters in sets):
                return Scores(tag, share, None, top, "marker")
    langs, costs, used = _score_group(group, mine)
    if not used:
        return Scores(None, 0.0, None, top, "no-features")
    tag, conf, runner = _posterior(langs, costs, _model(group).scale)
    return Scores(tag, conf * share, runner, top, "model")
