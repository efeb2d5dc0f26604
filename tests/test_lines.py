"""Lines: every line ending, chunk boundaries anywhere, numbering by ``\\n``."""

from __future__ import annotations

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
