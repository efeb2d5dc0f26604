"""ParsedDate is written without attrs; it must behave as the frozen attrs
class it replaces (compared with an attrs-made twin), and ``parse_date``
must not import attrs."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
import weakref
from datetime import datetime, timezone
from pathlib import Path

import attrs
import pytest

import postparse
from postparse.dates import ParsedDate, parse_date
from postparse.dates._result import _attrs_twin
from postparse.model import ParsedDate as ModelParsedDate

V = datetime(2024, 9, 10, 10, 0, tzinfo=timezone.utc)
ARGS = (V, "hour", True, "2 hours ago", 0, 11, "en")


def test_one_class_everywhere() -> None:
    assert ParsedDate is ModelParsedDate is postparse.ParsedDate
    assert ParsedDate.__name__ == ParsedDate.__qualname__ == "ParsedDate"


def test_same_behaviour_as_the_attrs_class() -> None:
    twin = _attrs_twin()
    for args in (ARGS, ARGS[:2], (V, "day", False, "x")):
        ours, theirs = ParsedDate(*args), twin(*args)
        assert repr(ours) == repr(theirs)
        for name in ("value", "precision", "relative", "text", "start", "end", "language"):
            assert getattr(ours, name) == getattr(theirs, name)
    kw = dict(zip(ParsedDate.__match_args__, ARGS, strict=True))
    assert ParsedDate(**kw) == ParsedDate(*ARGS)
    assert ParsedDate.__match_args__ == twin.__match_args__
    assert set(ParsedDate.__slots__) == set(twin.__slots__)
    with pytest.raises(TypeError):
        ParsedDate(V)  # precision is required, as in attrs


def test_equality_hash_and_no_order() -> None:
    a, b = ParsedDate(*ARGS), ParsedDate(*ARGS)
    assert a == b
    assert not a.__ne__(b)
    assert hash(a) == hash(b)
    c = ParsedDate(V, "hour", True, "2 hours ago", 0, 11, None)
    assert a != c
    assert a != _attrs_twin()(*ARGS)  # another class: not equal, as in attrs
    assert len({a, b, c}) == 2
    with pytest.raises(TypeError):
        _ = a < b  # type: ignore[operator]


def test_frozen() -> None:
    a = ParsedDate(*ARGS)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.start = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del a.text  # type: ignore[misc]
    with pytest.raises(AttributeError):
        a.other = 1  # type: ignore[attr-defined]


def test_attrs_protocol() -> None:
    a = ParsedDate(*ARGS)
    assert attrs.has(ParsedDate)
    assert [f.name for f in attrs.fields(ParsedDate)] == [
        f.name for f in attrs.fields(_attrs_twin())
    ]
    moved = attrs.evolve(a, start=5, end=16)
    assert type(moved) is ParsedDate
    assert (moved.start, moved.end, moved.text) == (5, 16, a.text)
    assert attrs.asdict(a) == attrs.asdict(_attrs_twin()(*ARGS))
    assert attrs.astuple(a) == ARGS


def test_pickle_copy_weakref() -> None:
    a = ParsedDate(*ARGS)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(a, proto)) == a
    assert copy.copy(a) == a and copy.deepcopy(a) == a
    assert a.__replace__(text="x").text == "x"
    assert weakref.ref(a)() is a
    assert a.isoformat() == V.isoformat()
    # a pickle made by the attrs class (state as a dict) loads into this one
    b = ParsedDate.__new__(ParsedDate)
    b.__setstate__(_attrs_twin()(*ARGS).__getstate__())
    assert b == a


def test_parse_date_does_not_import_attrs() -> None:
    src = str(Path(__file__).resolve().parents[2] / "src")
    code = (
        f"import sys; sys.path.insert(0, {src!r}); from postparse.dates import parse_date; "
        "r = parse_date('2 hours ago', languages=['en']); assert r is not None; "
        "r2 = parse_date('hello world'); assert r2 is None; "
        "print(sorted(m for m in ('attrs', 'attr', 'calendar', 'inspect') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_result_type() -> None:
    r = parse_date("2 hours ago", now=V, languages=["en"])
    assert isinstance(r, ParsedDate)
