"""postparse.dates vs dateparser, side by side, on the same strings in one run.

    PYTHONPATH=src python benchmarks/bench_dates.py [--units PATH] [--reps N]

Strings: the public unit set (``dates.jsonl``, with its language tags) plus
the shapes the core meets in dumps. For every string both tools are called
with the language hint (``languages=[lang]``) and without one. Printed: per-call
medians (µs, after a warm-up call), ratios, accuracy on the unit set (same
rules as ``score_units.py``), the median time to reject a non-date, and
import + first call measured in fresh subprocesses.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

NOW = datetime(2024, 9, 10, 12, 0, 0, tzinfo=timezone.utc)
NOW_NAIVE = NOW.replace(tzinfo=None)
DEFAULT_UNITS = Path("/work/shared/eval/units/dates.jsonl")

CORE = [
    ("2024-09-02 16:17", "und"),
    ("8/30/24, 7:02 PM", "en"),
    ("30.12.23, 18:04:11", "de"),
    ("02.09.24 16:17", "de"),
    ("08/28/2024 9:14 PM", "en"),
    ("Yesterday at 4:20 PM", "en"),
    ("Today at 9:05 AM", "en"),
    ("2h", "en"),
    ("45m", "en"),
    ("Mar 14", "en"),
    ("Aug 30, 2023", "en"),
    ("September 6", "en"),
    ("3分钟前", "zh"),
    ("今天 08:12", "zh"),
    ("昨天 16:17", "zh"),
    ("09-05 08:30", "zh"),
    ("Last updated 1 Jahr, 1 Monat her", "de"),
]


def load_units(path: Path) -> list[dict[str, Any]]:
    items = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                items.append(json.loads(line))
    return items


def time_call(fn: Callable[[], Any], reps: int) -> float:
    """Median seconds of ``reps`` calls (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def fresh(code: str, runs: int = 5) -> float:
    """Median seconds measured by ``code`` in new interpreters (it prints one float).

    ``code`` reads the clock itself, after the interpreter has started (and
    run ``site``, which here imports certifi from a .pth file): start-up is
    not counted, only what ``code`` does. Bytecode is cached (as for an
    installed package) in a temporary prefix, warmed by one run that is not
    counted.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "bench_dates_pyc")
    times = []
    for i in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout
        if i:
            times.append(float(out.strip().splitlines()[-1]))
    return statistics.median(times)


def iso_in_utc(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.isoformat()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=Path, default=DEFAULT_UNITS)
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--peer-reps", type=int, default=3)
    args = ap.parse_args()

    import dateparser

    from postparse.dates import parse_date

    items = load_units(args.units)
    strings = [(it["text"], it.get("lang") or "und") for it in items] + CORE
    dp_settings = {"RELATIVE_BASE": NOW_NAIVE, "PREFER_DATES_FROM": "past"}

    def pp(text: str, lang: str, hint: bool) -> Any:
        langs = [lang] if hint and lang != "und" else None
        return parse_date(text, now=NOW, languages=langs)

    def dp(text: str, lang: str, hint: bool) -> Any:
        langs = [lang] if hint and lang != "und" else None
        return dateparser.parse(text, languages=langs, settings=dp_settings)

    rows: dict[str, list[float]] = {"pp_hint": [], "pp_none": [], "dp_hint": [], "dp_none": []}
    for text, lang in strings:
        for key, fn, hint, reps in (
            ("pp_hint", pp, True, args.reps),
            ("pp_none", pp, False, args.reps),
            ("dp_hint", dp, True, args.peer_reps),
            ("dp_none", dp, False, args.peer_reps),
        ):
            rows[key].append(time_call(lambda f=fn, t=text, g=lang, h=hint: f(t, g, h), reps))
    med = {k: statistics.median(v) * 1e6 for k, v in rows.items()}

    # accuracy on the unit set, same rules as score_units.py (no hint)
    def correct(res: Any, it: dict[str, Any], value_attr: bool) -> bool:
        if it["expect"] is None:
            return res is None
        if res is None:
            return False
        value = res.value if value_attr else res
        return iso_in_utc(value).startswith(it["expect"])

    pp_ok = sum(
        correct(pp(it["text"], it.get("lang") or "und", False), it, True)
        and (it["expect"] is None or pp(it["text"], "und", False).precision == it["precision"])
        for it in items
    )
    dp_val_ok = sum(
        correct(dp(it["text"], it.get("lang") or "und", False), it, False) for it in items
    )

    nondates = [it["text"] for it in items if it["expect"] is None]
    nondates += ["Version 2.0", "room 101", "hello world", "see you soon!", "Top 10 tips"]
    rej = [time_call(lambda t=t: parse_date(t, now=NOW), args.reps) * 1e6 for t in nondates]
    rej_hint = [
        time_call(lambda t=t: parse_date(t, now=NOW, languages=["en"]), args.reps) * 1e6
        for t in nondates
    ]

    src = str(Path(__file__).resolve().parent.parent / "src")
    pp_first_hint = fresh(
        f"import sys,time; sys.path.insert(0,{src!r}); t=time.perf_counter(); "
        "from postparse.dates import parse_date; parse_date('2 hours ago', languages=['en']); "
        "print(time.perf_counter()-t)"
    )
    pp_first_none = fresh(
        f"import sys,time; sys.path.insert(0,{src!r}); t=time.perf_counter(); "
        "from postparse.dates import parse_date; parse_date('2 hours ago'); "
        "print(time.perf_counter()-t)"
    )
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0,{src!r}); from postparse.dates import parse_date; "
            "parse_date('2 hours ago'); print(' '.join(m for m in ('attrs', 'calendar') "
            "if m in sys.modules) or 'none')",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    pp_import_only = fresh(
        f"import sys,time; sys.path.insert(0,{src!r}); t=time.perf_counter(); "
        "import postparse.dates; print(time.perf_counter()-t)"
    )
    attrs_alone = fresh(
        "import time; t=time.perf_counter(); import attrs; print(time.perf_counter()-t)"
    )
    dp_first = fresh(
        "import time; t=time.perf_counter(); import dateparser; "
        "dateparser.parse('2 hours ago', languages=['en']); print(time.perf_counter()-t)"
    )

    n = len(strings)
    print(f"strings: {n} ({len(items)} from the unit set + {len(CORE)} core shapes)")
    print(f"{'per-call median (µs)':34}{'postparse':>12}{'dateparser':>12}{'ratio':>9}")
    for label, a, b in (
        ("with language hint", med["pp_hint"], med["dp_hint"]),
        ("without hint", med["pp_none"], med["dp_none"]),
    ):
        print(f"{label:34}{a:12.1f}{b:12.1f}{b / a:8.1f}x")
    print(
        f"{'unit-set accuracy (no hint)':34}{pp_ok / len(items):12.3f}"
        f"{dp_val_ok / len(items):12.3f}   (dateparser: value only, precision not scored)"
    )
    t0 = time.perf_counter()
    for _ in range(100000):
        pass
    loop = (time.perf_counter() - t0) / 100000 * 1e9
    print(f"machine: empty Python loop iteration {loop:.0f} ns (load indicator)")
    print(
        f"non-date rejected, median µs: {statistics.median(rej):.1f} (no hint), "
        f"{statistics.median(rej_hint):.1f} (hint en); over {len(nondates)} non-dates"
    )
    print(
        "import + first call (fresh process, bytecode cached, median of 5, ms): "
        f"postparse {pp_first_hint * 1e3:.1f} with hint, "
        f"{pp_first_none * 1e3:.1f} without; import postparse.dates alone "
        f"{pp_import_only * 1e3:.1f}; dateparser {dp_first * 1e3:.1f} with hint"
    )
    print(
        f"  of attrs and calendar, parse_date imported: {heavy} "
        f"(import attrs alone: {attrs_alone * 1e3:.1f} ms)"
    )


if __name__ == "__main__":
    main()
