"""The typed results postparse hands out: frozen attrs classes.

Everything a user receives is defined here, so the shapes of the public API
can be read in one file. All classes are frozen; offsets are character
offsets into the decoded input (no newline translation).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Literal

import attrs

# Written without attrs (same behaviour), so that parse_date does not import it.
from .dates._result import ParsedDate as ParsedDate
from .dates._result import Precision as Precision

Kind = Literal["post", "meta"]

#: Precisions from coarsest to finest.
PRECISIONS: tuple[Precision, ...] = ("year", "month", "week", "day", "hour", "minute", "second")


def _tuple(value: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class EmojiRepair:
    """One repair made by :func:`postparse.repair_emoji`.

    ``found`` is ``input[start:end]``; ``fixed`` is what replaced it in the
    repaired text. ``lost`` repairs replace an emoji that was destroyed (for
    example by ``?``) with U+FFFD.
    """

    start: int
    end: int
    found: str
    fixed: str
    lost: bool = False

    def shifted(self, offset: int) -> EmojiRepair:
        """The same repair with offsets moved by ``offset``."""
        # built directly: attrs.evolve looks the fields up on every call
        return EmojiRepair(
            self.start + offset, self.end + offset, self.found, self.fixed, self.lost
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "found": self.found,
            "fixed": self.fixed,
            "lost": self.lost,
        }


@attrs.frozen
class EmojiResult:
    """The outcome of :func:`postparse.repair_emoji`."""

    text: str
    repairs: tuple[EmojiRepair, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def changed(self) -> bool:
        return bool(self.repairs)

    @property
    def lost(self) -> int:
        """How many emoji were lost beyond repair."""
        return sum(max(1, r.fixed.count("\ufffd")) for r in self.repairs if r.lost)


class _Lazy:
    """Marker: a field computed on first access."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "LAZY"


LAZY = _Lazy()


# Post is built by the thousand per dump: it is frozen but not slotted,
# because attrs fills a frozen instance's ``__dict__`` directly while every
# slot costs an ``object.__setattr__`` call.
@attrs.frozen(slots=False)
class Post:
    """One segment of a dump: a post, or a ``meta`` segment (page chrome,
    channel cards, system lines, date dividers, engagement counts).

    ``raw == source[start:end]``; ``text`` is the cleaned message.
    """

    kind: Kind
    index: int
    start: int
    end: int
    line: int
    end_line: int
    raw: str
    text: str
    dialect: str = "generic"
    author: str | None = None
    timestamp: datetime | None = None
    timestamp_text: str | None = None
    precision: Precision | None = None
    relative: bool = False
    #: the language tag; see :attr:`language`. ``LAZY`` (the default for
    #: posts that parse builds) means "identify on first access".
    language_: str | _Lazy | None = attrs.field(
        default=None, alias="language", eq=False, repr=False
    )
    emoji: tuple[EmojiRepair, ...] = attrs.field(default=(), converter=_tuple)
    hashtags: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    mentions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    urls: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    truncated: bool = False
    repeat_of: int | None = None
    #: where the fields came from, as absolute ``(start, end)`` offsets into
    #: the input (not part of ``to_dict``): the message text before
    #: cleaning, the author's name in the byline, the date expression
    text_span: tuple[int, int] | None = None
    author_span: tuple[int, int] | None = None
    timestamp_span: tuple[int, int] | None = None
    #: the dialect rule that opened the segment (``"default"`` when none
    #: matched): what ``postparse --explain`` shows
    rule: str = ""

    @property
    def is_post(self) -> bool:
        return self.kind == "post"

    @property
    def language(self) -> str | None:
        """BCP 47 tag of the text's language (``zh-Hans``/``zh-Hant`` apart),
        or None. Identified on first access and kept: parsing a dump does
        not pay for the language of posts nobody asks about."""
        value = self.language_
        if isinstance(value, _Lazy):
            from .fields.language import post_language

            value = post_language(self.text) if self.kind == "post" else None
            object.__setattr__(self, "language_", value)
        return value

    def to_dict(self) -> dict[str, Any]:
        """The segment as the JSON object of the contract."""
        return {
            "kind": self.kind,
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "end_line": self.end_line,
            "raw": self.raw,
            "text": self.text,
            "author": self.author,
            "timestamp": self.timestamp.isoformat() if self.timestamp is not None else None,
            "timestamp_text": self.timestamp_text,
            "precision": self.precision,
            "relative": self.relative,
            "language": self.language,
            "emoji": [r.to_dict() for r in self.emoji],
            "hashtags": list(self.hashtags),
            "mentions": list(self.mentions),
            "urls": list(self.urls),
            "truncated": self.truncated,
            "repeat_of": self.repeat_of,
            "dialect": self.dialect,
        }


@attrs.frozen
class Document:
    """A parsed dump. Iterating yields the posts; ``segments`` holds all."""

    text: str
    segments: tuple[Post, ...] = attrs.field(converter=_tuple)
    dialect: str = "generic"
    encoding: str = "utf-8"
    date_order: str | None = None

    def __iter__(self) -> Iterator[Post]:
        return (s for s in self.segments if s.kind == "post")

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @property
    def posts(self) -> tuple[Post, ...]:
        return tuple(self)

    def to_dicts(self) -> list[dict[str, Any]]:
        return [s.to_dict() for s in self.segments]
