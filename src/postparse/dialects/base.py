"""The dialect interface: a named, ordered chain of line rules.

A dialect describes one dump format. Its rules all have one signature::

    rule(ctx: Context, line: Line) -> Match | None

and are tried in order for every non-blank line; the first rule that returns
a :class:`Match` decides what the line is. A rule may look ahead a bounded
number of lines (``ctx.peek``) and may consume several lines at once (a
header spread over lines). Rules read the running :class:`State` (the
previous author, the date of the last divider ...) but never mutate it (but
for their own corner of ``state.scratch``): the segmentation engine updates it
from the matches, in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Literal

import attrs

from ..lines import Line
from ..model import ParsedDate

#: What a line is, as decided by a rule.
#:
#: - ``header``: starts a new post and carries its byline (author, timestamp);
#:   the message text starts at ``body_start`` on the same line, or on the
#:   line after the header when ``body_start`` is None.
#: - ``break``: starts a new post that has no byline of its own.
#: - ``cont``: continues the current post (or starts one after meta).
#: - ``footer``: belongs to the post above but is not part of its text
#:   (views, "Show more", "(edited)"); meta when there is no post above.
#: - ``meta``: page chrome, channel cards, system lines, dividers, counts.
MatchKind = Literal["header", "break", "cont", "footer", "meta"]


@attrs.frozen(slots=False)  # built for every header: see model.ParsedDate
class Match:
    kind: MatchKind
    #: physical lines consumed by this match (a multi-line header), >= 1
    lines: int = 1
    author: str | None = None
    #: the date expression of the byline and its absolute offset
    stamp: str | None = None
    stamp_start: int | None = None
    #: an already resolved timestamp (rules that need state to resolve one);
    #: its ``start``/``end`` are absolute offsets, or both 0 when unknown
    date: ParsedDate | None = None
    #: absolute offset where the message text starts on the header line
    body_start: int | None = None
    #: the post is a preview cut short (a "Show more" footer ...)
    truncated: bool = False
    #: a divider: posts below it carry this date until the next one
    divider: ParsedDate | None = None


@attrs.define
class State:
    """What the engine knows about the dump so far (read-only for rules)."""

    now: datetime
    order: str | None = None
    tz: object = None
    #: author and timestamp of the last post header
    author: str | None = None
    last_date: ParsedDate | None = None
    #: the date of the last divider line
    divider: ParsedDate | None = None
    #: kind of the segment being built ("post", "meta" or None at the start)
    current: str | None = None
    #: the match of the previous non-blank line, and the name of its rule
    #: ("" at the start, "default" when no rule matched)
    prev: Match | None = None
    prev_rule: str = ""
    #: content of the previous non-blank line
    prev_content: str = ""
    #: a blank line stands between the previous non-blank line and this one
    after_blank: bool = False
    #: non-blank lines in the current post so far
    post_lines: int = 0
    #: the current post opened with a header (a byline), not a break
    post_header: bool = False
    #: a free-form label the dialect's rules compute for the current post
    #: (for example the dominant script of its text)
    label: str | None = None
    #: per-document memory of a dialect's rules, keyed by the dialect's
    #: name (names seen so far, an open code fence ...); the only state a
    #: rule may change
    scratch: dict[str, object] = attrs.Factory(dict)


class Context:
    """What a rule sees: the current line, a bounded lookahead, the state."""

    __slots__ = ("_ahead", "line_label", "state")

    def __init__(self, state: State) -> None:
        self.state = state
        self._ahead: Sequence[Line] = ()
        #: the dialect's ``label`` of the current line (None without one)
        self.line_label: str | None = None

    def peek(self, k: int = 1) -> Line | None:
        """The k-th non-blank line after the current one (1-based), or None."""
        seen = 0
        for line in self._ahead:
            if line.content:
                seen += 1
                if seen == k:
                    return line
        return None

    def peek_raw(self, k: int = 1) -> Line | None:
        """The k-th physical line after the current one, blank or not."""
        return self._ahead[k - 1] if 0 < k <= len(self._ahead) else None


Rule = Callable[[Context, Line], "Match | None"]


@attrs.frozen
class NamedRule:
    name: str
    fn: Rule

    def __call__(self, ctx: Context, line: Line) -> Match | None:
        return self.fn(ctx, line)


Detector = Callable[[Sequence[str]], float]


@attrs.frozen
class Dialect:
    """A dump format: detection, rules, and a few options.

    - ``detect(lines)`` scores a sample of the dump's non-blank lines
      (0 = not this format, 1 = certainly this format).
    - ``rules``: the named rule chain, tried in order.
    - ``label``: optional ``label(line) -> str`` computed for each line of a
      post and kept in ``state.label`` (used by rules such as "a change of
      script starts a new post"). Labels refine by prefix: a post labelled
      ``"Han"`` becomes ``"Hans"`` when a later line says so, and labels
      that are prefixes of each other do not differ.
    - ``lookahead``: how many physical lines rules may peek at.
    - ``order``: the dump's default day/month order (``"DMY"``, ``"MDY"``, ...).
    - ``inherit_divider_date``: posts without a timestamp take the date of
      the divider above them.
    - ``languages``: language hints for dates.
    - ``signature``: see below; dialects without one are never switched to
      in the middle of a file.
    """

    name: str
    detect: Detector
    rules: tuple[NamedRule, ...]
    lookahead: int = 4
    order: str | None = None
    inherit_divider_date: bool = False
    languages: tuple[str, ...] | None = None
    label: Callable[[Line], str | None] | None = None
    #: a cheap, strict test that a header of this format starts at the first
    #: of the given contents (this line's and the next non-blank lines'); lets
    #: the engine switch to this dialect where a file that concatenates
    #: several formats reaches a region in this one
    signature: Callable[[Sequence[str]], object] | None = None
    #: how many headers (signature hits) within the engine's window it takes
    #: to switch: 2 for one-line headers, 1 for a signature strong on its own
    switch_evidence: int = 2
    #: the longest first content the signature can hold on (None: no bound);
    #: the engine does not call it on longer ones, so that the long lines of
    #: prose cost no signature calls at all
    signature_max_len: int | None = None
    #: for a signature with no length bound: a cheap test of the first
    #: content that must pass for it to hold (it opens with a digit, ends in
    #: ']'); on a line longer than every bound the engine runs only these
    signature_gate: Callable[[str], bool] | None = None
    #: posts may be previews cut short, so a final ellipsis ('…', '...')
    #: marks them truncated; chat exports say False: their messages are
    #: whole, and an ellipsis that ends one is the writer's own
    previews: bool = True
    description: str = ""

    def rule_names(self) -> list[str]:
        return [r.name for r in self.rules]

    def with_rules(self, *rules: NamedRule, before: str | None = None) -> Dialect:
        """A copy with ``rules`` inserted before the rule named ``before``
        (appended at the end when ``before`` is None)."""
        names = self.rule_names()
        at = names.index(before) if before is not None else len(names)
        return attrs.evolve(self, rules=(*self.rules[:at], *rules, *self.rules[at:]))

    def without(self, *names: str) -> Dialect:
        """A copy without the named rules."""
        return attrs.evolve(self, rules=tuple(r for r in self.rules if r.name not in names))


def rule(name: str) -> Callable[[Rule], NamedRule]:
    """Decorator: give a rule function its name in the chain."""

    def wrap(fn: Rule) -> NamedRule:
        return NamedRule(name, fn)

    return wrap
