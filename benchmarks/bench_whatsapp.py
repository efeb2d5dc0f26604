"""WhatsApp at scale: postparse against whatstk on one generated export.

    python benchmarks/bench_whatsapp.py [--messages 100000] [--repeat 3]

Generates an Android export (en-US, 12-hour clock) with multi-line messages,
system lines, media placeholders and emoji, parses it with both libraries in
one run, checks that they found the same messages (author, timestamp, text)
and prints the median times and the ratio. Only the library call is timed
(``postparse.parse`` → Document, ``df_from_whatsapp`` → DataFrame); reading
the results back for the comparison is not. whatstk is an optional peer
(``pip install "postparse[bench]"``).

A third line, ``typed floor``, times the least any parser that hands out one
typed ``Post`` per message must do in CPython: one compiled regex over the
text, a ``datetime`` and a ``Post`` per message, nothing else (no system
lines, entities, emoji or offsets checks). It is not a parser; it shows how
far the per-message cost of Python objects alone is from whatstk's
vectorised pandas pipeline.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import postparse

HERE = Path(__file__).resolve().parent
NAMES = ["Dana Whitfield", "Marcus Bell", "Priya Raman", "José Álvarez", "Li Wei", "Ana"]
WORDS = (
    "ok see you at the lot tomorrow bring water trail is muddy lol 😂 👍 who has the keys".split()
)
SYSTEM = [
    "{n} changed the group description",
    "{n} left",
    "{n} added {m}",
    "{n} changed this group's icon",
]


def stamp(t: datetime) -> str:
    hour = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.strftime('%y')}, {hour}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def generate(path: Path, messages: int) -> int:
    rng = random.Random(messages)
    t = datetime(2021, 1, 1, 8, 0)
    lines = [
        f"{stamp(t)} - Messages and calls are end-to-end encrypted. Only people in this chat can read them."
    ]
    made = 0
    while made < messages:
        t += timedelta(minutes=rng.randint(0, 90))
        if rng.random() < 0.01:
            lines.append(
                f"{stamp(t)} - "
                + rng.choice(SYSTEM).format(n=rng.choice(NAMES), m=rng.choice(NAMES))
            )
            continue
        body = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14)))]
        if rng.random() < 0.1:
            body += [
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
                for _ in range(rng.randint(1, 3))
            ]
        if rng.random() < 0.05:
            body = ["<Media omitted>"]
        body[0] = f"{stamp(t)} - {rng.choice(NAMES)}: {body[0]}"
        lines.extend(body)
        made += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return made


NOW = datetime(2030, 1, 1, tzinfo=timezone.utc)
Row = tuple[str, str, str]


def run_postparse(path: Path) -> postparse.Document:
    return postparse.parse(path, now=NOW)


def rows_postparse(doc: postparse.Document) -> list[Row]:
    return [
        (p.author or "", p.timestamp.strftime("%Y-%m-%d %H:%M") if p.timestamp else "", p.text)
        for p in doc
    ]


def run_whatstk(path: Path) -> object:
    from whatstk.whatsapp.parser import df_from_whatsapp

    return df_from_whatsapp(
        str(path), auto_header=False, hformat="%m/%d/%y, %I:%M %p - %name:", max_size=None
    )


def rows_whatstk(df: object) -> list[Row]:
    return [
        (u, d.strftime("%Y-%m-%d %H:%M"), m.strip())
        for u, d, m in zip(df["username"], df["date"], df["message"], strict=True)  # type: ignore[index]
    ]


_FLOOR_HEADER = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d\d), (\d{1,2}):(\d\d)\s?([AP]M) - ([^:\n]{1,80}?): ", re.M
)


def run_floor(path: Path) -> list[postparse.Post]:
    text = path.read_text(encoding="utf-8")
    found = list(_FLOOR_HEADER.finditer(text))
    out = []
    for i, m in enumerate(found):
        start = m.start()
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        month, day, year, hour, minute, half, name = m.groups()
        h = int(hour) % 12 + (12 if half == "PM" else 0)
        out.append(
            postparse.Post(
                kind="post",
                index=i,
                start=start,
                end=end,
                line=0,
                end_line=0,
                raw=text[start:end],
                text=text[m.end() : end].strip(),
                author=name,
                timestamp=datetime(2000 + int(year), int(month), int(day), h, int(minute)),
            )
        )
    return out


def rows_floor(posts: list[postparse.Post]) -> list[Row]:
    return rows_postparse(posts)  # type: ignore[arg-type]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = HERE / "data" / f"whatsapp-android-{args.messages}.txt"
    made = generate(path, args.messages)
    print(f"{path.name}: {made:,} messages, {path.stat().st_size / 1e6:.1f} MB")
    results: dict[str, tuple[float, list[Row]]] = {}
    runs: tuple[tuple[str, Callable[[Path], Any], Callable[[Any], list[Row]]], ...] = (
        ("postparse", run_postparse, rows_postparse),
        ("whatstk", run_whatstk, rows_whatstk),
        ("typed floor", run_floor, rows_floor),
    )
    import whatstk.whatsapp.parser  # noqa: F401  (imports are not timed)

    for name, run, rows in runs:
        times = []
        result: Any = None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            result = run(path)
            times.append(time.perf_counter() - t0)
        out = rows(result)
        results[name] = (statistics.median(times), out)
        print(f"  {name:12} {statistics.median(times):7.2f} s median  {len(out):,} messages")
    ours, theirs = results["postparse"][1], results["whatstk"][1]
    same = sum(1 for a, b in zip(ours, theirs, strict=False) if a == b)
    print(
        f"  same (author, minute, text): {same:,} of {len(theirs):,}; counts {len(ours):,} vs {len(theirs):,}"
    )
    for a, b in zip(ours, theirs, strict=False):
        if a != b:
            print(
                f"  first difference: postparse {str(a)[:160]}\n                    whatstk   {str(b)[:160]}"
            )
            break
    floor = results["whatstk"][0] / results["typed floor"][0]
    print(f"  typed floor is {floor:.1f}x whatstk's speed")
    ratio = results["whatstk"][0] / results["postparse"][0]
    print(f"  postparse is {ratio:.1f}x whatstk's speed")
    sys.exit(0)


if __name__ == "__main__":
    main()
