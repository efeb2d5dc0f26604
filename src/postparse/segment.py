"""The segmentation engine: lines in, segment drafts out.

One pass, bounded lookahead, memory bounded by the open segment. For every
non-blank line the dialect's rule chain decides what the line is (see
:mod:`postparse.dialects.base`); the engine turns those decisions into
segments that partition the input exactly, and keeps the running state
that rules read.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from math import inf

import attrs

from .dates import infer_date_order
from .dialects.base import Context, Dialect, Match, Rule, State
from .fields.timestamp import resolve_stamp
from .lines import Line
from .model import ParsedDate

_CONT = Match("cont")


@attrs.define
class Draft:
    """A segment before its fields are extracted."""

    kind: str
    lines: list[Line]
    dialect: Dialect
    header: Match | None = None
    date: ParsedDate | None = None
    #: absolute offsets of the message text (None: no text yet)
    body_start: int | None = None
    body_end: int | None = None
    truncated: bool = False
    divider: ParsedDate | None = None
    #: absolute offsets of the author's name in the header, when it is there
    author_span: tuple[int, int] | None = None
    #: the rule that opened the segment
    rule: str = ""

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def stop(self) -> int:
        return self.lines[-1].stop

    def raw(self) -> str:
        return "".join([line.text + line.term for line in self.lines])

    def add_body(self, line: Line, start: int | None = None) -> None:
        if self.body_start is None:
            self.body_start = line.content_start if start is None else start
        self.body_end = line.end


def _locate(name: str | None, lines: list[Line]) -> tuple[int, int] | None:
    """Where ``name`` stands in the header lines (absolute offsets), if it does."""
    if name:
        for line in lines:
            at = line.text.find(name)
            if at >= 0:
                return line.start + at, line.start + at + len(name)
    return None


def _chain(dialect: Dialect) -> tuple[tuple[Rule, str], ...]:
    """The dialect's rules as (function, name) pairs, in order."""
    return tuple((r.fn, r.name) for r in dialect.rules)


def _classify(dialect: Dialect, ctx: Context, line: Line) -> tuple[Match, str]:
    """The first rule's match for ``line`` and the rule's name."""
    for named in dialect.rules:
        m = named.fn(ctx, line)
        if m is not None:
            return m, named.name
    return _CONT, "default"


#: Lines (this one and the next ones) that must carry another dialect's
#: signature before the engine switches to it in the middle of a file.
SWITCH_EVIDENCE = 2
#: How far the engine looks for that evidence.
SWITCH_WINDOW = 6


#: a dialect that may be switched to: its signature, the hits it needs and
#: the longest first content its signature holds on
_Candidate = tuple[Dialect, Callable[[Sequence[str]], object], int, float]


class _Candidates:
    """The dialects that may be switched to, for a given line: a signature is
    never called on a content longer than its ``signature_max_len``, and the
    unbounded ones only where their ``signature_gate`` passes (so that a long
    line of prose costs a few one-character tests, or none)."""

    __slots__ = ("_by_length", "_gated", "_gates", "_limits", "_longest", "_unbounded")

    def __init__(self, alternatives: tuple[Dialect, ...], current: Dialect, evidence: bool = True):
        every = [
            (
                d,
                d.signature,
                d.switch_evidence if evidence else 1,
                inf if d.signature_max_len is None else d.signature_max_len,
            )
            for d in alternatives
            if d is not current and d.signature is not None
        ]
        #: the distinct bounds, ascending; the candidates (in registration
        #: order) still in play for a content no longer than each
        self._limits = sorted({c[3] for c in every} | {inf})
        self._by_length = [tuple(c for c in every if c[3] >= lim) for lim in self._limits]
        #: past the longest bound: the unbounded signatures, behind their gates
        self._longest = max((c[3] for c in every if c[3] < inf), default=-1)
        self._unbounded = tuple(c for c in every if c[3] == inf)
        gates = [c[0].signature_gate for c in self._unbounded]
        self._gates = tuple(g for g in gates if g is not None)
        #: every unbounded signature has a gate (else they are all asked)
        self._gated = len(self._gates) == len(gates)

    def live(self, content: str) -> tuple[_Candidate, ...]:
        n = len(content)
        if n > self._longest and self._gated:
            if not any(g(content) for g in self._gates):
                return ()
            return self._unbounded
        return self._by_length[bisect_left(self._limits, n)]


def _switch(line: Line, ahead: deque[Line], candidates: _Candidates) -> Dialect | None:
    """Another dialect whose headers start here and go on below, if any.

    A dialect's ``signature`` sees the window of this line's content and the
    next non-blank lines' (so a header spread over lines can be recognised);
    it must hold here and at ``switch_evidence - 1`` more places in the window.
    """
    live = candidates.live(line.content)
    if not live:
        return None
    window = [line.content]
    window += [ln.content for ln in ahead if ln.content]
    for other, sig, evidence, longest in live:
        if not sig(window):
            continue
        hits = 1
        for j in range(1, len(window)):
            if hits >= evidence:
                break
            if len(window[j]) <= longest and sig(window[j:]):
                hits += 1
        if hits >= evidence:
            return other
    return None


def first_switch(
    lines: Sequence[Line],
    dialect: Dialect,
    alternatives: tuple[Dialect, ...],
    *,
    evidence: bool = True,
) -> int | None:
    """The index in ``lines`` where a region in another format starts (the
    first line where another dialect's signature holds, with its evidence
    unless ``evidence`` is False, and ``dialect``'s own does not), or None.

    Used to tell which lines belong to a region before it is segmented: the
    head of a file, the window at a region's start."""
    candidates = _Candidates(alternatives, dialect, evidence)
    own = dialect.signature
    for i, line in enumerate(lines):
        if not line.content or (own is not None and own([line.content])):
            continue
        ahead = deque(lines[i + 1 : i + 1 + 2 * SWITCH_WINDOW])
        if _switch(line, ahead, candidates) is not None:
            return i
    return None


def _region_head(cur: Draft | None, reread_from: int) -> list[Line]:
    """The lines of the open post that belong to a region in another format
    starting below them, taken back to be read again; the post keeps the rest.

    That is the whole post when it is short and has no byline (a divider or
    page chrome read as a post), else the lines after its last blank line (at
    most ``SWITCH_WINDOW``, none of its header). Lines before ``reread_from``
    are never taken back twice.
    """
    if cur is None or cur.kind != "post":
        return []
    lines = cur.lines
    if cur.header is None and sum(1 for ln in lines if ln.content) <= SWITCH_WINDOW:
        return lines if lines[0].start >= reread_from else []
    k = len(lines)
    while k > 0 and lines[k - 1].content and len(lines) - k < SWITCH_WINDOW:
        k -= 1
    if k == len(lines) or k <= 1 or lines[k - 1].content:
        return []  # no blank line before them, or it opens the post
    back = lines[k:]
    first = back[0].start
    if first < reread_from or (cur.header is not None and cur.header.lines > k):
        return []
    del lines[k:]
    if cur.body_start is not None and cur.body_start >= first:
        cur.body_start = cur.body_end = None
    elif cur.body_end is not None and cur.body_end > first:
        kept = [ln for ln in lines if ln.content]
        cur.body_end = kept[-1].end if kept else None
    return back


def segment(
    lines: Iterable[Line],
    dialect: Dialect,
    state: State,
    alternatives: tuple[Dialect, ...] = (),
) -> Iterator[Draft]:
    """Yield the drafts of ``lines`` under ``dialect``, in order.

    With ``alternatives``, a region of the file in another format (its
    ``signature`` on this line and the next ones) is read with that dialect
    from there on.
    """
    it = iter(lines)
    buf: deque[Line] = deque()
    eof = False
    ctx = Context(state)
    label_of = dialect.label
    chain = _chain(dialect)
    alternatives = tuple(d for d in alternatives if d.signature is not None)
    candidates = _Candidates(alternatives, dialect)
    want = max(1, dialect.lookahead, SWITCH_WINDOW if alternatives else 0) + 1
    cur: Draft | None = None
    leading: list[Line] = []
    reread_from = 0

    def open_(kind: str, first: list[Line]) -> Draft:
        nonlocal leading
        draft = Draft(kind, leading + first, dialect)
        leading = []
        return draft

    while True:
        if not eof and len(buf) < want:
            for line in it:
                buf.append(line)
                if len(buf) >= want:
                    break
            else:
                eof = True
        if not buf:
            break
        line = buf.popleft()
        if not line.content:
            if cur is None:
                leading.append(line)
            else:
                cur.lines.append(line)
            state.after_blank = True
            continue

        ctx._ahead = buf
        ctx.line_label = label_of(line) if label_of is not None else None
        # _classify, inlined: this runs for every non-blank line
        m, rule_name = _CONT, "default"
        for fn, name in chain:
            found = fn(ctx, line)
            if found is not None:
                m, rule_name = found, name
                break
        if alternatives and (
            m.kind == "cont"
            or m.kind == "break"
            or m.kind == "meta"
            # a byline with no date (a title line) is weak evidence
            or (m.kind == "header" and m.stamp is None and m.date is None)
        ):
            other = _switch(line, buf, candidates)
            if other is not None:
                dialect, label_of, chain = other, other.label, _chain(other)
                candidates = _Candidates(alternatives, dialect)
                # the region's posts know nothing of the last region's
                state.label = state.author = state.last_date = state.divider = None
                # the region's own dates decide its day/month order (up to
                # where another format's header may start, if one is in sight)
                ahead = list(buf)
                end = first_switch(ahead, other, alternatives, evidence=False)
                region = [ln.content for ln in (line, *ahead[:end]) if ln.content]
                state.order = infer_date_order(region) or other.order or state.order
                back = _region_head(cur, reread_from)
                if back:
                    if cur is not None and back is cur.lines:
                        cur = None  # the whole post is read again
                    # each line is read again at most once: no ping-pong
                    # between two dialects whose signatures both hold
                    reread_from = line.stop
                    buf.appendleft(line)
                    buf.extendleft(reversed(back))
                    continue
                ctx.line_label = label_of(line) if label_of is not None else None
                m, rule_name = _classify(dialect, ctx, line)
        if m is _CONT and cur is not None and cur.kind == "post":
            # the common line: more text of the open post (what the general
            # path below does for a one-line "cont" match, in place)
            cur.lines.append(line)
            if cur.body_start is None:
                cur.body_start = line.content_start
            cur.body_end = line.end
            state.post_lines += 1
            lab = ctx.line_label
            if lab is not None and (state.label is None or lab.startswith(state.label)):
                state.label = lab
            state.current = "post"
            state.prev = m
            state.prev_rule = rule_name
            state.prev_content = line.content
            state.after_blank = False
            continue
        taken = [line]
        for _ in range(m.lines - 1):
            if not buf:
                break
            taken.append(buf.popleft())
        kind = m.kind
        if kind == "footer" and (cur is None or cur.kind != "post"):
            kind = "meta"
        if kind == "cont" and (cur is None or cur.kind != "post"):
            kind = "break"

        if kind == "header" or kind == "break":
            if cur is not None:
                yield cur
            cur = open_("post", taken)
            cur.rule = rule_name
            cur.divider = state.divider  # the divider in force above this post
            state.post_lines = 0
            state.post_header = kind == "header"
            state.label = None
            if kind == "header":
                cur.header = m
                cur.author_span = _locate(m.author, taken)
                cur.date = resolve_stamp(m, state, dialect)
                if m.author is not None:
                    state.author = m.author
                if cur.date is not None:
                    state.last_date = cur.date
                if m.body_start is not None and m.body_start < taken[-1].end:
                    cur.add_body(taken[-1], m.body_start)
            else:
                cur.add_body(line)
            cur.truncated = m.truncated
        elif kind == "cont":
            assert cur is not None
            cur.lines.extend(taken)
            for t in taken:
                if t.content:
                    cur.add_body(t)
            cur.truncated = cur.truncated or m.truncated
        elif kind == "footer":
            assert cur is not None
            cur.lines.extend(taken)
            cur.truncated = cur.truncated or m.truncated
        else:  # meta
            if (
                cur is not None
                and cur.kind == "meta"
                and m.divider is None
                and cur.divider is None
                and cur.dialect is dialect  # a region's chrome is its own
            ):
                cur.lines.extend(taken)
            else:
                if cur is not None:
                    yield cur
                cur = open_("meta", taken)
                cur.rule = rule_name
                cur.divider = m.divider
            if m.divider is not None:
                state.divider = m.divider
            state.label = None

        if kind in ("header", "break", "cont"):
            state.post_lines += len(taken)
            lab = ctx.line_label
            if (
                lab is not None
                and kind != "header"
                and (state.label is None or lab.startswith(state.label))
            ):
                # labels refine by prefix: "Han" becomes "Hans" once a line tells
                state.label = lab
        state.current = cur.kind if cur is not None else None
        state.prev = m
        state.prev_rule = rule_name
        state.prev_content = taken[-1].content
        state.after_blank = False

    if cur is None:
        if leading:
            yield Draft("meta", leading, dialect)
        return
    yield cur
