"""The cheap pre-tests of the per-post field work agree with the full work."""

from __future__ import annotations

import re

import attrs
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import postparse
from postparse.emoji import _SURROGATE_PAIR_RE, _lost, _mojibake, _stage_one, repair_emoji
from postparse.fields.entities import find_entities, find_hashtags, find_mentions, find_urls
from postparse.fields.timestamp import _DIGIT_RUNS
from postparse.fields.truncation import _MARKERS, _ends_with_marker, _may_end_with_marker
from postparse.model import EmojiRepair, Post

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
        st.sampled_from(
            ["#tag", "@name", "t.me/x", "https://a.b/c", "www.x.org", "WWW.X.ORG", " ", "é", "."]
        ),
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


def test_post_fields_in_the_order_the_builder_passes_them() -> None:
    # PostBuilder.build calls Post.__init__ with positional arguments
    assert [a.alias for a in attrs.fields(Post)] == [
        "kind", "index", "start", "end", "line", "end_line", "raw", "text", "dialect",
        "author", "timestamp", "timestamp_text", "precision", "relative", "language",
        "emoji", "hashtags", "mentions", "urls", "truncated", "repeat_of", "text_span",
        "author_span", "timestamp_span", "rule",
    ]  # fmt: skip


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


# The lost-'?' scan as written for the regex module before TOKEN_RE became a
# literal-first stdlib pattern, and find() before its line-start fast path:
# the references the current code must agree with.
_MODS, _PICTO, _HAN = _lost._MODS, _lost._PICTO, _lost._HAN
_TOKEN_REFERENCE = regex.compile(
    rf"(?<![^\s{_HAN}])\?[?\u200d{_MODS}]*(?=\s|$|[{_PICTO}])"
    rf"|\?+[{_MODS}][?\u200d{_MODS}]*"
    rf"|(?<=\u200d)\?+|\?+(?=\u200d)",
)


def _find_reference(text: str, language: str | None) -> list[tuple[int, int, str, bool]]:
    out: list[tuple[int, int, str, bool]] = []
    cue = _lost.cues()
    line: _lost._Line | None = None
    searched = 0
    for m in _TOKEN_REFERENCE.finditer(text):
        start, end = m.span()
        token = m.group()
        n = end - start
        if token.count("?") != n:
            out.append((start, end, "\ufffd" * _lost._count(token), True))
            continue
        if (start > 0 and text[start - 1] == "\u200d") or (
            end < len(text) and text[end] == "\u200d"
        ):
            out.append((start, end, "\ufffd", True))
            continue
        if n >= 3 and n & 1:
            continue
        prev = text[start - 2] if start >= 2 else ""
        if prev in _lost._OPERATORS and prev:
            continue
        if line is None or start >= line.end:
            nl = text.rfind("\n", searched, start)
            ls = nl + 1 if nl >= 0 else (line.end + 1 if line is not None else 0)
            le = text.find("\n", end)
            line = _lost._Line(text, ls, le if le >= 0 else len(text))
        searched = end
        if _lost._is_lost_plain(text, start, end, n, language, cue, line):
            # one repair per emoji: the run, or each '??' of a longer one
            step = n if n <= 2 else 2
            out.extend((at, at + step, "\ufffd", True) for at in range(start, end, step))
    return out


# '?' runs among every kind of space (U+001C..U+001F are str.isspace() but not
# Unicode White_Space), line breaks, operators, clause ends, joiners, skin
# tones, pictographs, cased and uncased letters
_LOST_ALPHABET = (
    "?? \n\r\t\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2007\u200b\u2028\u202f\u3000"
    "aAzé=(:;.¿,\u200d\ufe0f\U0001f3fd😂❤⌚🫠你吗的？の"
)
_LOST_PIECES = st.sampled_from(
    [
        "? ",
        "?? ",
        "??? ",
        "\n? Data",
        "\n?? data",
        "\n? data",
        "  ? Was",
        "Why ?",
        "memes ?",
        "x = ?",
        "a ? b : c",
        "¿Qué ?",
        "ce soir ?",
        "6:45??",
        "?\ufe0f",
        "\u200d?",
        "?\u200d",
        "\n",
        " ",
        "Thanks again ?",
        "\n?\n",
        "did you ?",
    ]
)
_LOST_TEXTS = st.one_of(
    st.text(alphabet=_LOST_ALPHABET, max_size=40),
    st.lists(
        st.one_of(_LOST_PIECES, st.text(alphabet=_LOST_ALPHABET, max_size=4)), max_size=10
    ).map("".join),
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LOST_TEXTS)
def test_lost_token_scan_equals_the_regex_module_one(text: str) -> None:
    expected = [m.span() for m in _TOKEN_REFERENCE.finditer(text)]
    assert [m.span() for m in _lost.TOKEN_RE.finditer(text)] == expected


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LOST_TEXTS, st.sampled_from([None, "en", "fr"]))
def test_lost_find_equals_the_reference(text: str, language: str | None) -> None:
    assert _lost.find(text, language) == _find_reference(text, language)


def test_lost_token_scan_on_every_space() -> None:
    # each character before and after a '?': the two scans agree
    for cp in [*range(0x00, 0x100), *range(0x1680, 0x1681), *range(0x2000, 0x2030), 0x205F, 0x3000]:
        c = chr(cp)
        for text in (c + "?", "?" + c, c + "? x", "x" + c + "?" + c + "y"):
            expected = [m.span() for m in _TOKEN_REFERENCE.finditer(text)]
            assert [m.span() for m in _lost.TOKEN_RE.finditer(text)] == expected, repr(text)


_ASCII_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            ["&#128514;", "&#x2764;&#xFE0F;", "\\ud83d\\ude02", "\\U0001F602", "&amp;"]
        ),
        st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=5),
    ),
    max_size=6,
).map("".join)


@given(_ASCII_TEXTS)
def test_ascii_text_skips_nothing_in_stage_one(text: str) -> None:
    # _stage_one leaves surrogates, mojibake and selectors/joiners out for
    # ASCII text: none of them can be there
    assert _SURROGATE_PAIR_RE.search(text) is None
    assert _mojibake.find(text) == []
    assert _stage_one(text, False, False) == sorted(_stage_one(text + "\u00e9", False, False))


def test_builder_emoji_are_repair_emoji_shifted() -> None:
    # the builder makes EmojiRepair objects from repair_spans directly
    from postparse.fields.language import post_language

    text = (
        "2024-09-02 16:17 by Ana\nGreat ?? news &#128514; \\ud83d\\ude02 ðŸ˜‚ done ?\n\n"
        "2024-09-02 16:18 by Bo\n? Data here\nmemes ?\n"
    )
    doc = postparse.parse(text, now="2030-01-01T00:00:00Z", tz="UTC")
    checked = 0
    for post in doc:
        assert post.text_span is not None
        a, b = post.text_span
        body = text[a:b]
        hint = post_language(body) if " ?" in body else None
        expected = repair_emoji(body, language=hint)
        assert post.emoji == tuple(r.shifted(a) for r in expected.repairs)
        assert post.text == expected.text.strip()
        checked += bool(post.emoji)
    assert checked == 2


def _eager_hint(body: str) -> str | None:
    # what the builder passed before it asked for the hint lazily
    from postparse.fields.language import post_language

    return post_language(body) if (" ?" in body or "\u00a0?" in body) else None


_HINT_TEXTS = st.one_of(
    _LOST_TEXTS,
    st.lists(
        st.sampled_from(
            [
                "Hello everyone, we are very happy to see you tonight.",
                "Bonjour à tous, nous sommes très contents de vous voir.",
                "Merci ?",
                "ok ?",
                "Tu viens ce soir ?",
                "Why ?",
                "\n",
                " ",
                "\u00a0?",
                "\t?",
            ]
        ),
        max_size=6,
    ).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HINT_TEXTS)
def test_lazy_language_hint_repairs_like_the_eager_one(body: str) -> None:
    from postparse.emoji import repair_spans
    from postparse.fields.post import _Hint

    assert repair_spans(body, _Hint(body)) == repair_spans(body, _eager_hint(body))


def test_lazy_language_hint_is_the_posts_language() -> None:
    # English post, French-looking line: the hint (en) makes the '?' lost
    from postparse.emoji import repair_spans
    from postparse.fields.post import _Hint

    body = "Hello everyone, we are very happy to see you tonight with all the friends.\nMerci ?"
    _, found = repair_spans(body, _Hint(body))
    assert found == [(len(body) - 1, len(body), "\ufffd", True)]
    assert repair_spans(body, None)[1] == []


def test_bullet_of_first_test_misses_no_bullet() -> None:
    # below U+00A9 only the BULLETS characters open a bullet: every other
    # character, followed by a space, must not match the full pattern
    from postparse.dialects._common import _BULLET, BULLETS

    opening = [chr(cp) for cp in range(0xA9) if _BULLET.match(chr(cp) + " ") is not None]
    assert opening and all(ch in BULLETS for ch in opening)
    assert _BULLET.match("\u00a9 ") is not None  # where the first test lets everything through
