"""A file that concatenates several formats is read with each where it applies."""

from __future__ import annotations

import postparse
from conftest import NOW
from test_invariants import check_partition

MIXED = """Notes from the call, copied below.

Action items are at the end.

8/30/24, 10:02 AM - Priya Raman: Anyone up for a sunrise hike next weekend?
- shorter
- flatter
9/2/24, 10:31 AM - Dana Whitfield: lol he didn't even wait for the answer
9/2/24, 10:34 AM - Marcus Bell: Fat thumb, sorry!!

Kostya Lebedev, [02.09.24 16:17]
Release 2.8 is tagged.

Anna Ilyina, [02.09.24 16:19]
Did you include the migration note?
"""


def _read(text: str) -> tuple[postparse.Document, list[tuple[str, int, str, str | None]]]:
    """The document, checked to partition ``text``, and its segments as
    (kind, first line, dialect, author)."""
    doc = postparse.parse(text, now=NOW)
    check_partition(text, doc)
    return doc, [(s.kind, s.line, s.dialect, s.author) for s in doc.segments]


def test_each_region_is_read_with_its_own_dialect() -> None:
    # 8/30/24 makes the WhatsApp region month-first; the Telegram region's
    # 02.09.24 must still be read day-first (regression: one order per file)
    doc, got = _read(MIXED)
    # the dialect detected from the head of the file reads the text above
    # its first header (here as one post without a byline)
    assert got == [
        ("post", 1, "whatsapp-android", None),
        ("post", 5, "whatsapp-android", "Priya Raman"),
        ("post", 8, "whatsapp-android", "Dana Whitfield"),
        ("post", 9, "whatsapp-android", "Marcus Bell"),
        ("post", 11, "telegram-desktop", "Kostya Lebedev"),
        ("post", 14, "telegram-desktop", "Anna Ilyina"),
    ]
    stamps = [s.timestamp.isoformat()[:16] for s in doc.segments if s.timestamp]
    assert stamps == [
        "2024-08-30T10:02",
        "2024-09-02T10:31",
        "2024-09-02T10:34",
        "2024-09-02T16:17",
        "2024-09-02T16:19",
    ]


def test_a_forced_dialect_is_kept_for_the_whole_file() -> None:
    doc = postparse.parse(MIXED, now=NOW, dialect="generic")
    assert {s.dialect for s in doc.segments} == {"generic"}


def test_one_header_shaped_line_inside_a_message_does_not_switch() -> None:
    text = "A note that quotes a chat line:\n9/2/24, 10:02 AM - Priya Raman: hi\nand goes on.\n"
    doc = postparse.parse(text, now=NOW)
    assert [s.dialect for s in doc.segments] == ["generic"]
    assert len(doc.segments) == 1


CHAT_THEN_DISCORD = """[30.12.23, 18:05:40] Jonas: Wer bringt morgen was mit?
[30.12.23, 18:07:02] Mama: Ich backe Kuchen
Brightwing — 08/28/2024 9:14 PM
Board game night moved to the library annex this month
oatmilk — 08/28/2024 9:20 PM
noted
"""

TWEETS_THEN_WEIBO = """Desk of Rui
@ruidesk
·
45m
Hot take: the best productivity tool is closing the laptop at 6pm
12
30
城南旧事录
3分钟前 来自 iPhone客户端
早上路过老菜场，卖豆腐的阿姨说下个月就不干了。
转发 12
评论 38
"""


def test_a_discord_region_after_a_whatsapp_one() -> None:
    doc = postparse.parse(CHAT_THEN_DISCORD, now=NOW)
    check_partition(CHAT_THEN_DISCORD, doc)
    got = [(s.line, s.dialect, s.author) for s in doc.posts]
    assert got == [
        (1, "whatsapp-ios", "Jonas"),
        (2, "whatsapp-ios", "Mama"),
        (3, "discord", "Brightwing"),
        (5, "discord", "oatmilk"),
    ]


def test_a_weibo_region_after_tweets_headers_spread_over_lines() -> None:
    doc, got = _read(TWEETS_THEN_WEIBO)
    assert got == [
        ("post", 1, "twitter", "Desk of Rui"),
        ("meta", 6, "twitter", None),
        ("post", 8, "weibo", "城南旧事录"),
        ("meta", 11, "weibo", None),
    ]
    assert doc.posts[1].timestamp is not None
    assert doc.posts[1].timestamp.isoformat().startswith("2024-09-10T11:57")


HTML_AFTER_WHATSAPP = """8/30/24, 10:02 AM - Priya Raman: Anyone up for a sunrise hike?
8/30/24, 10:05 AM - Dana Whitfield: count me in

KL
16:17
Kostya Lebedev
Release 2.8 is tagged.
AI
16:19
Anna Ilyina
Did you include the migration note?
"""


def test_a_telegram_html_export_region_after_a_whatsapp_one() -> None:
    _, got = _read(HTML_AFTER_WHATSAPP)
    assert got == [
        ("post", 1, "whatsapp-android", "Priya Raman"),
        ("post", 2, "whatsapp-android", "Dana Whitfield"),
        ("post", 4, "telegram-desktop-html", "Kostya Lebedev"),
        ("post", 8, "telegram-desktop-html", "Anna Ilyina"),
    ]


TD_THEN_DISCORD = """Kostya Lebedev, [02.09.24 16:17]
Release 2.8 is tagged.

Anna Ilyina, [03.09.24 09:14]
Did you include the migration note?

Scarlet — 08/28/2024 9:14 PM
anyone around?
Theo — 08/28/2024 9:20 PM
yes
"""


def test_the_first_regions_day_month_order_comes_from_its_own_lines() -> None:
    # 08/28/2024 below makes the head of the file month-first; the Telegram
    # region above it keeps its own day-first order (was 2024-02-09)
    doc = postparse.parse(TD_THEN_DISCORD, now=NOW)
    got = [(s.dialect, s.timestamp.isoformat()[:16]) for s in doc.segments if s.timestamp]
    assert got == [
        ("telegram-desktop", "2024-09-02T16:17"),
        ("telegram-desktop", "2024-09-03T09:14"),
        ("discord", "2024-08-28T21:14"),
        ("discord", "2024-08-28T21:20"),
    ]
    assert [p.to_dict() for p in postparse.iter_parse(TD_THEN_DISCORD, now=NOW)] == [
        p.to_dict() for p in doc.segments
    ]
