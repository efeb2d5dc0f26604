"""Timestamp of a post: from the byline a dialect rule found."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

import attrs

from ..dates import search_date
from ..model import ParsedDate

if TYPE_CHECKING:
    from ..dialects.base import Dialect, Match, State


def resolve_stamp(match: Match, state: State, dialect: Dialect) -> ParsedDate | None:
    """The timestamp of a header match, offsets made absolute.

    A rule may hand over a resolved date (``match.date``); otherwise the
    byline's date expression (``match.stamp``) is parsed with the document's
    day/month order and the dialect's language hints.
    """
    found = match.date
    if found is None and match.stamp:
        found = search_date(
            match.stamp, now=state.now, languages=dialect.languages, order=state.order
        )
        if found is not None:
            # absolute offsets when the rule said where the stamp is, else 0/0
            at = match.stamp_start
            found = attrs.evolve(
                found,
                start=found.start + at if at is not None else 0,
                end=found.end + at if at is not None else 0,
            )
    if found is not None:
        found = with_zone(found, state.tz)
    return found


def with_zone(found: ParsedDate, tz: object) -> ParsedDate:
    """Give a naive timestamp the zone ``tz`` (a ``tzinfo``), if any."""
    if isinstance(tz, tzinfo) and found.value.tzinfo is None:
        return attrs.evolve(found, value=found.value.replace(tzinfo=tz))
    return found
