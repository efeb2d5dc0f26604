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
    restored = lost = untouched = guessed = 0
    for s in _sequences():
        for errors in ("ignore", "replace"):
            mojibake = s.encode("utf-8").decode("cp1252", errors=errors)
            damaged = "ok " + mojibake + " done"
            r = repair_emoji(damaged)
            if r.text == "ok " + s + " done":
                restored += 1
            elif r.lost:
                lost += 1
            elif r.text != damaged and all(
                rep.fixed.rstrip("\ufe0f") in tables().common for rep in r.repairs
            ):
                # ambiguous, and one candidate is far more used ('ðŸ™' -> 🙏):
                # that one is taken, wrongly for the rarer emoji
                guessed += 1
            else:
                # no surviving continuation byte at all (⏏ is E2 8F 8F): left alone
                assert r.text == damaged, s
                untouched += 1
    assert restored > 9000
    assert lost < 1000
    assert untouched <= 4
    assert guessed < 60


def test_ambiguous_lossy_mojibake_takes_the_one_common_candidate() -> None:
    # 'ðŸ™' is U+1F641, U+1F64D or U+1F64F with its last byte dropped: the
    # folded-hands emoji is far more used than the other two
    r = repair_emoji("Eksik bir şey varsa yazın ðŸ™")
    assert r.text == "Eksik bir şey varsa yazın 🙏" and not r.lost
    # 'ðŸ‘' is 👍 or 👏 (both common, and others): lost
    assert repair_emoji("Great job ðŸ‘").lost == 1
