"""The cheap first tests of the switch signatures are necessary: wherever the
signature's full test holds, its cheap test holds too (on every fixture
window, and on windows edited from the fixture hits), and the facts about
the patterns that each relies on hold for the installed ``regex`` module."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from functools import cache

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from postparse._data import words
from postparse.dialects import (
    _chat,
    discord,
    facebook,
    mastodon,
    reddit,
    slack,
    telegram_desktop,
    telegram_preview,
    telegram_web,
    weibo,
    whatsapp,
)
from postparse.dialects._common import may_be_digits
from postparse.dialects.twitter import alternation
from postparse.lines import INVISIBLE

Window = Sequence[str]


def _views_footer(w: Window) -> bool:
    """Some line the post test of telegram-preview looks at for its footer
    is one (the test the footer candidates must pass)."""
    return any(len(s) <= 48 and telegram_preview._views_footer(s) for s in w[2:6])


def _views_footer_shape(w: Window) -> bool:
    return any(
        len(s) <= 48
        and telegram_preview._views_footer(s)
        and telegram_preview._may_be_views_footer(s)
        for s in w[2:6]
    ) or not _views_footer(w)


def _android(w: Window) -> bool:
    c = w[0]
    m = whatsapp._ANDROID.match(c) if c[:1].isdigit() else None
    return m is not None and whatsapp._NAME.match(c, m.end()) is not None


def _weibo_client(w: Window) -> bool:
    return any("来自" in s or "來自" in s for s in w[:3])


#: name -> (the full test, its cheap first test)
PRETESTS: dict[str, tuple[Callable[[Window], object], Callable[[Window], object]]] = {
    "discord": (discord._signature, lambda w: ":" in w[0] and discord._ends_in_clock(w[0])),
    "mastodon": (mastodon._signature, mastodon._remote_handle_in_reach),
    "reddit": (reddit._signature, reddit._has_marker),
    "slack": (slack._signature, slack._header_in_reach),
    "facebook": (facebook._signature, facebook._date_or_foot_in_reach),
    "telegram-desktop-html": (
        telegram_desktop._html_signature,
        telegram_desktop._initials_or_seconds,
    ),
    "telegram-preview": (_views_footer, _views_footer_shape),
    "weibo": (_weibo_client, lambda w: any(weibo._names_client(s) for s in w[:3])),
    "whatsapp-android": (_android, lambda w: whatsapp._has_dash_space(w[0])),
}


@cache
def _fixture_windows() -> list[list[str]]:
    out = []
    for p in sorted(FIXTURES.glob("*/*.txt")):
        if p.name.endswith((".crlf.txt", ".nofinal.txt")):
            continue
        lines = p.read_text(encoding="utf-8").splitlines()
        contents = [c for c in (ln.strip(INVISIBLE) for ln in lines) if c]
        for i in range(len(contents)):
            out.append(contents[i : i + 13])
            out.append(contents[i : i + 5])
            out.append(contents[i : i + 2])
    return out


@cache
def _hits(name: str) -> list[list[str]]:
    full = PRETESTS[name][0]
    return [w for w in _fixture_windows() if full(w)]


@pytest.mark.parametrize("name", sorted(PRETESTS))
def test_a_cheap_test_holds_wherever_the_full_one_does_in_the_fixtures(name: str) -> None:
    hits = _hits(name)
    assert hits, "no fixture window where the full test holds"
    pre = PRETESTS[name][1]
    assert [w[:4] for w in hits if not pre(w)] == []


#: characters the edits draw from: the marks the signatures look for
_ALPHABET = " @@··••::--—–[]0123456789aAmMpPhHsSdDjJnNgGuUrR/.,\t\u00a0\u202f_|()*#>!?ſ来自٣"
_EDIT = st.tuples(
    st.integers(0, 4),  # the line
    st.integers(0, 200),  # the position in it
    st.sampled_from(["insert", "delete", "replace", "upper", "lower", "join", "drop"]),
    st.sampled_from([*_ALPHABET, "u/", "r/", "Posted", "submitted", "ago", " PM", "  "]),
)


def _edit(window: list[str], edits: list[tuple[int, int, str, str]]) -> list[str]:
    w = list(window)
    for k, pos, op, text in edits:
        if k >= len(w):
            continue
        s = w[k]
        i = pos % (len(s) + 1)
        if op == "insert":
            s = s[:i] + text + s[i:]
        elif op == "delete":
            s = s[:i] + s[i + 1 :]
        elif op == "replace":
            s = s[:i] + text + s[i + 1 :]
        elif op == "upper":
            s = s.upper()
        elif op == "lower":
            s = s.lower()
        elif op == "join" and k + 1 < len(w):
            w[k : k + 2] = [s + text + w[k + 1]]
            continue
        elif op == "drop" and len(w) > 1:
            del w[k]
            continue
        w[k] = s or text
    return w


@settings(max_examples=300, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("name", sorted(PRETESTS))
def test_a_cheap_test_holds_wherever_the_full_one_does_on_edited_hits(
    name: str, data: st.DataObject
) -> None:
    full, pre = PRETESTS[name]
    window = _edit(
        data.draw(st.sampled_from(_hits(name))), data.draw(st.lists(_EDIT, min_size=1, max_size=4))
    )
    if full(window):
        assert pre(window)


# --- the facts about the patterns the cheap tests rely on -------------------


@cache
def _every_character() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


def _matched_by(pattern: str, flags: int = 0) -> set[str]:
    """Every single character the pattern matches, to the installed regex."""
    return set(regex.findall(pattern, _every_character(), flags=flags))


def test_every_digit_of_the_patterns_may_be_one() -> None:
    # may_be_digits: ASCII digits, or anything outside ASCII
    assert [c for c in _matched_by(r"\d") if not may_be_digits(c)] == []
    assert not may_be_digits("a") and not may_be_digits("1a") and may_be_digits("٣")


def test_what_may_follow_a_discord_clock_holds_no_colon() -> None:
    # the header ends in CLOCK_HM's minutes and what may follow them
    tail = r"(?:" + _chat.SP + r"?" + _chat.AMPM + r")?"
    assert _chat.CLOCK_HM.endswith(r"\d{2}" + tail)
    assert discord._STAMP.endswith(discord._CLOCK_SUFFIX + ")")
    assert discord._HEADER.pattern.endswith(discord._STAMP)
    # no ':' there, and nothing that could match one
    source = (tail + discord._CLOCK_SUFFIX).replace("(?:", "(")
    assert ":" not in source and "[^" not in source
    assert not regex.search(r"(?<!\\)\.(?![?*+])|\\[SWDP]", source.replace(r"\.", ""))


def test_an_age_opens_with_these_letters_to_facebook_patterns() -> None:
    flags = regex.IGNORECASE
    # the age words of the table ('Just now', 'Gerade eben', 'Ahora') open
    # with letters that match, case ignored, nothing but themselves
    opens = "".join(sorted({w[0].lower() for w in facebook._AGE_NOW}))
    assert _matched_by(f"[{opens}]", flags) <= facebook._AGE_NOW_OPENS
    # so do the units of the table ('1h', '2 min', '3 j')
    units = "".join(sorted({u[0].lower() for u in facebook._AGE_UNITS}))
    assert set("smhdwy") <= set(units)
    assert _matched_by(f"[{units}]", flags) <= facebook._UNIT_OPENS
    age = facebook._AGE_ALONE.pattern
    assert age.startswith(r"(?P<age>(?:\d{1,3}\s?(?:" + alternation(facebook._AGE_UNITS) + ")")
    assert age.endswith("|" + alternation(facebook._AGE_NOW) + "))")
    assert facebook._COMMENT_FOOT.pattern.startswith(age[:-1])


def test_posted_folds_to_itself_for_reddit() -> None:
    flags = regex.IGNORECASE
    for letter in "posted":
        assert {c.casefold() for c in _matched_by(letter, flags)} == {letter}
    assert _matched_by("r", flags) == {"r", "R"}
    assert reddit._HEADERS[0].pattern.startswith(r"(?:(?P<sub>r/")
    assert "Posted" in reddit._HEADERS[0].pattern
    assert reddit._SUBMITTED.pattern.startswith("submitted") and not (
        reddit._SUBMITTED.flags & regex.IGNORECASE
    )


def test_no_text_is_longer_than_its_case_folded_form() -> None:
    # weibo does not fold a line longer than its longest badge
    assert all(c.casefold() for c in _every_character())


def test_a_telegram_preview_footer_opens_with_its_count_and_ends_in_its_clock() -> None:
    pattern = telegram_preview._FOOTER.pattern
    assert pattern.startswith(r"(?:(?P<views>(?:\d")
    assert pattern.endswith(r"(?P<clock>" + telegram_preview._CLOCK + ")?")
    assert telegram_preview._CLOCK == r"\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?"


def test_an_android_header_has_a_dash_before_a_space() -> None:
    assert (r"[\-–—]" + _chat.SP) in whatsapp._ANDROID.pattern
    assert len(whatsapp._DASH_SPACES) == 9


# --- the cheap tests on text the patterns themselves generate ---------------


def _generated(pattern: regex.Pattern[str]) -> st.SearchStrategy[str]:
    """Whole matches of ``pattern`` (drawn with the stdlib's reading of it,
    kept where the regex module agrees)."""
    flags = re.IGNORECASE if pattern.flags & regex.IGNORECASE else 0
    return st.from_regex(re.compile(pattern.pattern, flags), fullmatch=True).filter(
        lambda s: pattern.fullmatch(s) is not None
    )


@given(s=_generated(discord._HEADER))
def test_a_discord_header_ends_in_a_clock(s: str) -> None:
    assert ":" in s and discord._ends_in_clock(s)


@given(s=_generated(facebook._COMMENT_FOOT) | _generated(facebook._AGE_ALONE))
def test_a_facebook_comment_footer_opens_with_an_age(s: str) -> None:
    assert facebook._may_open_age(s)


@given(s=_generated(telegram_preview._FOOTER))
def test_a_telegram_preview_views_footer_has_its_shape(s: str) -> None:
    m = telegram_preview._FOOTER.fullmatch(s)
    assert m is not None
    if m.group("views") is not None and m.group("clock") is not None:
        assert telegram_preview._may_be_views_footer(s)


@given(s=_generated(whatsapp._ANDROID))
def test_an_android_header_passes_the_dash_test(s: str) -> None:
    assert whatsapp._has_dash_space(s + "Dana: hi")


@given(s=st.one_of(*(_generated(p) for p in reddit._HEADERS[:3])))
def test_a_reddit_byline_has_a_marker(s: str) -> None:
    assert reddit._has_marker(s.split("\n"))


# --- telegram-web's byline: where its words stand ----------------------------


def _byline_by_patterns(content: str) -> object:
    """telegram_web._byline with its word-position test always passing."""
    real = telegram_web._may_be_byline
    telegram_web._may_be_byline = lambda words: True
    try:
        return telegram_web._byline(content, _NOW)
    finally:
        telegram_web._may_be_byline = real


_NOW = datetime(2024, 9, 10, 12, tzinfo=timezone.utc)
_BYLINE_WORDS = sorted({*words("chrome.json", "byline_words"), "Posted by", "BY", "By"})
_STAMPS = ["2024-09-02 16:17", "Sep 2, 2024", "3 hours ago", "02.09.2024 16:17", "вчера"]


@cache
def _fixture_lines() -> list[str]:
    return sorted({c for w in _fixture_windows() for c in w[:1]})


def test_the_byline_word_test_turns_down_no_byline_of_the_fixtures() -> None:
    lines = [c for c in _fixture_lines() if len(c) <= 140]
    assert sum(1 for c in lines if _byline_by_patterns(c) is not None) > 20
    assert [c for c in lines if telegram_web._byline(c, _NOW) != _byline_by_patterns(c)] == []


@settings(max_examples=500, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(_BYLINE_WORDS),
            st.sampled_from(_STAMPS),
            st.sampled_from(["Anna Lee", "the", "news", "·", ",", "-", "on", "12", "İstanbul"]),
            st.text(alphabet=" ab\t\u00a0\u3000·", max_size=4),
        ),
        max_size=14,
    ),
    seps=st.lists(st.sampled_from([" ", "  ", "\t", "\u00a0", " " * 12, ""]), max_size=14),
)
def test_the_byline_word_test_agrees_with_the_patterns(parts: list[str], seps: list[str]) -> None:
    content = "".join(p + (seps[i] if i < len(seps) else " ") for i, p in enumerate(parts)).strip()
    if content:
        assert telegram_web._byline(content, _NOW) == _byline_by_patterns(content)


def test_what_the_byline_patterns_take_for_white_space_splits_words() -> None:
    # the byline word stands between '\s' matches: str.split() cuts there too
    assert [c for c in _matched_by(r"\s") if not c.isspace()] == []
