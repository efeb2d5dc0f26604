"""The command line: formats, errors as one line with status 2, stdin."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from postparse.cli import main

EXAMPLE = EXAMPLES / "telegram_web_example.txt"
NOW = "2024-09-10T12:00:00+00:00"


def test_jsonl_is_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "--format", "jsonl", "--now", NOW]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    text = EXAMPLE.read_bytes().decode("utf-8")
    assert "".join(r["raw"] for r in rows) == text
    assert [r["index"] for r in rows] == list(range(len(rows)))
    assert rows[0]["kind"] == "meta" and rows[-1]["repeat_of"] == 0


def test_posts_only_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "--posts-only", "--format", "table", "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert "港口观察员" in out and " meta " not in out


def test_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "-f", "json", "--now", NOW]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["kind"] == "meta"
    assert main([str(EXAMPLE), "-f", "csv", "--now", NOW]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(data)


def test_missing_file_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/dump.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_now_and_unknown_dialect(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "--now", "yesterday-ish"]) == 2
    assert main([str(EXAMPLE), "--dialect", "no-such-format"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_python_dash_m_reads_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "postparse", "-", "--format", "jsonl", "--now", NOW],
        input=b"first note\n\nsecond note\n",
        capture_output=True,
        check=True,
    )
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["first note", "second note"]


def test_explain_names_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "--explain", "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert "telegram-web/byline" in out and "telegram-web/card" in out
