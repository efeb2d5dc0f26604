"""Users can register a dialect from outside the package (docs/dialects.md)."""

from __future__ import annotations

import pytest
import regex

import postparse
from conftest import NOW
from postparse.dialects import Context, Dialect, Match, get_dialect, register, registered, rule
from postparse.lines import Line

HEADER = regex.compile(r"<(?P<author>[^>]{1,40})> \[(?P<stamp>\d\d:\d\d)\] ")


@rule("irc-line")
def irc_line(ctx: Context, line: Line) -> Match | None:
    m = HEADER.match(line.content)
    if m is None:
        return None
    return Match(
        "header",
        author=m["author"],
        stamp=m["stamp"],
        stamp_start=line.content_start + m.start("stamp"),
        body_start=line.content_start + m.end(),
    )


@rule("system")
def system(ctx: Context, line: Line) -> Match | None:
    return Match("meta") if line.content.startswith("* ") else None


def _detect(sample: list[str]) -> float:
    return sum(bool(HEADER.match(s)) for s in sample) / max(1, len(sample))


IRC = Dialect(name="test-irc", detect=_detect, rules=(irc_line, system))
DUMP = "<ana> [09:15] morning all\ncontinued line\n* bob joined\n<bob> [09:16] hi\n"


@pytest.fixture(scope="module", autouse=True)
def _registered() -> None:
    if "test-irc" not in registered():
        register(IRC)


def test_forced_custom_dialect() -> None:
    doc = postparse.parse(DUMP, now=NOW, dialect="test-irc")
    assert [(s.kind, s.author, s.text) for s in doc.segments] == [
        ("post", "ana", "morning all\ncontinued line"),
        ("meta", None, "* bob joined"),
        ("post", "bob", "hi"),
    ]


def test_custom_dialect_is_auto_detected() -> None:
    assert postparse.parse(DUMP, now=NOW).dialect == "test-irc"


def test_dialect_object_can_be_passed_and_edited() -> None:
    plain = IRC.without("system")
    doc = postparse.parse(DUMP, now=NOW, dialect=plain)
    assert [s.kind for s in doc.segments] == ["post", "post"]
    assert get_dialect("test-irc").rule_names() == ["irc-line", "system"]


def test_registering_a_name_twice_is_refused() -> None:
    with pytest.raises(ValueError):
        register(IRC)


def test_a_rule_can_be_inserted_before_a_named_one() -> None:
    @rule("shout")
    def shout(ctx: Context, line: Line) -> Match | None:
        return Match("meta") if line.content.isupper() else None

    loud = IRC.with_rules(shout, before="system")
    assert loud.rule_names() == ["irc-line", "shout", "system"]
    doc = postparse.parse("<ana> [09:15] hi\nHELLO ALL\n", now=NOW, dialect=loud)
    assert [s.kind for s in doc.segments] == ["post", "meta"]
