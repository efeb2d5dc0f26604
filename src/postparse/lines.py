"""Lines: the one place where text is cut into lines and lines are numbered.

A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r``; the terminator belongs to
the line. Line *numbers* follow the evaluation convention: a new number
starts after each ``\\n`` (so a lone ``\\r`` splits lines for segmentation but
does not start a new number), 1-based.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

#: Whitespace and invisible format characters: a line made only of these is blank.
INVISIBLE = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u180e"
)


class Line:
    """One physical line: ``text`` without its terminator, ``term`` the terminator."""

    __slots__ = ("content", "number", "start", "term", "text")

    def __init__(self, text: str, term: str, start: int, number: int) -> None:
        self.text = text
        self.term = term
        self.start = start
        self.number = number
        #: the text without surrounding whitespace and invisible marks
        self.content = text.strip(INVISIBLE)

    @property
    def end(self) -> int:
        """Offset just after the text (before the terminator)."""
        return self.start + len(self.text)

    @property
    def stop(self) -> int:
        """Offset just after the terminator."""
        return self.start + len(self.text) + len(self.term)

    @property
    def raw(self) -> str:
        return self.text + self.term

    @property
    def blank(self) -> bool:
        return not self.content

    @property
    def content_start(self) -> int:
        """Absolute offset of the first visible character (``end`` when blank)."""
        if not self.content:
            return self.end
        return self.start + len(self.text) - len(self.text.lstrip(INVISIBLE))

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.start}, {self.text!r})"


#: characters of LF-only text cut into lines at once
_BLOCK = 1 << 16


class LineSplitter:
    """Cut a stream of text chunks into :class:`Line` objects.

    Works the same on one big string or on many chunks, so that ``parse`` and
    ``iter_parse`` see identical lines.
    """

    def __init__(self) -> None:
        self._offset = 0
        self._number = 1
        self._pending = ""
        self._parts: list[str] = []

    def feed(self, chunk: str) -> Iterator[Line]:
        if "\n" not in chunk and "\r" not in chunk:
            # No line ends here: keep the piece without copying what we hold.
            self._parts.append(chunk)
            return
        if self._parts:
            self._pending += "".join(self._parts)
            self._parts.clear()
        data = self._pending + chunk if self._pending else chunk
        self._pending = ""
        pos = 0
        n = len(data)
        if "\r" not in data:
            # the common case, LF only: a split per block of lines instead of
            # two searches per line (blocks keep the copies small)
            emit = self._emit
            while True:
                cut = data.rfind("\n", pos, pos + _BLOCK)
                if cut < 0:
                    cut = data.find("\n", pos)  # a line longer than a block
                    if cut < 0:
                        break
                for text in data[pos:cut].split("\n"):
                    yield emit(text, "\n")
                    self._number += 1
                pos = cut + 1
            self._pending = data[pos:]
            return
        find = data.find
        while pos < n:
            nl = find("\n", pos)
            cr = find("\r", pos, nl if nl >= 0 else n)
            if cr >= 0:
                if cr + 1 == n:  # a chunk ending in \r may be half of \r\n
                    break
                if data[cr + 1] == "\n":
                    yield self._emit(data[pos:cr], "\r\n")
                    pos = cr + 2
                    self._number += 1
                else:
                    yield self._emit(data[pos:cr], "\r")
                    pos = cr + 1
                continue
            if nl < 0:
                break
            yield self._emit(data[pos:nl], "\n")
            pos = nl + 1
            self._number += 1
        self._pending = data[pos:]

    def close(self) -> Iterator[Line]:
        if self._parts:
            self._pending += "".join(self._parts)
            self._parts.clear()
        if self._pending:
            text = self._pending
            self._pending = ""
            # what is left holds no \n; a \r in it ends a line (one held back
            # at the end of a chunk, in case \n began the next, may be inside)
            start = 0
            while (cr := text.find("\r", start)) >= 0:
                yield self._emit(text[start:cr], "\r")
                start = cr + 1
            if start < len(text):
                yield self._emit(text[start:], "")

    def _emit(self, text: str, term: str) -> Line:
        line = Line(text, term, self._offset, self._number)
        self._offset += len(text) + len(term)
        return line


def split_lines(chunks: Iterable[str] | str) -> Iterator[Line]:
    """All lines of ``chunks`` (a string or an iterable of string pieces)."""
    splitter = LineSplitter()
    if isinstance(chunks, str):
        chunks = (chunks,)
    for chunk in chunks:
        yield from splitter.feed(chunk)
    yield from splitter.close()
