"""``reddit``: Reddit feeds and comment threads copied from a browser.

Headers it knows (each may be spread over up to five lines)::

    r/AskHistorians · Posted by u/quietarchivist 5 hours ago     (2018 layout)
    r/AskHistorians • 5 hr. ago  [u/name]                        (shreddit)
    u/quietarchivist · 5 hr. ago          quietarchivist OP • 3h ago   (comments)
    level 2                               (comment depth: meta)
    [–]quietarchivist 25 points 5 hours ago (2 children)          (old reddit)
    Title (self.AskHistorians)                                     (old reddit:
    submitted 5 hours ago by quietarchivist to r/AskHistorians      title, byline)

Vote counts, 'Reply', 'Share', 'Award', 'level 1', '342 comments',
'permalinkembedsavereportreply' ... are meta. Every comment is its own
post. Author as written ('u/name' or 'name'); stamp = the age ('5 hr. ago').
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..lines import Line
from . import register
from .base import Context, Dialect, Match, rule
from .twitter import (
    COUNT,
    alternation,
    feed_words,
    folded_set,
    header_match,
    match_contents,
    match_window,
    physical_lines,
)

_KEY = "reddit_chrome"
_BUTTONS = folded_set(_KEY, "buttons")
_SQUASHED = folded_set(_KEY, "squashed")
_META_WORDS = folded_set(_KEY, "meta")
_BADGES = alternation(feed_words(_KEY, "badges"))
_COUNT = regex.compile(
    COUNT + r"(?:\s*%\s*upvoted)?(?:\s+(?:" + alternation(feed_words(_KEY, "count_units")) + r"))?",
    regex.IGNORECASE,
)
_LEVEL = regex.compile(r"level\s+\d{1,3}|sort(?:ed)?\s+by:?(?:\s+[\w&]{1,15})?", regex.IGNORECASE)
_COUNT_PREFIX = regex.compile(
    COUNT + r"\s+(?:" + alternation(feed_words(_KEY, "count_units")) + r")\s+", regex.IGNORECASE
)
_MORE = regex.compile(
    r"(?:load\s+more\s+comments|continue\s+this\s+thread|view\s+more\s+comments)"
    r"\s*(?:\(\s*\d{1,6}\s+repl(?:y|ies)\s*\))?\s*[→>»]?",
    regex.IGNORECASE,
)

#: a localized interface's age, a word before (or after) it: 'hace 5 h',
#: 'il y a 6 h', 'há 3 h' (words and units from the chrome table)
_AGE_WORDED = (
    r"(?:(?:"
    + alternation(feed_words(_KEY, "age_prefix"))
    + r")\s\d{1,3}\s?(?:"
    + alternation(feed_words(_KEY, "age_units"))
    + r")(?![\w.])\.?)"
)
_AGE = (
    r"(?:\d{1,3}\s?(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|wk|w"
    r"|months?|mos?|mo|years?|yrs?|yr|y)\.?(?:\s+ago)?|just\s+now|" + _AGE_WORDED + ")"
)
_WORDED_RE = regex.compile(_AGE_WORDED)
_USER = r"(?:u/[A-Za-z0-9_-]{3,20}|\[deleted\])"
_NAME = r"(?:(?:u/)?[A-Za-z0-9_-]{3,20}|\[deleted\])"
_SUB = r"r/[A-Za-z0-9_]{2,21}"
_SEP = r"\s*[·•]\s*"
_EDITED = rf"(?:{_SEP}(?:Edited|edited)(?:\s+{_AGE})?)?"
_HEADERS = (
    # 'r/sub · Posted by u/name 5 hours ago' (spaces may be lost in a copy)
    regex.compile(
        rf"(?:(?P<sub>{_SUB}){_SEP}?)?Posted\s*by\s*(?P<name>{_USER})\s*(?P<age>{_AGE}){_EDITED}",
        regex.IGNORECASE,
    ),
    # 'r/sub • 5 hr. ago'
    regex.compile(rf"(?P<sub>{_SUB}){_SEP}(?P<age>{_AGE}){_EDITED}"),
    # comment: 'name OP · 5 hr. ago · Edited 4 hr. ago'
    regex.compile(rf"(?P<name>{_NAME})(?:\s+(?:{_BADGES})){{0,3}}{_SEP}(?P<age>{_AGE}){_EDITED}"),
    # old reddit: '[–]name [S] 25 points 5 hours ago* (2 children)'
    regex.compile(
        rf"\[[–\-+]\]\s*(?P<name>{_NAME})(?:\s*\[[SMAF]\])*(?:\s+[^\n]{{0,40}}?)?\s+"
        rf"(?:-?\d{{1,7}}\s+points?|score\s+hidden)\s+(?P<age>{_AGE})\*?"
        r"(?:\s*\(last\s+edited\s+[^)]{0,30}\))?(?:\s*\(\d{1,5}\s+child(?:ren)?\))?"
    ),
)
_SUBMITTED = regex.compile(
    rf"submitted\s+(?P<age>{_AGE})\s+by\s+(?P<name>{_NAME})(?:\s*\[[SMAF]\])*"
    rf"(?:\s+to\s+(?P<sub>{_SUB}))?",
)
_USER_LINE = regex.compile(_USER)
_META = Match("meta")
_FOOTER = Match("footer")
_HINTS = ("ago", "·", "•", "Posted", "[", "posted", "now")


def is_buttons(content: str) -> bool:
    """A line made only of action-bar words ('Reply Share Report Save')."""
    if len(content) > 80:
        return False
    f = content.casefold()
    if f[:1].isdigit() and (m := _COUNT_PREFIX.match(f)) is not None:
        f = f[m.end() :]
    if f in _SQUASHED or f in _META_WORDS:
        return True
    words = f.split()
    return bool(words) and all(w in _BUTTONS for w in words)


#: a word before a count ('all 87 comments'), with its space
_COUNT_WORDS = tuple(w + " " for w in feed_words(_KEY, "count_prefix"))


def is_count(content: str) -> bool:
    if content.startswith(_COUNT_WORDS):
        content = content.split(" ", 1)[1]
    return content[:1].isdigit() and len(content) <= 40 and _COUNT.fullmatch(content) is not None


@rule("chrome")
def chrome(ctx: Context, line: Line) -> Match | None:
    """Buttons, 'level 1', 'load more comments', vote and comment counts."""
    c = line.content
    if is_buttons(c):
        # a 'Join' button right under the byline belongs to the post
        prev = ctx.state.prev
        return _FOOTER if prev is not None and prev.kind == "header" else _META
    if is_count(c):
        return _META
    if len(c) <= 60 and (_LEVEL.fullmatch(c) or _MORE.fullmatch(c)):
        return _META
    return None


def _header(ctx: Context, line: Line) -> Match | None:
    c = line.content
    if len(c) > 120:
        return None
    if c[:1] in "sS" and (m := _SUBMITTED.fullmatch(c)) is not None:
        # old reddit: the byline under the title; a header only when alone
        if ctx.state.prev_rule == "old-title":
            return Match("footer")
        return Match(
            "header",
            author=m.group("name"),
            stamp=m.group("age"),
            stamp_start=line.content_start + m.start("age"),
        )
    found = match_window(ctx, line, _HEADERS, max_lines=5, max_len=160)
    if found is None:
        return None
    _, m, w = found
    name = m.group("name") if "name" in m.groupdict() else None
    hit = header_match(ctx, w, m, name or m.group("sub"))
    if name is None:
        # 'r/sub • 5 hr. ago' then 'u/name' on the next line
        nxt = ctx.peek(len(w.lines))
        if nxt is not None and _USER_LINE.fullmatch(nxt.content):
            return Match(
                "header",
                lines=physical_lines(ctx, len(w.lines) + 1),
                author=nxt.content,
                stamp=hit.stamp,
                stamp_start=hit.stamp_start,
            )
    return hit


def _has_hint(ctx: Context, line: Line) -> bool:
    for k in range(0, 5):
        ln = line if k == 0 else ctx.peek(k)
        if ln is None:
            return False
        if any(h in ln.content for h in _HINTS):
            return True
    return False


@rule("old-title")
def old_title(ctx: Context, line: Line) -> Match | None:
    """Old reddit: the title line above 'submitted 5 hours ago by name'."""
    nxt = ctx.peek(1)
    if nxt is None or nxt.content[:1] not in "sS":
        return None
    m = _SUBMITTED.fullmatch(nxt.content)
    if m is None:
        return None
    return Match(
        "header",
        author=m.group("name"),
        stamp=m.group("age"),
        stamp_start=nxt.content_start + m.start("age"),
        body_start=line.content_start,
    )


@rule("header")
def header(ctx: Context, line: Line) -> Match | None:
    """Post and comment bylines (see the module docstring)."""
    if not _has_hint(ctx, line):
        return None
    return _header(ctx, line)


def detect(sample: Sequence[str]) -> float:
    if not sample:
        return 0.0
    strong = 0
    weak = 0
    for i, s in enumerate(sample):
        if len(s) > 160:
            continue
        window = " ".join(sample[i : i + 5])[:200]
        if any(p.match(window) for p in _HEADERS) or _SUBMITTED.match(s):
            if (
                "r/" in window
                or "u/" in window
                or "ago" in window
                or "[" in s
                or _WORDED_RE.search(window) is not None
            ):
                strong += 1
        elif is_buttons(s) or _LEVEL.fullmatch(s):
            weak += 1
    if not strong:
        return 0.0
    return min(1.0, 6 * strong / len(sample) + (0.2 if weak else 0.0))


_SIG_START = regex.compile(rf"(?:{_SUB}|{_NAME}|Posted)(?=[\s·•]|$)", regex.IGNORECASE)


def _submitted(content: str) -> bool:
    """Old reddit's 'submitted 5 hours ago by name' line (the pattern is
    case-sensitive: it starts with 'submitted')."""
    return (
        content.startswith("submitted")
        and len(content) <= 120
        and _SUBMITTED.fullmatch(content) is not None
    )


#: how a byline that opens on its first line may open: old reddit's comment
#: header ('[–]name 25 points 5 hours ago'), or a subreddit ('r/sub ·'; the
#: patterns ignore case)
_OPENINGS = ("[–", "[-", "[+", "r/", "R/")


def _has_marker(window: Sequence[str]) -> bool:
    """What every byline :func:`signature` knows holds: a first line
    opening with '[–]', 'r/' or 'Posted' (in any case), or among the five
    lines old reddit's 'submitted' line (under a title, a rank and a
    score) or a '·' or '•' (the separators of the other bylines)."""
    c = window[0]
    if c[:2] in _OPENINGS or (c[:1] in "pP" and c[:6].casefold() == "posted"):
        return True
    text = "\n".join(window[:5])
    return "·" in text or "•" in text or "submitted" in text


def signature(window: Sequence[str]) -> bool:
    """A byline over one to five lines (for mixed files): 'u/name · 5 hr.
    ago', 'r/sub' '•' 'Posted by' 'u/name' '5 hours ago', '[–]name 25
    points 5 hours ago', or an old reddit title over its 'submitted 5 hours
    ago by name' line; each strong enough on its own (a bare name needs
    'ago' in its age). The rank and the score above an old reddit title
    belong to it."""
    return _has_marker(window) and _signature(window)


def _signature(window: Sequence[str]) -> bool:
    """:func:`signature` without its cheap first test."""
    c = window[0]
    if len(c) > 120:
        return False
    if _submitted(c):
        return True
    if c[:1].isdigit() and is_count(c):
        # old reddit's listing: the rank and the score above the title
        k = 2 if len(window) > 1 and is_count(window[1]) else 1
        return len(window) > k + 1 and _submitted(window[k + 1])
    if len(window) > 1 and _submitted(window[1]):
        return True  # the title line of old reddit
    if c[:2] in ("[–", "[-", "[+") and _HEADERS[3].fullmatch(c) is not None:
        return True
    if _SIG_START.match(c) is None:
        return False
    head = window[:5]
    text = "\n".join(head)
    if "·" not in text and "•" not in text and "Posted" not in text and "posted" not in text:
        return False
    found = match_contents(head, _HEADERS[:3], max_lines=5, max_len=160)
    if found is None:
        return False
    i, m, _ = found
    if i == 2 and not m.group("name").startswith(("u/", "[")):
        # a bare 'name · 5h' could be anything: Reddit says '5h ago' (or
        # 'hace 5 h' in Spanish)
        age: str = m.group("age")
        return age.endswith("ago") or age == "just now" or _WORDED_RE.fullmatch(age) is not None
    return True


REDDIT = register(
    Dialect(
        name="reddit",
        detect=detect,
        rules=(chrome, old_title, header),
        lookahead=12,
        signature=signature,
        signature_max_len=120,
        switch_evidence=1,
        description="Reddit feeds and comment threads (new, shreddit and old layouts).",
    )
)
