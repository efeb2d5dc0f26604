"""``parse`` and ``iter_parse``: decode → lines → dialect → segments → posts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timezone, tzinfo
from itertools import chain, islice

from .dates import infer_date_order
from .dialects import detect_dialect, get_dialect, registered
from .dialects.base import Dialect, State
from .fields.post import PostBuilder
from .lines import Line, split_lines
from .model import Document, Post
from .source import Source, iter_source_chunks, read_source

#: Lines read ahead to detect the dialect and the day/month order. The same
#: head is used by ``parse`` and ``iter_parse``, so both decide alike.
HEAD_LINES = 400
SAMPLE_LINES = 200


def _resolve_tz(tz: tzinfo | str | None) -> tzinfo | None:
    if tz is None or isinstance(tz, tzinfo):
        return tz
    from dateutil import tz as dtz

    zone = dtz.gettz(tz)
    if zone is None:
        raise ValueError(f"unknown time zone {tz!r}")
    return zone


def _resolve_now(now: datetime | str | None) -> datetime:
    if now is None:
        return datetime.now(timezone.utc)
    if isinstance(now, str):
        now = datetime.fromisoformat(now.replace("Z", "+00:00"))
    return now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)


def _run(
    lines: Iterator[Line],
    *,
    now: datetime | str | None,
    tz: tzinfo | str | None,
    dialect: str | Dialect | None,
) -> tuple[Dialect, State, Iterator[Post]]:
    from .segment import first_switch, segment

    head = list(islice(lines, HEAD_LINES))
    sample = [ln.content for ln in head if ln.content][:SAMPLE_LINES]
    if isinstance(dialect, Dialect):
        chosen = dialect
    elif dialect:
        chosen = get_dialect(dialect)
    else:
        chosen = detect_dialect(sample)
    state = State(now=_resolve_now(now), tz=_resolve_tz(tz))
    # A dialect named by the caller is kept for the whole file; a detected
    # one gives way to another where a region of the file is in that format.
    others = () if dialect else tuple(registered().values())
    order = infer_date_order(sample)
    if order is not None and chosen.order is not None and order != chosen.order and others:
        # the dates that disagree with the format's own order may be another
        # region's: the first region's order comes from its own lines
        cut = first_switch(head, chosen, others)
        if cut is not None:
            order = infer_date_order([ln.content for ln in head[:cut] if ln.content])
    state.order = order or chosen.order
    builder = PostBuilder(chosen, state)
    drafts = segment(chain(head, lines), chosen, state, others)
    return chosen, state, map(builder.build, drafts)


def iter_parse(
    source: Source | Iterable[str],
    *,
    now: datetime | str | None = None,
    tz: tzinfo | str | None = None,
    dialect: str | Dialect | None = None,
) -> Iterator[Post]:
    """Yield the segments of ``source`` one by one (posts and meta).

    ``source`` is anything :func:`parse` takes, or an iterable of lines
    (keep their line endings). Memory is bounded by the largest segment,
    not the file. Yields exactly the segments ``parse`` returns.
    """
    chunks = iter_source_chunks(source)  # type: ignore[arg-type]
    _, _, posts = _run(split_lines(chunks), now=now, tz=tz, dialect=dialect)
    yield from posts


def parse(
    source: Source,
    *,
    now: datetime | str | None = None,
    tz: tzinfo | str | None = None,
    dialect: str | Dialect | None = None,
) -> Document:
    """Parse a dump into a :class:`~postparse.Document`.

    - ``source``: ``str``, ``bytes``, a path, or a text/binary file object.
      Bytes are decoded here (BOM, UTF-8, UTF-16, cp1252 fallback).
    - ``now``: the reference instant for relative dates ("2h", "yesterday");
      a naive value (or ISO string without offset) is UTC. Default: the
      current time.
    - ``tz``: a ``tzinfo`` or zone name given to timestamps that name no zone.
    - ``dialect``: force a dump format by name (see
      :func:`postparse.dialects.registered`); default: detected.
    """
    decoded = read_source(source)
    chosen, state, posts = _run(split_lines(decoded.text), now=now, tz=tz, dialect=dialect)
    segments = tuple(posts)
    return Document(
        decoded.text,
        segments,
        dialect=chosen.name,
        encoding=decoded.encoding,
        date_order=state.order,
    )
