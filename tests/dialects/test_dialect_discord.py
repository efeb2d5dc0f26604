"""Discord copy-paste: fixtures, detection, regressions."""

from __future__ import annotations

import gc

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
    assert detected(read(CORPUS / "discord.txt")) == "discord"


def test_stamps_are_exact_expressions() -> None:
    segs = summarise(
        "A — Today at 4:20 PM\nx\nB — Yesterday at 5:02\u202fPM\ny\n"
        "C — 08/28/2024 9:14 PM\nz\nTheoYesterday at 6:45 PM\nw\n",
        "discord",
    )
    assert [(s["author"], s["stamp"]) for s in segs] == [
        ("A", "Today at 4:20 PM"),
        ("B", "Yesterday at 5:02\u202fPM"),
        ("C", "08/28/2024 9:14 PM"),
        ("Theo", "Yesterday at 6:45 PM"),
    ]


def test_follow_up_takes_the_group_author_and_day() -> None:
    doc = parse(
        "Scarlet — 2024-09-09 16:20\nwho brings Wingspan?\n[4:21 PM]also the meeple bag\n"
        "[11:58 PM]late one\n[12:03 AM]past midnight\n",
        now="2024-09-10T12:00:00+00:00",
        dialect="discord",
    )
    posts = [(p.author, p.timestamp.isoformat() if p.timestamp else None, p.text) for p in doc]
    assert posts == [
        ("Scarlet", "2024-09-09T16:20:00", "who brings Wingspan?"),
        ("Scarlet", "2024-09-09T16:21:00", "also the meeple bag"),
        ("Scarlet", "2024-09-09T23:58:00", "late one"),
        ("Scarlet", "2024-09-10T00:03:00", "past midnight"),
    ]


def test_code_block_lines_are_never_headers() -> None:
    segs = summarise(
        "A — Today at 4:20 PM\nschedule:\n```\nB — Today at 5:00 PM\n[5:30 PM] x\n"
        "September 9, 2024\n```\nC — Today at 4:30 PM\nok\n",
        "discord",
    )
    assert [(s["line"], s["end_line"], s["author"]) for s in segs] == [(1, 7, "A"), (8, 9, "C")]


def test_open_fence_does_not_leak_into_the_next_document() -> None:
    summarise("A — Today at 4:20 PM\n```\nunclosed\n", "discord")
    gc.collect()
    segs = summarise("A — Today at 4:20 PM\nx\nB — Today at 4:21 PM\ny\n", "discord")
    assert len(segs) == 2


def test_sentence_ending_in_a_day_time_is_not_a_header() -> None:
    segs = summarise("A — Today at 4:20 PM\nmeeting moved to Today at 4:20 PM\n", "discord")
    assert len(segs) == 1


def test_divider_edited_and_reactions() -> None:
    segs = summarise(
        "September 9, 2024\nA — Yesterday at 4:20 PM\nhello\n(edited)\n🔥 2 👍 1\n", "discord"
    )
    assert [(s["kind"], s["line"], s["end_line"]) for s in segs] == [
        ("meta", 1, 1),
        ("post", 2, 5),
    ]
    assert segs[1]["text"] == "hello"


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["A — Today at 4:20 PM", "[4:21 PM]x", "[4:21 PM]", "```", "(edited)", "—", "B", ""]
        )
        | st.text(max_size=30),
        max_size=12,
    )
)
def test_never_crashes_and_partitions(parts: list[str]) -> None:
    summarise("\n".join(parts), "discord")


def test_spread_header_with_an_app_badge() -> None:
    segs = summarise(
        "MEE6\nAPP\n — \nToday at 4:20 PM\nGG @Scarlet, you just advanced to level 3!\n"
        "Scarlet\n — \nToday at 4:21 PM\nnice\n",
        "discord",
    )
    assert [(s["line"], s["end_line"], s["author"], s["stamp"]) for s in segs] == [
        (1, 5, "MEE6", "Today at 4:20 PM"),
        (6, 9, "Scarlet", "Today at 4:21 PM"),
    ]
    assert segs[0]["text"] == "GG @Scarlet, you just advanced to level 3!"


def test_system_messages_are_meta() -> None:
    segs = summarise(
        "Scarlet — Today at 4:20 PM\nhi\n"
        "Welcome, Theo. We hope you brought pizza. — Today at 4:22 PM\n"
        "Theo just showed up! Today at 4:23 PM\n"
        "Brightwing pinned a message to this channel. See all pinned messages.\n — \n"
        "Today at 4:24 PM\n"
        "Theo — Today at 4:25 PM\nhello!\n",
        "discord",
    )
    assert [(s["kind"], s["line"], s["end_line"], s["author"]) for s in segs] == [
        ("post", 1, 2, "Scarlet"),
        ("meta", 3, 7, None),
        ("post", 8, 9, "Theo"),
    ]


@pytest.mark.parametrize(
    "divider",
    ["28 августа 2024 г.", "28 серпня 2024 р.", "2024년 8월 28일", "2024년 8월 28일 수요일"],
)
def test_localized_day_dividers_are_meta(divider: str) -> None:
    from postparse.dialects._chat import is_day_divider

    assert is_day_divider(divider)
    assert not is_day_divider("Привет г.")
