"""Property tests for postparse.emoji.repair_emoji."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postparse.emoji import _lost, _mojibake, _stage_one, may_need_repair, repair_emoji
from postparse.model import EmojiResult

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from emoji_sample_text import CLEAN_LINES, clean_text, damaged_text

# characters that exercise every pass: '?' runs, mojibake bytes, escapes,
# entities, selectors, joiners, surrogates, CJK/RTL, cased letters
_ALPHABET = (
    "?? \n\t.!,:;¿¡aAzZ09éÉ"
    "ðŸ˜‚‘’€â¤ï¸œ…š™\x8d\x8f\x9dÃ°Å¸Ëœ½"
    "\\uUdDeE{}&#xX;"
    "\ufe0f\u200d\u20e3\ufffd\ud83d\ude02"
    "😂❤👍🏽👨👩你？مر"
    "[]哈心"
)
_TEXTS = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=60),
    st.text(max_size=40),
    st.lists(st.sampled_from(CLEAN_LINES), max_size=4).map("\n".join),
    st.tuples(st.sampled_from(CLEAN_LINES), st.text(alphabet=_ALPHABET, max_size=12)).map(
        lambda t: t[0] + " " + t[1]
    ),
)
_FLAGS = st.tuples(
    st.sampled_from([None, "en", "fr", "es", "zh-Hans"]), st.booleans(), st.booleans()
)


def _check(text: str, r: EmojiResult) -> None:
    pos = 0
    parts: list[str] = []
    for rep in r.repairs:
        assert pos <= rep.start < rep.end <= len(text)
        assert rep.found == text[rep.start : rep.end]
        assert rep.found != rep.fixed
        if rep.lost:
            assert rep.fixed and set(rep.fixed) == {"\ufffd"}
        parts.append(text[pos : rep.start])
        parts.append(rep.fixed)
        pos = rep.end
    parts.append(text[pos:])
    assert "".join(parts) == r.text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, _FLAGS)
def test_invariants_and_idempotence(text: str, flags: tuple[str | None, bool, bool]) -> None:
    language, sc, bc = flags
    r = repair_emoji(text, language=language, shortcodes=sc, bracket_codes=bc)
    _check(text, r)
    again = repair_emoji(r.text, language=language, shortcodes=sc, bracket_codes=bc)
    assert again.text == r.text
    assert again.repairs == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CLEAN_LINES), min_size=1, max_size=6))
def test_clean_lines_unchanged(lines: list[str]) -> None:
    text = "\n".join(lines)
    r = repair_emoji(text)
    assert r.repairs == ()
    assert r.text == text


# strings hypothesis once found (each broke idempotence)
REGRESSIONS = [
    "\u200d\ufe0f🏽",
    "👍\u200d\ufe0f",
    "â\ufe0f??",
    "â?🏽?",
    "Hi \ufe0f??",
    "why ðŸ˜‚ great ?",
    "â™\ufe0f",
]


def test_regressions_idempotent() -> None:
    for text in REGRESSIONS:
        r = repair_emoji(text)
        _check(text, r)
        again = repair_emoji(r.text)
        assert again.text == r.text, text
        assert again.repairs == (), text


def test_one_megabyte_clean_text_unchanged() -> None:
    text = clean_text(1_000_000)
    assert len(text) >= 1_000_000
    r = repair_emoji(text)
    assert r.repairs == ()
    assert r.text is text


def test_damaged_text_invariants() -> None:
    text = damaged_text(200_000)
    r = repair_emoji(text)
    assert r.repairs
    _check(text, r)
    again = repair_emoji(r.text)
    assert again.repairs == ()
    assert "ðŸ" not in r.text
    assert "\\ud83d" not in r.text


# pieces that each pass repairs, in ASCII and out of it: the gate takes a
# shortcut for ASCII text
_PIECES = st.lists(
    st.sampled_from(
        [
            "&#128514;",
            "&#x1F602;",
            "&hearts;",
            "\\ud83d\\ude02",
            "\\U0001F602",
            "\\u{1F602}",
            "??",
            " ? ",
            "Hi ",
            "ok.",
            "\n",
            "ðŸ˜‚",
            "â€™",
            "é",
            "\ufe0f",
            "\u200d",
        ]
    ),
    max_size=6,
).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_TEXTS, _PIECES), st.sampled_from([None, "en", "fr"]))
def test_no_repair_needed_means_the_slow_path_finds_nothing(
    text: str, language: str | None
) -> None:
    # may_need_repair is the cheap gate of repair_emoji (and of the post
    # builder): where it says no, every pass must find nothing
    if not may_need_repair(text):
        assert _stage_one(text, False, False) == []
        assert _lost.find(text, language) == []
        assert repair_emoji(text, language=language).text is text


@given(_TEXTS)
def test_mojibake_suspect_matches_its_pair_scan(text: str) -> None:
    # suspect() is the one-search form of the scan _mojibake.find walks
    hits = [m.start() for m in _mojibake._PAIR_RE.finditer(text)]
    expected = any(text[p] in _mojibake._LEAD_CHARS for p in hits)
    assert _mojibake.suspect(text) is expected


def test_the_clause_emoji_gate_holds_every_emoji_character() -> None:
    # _clause_before skips its per-character look-up where the gate finds
    # nothing: every emoji character it looks for must be in the gate
    from postparse.emoji._tables import tables

    gate = _lost._emoji_gate()
    assert [c for c in tables().emoji_chars if c > "\u2000" and not gate.match(c)] == []
    # and the point of it: Chinese text and kana are outside it
    assert gate.search("韩国监管机构称已遵从其要求删除了违法内容，ひらがなカタカナ。") is None


@given(st.text(alphabet="体遵监求并密作ab ,.:9😂❤\ufe0f\u200d\u3030ひ!", max_size=60))
def test_the_clause_before_a_question_mark_is_the_same_with_the_gate(text: str) -> None:
    def by_table(t: str) -> str:
        # _clause_before's emoji cut without the gate
        chars = _lost.tables().emoji_chars
        for i in range(len(t) - 1, -1, -1):
            if t[i] > "\u2000" and t[i] in chars:
                return t[i + 1 :]
        return t

    got = _lost._clause_before(text + "?", 0, len(text))
    assert got == by_table(got) and got in text
    assert by_table(text).endswith(got)
