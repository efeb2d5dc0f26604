"""``weibo``: a Weibo web timeline copied from a browser.

Each post is laid out as::

    置顶                                  <- pinned badge (meta)
    城南旧事录                            <- screen name  \\ the header
    3分钟前 来自 iPhone客户端             <- date + client /
    text ... //@name: a repost chain ... ...展开全文c
    [组图共4张]                           <- part of the post
    转发 2                                <- action bar counts (meta)
    评论 5
    赞 66

Nav chrome (首页, 全部关注, 最新微博, 查看更多) is meta. Author = the screen
name; stamp = the date before 来自 ('3分钟前', '今天 08:12', '昨天 16:17',
'09-05 08:30', '2023-12-24 20:00').
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..lines import Line
from . import register
from .base import Context, Dialect, Match, rule
from .twitter import alternation, feed_words, folded_set, physical_lines

_KEY = "weibo_chrome"
_META = folded_set(_KEY, "meta") | folded_set(_KEY, "pinned")
_TRUNC = folded_set(_KEY, "truncated")
_FOOTER = folded_set(_KEY, "footer")
_BESIDE_NAME = folded_set(_KEY, "beside_name")
_NUM = r"\d{1,9}(?:\.\d{1,2})?\s?[万萬亿億wW]?\+?"
_LABELS = alternation(feed_words(_KEY, "counts"))
# '转发 2', '评论', '赞 1.2万', '转发(2)', or the whole bar on one line.
_COUNT_ONE = rf"(?:{_LABELS})\s*(?:{_NUM}|\(\s*{_NUM}\s*\)|（\s*{_NUM}\s*）)?"
_COUNTS = regex.compile(rf"{_COUNT_ONE}(?:\s*[|｜·]?\s*{_COUNT_ONE}){{0,5}}")
_BARE = regex.compile(_NUM)
_HOT = folded_set(_KEY, "hot_list")
# a ranked line of the hot-search list: '1 中秋节放假安排'
_RANK = regex.compile(r"\d{1,2}\s+[^\d\s][^\n]{0,40}")
# a profile header's '关注 312' / '粉丝 1.2万' / '微博 2408' (a count is required)
_PROFILE = regex.compile(rf"(?:{alternation(feed_words(_KEY, 'profile_counts'))})\s*{_NUM}")

_DATE = (
    r"(?:刚刚|剛剛|\d{1,2}\s?秒前|\d{1,2}\s?分[钟鐘]前|\d{1,2}\s?小[时時]前|\d{1,2}\s?天前"
    r"|(?:今天|昨天|前天)\s?\d{1,2}:\d{2}"
    r"|(?:\d{2,4}[-/])?\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\s?\d{1,2}:\d{2})?)"
)
# '3分钟前 来自 iPhone客户端', '09-05 08:30 来自 微博网页版', '今天 08:12' (no client),
# optionally '已编辑' and the reader's location ('发布于 上海').
_STAMP = regex.compile(
    rf"(?P<age>{_DATE})(?:\s*[·|｜]?\s*(?:来自|來自)\s*(?P<src>[^\n]{{0,40}}?))?"
    r"(?:\s*(?:已编辑|已編輯|发布于\s?\S{1,10}|發佈於\s?\S{1,10}))?"
)
_SENTENCE_END = regex.compile(r"[。！？!?，,；;：:…]$")
_META_M = Match("meta")


def _stamp(content: str) -> regex.Match[str] | None:
    if len(content) > 70 or not (content[:1].isdigit() or content[:1] in "刚剛今昨前"):
        return None
    return _STAMP.fullmatch(content)


def _is_name(content: str) -> bool:
    """A screen name: short, one token or two, no sentence punctuation."""
    return (
        0 < len(content) <= 30
        and content[:1] not in "@#/[【(（"
        and not _SENTENCE_END.search(content)
        and content.count(" ") <= 2
        and content.casefold() not in _META
        and _COUNTS.fullmatch(content) is None
    )


@rule("chrome")
def chrome(ctx: Context, line: Line) -> Match | None:
    """Nav chrome, the 置顶 badge, a profile header (name over '关注 312',
    '粉丝 1.2万', '微博 2408'), the ranked lines under '微博热搜'."""
    c = line.content
    if len(c) <= 12 and c.casefold() in _META:
        return _META_M
    if len(c) <= 30 and (_PROFILE.fullmatch(c) or _names_profile(ctx, c)):
        return _META_M
    if c[:1].isdigit() and ctx.state.current == "meta" and _RANK.fullmatch(c):
        above = ctx.state.prev_content
        if above.casefold() in _HOT or _RANK.fullmatch(above):
            return _META_M  # the hot-search list under its title
    return None


def _names_profile(ctx: Context, c: str) -> bool:
    """The screen name over a profile header's counts ('关注 312')."""
    nxt = ctx.peek(1)
    return (
        nxt is not None
        and len(nxt.content) <= 20
        and _PROFILE.fullmatch(nxt.content) is not None
        and _is_name(c)
    )


@rule("counts")
def counts(ctx: Context, line: Line) -> Match | None:
    """The action bar: '转发 2', '评论 5', '赞 66', bare '转发', bare numbers."""
    c = line.content
    if len(c) <= 60 and _COUNTS.fullmatch(c):
        return _META_M
    if len(c) <= 12 and c[:1].isdigit() and _BARE.fullmatch(c):
        # the action bar shows bare numbers next to its icons
        return _META_M
    return None


@rule("footer")
def footer(ctx: Context, line: Line) -> Match | None:
    """'展开全文' on its own line (truncated), '收起全文'."""
    c = line.content
    if len(c) > 8:
        return None
    f = c.rstrip("cdCD>»›").casefold()
    if f in _TRUNC:
        return Match("footer", truncated=True)
    if f in _FOOTER:
        return Match("footer")
    return None


@rule("header")
def header(ctx: Context, line: Line) -> Match | None:
    """Screen name, then '3分钟前 来自 iPhone客户端'; or the date line alone."""
    c = line.content
    st = ctx.state
    # the line under '@name' in an open post is the reposted original's text
    in_repost = st.current == "post" and st.prev_content[:1] == "@"
    if not in_repost and _is_name(c):
        nxt = ctx.peek(1)
        used = 2
        if nxt is not None and nxt.content.casefold() in _BESIDE_NAME:
            # a '+关注' button or a badge between the name and the date line
            nxt = ctx.peek(2)
            used = 3
        if nxt is not None:
            m = _stamp(nxt.content)
            if m is not None:
                return Match(
                    "header",
                    lines=physical_lines(ctx, used),
                    author=c,
                    stamp=m.group("age"),
                    stamp_start=nxt.content_start + m.start("age"),
                )
    m = _stamp(c)
    if m is None:
        return None
    if st.current == "post" and st.prev is not None and st.prev.kind == "cont":
        # the date line of a reposted original inside the post
        return Match("footer")
    return Match("header", stamp=m.group("age"), stamp_start=line.content_start + m.start("age"))


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    stamps = 0
    with_client = 0
    bars = 0
    for s in sample:
        m = _stamp(s)
        if m is not None and m.group("age") != s:
            stamps += 1
            if m.group("src") is not None:
                with_client += 1
        elif len(s) <= 60 and _COUNTS.fullmatch(s):
            bars += 1
    if not with_client and not (stamps and bars >= stamps):
        return 0.0
    n = len(sample)
    return min(1.0, 6 * stamps / n + 3 * with_client / n + (0.2 if bars else 0.0))


def _names_client(s: str) -> bool:
    """'来自' / '來自' ('from' the client a post was sent with) in ``s``:
    one search for their common character first."""
    return "自" in s and ("来自" in s or "來自" in s)


_BESIDE_NAME_LONGEST = max(map(len, _BESIDE_NAME))


def _is_beside_name(s: str) -> bool:
    """A badge beside the name ('微博官方认证'); no text is longer than its
    case-folded form, so a long one is none."""
    return len(s) <= _BESIDE_NAME_LONGEST and s.casefold() in _BESIDE_NAME


def signature(window: Sequence[str]) -> bool:
    """A screen name over a '3分钟前 来自 iPhone客户端' line (for mixed files):
    two lines that are a Weibo header on their own."""
    if len(window[0]) > 30 or len(window) < 2:
        return False
    date_line = window[1]
    if not _names_client(date_line):
        if len(window) < 3 or not _is_beside_name(date_line):
            return False
        date_line = window[2]
        if not _names_client(date_line):
            return False
    return _is_name(window[0]) and _stamp(date_line) is not None


WEIBO = register(
    Dialect(
        name="weibo",
        signature=signature,
        signature_max_len=30,
        switch_evidence=1,
        detect=detect,
        rules=(chrome, counts, footer, header),
        lookahead=3,
        order="YMD",
        description="Weibo web timeline copied from a browser.",
    )
)
