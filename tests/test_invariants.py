"""The contract's invariants, for every input: partition, no exception,
``iter_parse == parse``, JSON round-trip."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

import postparse
from conftest import NOW
from postparse.dialects import registered
from strategies import any_text, dumps


def check_partition(text: str, doc: postparse.Document) -> None:
    segs = doc.segments
    assert "".join(s.raw for s in segs) == text
    pos = 0
    for i, s in enumerate(segs):
        assert s.index == i
        assert s.start == pos
        assert text[s.start : s.end] == s.raw
        assert s.end > s.start
        assert s.line == text.count("\n", 0, s.start) + 1
        assert s.end_line == text.count("\n", 0, s.end - 1) + 1
        pos = s.end
    assert pos == len(text)


@given(any_text)
def test_partition_any_text(text: str) -> None:
    check_partition(text, postparse.parse(text, now=NOW))


@given(dumps, st.sampled_from([None, *registered()]))
def test_partition_forced_dialect(text: str, dialect: str | None) -> None:
    check_partition(text, postparse.parse(text, now=NOW, dialect=dialect))


@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    doc = postparse.parse(data, now=NOW)
    check_partition(doc.text, doc)


@given(dumps)
def test_iter_parse_equals_parse(text: str) -> None:
    whole = postparse.parse(text, now=NOW).segments
    assert tuple(postparse.iter_parse(io.StringIO(text), now=NOW)) == whole
    streamed_bytes = tuple(postparse.iter_parse(io.BytesIO(text.encode("utf-8")), now=NOW))
    assert streamed_bytes == whole
    lines = text.splitlines(keepends=True)
    assert tuple(postparse.iter_parse(iter(lines), now=NOW)) == whole


@given(dumps)
def test_to_dict_round_trips_through_json(text: str) -> None:
    for seg in postparse.parse(text, now=NOW).segments:
        d = seg.to_dict()
        assert json.loads(json.dumps(d, ensure_ascii=False)) == d
        assert list(d) == [
            "kind", "index", "start", "end", "line", "end_line", "raw", "text", "author",
            "timestamp", "timestamp_text", "precision", "relative", "language", "emoji",
            "hashtags", "mentions", "urls", "truncated", "repeat_of", "dialect",
        ]  # fmt: skip
        for rep in d["emoji"]:
            assert text[rep["start"] : rep["end"]] == rep["found"]
        if seg.author_span is not None:
            assert text[slice(*seg.author_span)] == seg.author
        if seg.timestamp_span is not None:
            assert text[slice(*seg.timestamp_span)] == seg.timestamp_text
        if seg.text_span is not None:
            assert seg.start <= seg.text_span[0] <= seg.text_span[1] <= seg.end


def test_one_megabyte_single_line() -> None:
    text = "x" * 1_000_000
    doc = postparse.parse(text, now=NOW)
    check_partition(text, doc)
    assert len(doc.segments) == 1


def test_many_lone_carriage_returns_and_nuls() -> None:
    text = "a\rb\r\r\x00\r\n\x00\n" * 1000
    check_partition(text, postparse.parse(text, now=NOW))


def test_empty_input_has_no_segments() -> None:
    assert postparse.parse("", now=NOW).segments == ()
    assert postparse.parse(b"", now=NOW).segments == ()


def test_blank_only_input_is_one_meta_segment() -> None:
    doc = postparse.parse("\n \r\n\u200e\n", now=NOW)
    assert [s.kind for s in doc.segments] == ["meta"]


def test_language_is_identified_on_access_and_kept() -> None:
    doc = postparse.parse("Guten Morgen, wie geht es euch allen heute?\n\nДобрый вечер всем!\n")
    first, second = doc.posts
    assert first.language == postparse.detect_language(first.text) == "de"
    assert first.language == "de"  # cached, same answer
    assert second.to_dict()["language"] == "ru"
    assert doc.segments == postparse.parse(doc.text).segments


def test_parse_date_takes_an_iso_string_for_now() -> None:
    found = postparse.parse_date("3天前", now="2024-09-10T12:00:00+00:00")
    assert found is not None and found.value.isoformat().startswith("2024-09-07")
    assert postparse.parse_date("2h", now="2024-09-10T12:00:00") is not None


def test_every_public_name_resolves() -> None:
    import importlib

    fresh = importlib.reload(postparse)
    for name in fresh.__all__:
        assert getattr(fresh, name) is not None
    assert set(fresh.__all__) <= set(dir(fresh))
