"""The ``telegram-preview`` dialect: fixtures, detection, rules, regressions."""

from __future__ import annotations

from datetime import datetime

import pytest
from feeds_support import (
    NOW,
    kinds,
    posts,
)

import postparse
from postparse.dialects import telegram_preview
from postparse.model import ParsedDate

DIALECT = "telegram-preview"


CARD = (
    "Field Notes\n@fieldnotes_city\n12.4K subscribers\n1.1K photos\n38 videos\n214 links\n"
    "A channel about the city.\nSeptember 6\nField Notes\nTram 3 moves on Monday.\n"
    "3.4K views  09:15\nField Notes\nSecond post\n2.1K viewsedited  21:20\n"
    "September 8\nField Notes\nPlease open Telegram to view this post\nVIEW IN TELEGRAM\n"
    "1.7K views  18:50\nChannel photo updated\nField Notes\n@fieldnotes_city\nOpen in Telegram\n"
)


def _meta_lines(text: str) -> set[int]:
    doc = postparse.parse(text, now=NOW, dialect=DIALECT)
    return {n for s in doc.segments if s.kind == "meta" for n in range(s.line, s.end_line + 1)}


def test_card_dividers_service_lines_are_meta() -> None:
    assert _meta_lines(CARD) == {1, 2, 3, 4, 5, 6, 7, 8, 15, 20, 21, 22, 23}
    assert [p.author for p in posts(CARD, DIALECT)] == ["Field Notes"] * 3
    assert [p.text for p in posts(CARD, DIALECT)] == [
        "Tram 3 moves on Monday.",
        "Second post",
        "Please open Telegram to view this post",  # the button is a footer
    ]


def test_detected_with_card_at_top() -> None:
    assert postparse.parse(CARD, now=NOW).dialect == DIALECT


@pytest.mark.parametrize(
    "footer",
    [
        "3.4K views  09:15",
        "2.1K viewsedited  09:20",
        "2.9K views  edited  18:42",
        "987 views  9:05 AM",
    ],
)
def test_views_footer_forms(footer: str) -> None:
    text = f"Field Notes\nSome text of the post\n{footer}\nField Notes\nNext\n1 view  10:00\n"
    assert kinds(text, DIALECT) == [("post", 1, 3), ("post", 4, 6)]


def _fake_parse_date(text: str, **_: object) -> ParsedDate | None:
    months = {"September": 9, "August": 8}
    word, _, day = text.partition(" ")
    if word not in months:
        return None
    value = datetime(2024, months[word], int(day.split(",")[0]))
    return ParsedDate(value, "day", False, text, 0, len(text))


def test_posts_carry_divider_date_and_footer_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # the dates engine is stubbed out: the dialect must hand the divider's
    # date to the posts below and add the views footer's time of day
    monkeypatch.setattr(telegram_preview, "parse_date", _fake_parse_date)
    got = [(p.timestamp, p.precision) for p in posts(CARD, DIALECT)]
    assert got == [
        (datetime(2024, 9, 6, 9, 15, tzinfo=got[0][0].tzinfo if got[0][0] else None), "minute"),
        (datetime(2024, 9, 6, 21, 20, tzinfo=got[1][0].tzinfo if got[1][0] else None), "minute"),
        (datetime(2024, 9, 8, 18, 50, tzinfo=got[2][0].tzinfo if got[2][0] else None), "minute"),
    ]
    doc = postparse.parse(CARD, now=NOW, dialect=DIALECT)
    dividers = [s for s in doc.segments if s.kind == "meta" and s.text.startswith("September")]
    assert [d.line for d in dividers] == [8, 15]


def test_post_without_footer_takes_divider_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(telegram_preview, "parse_date", _fake_parse_date)
    text = "September 6\nField Notes\nText without a footer\n"
    (p,) = posts(text, DIALECT)
    assert p.timestamp is not None and p.timestamp.date() == datetime(2024, 9, 6).date()
    assert p.precision == "day"


def test_at_clock_pm_and_bad_values() -> None:
    day = ParsedDate(datetime(2024, 9, 6), "day", False, "September 6")
    pm = telegram_preview._at_clock(day, "11:30 PM")
    assert pm is not None and (pm.value.hour, pm.value.minute) == (23, 30)
    noon = telegram_preview._at_clock(day, "12:05 AM")
    assert noon is not None and noon.value.hour == 0
    assert telegram_preview._at_clock(day, "25:99") is None


def test_signed_post_footer() -> None:
    text = "Field Notes\nSigned text\n1.2K views  Ivan Petrov, 09:15\nField Notes\nNext\n5 views  10:00\n"
    assert kinds(text, DIALECT) == [("post", 1, 3), ("post", 4, 6)]


def test_reply_preview_with_channel_name_stays_in_post() -> None:
    text = (
        "Field Notes\nFirst\n10 views  09:00\n"
        "Field Notes\nField Notes\nFirst\nA reply to the first post\n12 views  09:30\n"
    )
    assert kinds(text, DIALECT) == [("post", 1, 3), ("post", 4, 8)]
    assert posts(text, DIALECT)[1].text.endswith("A reply to the first post")


def test_card_without_handle_line() -> None:
    text = "Field Notes\n12.4K subscribers\n38 videos\nSeptember 6\nField Notes\nHello\n9 views  09:15\n"
    assert kinds(text, DIALECT)[-1] == ("post", 5, 7)
    assert _meta_lines(text) == {1, 2, 3, 4}


def test_views_footer_ends_post_without_name_lines() -> None:
    text = "September 6\nField Notes\nFirst text\n10 views  09:00\nSecond text, no name line above\n12 views  09:30\n"
    assert kinds(text, DIALECT) == [("meta", 1, 1), ("post", 2, 4), ("post", 5, 6)]


def test_long_first_post_still_gets_its_name() -> None:
    body = "\n".join(f"Line {i} of a long post." for i in range(15))
    text = (
        f"September 6\nField Notes\n{body}\n10 views  09:00\nField Notes\nShort\n5 views  10:00\n"
    )
    assert [p.author for p in posts(text, DIALECT)] == ["Field Notes", "Field Notes"]


def test_timestamp_spans_point_at_their_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(telegram_preview, "parse_date", _fake_parse_date)
    text = (
        "September 6\nField Notes\nNo footer here\nSeptember 8\nField Notes\nHi\n5 views  10:00\n"
    )
    got = posts(text, DIALECT)
    assert got[0].timestamp_span is not None
    assert text[slice(*got[0].timestamp_span)] == got[0].timestamp_text == "September 6"
    # day + clock: two places in the source, so no single span
    assert got[1].timestamp_span is None and got[1].timestamp_text == "September 8 10:00"


def test_card_title_names_the_first_post_even_when_long() -> None:
    body = "\n".join(f"Line {i} of a long post." for i in range(15))
    text = f"Field Notes\n@fieldnotes\nA channel.\nField Notes\n{body}\n10 views  09:00\n"
    assert [p.author for p in posts(text, DIALECT)] == ["Field Notes"]
    assert _meta_lines(text) == {1, 2, 3}


def test_handle_above_counters_is_not_the_title() -> None:
    # regression: the card-title rule took '@handle' (above a counter) for
    # the channel's title, and no post was named after the real title
    text = (
        "Field Notes\n@fieldnotes\n3 subscribers\nSeptember 6\nField Notes\nHello\n9 views  09:15\n"
    )
    assert [p.author for p in posts(text, DIALECT)] == ["Field Notes"]


def test_counters_on_one_line() -> None:
    text = "Field Notes\n@fieldnotes\n12.4K subscribers 1.1K photos 38 videos 214 links\nSeptember 6\nField Notes\nHi\n9 views  09:15\n"
    assert _meta_lines(text) == {1, 2, 3, 4}
