"""Language identification for short social-media posts.

- ``detect_language(text)`` -> BCP 47 tag (``"en"``, ``"zh-Hans"``, ...) or ``None``.
- ``detect_language_details(text)`` -> :class:`LanguageResult` with the tag, a
  confidence in [0, 1], the runner-up and the deciding script.
- ``supported_languages()`` -> the tags the built-in identifier can return.

Both functions take ``backend="builtin"`` (default, no extra dependency) or the name
of an optional backend (``"cld2"``, ``"lingua"``, ``"langdetect"``, ``"py3langid"``);
see :func:`available_backends`. Every backend answers with the same tags.
"""

from __future__ import annotations

import attrs

from . import _backends, _builtin

__all__ = [
    "LanguageResult",
    "available_backends",
    "chinese_script",
    "detect_language",
    "detect_language_details",
    "supported_languages",
]


@attrs.frozen
class LanguageResult:
    """The outcome of language identification.

    ``tag`` is a BCP 47 tag or ``None`` (undetermined: empty, too short, too mixed,
    an unsupported script, or not confident enough). ``confidence`` is in [0, 1].
    ``runner_up`` is the second-best tag where the method has one (for a ``None``
    answer of low confidence: the best guess that was rejected). ``script`` is the
    Unicode script that decided (``"Latin"``, ``"Han"`` ...), ``method`` how the answer
    was reached (``"script"``, ``"zh-chars"``, ``"marker"``, ``"model"``, or the reason
    for ``None``; the backend's name for optional backends).
    """

    tag: str | None
    confidence: float
    runner_up: str | None = None
    script: str | None = None
    method: str = "model"


# Below this confidence the built-in model answers None.
_MIN_CONFIDENCE = 0.3


def detect_language_details(text: str, *, backend: str = "builtin") -> LanguageResult:
    """Identify the language of ``text`` with a confidence (see :class:`LanguageResult`)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if backend == "builtin":
        s = _builtin.analyse(text)
        tag = s.tag
        if tag is not None and s.confidence < _MIN_CONFIDENCE:
            # Not confident enough: None, with the best guess as runner-up.
            return LanguageResult(None, round(s.confidence, 4), tag, s.script, "low-confidence")
        return LanguageResult(tag, round(s.confidence, 4), s.runner_up, s.script, s.method)
    run = _backends.get(backend)
    # Backends see the text without URLs, mentions and hashtags, like the builtin.
    cleaned = _builtin.strip_noise(text)
    if not _builtin.has_letter(cleaned):
        return LanguageResult(None, 0.0, None, None, backend)
    tag, conf = run(cleaned)
    return LanguageResult(tag, conf if tag else 0.0, None, None, backend)


def detect_language(text: str, *, backend: str = "builtin") -> str | None:
    """Return the BCP 47 tag of ``text``'s language, or ``None`` when undetermined."""
    if backend == "builtin" and isinstance(text, str):
        s = _builtin.analyse(text)  # fast path: no result object
        return s.tag if s.confidence >= _MIN_CONFIDENCE else None
    return detect_language_details(text, backend=backend).tag


def supported_languages() -> frozenset[str]:
    """Tags the built-in identifier can return (``"zh"`` when the script is undecidable)."""
    return _builtin.supported_tags()


def available_backends() -> list[str]:
    """Backends usable in this environment (``"builtin"`` always is)."""
    return _backends.available()


def chinese_script(text: str) -> str | None:
    """``"Hans"`` or ``"Hant"`` when ``text`` holds more characters that
    exist only in Simplified Chinese, or only in Traditional Chinese (the
    OpenCC tables the identifier uses); None when neither kind prevails."""
    hans, hant = _builtin._zh_sets()[:2]
    # the text's distinct characters once; each table is then looked up
    # only for those (a set against a set walks the smaller one)
    chars = set(text)
    n_hans = len(hans & chars)
    n_hant = len(hant & chars)
    if n_hans == n_hant:
        return None
    return "Hans" if n_hans > n_hant else "Hant"
