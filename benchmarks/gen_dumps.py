"""Generate large synthetic dumps for the benchmarks.

    python benchmarks/gen_dumps.py seed 50 benchmarks/data/seed-50mb.txt
    python benchmarks/gen_dumps.py notes 50 benchmarks/data/notes-50mb.txt

``seed``: scraped Telegram aggregator pages like the project's seed dump
(channel cards repeated as chrome, bylines, channel titles, English
paragraphs, Chinese posts in both scripts, bullet runs, previews cut with
"…", emoji lost to '?'). ``notes``: blank-line separated notes. The output
is deterministic for a given kind and size.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "for",
    "that",
    "on",
    "with",
    "as",
    "it",
    "be",
    "by",
    "this",
    "are",
    "from",
    "at",
    "was",
    "we",
    "have",
    "not",
    "telegram",
    "channel",
    "users",
    "platform",
    "report",
    "moderation",
    "privacy",
    "security",
    "law",
    "country",
    "request",
    "service",
    "message",
    "group",
    "city",
    "transit",
    "harbour",
    "data",
    "weekly",
    "update",
    "council",
    "budget",
    "ferry",
    "tram",
    "project",
    "release",
    "version",
    "market",
    "people",
    "time",
    "year",
    "public",
    "team",
]
HANS = "监管机构表示加密消息应用程序已遵从其要求删除了违法内容并道歉这是一个社交媒体平台那么作为"
HANT = "繃不住了一堆換皮野雞幣光速上線這年頭連發幣都靠蹭熱點附近的人功能目前不顯示任何群組和個人"
NAMES = ["Harbour Watch", "Metro Notes", "Du Rove's Channel", "Field Desk", "Night Owl News"]
AUTHORS = ["海与火的传人", "Иван Петров", "Anna Lee", "港口观察员", "Mara Okafor"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "!", "?"])


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 6)))


def han(rng: random.Random, chars: str) -> str:
    body = "".join(rng.choice(chars) for _ in range(rng.randint(30, 160)))
    return body + rng.choice(["。", "，还有 Telegram。", "?", "…"])


def seed_page(rng: random.Random) -> Iterator[str]:
    card = [
        "Contact : @harbour_watch",
        "Last updated 1 Jahr, 1 Monat her",
        "Last updated 2 Wochen, 3 Tage her",
    ]
    yield from card
    for _ in range(rng.randint(8, 20)):
        kind = rng.random()
        if kind < 0.3:
            yield ("? " if rng.random() < 0.3 else "") + sentence(rng)
            for _ in range(rng.randint(1, 8)):
                yield paragraph(rng)
            if rng.random() < 0.3:
                yield "Thanks again for your love and memes ?"
        elif kind < 0.45:
            yield f"2024-09-{rng.randint(1, 9):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} by {rng.choice(AUTHORS)}"
            yield han(rng, HANS)
        elif kind < 0.6:
            yield han(rng, HANS if rng.random() < 0.5 else HANT)
        elif kind < 0.7:
            yield "#Telegram " + han(rng, HANT)
        elif kind < 0.85:
            for _ in range(rng.randint(2, 6)):
                yield "? " + sentence(rng)
        else:
            yield rng.choice(NAMES)
            yield paragraph(rng)[:300] + "…"
    yield from card


def notes(rng: random.Random) -> Iterator[str]:
    for _ in range(rng.randint(1, 5)):
        yield paragraph(rng)
    yield ""


def generate(kind: str, megabytes: float, out: Path) -> int:
    rng = random.Random(f"{kind}-{megabytes}")
    target = int(megabytes * 1_000_000)
    source = seed_page if kind == "seed" else notes
    written = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        while written < target:
            chunk = "\n".join(source(rng)) + "\n"
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
    return written


if __name__ == "__main__":
    kind, size, path = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3])
    n = generate(kind, size, path)
    print(f"wrote {n:,} bytes to {path}")
