"""Lines: every line ending, chunk boundaries anywhere, numbering by ``\\n``."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from postparse.lines import split_lines
from strategies import dumps


@given(dumps, st.lists(st.integers(min_value=0, max_value=200), max_size=8))
def test_chunking_does_not_change_lines(text: str, cuts: list[int]) -> None:
    points = sorted({min(c, len(text)) for c in cuts})
    pieces = [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    whole = [(ln.start, ln.text, ln.term, ln.number) for ln in split_lines(text)]
    chunked = [(ln.start, ln.text, ln.term, ln.number) for ln in split_lines(pieces)]
    assert chunked == whole
    assert "".join(t + term for _, t, term, _ in whole) == text


def test_line_endings_and_numbers() -> None:
    lines = list(split_lines("a\nb\r\nc\rd"))
    assert [(ln.text, ln.term, ln.number) for ln in lines] == [
        ("a", "\n", 1),
        ("b", "\r\n", 2),
        ("c", "\r", 3),
        ("d", "", 3),
    ]


def test_invisible_marks_make_a_line_blank() -> None:
    (line,) = split_lines("\u200e \ufeff\u200b\t")
    assert line.blank
    (line,) = split_lines("\u200e[12.01.24] x")
    assert line.content == "[12.01.24] x"
    assert line.content_start == 1


def _reference_lines(text: str) -> list[tuple[str, str, int, int]]:
    """Lines the slow, obvious way: (text, terminator, start, number)."""
    out = []
    pos, number = 0, 1
    for m in re.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.start() > 0 and not m.group():
            break
        if not m.group() and not text:
            break
        out.append((m.group(1), m.group(2), pos, number))
        pos = m.end()
        if m.group(2).endswith("\n"):
            number += 1
        if pos == len(text):
            break
    return out


@given(
    st.text(alphabet="ab\n\r ", max_size=120),
    st.lists(st.integers(min_value=0, max_value=120), max_size=6),
    st.integers(min_value=1, max_value=9),
)
def test_lines_agree_with_a_reference_at_every_block_size(
    text: str, cuts: list[int], block: int
) -> None:
    # LF-only text is cut a block at a time: with tiny blocks, every block
    # edge and every line longer than a block is met
    import postparse.lines as lines_mod

    old = lines_mod._BLOCK
    lines_mod._BLOCK = block
    try:
        bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
        chunks = [text[a:b] for a, b in itertools.pairwise(bounds)]
        got = [(ln.text, ln.term, ln.start, ln.number) for ln in split_lines(chunks)]
    finally:
        lines_mod._BLOCK = old
    assert got == _reference_lines(text)


def test_a_cr_held_back_at_a_chunk_end_ends_its_line() -> None:
    # regression: '\r' then 'a' in two chunks gave one line '\ra' (the \r
    # held back in case '\n' began the next chunk was never looked at again)
    got = [(ln.text, ln.term, ln.start, ln.number) for ln in split_lines(["\r", "a"])]
    assert got == [("", "\r", 0, 1), ("a", "", 1, 1)]
    got = [(ln.text, ln.term) for ln in split_lines(["x\r", "a", "b\r"])]
    assert got == [("x", "\r"), ("ab", "\r")]
