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
   16-bit fields of one Python int per feature, so adding a feature's costs for
   all languages is a single integer addition.

All tables are package data, loaded lazily on first use of a script group.
"""

from __future__ import annotations

import gzip
import json
import math
import struct
from bisect import bisect_right
from importlib import resources
from typing import Any

import regex

__all__ = ["Scores", "analyse", "supported_tags"]

# --------------------------------------------------------------------------- normalising

# Things that are not the post's language.  No nested quantifiers; every branch is
# anchored on a literal character, so matching is linear.
_NOISE_RE = regex.compile(
    r"""
      (?:https?|ftp)://\S+            # URLs
    | www\.\S+
    | \S+@\S+\.\w+                    # e-mail addresses
    | [@＠][\w.]+                      # @mentions
    | [#＃][^#＃\s]{1,60}[#＃]          # Weibo #topic#
    | [#＃]\w+                         # #hashtags
    """,
    regex.VERBOSE,
)
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
# Fast path: does the text contain a letter at all?
_ANY_LETTER_RE = regex.compile(r"\p{L}")

_MAX_CHARS = 2000  # only the first characters of very long texts are scored
_CHUNK = 250  # features summed before the packed 16-bit fields are unpacked

_CJK_WEIGHT = 3  # a Han/kana/Hangul character counts as this many letters
_MIN_LETTERS = 3  # fewer letters (after weighting) -> None
_MIN_SHARE = 0.5  # the winning script needs more than this share of the letters


def _load_json(name: str) -> Any:
    data = resources.files(__package__).joinpath("data", name).read_bytes()
    return json.loads(data.decode("utf-8"))


class _Scripts:
    """Unicode script lookup (bisect over ranges, memoised per character)."""

    def __init__(self) -> None:
        raw = _load_json("scripts.json")
        self.starts: list[int] = [r[0] for r in raw["ranges"]]
        self.ends: list[int] = [r[1] for r in raw["ranges"]]
        self.names: list[str] = [r[2] for r in raw["ranges"]]
        self.unique: dict[str, str] = raw["unique"]
        self.groups: dict[str, str] = raw["groups"]
        self.markers: dict[str, list[list[str]]] = raw["markers"]
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
    """One script group's naive-Bayes tables."""

    def __init__(self, group: str) -> None:
        blob = gzip.decompress(
            resources.files(__package__).joinpath("data", f"model_{group}.bin.gz").read_bytes()
        )
        if blob[:8] != b"PPLANG1\n":
            raise ValueError(f"bad language model file for {group}")
        (hlen,) = struct.unpack("<I", blob[8:12])
        header = json.loads(blob[12 : 12 + hlen].decode("utf-8"))
        self.langs: list[str] = header["langs"]
        self.scale: float = float(header["scale"])
        n_langs = len(self.langs)
        pos = 12 + hlen
        self.tables: dict[str, dict[str, int]] = {}
        for name in ("ngram", "word"):
            info = header["tables"][name]
            n, kb, mb = info["n"], info["keys_bytes"], info["matrix_bytes"]
            keys = blob[pos : pos + kb].decode("utf-8").split("\n") if n else []
            pos += kb
            matrix = blob[pos : pos + mb]
            pos += mb
            # Spread the 8-bit costs into 16-bit little-endian fields.
            wide = bytearray(2 * mb)
            wide[0::2] = matrix
            w = 2 * n_langs
            frm = int.from_bytes
            self.tables[name] = {
                k: frm(wide[i * w : i * w + w], "little") for i, k in enumerate(keys)
            }
        self.ngrams = self.tables["ngram"]
        self.words = self.tables["word"]


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


def _unpack(acc: int, n: int) -> list[int]:
    return [(acc >> (16 * i)) & 0xFFFF for i in range(n)]


def _score_group(group: str, words: list[str]) -> tuple[list[str], list[float], int]:
    """Sum of costs per language (in nats) and the number of features used."""
    m = _model(group)
    n = len(m.langs)
    ng = m.ngrams.get
    wd = m.words.get
    totals = [0] * n
    wtotals = [0] * n
    acc = 0
    wacc = 0
    used = 0
    pending = 0
    for w in words:
        v = wd(w)
        if v is not None:
            wacc += v
            used += 1
        p = " " + w + " "
        lp = len(p)
        # 1-grams (letters), 2-grams and 3-grams of the padded word.
        for i in range(1, lp - 1):
            v = ng(p[i])
            if v is not None:
                acc += v
                used += 1
        for i in range(lp - 1):
            v = ng(p[i : i + 2])
            if v is not None:
                acc += v
                used += 1
        for i in range(lp - 2):
            v = ng(p[i : i + 3])
            if v is not None:
                acc += v
                used += 1
        pending += 3 * lp + 1
        if pending >= _CHUNK:
            totals = [a + b for a, b in zip(totals, _unpack(acc, n), strict=True)]
            wtotals = [a + b for a, b in zip(wtotals, _unpack(wacc, n), strict=True)]
            acc = wacc = pending = 0
    if pending:
        totals = [a + b for a, b in zip(totals, _unpack(acc, n), strict=True)]
        wtotals = [a + b for a, b in zip(wtotals, _unpack(wacc, n), strict=True)]
    s = m.scale
    costs = [(a + _WORD_WEIGHT * b) / s for a, b in zip(totals, wtotals, strict=True)]
    return m.langs, costs, used


_WORD_WEIGHT = 1.0
_TEMPERATURE = 0.25  # softening of the naive-Bayes posterior (features are correlated)


def _posterior(langs: list[str], costs: list[float]) -> tuple[str, float, str | None]:
    order = sorted(range(len(langs)), key=lambda i: (costs[i], langs[i]))
    best = order[0]
    lo = costs[best]
    z = sum(math.exp(-(c - lo) * _TEMPERATURE) for c in costs)
    conf = 1.0 / z
    runner = langs[order[1]] if len(order) > 1 else None
    return langs[best], conf, runner


def analyse(text: str) -> Scores:
    """Identify the language of ``text`` (never raises for a ``str``)."""
    if not text or not _ANY_LETTER_RE.search(text):
        return _NONE_EMPTY
    if len(text) > _MAX_CHARS:
        text = text[:_MAX_CHARS]
    cleaned = _NOISE_RE.sub(" ", text)
    words = _WORD_RE.findall(cleaned.lower())
    if not words:
        return _NONE_EMPTY
    sc = _scripts()
    of = sc.of
    hist: dict[str, int] = {}
    by_script: dict[str, list[str]] = {}
    for w in words:
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
    for tag, letters in sc.markers.get(group, ()):
        for w in mine:
            for ch in letters:
                if ch in w:
                    return Scores(tag, share, None, top, "marker")
    langs, costs, used = _score_group(group, mine)
    if not used:
        return Scores(None, 0.0, None, top, "no-features")
    tag, conf, runner = _posterior(langs, costs)
    return Scores(tag, conf * share, runner, top, "model")
