"""Hashtags, mentions, URLs: as written, without '#'/'@', no trailing punctuation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postparse.fields.entities import find_hashtags, find_mentions, find_urls
from postparse.fields.truncation import is_truncated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#Telegram 附近的人 #Durov 被捕", ["Telegram", "Durov"]),
        ("issue #1 and #42 are fixed", []),
        ("#城市夜景# [心] and #中秋节# 今年", ["城市夜景", "中秋节"]),
        ("#BuenosAires #bicicletas.", ["BuenosAires", "bicicletas"]),
        ("see page#section or &#128514;", []),
        ("Посмотрю вечером #релиз", ["релиз"]),
        ("C# and F# are languages", []),
        # joiners inside a tag: Persian ZWNJ, middle dots; never at its end
        ("باران #پیش\u200cبینی #آلودگی_هوا.", ["پیش\u200cبینی", "آلودگی_هوا"]),
        ("#熱中症 #東京・大阪 と #東京・ 大阪", ["熱中症", "東京・大阪", "東京"]),
        ("#l·l, #tag· fi", ["l·l", "tag"]),
        ("#\u200cx #2024 wieder #1", []),
    ],
)
def test_hashtags(text: str, expected: list[str]) -> None:
    assert find_hashtags(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@kostya_dev глянь", ["kostya_dev"]),
        ("mail me at anna@example.com", []),
        ("//@科普君Sam:回复@路人甲:对", ["科普君Sam", "路人甲"]),
        ("boost @user@mastodon.social.", ["user@mastodon.social"]),
        ("thanks @ruidesk!", ["ruidesk"]),
    ],
)
def test_mentions(text: str, expected: list[str]) -> None:
    assert find_mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("read https://example.com/a.", ["https://example.com/a"]),
        (
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            ["https://en.wikipedia.org/wiki/Foo_(bar)"],
        ),
        ("map: https://maps.example.com/?q=50.9,6.9", ["https://maps.example.com/?q=50.9,6.9"]),
        ("по ссылке: fieldnotes.example/tram3", ["fieldnotes.example/tram3"]),
        ("www.example.org, then more", ["www.example.org"]),
        ("version 2.0 is out. e.g. this", []),
        ("链接：https://t.me/channel。谢谢", ["https://t.me/channel"]),
    ],
)
def test_urls(text: str, expected: list[str]) -> None:
    assert find_urls(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A long preview of a post that is cut off at a fixed length by the site…", True),
        (
            "一篇很长的文章预览，在网站上被截断了，后面还有很多内容没有显示出来，需要点击展开才能看到全部的文字 ...展开全文c",
            True,
        ),
        ("Well…", False),
        ("Thanks again for your love and memes ?", False),
        ("Sunday ride recap, thanks to the volunteers\nShow more", True),
        ("I have more", False),
        ("Long post body that the page cut off at some point... Read more", True),
        ("See more", True),
        ("Read more about it on our site.", False),
        ("Wir haben mehr.\nMehr anzeigen", True),
        ("这是一段很长的微博正文，网页只显示了前面一部分内容…展开全文", True),
        ("Tell me more", False),
        ("दिल्ली में आज भारी बारिश की संभावना है, मौसम विभाग ने अलर्ट जारी किया… और पढ़ें", True),
        ("Длинный текст поста, который обрезан на странице.\nЧитать полностью", True),
        ("Uzun bir haber metni, sayfada kesildi ve gerisi başka yerde. Devamı", True),
        ("Haberin devamı yarın gelecek, Devamı var.", False),
        ("Bài viết dài bị cắt ngắn trên trang web này… Xem thêm", True),
        ("Molte famiglie con figli sono rimaste… Leggi tutto", True),
        ("Artykuł o remoncie mostu, który potrwa dłużej… Czytaj więcej", True),
    ],
)
def test_truncation(text: str, expected: bool) -> None:
    assert is_truncated(text) is expected


@given(st.text(max_size=300))
def test_extractors_never_raise_and_return_substrings(text: str) -> None:
    for tag in find_hashtags(text):
        assert tag in text
    for url in find_urls(text):
        assert url in text
    for name in find_mentions(text):
        assert name.split("@")[0] in text
