"""Property tests for postparse.dates: CLDR round trips, no exceptions, spans."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postparse.dates import parse_date, search_date
from postparse.dates._engine import _add_months
from postparse.dates._tables import available_languages

NOW = datetime(2024, 9, 10, 12, 0, 0, tzinfo=timezone.utc)
UNITS = ("year", "month", "week", "day", "hour", "minute", "second")

babel = pytest.importorskip("babel")
from babel import Locale  # noqa: E402


def _rendered(lang: str, unit: str, n: int, when: str = "past") -> str | None:
    """CLDR's own "N units ago" (``when="future"``: "in N units"), long
    form, for ``lang``."""
    loc = Locale.parse(lang.replace("-", "_"))
    forms = loc._data["date_fields"][unit].get(when, {})
    pat = forms.get(loc.plural_form(n)) or forms.get("other")
    if not pat or "{0}" not in pat or pat.lstrip().startswith(("-", "+")):
        return None
    return str(pat.replace("{0}", str(n)))


def _expected(unit: str, n: int) -> datetime:
    """``now`` less ``n`` units (a negative ``n`` moves forward)."""
    if unit in ("year", "month"):
        return _add_months(NOW, -n * (12 if unit == "year" else 1))
    return NOW - timedelta(**{unit + "s": n})


def check_round_trip(lang: str, text: str, unit: str, expected: datetime) -> None:
    """``text`` reads back as ``expected``, with and without the hint."""
    for langs in ([lang], None):
        r = parse_date(text, now=NOW, languages=langs)
        assert r is not None, (lang, text, langs)
        assert r.value == expected, (lang, text, r)
        assert r.precision == unit, (lang, text, r)
        assert r.relative


LANGS = sorted(available_languages())
#: The languages the unit sets cover; every one of them must round-trip.
MAJOR = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "ru",
    "uk",
    "pl",
    "tr",
    "ar",
    "fa",
    "zh",
    "ja",
    "ko",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lang=st.sampled_from(MAJOR),
    unit=st.sampled_from(UNITS),
    n=st.integers(min_value=1, max_value=99),
)
def test_cldr_roundtrip_major(lang: str, unit: str, n: int) -> None:
    text = _rendered(lang, unit, n)
    if text is not None:
        check_round_trip(lang, text, unit, _expected(unit, n))


def test_cldr_roundtrip_all_languages() -> None:
    """Across every generated language, nearly all CLDR past forms parse back."""
    total = ok = 0
    failed: dict[str, int] = {}
    for lang in LANGS:
        for unit in UNITS:
            for n in (1, 2, 5, 21):
                text = _rendered(lang, unit, n)
                if text is None:
                    continue
                total += 1
                r = parse_date(text, now=NOW, languages=[lang])
                if r is not None and r.value == _expected(unit, n) and r.precision == unit:
                    ok += 1
                else:
                    failed[lang] = failed.get(lang, 0) + 1
    assert total > 3000
    full = [lang for lang in LANGS if lang not in failed]
    assert ok / total >= 0.93, (ok, total, sorted(failed.items(), key=lambda x: -x[1])[:10])
    assert len(full) >= 116, len(full)


TOKENS = [*"0123456789 :./-,年月日前天时分秒hmsdwy+Z'", "Sep", "vor", "Tagen", "her", "назад"]
TOKENS += ["день", "昨天", "ago", "at", "PM", " ", "\u202f", "٣", "2024", "12:30", "yesterday"]
TEXT = st.lists(st.sampled_from(TOKENS), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.text(max_size=60), TEXT))
def test_never_raises_and_spans_hold(text: str) -> None:
    r = search_date(text, now=NOW)
    if r is not None:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text
        assert r.precision in UNITS
    p = parse_date(text, now=NOW)
    if p is not None:
        assert text[p.start : p.end] == p.text
    for lang in ("en", "de", "zh"):
        search_date(text, now=NOW, languages=[lang])


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.text(alphabet="abc xyz,;", max_size=12),
    suffix=st.text(alphabet="abc xyz,;", max_size=12),
)
def test_search_finds_embedded_dates(prefix: str, suffix: str) -> None:
    core = "2024-09-02 16:17"
    text = f"{prefix} {core} {suffix}"
    r = search_date(text, now=NOW)
    assert r is not None
    assert r.text == core
    assert text[r.start : r.end] == core


def test_long_input_is_linear_enough() -> None:
    text = "1 2 3 a b c 12:3 ago vor " * 400
    search_date(text, now=NOW)
    parse_date(text, now=NOW)
