"""Slack copy-paste: fixtures, detection, regressions."""

from __future__ import annotations

from chat_fixture_helpers import (
    summarise,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from postparse import parse


def test_header_forms_and_exact_stamps() -> None:
    segs = summarise(
        "Priya  10:42 AM\na\nTomasz\t11:02\nb\nOld Client [9:15\u202fAM]\nc\n", "slack"
    )
    assert [(s["author"], s["stamp"]) for s in segs] == [
        ("Priya", "10:42 AM"),
        ("Tomasz", "11:02"),
        ("Old Client", "9:15\u202fAM"),
    ]


def test_time_only_follow_ups_take_the_divider_day() -> None:
    doc = parse(
        "2024-09-09\nPriya  10:42 AM\ndeploy\n10:43\nping me\n[10:50 AM] snacks\n",
        now="2024-09-10T12:00:00+00:00",
        dialect="slack",
    )
    got = [
        (p.kind, p.author, p.timestamp.isoformat() if p.timestamp else None) for p in doc.segments
    ]
    assert got == [
        ("meta", None, None),
        ("post", "Priya", "2024-09-09T10:42:00"),
        ("post", "Priya", "2024-09-09T10:43:00"),
        ("post", "Priya", "2024-09-09T10:50:00"),
    ]


def test_text_followed_by_a_time_line_is_not_a_name() -> None:
    # 'sounds good, thanks' ends a message; '4:31 PM' is a follow-up.
    segs = summarise("Ana  4:30 PM\nready?\nsounds good, thanks\n4:31 PM\nnp\n", "slack")
    assert [(s["line"], s["end_line"], s["author"]) for s in segs] == [
        (1, 3, "Ana"),
        (4, 5, "Ana"),
    ]


def test_sentence_ending_with_a_time_is_not_a_header() -> None:
    segs = summarise("Ana  4:30 PM\nlet's meet at 10:42 AM\nok\n", "slack")
    assert len(segs) == 1


def test_reactions_threads_are_meta_and_edited_is_part_of_the_post() -> None:
    segs = summarise(
        "Ana  4:30 PM\nhello\n(edited)\n:+1: 3  :tada: 1\n12 replies Last reply today at 5:00 PM\n"
        "View thread\n",
        "slack",
    )
    assert [(s["kind"], s["line"], s["end_line"]) for s in segs] == [
        ("post", 1, 3),
        ("meta", 4, 6),
    ]
    assert segs[0]["text"] == "hello"


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Ana  4:30 PM", "10:43", "[10:43 AM] x", "Today", ":+1: 3", "Ana", ""])
        | st.text(max_size=30),
        max_size=12,
    )
)
def test_never_crashes_and_partitions(parts: list[str]) -> None:
    summarise("\n".join(parts), "slack")


def test_app_badge_is_not_part_of_the_name() -> None:
    segs = summarise("Jira Cloud  APP  10:42 AM\nPROJ-12 moved to Done\n", "slack")
    assert [(s["author"], s["stamp"]) for s in segs] == [("Jira Cloud", "10:42 AM")]


def test_day_before_the_time_in_thread_views() -> None:
    segs = summarise(
        "Priya  Yesterday at 10:42 AM\nsee thread\nTomasz  Sep 9th at 4:05 PM\nok\n", "slack"
    )
    assert [(s["author"], s["stamp"]) for s in segs] == [
        ("Priya", "Yesterday at 10:42 AM"),
        ("Tomasz", "Sep 9th at 4:05 PM"),
    ]
