"""The chat dialects' fixture dumps and detection, in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat_fixture_helpers import (
    CORPUS,
    detected,
    expected,
    fixture_files,
    key_fields,
    read,
    summarise,
)

#: fixture folder -> (the dialect its dumps are in, the family of dialects
#: that must not take other formats' dumps, that family's corpus file stem)
CHAT = {
    "whatsapp-android": ("whatsapp-android", "whatsapp", "whatsapp"),
    "whatsapp-ios": ("whatsapp-ios", "whatsapp", "whatsapp"),
    "telegram-desktop": ("telegram-desktop", "telegram-desktop", "telegram_desktop"),
    "discord": ("discord", "discord", "discord"),
    "slack": ("slack", "slack", None),
}
MINE = [(folder, path) for folder in CHAT for path in fixture_files(folder)]


def _id(value: object) -> str:
    return f"{value.parent.name}/{value.name}" if isinstance(value, Path) else str(value)


def _dialect_of(folder: str, path: Path) -> str:
    if folder == "telegram-desktop" and path.name.startswith("html"):
        return "telegram-desktop-html"
    return CHAT[folder][0]


@pytest.mark.parametrize(("folder", "path"), MINE, ids=_id)
def test_fixture_segments(folder: str, path: Path) -> None:
    text = read(path)
    want = expected(path)
    assert key_fields(summarise(text)) == want
    # the same dump with CRLF line ends, and without its final newline
    assert key_fields(summarise(text.replace("\n", "\r\n"))) == want
    assert key_fields(summarise(text.rstrip("\n"))) == want


@pytest.mark.parametrize(("folder", "path"), MINE, ids=_id)
def test_detect(folder: str, path: Path) -> None:
    assert detected(read(path)) == _dialect_of(folder, path)


def _others(family: str, corpus_stem: str | None) -> list[Path]:
    paths = [p for folder, p in MINE if CHAT[folder][1] != family]
    paths += [
        p for p in sorted(CORPUS.glob("*.txt")) if not corpus_stem or corpus_stem not in p.name
    ]
    return paths


ELSEWHERE = [
    (family, path)
    for family, corpus in {(f, c) for _, f, c in CHAT.values()}
    for path in _others(family, corpus)
]


@pytest.mark.parametrize(("family", "path"), sorted(ELSEWHERE, key=str), ids=_id)
def test_not_detected_elsewhere(family: str, path: Path) -> None:
    assert not detected(read(path)).startswith(family)


def test_every_chat_folder_has_fixtures() -> None:
    assert {folder for folder, _ in MINE} == set(CHAT)
