"""The feed dialects' fixture dumps, their variants and detection, in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
from feeds_support import (
    NOW,
    VARIANTS,
    cases,
    check_case,
    check_partition,
    check_variants_in_sync,
    detected,
    detection_cases,
    feed_text,
)
from hypothesis import given, settings

import postparse

#: dialect name -> (fixture folder under tests/fixtures/, its public corpus file)
FEEDS = {
    "twitter": ("twitter", "twitter"),
    "weibo": ("weibo", "weibo"),
    "telegram-preview": ("telegram-preview", "telegram_preview"),
    "reddit": ("reddit", None),
    "facebook": ("facebook", None),
    "mastodon": ("mastodon", None),
}
CASES = [(name, case) for name, (folder, _) in FEEDS.items() for case in cases(folder)]
DETECTION = [
    (name, ours, path)
    for name, (folder, corpus) in FEEDS.items()
    for ours, path in detection_cases(folder, corpus)
]


def _id(value: object) -> str:
    return value.name.split(".")[0] if isinstance(value, Path) else str(value)


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_every_feed_dialect_has_fixtures(name: str) -> None:
    assert sum(1 for n, _ in CASES if n == name) >= 1


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("name", "case"), CASES, ids=_id)
def test_fixture(name: str, case: Path, variant: str) -> None:
    check_case(case, variant)


@pytest.mark.parametrize(("name", "case"), CASES, ids=_id)
def test_variants_in_sync(name: str, case: Path) -> None:
    check_variants_in_sync(case)


@pytest.mark.parametrize(("name", "ours", "path"), DETECTION, ids=_id)
def test_detection(name: str, ours: bool, path: Path) -> None:
    assert (detected(path) == name) is ours


@pytest.mark.parametrize("name", sorted(FEEDS))
@settings(max_examples=80, deadline=None)
@given(text=feed_text)
def test_partition_on_feed_like_text(name: str, text: str) -> None:
    check_partition(text, postparse.parse(text, now=NOW, dialect=name))
