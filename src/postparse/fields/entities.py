"""Hashtags, mentions and URLs, as written (without ``#``/``@``).

Every pattern is linear: bounded or possessive runs, no nested quantifiers.
"""

from __future__ import annotations

import regex

_URL_CHARS = r"[^\s<>\"'\u3000-\u303f\uff01-\uff0f\u2026]"
# Scheme or 'www.' URLs: the pattern starts with a literal, so the engine
# skips quickly to candidates.
_URL = regex.compile(
    r"(?<![\w@.])(?:(?:https?|ftp)://|www\.)" + _URL_CHARS + r"++", regex.IGNORECASE
)
# Bare domains with a path ('t.me/name', 'example.org/x'): found from the
# '.tld/' that every one of them contains, then the labels before it.
_TLD_SLASH = regex.compile(r"\.[a-z]{2,24}/", regex.IGNORECASE)
_LABELS_BEFORE = regex.compile(
    r"(?<![\w@.\-/])(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){0,7}[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",
    regex.IGNORECASE,
)
_PATH = regex.compile(_URL_CHARS + r"*+")
# Characters that join the parts of a hashtag without being letters: the
# zero-width non-joiner of Persian ('#پیش‌بینی'), the joiner, middle dots
# ('#l·l', '#東京・大阪') and a few others, as Telegram and twitter-text
# allow them. They never end a tag ('#東京・' is '東京').
_TAG_JOINERS = "\u200c\u200d\u00b7\u30fb\u05be\u05f3\u05f4\u0f0b\u0f0c\ua67e\u30a0\u3003"
_TAG_CHAR = r"[\p{L}\p{M}\p{N}_]"
# A hashtag: '#' not inside a word, URL fragment or HTML entity, then word
# characters with at least one letter ('#1' is not a hashtag). The Weibo form
# '#话题#' closes with a second '#'.
_HASHTAG = regex.compile(
    r"(?<![\w&/#])#(?:([^\s#]{1,64}+)#(?=[^\w]|$)|("
    + _TAG_CHAR
    + r"++(?:["
    + _TAG_JOINERS
    + r"]++"
    + _TAG_CHAR
    + r"++)*+))"
)
_HAS_LETTER = regex.compile(r"\p{L}")
_WEIBO_TOPIC = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# '@name', '@name@instance.social' (Mastodon); not in e-mail addresses.
_MENTION = regex.compile(
    r"(?<![A-Za-z0-9_@.])@([\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_.-]{0,62}+))"
    r"(?:@((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}))?",
    regex.IGNORECASE,
)
_TRAILING = ".,;:!?'\"…»”’›)]}>*"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _strip_url(url: str) -> str:
    while url and url[-1] in _TRAILING:
        last = url[-1]
        opener = _PAIRS.get(last)
        if opener is not None and url.count(opener) >= url.count(last):
            break  # a balanced ')' belongs to the URL (wikipedia links)
        url = url[:-1]
    return url


def find_urls(text: str) -> list[str]:
    if "." not in text:
        return []
    found: list[tuple[int, str]] = []
    taken_until = -1
    if "://" in text or "www." in text or "WWW." in text:
        for m in _URL.finditer(text):
            found.append((m.start(), m.group()))
            taken_until = max(taken_until, m.end())
    if "/" in text:
        for m in _TLD_SLASH.finditer(text):
            if any(a <= m.start() < a + len(u) for a, u in found):
                continue
            head = _LABELS_BEFORE.search(text, max(0, m.start() - 253), m.start())
            if head is None:
                continue
            path = _PATH.match(text, m.end())
            url = text[head.start() : path.end() if path else m.end()]
            found.append((head.start(), url))
    found.sort()
    out = []
    for _, raw in found:
        url = _strip_url(raw)
        if url and "." in url:
            out.append(url)
    return out


def find_hashtags(text: str) -> list[str]:
    if "#" not in text:
        return []
    out: list[str] = []
    for m in _HASHTAG.finditer(text):
        weibo, plain = m.group(1), m.group(2)
        if weibo is not None and _WEIBO_TOPIC.search(weibo):
            tag = weibo
        else:
            tag = plain if plain is not None else _leading_word(weibo or "")
        if tag and _HAS_LETTER.search(tag):
            out.append(tag)
    return out


_WORD = regex.compile(_TAG_CHAR + r"++(?:[" + _TAG_JOINERS + r"]++" + _TAG_CHAR + r"++)*+")


def _leading_word(s: str) -> str:
    m = _WORD.match(s)
    return m.group() if m else ""


def find_mentions(text: str) -> list[str]:
    if "@" not in text:
        return []
    out = []
    for m in _MENTION.finditer(text):
        name = m.group(1).rstrip(".-")
        if not _HAS_LETTER.search(name) and not name.isdigit():
            continue
        out.append(f"{name}@{m.group(2)}" if m.group(2) else name)
    return out


_NONE: tuple[str, ...] = ()


def find_entities(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Hashtags, mentions and URLs of ``text`` at once; each finder runs
    only where its marker is there (most posts have none). Every URL
    find_urls looks for holds a '/' (a scheme, a path) or is a 'www.' one."""
    return (
        tuple(find_hashtags(text)) if "#" in text else _NONE,
        tuple(find_mentions(text)) if "@" in text else _NONE,
        tuple(find_urls(text)) if "/" in text or "www." in text or "WWW." in text else _NONE,
    )
