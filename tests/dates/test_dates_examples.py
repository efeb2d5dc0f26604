"""Labelled examples for postparse.dates: the shapes the core meets in dumps,
the conventions of the unit set, and negatives that must stay None."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from postparse.dates import find_dates, infer_date_order, parse_date, search_date

NOW = datetime(2024, 9, 10, 12, 0, 0, tzinfo=timezone.utc)  # a Tuesday


def _iso(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.isoformat()


# (text, order, expected ISO prefix, precision) — the shapes the core calls with.
CORE = [
    ("2024-09-02 16:17", None, "2024-09-02T16:17", "minute"),
    ("8/30/24, 7:02 PM", "MDY", "2024-08-30T19:02", "minute"),
    ("30.12.23, 18:04:11", "DMY", "2023-12-30T18:04:11", "second"),
    ("02.09.24 16:17", "DMY", "2024-09-02T16:17", "minute"),
    ("08/28/2024 9:14 PM", None, "2024-08-28T21:14", "minute"),
    ("Yesterday at 4:20 PM", None, "2024-09-09T16:20", "minute"),
    ("Today at 9:05 AM", None, "2024-09-10T09:05", "minute"),
    ("2h", None, "2024-09-10T10", "hour"),
    ("45m", None, "2024-09-10T11:15", "minute"),
    ("1h", None, "2024-09-10T11", "hour"),
    ("Mar 14", None, "2024-03-14", "day"),
    ("Sep 9", None, "2024-09-09", "day"),
    ("Aug 30, 2023", None, "2023-08-30", "day"),
    ("September 6", None, "2024-09-06", "day"),
    ("August 28, 2024", None, "2024-08-28", "day"),
    ("3分钟前", None, "2024-09-10T11:57", "minute"),
    ("2小时前", None, "2024-09-10T10", "hour"),
    ("今天 08:12", None, "2024-09-10T08:12", "minute"),
    ("昨天 16:17", None, "2024-09-09T16:17", "minute"),
    ("09-05 08:30", None, "2024-09-05T08:30", "minute"),
    ("2023-12-24 20:00", None, "2023-12-24T20:00", "minute"),
    ("Last updated 1 Jahr, 1 Monat her", None, "2023-08", "month"),
    # the Korean short date 'yy. M. d.' (Qt/CLDR, Telegram Desktop copies in
    # a Korean locale): a two-digit year first, whatever the dump's order
    ("24. 9. 2. 오후 4:17", None, "2024-09-02T16:17", "minute"),
    ("24. 9. 2. 오전 12:10", "DMY", "2024-09-02T00:10", "minute"),
    ("24. 9. 12. 18:03", "DMY", "2024-09-12T18:03", "minute"),
    ("23. 12. 31. 오후 11:58", "MDY", "2023-12-31T23:58", "minute"),
    # the spaced Spanish markers, with the no-break spaces WhatsApp writes;
    # they say nothing of the day/month order (es locales put the day first)
    ("31/8/24, 7:40:12\u202fp.\u00a0m.", None, "2024-08-31T19:40:12", "second"),
    ("3/9/24, 8:12 p. m.", None, "2024-09-03T20:12", "minute"),
    ("2/9/24, 9:05 a. m.", None, "2024-09-02T09:05", "minute"),
    # a language's own AM/PM words (WhatsApp clocks) are read without a
    # hint, and say nothing of the day/month order (those locales write the
    # day first): only the Latin 'AM'/'PM' hint a US month-first date
    ("30.08.24, 7:45 nachm.", None, "2024-08-30T19:45", "minute"),
    ("30.08.24, 9:10 vorm.", None, "2024-08-30T09:10", "minute"),
    ("30/8/2024 7:45 م", None, "2024-08-30T19:45", "minute"),
    ("3/9/2024 8:00 م", None, "2024-09-03T20:00", "minute"),
    ("4/9/2024 9:41 ص", None, "2024-09-04T09:41", "minute"),
    ("30/8/2024 7:45 ب.ظ.", None, "2024-08-30T19:45", "minute"),
    ("3/9/24 7:45 CH", None, "2024-09-03T19:45", "minute"),
    # Arabic WhatsApp: Arabic-Indic digits, U+200F after the numbers, an
    # Arabic comma; the marks are part of the expression, not a break in it
    (
        "\u0662\u0665\u200f/\u0668\u200f/\u0662\u0660\u0662\u0664\u060c \u0669:\u0661\u0665 \u0645",
        None,
        "2024-08-25T21:15",
        "minute",
    ),
    ("25\u200f/8\u200f/2024", None, "2024-08-25", "day"),
]


@pytest.mark.parametrize(("text", "order", "expect", "precision"), CORE)
def test_core_shapes(text: str, order: str | None, expect: str, precision: str) -> None:
    for fn in (search_date, parse_date):
        r = fn(text, now=NOW, order=order)
        assert r is not None, text
        assert _iso(r.value).startswith(expect), (text, r)
        assert r.precision == precision, (text, r)
        assert text[r.start : r.end] == r.text


def test_core_relative_flags() -> None:
    r = parse_date("Last updated 1 Jahr, 1 Monat her", now=NOW)
    assert r is not None and r.relative and r.language == "de"
    r = parse_date("2024-09-02 16:17", now=NOW)
    assert r is not None and not r.relative and r.value.tzinfo is None


# More shapes from the issue, any language, no hint.
MORE = [
    ("Posted 3天前 by @foo", "3天前", "2024-09-07", "day"),
    ("u/name · 5 hr. ago", "5 hr. ago", "2024-09-10T07", "hour"),
    ("2024-09-02 16:17 by NAME", "2024-09-02 16:17", "2024-09-02T16:17", "minute"),
    ("Last updated 2 days ago", "2 days ago", "2024-09-08", "day"),
    ("4:17 PM · Sep 2, 2024", "4:17 PM · Sep 2, 2024", "2024-09-02T16:17", "minute"),
    ("Montag um 14:30", "Montag um 14:30", "2024-09-09T14:30", "minute"),
    ("上周四", "上周四", "2024-09-05", "day"),
    ("1h20m", "1h20m", "2024-09-10T10:40", "minute"),
    ("2 Wochen, 3 Tage her", "2 Wochen, 3 Tage her", "2024-08-24", "day"),
    ("September 3 at 9:02 AM", "September 3 at 9:02 AM", "2024-09-03T09:02", "minute"),
    ("9/2/24, 4:17\u202fPM", "9/2/24, 4:17\u202fPM", "2024-09-02T16:17", "minute"),
    ("Mon, 2 Sep 2024 16:17:00 +0200", None, "2024-09-02T14:17:00", "second"),
    ("2024-09-02T16:17:05Z", None, "2024-09-02T16:17:05", "second"),
    ("令和6年9月2日", None, "2024-09-02", "day"),
    ("１２月２４日", None, "2023-12-24", "day"),
    ("٢ سبتمبر ٢٠٢٤", None, "2024-09-02", "day"),
    ("۵ دقیقه پیش", None, "2024-09-10T11:55", "minute"),
    ("the day before yesterday", None, "2024-09-08", "day"),
    ("last Friday", None, "2024-09-06", "day"),
    ("Saturday at 20:30", None, "2024-09-07T20:30", "minute"),
    ("last week", None, "2024-09-03", "week"),
    ("2 weeks ago", None, "2024-08-27", "week"),
    ("just now", None, "2024-09-10T12:00", "minute"),
    ("vor'm Jahr", None, "2023", "year"),
    ("3 mo. ago", None, "2024-06", "month"),
    ("2 hrs", None, "2024-09-10T10", "hour"),
    ("mwaka 1 uliopita", None, "2023", "year"),
    ("2 сент. 2024 г. в 16:17", None, "2024-09-02T16:17", "minute"),
    ("1725293820", None, "2024-09-02T16:17:00", "second"),
    ("2 de septiembre de 2024 a las 16:17", None, "2024-09-02T16:17", "minute"),
    # regressions
    ("September 2nd", None, "2024-09-02", "day"),
    ("Sep 2 '24", None, "2024-09-02", "day"),
    ("2 ก.ย. 2567", None, "2024-09-02", "day"),
    ("民國113年9月2日", None, "2024-09-02", "day"),
    ("平成31年4月30日", None, "2019-04-30", "day"),
    ("Vorgestern um 9 Uhr", None, "2024-09-08T09", "hour"),
    ("2 órája", None, "2024-09-10T10", "hour"),
    ("3 दिन पहले", None, "2024-09-07", "day"),
    ("昨天 下午4:17", None, "2024-09-09T16:17", "minute"),
    ("2024. 9. 2. 오후 4:17", None, "2024-09-02T16:17", "minute"),
    ("в пятницу в 14:00", None, "2024-09-06T14:00", "minute"),
    ("у пʼятницю", None, "2024-09-06", "day"),
    ("الجمعة الماضية", None, "2024-09-06", "day"),
    ("вчора о 16:17", None, "2024-09-09T16:17", "minute"),
    # Norwegian Bokmål days as written ('dager'; CLDR has only 'døgn')
    ("Sist oppdatert for 2 dager siden", "for 2 dager siden", "2024-09-08", "day"),
    ("for 3 dager siden", None, "2024-09-07", "day"),
]


@pytest.mark.parametrize(("text", "span", "expect", "precision"), MORE)
def test_more_shapes(text: str, span: str | None, expect: str, precision: str) -> None:
    r = search_date(text, now=NOW)
    assert r is not None, text
    assert _iso(r.value).startswith(expect), (text, r)
    assert r.precision == precision, (text, r)
    if span is not None:
        assert r.text == span
    assert text[r.start : r.end] == r.text


NEGATIVES = [
    "Version 2.0",
    "room 101",
    "3 for 2",
    "+1 415 555 0132",
    "Call 555-0199 now",
    "won 3-2",
    "Score 2:1",
    "$9.99",
    "24/7 support",
    "1/2 cup sugar",
    "€5m raised",
    "the 80s",
    "iPhone 15 Pro",
    "Top 10 tips",
    "COVID-19 update",
    "v1.2.3 released",
    "50% off",
    "Room 2024",
    "page 3 of 10",
    "1080p",
    "Tel. 030 9876 543",
    "Глава 5",
    "第3章",
    "第2話",
    "4 stars",
    "",
    "   ",
    "hello world",
]


def test_names_are_not_weekdays_of_minor_languages() -> None:
    # regression: "Anna" is Friday in Turkmen; the header's date must win
    line = "Anna Ilyina, [02.09.24 16:19]"
    r = search_date(line, now=NOW)
    assert r is not None and r.text == "02.09.24 16:19"
    assert parse_date("Anna", now=NOW) is None
    r = parse_date("anna", now=NOW, languages=["tk"])
    assert r is not None and r.precision == "day"


def test_camel_case_seam_and_cjk_single_chars() -> None:
    # regression: Discord copy-paste glues the name to "Yesterday"
    r = search_date("TheoYesterday at 6:45 PM", now=NOW)
    assert r is not None and r.text == "Yesterday at 6:45 PM"
    assert _iso(r.value).startswith("2024-09-09T18:45")
    # regression: "今" (ja "now") inside 今年/今晚 is not a date
    assert search_date("#中秋节# 今年的月饼测评来啦", now=NOW) is None
    assert search_date("今晚的作业：找一找北斗七星", now=NOW) is None


def test_short_forms_followed_by_a_word_are_quantities() -> None:
    assert search_date("it is a 5 min walk", now=NOW) is None
    assert search_date("6 mo. plan", now=NOW) is None
    r = search_date("u/name · 5 min", now=NOW)
    assert r is not None and r.text == "5 min"
    r = search_date("2h Reply", now=NOW)
    assert r is not None and r.text == "2h"


def test_lone_now_word_in_a_sentence() -> None:
    assert search_date("Jetzt kaufen und sparen", now=NOW) is None
    assert search_date("Call 555-0199 now", now=NOW) is None
    r = search_date("Posted just now by @foo", now=NOW)
    assert r is not None and r.text == "just now"
    r = search_date("jetzt", now=NOW)
    assert r is not None and r.precision == "minute"
    r = search_date("刚刚 发布", now=NOW)
    assert r is not None and r.text == "刚刚"


def test_clock_alone_after_words_is_not_a_date() -> None:
    # regression: "в пятницу в 14:00" was read as a bare clock time
    assert parse_date("meet me at 14:00", now=NOW) is None
    r = parse_date("14:00", now=NOW)
    assert r is not None and r.precision == "minute"


def test_parse_rejects_trailing_text() -> None:
    assert parse_date("3 days ago we met", now=NOW) is None
    assert search_date("3 days ago we met", now=NOW) is not None


def test_order_forces_ambiguous_numeric() -> None:
    r = parse_date("03.06.2024", now=NOW)
    assert r is not None and r.value.month == 6  # dots: day first by default
    r = parse_date("03/06/2024", now=NOW, order="MDY")
    assert r is not None and (r.value.month, r.value.day) == (3, 6)
    r = parse_date("03/06/2024", now=NOW, languages=["en"])
    assert r is not None and (r.value.month, r.value.day) == (3, 6)
    r = parse_date("03/06/2024", now=NOW, languages=["de"])
    assert r is not None and (r.value.month, r.value.day) == (6, 3)
    r = parse_date("13/06/2024", now=NOW, order="MDY")  # a field above 12 wins
    assert r is not None and (r.value.month, r.value.day) == (6, 13)


def test_language_hint_and_tags() -> None:
    r = parse_date("vor 3 Tagen", now=NOW, languages=["de-DE"])
    assert r is not None and r.language == "de"
    r = parse_date("3天前", now=NOW, languages=["zh-Hans"])
    assert r is not None
    assert parse_date("vor 3 Tagen", now=NOW, languages=["xx-unknown"]) is None


def test_naive_now_is_utc_and_zone_kept() -> None:
    r = parse_date("2h", now=datetime(2024, 9, 10, 12))
    assert r is not None and r.value.utcoffset() is not None
    assert r.value.hour == 10
    r = parse_date("2024-09-02 16:17 +03:00", now=NOW)
    assert r is not None and r.value.utcoffset() is not None
    assert _iso(r.value).startswith("2024-09-02T13:17")


def test_date_without_year_not_after_now() -> None:
    r = parse_date("Dec 24", now=NOW)
    assert r is not None and r.value.year == 2023
    r = parse_date("Sep 10", now=NOW)
    assert r is not None and r.value.year == 2024


def test_infer_date_order() -> None:
    assert infer_date_order(["02.09.24 16:17", "30.12.23, 18:04:11"]) == "DMY"
    assert infer_date_order(["8/30/24, 7:02 PM", "9/2/24, 4:17 PM"]) == "MDY"
    assert infer_date_order(["2024-09-02", "2024-09-03"]) == "YMD"
    # no field above 12 and both orders run forward: the denser reading wins
    assert infer_date_order(["1/2/24 10:00", "1/3/24 10:00", "1/4/24 10:00"]) == "MDY"
    seq = ["[2/9/24, 8:05:40 a.m.]", "[3/9/24, 7:30:00 p.m.]", "[9/9/24, 11:59:59 p.m.]"]
    assert infer_date_order(seq) == "DMY"
    # ... and with no denser reading: undecided
    assert infer_date_order(["1/1/24 10:00", "2/2/24 10:00"]) is None
    # no field above 12: the order under which time runs forward wins
    seq = ["3/1/24, 10:00", "3/2/24, 10:00", "3/3/24, 10:00", "4/1/24, 10:00"]
    assert infer_date_order(seq) == "MDY"
    seq = ["1/3/24 10:00", "2/3/24 10:00", "3/3/24 10:00", "1/4/24 10:00"]
    assert infer_date_order(seq) == "DMY"
    assert infer_date_order(["hello", "no dates"]) is None
    # bidi marks after the numbers and an Arabic comma (Arabic WhatsApp)
    seq = [
        "\u0662\u0665\u200f/\u0668\u200f/\u0662\u0660\u0662\u0664\u060c \u0669:\u0661\u0665 \u0645"
    ]
    assert infer_date_order(seq) == "DMY"
    # dotted dates with every field <= 12: day first by convention
    assert infer_date_order(["[02.09.24 16:17]", "[03.09.24 09:14]"]) == "DMY"


def test_bad_order_raises() -> None:
    with pytest.raises(ValueError):
        parse_date("2024-09-02", now=NOW, order="XYZ")


def test_find_dates_all_in_order() -> None:
    line = "posted 2024-09-02 16:17, edited 3 days ago, seen yesterday"
    got = list(find_dates(line, now=NOW))
    assert [r.text for r in got] == ["2024-09-02 16:17", "3 days ago", "yesterday"]
    for r in got:
        assert line[r.start : r.end] == r.text


def test_parse_long_inputs() -> None:
    # regression: parse_date scanned every candidate of a long text (quadratic)
    text = "1 2.3 Sep 12:3 a the of 2024 / - " * 3000
    assert parse_date(text, now=NOW) is None
    assert parse_date("x y z " + "3 days ago", now=NOW) is not None
    assert parse_date("one two three four five 3 days ago", now=NOW) is None


def test_two_digit_year_first_dashed_dates() -> None:
    # Weibo prints an earlier year's post as '23-11-11 09:00', and '24-9-8'
    # (a one-digit field is no year): year first, whatever the order
    r = parse_date("24-9-8 22:10", now=NOW)
    assert r is not None and r.value.isoformat() == "2024-09-08T22:10:00"
    r = parse_date("23-11-11 09:00", now=NOW, order="YMD")
    assert r is not None and r.value.isoformat() == "2023-11-11T09:00:00"
    # without a year-first order the two-digit year stays last
    r = parse_date("30-08-24", now=NOW)
    assert r is not None and r.value.date().isoformat() == "2024-08-30"
    # ... and a year-first reading is never in the future
    r = parse_date("30-08-24", now=NOW, order="YMD")
    assert r is not None and r.value.date().isoformat() == "2024-08-30"
    assert parse_date("1-2-3", now=NOW) is None
    # '23-11-11' does not vote: a page of them keeps the format's own order
    assert infer_date_order(["23-11-11 09:00", "24-9-8 22:10", "9-8 22:10"]) == "YMD"
    assert infer_date_order(["23-11-11 09:00", "23-11-12 10:00"]) is None


def test_bare_ages_of_feeds_in_their_languages() -> None:
    for text, iso in [
        ("5 Std.", "2024-09-10T07:00"),
        ("3時間", "2024-09-10T09:00"),
        ("15분", "2024-09-10T11:45"),
        ("3小时", "2024-09-10T09:00"),
        ("12 мин.", "2024-09-10T11:48"),
        # a unit only one language has decides the language ('sa' is in
        # many tables as a word, but a bare age unit only in Turkish)
        ("4 sa", "2024-09-10T08:00"),
        ("45 dk", "2024-09-10T11:15"),
        ("45 mnt", "2024-09-10T11:15"),
        ("4 jam", "2024-09-10T08:00"),
    ]:
        r = parse_date(text, now=NOW)
        assert r is not None and r.relative, text
        assert r.value.isoformat().startswith(iso), text
    # a duration inside a sentence is no date
    assert search_date("会議は15分で終わった", now=NOW) is None


# Feed forms of Vietnamese, Hindi and Turkish timelines (Facebook, X,
# Telegram): bare ages, CLDR's numbered Vietnamese months ("thg 9") and
# Hindi abbreviations with the abbreviation sign ("सित॰"). No hint unless
# given. (text, languages, expected ISO prefix, precision)
FEED_FORMS = [
    ("2 giờ", None, "2024-09-10T10", "hour"),
    ("5 phút", None, "2024-09-10T11:55", "minute"),
    ("3 ngày", None, "2024-09-07", "day"),
    ("2 घं॰", None, "2024-09-10T10", "hour"),
    ("5 मि॰", None, "2024-09-10T11:55", "minute"),
    ("2 घंटे", None, "2024-09-10T10", "hour"),
    ("1 घंटा", None, "2024-09-10T11", "hour"),
    ("3 दिन", None, "2024-09-07", "day"),
    ("2 tháng 9", None, "2024-09-02", "day"),
    ("10 thg 9, 2024", None, "2024-09-10", "day"),
    ("2 tháng 9 lúc 16:17", None, "2024-09-02T16:17", "minute"),
    ("ngày 2 tháng 9 năm 2024", None, "2024-09-02", "day"),
    ("hôm qua lúc 16:17", None, "2024-09-09T16:17", "minute"),
    ("2 सित॰", None, "2024-09-02", "day"),
    # Turkish: CLDR's narrow day is "g" ("3g"); one letter tells no
    # language, so it is read with the hint (or an "önce")
    ("3 g", ["tr"], "2024-09-07", "day"),
    ("3 g önce", None, "2024-09-07", "day"),
    # read before, kept
    ("2 sa önce", None, "2024-09-10T10", "hour"),
    ("5 dk önce", None, "2024-09-10T11:55", "minute"),
    ("2 sa", None, "2024-09-10T10", "hour"),
    ("5 dk", None, "2024-09-10T11:55", "minute"),
    ("2 sa.", None, "2024-09-10T10", "hour"),
    ("3 gün önce", None, "2024-09-07", "day"),
    ("9 Eyl", None, "2024-09-09", "day"),
    ("5 phút trước", None, "2024-09-10T11:55", "minute"),
    ("2 giờ trước", None, "2024-09-10T10", "hour"),
    ("1 năm trước", None, "2023", "year"),
    ("2 tháng trước", None, "2024-07", "month"),
    ("3 tháng 2 ngày trước", None, "2024-06-08", "day"),
    ("2 घंटे पहले", None, "2024-09-10T10", "hour"),
    ("2 घं॰ पहले", None, "2024-09-10T10", "hour"),
]


@pytest.mark.parametrize(("text", "languages", "expect", "precision"), FEED_FORMS)
def test_feed_forms_vi_hi_tr(
    text: str, languages: list[str] | None, expect: str, precision: str
) -> None:
    for fn in (parse_date, search_date):
        r = fn(text, now=NOW, languages=languages)
        assert r is not None, (fn.__name__, text)
        assert _iso(r.value).startswith(expect), (text, r)
        assert r.precision == precision, (text, r)
        assert text[r.start : r.end] == r.text


# The same words in ordinary sentences stay None (parse_date and search_date).
FEED_NEGATIVES = [
    "Tôi đã chờ 3 ngày ở Hà Nội",  # "I waited 3 days in Hanoi"
    "Hẹn gặp lúc 2 giờ",  # "see you at 2 o'clock"
    "Hẹn gặp lúc 2 giờ chiều",
    "lúc 2 giờ 30",
    "Saída às 8h do Ibirapuera",  # "at 8 o'clock": a connector before a bare age
    "2 tháng 13",
    "tháng 9 năm nay",
    "मैंने 2 घंटे इंतज़ार किया",  # "I waited 2 hours"
    "3 दिन की छुट्टी",  # "3 days' leave"
    "2 घंटे से बारिश",  # "raining for 2 hours"
    "3 g",  # grams as much as days: no Turkish word
    "250 g",
]


@pytest.mark.parametrize("text", NEGATIVES + FEED_NEGATIVES)
def test_negatives(text: str) -> None:
    assert parse_date(text, now=NOW) is None
    assert search_date(text, now=NOW) is None


def test_hindi_bare_age_before_future_marker_is_future() -> None:
    # "2 घंटे में" is "in 2 hours", not a bare age
    r = parse_date("2 घंटे में", now=NOW)
    assert r is not None and _iso(r.value).startswith("2024-09-10T14")
