"""What compiling the engine with mypyc would buy, measured side by side.

    python benchmarks/bench_compiled.py [--mb 3] [--repeat 5] [--keep DIR]

Needs mypy (it ships mypyc) and a C compiler: ``pip install -e ".[dev]"``.
It copies ``src/postparse`` into a temporary directory, compiles the modules
that mypyc can compile today (``COMPILED``; the others stay Python, see
``LEFT_OUT``), then times ``parse`` on the same generated dumps in two child
processes, one on the pure package and one on the compiled copy, in turns,
and prints the medians and their ratio. The package itself is not compiled
and nothing here ships: this measures a possible compiled core.

Each child parses the dump once before timing (tables, caches and the
regex compiles of the languages the dump asks for are then warm).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from gen_dumps import generate  # noqa: E402

#: modules mypyc cannot compile today, and why
LEFT_OUT = {
    "__init__.py": "the package's entry: kept importable without the extension",
    "__main__.py": "the CLI runs once",
    "cli.py": "the CLI runs once",
    "model.py": "attrs classes with attrs.field() defaults",
    "source.py": "attrs classes with attrs.field() defaults",
    "dialects/base.py": "attrs classes with attrs.field() defaults",
    "dates/_result.py": "nested class definitions",
    "lang/_builtin.py": "class attributes assigned through the class",
    "emoji/__init__.py": "a surrogate code point in a string literal",
}

CHILD = r"""
import json, sys, time
from datetime import datetime, timezone
import postparse
now = datetime(2024, 9, 10, 12, tzinfo=timezone.utc)
text = open(sys.argv[1], encoding="utf-8").read()
postparse.parse(text, now=now)
times = []
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    postparse.parse(text, now=now)
    times.append(time.perf_counter() - t0)
print(json.dumps({"file": postparse.__file__, "times": times}))
"""


def compiled_copy(dest: Path) -> Path:
    """``dest/src/postparse`` with ``COMPILED`` built in place; returns ``dest/src``."""
    src = dest / "src"
    shutil.copytree(
        ROOT / "src" / "postparse", src / "postparse", ignore=shutil.ignore_patterns("__pycache__")
    )
    modules = sorted(
        str(p.relative_to(src))
        for p in (src / "postparse").rglob("*.py")
        if str(p.relative_to(src / "postparse")) not in LEFT_OUT
    )
    subprocess.run(
        [sys.executable, "-m", "mypyc", "--config-file", str(ROOT / "pyproject.toml"), *modules],
        cwd=src,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return src


def run(pythonpath: Path, dump: Path, n: int) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath), "PYTHONHASHSEED": "0"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(dump), str(n)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    got = json.loads(out)
    assert Path(got["file"]).is_relative_to(pythonpath), got["file"]
    times: list[float] = got["times"]
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=3.0, help="size of each dump (default 3)")
    ap.add_argument("--repeat", type=int, default=5, help="turns per build (default 5)")
    ap.add_argument("--keep", type=Path, help="build the compiled copy here and keep it")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="postparse-mypyc-"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / "src" if (work / "src" / "postparse").exists() else compiled_copy(work)
    for kind in ("seed", "notes"):
        dump = HERE / "data" / f"{kind}-{args.mb:g}mb.txt"
        if not dump.exists():
            generate(kind, args.mb, dump)
        pure: list[float] = []
        fast: list[float] = []
        for _ in range(args.repeat):  # in turns, so drift hits both alike
            pure += run(ROOT / "src", dump, 1)
            fast += run(src, dump, 1)
        p, c = statistics.median(pure), statistics.median(fast)
        mb = dump.stat().st_size / 1e6
        print(
            f"{kind:5} {mb:.1f} MB  pure {mb / p:6.2f} MB/s  compiled {mb / c:6.2f} MB/s  "
            f"speed-up {p / c:.2f}x  (medians of {args.repeat})"
        )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
