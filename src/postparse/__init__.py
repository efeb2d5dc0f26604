"""postparse: turn messy social-media text dumps into typed, lossless posts."""

from __future__ import annotations

from .dates import parse_date, search_date
from .emoji import repair_emoji
from .lang import LanguageResult, detect_language, detect_language_details
from .model import Document, EmojiRepair, EmojiResult, ParsedDate, Post
from .pipeline import iter_parse, parse

__version__ = "0.1.0"

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
