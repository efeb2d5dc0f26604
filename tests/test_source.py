"""Decoding: every byte string decodes, offsets map onto the characters."""

from __future__ import annotations

import codecs
import io

import pytest

import postparse
from postparse.source import choose_encoding, decode_bytes

TEXT = "Name, [02.09.24 16:17]\r\nПривет 👋 — ok\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_detected(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == TEXT


def test_bom_is_kept_as_a_character() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"hi\n")
    assert decoded.text == "\ufeffhi\n"
    doc = postparse.parse(codecs.BOM_UTF8 + b"hi\n")
    assert doc.segments[0].start == 0 and doc.segments[-1].end == len(decoded.text)


def test_legacy_cp1252_falls_back_without_loss() -> None:
    data = "Café déjà vu — “quoted” naïve\n".encode("cp1252") * 10
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text == data.decode("cp1252")


def test_undefined_cp1252_bytes_map_to_one_character_each() -> None:
    data = bytes(range(0x80, 0x100)) * 3
    assert len(decode_bytes(data).text) == len(data)


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = ("Привет мир, всё хорошо. " * 20).encode("utf-8") + b"\xff" + b" end"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.endswith("\ufffd end")


def test_utf8_sequence_cut_at_the_head_boundary_is_still_utf8() -> None:
    head = ("a" * 65535 + "é").encode("utf-8")[:65536]
    assert choose_encoding(head) == "utf-8"


@pytest.mark.parametrize("kind", ["path", "binary", "text", "str", "bytes"])
def test_all_source_kinds_agree(tmp_path, kind: str) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    source: object = {
        "path": path,
        "binary": io.BytesIO(TEXT.encode("utf-8")),
        "text": io.StringIO(TEXT, newline=""),
        "str": TEXT,
        "bytes": TEXT.encode("utf-8"),
    }[kind]
    doc = postparse.parse(source)  # type: ignore[arg-type]
    assert doc.text == TEXT
    assert "".join(s.raw for s in doc.segments) == TEXT


def test_text_mode_file_keeps_its_crlf(tmp_path) -> None:
    # regression: open(path) in text mode translated \r\n, so offsets no
    # longer matched the file
    path = tmp_path / "dump.txt"
    path.write_bytes(b"first note\r\n\r\nsecond note\r\n")
    with open(path, encoding="utf-8") as fh:
        doc = postparse.parse(fh)
    assert doc.text == "first note\r\n\r\nsecond note\r\n"
    with open(path, encoding="utf-8") as fh:
        streamed = tuple(postparse.iter_parse(fh))
    assert streamed == doc.segments
    assert "".join(s.raw for s in streamed) == doc.text
