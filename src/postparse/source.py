"""Decoding: turn whatever the user hands us into one ``str``.

Offsets everywhere in postparse refer to the string returned here, with no
newline translation. A byte-order mark is kept as U+FEFF at offset 0 so that
the decoded text maps one-to-one onto the file's characters.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from typing import IO, Union

import attrs

Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", IO[str], IO[bytes]]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@attrs.frozen
class Decoded:
    """Decoded text and the encoding that was used to read it."""

    text: str
    encoding: str


_CP1252_TABLE: str = "".join(
    bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256)
)
_CP1252_TRANS = {i: c for i, c in enumerate(_CP1252_TABLE)}

#: How many leading bytes decide the encoding (the same for parse and iter_parse).
HEAD_BYTES = 1 << 16


def _cp1252_or_latin1(data: bytes) -> str:
    """cp1252, reading its five undefined bytes as latin-1: one char per byte."""
    return data.decode("latin-1").translate(_CP1252_TRANS)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: many NUL bytes on one parity."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.4 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.4 and odd < half * 0.05:
        return "utf-16-be"
    return None


def choose_encoding(head: bytes) -> str:
    """Pick the encoding from the first bytes of a file.

    BOMs win; then UTF-8 when the head is valid UTF-8 (a sequence cut at the
    end of the head is fine); then BOM-less UTF-16; then UTF-8 when only a
    few bytes are invalid; otherwise cp1252 (latin-1 for its undefined bytes).
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _looks_utf16(head)
    if utf16 is not None:
        return utf16
    bad = head.decode("utf-8", errors="replace").count("\ufffd")
    non_ascii = sum(1 for b in head if b >= 0x80) or 1
    if bad <= 2 or bad * 4 < non_ascii:
        return "utf-8"
    return "cp1252"


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` without ever raising (see :func:`choose_encoding`).

    A byte-order mark decodes to U+FEFF and stays in the text, so offsets
    map one-to-one onto the file's characters.
    """
    encoding = choose_encoding(data[:HEAD_BYTES])
    if encoding == "cp1252":
        return Decoded(_cp1252_or_latin1(data), encoding)
    return Decoded(data.decode(encoding, errors="replace"), encoding)


def _bytes_behind(source: object) -> IO[bytes] | None:
    """The byte stream under an unread text file opened with ``open()``.

    Text mode translates ``\r\n`` to ``\n``; offsets must refer to the text
    as it is in the file, so such a file is read from its bytes instead.
    A file that has been read from already (or cannot tell) is left alone.
    """
    buffer = getattr(source, "buffer", None)
    if buffer is None or not hasattr(buffer, "read"):
        return None
    try:
        if source.tell() != 0:  # type: ignore[attr-defined]
            return None
    except (OSError, ValueError):
        return None
    return buffer  # type: ignore[no-any-return]


def read_source(source: Source) -> Decoded:
    """Read ``source`` (str, bytes, path or file object) into text."""
    raw = _bytes_behind(source)
    if raw is not None:
        return decode_bytes(raw.read())
    if isinstance(source, str):
        return Decoded(source, "str")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return decode_bytes(bytes(source))
    if isinstance(source, os.PathLike):
        with open(os.fspath(source), "rb") as fh:
            return decode_bytes(fh.read())
    data = source.read()
    if isinstance(data, str):
        return Decoded(data, getattr(source, "encoding", None) or "str")
    return decode_bytes(bytes(data))


def iter_source_chunks(source: Source, chunk_size: int = 1 << 16) -> Iterator[str]:
    """Yield decoded text in chunks, for streaming.

    Paths, binary files and unread text files opened with ``open()`` are
    decoded from their bytes, incrementally (the encoding is chosen from the
    first chunk, the same way :func:`decode_bytes` chooses it); other text
    streams and iterables of lines are passed through.
    """
    if isinstance(source, (str, bytes, bytearray, memoryview)):
        yield read_source(source).text
        return
    if isinstance(source, os.PathLike):
        with open(os.fspath(source), "rb") as fh:
            yield from _decode_stream(fh, chunk_size)
        return
    raw = _bytes_behind(source)
    if raw is not None:
        yield from _decode_stream(raw, chunk_size)
        return
    if isinstance(source, io.TextIOBase) or hasattr(source, "encoding"):
        while True:
            chunk = source.read(chunk_size)
            if not chunk:
                return
            yield str(chunk)
    if hasattr(source, "read"):
        yield from _decode_stream(source, chunk_size)  # type: ignore[arg-type]
        return
    for item in source:  # an iterable of lines
        yield item if isinstance(item, str) else decode_bytes(bytes(item)).text


def _decode_stream(fh: IO[bytes], chunk_size: int) -> Iterator[str]:
    head = fh.read(max(chunk_size, HEAD_BYTES))
    if not head:
        return
    encoding = choose_encoding(head[:HEAD_BYTES])
    if encoding == "cp1252":
        yield _cp1252_or_latin1(head)
        while chunk := fh.read(chunk_size):
            yield _cp1252_or_latin1(chunk)
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    yield decoder.decode(head)
    while chunk := fh.read(chunk_size):
        yield decoder.decode(chunk)
    tail = decoder.decode(b"", final=True)
    if tail:
        yield tail
