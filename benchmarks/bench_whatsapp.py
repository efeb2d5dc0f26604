"""WhatsApp at scale: postparse against whatstk on one generated export.

    python benchmarks/bench_whatsapp.py [--messages 100000] [--repeat 3]

Generates an Android export (en-US, 12-hour clock) with multi-line messages,
system lines, media placeholders and emoji, parses it with both libraries in
one run, checks that they found the same messages (author, timestamp, text)
and prints the median times and the ratio. whatstk is an optional peer
(``pip install "postparse[bench]"``).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

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


def with_postparse(path: Path) -> list[tuple[str, str, str]]:
    now = datetime(2030, 1, 1, tzinfo=timezone.utc)
    return [
        (p.author or "", p.timestamp.strftime("%Y-%m-%d %H:%M") if p.timestamp else "", p.text)
        for p in postparse.parse(path, now=now)
    ]


def with_whatstk(path: Path) -> list[tuple[str, str, str]]:
    from whatstk.whatsapp.parser import df_from_whatsapp

    df = df_from_whatsapp(
        str(path), auto_header=False, hformat="%m/%d/%y, %I:%M %p - %name:", max_size=None
    )
    return [
        (u, d.strftime("%Y-%m-%d %H:%M"), m.strip())
        for u, d, m in zip(df["username"], df["date"], df["message"], strict=True)
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = HERE / "data" / f"whatsapp-android-{args.messages}.txt"
    made = generate(path, args.messages)
    print(f"{path.name}: {made:,} messages, {path.stat().st_size / 1e6:.1f} MB")
    results = {}
    for name, fn in (("postparse", with_postparse), ("whatstk", with_whatstk)):
        times = []
        out: list[tuple[str, str, str]] = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            out = fn(path)
            times.append(time.perf_counter() - t0)
        results[name] = (statistics.median(times), out)
        print(f"  {name:10} {statistics.median(times):7.2f} s median  {len(out):,} messages")
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
    ratio = results["whatstk"][0] / results["postparse"][0]
    print(f"  postparse is {ratio:.1f}x whatstk's speed")
    sys.exit(0)


if __name__ == "__main__":
    main()
