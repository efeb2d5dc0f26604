"""Shared helpers of the chat dialect tests: run a dump through detection and
segmentation and summarise each segment's key fields."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from postparse.dates import infer_date_order
from postparse.dialects import detect_dialect, get_dialect
from postparse.dialects.base import State
from postparse.fields.post import PostBuilder
from postparse.lines import split_lines
from postparse.segment import segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = Path("/work/shared/eval/corpus")
NOW = datetime(2024, 9, 10, 12, 0, tzinfo=timezone.utc)


def detected(text: str) -> str:
    sample = [ln.content for ln in split_lines(text) if ln.content][:200]
    return detect_dialect(sample).name


def summarise(text: str, dialect: str | None = None) -> list[dict[str, Any]]:
    """One dict per segment: kind, line, end_line, author, stamp, text."""
    lines = list(split_lines(text))
    sample = [ln.content for ln in lines if ln.content][:200]
    chosen = get_dialect(dialect) if dialect else detect_dialect(sample)
    state = State(now=NOW)
    state.order = infer_date_order(sample) or chosen.order
    builder = PostBuilder(chosen, state)
    out: list[dict[str, Any]] = []
    pos = 0
    for draft in segment(iter(lines), chosen, state):
        post = builder.build(draft)
        assert post.start == pos
        pos = post.end
        header = draft.header
        out.append(
            {
                "kind": post.kind,
                "line": post.line,
                "end_line": post.end_line,
                "author": post.author,
                "stamp": _stamp(header, draft.date),
                "text": post.text if post.kind == "post" else None,
            }
        )
    assert pos == len(text)
    return out


def _stamp(header: Any, date: Any) -> str | None:
    """The byline's date expression, or the text of a date a rule resolved."""
    if header is None:
        return None
    if header.stamp is not None:
        return str(header.stamp)
    return str(header.date.text) if header.date is not None else None


def key_fields(segs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("kind", "line", "end_line", "author", "stamp")
    return [{k: s[k] for k in keys} for s in segs]


def expected(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        path.with_name(path.name.replace(".txt", ".expected.json")).read_text("utf-8")
    )
    return data


def fixture_files(folder: str) -> list[Path]:
    """The fixture dumps of a folder, without their committed CRLF and
    no-final-newline copies (``NAME.crlf.txt``, ``NAME.nofinal.txt``)."""
    return sorted(p for p in (FIXTURES / folder).glob("*.txt") if p.name.count(".") == 1)


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()
