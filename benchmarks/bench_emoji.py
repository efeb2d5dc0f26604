"""Benchmark postparse.repair_emoji against ftfy.fix_text, side by side.

    PYTHONPATH=src python benchmarks/bench_emoji.py [--size 1000000] [--repeat 5]

Both tools run on the SAME strings in one run: ~1 MB of clean mixed-language
text (CJK, RTL, emoji-rich, French/Spanish questions, URLs, code) and ~1 MB
of damaged text (half the lines carry emoji damaged as mojibake, lossy
mojibake, escapes, entities or '?'). Prints the median throughput of each
tool, the ratio, and whether the clean text came back unchanged.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

from emoji_sample_text import clean_text, damaged_text  # noqa: E402

from postparse.emoji import repair_emoji  # noqa: E402


def _interleaved(
    ours: Callable[[str], object], theirs: Callable[[str], object], text: str, repeat: int
) -> tuple[list[float], list[float]]:
    """Alternate the two tools on the same string so both see the same
    machine load; returns the seconds of each run."""
    ours(text)  # warm-up (tables load, regex compile)
    theirs(text)
    t_ours: list[float] = []
    t_theirs: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        ours(text)
        t1 = time.perf_counter()
        theirs(text)
        t2 = time.perf_counter()
        t_ours.append(t1 - t0)
        t_theirs.append(t2 - t1)
    return t_ours, t_theirs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import ftfy

    def ours(text: str) -> str:
        return repair_emoji(text).text

    def theirs(text: str) -> str:
        return ftfy.fix_text(text)

    sets = {"clean": clean_text(args.size), "damaged": damaged_text(args.size)}
    print(f"ftfy {ftfy.__version__}; python {sys.version.split()[0]}; repeat={args.repeat}")
    print(
        f"{'set':8} {'chars':>9} {'MB':>5} {'postparse MB/s':>15} {'ftfy MB/s':>10}"
        f" {'ratio of medians':>17} {'median pair ratio':>18}"
    )
    for name, text in sets.items():
        mb = len(text.encode("utf-8")) / 1e6
        t_ours, t_ftfy = _interleaved(ours, theirs, text, args.repeat)
        m_ours = statistics.median(t_ours)
        m_ftfy = statistics.median(t_ftfy)
        pair = statistics.median(b / a for a, b in zip(t_ours, t_ftfy, strict=True))
        print(
            f"{name:8} {len(text):>9} {mb:>5.2f} {mb / m_ours:>15.1f} {mb / m_ftfy:>10.2f}"
            f" {m_ftfy / m_ours:>16.1f}x {pair:>17.1f}x"
        )
    clean = sets["clean"]
    r = repair_emoji(clean)
    f = ftfy.fix_text(clean)
    changed_lines = sum(1 for a, b in zip(clean.split("\n"), f.split("\n"), strict=False) if a != b)
    print(f"clean text: postparse repairs={len(r.repairs)} changed={r.text != clean}")
    print(f"            ftfy changed={f != clean} ({changed_lines} lines differ)")
    d = sets["damaged"]
    rd = repair_emoji(d)
    fd = ftfy.fix_text(d)
    for label, out in (("postparse", rd.text), ("ftfy", fd)):
        left = sum(out.count(s) for s in ("ðŸ", "â€", "\\ud83", "&#1", "ï¸"))
        print(f"damaged text: {label:9} leftover damage markers={left}")
    print(f"damaged text: postparse repairs={len(rd.repairs)} lost={rd.lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
