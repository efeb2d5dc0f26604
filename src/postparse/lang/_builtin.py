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
   words of that script: character 1-3 grams of each padded word plus the word
   itself, naive Bayes with quantised costs. Per-language costs are packed as
   32-bit fields of one Python int per feature, so adding a feature's costs for
   all languages is a single integer addition.

All tables are package data, loaded lazily on first use of a script group.
"""

from __future__ import annotations

import json
import math
import os
import re
import struct
from operator import add as _add
from bisect import bisect_right
from typing import Any

import regex

__all__ = ["Scores", "analyse", "load_all", "supported_tags"]

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


class _Model:
    """One script group's naive-Bayes tables.

    ``ngrams`` maps a 1-3 gram to its packed per-language costs (one Python int with
    a 32-bit field per language). Known words are looked up through ``word_index``
    into ``word_matrix`` (same layout, built on first sight and kept in
    ``word_cache``); a word's costs already include those of its n-grams.
    """

    def __init__(self, group: str) -> None:
        blob = _read(f"model_{group}.bin")
        if blob[:8] != b"PPLANG1\n":
            raise ValueError(f"bad language model file for {group}")
        (hlen,) = struct.unpack("<I", blob[8:12])
        header = json.loads(blob[12 : 12 + hlen].decode("utf-8"))
        self.langs: list[str] = header["langs"]
        self.scale: float = float(header["scale"])
        n_langs = len(self.langs)
        self.row = 4 * n_langs
        self.unpack = struct.Struct(f"<{n_langs}I").unpack
        pos = 12 + hlen
        parts: dict[str, tuple[list[str], bytes]] = {}
        for name in ("ngram", "word"):
            info = header["tables"][name]
            n, kb, mb = info["n"], info["keys_bytes"], info["matrix_bytes"]
            keys = blob[pos : pos + kb].decode("utf-8").split("\n") if n else []
            pos += kb
            matrix = blob[pos : pos + mb]
            pos += mb
            # Spread the 8- or 16-bit costs into 32-bit little-endian fields.
            width = info.get("width", 1)
            wide = bytearray(4 * n * n_langs)
            for j in range(width):
                wide[j::4] = matrix[j::width]
            parts[name] = (keys, bytes(wide))
        keys, wide = parts["ngram"]
        w = self.row
        frm = int.from_bytes
        self.ngrams: dict[str, int] = {
            k: frm(wide[i * w : i * w + w], "little") for i, k in enumerate(keys)
        }
        keys, self.word_matrix = parts["word"]
        self.word_index: dict[str, int] = dict(zip(keys, range(len(keys)), strict=True))
        self.word_cache: dict[str, int] = {}


class _State:
    scripts: _Scripts | None = None
    zh_hans: frozenset[str] = frozenset()
    zh_hant: frozenset[str] = frozenset()
    zh_loaded = False
    models: dict[str, _Model] = {}  # noqa: RUF012 - module-level cache


def _scripts() -> _Scripts:
    if _State.scripts is None:
        _State.scripts = _Scripts()
    return _State.scripts


def load_all() -> None:
    """Load every table now (the first call does this; about 60 ms)."""
    sc = _scripts()
    _zh_sets()
    for group in sorted(set(sc.groups.values())):
        _model(group)


def _model(group: str) -> _Model:
    m = _State.models.get(group)
    if m is None:
        m = _State.models[group] = _Model(group)
    return m


def _zh_sets() -> tuple[frozenset[str], frozenset[str]]:
    if not _State.zh_loaded:
        raw = _load_json("zh_chars.json")
        _State.zh_hans = frozenset(raw["hans_only"])
        _State.zh_hant = frozenset(raw["hant_only"])
        _State.zh_loaded = True
    return _State.zh_hans, _State.zh_hant


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


def _score_group(group: str, words: list[str]) -> tuple[list[str], list[int], int]:
    """Sum of costs per language (1/scale nats) and the number of features used."""
    m = _model(group)
    cache = m.word_cache
    get = cache.get
    index = m.word_index.get
    mat = m.word_matrix
    row = m.row
    vals: list[int] = []
    unknown: list[str] = []
    for w in words:
        v = get(w)
        if v is None:
            i = index(w)
            if i is None:
                unknown.append(w)
                continue
            v = int.from_bytes(mat[i * row : i * row + row], "little")
            if len(cache) < _WORD_CACHE:
                cache[w] = v
        vals.append(v)
    if unknown:
        # Known words carry their n-grams' costs already; unknown ones are scored
        # n-gram by n-gram over one padded string.  Its 2-grams are exactly the
        # words' padded 2-grams; 3-grams that span a space are never in the table.
        ng = m.ngrams.get
        s = " " + " ".join(unknown) + " "
        s1 = s[1:]
        bi = list(map(_add, s, s1))
        vals += [v for v in map(ng, s) if v is not None]
        vals += [v for v in map(ng, bi) if v is not None]
        vals += [v for v in map(ng, map(_add, bi, s1[1:])) if v is not None]
    if not vals:
        return m.langs, [], 0
    return m.langs, list(m.unpack(sum(vals).to_bytes(m.row, "little"))), len(vals)


_TEMPERATURE = 0.25  # softening of the naive-Bayes posterior (features are correlated)


def _posterior(
    langs: list[str], costs: list[int], scale: float
) -> tuple[str, float, str | None]:
    """Best tag, softened posterior probability, runner-up."""
    lo = min(costs)
    best = costs.index(lo)
    runner: str | None = None
    if len(costs) > 1:
        rest = costs[:best] + costs[best + 1 :]
        r = rest.index(min(rest))
        runner = langs[r if r < best else r + 1]
    k = _TEMPERATURE / scale
    cut = lo + 40.0 / k
    exp = math.exp
    z = sum([exp((lo - c) * k) for c in costs if c < cut])
    return langs[best], 1.0 / z, runner


def analyse(text: str) -> Scores:
    """Identify the language of ``text`` (never raises for a ``str``)."""
    if not text or not _ANY_LETTER_RE.search(text):
        return _NONE_EMPTY
    if len(text) > _MAX_CHARS:
        text = text[:_MAX_CHARS]
    for trig in _NOISE_TRIGGERS:
        if trig in text:
            text = _NOISE_RE.sub(" ", text)
            break
    words = _WORD_RE.findall(text.lower())
    if not words:
        return _NONE_EMPTY
    sc = _State.scripts
    if sc is None:
        load_all()
        sc = _scripts()
    of = sc.of
    hist: dict[str, int] = {}
    by_script: dict[str, list[str]] = {}
    for w in words:
        if w.isascii():
            hist["Latin"] = hist.get("Latin", 0) + len(w)
            lst = by_script.get("Latin")
            if lst is None:
                by_script["Latin"] = [w]
            else:
                lst.append(w)
            continue
        s = of(w[0])
        if s in _CJK or (len(w) > 1 and of(w[-1]) != s):
            for ch in w:
                cs = of(ch)
                hist[cs] = hist.get(cs, 0) + 1
            if s not in _CJK:
                by_script.setdefault(s, []).append(w)
        else:
            hist[s] = hist.get(s, 0) + len(w)
            lst = by_script.get(s)
            if lst is None:
                by_script[s] = [w]
            else:
                lst.append(w)
    hist.pop("Other", None)
    han = hist.get("Han", 0)
    kana = hist.get("Hiragana", 0) + hist.get("Katakana", 0)
    hangul = hist.get("Hangul", 0)
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
        if kana and kana * 10 >= han + kana:
            return Scores("ja", share, None, "Kana", "script")
        hans, hant = _zh_sets()
        ns = nt = 0
        for w in words:
            for ch in w:
                if ch in hans:
                    ns += 1
                elif ch in hant:
                    nt += 1
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
