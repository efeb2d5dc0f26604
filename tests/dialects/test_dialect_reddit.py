"""The ``reddit`` dialect: fixtures, detection, rules, regressions."""

from __future__ import annotations

import pytest
from feeds_support import (
    drafts,
    kinds,
    posts,
)

DIALECT = "reddit"


@pytest.mark.parametrize(
    ("head", "author", "stamp"),
    [
        ("r/sub · Posted by u/paperwren 5 hours ago", "u/paperwren", "5 hours ago"),
        ("r/sub•Posted byu/paperwren5 hours ago", "u/paperwren", "5 hours ago"),  # spaces lost
        ("Posted by\nu/paperwren\n5 hours ago", "u/paperwren", "5 hours ago"),
        ("r/sub\n•\n9 hr. ago\nu/routeplanner", "u/routeplanner", "9 hr. ago"),
        ("r/sub · 2 days ago", "r/sub", "2 days ago"),
        ("u/thimble · 2 hr. ago · edited 1 hr. ago", "u/thimble", "2 hr. ago"),
        ("marbledends\n· 4 hr. ago", "marbledends", "4 hr. ago"),
        ("paperwren\nOP\n•\n3h ago", "paperwren", "3h ago"),
        ("[–]linha_verde 512 points 6 hours ago (3 children)", "linha_verde", "6 hours ago"),
        (
            "[–]azulejo_fan[S] 201 points 5 hours ago* (last edited 4 hours ago)",
            "azulejo_fan",
            "5 hours ago",
        ),
        ("[+]quiet score hidden 12 minutes ago (1 child)", "quiet", "12 minutes ago"),
        ("submitted 7 hours ago by azulejo_fan to r/MapPorn", "azulejo_fan", "7 hours ago"),
    ],
)
def test_header_forms(head: str, author: str, stamp: str) -> None:
    text = head + "\nThe body of it\nReply\n"
    (d,) = [d for d in drafts(text, DIALECT) if d.kind == "post"]
    assert d.header is not None
    assert (d.header.author, d.header.stamp) == (author, stamp)
    start = d.header.stamp_start or 0
    assert text[start : start + len(stamp)] == stamp
    (p,) = posts(text, DIALECT)
    assert p.text == "The body of it"


def test_old_reddit_title_heads_its_post() -> None:
    text = "1\n2.4k\nMy title (i.redd.it)\nsubmitted 7 hours ago by someone to r/maps\n214 comments share save hide report\n"
    assert kinds(text, DIALECT) == [("meta", 1, 2), ("post", 3, 4), ("meta", 5, 5)]
    (p,) = posts(text, DIALECT)
    assert (p.author, p.text) == ("someone", "My title (i.redd.it)")


@pytest.mark.parametrize(
    "line",
    [
        "Reply",
        "Reply Share Report Save Follow",
        "permalinkembedsavereportreply",
        "permalink embed save parent report give award reply",
        "level 3",
        "342 comments",
        "1.2k",
        "Vote",
        "2 more replies",
        "load more comments (6 replies)",
        "Continue this thread →",
        "Sort by: Best",
        "88 comments share save hide report",
    ],
)
def test_chrome_lines_are_meta(line: str) -> None:
    text = f"u/a · 1 hr. ago\nHello\n{line}\n"
    assert kinds(text, DIALECT) == [("post", 1, 2), ("meta", 3, 3)]


def test_deleted_comment_keeps_its_placeholder_text() -> None:
    text = "[deleted]\n•\n6h ago\nComment deleted by user\n3\nReply\n"
    (p,) = posts(text, DIALECT)
    assert (p.author, p.text) == ("[deleted]", "Comment deleted by user")


def test_plain_text_with_ago_is_not_a_header() -> None:
    text = "u/a · 1 hr. ago\nI moved here 5 years ago\nand never left\n"
    assert kinds(text, DIALECT) == [("post", 1, 3)]


def test_header_spread_over_blank_lines() -> None:
    # regression: a lookahead of 6 physical lines missed a five-line header
    # with blank lines between its parts
    text = "r/Bookbinding\n\n•\n\nPosted by\n\nu/paperwren\n\n5 hours ago\n\nMy title\n"
    (p,) = posts(text, DIALECT)
    assert (p.author, p.text) == ("u/paperwren", "My title")


def test_join_button_under_byline_stays_in_post() -> None:
    text = "r/Cyclingmaps • 9 hr. ago\nJoin\nAdded every protected bike lane\n1.2K\nVote\n"
    assert kinds(text, DIALECT) == [("post", 1, 3), ("meta", 4, 5)]
    (p,) = posts(text, DIALECT)
    assert p.text == "Added every protected bike lane"
