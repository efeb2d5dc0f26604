"""Dates: relative and absolute timestamps in many languages.

Interface (stable; the implementation behind it grows):

- ``parse_date(text, *, now=None, languages=None, order=None)`` -> ``ParsedDate | None``:
  the whole of ``text`` (surrounding whitespace and punctuation aside) must be a date.
- ``search_date(text, *, now=None, languages=None, order=None)`` -> ``ParsedDate | None``:
  the first date expression inside ``text``; ``start``/``end`` locate it.
- ``infer_date_order(samples)`` -> ``"DMY" | "MDY" | "YMD" | None``: the
  day/month order that explains a document's numeric dates.

``order`` is ``"DMY"``, ``"MDY"`` or ``"YMD"`` and settles numeric dates
that are ambiguous; ``None`` lets the language (or the default) decide.

This stub only knows ISO 8601; it is replaced by the dates engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

import regex

from ..model import ParsedDate, Precision

__all__ = ["ParsedDate", "infer_date_order", "parse_date", "search_date"]

_ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(?!\d)")


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(timezone.utc)
    return now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)


def search_date(
    text: str,
    *,
    now: datetime | None = None,
    languages: Sequence[str] | None = None,
    order: str | None = None,
) -> ParsedDate | None:
    m = _ISO.search(text)
    if m is None:
        return None
    y, mo, d, hh, mm, ss = m.groups()
    precision: Precision = "second" if ss else "minute" if mm else "day"
    try:
        value = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    return ParsedDate(value, precision, False, m.group(), m.start(), m.end())


def parse_date(
    text: str,
    *,
    now: datetime | None = None,
    languages: Sequence[str] | None = None,
    order: str | None = None,
) -> ParsedDate | None:
    found = search_date(text, now=now, languages=languages, order=order)
    if found is None or text[: found.start].strip() or text[found.end :].strip():
        return None
    return found


def infer_date_order(samples: Iterable[str]) -> str | None:
    return None
