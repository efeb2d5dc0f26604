"""``ParsedDate``, the result of the dates engine, without importing attrs.

``import attrs`` costs 30-40 ms (it imports ``inspect``, ``ast``, ``dis``,
``platform`` …): more than the rest of ``import postparse.dates`` and the
first call together. ``parse_date`` should not pay for it, so the class is
written out here, and :mod:`postparse.model` re-exports it.

To type checkers it *is* the frozen attrs class of ``model.py`` (so
``attrs.evolve`` on it type-checks). At run time it behaves as that class:
slots, keyword and positional ``__init__`` with the same defaults, the same
``repr``, equality and hashing over all fields, no ordering,
``attrs.exceptions.FrozenInstanceError`` on assignment, pickling and
``__match_args__``. For the attrs protocol (``attrs.fields``, ``evolve``,
``asdict``, ``has``) ``__attrs_attrs__`` is made by attrs itself, from an
identical attrs class, on first access. ``tests/dates/test_dates_result.py``
checks all of this against an attrs-made twin.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

Precision = Literal["year", "month", "week", "day", "hour", "minute", "second"]

_FIELDS = ("value", "precision", "relative", "text", "start", "end", "language")


def _attrs_twin() -> Any:
    """The same class made by attrs (imported here, on first need)."""
    twin = _TWIN.get("cls")
    if twin is None:
        import attrs

        @attrs.frozen
        class ParsedDate:
            value: datetime
            precision: Precision
            relative: bool = False
            text: str = ""
            start: int = 0
            end: int = 0
            language: str | None = None

        twin = _TWIN["cls"] = ParsedDate
    return twin


_TWIN: dict[str, Any] = {}


class _FromAttrs:
    """A class attribute attrs defines (``__attrs_attrs__`` …), taken from the
    attrs-made twin on first access and then kept on the class."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, owner: type) -> Any:
        value = getattr(_attrs_twin(), self.name)
        setattr(owner, self.name, value)
        return value


class _ParsedDate:
    """A date found in text.

    ``value`` is naive when the text names no zone (and no ``tz`` was given);
    relative dates carry the zone of ``now``. ``start``/``end`` locate the
    date expression inside the string that was searched, ``text`` is that
    expression.
    """

    __slots__ = (*_FIELDS, "__weakref__")
    __match_args__ = ("value", "precision", "relative", "text", "start", "end", "language")
    __attrs_attrs__ = _FromAttrs("__attrs_attrs__")
    __attrs_props__ = _FromAttrs("__attrs_props__")

    value: datetime
    precision: Precision
    relative: bool
    text: str
    start: int
    end: int
    language: str | None

    def __init__(
        self,
        value: datetime,
        precision: Precision,
        relative: bool = False,
        text: str = "",
        start: int = 0,
        end: int = 0,
        language: str | None = None,
    ) -> None:
        _set = object.__setattr__
        _set(self, "value", value)
        _set(self, "precision", precision)
        _set(self, "relative", relative)
        _set(self, "text", text)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "language", language)

    def isoformat(self) -> str:
        return self.value.isoformat()

    def __repr__(self) -> str:
        name = self.__class__.__qualname__.rsplit(">.", 1)[-1]
        return (
            f"{name}(value={self.value!r}, precision={self.precision!r}, "
            f"relative={self.relative!r}, text={self.text!r}, start={self.start!r}, "
            f"end={self.end!r}, language={self.language!r})"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _ParsedDate)
        return (
            self.value == other.value
            and self.precision == other.precision
            and self.relative == other.relative
            and self.text == other.text
            and self.start == other.start
            and self.end == other.end
            and self.language == other.language
        )

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        if result is NotImplemented:
            return NotImplemented
        return not result

    def __hash__(self) -> int:
        return hash(
            (
                _HASH_SALT,
                self.value,
                self.precision,
                self.relative,
                self.text,
                self.start,
                self.end,
                self.language,
            )
        )

    def __setattr__(self, name: str, value: object) -> None:
        from attrs.exceptions import FrozenInstanceError

        raise FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        from attrs.exceptions import FrozenInstanceError

        raise FrozenInstanceError

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELDS}

    def __setstate__(self, state: dict[str, Any] | tuple[Any, ...]) -> None:
        if isinstance(state, tuple):  # attrs before 22.2 pickled tuples
            state = dict(zip(_FIELDS, state, strict=False))
        for name in _FIELDS:
            if name in state:
                object.__setattr__(self, name, state[name])

    def __replace__(self, **changes: Any) -> _ParsedDate:
        """``copy.replace`` (Python 3.13), as attrs provides it there."""
        for name in _FIELDS:
            changes.setdefault(name, getattr(self, name))
        return self.__class__(**changes)


_HASH_SALT = hash("postparse.ParsedDate")

if TYPE_CHECKING:
    import attrs

    @attrs.frozen
    class ParsedDate:
        """A date found in text (see :class:`_ParsedDate`)."""

        value: datetime
        precision: Precision
        relative: bool = False
        text: str = ""
        start: int = 0
        end: int = 0
        language: str | None = None

        def isoformat(self) -> str: ...

else:
    ParsedDate = _ParsedDate
    ParsedDate.__name__ = ParsedDate.__qualname__ = "ParsedDate"
