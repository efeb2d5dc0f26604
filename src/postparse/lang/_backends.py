"""Optional language-identification backends behind the same API.

Each backend is a function ``text -> (tag or None, confidence)``. They import their
third-party package lazily; a missing package raises ``ImportError`` with the extra
to install. Chinese answers are mapped to ``zh-Hans``/``zh-Hant`` with the built-in
character evidence when the backend itself does not tell the script apart.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from . import _builtin

__all__ = ["available", "get"]

Backend = Callable[[str], "tuple[str | None, float]"]

# Codes some tools use for what BCP 47 spells differently.
_RENAME = {
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "jw": "jv",
    "no": "nb",
    "fil": "tl",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hans": "zh-Hans",
    "zh-hant": "zh-Hant",
}


def _tag(code: str | None, text: str) -> str | None:
    if not code or code in ("un", "und", "xx", "unknown"):
        return None
    c = code.replace("_", "-")
    c = _RENAME.get(c.lower(), c)
    if c == "zh" or c.startswith("zh-"):
        # Re-decide the script from character evidence; keep the backend's
        # own answer when the text has none.
        s = _builtin.analyse(text)
        if s.tag in ("zh-Hans", "zh-Hant"):
            return s.tag
    return c


def _import(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"the {extra!r} language backend needs: pip install 'postparse[{extra}]'"
        ) from exc


def _cld2() -> Backend:
    cld2 = _import("pycld2", "cld2")

    def run(text: str) -> tuple[str | None, float]:
        try:
            reliable, _nbytes, details = cld2.detect(text)
        except Exception:  # pycld2 rejects some byte sequences (lone surrogates ...)
            return None, 0.0
        if not details:
            return None, 0.0
        _name, code, percent, _score = details[0]
        tag = _tag(code, text)
        return tag, (percent / 100.0 if reliable else percent / 200.0) if tag else 0.0

    return run


def _lingua() -> Backend:
    lingua = _import("lingua", "lingua")
    detector = lingua.LanguageDetectorBuilder.from_all_languages().build()

    def run(text: str) -> tuple[str | None, float]:
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value <= 0.0:
            return None, 0.0
        top = values[0]
        return _tag(top.language.iso_code_639_1.name.lower(), text), float(top.value)

    return run


def _langdetect() -> Backend:
    langdetect = _import("langdetect", "langdetect")
    factory = _import("langdetect.detector_factory", "langdetect")
    factory.DetectorFactory.seed = 0

    def run(text: str) -> tuple[str | None, float]:
        try:
            langs = langdetect.detect_langs(text)
        except langdetect.LangDetectException:
            return None, 0.0
        if not langs:
            return None, 0.0
        return _tag(langs[0].lang, text), float(langs[0].prob)

    return run


def _py3langid() -> Backend:
    py3langid = _import("py3langid", "py3langid")
    ident = py3langid.langid.LanguageIdentifier.from_pickled_model(
        py3langid.langid.MODEL_FILE, norm_probs=True
    )

    def run(text: str) -> tuple[str | None, float]:
        code, prob = ident.classify(text)
        return _tag(code, text), float(prob)

    return run


_FACTORIES: dict[str, Callable[[], Backend]] = {
    "cld2": _cld2,
    "lingua": _lingua,
    "langdetect": _langdetect,
    "py3langid": _py3langid,
}
_MODULES = {"cld2": "pycld2", "lingua": "lingua", "langdetect": "langdetect", "py3langid": "py3langid"}
_CACHE: dict[str, Backend] = {}


def get(name: str) -> Backend:
    """The backend called ``name`` (built once, then cached)."""
    fn = _CACHE.get(name)
    if fn is None:
        factory = _FACTORIES.get(name)
        if factory is None:
            known = ", ".join(["builtin", *sorted(_FACTORIES)])
            raise ValueError(f"unknown language backend {name!r} (known: {known})")
        fn = _CACHE[name] = factory()
    return fn


def available() -> list[str]:
    """``builtin`` plus the optional backends whose package is installed."""
    out = ["builtin"]
    for name, module in sorted(_MODULES.items()):
        if importlib.util.find_spec(module) is not None:
            out.append(name)
    return out
