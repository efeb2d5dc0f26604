"""parse_date reads 'YYYY-MM-DD HH:MM[:SS]' without the engine: the answer
must be the engine's, for every order and hint, valid or not."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from postparse.dates import _PARSER, _iso_minute, parse_date

NOW = datetime(2024, 9, 10, 12, tzinfo=timezone.utc)


def _two(lo: int, hi: int) -> st.SearchStrategy[str]:
    return st.integers(lo, hi).map(lambda n: f"{n:02d}")


#: real stamps, with or without seconds
_VALID = st.builds(
    lambda d, sep, secs: d.strftime(f"%Y-%m-%d{sep}%H:%M" + (":%S" if secs else "")),
    st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31)),
    st.sampled_from([" ", "T"]),
    st.booleans(),
)
_ANY = st.builds(
    lambda y, mo, d, sep, h, mi, sec: f"{y}-{mo}-{d}{sep}{h}:{mi}{sec}",
    st.integers(0, 9999).map(lambda n: f"{n:04d}"),
    _two(0, 14),
    _two(0, 32),
    st.sampled_from([" ", "T", "  ", ", "]),
    _two(0, 25),
    _two(0, 61),
    st.one_of(st.just(""), _two(0, 61).map(lambda s: ":" + s)),
)


@settings(max_examples=300)
@given(
    st.one_of(_VALID, _ANY),
    st.sampled_from([None, "DMY", "MDY", "YMD"]),
    st.sampled_from([None, ("en",), ("ru",), ("zh",), ("de", "fr")]),
)
def test_the_fast_path_gives_the_engines_answer(
    text: str, order: str | None, languages: tuple[str, ...] | None
) -> None:
    engine = _PARSER.search(text, now=NOW, languages=languages, order=order, whole=True)
    assert parse_date(text, now=NOW, languages=languages, order=order) == engine


def test_the_fast_path_reads_the_common_stamps() -> None:
    # not a path that is never taken: these bylines' stamps go through it
    assert _iso_minute("2024-09-07 04:13") is not None
    assert _iso_minute("2024-09-07T04:13:05") is not None
    assert _iso_minute("2024-02-30 04:13") is None
