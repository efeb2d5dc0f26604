"""The ``weibo`` dialect: fixtures, detection, rules, regressions."""

from __future__ import annotations

import pytest
from feeds_support import (
    drafts,
    kinds,
    posts,
)

DIALECT = "weibo"


@pytest.mark.parametrize(
    ("stamp_line", "stamp"),
    [
        ("3分钟前 来自 iPhone客户端", "3分钟前"),
        ("今天 08:12 来自 小米手机", "今天 08:12"),
        ("昨天 16:17 来自 HUAWEI Mate 60", "昨天 16:17"),
        ("09-05 08:30 来自 微博网页版", "09-05 08:30"),
        ("2023-12-24 20:00 来自 iPad客户端", "2023-12-24 20:00"),
        ("刚刚 来自 微博 weibo.com", "刚刚"),
        ("9月5日 07:40 來自 微博國際版", "9月5日 07:40"),
        ("5小时前", "5小时前"),
        ("24-9-5 08:30 来自 Android 已编辑", "24-9-5 08:30"),
    ],
)
def test_stamp_is_the_date_before_laizi(stamp_line: str, stamp: str) -> None:
    text = f"城南旧事录\n{stamp_line}\n正文在这里\n转发 2\n"
    (d,) = [d for d in drafts(text, DIALECT) if d.kind == "post"]
    assert d.header is not None and d.header.stamp == stamp
    assert d.header.author == "城南旧事录"
    start = d.header.stamp_start or 0
    assert text[start : start + len(stamp)] == stamp
    (p,) = posts(text, DIALECT)
    assert p.text == "正文在这里"


def test_counts_and_chrome_are_meta() -> None:
    text = "首页\n全部关注\n阿明\n3分钟前 来自 iPhone客户端\n你好\n转发 2 评论 5 赞 66\n转发\n2\n赞(11)\n查看更多\n"
    assert kinds(text, DIALECT) == [("meta", 1, 2), ("post", 3, 5), ("meta", 6, 10)]


def test_expand_marker_truncates() -> None:
    inline = "阿明\n3分钟前 来自 iPhone客户端\n今天的月饼测评来啦，先说结论……一言难尽 ...展开全文c\n赞 3\n"
    assert posts(inline, DIALECT)[0].truncated
    own_line = "阿明\n3分钟前 来自 iPhone客户端\n今天的月饼测评来啦，先说结论\n展开全文\n赞 3\n"
    (p,) = posts(own_line, DIALECT)
    assert p.truncated and p.text == "今天的月饼测评来啦，先说结论"


def test_repost_chain_and_album_stay_in_post() -> None:
    text = (
        "阿明\n今天 08:12 来自 小米手机\n学到了 //@科普君Sam:对\n@科普君Sam\n原文内容\n"
        "09-05 08:30 来自 微博网页版\n[组图共4张]\n转发 3\n"
    )
    assert kinds(text, DIALECT) == [("post", 1, 7), ("meta", 8, 8)]


def test_stamp_line_alone_after_meta_starts_post_without_author() -> None:
    text = "转发 2\n3分钟前 来自 iPhone客户端\n你好\n"
    (p,) = posts(text, DIALECT)
    assert p.author is None and p.text == "你好"


def test_long_line_is_not_a_name() -> None:
    text = "阿明\n3分钟前 来自 iPhone客户端\n这是一句很长的正文，不是用户名。\n今天 08:12\n"
    # a sentence is never a screen name, so the date line below it stays in the post
    assert [p.author for p in posts(text, DIALECT)] == ["阿明"]


def test_bare_numbers_of_the_action_bar_are_meta() -> None:
    text = "阿明\n3分钟前 · 来自 iPhone客户端\n你好\n2\n5\n1.2万\n"
    assert kinds(text, DIALECT) == [("post", 1, 3), ("meta", 4, 6)]
    (d,) = [d for d in drafts(text, DIALECT) if d.kind == "post"]
    assert d.header is not None and d.header.stamp == "3分钟前"


def test_follow_button_between_name_and_date() -> None:
    text = "热门\n科普君Sam\n+关注\n09-05 08:30 来自 微博网页版\n月亮错觉。\n转发 1\n"
    assert kinds(text, DIALECT) == [("meta", 1, 1), ("post", 2, 5), ("meta", 6, 6)]
    (p,) = posts(text, DIALECT)
    assert (p.author, p.text) == ("科普君Sam", "月亮错觉。")


def test_days_ago_date_line_makes_a_header() -> None:
    from datetime import datetime, timezone

    import postparse

    text = "北京吃货小分队\n3天前 来自 微博视频号\n又要堵车了\n转发 2\n"
    doc = postparse.parse(text, now=datetime(2024, 9, 10, 12, tzinfo=timezone.utc), dialect="weibo")
    p = doc.segments[0]
    assert p.author == "北京吃货小分队" and p.text == "又要堵车了"
    assert p.timestamp is not None and p.timestamp.date().isoformat() == "2024-09-07"
