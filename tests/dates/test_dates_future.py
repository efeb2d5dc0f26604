"""Future forms, noon/midnight and fractional counts (issue #3's gaps), with
the negatives they must not swallow."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postparse.dates import parse_date, search_date

NOW = datetime(2024, 9, 10, 12, 0, 0, tzinfo=timezone.utc)  # a Tuesday


def _iso(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.isoformat()


# (text, expected ISO prefix, precision), parsed without a language hint
FUTURE = [
    ("tomorrow", "2024-09-11", "day"),
    ("Tomorrow at 9:00", "2024-09-11T09:00", "minute"),
    ("the day after tomorrow", "2024-09-12", "day"),
    ("in 3 days", "2024-09-13T12", "day"),
    ("in 2 hours", "2024-09-10T14", "hour"),
    ("in a week", "2024-09-17", "week"),
    ("in 5 min", "2024-09-10T12:05", "minute"),
    ("in 2h", "2024-09-10T14", "hour"),
    ("in 10 years", "2034", "year"),
    ("next week", "2024-09-17", "week"),
    ("morgen", "2024-09-11", "day"),
    ("übermorgen um 14:30", "2024-09-12T14:30", "minute"),
    ("in 3 Tagen", "2024-09-13", "day"),
    ("завтра", "2024-09-11", "day"),
    ("послезавтра", "2024-09-12", "day"),
    ("через 2 дня", "2024-09-12", "day"),
    ("明天 16:00", "2024-09-11T16:00", "minute"),
    ("明天", "2024-09-11", "day"),
    ("后天", "2024-09-12", "day"),
    ("3天后", "2024-09-13", "day"),
    ("明日", "2024-09-11", "day"),
    ("3日後", "2024-09-13", "day"),
    ("내일", "2024-09-11", "day"),
    ("2일 후", "2024-09-12", "day"),
    ("demain", "2024-09-11", "day"),
    ("dans 3 jours", "2024-09-13", "day"),
    ("la semaine prochaine", "2024-09-17", "week"),
    ("dentro de 2 horas", "2024-09-10T14", "hour"),
    ("mañana a las 10:00", "2024-09-11T10:00", "minute"),
    ("tra 5 minuti", "2024-09-10T12:05", "minute"),
    ("over 2 weken", "2024-09-24", "week"),
    ("em 3 dias", "2024-09-13", "day"),
    ("za 3 dni", "2024-09-13", "day"),
    ("yarın", "2024-09-11", "day"),
    ("3 gün sonra", "2024-09-13", "day"),
    ("خلال 3 أيام", "2024-09-13", "day"),
    ("غدًا", "2024-09-11", "day"),
    ("فردا", "2024-09-11", "day"),
    # noon and midnight
    ("yesterday at noon", "2024-09-09T12", "hour"),
    ("today at midnight", "2024-09-10T00", "hour"),
    ("tomorrow at noon", "2024-09-11T12", "hour"),
    ("at noon", "2024-09-10T12", "hour"),
    ("at midnight", "2024-09-10T00", "hour"),
    ("вчера в полдень", "2024-09-09T12", "hour"),
    ("hier à midi", "2024-09-09T12", "hour"),
    ("gestern um Mitternacht", "2024-09-09T00", "hour"),
    # halves
    ("half an hour ago", "2024-09-10T11:30", "minute"),
    ("an hour and a half ago", "2024-09-10T10:30", "minute"),
    ("1.5 hours ago", "2024-09-10T10:30", "minute"),
    ("2.5 days ago", "2024-09-08T00", "hour"),
    ("half a year ago", "2024-03", "month"),
    ("vor einer halben Stunde", "2024-09-10T11:30", "minute"),
    ("vor anderthalb Stunden", "2024-09-10T10:30", "minute"),
    ("in 1,5 Stunden", "2024-09-10T13:30", "minute"),
    ("hace media hora", "2024-09-10T11:30", "minute"),
    ("полчаса назад", "2024-09-10T11:30", "minute"),
    # regressions found on the way
    ("a couple of days ago", "2024-09-08", "day"),  # was 1 day ("days ago")
    # were an hour: the words before "an hour ago" were taken as filler
    ("quarter of an hour ago", "2024-09-10T11:45", "minute"),
    ("three quarters of an hour ago", "2024-09-10T11:15", "minute"),
]


@pytest.mark.parametrize(("text", "expect", "precision"), FUTURE)
def test_future_noon_and_halves(text: str, expect: str, precision: str) -> None:
    r = parse_date(text, now=NOW)
    assert r is not None, text
    assert _iso(r.value).startswith(expect), (text, r)
    assert r.precision == precision, (text, r)
    assert r.relative


NOT_DATES = [
    "in 2020",
    "I was born in 1990",
    "in 2 minds",
    "in 3D",
    "3D",
    "3D printing",
    "4K video",
    "2H",
    "tomorrow's world",
    "see you tomorrow",
    "Guten Morgen",
    "Morgenstern",
    "noon",
    "Midnight Sun",
    "Midnight Commander 4.8",
    "half a month ago",  # no whole number of days: not "a month ago"
    "1.5 months ago",
    # the plain non-dates are in test_dates_examples.NEGATIVES; with 'in'
    # before them they must not become future forms
    "in 3 for 2",
    "in room 101",
    # a half the tables cannot place is no date rather than a wrong one
    # ("一个半小时前" was read as one hour ago)
    "一个半小时前",
    "半小时前",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert parse_date(text, now=NOW) is None


@pytest.mark.parametrize(
    "text",
    ["in 3D", "3D printing", "tomorrow's world", "Midnight Sun", "half a month ago", "2020 in 3D"],
)
def test_not_dates_in_a_line(text: str) -> None:
    assert search_date(text, now=NOW) is None


def test_future_marker_never_gives_a_past_reading() -> None:
    # regression: "in 5 min" and "in 2h" were read as five minutes / two hours ago
    for text in ("in 5 min", "in 2h", "in 5 min", "dans 3 h"):
        r = search_date(text, now=NOW)
        assert r is None or r.value > NOW, (text, r)


def test_decimal_count_is_not_one_unit() -> None:
    # regression: search found "hours ago" (one hour) in "1.5 hours ago"
    r = search_date("posted 1.5 hours ago", now=NOW)
    assert r is not None and r.text == "1.5 hours ago" and r.precision == "minute"


def test_clock_after_a_connector_and_lone_words() -> None:
    r = parse_date("at 14:00", now=NOW)
    assert r is not None and r.precision == "minute"
    assert parse_date("meet me at noon", now=NOW) is None
    r = search_date("lunch at noon", now=NOW)
    assert r is not None and r.text == "noon"
    # a phrase both past and future in CLDR (Hindi "कल") keeps its past meaning
    r = parse_date("कल", now=NOW, languages=["hi"])
    assert r is not None and r.value.date() == (NOW - timedelta(days=1)).date()


def test_language_of_future_forms() -> None:
    r = parse_date("dans 3 jours", now=NOW)
    assert r is not None and r.language == "fr"
    r = parse_date("in 3 Tagen", now=NOW, languages=["de"])
    assert r is not None and r.language == "de"


# ----------------------------------------------------------------------
# CLDR round trip of the future patterns, as test_dates_properties does for
# the past ones.
babel = pytest.importorskip("babel")
from test_dates_properties import UNITS, _expected, _rendered, check_round_trip  # noqa: E402

#: fa is left out: its long future form "{0} روز دیگر" is not split yet (the
#: short "{0} روز بعد" is)
MAJOR = ["en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "zh", "ja", "ko"]  # fmt: skip


def _rendered_future(lang: str, unit: str, n: int) -> str | None:
    return _rendered(lang, unit, n, "future")


def _expected_future(unit: str, n: int) -> datetime:
    return _expected(unit, -n)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lang=st.sampled_from(MAJOR),
    unit=st.sampled_from(UNITS),
    n=st.integers(min_value=1, max_value=99),
)
def test_cldr_future_roundtrip_major(lang: str, unit: str, n: int) -> None:
    text = _rendered_future(lang, unit, n)
    if text is not None:
        check_round_trip(lang, text, unit, _expected_future(unit, n))


def test_cldr_future_roundtrip_all_languages() -> None:
    """Across every generated language, most CLDR future forms parse back
    (measured 3081/4281: about 36 languages, e.g. bn, ta, sw, whose future
    patterns the generator does not split yet, read none)."""
    from postparse.dates._tables import available_languages

    total = ok = 0
    for lang in sorted(available_languages()):
        for unit in UNITS:
            for n in (1, 2, 5, 21):
                text = _rendered_future(lang, unit, n)
                if text is None:
                    continue
                total += 1
                r = parse_date(text, now=NOW, languages=[lang])
                if r is not None and r.value == _expected_future(unit, n) and r.precision == unit:
                    ok += 1
    assert total > 3000
    assert ok / total >= 0.70, (ok, total)


def test_a_cldr_past_pattern_that_is_the_future_form_is_not_past() -> None:
    # CLDR's ar month-short past 'few' is 'خلال {0} أشهر', the future form
    r = parse_date("خلال 3 أشهر", now=NOW)
    assert r is not None and r.value > NOW
