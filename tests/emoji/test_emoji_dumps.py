"""Dump-shaped cases: lost emoji counted per post, as the corpus gold counts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from postparse.emoji import repair_emoji

CHANNEL_POST = """Some of you asked why the release slipped by a week.
The short answer: the migration tool needed another round of testing, and we\u2019d rather ship late than lose anyone\u2019s data.
We also moved the documentation to the new site \u2014 the old links redirect.
Thanks again to everyone who sent reports and screenshots ?"""

CHINESE_POST = """有人问这个功能是否应该默认开启?我们的看法是,先让一部分用户试用,再根据反馈决定。
这次更新还修复了登录页面的几个问题。"""

BULLETS = """Quick summary of today's call:
? The beta opens to all members on Friday.
? Existing projects keep working without changes.
? Billing moves to the new dashboard next month.
? We\u2019ll publish the full notes tomorrow."""


def test_channel_post_one_lost_at_the_end() -> None:
    r = repair_emoji(CHANNEL_POST)
    assert r.lost == 1
    assert r.text.endswith("screenshots \ufffd")


def test_chinese_question_mark_is_real() -> None:
    r = repair_emoji(CHINESE_POST)
    assert r.repairs == ()


def test_bullets_are_lost_emoji() -> None:
    r = repair_emoji(BULLETS)
    assert r.lost == 4
    assert r.text.count("\ufffd") == 4
    assert r.text.startswith("Quick summary of today's call:\n\ufffd The beta")


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("of course it was the daylight-saving switch again ?", 1),
        ("7:15?? Are you kidding me", 0),
        ("Reicht das für alle, oder?", 0),
        ("年夜饭吃完了[心][允悲]", 0),
        ("今天太开心了[哈哈][赞]", 0),
        ("Does the 9:30 bus still run ?", 0),
        ("Qui vient dîner samedi ?", 0),
    ],
)
def test_single_messages(text: str, lost: int) -> None:
    assert repair_emoji(text).lost == lost


def test_telegram_desktop_style_dump() -> None:
    dump = (
        "Mira Ortiz, [12.03.24 09:14]\n"
        "deploy is green, rolling out now\n\n"
        "Jon Park, [12.03.24 09:20]\n"
        "and of course the cache warmed up with the wrong locale again ?\n\n"
        "Mira Ortiz, [12.03.24 09:21]\n"
        "[ Sticker ]\n"
    )
    r = repair_emoji(dump)
    assert r.lost == 1
    assert [x.found for x in r.repairs] == ["?"]
    assert dump[r.repairs[0].start - 6 : r.repairs[0].start] == "again "


_CORPUS = Path("/work/shared/eval/corpus")


@pytest.mark.skipif(not (_CORPUS / "seed.txt").exists(), reason="eval corpus not present")
def test_eval_corpus_lost_counts_by_line() -> None:
    def lost_in(name: str, first: int, last: int) -> int:
        lines = (_CORPUS / name).read_text(encoding="utf-8").split("\n")
        return repair_emoji("\n".join(lines[first - 1 : last])).lost

    assert lost_in("seed.txt", 4, 14) == 1
    assert lost_in("seed.txt", 16, 17) == 0
    assert lost_in("seed.txt", 20, 24) == 5
    assert lost_in("telegram_desktop.txt", 27, 27) == 1
    for name in ("whatsapp_android_us.txt", "whatsapp_ios_de.txt", "weibo.txt"):
        text = (_CORPUS / name).read_text(encoding="utf-8")
        assert repair_emoji(text).lost == 0
        assert repair_emoji(text, bracket_codes=True).lost == 0
