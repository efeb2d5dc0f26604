"""The generated tables hold each language's own words."""

from __future__ import annotations

import json
from pathlib import Path

import regex

from postparse.dates import guess_languages, parse_date

DATA = Path(__file__).resolve().parents[2] / "src" / "postparse" / "dates" / "data" / "cldr"
_LATIN = regex.compile(r"[\P{L}\p{Latin}\p{Common}\p{Inherited}]*")


def test_no_english_placeholders_in_tables_of_other_scripts() -> None:
    # CLDR keeps untranslated English for some languages (Coptic '{0} hours
    # ago', Ossetian 'last friday'); the generator leaves them out
    offenders = {}
    for path in sorted(DATA.glob("*.json")):
        table = json.loads(path.read_text(encoding="utf-8"))
        months = list(table["months"])
        if not months or any(_LATIN.fullmatch(m) for m in months if len(m) > 3):
            continue  # a language written in Latin letters, or no months
        words = [*table["relative"], *table["last_weekday"], *table["units"]]
        latin = [w for w in words if len(w) > 3 and _LATIN.fullmatch(w)]
        if latin:
            offenders[path.stem] = latin[:5]
    assert offenders == {}


def test_english_relative_dates_guess_english_alone() -> None:
    # was ('en', 'cop'): Coptic's table copied the English phrases
    assert guess_languages("2 hours ago") == ("en",)
    assert guess_languages("in 3 days") == ("en",)
    r = parse_date("2 hours ago", now="2024-09-10T12:00:00Z")
    assert r is not None and r.language == "en"


def test_a_first_call_loads_only_the_tables_it_needs() -> None:
    # the bare-unit owners were once worked out for all words at the first
    # guess, loading dozens of tables (+70 ms on import + first call)
    import subprocess
    import sys

    code = (
        "from postparse.dates import parse_date; parse_date('2 hours ago');"
        "from postparse.dates._tables import cldr_table;"
        "print(cldr_table.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) <= 2
