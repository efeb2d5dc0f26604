"""Dump formats ("dialects") and their registry.

Each dialect lives in its own module and registers itself here. Users add
their own with :func:`register` (see ``docs/dialects.md``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .base import Context, Dialect, Match, NamedRule, State, rule

__all__ = [
    "Context",
    "Dialect",
    "Match",
    "NamedRule",
    "State",
    "detect_dialect",
    "get_dialect",
    "register",
    "registered",
    "rule",
]

_REGISTRY: dict[str, Dialect] = {}

#: A dialect must score at least this much to beat ``generic``.
MIN_SCORE = 0.2


def register(dialect: Dialect, *, replace: bool = False) -> Dialect:
    """Add ``dialect`` to the registry (auto-detection and ``dialect=NAME``)."""
    if dialect.name in _REGISTRY and not replace:
        raise ValueError(f"a dialect named {dialect.name!r} is registered already")
    _REGISTRY[dialect.name] = dialect
    return dialect


def registered() -> dict[str, Dialect]:
    """The registered dialects by name, in registration order."""
    _load_builtin()
    return dict(_REGISTRY)


def get_dialect(name: str) -> Dialect:
    _load_builtin()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ValueError(f"unknown dialect {name!r} (known: {known})") from None


def detect_dialect(sample: Sequence[str]) -> Dialect:
    """The dialect that best explains ``sample`` (non-blank lines), or generic."""
    _load_builtin()
    best = _REGISTRY["generic"]
    best_score = MIN_SCORE
    for dialect in _REGISTRY.values():
        if dialect.name == "generic":
            continue
        score = dialect.detect(sample)
        if score > best_score:
            best, best_score = dialect, score
    return best


_loaded = False


def _load_builtin() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    # Every public module of this package is a dialect that registers itself;
    # generic first, then the others in name order (ties in detection go to
    # the earlier one).
    import importlib
    import pkgutil

    importlib.import_module(f"{__name__}.generic")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_") and info.name not in ("base", "generic"):
            importlib.import_module(f"{__name__}.{info.name}")
