#!/usr/bin/env python3
"""Build the data tables of ``postparse.lang`` (never imported at run time).

    pip install wordfreq langdetect opencc-python-reimplemented regex
    python tools/train_lang.py            # writes src/postparse/lang/data/*

Outputs (all under ``src/postparse/lang/data/``):

- ``scripts.json``  Unicode script ranges for the scripts we care about (from the
  ``regex`` module's Unicode database), which script decides a language by itself,
  which script goes to which within-script model, and marker letters.
- ``zh_chars.json`` characters that exist only in Simplified or only in Traditional
  Chinese, Japanese-only kanji (OpenCC tables; the kanji filtered with wordfreq's
  zh list) and a hand-written list of Chinese function characters.
- ``model_<group>.bin`` one naive-Bayes table per script group (latin, cyrillic,
  arabic, devanagari): quantised per-language costs (-log P, relative to the best
  language, 1/SCALE nat steps) for padded character 3-grams (8 bit, capped at 255)
  and for whole words (32 bit: WORD_WEIGHT x the word's own cost plus
  KNOWN_NGRAM_WEIGHT x the costs of its 1-3 grams), a prior per language, and the
  language list. Layout: b"PPLANG1\n", uint32 header length, JSON header, then per
  table the "\n"-joined keys and the row-major cost matrix.

Knobs for experiments (environment): PP_WORD_WEIGHT, PP_KNOWN_NGRAM_WEIGHT,
PP_TOP_WORDS. Tuned on fragments of tests/lang/lang_cases.tsv, never on an
evaluation set.

Sources (see ``src/postparse/lang/data/SOURCES.md``): wordfreq word frequency lists
(data CC BY-SA 4.0), langdetect n-gram profiles (Apache-2.0), OpenCC character
tables (Apache-2.0), and the hand-written text in ``tools/lang_extra/``.
Deterministic: the same package versions give byte-identical files.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import struct
import sys
from collections import defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "postparse" / "lang" / "data"
EXTRA = ROOT / "tools" / "lang_extra"

SCALE = 12  # quantisation steps per nat
CAP = 255

WORD_RE = regex.compile(r"[\p{L}\p{M}]+")

# Scripts we classify; every other letter counts as "Other".
SCRIPTS = [
    "Latin", "Cyrillic", "Greek", "Armenian", "Hebrew", "Arabic", "Devanagari",
    "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada",
    "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan", "Myanmar", "Georgian",
    "Hangul", "Ethiopic", "Khmer", "Mongolian", "Hiragana", "Katakana", "Han",
    "Thaana",
]  # fmt: skip

# A script that decides the language by itself.
UNIQUE = {
    "Greek": "el", "Armenian": "hy", "Hebrew": "he", "Bengali": "bn", "Gurmukhi": "pa",
    "Gujarati": "gu", "Oriya": "or", "Tamil": "ta", "Telugu": "te", "Kannada": "kn",
    "Malayalam": "ml", "Sinhala": "si", "Thai": "th", "Lao": "lo", "Tibetan": "bo",
    "Myanmar": "my", "Georgian": "ka", "Hangul": "ko", "Ethiopic": "am", "Khmer": "km",
    "Mongolian": "mn", "Thaana": "dv",
}  # fmt: skip

# Script -> within-script model.
GROUP_OF_SCRIPT = {
    "Latin": "latin",
    "Cyrillic": "cyrillic",
    "Arabic": "arabic",
    "Devanagari": "devanagari",
}

# Letters that decide a language outside the model (languages without training data
# here).  Checked before the model, in this order.
# Each rule: [tag, [letters, letters, ...]]: the text must contain at least one letter
# of every set.
MARKERS = {
    "cyrillic": [
        ["kk", ["әғқңөұһ"]],
        ["be", ["ў"]],
        ["be", ["і", "ыэ"]],  # і (not Russian) with ы/э (not Ukrainian)
    ],
}

# Group -> language tag -> (source, source language).
GROUPS: dict[str, dict[str, tuple[str, str]]] = {
    "latin": {
        t: ("wordfreq", t)
        for t in [
            "en",
            "de",
            "fr",
            "es",
            "it",
            "pt",
            "nl",
            "pl",
            "tr",
            "id",
            "ms",
            "vi",
            "sv",
            "da",
            "nb",
            "fi",
            "cs",
            "sk",
            "ro",
            "hu",
            "ca",
            "is",
            "lt",
            "lv",
            "sl",
        ]
    }
    | {"hr": ("wordfreq", "sh"), "tl": ("wordfreq", "fil")},
    "cyrillic": {
        "ru": ("wordfreq", "ru"),
        "uk": ("wordfreq", "uk"),
        "bg": ("wordfreq", "bg"),
        "mk": ("wordfreq", "mk"),
        "sr": ("wordfreq-cyrl", "sh"),
    },
    "arabic": {"ar": ("wordfreq", "ar"), "fa": ("wordfreq", "fa"), "ur": ("wordfreq", "ur")},
    "devanagari": {
        "hi": ("langdetect", "hi"),
        "mr": ("langdetect", "mr"),
        "ne": ("langdetect", "ne"),
    },
}

# Prior cost (nats) per language where two languages share most of their words:
# Malaysian posts are far rarer online than Indonesian ones, Marathi and Nepali
# ones than Hindi ones.
PRIOR_NATS = {"ms": 1.0, "mr": 1.0, "ne": 1.0}

TOP_NGRAMS = 2500  # per language and n-gram length class (1-3 together)
TOP_WORDS = int(os.environ.get("PP_TOP_WORDS", "2500"))  # per language
WORD_WEIGHT = float(os.environ.get("PP_WORD_WEIGHT", "3.0"))  # a known word's own cost
KNOWN_NGRAM_WEIGHT = float(os.environ.get("PP_KNOWN_NGRAM_WEIGHT", "0.3"))  # its n-grams
WORD_CAP = 65535
NGRAM_FLOOR = 2e-6
WORD_FLOOR = 3e-7

# Serbo-Croatian Latin -> Serbian Cyrillic (Vuk's alphabet, one-to-one).
_SR_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_SR_LETTERS = dict(
    zip(
        "abvgdđežzijklmnoprstćufhcčš",
        "абвгдђежзијклмнопрстћуфхцчш",
        strict=True,
    )
)


def to_serbian_cyrillic(word: str) -> str | None:
    out = []
    i = 0
    while i < len(word):
        two = word[i : i + 2]
        if two in _SR_DIGRAPHS:
            out.append(_SR_DIGRAPHS[two])
            i += 2
            continue
        ch = _SR_LETTERS.get(word[i])
        if ch is None:
            return None  # foreign letters (q, w, x, y ...): not a Serbian word
        out.append(ch)
        i += 1
    return "".join(out)


# --------------------------------------------------------------------------- scripts


def build_scripts() -> dict[str, object]:
    pats = {s: regex.compile(rf"\p{{Script={s}}}") for s in SCRIPTS}
    ranges: list[list[object]] = []
    cur: str | None = None
    start = 0
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            sc = None
        else:
            ch = chr(cp)
            sc = None
            if ch.isalpha() or regex.match(r"\p{M}", ch):
                for s, p in pats.items():
                    if p.match(ch):
                        sc = s
                        break
        if sc != cur:
            if cur is not None:
                ranges.append([start, cp - 1, cur])
            cur = sc
            start = cp
    if cur is not None:
        ranges.append([start, 0x10FFFF, cur])
    # Merge ranges of one script separated by nothing-in-between gaps.
    return {
        "comment": "Generated by tools/train_lang.py from the regex module's Unicode data.",
        "unicode": regex.__version__,
        "ranges": ranges,
        "unique": UNIQUE,
        "groups": GROUP_OF_SCRIPT,
        "markers": MARKERS,
    }


# --------------------------------------------------------------------------- Chinese

# Hand-written: Chinese function characters Japanese rarely writes. A lone の among
# them is Chinese internet usage, not Japanese.
ZH_PARTICLES = "的了是我你他她们們这這那吗嗎吧呢啊很都也给給说說去和没沒"


def build_zh() -> dict[str, object]:
    spec = importlib.util.find_spec("opencc")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install opencc-python-reimplemented")
    d = Path(spec.origin).parent / "dictionary"

    def load(name: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for line in (d / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            k, _, v = line.partition("\t")
            out[k] = v.split()
        return out

    st = load("STCharacters.txt")
    ts = load("TSCharacters.txt")
    tw = load("TWVariants.txt")
    hk = load("HKVariants.txt")
    s_forms = set(st)  # simplified forms
    t_forms = set(ts)  # traditional forms that have a simplified counterpart
    s_values = {c for v in ts.values() for c in v}  # what traditional maps to
    t_values = {c for v in st.values() for c in v}
    hans = {
        k
        for k, v in st.items()
        if len(k) == 1 and k not in v and k not in t_forms and k not in t_values
    }
    hant = {
        k
        for k, v in ts.items()
        if len(k) == 1 and k not in v and k not in s_forms and k not in s_values
    }
    # Regional traditional variants (裡, 著 ...) are traditional evidence too, unless the
    # character is also a simplified form.
    for table in (tw, hk):
        for v in table.values():
            for c in v:
                if len(c) == 1 and c not in s_forms and c not in s_values and c not in hans:
                    hant.add(c)
    hans -= hant
    # Japanese-only kanji (shinjitai such as 発 気 駅): JPVariants forms that are in
    # neither Chinese table and are rare in Chinese text (wordfreq's zh list).
    import wordfreq

    zh_mass: dict[str, float] = defaultdict(float)
    for w, f in wordfreq.get_frequency_dict("zh", "small").items():
        for c in w:
            zh_mass[c] += f
    chinese = s_forms | t_forms | s_values | t_values
    jp = load("JPVariants.txt")
    ja = {
        c
        for k, v in jp.items()
        for c in v
        if len(c) == 1 and c != k and c not in chinese and zh_mass.get(c, 0.0) < 5e-6
    }
    return {
        "comment": "Generated by tools/train_lang.py from OpenCC STCharacters/TSCharacters/"
        "TWVariants/HKVariants/JPVariants (Apache-2.0): characters found in only one script "
        "form; ja_only filtered with wordfreq's zh list (CC BY-SA 4.0).",
        "hans_only": "".join(sorted(hans)),
        "hant_only": "".join(sorted(hant)),
        "ja_only": "".join(sorted(ja)),
        "zh_particles": ZH_PARTICLES,
    }


# --------------------------------------------------------------------------- models


def script_ok(tok: str, group: str) -> bool:
    name = {
        "latin": "Latin",
        "cyrillic": "Cyrillic",
        "arabic": "Arabic",
        "devanagari": "Devanagari",
    }[group]
    return regex.fullmatch(rf"[\p{{Script={name}}}\p{{M}}]+", tok) is not None


def ngrams_of(tok: str) -> list[str]:
    p = f" {tok} "
    out = []
    for n in (1, 2, 3):
        for i in range(len(p) - n + 1):
            g = p[i : i + n]
            if g != " ":
                out.append(g)
    return out


def read_extra(tag: str) -> list[str]:
    path = EXTRA / f"{tag}.txt"
    if not path.exists():
        return []
    return WORD_RE.findall(path.read_text(encoding="utf-8").lower())


def stats_wordfreq(
    group: str, lang: str, cyrl: bool, tag: str
) -> tuple[dict[str, float], dict[str, float]]:
    import wordfreq

    ng: dict[str, float] = defaultdict(float)
    words: dict[str, float] = defaultdict(float)
    freq = wordfreq.get_frequency_dict(lang, "small")
    extra = read_extra(tag)
    items = list(freq.items())
    if extra:
        share = 0.05 / len(extra)  # hand-written text: 5 % of the mass
        items += [(w, share) for w in extra]
    for w, f in items:
        for tok in WORD_RE.findall(w.lower()):
            if cyrl:
                conv = to_serbian_cyrillic(tok)
                if conv is None:
                    continue
                tok = conv
            if not script_ok(tok, group):
                continue
            words[tok] += f
            for g in ngrams_of(tok):
                ng[g] += f
    return dict(ng), dict(words)


def stats_langdetect(lang: str) -> dict[str, float]:
    spec = importlib.util.find_spec("langdetect")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install langdetect")
    prof = json.loads((Path(spec.origin).parent / "profiles" / lang).read_text(encoding="utf-8"))
    return {g: float(c) for g, c in prof["freq"].items() if g.strip()}


def apply_markers(langs: list[str], word_probs: list[dict[str, float]]) -> None:
    """Hand-written marker words (tools/lang_extra/markers.json) against close rivals."""
    path = EXTRA / "markers.json"
    if not path.exists():
        return
    spec = json.loads(path.read_text(encoding="utf-8"))
    boost = float(spec["boost"])
    for pair in spec["pairs"]:
        if pair["lang"] not in langs:
            continue
        me = word_probs[langs.index(pair["lang"])]
        rivals = [word_probs[langs.index(r)] for r in pair["rivals"] if r in langs]
        for w in pair["words"]:
            me[w] = max(me.get(w, 0.0), boost)
            for r in rivals:
                if w in r:
                    r[w] = min(r[w], WORD_FLOOR)


def marker_words(langs: list[str]) -> set[str]:
    path = EXTRA / "markers.json"
    if not path.exists():
        return set()
    spec = json.loads(path.read_text(encoding="utf-8"))
    return {w for p in spec["pairs"] if p["lang"] in langs for w in p["words"]}


def normalise(counts: dict[str, float]) -> dict[str, float]:
    """P(gram | language, length of gram)."""
    tot: dict[int, float] = defaultdict(float)
    for g, c in counts.items():
        tot[len(g)] += c
    return {g: c / tot[len(g)] for g, c in counts.items()}


def quantise(
    probs: list[dict[str, float]], keys: list[str], floor: float
) -> tuple[list[str], list[list[int]]]:
    """Per key, per language: cost in 1/SCALE nats above the best language, <= CAP."""
    lf = math.log(floor)
    kept = []
    rows = []
    for k in keys:
        lps = [math.log(p[k]) if k in p and p[k] > floor else lf for p in probs]
        best = max(lps)
        q = [min(CAP, round((best - lp) * SCALE)) for lp in lps]
        if max(q) == 0:
            continue  # no information
        kept.append(k)
        rows.append(q)
    return kept, rows


def word_totals(
    words: list[str], wrows: dict[str, list[int]], ng_rows: dict[str, list[int]], n: int
) -> list[list[int]]:
    """Cost of a whole word for each language: WORD_WEIGHT * its own cost (or 0 when
    the word is not in the word table) plus the costs of its n-grams, shifted so the
    best language is 0. Lets the run-time look a known word up once."""
    out = []
    for w in words:
        tot = [0.0] * n
        own = wrows.get(w)
        if own is not None:
            tot = [WORD_WEIGHT * c for c in own]
        for g in ngrams_of(w):
            r = ng_rows.get(g)
            if r is not None:
                tot = [a + KNOWN_NGRAM_WEIGHT * b for a, b in zip(tot, r, strict=True)]
        lo = min(tot)
        out.append([min(WORD_CAP, round(t - lo)) for t in tot])
    return out


def top(d: dict[str, float], n: int) -> list[str]:
    return [k for k, _ in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def build_group(group: str, spec: dict[str, tuple[str, str]]) -> bytes:
    langs = list(spec)
    ng_probs: list[dict[str, float]] = []
    word_probs: list[dict[str, float]] = []
    for tag in langs:
        src, lang = spec[tag]
        if src == "langdetect":
            ng_probs.append(normalise(stats_langdetect(lang)))
            word_probs.append({})
        else:
            ng, words = stats_wordfreq(group, lang, src == "wordfreq-cyrl", tag)
            ng_probs.append(normalise(ng))
            tot = sum(words.values())
            word_probs.append({w: f / tot for w, f in words.items()})
        print(f"  {group}/{tag}: {len(ng_probs[-1])} n-grams, {len(word_probs[-1])} words")
    apply_markers(langs, word_probs)
    ng_keys: set[str] = set()
    for p in ng_probs:
        for n in (1, 2, 3):
            ng_keys.update(top({g: v for g, v in p.items() if len(g) == n}, TOP_NGRAMS))
    w_keys: set[str] = set()
    for p in word_probs:
        w_keys.update(top(p, TOP_WORDS))
    w_keys.update(marker_words(langs))
    n = len(langs)
    ng_kept, ng_rows = quantise(ng_probs, sorted(ng_keys), NGRAM_FLOOR)
    w_kept, w_rows = quantise(word_probs, sorted(w_keys), WORD_FLOOR)
    ng_map = dict(zip(ng_kept, ng_rows, strict=True))
    w_tot = word_totals(w_kept, dict(zip(w_kept, w_rows, strict=True)), ng_map, n)
    tables = {}
    blobs = []
    # The run-time scores unknown words by their 3-grams only; 1- and 2-grams live
    # on inside the word totals.
    tri = [i for i, g in enumerate(ng_kept) if len(g) == 3]
    ng_kept = [ng_kept[i] for i in tri]
    ng_rows = [ng_rows[i] for i in tri]
    for name, kept, rows, width in (
        ("ngram", ng_kept, ng_rows, 1),
        ("word", w_kept, w_tot, 4),  # stored as the run-time layout: no expansion
    ):
        kb = "\n".join(kept).encode("utf-8")
        code = {1: "B", 2: "H", 4: "I"}[width]
        matrix = b"".join(struct.pack(f"<{n}{code}", *r) for r in rows)
        tables[name] = {
            "n": len(kept),
            "keys_bytes": len(kb),
            "matrix_bytes": len(matrix),
            "width": width,
        }
        blobs += [kb, matrix]
        print(f"  {group}: {name} table {len(kept)} features")
    header = json.dumps(
        {
            "group": group,
            "langs": langs,
            "scale": SCALE,
            "tables": tables,
            "prior": [round(PRIOR_NATS.get(t, 0.0) * SCALE) for t in langs],
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    body = b"PPLANG1\n" + struct.pack("<I", len(header)) + header + b"".join(blobs)
    return body


def write_json(path: Path, obj: object) -> None:
    path.write_text(
        json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["scripts", "zh", "models"], action="append")
    ap.add_argument("--group", action="append", help="build only these model groups")
    args = ap.parse_args(argv)
    only = set(args.only or ["scripts", "zh", "models"])
    OUT.mkdir(parents=True, exist_ok=True)
    if "scripts" in only:
        write_json(OUT / "scripts.json", build_scripts())
        print("scripts.json written")
    if "zh" in only:
        zh = build_zh()
        write_json(OUT / "zh_chars.json", zh)
        print(f"zh_chars.json: {len(zh['hans_only'])} Hans-only, {len(zh['hant_only'])} Hant-only")  # type: ignore[arg-type]
    if "models" in only:
        for group, spec in GROUPS.items():
            if args.group and group not in args.group:
                continue
            data = build_group(group, spec)
            (OUT / f"model_{group}.bin").write_bytes(data)
            print(f"model_{group}.bin: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
