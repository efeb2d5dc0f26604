"""Property tests for composing repair lists (postparse.emoji._compose)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postparse.emoji._compose import Candidate, apply, compose


@st.composite
def _repairs(draw: st.DrawFn, text: str, allow_empty_fixed: bool) -> list[Candidate]:
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    out: list[Candidate] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a == b or not draw(st.booleans()):
            continue
        fixed = draw(st.text(alphabet="XYZ", min_size=0 if allow_empty_fixed else 1, max_size=3))
        if fixed != text[a:b]:
            out.append((a, b, fixed, draw(st.booleans())))
    return out


@settings(max_examples=800, deadline=None)
@given(st.data(), st.text(alphabet="abcde", max_size=20))
def test_compose_equals_sequential_application(data: st.DataObject, x: str) -> None:
    r1 = data.draw(_repairs(x, True))
    y = apply(x, r1)
    r2 = data.draw(_repairs(y, False))
    z = apply(y, r2)
    both = compose(x, r1, r2)
    assert apply(x, both) == z
    last = -1
    for start, end, fixed, _lost in both:
        assert last <= start < end <= len(x)
        assert fixed != x[start:end]
        last = end
    # a lost repair of the second pass stays marked lost
    if any(r[3] for r in r2):
        assert any(r[3] for r in both)
