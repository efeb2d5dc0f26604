"""Shared checks for the feed dialects' tests (twitter, reddit, facebook,
mastodon, weibo, telegram-preview).

Each fixture ``tests/fixtures/<dir>/NAME.txt`` has ``NAME.expected.json``
(``{"dialect", "segments": [...], "stamps": [...]}``): ``segments`` as in
``tests/test_fixtures.py``, ``stamps`` the exact date expression each post's
header hands to the dates engine (None: no stamp of its own).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import postparse
from postparse.dialects import detect_dialect, get_dialect
from postparse.dialects.base import State
from postparse.lines import split_lines
from postparse.segment import Draft, segment

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
NOW = datetime(2024, 9, 10, 12, 0, tzinfo=timezone.utc)
VARIANTS = ("", ".crlf", ".nofinal")


def corpus_dir() -> Path | None:
    """The public eval corpus, when it is reachable from here."""
    for cand in (ROOT.parent / "shared" / "eval" / "corpus", Path("/work/shared/eval/corpus")):
        if cand.is_dir():
            return cand
    return None


def cases(folder: str) -> list[Path]:
    return sorted((FIXTURES / folder).glob("*.expected.json"))


def dump_of(case: Path, variant: str = "") -> Path:
    return case.with_name(case.name.replace(".expected.json", f"{variant}.txt"))


def all_dumps() -> Iterator[tuple[str, Path]]:
    """(fixture folder, path) of every LF fixture dump and corpus file."""
    for path in sorted(FIXTURES.glob("*/*.txt")):
        if path.name.count(".") == 1:
            yield path.parent.name, path
    corpus = corpus_dir()
    if corpus is not None:
        for path in sorted(corpus.glob("*.txt")):
            yield "corpus", path


def sample_of(text: str) -> list[str]:
    return [ln.content for ln in split_lines(text) if ln.content][:200]


def detected(path: Path) -> str:
    return detect_dialect(sample_of(path.read_bytes().decode("utf-8"))).name


def drafts(text: str, dialect: str) -> list[Draft]:
    return list(segment(split_lines(text), get_dialect(dialect), State(now=NOW)))


def check_partition(text: str, doc: postparse.Document) -> None:
    assert "".join(s.raw for s in doc.segments) == text
    pos = 0
    for i, s in enumerate(doc.segments):
        assert s.index == i and s.start == pos and s.end > s.start
        assert s.line == text.count("\n", 0, s.start) + 1
        pos = s.end
    assert pos == len(text)


def check_case(case: Path, variant: str) -> None:
    expected: dict[str, Any] = json.loads(case.read_text(encoding="utf-8"))
    path = dump_of(case, variant)
    text = path.read_bytes().decode("utf-8")
    doc = postparse.parse(path, now=NOW)
    check_partition(text, doc)
    assert doc.dialect == expected["dialect"]
    with path.open("rb") as fh:  # streaming gives the same segments
        assert tuple(postparse.iter_parse(fh, now=NOW)) == doc.segments
    want = expected["segments"]
    got = doc.segments
    assert [(s.kind, s.line) for s in got] == [(w["kind"], w["lines"][0]) for w in want]
    for seg, w in zip(got, want, strict=True):
        where = f"{path.name} segment {seg.index}"
        assert seg.end_line >= w["lines"][1], where
        for key, value in w.items():
            if key in ("kind", "lines"):
                continue
            val = seg.to_dict()[key]
            if key in ("hashtags", "mentions", "urls"):
                assert sorted(val) == sorted(value), f"{where}: {key}"
            else:
                assert val == value, f"{where}: {key}"
    # the exact date expressions, located at their offsets in the input
    stamps = []
    for d in drafts(text, expected["dialect"]):
        if d.kind != "post":
            continue
        stamp = d.header.stamp if d.header is not None else None
        stamps.append(stamp)
        if stamp is not None and d.header is not None and d.header.stamp_start is not None:
            start = d.header.stamp_start
            assert text[start : start + len(stamp)] == stamp
    assert stamps == expected["stamps"]


def check_variants_in_sync(case: Path) -> None:
    lf = dump_of(case).read_bytes().decode("utf-8")
    assert "\r" not in lf
    assert dump_of(case, ".crlf").read_bytes().decode("utf-8") == lf.replace("\n", "\r\n")
    assert dump_of(case, ".nofinal").read_bytes().decode("utf-8") == lf.rstrip("\n")


def posts(text: str, dialect: str | None = None) -> list[postparse.Post]:
    return list(postparse.parse(text, now=NOW, dialect=dialect))


def kinds(text: str, dialect: str | None = None) -> list[tuple[str, int, int]]:
    doc = postparse.parse(text, now=NOW, dialect=dialect)
    return [(s.kind, s.line, s.end_line) for s in doc.segments]


def detection_cases(folder: str, corpus_stem: str | None) -> list[tuple[bool, Path]]:
    """(is ours, path) for every fixture dump and corpus file."""
    out = []
    for where, path in all_dumps():
        ours = where == folder or (where == "corpus" and path.stem == corpus_stem)
        out.append((ours, path))
    return out


#: Lines that trigger the feed dialects' rules, for property tests.
FEED_LINES = [
    "Mara Okafor",
    "@maraokafor_data",
    "·",
    "2h",
    "Mar 14",
    "Desk of Rui @ruidesk · 45m",
    "41",
    "1.9K",
    "212K Views",
    "Show more",
    "Replying to @ruidesk",
    "Mara Okafor reposted",
    "r/Bookbinding · Posted by u/paperwren 5 hours ago",
    "u/name · 5 hr. ago",
    "level 1",
    "[–]name 25 points 5 hours ago (2 children)",
    "submitted 7 hours ago by name to r/MapPorn",
    "Reply Share Report Save Follow",
    "2 hrs ·",
    "Yesterday at 4:20 PM ·",
    "1h Like Reply",
    "All reactions:",
    "Jane Doe and 23 others",
    "@kai@mastodon.social",
    "Rosa Lindqvist boosted",
    "Sep 3, 2024, 14:02 · Web · 12 boosts · 30 favourites",
    "城南旧事录",
    "3分钟前 来自 iPhone客户端",
    "转发 2",
    "赞",
    "...展开全文c",
    "September 6",
    "3.4K views  09:15",
    "2.1K viewsedited  09:20",
    "12.4K subscribers",
    "Open in Telegram",
    "",
    " ",
]

#: Feed-like dumps: those lines and random text, with every line ending.
feed_text = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(FEED_LINES), st.text(max_size=30)),
        st.sampled_from(["\n", "\r\n", "\r"]),
    ),
    max_size=30,
).map(lambda parts: "".join(a + b for a, b in parts))
