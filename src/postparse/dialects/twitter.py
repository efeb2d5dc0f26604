"""``twitter``: an X/Twitter timeline copied from a browser.

Each post is laid out as::

    Pinned                      <- badge (meta)
    Mara Okafor                 <- display name   \\
    @maraokafor_data            <- handle          |  the header: one to four
    ·                           <- separator       |  lines, or the one-line form
    Mar 14                      <- age             /  'Mara Okafor @mara · Mar 14'
    Replying to @ruidesk        <- footer (part of the post, not of its text)
    The text ...
    Show more                   <- footer, truncated
    41                          <- engagement counts (meta)
    388
    1.9K
    212K

Author = the display name; stamp = the age expression ('2h', 'Mar 14',
'Aug 30, 2023'). A header inside a post whose counts have not come yet is a
quoted post and stays in the post.

This module also holds the small helpers the other feed dialects share
(chrome tables, multi-line header windows, count lines).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

import attrs
import regex

from .._data import load_json
from ..dates import parse_date
from ..lines import Line
from ..model import ParsedDate
from . import register
from .base import Context, Dialect, Match, rule

# --- helpers shared by the feed dialects ----------------------------------


def feed_words(key: str, category: str) -> list[str]:
    """All strings of ``chrome.json[key][LANG][category]``, languages merged,
    longest first."""
    table = load_json("chrome.json")[key]
    out: set[str] = set()
    for lang, cats in table.items():
        if not lang.startswith("_"):
            out.update(cats.get(category, ()))
    return sorted(out, key=lambda s: (-len(s), s))


def folded_set(key: str, category: str) -> frozenset[str]:
    """The table's strings, case-folded, for whole-line lookups."""
    return frozenset(w.casefold() for w in feed_words(key, category))


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` (longest first, escaped)."""
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda s: (-len(s), s)))


#: An engagement count: '41', '1.9K', '212K', '1,234', '1.2万', '3 mil'.
COUNT = (
    r"(?:\d{1,3}(?:[,.\u202f\u00a0 ]\d{3}){1,4}|\d{1,9})(?:[.,]\d{1,2})?"
    r"(?:\s?(?:[KkMmBb]|万|萬|億|亿|w|W|만|천|억|mil|Mio\.?|Mrd\.?|Mn|mln|rb|jt|тыс\.?|тис\.?|млн))?"
)


class Window:
    """Up to a few non-blank lines joined with newlines, so that a header
    spread over lines can be matched by one pattern (``\\s`` crosses a join,
    ``[^\\n]`` does not); positions in the joined text map back to absolute
    offsets."""

    __slots__ = ("lines", "starts", "text")

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = list(lines)
        starts: list[int] = []
        pos = 0
        for ln in self.lines:
            starts.append(pos)
            pos += len(ln.content) + 1
        self.starts = starts
        self.text = "\n".join(ln.content for ln in self.lines)

    def piece(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def offset(self, pos: int) -> int:
        """Absolute offset of joined position ``pos``."""
        i = self.piece(pos)
        return self.lines[i].content_start + pos - self.starts[i]

    def spans_lines(self, m: regex.Match[str]) -> bool:
        """Does any named group of ``m`` run across a line join?"""
        for name in m.groupdict():
            s, e = m.span(name)
            if s >= 0 and e > s and self.piece(s) != self.piece(e - 1):
                return True
        return False


def physical_lines(ctx: Context, k: int) -> int:
    """Physical lines spanned from the current line to its (k-1)-th
    non-blank successor (blank lines in between included)."""
    if k <= 1:
        return 1
    seen = 0
    i = 0
    while True:
        i += 1
        ln = ctx.peek_raw(i)
        if ln is None:
            return i
        if ln.content:
            seen += 1
            if seen == k - 1:
                return i + 1


def match_window(
    ctx: Context,
    line: Line,
    patterns: Sequence[regex.Pattern[str]],
    *,
    max_lines: int,
    max_len: int = 200,
    first: int = 1,
) -> tuple[int, regex.Match[str], Window] | None:
    """Try ``patterns`` (fullmatch) on windows of ``first`` .. ``max_lines``
    non-blank lines starting at ``line``; the first hit wins. No named group
    may run across a line join."""
    lines = [line]
    for k in range(1, max_lines + 1):
        if k > 1:
            nxt = ctx.peek(k - 1)
            if nxt is None:
                return None
            lines.append(nxt)
        if k < first:
            continue
        w = Window(lines)
        if len(w.text) > max_len:
            return None
        found = _fullmatch_any(w, patterns)
        if found is not None:
            return found[0], found[1], w
    return None


def _fullmatch_any(
    w: Window, patterns: Sequence[regex.Pattern[str]]
) -> tuple[int, regex.Match[str]] | None:
    """The first pattern that matches the whole window without running over
    a line break it must not cross, and its match."""
    for i, pat in enumerate(patterns):
        m = pat.fullmatch(w.text)
        if m is not None and not w.spans_lines(m):
            return i, m
    return None


def match_contents(
    window: Sequence[str],
    patterns: Sequence[regex.Pattern[str]],
    *,
    max_lines: int,
    max_len: int = 200,
) -> tuple[int, regex.Match[str], int] | None:
    """:func:`match_window` for a signature's window of contents: the
    pattern index, the match and the number of lines it took."""
    lines: list[Line] = []
    for k in range(min(max_lines, len(window))):
        lines.append(Line(window[k], "", 0, 0))
        w = Window(lines)
        if len(w.text) > max_len:
            return None
        found = _fullmatch_any(w, patterns)
        if found is not None:
            return found[0], found[1], k + 1
    return None


def unit_languages(key: str) -> dict[str, tuple[str]]:
    """The age units (``chrome.json[key][LANG]['age_units']``) of one
    interface language only ('j', French 'jours') -> that language."""
    owners: dict[str, set[str]] = {}
    for lang, cats in load_json("chrome.json")[key].items():
        if not lang.startswith("_"):
            for unit in cats.get("age_units", ()):
                owners.setdefault(unit.casefold(), set()).add(lang)
    return {u: (next(iter(langs)),) for u, langs in owners.items() if len(langs) == 1}


def age_date(ctx: Context, age: str, at: int, units: Mapping[str, tuple[str]]) -> ParsedDate | None:
    """A short age whose unit belongs to one interface language ('2 j'),
    read in that language (the dates engine does not guess a language from
    a one-letter unit); None otherwise (the engine reads the stamp)."""
    langs = units.get(age.lstrip("0123456789 ").rstrip(".").casefold())
    if langs is None:
        return None
    found = parse_date(age, now=ctx.state.now, languages=langs, order=ctx.state.order)
    if found is None:
        return None
    return attrs.evolve(found, start=found.start + at, end=found.end + at)


def header_match(
    ctx: Context,
    w: Window,
    m: regex.Match[str],
    author: str | None,
    units: Mapping[str, tuple[str]] | None = None,
    **kw: object,
) -> Match:
    """A header Match for window ``w`` (its lines consumed); the stamp is
    the group ``age`` of ``m`` when it matched (read with :func:`age_date`
    when ``units`` are given)."""
    stamp = m.group("age") if "age" in m.groupdict() else None
    at = w.offset(m.start("age")) if stamp else None
    date = age_date(ctx, stamp, at, units) if units and stamp and at is not None else None
    return Match(
        "header",
        lines=physical_lines(ctx, len(w.lines)),
        author=author,
        stamp=stamp,
        stamp_start=at,
        date=date,
        **kw,  # type: ignore[arg-type]
    )


# --- the twitter dialect ----------------------------------------------------

_KEY = "twitter_chrome"
_META = frozenset(w.casefold() for w in feed_words(_KEY, "meta"))
_FOOTER = frozenset(w.casefold() for w in feed_words(_KEY, "footer"))
_TRUNC = frozenset(w.casefold() for w in feed_words(_KEY, "truncated"))
_REPOST = regex.compile(
    r".{1,60}?\s*(?:" + alternation(feed_words(_KEY, "repost_suffix")) + r")",
    regex.IGNORECASE,
)
_REPLY = regex.compile(
    r"(?:" + alternation(feed_words(_KEY, "reply_prefix")) + r")\s*@\w{1,20}.{0,200}"
    # Korean puts the label after the handles: '@x 님에게 보내는 답글'
    r"|@\w{1,20}(?:[ ,]{1,3}@\w{1,20}){0,5}\s*(?:"
    + alternation(feed_words(_KEY, "reply_suffix"))
    + r")",
    regex.IGNORECASE,
)
_COUNT = regex.compile(
    COUNT + r"(?:\s*(?:" + alternation(feed_words(_KEY, "count_units")) + r"))?",
    regex.IGNORECASE,
)

_HANDLE = r"@[A-Za-z0-9_]{1,20}"
# After a '·' almost anything short with a digit is the age; without the dot
# only the usual shapes are: '2h', '45m', 'Mar 14', 'Aug 30, 2023', '14 mars'.
_AGE_LOOSE = (
    r"(?:[\p{L}\p{N}.,/年月日 ]{0,16}\d[\p{L}\p{N}.,/年月日 ]{0,16}|now|just now|Now|Just now)"
)
_AGE_STRICT = (
    r"(?:\d{1,3}\s?(?:s|m|h|d|w|y|min|mins|hr|hrs|秒|分|時間|日|小时|分钟|天|시간|분|초|ч|мин|д|Std\.?|Min\.?|T\.?)"
    r"|\p{L}{3,9}\.?\s\d{1,2}(?:,\s\d{4})?|\d{1,2}\.?\s\p{L}{3,9}\.?(?:\s\d{4})?"
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日)"
)
_HEADERS = (
    # 'Name @handle · 2h' over one to four lines
    regex.compile(rf"(?P<name>[^\n]{{1,60}}?)\s*(?P<handle>{_HANDLE})\s*·\s*(?P<age>{_AGE_LOOSE})"),
    # 'Name @handle 2h' (the dot lost)
    regex.compile(rf"(?P<name>[^\n]{{1,60}}?)\s+(?P<handle>{_HANDLE})\s+(?P<age>{_AGE_STRICT})"),
    # '@handle · 2h' with no display name
    regex.compile(rf"(?P<handle>{_HANDLE})\s*·\s*(?P<age>{_AGE_LOOSE})"),
    # a promoted post: 'Name @handle Ad' (no age)
    regex.compile(
        rf"(?P<name>[^\n]{{1,60}}?)\s*(?P<handle>{_HANDLE})\s*(?:·\s*)?(?:"
        + alternation(feed_words(_KEY, "ad_label"))
        + r")"
    ),
)
_TRENDING = regex.compile(
    r"(?:(?:" + alternation(feed_words(_KEY, "meta_prefix")) + r")\s[^\n]{1,60}"
    r"|[^\n]{1,60}?\s(?:" + alternation(feed_words(_KEY, "meta_suffix")) + r"))",
    regex.IGNORECASE,
)
_QUOTE_LABELS = frozenset(w.casefold() for w in feed_words(_KEY, "quote_label"))
#: the 'Joined March 2015' line that ends a profile card's free text
_JOINED = regex.compile(
    r"(?:" + alternation(feed_words(_KEY, "profile_joined")) + r")\s[^\n]{0,30}\d{4}",
    regex.IGNORECASE,
)
#: how far below the '@handle' a profile card's 'Joined' line may stand
#: (bio, location, website, birthday, 'Joined')
_CARD_LINES = 8
_MAX_HEADER = 4
_META_M = Match("meta")
_FOOTER_M = Match("footer")


def _fold(content: str) -> str:
    return content.casefold() if len(content) <= 80 else ""


def is_count(content: str) -> bool:
    """An engagement count line ('41', '1.9K', '212K Views')."""
    return content[:1].isdigit() and len(content) <= 30 and _COUNT.fullmatch(content) is not None


def _header_at(ctx: Context, line: Line) -> tuple[int, regex.Match[str], Window] | None:
    c = line.content
    if len(c) > 120 or is_count(c):
        return None
    if "@" not in c:
        nxt = ctx.peek(1)
        if nxt is None or not nxt.content.startswith("@"):
            return None
    return match_window(ctx, line, _HEADERS, max_lines=_MAX_HEADER)


@rule("chrome")
def chrome(ctx: Context, line: Line) -> Match | None:
    """Timeline chrome ('Pinned', 'Who to follow'), 'NAME reposted'."""
    f = _fold(line.content)
    if not f:
        return None
    if f in _META:
        return _META_M
    if _REPOST.fullmatch(line.content) and _header_at_next(ctx):
        return _META_M
    st = ctx.state
    if _TRENDING.fullmatch(line.content) and st.current != "post":
        return _META_M
    if (
        st.current == "meta"
        and len(line.content) <= 60
        and _TRENDING.fullmatch(st.prev_content)
        and not _header_at_next(ctx)
    ):
        return _META_M  # the trend's name under 'Trending in Spain'
    return None


def _header_at_next(ctx: Context) -> bool:
    """Does a post header start on the next line?"""
    nxt = ctx.peek(1)
    if nxt is None:
        return False
    c = nxt.content
    if c.startswith("@") or _is_name_then_handle(ctx):
        return True
    return "@" in c and len(c) <= 120 and any(p.fullmatch(c) for p in _HEADERS[:2])


def _is_name_then_handle(ctx: Context) -> bool:
    two = ctx.peek(2)
    return two is not None and two.content.startswith("@")


@rule("footer")
def footer(ctx: Context, line: Line) -> Match | None:
    """'Show more' (truncated), 'Show this thread', 'Replying to @x'."""
    c = line.content
    f = _fold(c)
    if not f:
        return None
    if f in _TRUNC:
        return Match("footer", truncated=True)
    if f in _FOOTER or f == "·" or is_detail(c):
        return _FOOTER_M
    if _REPLY.fullmatch(c) and ctx.state.prev is not None and ctx.state.prev.kind == "header":
        return _FOOTER_M
    return None


@rule("counts")
def counts(ctx: Context, line: Line) -> Match | None:
    """Engagement counts under a post: bare numbers on their own lines."""
    return _META_M if is_count(line.content) else None


@rule("profile")
def profile(ctx: Context, line: Line) -> Match | None:
    """A profile page's top: the title bar ('Nils Ekström' over '1,482 posts'
    over the name again) and the card from the name over its '@handle' down
    to 'Joined March 2015' (bio, location and website between)."""
    c = line.content
    if len(c) > 60 or c[:1] == "@" or ctx.state.current == "post":
        return None
    nxt = ctx.peek(1)
    if nxt is None:
        return None
    n = nxt.content
    if n[:1] == "@":
        if not _HANDLE_LINE.fullmatch(n):
            return None
        for k in range(2, 2 + _CARD_LINES):
            ahead = ctx.peek(k)
            if ahead is None or is_count(ahead.content) or ahead.content[:1] == "·":
                return None
            if _JOINED.fullmatch(ahead.content):
                return Match("meta", lines=physical_lines(ctx, k + 1))
        return None
    if n[:1].isdigit() and not n.isdigit() and is_count(n):
        two = ctx.peek(2)
        if two is not None and two.content == c:
            return _META_M  # the title bar's name over its post count
    return None


@rule("header")
def header(ctx: Context, line: Line) -> Match | None:
    """Display name, @handle, '·', age: one to four lines."""
    found = _header_at(ctx, line)
    if found is None:
        return _focused(ctx, line)
    _, m, w = found
    if _is_quote(ctx, len(w.lines)):
        return Match("cont", lines=physical_lines(ctx, len(w.lines)))
    author = m.group("name") if "name" in m.groupdict() else m.group("handle")
    return header_match(ctx, w, m, author.strip())


# The detail line of a focused post: '10:42 AM · Mar 14, 2024'.
_DETAIL = regex.compile(
    r"(?P<age>\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\s*·\s*[\p{L}\p{N} .,年月日]{3,24}\d)"
    r"(?:\s*·\s*[^\n]{0,40})?"
)
_HANDLE_LINE = regex.compile(_HANDLE)


def is_detail(content: str) -> regex.Match[str] | None:
    if len(content) > 90 or not content[:1].isdigit():
        return None
    return _DETAIL.fullmatch(content)


def _focused(ctx: Context, line: Line) -> Match | None:
    """'Name' / '@handle' with no age: the focused post of a post page,
    dated by its detail line ('10:42 AM · Mar 14, 2024') below the text."""
    st = ctx.state
    if st.current == "post" and st.prev is not None and st.prev.kind == "cont":
        return None
    c = line.content
    nxt = ctx.peek(1)
    if len(c) > 60 or nxt is None or not _HANDLE_LINE.fullmatch(nxt.content):
        return None
    for k in range(2, 12):
        ahead = ctx.peek(k)
        if ahead is None:
            return None
        d = is_detail(ahead.content)
        if d is not None:
            return Match(
                "header",
                lines=physical_lines(ctx, 2),
                author=c,
                stamp=d.group("age"),
                stamp_start=ahead.content_start + d.start("age"),
            )
        if is_count(ahead.content):
            return None
    return None


def _is_quote(ctx: Context, used: int) -> bool:
    """A header inside a post (under a byline) whose text has begun and
    whose counts have not come yet, with counts ahead before any other
    header: a quoted post."""
    st = ctx.state
    if st.current != "post" or st.prev is None:
        return False
    if st.prev_content.casefold() in _QUOTE_LABELS:
        return True
    if st.prev.kind != "cont" or st.author is None or not st.post_header:
        # no byline above: the post is not a tweet (a region in another
        # format of a mixed file, which forgets its authors; or a chrome
        # line in a UI language the tables lack, 'X a reposté' above a
        # header, which opened a post of its own)
        return False
    k = used
    while True:
        nxt = ctx.peek(k)
        if nxt is None:
            return False
        if is_count(nxt.content):
            return True
        if nxt.content.startswith("@") and len(nxt.content) <= 21:
            return False
        k += 1


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    handle_only = regex.compile(_HANDLE)
    heads = 0
    counts_ = 0
    for i, s in enumerate(sample):
        if s[:1] == "@" and handle_only.fullmatch(s):
            nxt = sample[i + 1] if i + 1 < len(sample) else ""
            if nxt[:1] == "·":
                heads += 1
        elif "·" in s and len(s) <= 120 and _HEADERS[0].fullmatch(s):
            heads += 1
        elif is_count(s):
            counts_ += 1
    if not heads:
        return 0.0
    n = len(sample)
    return min(1.0, 8 * heads / n + (0.2 if counts_ >= heads else 0.0))


def signature(window: Sequence[str]) -> bool:
    """'Name', '@handle', '·', '2h' over one to four lines (for mixed files):
    a Twitter header strong enough on its own."""
    first = window[0]
    if "@" not in first and (len(first) > 60 or len(window) < 2 or window[1][:1] != "@"):
        return False  # the cheap first test: no handle where one must be
    if not any("·" in s for s in window[:4]):
        return False  # the header's dot is nowhere in reach
    for k in (4, 3, 2, 1):
        if len(window) >= k:
            joined = " ".join(window[:k])
            if len(joined) <= 120 and "@" in joined and _HEADERS[0].fullmatch(joined):
                return True
    return False


TWITTER = register(
    Dialect(
        name="twitter",
        signature=signature,
        signature_max_len=120,
        switch_evidence=1,
        detect=detect,
        rules=(chrome, footer, counts, profile, header),
        lookahead=12,
        order="MDY",
        description="X/Twitter timeline copied from a browser.",
    )
)
