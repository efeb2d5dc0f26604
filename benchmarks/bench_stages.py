"""Where a parse's time goes, stage by stage, against a throughput budget.

    python benchmarks/bench_stages.py [--mb 3] [--repeat 5] [--budget 8]

``bench_parse.py`` says how fast ``parse`` is; this script says which stage
costs what, so that a target such as "parse at 1/8 of the ``splitlines``
floor" can be checked stage by stage: the floor's time times ``--budget`` is
all the time the whole parse may take. Each stage is timed alone on the same
text (the best of ``--repeat`` runs, in one process):

- ``floor``: reading the file and ``str.splitlines()`` (what bench_parse
  reports against);
- ``lines``: :func:`postparse.lines.split_lines`, the Line objects;
- ``engine``: the segmentation loop with an empty rule chain and no
  switching (what the engine itself costs per line);
- ``rules``: the detected dialect's rule chain and line labels (the engine
  with the dialect's rules, minus ``engine``);
- ``switch``: the tests for a region in another format (the engine with
  every registered dialect as an alternative, minus the two above);
- ``build``: turning the drafts into posts (every field but the language,
  which ``parse`` leaves to the first access);
- ``parse``: ``postparse.parse`` of the file, for comparison with the sum.

The stages use the package's internals (``segment``, ``PostBuilder``): this is
a measuring tool for the engine's authors, not an example of the API.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_dumps import generate  # noqa: E402

import postparse  # noqa: E402
from postparse.dialects import detect_dialect, registered  # noqa: E402
from postparse.dialects.base import Dialect, State  # noqa: E402
from postparse.fields.post import PostBuilder  # noqa: E402
from postparse.lines import Line, split_lines  # noqa: E402
from postparse.pipeline import HEAD_LINES, SAMPLE_LINES  # noqa: E402
from postparse.segment import Draft, segment  # noqa: E402

NOW = datetime(2024, 9, 10, 12, tzinfo=timezone.utc)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def drafts(lines: list[Line], dialect: Dialect, others: tuple[Dialect, ...]) -> list[Draft]:
    state = State(now=NOW, order=dialect.order)
    return list(segment(iter(lines), dialect, state, others))


def stages(path: Path, repeat: int) -> dict[str, float]:
    text = path.read_text(encoding="utf-8")
    postparse.parse(text, now=NOW)  # tables loaded, caches warm
    lines = list(split_lines(text))
    sample = [ln.content for ln in lines[:HEAD_LINES] if ln.content][:SAMPLE_LINES]
    dialect = detect_dialect(sample)
    bare = attrs.evolve(dialect, rules=(), label=None)
    others = tuple(registered().values())
    made = drafts(lines, dialect, others)

    def build() -> None:
        builder = PostBuilder(dialect, State(now=NOW, order=dialect.order))
        for d in made:
            builder.build(d)

    t: dict[str, float] = {}
    t["floor"] = best(lambda: path.read_text(encoding="utf-8").splitlines(), repeat)
    t["lines"] = best(lambda: list(split_lines(text)), repeat)
    engine = best(lambda: drafts(lines, bare, ()), repeat)
    own = best(lambda: drafts(lines, dialect, ()), repeat)
    every = best(lambda: drafts(lines, dialect, others), repeat)
    t["engine"] = engine
    t["rules"] = own - engine
    t["switch"] = every - own
    t["build"] = best(build, repeat)
    t["parse"] = best(lambda: postparse.parse(path, now=NOW), repeat)
    print(f"\n{path.name}: {path.stat().st_size / 1e6:.1f} MB, dialect {dialect.name}")
    return t


def report(t: dict[str, float], budget: float) -> None:
    allowed = t["floor"] * budget
    print(f"  budget: {budget:g} x floor = {allowed * 1e3:7.1f} ms")
    for name in ("floor", "lines", "engine", "rules", "switch", "build"):
        share = t[name] / allowed
        print(f"  {name:7} {t[name] * 1e3:9.1f} ms  {share:6.0%} of the budget")
    staged = sum(t[n] for n in ("lines", "engine", "rules", "switch", "build"))
    print(f"  sum of the stages after the floor: {staged * 1e3:9.1f} ms")
    print(f"  parse   {t['parse'] * 1e3:9.1f} ms  = 1/{t['parse'] / t['floor']:.1f} of the floor")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=3)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--budget", type=float, default=8)
    args = ap.parse_args()
    print(f"postparse {postparse.__version__}, Python {sys.version.split()[0]}")
    for kind in ("seed", "notes"):
        path = HERE / "data" / f"{kind}-{args.mb:g}mb.txt"
        if not path.exists():
            generate(kind, args.mb, path)
        report(stages(path, args.repeat), args.budget)


if __name__ == "__main__":
    main()
