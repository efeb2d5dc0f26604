"""Parse throughput and memory, reported against a ``str.splitlines`` floor.

    python benchmarks/bench_parse.py [--mb 50] [--stream-mb 500] [--repeat 3]

For each generated dump (seed-like pages and generic notes, see
``gen_dumps.py``) it prints MB/s and posts/s for ``parse`` and
``iter_parse``, and for ``parse`` followed by every segment's ``to_dict()``
(``parse`` leaves a post's language to its first access; ``to_dict`` asks
for it, as ``--format jsonl`` does), the MB/s of reading the same text and splitting it into
lines (the floor: no parser can be faster than looking at every line once),
and the ratio. Peak memory of ``iter_parse`` over a large file is measured
in a child process (its peak resident set size, VmHWM), so it includes the
interpreter. Timings are medians of ``--repeat`` runs, all in one process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_dumps import generate  # noqa: E402

import postparse  # noqa: E402

NOW = datetime(2024, 9, 10, 12, tzinfo=timezone.utc)


def timed(fn: Callable[[Path], int], path: Path, repeat: int) -> tuple[float, int]:
    times = []
    result = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(path)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def dump(kind: str, mb: float) -> Path:
    path = HERE / "data" / f"{kind}-{mb:g}mb.txt"
    if not path.exists():
        generate(kind, mb, path)
    return path


def floor(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def run_parse(path: Path) -> int:
    return len(postparse.parse(path, now=NOW).segments)


def run_full(path: Path) -> int:
    """parse, then every segment's ``to_dict()``: what ``--format jsonl``
    needs; it includes the language of each post, which ``parse`` leaves to
    the first access."""
    return sum(1 for s in postparse.parse(path, now=NOW).segments if s.to_dict())


def run_iter(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in postparse.iter_parse(fh, now=NOW))


def peak_rss_of_iter_parse(path: Path) -> float:
    code = (
        "import sys, resource, postparse, datetime\n"
        "n = 0\n"
        "with open(sys.argv[1], 'rb') as fh:\n"
        "    for s in postparse.iter_parse(fh, now=datetime.datetime(2024, 9, 10)):\n"
        "        n += 1\n"
        # VmHWM is this process's own peak (ru_maxrss would include the
        # parent's memory inherited across fork + exec)
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print(n, hwm)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[1]) / 1024  # KiB -> MiB


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--stream-mb", type=float, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"postparse {postparse.__version__}, Python {sys.version.split()[0]}")
    for kind in ("seed", "notes"):
        path = dump(kind, args.mb)
        mb = path.stat().st_size / 1e6
        t_floor, _ = timed(floor, path, args.repeat)
        t_parse, n = timed(run_parse, path, args.repeat)
        t_iter, n2 = timed(run_iter, path, args.repeat)
        t_full, n3 = timed(run_full, path, args.repeat)
        posts = sum(1 for s in postparse.parse(path, now=NOW))
        assert n == n2 == n3
        print(f"\n{kind}: {mb:.1f} MB, {n:,} segments, {posts:,} posts")
        print(f"  floor (read + splitlines): {mb / t_floor:8.1f} MB/s")
        for name, t in (("parse", t_parse), ("iter_parse", t_iter), ("+ to_dict", t_full)):
            print(
                f"  {name:10}               : {mb / t:8.1f} MB/s  {posts / t:10,.0f} posts/s"
                f"  = 1/{t / t_floor:.1f} of the floor"
            )
    if args.stream_mb:
        big = dump("seed", args.stream_mb)
        rss = peak_rss_of_iter_parse(big)
        print(f"\niter_parse over {big.stat().st_size / 1e6:.0f} MB: peak RSS {rss:.0f} MiB")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process, holding parse() results of {args.mb:g} MB: peak RSS {own:.0f} MiB)")


if __name__ == "__main__":
    main()
