"""Loading the package's data tables (JSON under ``postparse/data``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """The parsed JSON table ``postparse/data/<name>``, read once."""
    ref = resources.files("postparse").joinpath("data").joinpath(name)
    with ref.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def words(table: str, key: str) -> list[str]:
    """All strings under ``key`` of the table, every language merged, longest first."""
    section = load_json(table)[key]
    out: set[str] = set()
    for lang, items in section.items():
        if lang.startswith("_"):
            continue
        out.update(items)
    return sorted(out, key=lambda s: (-len(s), s))
