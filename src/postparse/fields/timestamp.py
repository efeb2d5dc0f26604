"""Timestamp of a post: from the byline a dialect rule found.

Chat exports repeat one stamp shape thousands of times ('8/30/24, 7:05 PM').
:class:`StampFormats` learns, per document, how such a shape's digit runs
map onto a date once the dates engine has read it, checks the mapping
against the engine on the next few stamps, and from then on reads the shape
directly. Anything the mapping does not explain (a relative date, a zone, a
changed century, an impossible date) goes to the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, tzinfo
from itertools import permutations
from typing import TYPE_CHECKING

import attrs

from ..dates import search_date
from ..model import ParsedDate

if TYPE_CHECKING:
    from ..dialects.base import Dialect, Match, State

#: digit runs, kept by ``split``: the runs and the shape (the text with
#: each run replaced by '#') come from one scan
_DIGIT_RUNS = re.compile(r"([0-9]+)")
#: How many date fields (year, month, day, hour, minute, second) a
#: precision fixes.
_NEEDED = {
    "year": 1, "month": 2, "week": 3, "day": 3, "hour": 4, "minute": 5, "second": 6,
}  # fmt: skip


#: Clock modes of the hour run: which hours each one reads (others go to
#: the engine) and how. "low" is ambiguous between a 24-hour clock and a
#: morning 12-hour one, which agree on 0-11.
_HOUR_MODES: dict[str, tuple[range, Callable[[int], int]]] = {
    "id": (range(0, 24), lambda x: x),
    "low": (range(0, 12), lambda x: x),
    "pm": (range(1, 13), lambda x: x % 12 + 12),
    "am": (range(1, 13), lambda x: x % 12),
}


def _hour_modes(x: int, target: int) -> list[str]:
    if x >= 13:
        return ["id"] if x == target else []
    modes = []
    if x <= 11 and target == x:
        modes.append("low")
    # 12 read as 12 is noon on a 12-hour clock or on a 24-hour one: it does
    # not tell the clock, so it teaches nothing
    if 1 <= x <= 11 and target == x + 12:
        modes.append("pm")
    if x == 12 and target == 0:
        modes.append("am")
    return modes


@attrs.define
class _Shape:
    """How the digit runs of one stamp shape give a date."""

    #: per field: (run index, mode); modes: "id", "y2k" (two-digit year),
    #: and for the hour the clock modes of ``_HOUR_MODES``
    plan: list[tuple[int, str]]
    precision: str
    #: stamps on which the plan agreed with the engine
    checks: int = 0

    def apply(self, runs: list[str], latest_year: int) -> datetime | None:
        values = [1, 1, 1, 0, 0, 0]
        for field, (i, mode) in enumerate(self.plan):
            n = int(runs[i])
            if field == 3:
                hours, read = _HOUR_MODES[mode]
                if n not in hours:
                    return None
                n = read(n)
            elif mode == "y2k":
                n += 2000
                if n > latest_year:
                    return None  # another century: let the engine decide
            values[field] = n
        try:
            return datetime(*values)  # type: ignore[arg-type]
        except ValueError:
            return None

    def widen(self, runs: list[str], found: ParsedDate) -> None:
        """A 'low' clock seen reading an afternoon hour is a 24-hour clock."""
        if len(self.plan) > 3 and self.plan[3][1] == "low":
            i = self.plan[3][0]
            if int(runs[i]) >= 13 and found.value.hour == int(runs[i]):
                self.plan[3] = (i, "id")


def _learn(runs: list[str], found: ParsedDate) -> _Shape | None:
    """The one plan that explains ``found`` from ``runs``, or None."""
    v = found.value
    want = (v.year, v.month, v.day, v.hour, v.minute, v.second)
    n = _NEEDED.get(found.precision, 0)
    if n == 0 or len(runs) != n or n > 6:
        return None  # every run must be a field and every field a run
    nums = [int(r) for r in runs]
    plans: list[list[tuple[int, str]]] = []
    for order in permutations(range(len(runs)), n):
        plan: list[tuple[int, str]] = []
        for field, i in enumerate(order):
            x, target = nums[i], want[field]
            if field == 3:
                modes = _hour_modes(x, target)
            else:
                modes = ["id"] if x == target else []
                if field == 0 and len(runs[i]) == 2 and x + 2000 == target:
                    modes = ["y2k"]
            if len(modes) != 1:
                break
            plan.append((i, modes[0]))
        else:
            plans.append(plan)
            if len(plans) > 1:
                return None  # ambiguous (9/9/24): wait for a clearer stamp
    return _Shape(plans[0], found.precision) if plans else None


class StampFormats:
    """Per-document memory of stamp shapes (see the module docstring)."""

    #: agreements with the engine before a shape is read without it
    CHECKS = 3
    #: shapes remembered at most
    LIMIT = 256

    def __init__(self) -> None:
        self._shapes: dict[tuple[str, str | None, object], _Shape | None] = {}

    def parse(
        self, stamp: str, state: State, dialect: Dialect, at: int | None = None
    ) -> ParsedDate | None:
        """The date of ``stamp``; its offsets are moved by ``at`` (0/0 when
        ``at`` is None: the stamp's place is unknown)."""
        found, placed = self._read(stamp, state, dialect, at)
        if found is None or at == 0 or placed:
            return found
        if found.relative is False and found.text is stamp and found.end == len(stamp):
            start = at if at is not None else 0
            end = at + len(stamp) if at is not None else 0
            return ParsedDate(
                found.value, found.precision, False, stamp, start, end, found.language
            )
        if at is None:
            return attrs.evolve(found, start=0, end=0)
        return attrs.evolve(found, start=found.start + at, end=found.end + at)

    def _read(
        self, stamp: str, state: State, dialect: Dialect, at: int | None
    ) -> tuple[ParsedDate | None, bool]:
        """The date of ``stamp``, and whether its offsets are already moved
        by ``at`` (the learned path builds it in place)."""
        parts = _DIGIT_RUNS.split(stamp) if len(stamp) <= 64 else []
        runs = parts[1::2]
        if len(runs) < 3:
            return self._engine(stamp, state, dialect), False
        key = ("#".join(parts[::2]), state.order, dialect.languages)
        known = key in self._shapes
        shape = self._shapes.get(key)
        if known and shape is None:  # a shape the engine must always read
            return self._engine(stamp, state, dialect), False
        latest = state.now.year + 1
        if shape is not None and shape.checks >= self.CHECKS:
            value = shape.apply(runs, latest)
            if value is not None:
                # offsets as parse() gives them: moved by at, 0/0 without it
                start, end = (0, 0) if at is None else (at, at + len(stamp))
                date = ParsedDate(value, shape.precision, False, stamp, start, end)  # type: ignore[arg-type]
                return date, True
            found = self._engine(stamp, state, dialect)
            if found is not None:
                shape.widen(runs, found)
            return found, False
        found = self._engine(stamp, state, dialect)
        whole = (
            found is not None
            and not found.relative
            and found.value.tzinfo is None
            and found.start == 0
            and found.end == len(stamp)
        )
        if shape is None:
            if whole and found is not None and len(self._shapes) < self.LIMIT:
                learned = _learn(runs, found)
                if learned is not None:
                    self._shapes[key] = learned
        elif whole and found is not None and shape.precision == found.precision:
            value = shape.apply(runs, latest)
            if value is None:
                shape.widen(runs, found)
            elif value == found.value:
                shape.checks += 1
            else:
                self._shapes[key] = None  # the plan disagreed once: never again
        else:
            self._shapes[key] = None
        return found, False

    @staticmethod
    def _engine(stamp: str, state: State, dialect: Dialect) -> ParsedDate | None:
        return search_date(stamp, now=state.now, languages=dialect.languages, order=state.order)


def resolve_stamp(match: Match, state: State, dialect: Dialect) -> ParsedDate | None:
    """The timestamp of a header match, offsets made absolute.

    A rule may hand over a resolved date (``match.date``); otherwise the
    byline's date expression (``match.stamp``) is parsed with the document's
    day/month order and the dialect's language hints.
    """
    found = match.date
    if found is None and match.stamp:
        formats = state.scratch.get("postparse.stamps")
        if not isinstance(formats, StampFormats):
            formats = state.scratch["postparse.stamps"] = StampFormats()
        # absolute offsets when the rule said where the stamp is, else 0/0
        found = formats.parse(match.stamp, state, dialect, match.stamp_start)
    if found is not None:
        found = with_zone(found, state.tz)
    return found


def with_zone(found: ParsedDate, tz: object) -> ParsedDate:
    """Give a naive timestamp the zone ``tz`` (a ``tzinfo``), if any."""
    if isinstance(tz, tzinfo) and found.value.tzinfo is None:
        return attrs.evolve(found, value=found.value.replace(tzinfo=tz))
    return found
