"""Language of a post: the identifier run on the head of its text."""

from __future__ import annotations

from ..lang import detect_language

#: Characters of a post's text the identifier reads. A post's language is
#: settled long before this; reading every character of a long post would
#: make parse time grow with post length for no gain.
SAMPLE = 480


def post_language(text: str) -> str | None:
    if len(text) > SAMPLE:
        cut = text.rfind(" ", SAMPLE // 2, SAMPLE)
        text = text[: cut if cut > 0 else SAMPLE]
    return detect_language(text)
