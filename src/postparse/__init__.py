"""postparse: turn messy social-media text dumps into typed, lossless posts.

The public names below are imported on first use, so ``import postparse``
(or ``import postparse.dates``) loads only what the caller touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "Document": ".model",
    "EmojiRepair": ".model",
    "EmojiResult": ".model",
    "ParsedDate": ".model",
    "Post": ".model",
    "LanguageResult": ".lang",
    "detect_language": ".lang",
    "detect_language_details": ".lang",
    "parse_date": ".dates",
    "search_date": ".dates",
    "repair_emoji": ".emoji",
    "iter_parse": ".pipeline",
    "parse": ".pipeline",
}

__all__ = [
    "Document",
    "EmojiRepair",
    "EmojiResult",
    "LanguageResult",
    "ParsedDate",
    "Post",
    "__version__",
    "detect_language",
    "detect_language_details",
    "iter_parse",
    "parse",
    "parse_date",
    "repair_emoji",
    "search_date",
]

if TYPE_CHECKING:
    from .dates import parse_date, search_date
    from .emoji import repair_emoji
    from .lang import LanguageResult, detect_language, detect_language_details
    from .model import Document, EmojiRepair, EmojiResult, ParsedDate, Post
    from .pipeline import iter_parse, parse


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'postparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
