"""Fixture dumps: ``tests/fixtures/<dialect>/NAME.txt`` with the segments
expected in ``NAME.expected.json`` (``{"dialect", "segments": [...]}``; each
segment gives ``kind``, ``lines`` and any fields to check; a ``timestamp`` is
an ISO prefix). The CRLF and no-final-newline copies must give the same
segments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import postparse
from conftest import FIXTURES, NOW
from test_invariants import check_partition

CASES = sorted(
    p
    for p in FIXTURES.glob("*/*.expected.json")
    if "segments" in json.loads(p.read_text(encoding="utf-8"))
)
VARIANTS = ("", ".crlf", ".nofinal")


def _dump(case: Path, variant: str) -> Path:
    return case.with_name(case.name.replace(".expected.json", f"{variant}.txt"))


def _check(seg: postparse.Post, want: dict[str, Any], where: str) -> None:
    assert seg.kind == want["kind"], where
    assert [seg.line, seg.end_line] == want["lines"] or (
        # trailing blank lines belong to the segment above them
        seg.line == want["lines"][0] and seg.end_line >= want["lines"][1]
    ), where
    for key, value in want.items():
        if key in ("kind", "lines"):
            continue
        got = seg.to_dict()[key]
        if key == "timestamp" and value is not None:
            assert got is not None and got.replace(" ", "T").startswith(value), where
        elif key in ("hashtags", "mentions", "urls"):
            assert sorted(got) == sorted(value), where
        else:
            assert got == value, f"{where}: {key}"


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_fixture(case: Path, variant: str) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    if expected.get("needs"):
        pytest.xfail(f"needs {expected['needs']}")
    path = _dump(case, variant)
    text = path.read_bytes().decode("utf-8")
    doc = postparse.parse(path, now=NOW)
    check_partition(text, doc)
    assert doc.dialect == expected["dialect"]
    got = doc.segments
    want = expected["segments"]
    assert [(s.kind, s.line) for s in got] == [(w["kind"], w["lines"][0]) for w in want]
    for seg, w in zip(got, want, strict=True):
        _check(seg, w, f"{path.name} segment {seg.index}")


DUMPS = sorted(p for p in FIXTURES.glob("*/*.txt") if p.name.count(".") == 1)


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_variants_in_sync(dump: Path) -> None:
    """Every fixture dump has committed CRLF and no-final-newline copies
    (``python tests/fixtures/make_crlf.py`` writes them)."""
    case = dump.with_name(dump.name.replace(".txt", ".expected.json"))
    lf = dump.read_bytes().decode("utf-8")
    assert "\r" not in lf
    assert _dump(case, ".crlf").read_bytes().decode("utf-8") == lf.replace("\n", "\r\n")
    assert _dump(case, ".nofinal").read_bytes().decode("utf-8") == lf.rstrip("\n")


def test_example_in_readme_is_a_fixture() -> None:
    example = FIXTURES.parent.parent / "examples" / "telegram_web_example.txt"
    assert example.read_bytes() == (FIXTURES / "telegram-web" / "harbour.txt").read_bytes()


def test_ambiguous_han_line_does_not_split_a_simplified_post() -> None:
    # regression: a line of characters common to both scripts ("Han") after a
    # Simplified line ("Hans") once counted as a change of script
    text = (
        "Contact : @x\n"
        "2024-09-05 08:40 by 作者\n"
        "今天早上的雾很大，引航船暂停了两个小时，渡轮也晚点了。\n"
        "大家好，今天是星期一。\n"
    )
    doc = postparse.parse(text, now=NOW, dialect="telegram-web")
    assert [(s.kind, s.line, s.end_line) for s in doc.segments] == [
        ("meta", 1, 1),
        ("post", 2, 4),
    ]


def test_spans_point_at_the_source() -> None:
    path = FIXTURES / "telegram-web" / "transit.txt"
    text = path.read_text(encoding="utf-8")
    post = postparse.parse(text, now=NOW).segments[1]
    assert post.author == "Иван Петров"
    assert post.author_span is not None and text[slice(*post.author_span)] == "Иван Петров"
    assert post.timestamp_span is not None
    assert text[slice(*post.timestamp_span)] == post.timestamp_text == "2024-08-30 09:12"
    assert post.text_span is not None and text[slice(*post.text_span)].startswith("Сегодня")


def test_contact_me_is_not_a_card_line() -> None:
    # regression: a card label followed by words counted as a card line
    text = "Contact : @x\nContact me if you want the full table of arrivals and departures.\n"
    doc = postparse.parse(text, now=NOW, dialect="telegram-web")
    assert [s.kind for s in doc.segments] == ["meta", "post"]


def test_french_question_in_a_post_is_not_a_lost_emoji() -> None:
    text = (
        # no French function word in the line: only the post's language tells
        "Marie, [02.09.24 16:17]\nTrop drôle ? Vidéo incroyable, regardez jusqu'à la fin.\n\n"
        "Kostya, [02.09.24 16:20]\nof course it is the offsets again ?\n"
    )
    first, second = postparse.parse(text, now=NOW).posts
    assert first.language == "fr"
    assert first.emoji == () and "drôle ?" in first.text
    assert [r.lost for r in second.emoji] == [True]


def test_spanish_date_is_not_a_byline_by_a_year() -> None:
    # regression: '28 de agosto de 2024' read as 'DATE de NAME' (author '2024'),
    # which also switched a Spanish Discord dump to telegram-web on its first line
    doc = postparse.parse("28 de agosto de 2024\n", now=NOW, dialect="telegram-web")
    assert [s.author for s in doc.segments] == [None]
    text = "28 de agosto de 2024\nLucía — 28/08/2024 21:14\nhola\nMarta — hoy a las 9:05\nok\n"
    doc = postparse.parse(text, now=NOW)
    assert [(s.kind, s.author) for s in doc.segments] == [
        ("meta", None),
        ("post", "Lucía"),
        ("post", "Marta"),
    ]
