"""The cheap rejection of non-dates (the gate) never changes an answer.

``DateParser(fast=False)`` skips the gate and lets the scanner alone decide;
whatever the gate rejects, the scanner must find nothing in either.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dates_examples import CORE, MORE, NEGATIVES
from test_dates_future import FUTURE, NOT_DATES

from postparse.dates import _NO_DATE, DateParser

NOW = datetime(2024, 9, 10, 12, 0, 0, tzinfo=timezone.utc)
FAST = DateParser()
FULL = DateParser(fast=False)
HINTS: list[list[str] | None] = [None, ["en"], ["de"], ["ru"], ["zh"], ["tr"], ["el"], ["ar"]]
HINTS += [["fr"], ["ja"]]

_UNITS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "units" / "dates.jsonl"


def _unit_texts() -> list[str]:
    texts = [t for t, *_ in CORE] + [t for t, *_ in MORE] + list(NEGATIVES)
    texts += [t for t, *_ in FUTURE] + list(NOT_DATES)
    if _UNITS.exists():
        with _UNITS.open(encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


UNIT_TEXTS = _unit_texts()


def _same(text: str) -> None:
    for langs in HINTS:
        for whole in (True, False):
            fast = FAST.search(text, now=NOW, languages=langs, whole=whole)
            full = FULL.search(text, now=NOW, languages=langs, whole=whole)
            assert fast == full, (text, langs, whole, fast, full)


def test_unit_texts_and_variants() -> None:
    for text in UNIT_TEXTS:
        for variant in (text, text.upper(), text.lower(), f"x{text}", f"Theo{text.title()}"):
            _same(variant)


def _gate_words() -> list[str]:
    """Words the gates are built from, for the languages tried above."""
    words: set[str] = set()
    for langs in HINTS:
        if langs is None:
            continue
        m = FULL.matcher(tuple(langs), True)
        for group in (m.word_kinds, m.after_kinds, m.numwords, m.char_kinds):
            words.update(list(group)[:60])
    return sorted(words)


PIECES = [*"0123456789 :：./-,_'+#()ºİıΣσς", "\u202f", "\u0301", "٣", "²"]
PIECES += ["2024", "12:30", "2.0", "v1", "room", "Theo", "iPhone", "ΑΣ", "ago", "ﬁ", "3-2", "24/7"]
PIECES += ["1/2/", "05-", "9.", "T", "ARALIK", "Sep", "2024-09-", "10/", "4 PM", "12"]
PIECES += [
    "in ",
    "dans ",
    "через ",
    "tomorrow",
    "noon",
    " at ",
    "1.5",
    "half an",
    "p.m.",
    "p",
    "3D",
]
PIECES += ["$9.99", "1080p", "hours", " and a half", "天后", "第", "話", "a couple of ", "h", "ago"]
PIECES += _gate_words()
MIXED = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
CASED = st.tuples(MIXED, st.sampled_from(["lower", "upper", "title", "swapcase", "keep"])).map(
    lambda tc: tc[0] if tc[1] == "keep" else getattr(tc[0], tc[1])()
)
AROUND = st.tuples(st.sampled_from(UNIT_TEXTS), MIXED, MIXED).map(lambda t: t[1] + t[0] + t[2])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=40), MIXED, CASED, AROUND))
def test_fast_path_never_changes_an_answer(text: str) -> None:
    _same(text)


def test_long_text_is_not_gated_wrongly() -> None:
    tail = " 5 hours ago"
    for text in ("x" * 300 + tail, "word " * 60 + tail, "9" + "y" * 400 + tail):
        _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "room 101",
        "hello world",
        "Tel. 030 9876 543",
        "+1 415 555 0132",
        "Глава 5",
        "won 3-2",
        "$9.99",
        "Version 2.0",
        "1080p",
    ],
)
def test_non_dates_are_rejected_by_the_gate(text: str) -> None:
    """The bench's cheap non-dates never reach the scanner."""
    parser = DateParser()
    en = parser.matcher(("en",), True)
    parser._route(text, True)  # a matcher's first look is not gated
    parser._may_hold(text, True, en)
    assert parser._route(text, True)[0] == _NO_DATE
    assert not parser._may_hold(text, True, en)


def test_gate_sees_every_start_word_in_any_case() -> None:
    """Any spelling the scanner looks up as a start word passes the gate."""
    for langs in (("en",), ("de",), ("ru",), ("fr",), ("tr",), ("el",)):
        m = FAST.matcher(langs, True)
        for word in m.word_kinds:
            for form in {word, word.upper(), word.title()}:
                if form.lower() != word:
                    continue  # "ARALIK" is not "aralık" to the scanner either
                assert m.may_hold(f"x {form} y"), (langs, form)


def test_cjk_non_dates_meet_one_gate_for_their_script() -> None:
    """Text of a script without spaces and no known word: the merged gate
    of the script's languages rejects it (from the third look at the script)."""
    parser = DateParser()
    for _ in range(3):
        for text in ("第2話", "第3章"):
            parser.search(text, now=NOW, whole=True)
    for text in ("第2話", "第3章"):
        assert parser._route(text, True)[0] == _NO_DATE
    for text in ("昨天 16:17", "3天前", "明天", "3日後"):
        assert parser._route(text, True)[0] != _NO_DATE
        _same(text)
