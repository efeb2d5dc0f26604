"""Write NAME.expected.json next to chat fixtures from the current parser.

Review every generated file by eye before committing it: the expected files
are hand-checked labels, this script only saves typing.

    PYTHONPATH=src:tests/dialects python tools/chat_fixture_expected.py tests/fixtures/discord/*.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chat_fixture_helpers import key_fields, read, summarise


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        segs = key_fields(summarise(read(path)))
        out = path.with_name(path.name.replace(".txt", ".expected.json"))
        body = ",\n".join(" " + json.dumps(s, ensure_ascii=False) for s in segs)
        out.write_text("[\n" + body + "\n]\n", encoding="utf-8")
        print(out)


if __name__ == "__main__":
    main(sys.argv[1:])
