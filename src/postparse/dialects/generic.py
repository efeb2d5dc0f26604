"""``generic``: notes separated by blank lines; the fallback for unknown text."""

from __future__ import annotations

from collections.abc import Sequence

from ..lines import Line
from . import register
from .base import Context, Dialect, Match, rule

_BREAK = Match("break")


@rule("blank-line")
def blank_line(ctx: Context, line: Line) -> Match | None:
    """A blank line ends a note: the next line starts another."""
    return _BREAK if ctx.state.after_blank else None


def detect(sample: Sequence[str]) -> float:
    return 0.0


GENERIC = register(
    Dialect(
        name="generic",
        detect=detect,
        rules=(blank_line,),
        description="Notes separated by blank lines.",
    )
)
