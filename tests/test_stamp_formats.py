"""The per-document stamp-shape memory gives exactly what the dates engine gives."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import postparse
from conftest import FIXTURES, NOW
from postparse.dialects import get_dialect
from postparse.dialects.base import State
from postparse.fields import timestamp
from postparse.fields.timestamp import StampFormats

SHAPES = {
    "android-us": ("MDY", lambda t: f"{t.month}/{t.day}/{t:%y}, {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"),
    "android-gb": ("DMY", lambda t: f"{t:%d/%m/%Y}, {t:%H:%M}"),
    "ios-de": ("DMY", lambda t: f"{t:%d.%m.%y}, {t:%H:%M:%S}"),
    "iso": (None, lambda t: f"{t:%Y-%m-%d %H:%M}"),
}  # fmt: skip


def engine_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(StampFormats, "CHECKS", 10**9)


@given(
    st.sampled_from(sorted(SHAPES)),
    st.lists(
        st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2030, 12, 31)),
        min_size=1,
        max_size=40,
    ),
)
def test_learned_shapes_agree_with_the_engine(shape: str, times: list[datetime]) -> None:
    order, render = SHAPES[shape]
    state = State(now=datetime(2031, 1, 1, tzinfo=timezone.utc), order=order)
    dialect = get_dialect("generic")
    formats = StampFormats()
    for t in times:
        stamp = render(t)
        got = formats.parse(stamp, state, dialect, 0)
        want = postparse.search_date(stamp, now=state.now, order=order)
        assert got == want, stamp


def test_shapes_are_read_without_the_engine_once_learned(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = StampFormats._engine

    def counting(*args: object) -> object:
        calls.append(args[0])
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(StampFormats, "_engine", staticmethod(counting))
    start = datetime(2024, 1, 13, 8, 0)
    lines = []
    for i in range(200):
        t = start + timedelta(minutes=37 * i)
        stamp = SHAPES["android-us"][1](t)
        lines.append(f"{stamp} - Ana: message {i}")
    doc = postparse.parse("\n".join(lines) + "\n", now=NOW)
    assert len(doc.posts) == 200
    assert len(calls) < 30  # of 200 stamps
    assert doc.posts[-1].timestamp == start + timedelta(minutes=37 * 199)


@pytest.mark.parametrize(
    "path",
    sorted(p for p in FIXTURES.glob("*/*.txt") if p.name.count(".") == 1),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_fixtures_read_the_same_with_and_without_the_memory(
    path, monkeypatch: pytest.MonkeyPatch
) -> None:
    learned = [(s.timestamp, s.precision) for s in postparse.parse(path, now=NOW).segments]
    monkeypatch.setattr(timestamp.StampFormats, "CHECKS", 10**9)
    plain = [(s.timestamp, s.precision) for s in postparse.parse(path, now=NOW).segments]
    assert learned == plain


def test_every_precision_says_how_many_fields_it_fixes() -> None:
    from postparse.model import PRECISIONS

    assert set(timestamp._NEEDED) == set(PRECISIONS)


def test_noon_does_not_teach_a_twelve_hour_clock() -> None:
    # regression (found by hypothesis): "12:00" on a 24-hour clock was learned
    # as a PM hour, and "01:00" then read as 13:00
    state = State(now=datetime(2031, 1, 1, tzinfo=timezone.utc), order="DMY")
    dialect = get_dialect("generic")
    formats = StampFormats()
    stamps = ["01/01/2001, 00:00", "02/01/2001, 12:00"] + ["01/01/2001, 12:00"] * 3
    for stamp in [*stamps, "01/01/2001, 01:00", "01/01/2001, 13:00"]:
        got = formats.parse(stamp, state, dialect, 0)
        assert got == postparse.search_date(stamp, now=state.now, order="DMY"), stamp
