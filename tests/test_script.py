"""The cheap per-line script test the telegram-web dialect splits posts by."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postparse import _script as S
from postparse._script import dominant_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Hello world", "Latin"),
        ("people’s café, naïve", "Latin"),
        ("韩国监管机构称 Telegram 已遵从其要求删除了违法内容并道歉", "Hans"),
        ("#Telegram 附近的人功能目前不顯示任何只顯示", "Hant"),
        ("大家好，今天是星期一。", "Han"),
        ("6時にパソコンを閉じるのは賛成です", "Kana"),
        ("Полевые заметки | Field Notes", "Cyrillic-ru"),
        # the letters of one language of the script (data/script_variants.json)
        ("Депутаты утвердили новые правила", "Cyrillic-ru"),
        ("Сьогодні у Львові відкрили новий міст", "Cyrillic-uk"),
        ("ҐАНОК", "Cyrillic-uk"),
        ("Привет, как дела", "Cyrillic"),  # neither
        ("Київ і Москва: пыль", "Cyrillic"),  # both
        ("Мінск сёння ўпершыню", "Cyrillic"),  # Belarusian ў: neutral
        ("Қазақстан ішкі нарығы", "Cyrillic"),  # Kazakh letters: neutral
        ("Ελληνικά κείμενο εδώ", "Greek"),
        ("مرحبا بكم في القناة", "Arabic"),
        ("41", None),
        ("😂😂 ??", None),
        ("Telegram CEO Pavel Durov 用理想主义掩盖了平台的商业模式和责任", "Hans"),
    ],
)
def test_dominant_script(text: str, script: str | None) -> None:
    assert dominant_script(text) == script


@given(st.text(max_size=400))
def test_never_raises(text: str) -> None:
    assert dominant_script(text) in (
        None, "Latin", "Han", "Hans", "Hant", "Kana", "Thai", "Hangul", "Cyrillic", "Arabic",
        "Cyrillic-uk", "Cyrillic-ru",
        "Hebrew", "Greek", "Devanagari", "Georgian", "Armenian", "Bengali",
    )  # fmt: skip


def _reference(text: str) -> str | None:
    # the implementation before counting by runs (2026-12), kept to check the new one
    sample = text[: S.SAMPLE]
    if sample.isascii():
        return "Latin" if S._ASCII_LETTER.search(sample) else None
    first = S._NON_LATIN_LETTER.search(sample)
    if first is None:  # accented Latin, curly quotes, emoji ...
        return "Latin" if S._LATIN_WORD.search(sample) or S._ASCII_LETTER.search(sample) else None
    ch = first.group()
    found = next((name for name, pattern in S._FIRST if pattern.match(ch)), None)
    if found is None:
        return "Latin" if S._LATIN_WORD.search(sample) else None
    counts = {}
    for name in S._PARTNERS.get(found, (found,)):
        n = len(S._PATTERNS[name].findall(sample))
        counts[name] = n if name in S._PER_CHAR else n * S.WORD_WEIGHT
    best = max(counts, key=counts.__getitem__)
    best_n = counts[best]
    if counts.get("Kana"):
        best, best_n = "Kana", counts["Kana"] + counts.get("Han", 0)
    latin = len(S._LATIN_WORD.findall(sample)) * S.WORD_WEIGHT
    if latin > best_n:
        return "Latin"
    if best == "Han":
        return S.han_variant(sample) or "Han"
    return best


#: letters of the scripts the counts compare, with spaces and punctuation
_MIXED = st.text(
    alphabet=st.sampled_from(
        list("abcé ,.?!1") + list("的是這说国們") + list("のにカタ") + list("привет") + list("สวัส")
        + list("안녕") + list("مرحب") + ["😂", "\u200b"]
    ),
    max_size=400,
)  # fmt: skip


@given(st.one_of(_MIXED, st.text(max_size=400)))
def test_same_answer_as_the_reference(text: str) -> None:
    assert dominant_script(text) == _reference(text)
