"""Telegram Desktop copy-paste: fixtures, detection, regressions."""

from __future__ import annotations

import pytest
from chat_fixture_helpers import (
    CORPUS,
    detected,
    read,
    summarise,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from postparse import parse


@pytest.mark.skipif(not CORPUS.is_dir(), reason="eval corpus not available")
def test_detect_corpus() -> None:
    assert detected(read(CORPUS / "telegram_desktop.txt")) == "telegram-desktop"


def test_blank_lines_inside_a_message_do_not_split_it() -> None:
    segs = summarise(
        "Anna, [03.09.24 11:48]\nRelease notes:\n\nVersion 2.8\n\n\nKnown issue: none\n\n"
        "Timur, [03.09.24 11:50]\n👍\n",
        "telegram-desktop",
    )
    assert [(s["line"], s["end_line"], s["author"]) for s in segs] == [
        (1, 8, "Anna"),
        (9, 10, "Timur"),
    ]
    assert segs[0]["text"] == "Release notes:\n\nVersion 2.8\n\n\nKnown issue: none"


def test_reply_forward_and_media_lines_belong_to_the_message() -> None:
    segs = summarise(
        "A, [02.09.24 16:19]\n[In reply to B]\nyes\n\n"
        "B, [02.09.24 16:20]\n[Forwarded from Bot]\nbuild ok\n\n"
        "B, [02.09.24 16:21]\n[ Photo ]\n",
        "telegram-desktop",
    )
    assert [(s["kind"], s["line"], s["end_line"]) for s in segs] == [
        ("post", 1, 4),
        ("post", 5, 8),
        ("post", 9, 10),
    ]


def test_stamp_is_exact_expression() -> None:
    segs = summarise(
        "Kostya Lebedev, [02.09.24 16:17]\nx\n\nDee, [9/2/24 4:17\u202fPM]\ny\n\n"
        "Z, [02.09.2024 16:17:05]\nz\n",
        "telegram-desktop",
    )
    assert [s["stamp"] for s in segs] == [
        "02.09.24 16:17",
        "9/2/24 4:17\u202fPM",
        "02.09.2024 16:17:05",
    ]


def test_header_with_text_after_it_is_not_a_header() -> None:
    segs = summarise(
        "Dee, [9/2/24 4:17 PM]\nok\nRob, [9/2/24 4:20 PM] you said\n", "telegram-desktop"
    )
    assert len(segs) == 1


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["A, [02.09.24 16:17]", "[ Photo ]", "", "text", ", []", "A, [1 16:17]"])
        | st.text(max_size=30),
        max_size=12,
    )
)
def test_never_crashes_and_partitions(parts: list[str]) -> None:
    summarise("\n".join(parts), "telegram-desktop")


def test_html_time_only_stamps_take_the_divider_day() -> None:
    doc = parse(
        "Release crew\n2024-09-02\nKL\n16:17\nKostya Lebedev\nReleased.\n16:18\nwiki updated\n"
        "AI\n16:19\nAnna Ilyina\nthanks\n",
        now="2024-09-10T12:00:00+00:00",
        dialect="telegram-desktop-html",
    )
    got = [
        (p.kind, p.author, p.timestamp.isoformat() if p.timestamp else None, p.text)
        for p in doc.segments
    ]
    assert got == [
        ("meta", None, None, "Release crew"),
        ("meta", None, None, "2024-09-02"),
        ("post", "Kostya Lebedev", "2024-09-02T16:17:00", "Released."),
        ("post", "Kostya Lebedev", "2024-09-02T16:18:00", "wiki updated"),
        ("post", "Anna Ilyina", "2024-09-02T16:19:00", "thanks"),
    ]


def test_html_known_sender_below_a_time_line() -> None:
    # page order without initials (a sender with a profile photo)
    segs = summarise(
        "Pavel K\n16:17\nhi\n16:20\nPavel K\nagain\n16:21\nmore\n", "telegram-desktop-html"
    )
    assert [(s["line"], s["end_line"], s["author"], s["stamp"]) for s in segs] == [
        (1, 3, "Pavel K", "16:17"),
        (4, 6, "Pavel K", "16:20"),
        (7, 8, "Pavel K", "16:21"),
    ]


def test_names_with_brackets_and_commas() -> None:
    segs = summarise(
        "Smith, John, [02.09.24 16:17]\nhi\n\nAnna [admin], [02.09.24 16:18]\nhello\n",
        "telegram-desktop",
    )
    assert [s["author"] for s in segs] == ["Smith, John", "Anna [admin]"]


def test_korean_locale_stamps_are_year_first() -> None:
    # Qt's Korean short date-time 'yy. M. d. a h:mm': '24. 9. 12.' is
    # 12 September 2024, not 24 September 2012
    doc = parse(
        "김지훈, [24. 9. 2. 오전 9:03]\n좋은 아침입니다\n\n"
        "Alex Kim, [24. 9. 12. 오후 4:17]\nthanks\n\n"
        "김지훈, [24. 9. 13. 오전 12:10]\n네\n",
        now="2024-09-10T12:00:00+00:00",
    )
    assert doc.dialect == "telegram-desktop"
    assert [p.timestamp.isoformat() if p.timestamp else None for p in doc] == [
        "2024-09-02T09:03:00",
        "2024-09-12T16:17:00",
        "2024-09-13T00:10:00",
    ]


def test_a_message_ending_in_an_ellipsis_is_not_truncated() -> None:
    doc = parse(
        "Dee, [9/2/24 4:17 PM]\nThe migration is done, but the old status page is still up...\n\n"
        "Rob, [9/2/24 4:20 PM]\nI will take it down tonight, after the last check of the logs…\n",
        now="2024-09-10T12:00:00+00:00",
    )
    assert doc.dialect == "telegram-desktop"
    assert [(p.truncated, len(p.text) >= 60) for p in doc] == [(False, True), (False, True)]
