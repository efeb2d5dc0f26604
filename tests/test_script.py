"""The cheap per-line script test the telegram-web dialect splits posts by."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
        ("Полевые заметки | Field Notes", "Cyrillic"),
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
        "Hebrew", "Greek", "Devanagari", "Georgian", "Armenian", "Bengali",
    )  # fmt: skip
