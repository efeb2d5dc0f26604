"""The ``mastodon`` dialect: fixtures, detection, rules, regressions."""

from __future__ import annotations

import pytest
from feeds_support import (
    drafts,
    kinds,
    posts,
)

DIALECT = "mastodon"


@pytest.mark.parametrize(
    ("head", "author", "stamp"),
    [
        ("2h\nHarbour Data Lab\n@harbourdata@fosstodon.org", "Harbour Data Lab", "2h"),
        ("Mar 14, 2023 *\nRosa\n@rosa", "Rosa", "Mar 14, 2023"),
        ("Eun-ji Park\n@eunji@hachyderm.io\nSep 3", "Eun-ji Park", "Sep 3"),
        ("Tomasz @tomasz@pol.social · 5m", "Tomasz", "5m"),
        ("Mina\n@mina@mastodon.art · 1h", "Mina", "1h"),
    ],
)
def test_header_forms(head: str, author: str, stamp: str) -> None:
    text = head + "\nThe post text\n3\n"
    (d,) = [d for d in drafts(text, DIALECT) if d.kind == "post"]
    assert d.header is not None
    assert (d.header.author, d.header.stamp) == (author, stamp)
    (p,) = posts(text, DIALECT)
    assert p.text == "The post text"


def test_age_line_that_looks_like_a_count_heads_the_post() -> None:
    # regression: '45m' was read as 45 million (a count) and lost its post
    text = "3\n45m\nKai\n@kai@mastodon.social\nHello\n1\n"
    assert kinds(text, DIALECT) == [("meta", 1, 1), ("post", 2, 5), ("meta", 6, 6)]


def test_content_warning() -> None:
    hidden = "5m\nKai\n@kai@mastodon.social\nfinale spoilers\nShow more\n1\n"
    (p,) = posts(hidden, DIALECT)
    assert p.truncated and p.text == "finale spoilers"
    shown = "5m\nKai\n@kai@mastodon.social\nfinale spoilers\nShow less\nThey all lived.\n1\n"
    (p,) = posts(shown, DIALECT)
    assert not p.truncated and p.text.endswith("They all lived.")


def test_focused_post_dated_by_its_detail_line() -> None:
    text = "Leo\n@leo@floss.social\nCouncil votes Thursday.\nSep 3, 2024, 14:02 · Web · 12 boosts · 30 favourites\n"
    (d,) = [d for d in drafts(text, DIALECT) if d.kind == "post"]
    assert d.header is not None and d.header.stamp == "Sep 3, 2024, 14:02"
    (p,) = posts(text, DIALECT)
    assert (p.author, p.text) == ("Leo", "Council votes Thursday.")


def test_boost_line_and_buttons_are_meta() -> None:
    text = "Rosa boosted\n2h\nLab\n@lab@fosstodon.org\nHi\nReply\nBoost\nFavourite\n1+\n"
    assert kinds(text, DIALECT) == [("meta", 1, 1), ("post", 2, 5), ("meta", 6, 9)]
