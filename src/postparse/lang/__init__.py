"""Language identification for short social-media posts.

Interface (stable; the implementation behind it grows):

- ``detect_language(text)`` -> BCP 47 tag (``"en"``, ``"zh-Hans"``, ...) or ``None``.

This stub only separates a few scripts; it is replaced by the real model.
"""

from __future__ import annotations

__all__ = ["detect_language"]


def detect_language(text: str) -> str | None:
    return None
