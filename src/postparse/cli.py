"""The ``postparse`` command line."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import IO, Any

from . import __version__
from .dialects import registered
from .model import Post
from .pipeline import iter_parse

FORMATS = ("table", "jsonl", "json", "csv")
CSV_FIELDS = (
    "index", "kind", "line", "end_line", "author", "timestamp", "precision",
    "relative", "language", "truncated", "hashtags", "mentions", "urls",
    "repeat_of", "dialect", "text",
)  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="postparse",
        description="Segment social-media text dumps into posts (lossless, with offsets).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="dump files; '-' reads stdin")
    p.add_argument(
        "--format", "-f", choices=FORMATS, default=None,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )  # fmt: skip
    p.add_argument("--now", help="reference instant for relative dates (ISO 8601; default: now)")
    p.add_argument("--tz", help="time zone for timestamps that name none (e.g. Europe/Berlin)")
    p.add_argument("--dialect", help="force a dump format: " + ", ".join(registered()))
    p.add_argument("--posts-only", action="store_true", help="leave out meta segments")
    p.add_argument(
        "--explain", action="store_true",
        help="table format with the dialect rule that opened each segment",
    )  # fmt: skip
    p.add_argument("--version", action="version", version=f"postparse {__version__}")
    return p


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _fit(s: str, width: int) -> str:
    """``s`` cut and padded to ``width`` terminal columns (CJK counts two)."""
    out, used = [], 0
    for c in s:
        w = _width(c)
        if used + w > width:
            break
        out.append(c)
        used += w
    return "".join(out) + " " * (width - used)


def _table(posts: Iterator[Post], out: IO[str], name: str | None, explain: bool = False) -> None:
    if name:
        out.write(f"== {name}\n")
    rule_col = f"{'dialect/rule':28} " if explain else ""
    out.write(
        f"{'#':>4} {'kind':4} {'lines':>9} {rule_col}{'author':18} {'timestamp':19} {'lang':7} text\n"
    )
    for p in posts:
        ts = p.timestamp.isoformat()[:19] if p.timestamp else ""
        text = " ".join(p.text.split())
        if len(text) > 60:
            text = text[:59] + "…"
        author = _fit(p.author or "", 18)
        lines = f"{p.line}-{p.end_line}"
        flags = (" [truncated]" if p.truncated else "") + (
            f" [repeat of {p.repeat_of}]" if p.repeat_of is not None else ""
        )
        rule = f"{p.dialect + '/' + p.rule:28.28} " if explain else ""
        out.write(
            f"{p.index:>4} {p.kind:4} {lines:>9} {rule}{author:18} {ts:19} {p.language or '':7} "
            f"{text}{flags}\n"
        )


def _csv_row(p: Post) -> dict[str, Any]:
    d = p.to_dict()
    row = {k: d[k] for k in CSV_FIELDS}
    for k in ("hashtags", "mentions", "urls"):
        row[k] = " ".join(d[k])
    return row


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out = sys.stdout
    fmt = "table" if args.explain else args.format or ("table" if out.isatty() else "jsonl")
    try:
        now = datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now else None
    except ValueError:
        print(f"postparse: --now: not an ISO 8601 instant: {args.now!r}", file=sys.stderr)
        return 2
    status = 0
    writer = None
    collected: list[dict[str, Any]] = []
    for name in args.files:
        try:
            src: Any = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
        except OSError as exc:
            print(f"postparse: {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        try:
            posts = iter_parse(src, now=now, tz=args.tz, dialect=args.dialect)
            if args.posts_only:
                posts = (p for p in posts if p.kind == "post")
            if fmt == "jsonl":
                for p in posts:
                    out.write(json.dumps(p.to_dict(), ensure_ascii=False))
                    out.write("\n")
            elif fmt == "json":
                collected.extend(
                    dict(p.to_dict(), file=name) if len(args.files) > 1 else p.to_dict()
                    for p in posts
                )
            elif fmt == "csv":
                if writer is None:
                    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
                    writer.writeheader()
                for p in posts:
                    writer.writerow(_csv_row(p))
            else:
                _table(posts, out, name if len(args.files) > 1 else None, args.explain)
        except ValueError as exc:
            print(f"postparse: {name}: {exc}", file=sys.stderr)
            status = 2
        except OSError as exc:
            print(f"postparse: {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
        finally:
            if src is not sys.stdin.buffer:
                src.close()
    if fmt == "json":
        json.dump(collected, out, ensure_ascii=False, indent=1)
        out.write("\n")
    with contextlib.suppress(BrokenPipeError):
        out.flush()
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
