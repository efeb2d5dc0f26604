"""Emoji repair: mojibake, escapes, entities, and emoji lost to ``?``.

Interface (stable; the implementation behind it grows):

- ``repair_emoji(text)`` -> ``EmojiResult`` with ``.text`` and ``.repairs``
  (each an ``EmojiRepair`` with offsets into ``text``).

This stub repairs nothing; it is replaced by the repair engine.
"""

from __future__ import annotations

from ..model import EmojiRepair, EmojiResult

__all__ = ["EmojiRepair", "EmojiResult", "repair_emoji"]


def repair_emoji(text: str) -> EmojiResult:
    return EmojiResult(text, ())
