"""The ``facebook`` dialect: fixtures, detection, rules, regressions."""

from __future__ import annotations

import pytest
from feeds_support import (
    drafts,
    kinds,
    posts,
)

DIALECT = "facebook"


@pytest.mark.parametrize(
    ("head", "author", "stamp"),
    [
        ("Lena Hoffmann\n2 hrs · ", "Lena Hoffmann", "2 hrs"),
        ("Lena Hoffmann\nSeptember 3 at 9:02 AM · ", "Lena Hoffmann", "September 3 at 9:02 AM"),
        (
            "Lena Hoffmann\nYesterday at 4:20 PM · Shared with Public",
            "Lena Hoffmann",
            "Yesterday at 4:20 PM",
        ),
        (
            "Riverside Club · Follow\nMarch 3, 2023 at 7:45 PM ·",
            "Riverside Club",
            "March 3, 2023 at 7:45 PM",
        ),
        ("Lena Hoffmann\n3d\n·", "Lena Hoffmann", "3d"),
        ("Lena Hoffmann\nJust now · 🌍", "Lena Hoffmann", "Just now"),
    ],
)
def test_post_header_forms(head: str, author: str, stamp: str) -> None:
    text = head + "\nThe post text\nLike\n"
    (d,) = [d for d in drafts(text, DIALECT) if d.kind == "post"]
    assert d.header is not None
    assert (d.header.author, d.header.stamp) == (author, stamp)  # no trailing space (regression)
    (p,) = posts(text, DIALECT)
    assert p.text == "The post text"


@pytest.mark.parametrize(
    "foot", ["1h Like Reply", "2d · Like · Reply · Edited", "45m\nLike\nReply", "5y Like Reply 14"]
)
def test_comment_stamp_comes_from_its_footer(foot: str) -> None:
    text = f"Most relevant\nTomás Reyes\nLooks amazing\n{foot}\nAna Paz\nSame here\n1h Like Reply\n"
    got = [(p.author, p.text) for p in posts(text, DIALECT)]
    assert got == [("Tomás Reyes", "Looks amazing"), ("Ana Paz", "Same here")]
    stamps = [d.header.stamp for d in drafts(text, DIALECT) if d.kind == "post" and d.header]
    assert stamps[0] == foot.split()[0] and stamps[1] == "1h"


def test_count_like_age_is_a_comment_footer_not_a_count() -> None:
    # regression: '45m' read as 45 million split the comment from its footer
    text = "Most relevant\nAna Paz\nSame here\n45m\nLike\nReply\n"
    assert kinds(text, DIALECT) == [("meta", 1, 1), ("post", 2, 4), ("meta", 5, 6)]


def test_see_more_truncates_and_reactions_are_meta() -> None:
    text = "Lena\n2 hrs ·\nA long text that was cut… See more\nAll reactions:\n48\nJane Doe and 23 others\n12 comments\n3 shares\nLike Comment Share\n"
    assert kinds(text, DIALECT) == [("post", 1, 3), ("meta", 4, 9)]
    assert posts(text, DIALECT)[0].truncated


def test_badge_under_name_stays_with_the_comment() -> None:
    text = "Most relevant\nLena Hoffmann\nAuthor\nThank you!\n45m Like Reply\n"
    (p,) = posts(text, DIALECT)
    assert (p.author, p.text) == ("Lena Hoffmann", "Thank you!")


def test_suggested_group_card_is_meta() -> None:
    text = "Suggested for you\nSourdough Bakers\nJoin group\nAmir\n2h ·\nHi\n"
    assert kinds(text, DIALECT) == [("meta", 1, 3), ("post", 4, 6)]


def test_follow_between_name_and_date() -> None:
    text = "Riverside Allotments\n·\nFollow\n2h\n·\nWater is off on Thursday.\nLike\n"
    (p,) = posts(text, DIALECT)
    assert (p.author, p.text) == ("Riverside Allotments", "Water is off on Thursday.")
    (d,) = [d for d in drafts(text, DIALECT) if d.kind == "post"]
    assert d.header is not None and d.header.stamp == "2h"
