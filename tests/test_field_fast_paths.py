"""The cheap pre-tests of the per-post field work agree with the full work."""

from __future__ import annotations

import re

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import postparse
from postparse.fields.entities import find_entities, find_hashtags, find_mentions, find_urls
from postparse.fields.timestamp import _DIGIT_RUNS
from postparse.fields.truncation import _MARKERS, _ends_with_marker, _may_end_with_marker
from postparse.model import EmojiRepair

_MARKER_LIST = sorted(_MARKERS)
# characters whose lower-casing is special (İ, Σ, the Kelvin sign), spaces,
# the cut characters, CJK and ASCII letters for the stray-glyph case
_ODD = "İΣσςKkAaZz \u3000\xa0\n.…文开示c"
_PIECE = st.one_of(
    st.sampled_from(_MARKER_LIST),
    st.sampled_from(_MARKER_LIST).map(str.upper),
    st.sampled_from(_MARKER_LIST).map(str.title),
    st.text(alphabet=_ODD, max_size=3),
    st.text(max_size=6),
)
_TAILS = st.lists(_PIECE, min_size=1, max_size=5).map("".join).filter(bool)


@settings(max_examples=1000)
@given(_TAILS)
def test_marker_pretest_never_misses_a_marker(tail: str) -> None:
    if not _may_end_with_marker(tail):
        assert not _ends_with_marker(tail)


def test_marker_pretest_lets_every_marker_through() -> None:
    for marker in _MARKER_LIST:
        for tail in (marker, marker.upper(), "x\n" + marker, "…" + marker + "c"):
            if _ends_with_marker(tail):
                assert _may_end_with_marker(tail)


_ENTITY_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.sampled_from(["#tag", "@name", "t.me/x", "https://a.b/c", "www.x.org", " ", "é", "."]),
        max_size=8,
    ).map("".join),
)


@given(_ENTITY_TEXT)
def test_find_entities_equals_the_three_finders(text: str) -> None:
    assert find_entities(text) == (
        tuple(find_hashtags(text)),
        tuple(find_mentions(text)),
        tuple(find_urls(text)),
    )


def test_builder_posts_equal_constructed_ones() -> None:
    # the builder calls Post.__init__ on a bare instance: the result must be
    # what the constructor gives, field for field and in its __dict__
    text = "Show more…\n\n2024-09-02 16:17 by Ana\n#tag @name t.me/x ??\n\nplain note\n"
    doc = postparse.parse(text, now="2030-01-01T00:00:00Z", tz="UTC")
    assert doc.segments
    for post in doc.segments:
        again = attrs.evolve(post)
        assert again == post
        assert vars(again) == vars(post)
        assert list(vars(again)) == list(vars(post))


@given(st.text(alphabet="0123456789/:,. APMx٣", max_size=40))
def test_stamp_shape_from_one_split(stamp: str) -> None:
    # StampFormats reads the digit runs and the stamp's shape from one split
    parts = _DIGIT_RUNS.split(stamp)
    assert parts[1::2] == re.findall(r"[0-9]+", stamp)
    assert "#".join(parts[::2]) == re.sub(r"[0-9]+", "#", stamp)


@given(
    st.integers(0, 99), st.integers(0, 99), st.text(max_size=3), st.booleans(), st.integers(0, 999)
)
def test_shifted_repair_is_the_evolved_one(
    start: int, size: int, fixed: str, lost: bool, by: int
) -> None:
    repair = EmojiRepair(start, start + size, "x" * size, fixed, lost)
    expected = attrs.evolve(repair, start=start + by, end=start + size + by)
    assert repair.shifted(by) == expected
