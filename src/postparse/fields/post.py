"""Turning a segment draft into a :class:`~postparse.Post`: every field
extractor is called from here, once per segment."""

from __future__ import annotations

from ..dialects.base import Dialect, State
from ..emoji import may_need_repair, repair_spans, repairs_of
from ..model import LAZY, EmojiRepair, ParsedDate, Post
from ..segment import Draft
from .entities import find_entities
from .language import post_language
from .timestamp import with_zone
from .truncation import is_truncated

#: Remember at most this many distinct meta texts for ``repeat_of``.
MAX_REMEMBERED = 100_000

# ``Post(...)`` goes through ``type.__call__``, which packs the keyword
# arguments into a dict and unpacks it again for ``__init__``; calling
# ``__init__`` on a bare instance passes them straight through (the same
# attrs-generated code runs, converters included). The arguments go by
# position, in the order of Post's fields: matching two dozen keywords to
# parameter names costs more than the rest of the call
# (tests/test_field_fast_paths.py pins the order).
_bare = object.__new__
_init_post = Post.__init__


class _Unset:
    """Marker: not identified yet."""

    __slots__ = ()


_UNSET = _Unset()


class _Hint:
    """The language hint of a body's emoji repair, found when first asked.

    A '?' after a space is a real question in French and an emoji lost to
    '?' elsewhere: the repair is told the language, but it is only
    identified (and only where such a '?' is there) when the repair asks.
    """

    __slots__ = ("body", "value")

    def __init__(self, body: str) -> None:
        self.body = body
        self.value: str | _Unset | None = _UNSET

    def __call__(self) -> str | None:
        value = self.value
        if isinstance(value, _Unset):
            body = self.body
            value = post_language(body) if (" ?" in body or "\u00a0?" in body) else None
            self.value = value
        return value


class PostBuilder:
    """Extract the fields of each draft, in document order."""

    def __init__(self, dialect: Dialect, state: State) -> None:
        self.dialect = dialect
        self.state = state
        self.index = 0
        self._seen_meta: dict[str, int] = {}

    def build(self, draft: Draft) -> Post:
        dialect = draft.dialect
        index = self.index
        self.index += 1
        lines = draft.lines
        first, last = lines[0], lines[-1]
        # most chat segments are one line: no join for them
        raw = first.text + first.term if len(lines) == 1 else draft.raw()
        start = first.start
        end = start + len(raw)
        if draft.kind == "meta":
            text = raw.strip()
            key = " ".join(text.split())
            repeat_of = self._seen_meta.get(key)
            if repeat_of is None and len(self._seen_meta) < MAX_REMEMBERED:
                self._seen_meta[key] = index
            meta = _bare(Post)
            _init_post(
                meta,
                "meta",  # kind
                index,
                start,
                end,
                first.number,  # line
                last.number,  # end_line
                raw,
                text,
                dialect.name,
                None,  # author
                None,  # timestamp
                None,  # timestamp_text
                None,  # precision
                False,  # relative
                None,  # language
                (),  # emoji
                (),  # hashtags
                (),  # mentions
                (),  # urls
                False,  # truncated
                repeat_of,
                None,  # text_span
                None,  # author_span
                None,  # timestamp_span
                draft.rule,
            )
            return meta

        body = ""
        span: tuple[int, int] | None = None
        repairs: tuple[EmojiRepair, ...] = ()
        if draft.body_start is not None and draft.body_end is not None:
            body = raw[draft.body_start - start : draft.body_end - start]
            span = (draft.body_start, draft.body_end)
            if may_need_repair(body):
                repaired, found = repair_spans(body, _Hint(body))
                if found:
                    repairs = repairs_of(body, found, draft.body_start)
                text = repaired.strip()
            else:
                text = body.strip()
        else:
            text = ""
        header = draft.header
        date: ParsedDate | None = draft.date
        if date is None and dialect.inherit_divider_date and draft.divider is not None:
            date = with_zone(draft.divider, self.state.tz)
            stamp_text: str | None = date.text
        else:
            stamp_text = date.text if date is not None else None
        hashtags, mentions, urls = find_entities(body)
        post = _bare(Post)
        _init_post(
            post,
            "post",  # kind
            index,
            start,
            end,
            first.number,  # line
            last.number,  # end_line
            raw,
            text,
            dialect.name,
            header.author if header is not None else None,
            date.value if date is not None else None,  # timestamp
            stamp_text,
            date.precision if date is not None else None,
            date.relative if date is not None else False,
            LAZY,  # language
            repairs,  # emoji
            hashtags,
            mentions,
            urls,
            draft.truncated or is_truncated(text, ellipsis=dialect.previews),
            None,  # repeat_of
            span,  # text_span
            draft.author_span,
            (date.start, date.end) if date is not None and date.end else None,  # timestamp_span
            draft.rule,
        )
        return post
