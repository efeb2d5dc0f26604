"""Every emoji sequence of the table survives each kind of mojibake:
restored exactly, or (lossy and ambiguous) marked lost — never a wrong emoji."""

from __future__ import annotations

from postparse.emoji import repair_emoji
from postparse.emoji._tables import tables


def _sequences() -> list[str]:
    t = tables()
    return sorted(s for s in t.sequences if any(c in t.base_chars for c in s))


def test_table_is_complete() -> None:
    seqs = _sequences()
    assert len(seqs) > 4000
    assert "👨\u200d👩\u200d👧" in seqs and "❤\ufe0f" in seqs


def test_latin1_mojibake_restores_every_sequence() -> None:
    for s in _sequences():
        damaged = "ok " + s.encode("utf-8").decode("latin-1") + " done"
        assert repair_emoji(damaged).text == "ok " + s + " done", s


def test_lossy_cp1252_restores_or_marks_lost() -> None:
    restored = lost = untouched = 0
    for s in _sequences():
        for errors in ("ignore", "replace"):
            mojibake = s.encode("utf-8").decode("cp1252", errors=errors)
            damaged = "ok " + mojibake + " done"
            r = repair_emoji(damaged)
            if r.text == "ok " + s + " done":
                restored += 1
            elif r.lost:
                lost += 1
            else:
                # no surviving continuation byte at all (⏏ is E2 8F 8F): left alone
                assert r.text == damaged, s
                untouched += 1
    assert restored > 9000
    assert lost < 1000
    assert untouched <= 4
