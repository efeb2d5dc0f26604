"""Mixed files built from the fixtures: one fixture of each dialect followed by
one of another (A, a blank line, B) reads as A and B read apart, and the
signatures that let the engine switch hold on their own dialect's headers and
nowhere in other dialects' fixtures."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import postparse
from conftest import FIXTURES, NOW
from postparse.dialects import get_dialect, registered
from postparse.lines import INVISIBLE


def _first_fixture(dialect: str) -> Path:
    """The fixture the pair harness picks for a dialect: its first plain one."""
    return next(
        p
        for p in sorted((FIXTURES / dialect).glob("*.txt"))
        if not p.name.endswith((".crlf.txt", ".nofinal.txt"))
    )


def _plain_fixtures() -> list[Path]:
    return [
        p
        for p in sorted(FIXTURES.glob("*/*.txt"))
        if not p.name.endswith((".crlf.txt", ".nofinal.txt"))
    ]


def _starts(doc: postparse.Document, shift: int = 0) -> list[tuple[str, int]]:
    return [(s.kind, s.start + shift) for s in doc.segments]


#: Pairs (A, B) whose concatenation reads as A's segments then B's. The
#: others fail for a reason outside the signatures: generic has none (and a
#: file that starts with generic text is detected as B's dialect).
PAIRS = [
    ("discord", "facebook"),
    ("discord", "mastodon"),
    ("discord", "reddit"),
    ("discord", "slack"),
    ("discord", "telegram-desktop"),
    ("discord", "telegram-preview"),
    ("discord", "telegram-web"),
    ("discord", "twitter"),
    ("discord", "weibo"),
    ("discord", "whatsapp-android"),
    ("discord", "whatsapp-ios"),
    ("facebook", "discord"),
    ("facebook", "mastodon"),
    ("facebook", "reddit"),
    ("facebook", "slack"),
    ("facebook", "telegram-desktop"),
    ("facebook", "telegram-preview"),
    ("facebook", "telegram-web"),
    ("facebook", "twitter"),
    ("facebook", "weibo"),
    ("facebook", "whatsapp-android"),
    ("facebook", "whatsapp-ios"),
    ("mastodon", "discord"),
    ("mastodon", "facebook"),
    ("mastodon", "reddit"),
    ("mastodon", "slack"),
    ("mastodon", "telegram-desktop"),
    ("mastodon", "telegram-preview"),
    ("mastodon", "telegram-web"),
    ("mastodon", "twitter"),
    ("mastodon", "weibo"),
    ("mastodon", "whatsapp-android"),
    ("mastodon", "whatsapp-ios"),
    ("reddit", "discord"),
    ("reddit", "facebook"),
    ("reddit", "mastodon"),
    ("reddit", "slack"),
    ("reddit", "telegram-desktop"),
    ("reddit", "telegram-preview"),
    ("reddit", "telegram-web"),
    ("reddit", "twitter"),
    ("reddit", "weibo"),
    ("reddit", "whatsapp-android"),
    ("reddit", "whatsapp-ios"),
    ("slack", "discord"),
    ("slack", "facebook"),
    ("slack", "mastodon"),
    ("slack", "reddit"),
    ("slack", "telegram-desktop"),
    ("slack", "telegram-preview"),
    ("slack", "telegram-web"),
    ("slack", "twitter"),
    ("slack", "weibo"),
    ("slack", "whatsapp-android"),
    ("slack", "whatsapp-ios"),
    ("telegram-desktop", "discord"),
    ("telegram-desktop", "facebook"),
    ("telegram-desktop", "mastodon"),
    ("telegram-desktop", "reddit"),
    ("telegram-desktop", "slack"),
    ("telegram-desktop", "telegram-preview"),
    ("telegram-desktop", "telegram-web"),
    ("telegram-desktop", "twitter"),
    ("telegram-desktop", "weibo"),
    ("telegram-desktop", "whatsapp-android"),
    ("telegram-desktop", "whatsapp-ios"),
    ("telegram-preview", "discord"),
    ("telegram-preview", "facebook"),
    ("telegram-preview", "mastodon"),
    ("telegram-preview", "reddit"),
    ("telegram-preview", "slack"),
    ("telegram-preview", "telegram-desktop"),
    ("telegram-preview", "telegram-web"),
    ("telegram-preview", "twitter"),
    ("telegram-preview", "weibo"),
    ("telegram-preview", "whatsapp-android"),
    ("telegram-preview", "whatsapp-ios"),
    ("telegram-web", "discord"),
    ("telegram-web", "facebook"),
    ("telegram-web", "mastodon"),
    ("telegram-web", "reddit"),
    ("telegram-web", "slack"),
    ("telegram-web", "telegram-preview"),
    ("telegram-web", "twitter"),
    ("telegram-web", "weibo"),
    ("telegram-web", "whatsapp-android"),
    ("telegram-web", "whatsapp-ios"),
    ("twitter", "discord"),
    ("twitter", "facebook"),
    ("twitter", "mastodon"),
    ("twitter", "reddit"),
    ("twitter", "slack"),
    ("twitter", "telegram-desktop"),
    ("twitter", "telegram-preview"),
    ("twitter", "telegram-web"),
    ("twitter", "weibo"),
    ("twitter", "whatsapp-android"),
    ("twitter", "whatsapp-ios"),
    ("weibo", "discord"),
    ("weibo", "facebook"),
    ("weibo", "mastodon"),
    ("weibo", "reddit"),
    ("weibo", "slack"),
    ("weibo", "telegram-desktop"),
    ("weibo", "telegram-preview"),
    ("weibo", "telegram-web"),
    ("weibo", "twitter"),
    ("weibo", "whatsapp-android"),
    ("weibo", "whatsapp-ios"),
    ("whatsapp-android", "discord"),
    ("whatsapp-android", "facebook"),
    ("whatsapp-android", "mastodon"),
    ("whatsapp-android", "reddit"),
    ("whatsapp-android", "slack"),
    ("whatsapp-android", "telegram-desktop"),
    ("whatsapp-android", "telegram-preview"),
    ("whatsapp-android", "telegram-web"),
    ("whatsapp-android", "twitter"),
    ("whatsapp-android", "weibo"),
    ("whatsapp-android", "whatsapp-ios"),
    ("whatsapp-ios", "discord"),
    ("whatsapp-ios", "facebook"),
    ("whatsapp-ios", "mastodon"),
    ("whatsapp-ios", "reddit"),
    ("whatsapp-ios", "slack"),
    ("whatsapp-ios", "telegram-desktop"),
    ("whatsapp-ios", "telegram-preview"),
    ("whatsapp-ios", "telegram-web"),
    ("whatsapp-ios", "twitter"),
    ("whatsapp-ios", "weibo"),
    ("whatsapp-ios", "whatsapp-android"),
]


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}+{b}" for a, b in PAIRS])
def test_a_pair_of_fixtures_reads_as_each_apart(a: str, b: str) -> None:
    ta = _first_fixture(a).read_text(encoding="utf-8")
    tb = _first_fixture(b).read_text(encoding="utf-8")
    if not ta.endswith("\n"):
        ta += "\n"
    alone_a = postparse.parse(ta + "\n", now=NOW, dialect=a)
    alone_b = postparse.parse(tb, now=NOW, dialect=b)
    mixed = postparse.parse(ta + "\n" + tb, now=NOW)
    assert _starts(mixed) == _starts(alone_a) + _starts(alone_b, len(ta) + 1)


def _contents(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [c for c in (ln.strip(INVISIBLE) for ln in lines) if c]


def _hits(dialect: str, contents: Sequence[str]) -> list[str]:
    """The lines where the dialect's signature holds, with the engine's
    window (the line and the next non-blank ones)."""
    sig = get_dialect(dialect).signature
    assert sig is not None
    return [contents[i] for i in range(len(contents)) if sig(contents[i : i + 7])]


#: Where each signature holds in its own dialect's fixtures (the header of a
#: post or comment, or the divider, rank or score above one).
OWN_HITS = {
    ("reddit", "old"): [
        "1",
        "2.4k",
        "Found my grandfather's 1962 hand-drawn bus map of Porto (i.redd.it)",
        "submitted 7 hours ago by azulejo_fan to r/MapPorn",
        "2",
        "731",
        "Every tram line that ever ran in Lisbon, one map (self.transit)",
        "submitted 1 day ago by eletrico28 [S] to r/transit",
        "[–]linha_verde 512 points 6 hours ago (3 children)",
        "[–]azulejo_fan[S] 201 points 5 hours ago* (last edited 4 hours ago)",
        "[–][deleted] 3 points 4 hours ago",
        "[+]quietcommuter score hidden 12 minutes ago (1 child)",
    ],
    ("reddit", "redesign_thread"): [
        "r/Bookbinding",
        "Posted by",
        "marbledends",
        "paperwren",
        "u/thimbleandawl · 2 hr. ago · edited 1 hr. ago",
        "r/Bookbinding · Posted by u/glueandgrain 1 day ago",
    ],
    ("reddit", "shreddit"): [
        "r/Cyclingmaps",
        "cargo_bike_lotte",
        "routeplanner_nl",
        "[deleted]",
        "fietsmeisje • 45m ago • Edited 10m ago",
    ],
    ("slack", "en_name_line"): ["Yesterday", "Ana Lopez", "bob.k", "Ana Lopez"],
    ("slack", "en_two_spaces"): [
        "Monday, September 9th",
        "Priya Natarajan  10:42 AM",
        "Tomasz  11:02 AM",
    ],
    ("mastodon", "client"): [
        "Tomasz Wiśniewski @tomasz@pol.social · 5m",
        "Mina Ahmadi",
        "Leo Varga",
    ],
    ("mastodon", "home"): ["3d", "2h", "45m", "Sep 3"],
    ("facebook", "feed"): [
        "Lena Hoffmann",
        "Tomás Reyes",
        "Lena Hoffmann",
        "Riverside Allotment Association · Follow",
        "Marco Bellini",
        "Priya Nair",
        "Marco Bellini",
    ],
    ("facebook", "group"): ["Amir Haddad", "Beth Carroway", "Amir Haddad"],
    ("telegram-preview", "channel"): [
        "September 6, 2023",
        "Night Shift Radio",
        "Night Shift Radio",
        "Night Shift Radio",
        "Night Shift Radio",
    ],
}


@pytest.mark.parametrize(
    ("dialect", "name"), sorted(OWN_HITS), ids=[f"{d}/{n}" for d, n in sorted(OWN_HITS)]
)
def test_a_signature_holds_on_its_own_headers(dialect: str, name: str) -> None:
    contents = _contents(FIXTURES / dialect / f"{name}.txt")
    assert _hits(dialect, contents) == OWN_HITS[dialect, name]


NEW_SIGNATURES = ("reddit", "slack", "mastodon", "facebook", "telegram-preview")


@pytest.mark.parametrize("dialect", NEW_SIGNATURES)
def test_a_signature_never_holds_in_another_dialects_fixtures(dialect: str) -> None:
    found = {
        f"{p.parent.name}/{p.name}": hits
        for p in _plain_fixtures()
        if p.parent.name != dialect and (hits := _hits(dialect, _contents(p)))
    }
    assert found == {}


def test_every_fixture_dialect_but_generic_has_a_signature() -> None:
    names = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    missing = [n for n in names if get_dialect(n).signature is None]
    assert missing == ["generic"]


def test_the_telegram_html_signature_holds_on_its_headers_only() -> None:
    # its fixtures live beside the copy-paste ones, in telegram-desktop/
    folder = FIXTURES / "telegram-desktop"
    assert _hits("telegram-desktop-html", _contents(folder / "html_page_order.txt")) == [
        "KL",
        "AI",
        "AI",
    ]
    # a further message's time under a text line ('ок, буду' over
    # '02.09.2024 16:20:01') is one too: the text line is taken for a name
    assert _hits("telegram-desktop-html", _contents(folder / "html_name_first.txt")) == [
        "Марина Соколова",
        "Pavel K",
        "ок, буду",
        "Марина Соколова",
    ]
    found = {
        f"{p.parent.name}/{p.name}": hits
        for p in _plain_fixtures()
        if not p.name.startswith("html") and (hits := _hits("telegram-desktop-html", _contents(p)))
    }
    assert found == {}


def _bounded() -> list[str]:
    return sorted(n for n, d in registered().items() if d.signature_max_len is not None)


def _windows_hit(dialect: str) -> list[list[str]]:
    """Every window of every plain fixture (of any dialect) where the
    dialect's signature holds."""
    sig = get_dialect(dialect).signature
    assert sig is not None
    found = []
    for p in _plain_fixtures():
        contents = _contents(p)
        found += [contents[i : i + 7] for i in range(len(contents)) if sig(contents[i : i + 7])]
    return found


@pytest.mark.parametrize("dialect", _bounded())
def test_a_signature_bound_hides_no_hit_in_the_fixtures(dialect: str) -> None:
    # the engine calls no signature on a first content longer than its bound
    bound = get_dialect(dialect).signature_max_len
    assert bound is not None
    hits = _windows_hit(dialect)
    assert hits, "no fixture window to check the bound on"
    assert [w[0] for w in hits if len(w[0]) > bound] == []


@settings(max_examples=30, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("dialect", _bounded())
def test_a_signature_does_not_hold_past_its_bound(dialect: str, data: st.DataObject) -> None:
    # the bound is no tighter than the signature's own tests: a header line
    # made longer than the bound (text added after it) is no header
    d = get_dialect(dialect)
    assert d.signature is not None and d.signature_max_len is not None
    window = list(data.draw(st.sampled_from(_windows_hit(dialect))))
    extra = d.signature_max_len + 1 - len(window[0])
    tail = data.draw(st.text(alphabet="ab .,:-@·0123456789", min_size=extra, max_size=extra + 40))
    window[0] = window[0] + " " + tail.strip() + "x" * extra
    assert not d.signature(window)
