"""`jobdash parse --json` over a folder of mixed formats: one line per posting, errors inline."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from etl.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"

# File -> what each of its lines must be: a locator for a posting, or ("error", locator).
EXPECTED = {
    "a_page.html": [None],
    "b_broken.json": [("error", None)],
    "c_greenhouse.json": ["jobs[0]", "jobs[1]"],
    "d_jobspy.csv": ["row 2", "row 3", ("error", "row 4"), "row 5"],
    "e_dump.jsonl": ["line 1", "line 2", ("error", "line 3"), ("error", "line 4"), "line 5"],
    "f_posting.md": [None],
    "g_picture.txt": [("error", None)],
}


def build_folder(root: Path) -> Path:
    folder = root / "postings"
    folder.mkdir()
    shutil.copy(FIXTURES / "job_page.html", folder / "a_page.html")
    (folder / "b_broken.json").write_text('{"jobs": [{"title": "Cut off mid-wri')
    shutil.copy(FIXTURES / "greenhouse_board.json", folder / "c_greenhouse.json")
    shutil.copy(FIXTURES / "jobspy_jobs.csv", folder / "d_jobspy.csv")
    shutil.copy(FIXTURES / "board_dump.jsonl", folder / "e_dump.jsonl")
    shutil.copy(FIXTURES / "posting.md", folder / "f_posting.md")
    (folder / "g_picture.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # not a posting suffix: not read at all
    return folder


def expected_lines(folder: Path) -> list[tuple[str, str | None, bool]]:
    return [
        (str(folder / name), item[1] if isinstance(item, tuple) else item, isinstance(item, tuple))
        for name, items in EXPECTED.items()
        for item in items
    ]


def test_parse_json_over_a_mixed_folder(tmp_path):
    folder = build_folder(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "etl.cli", "parse", str(folder), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    got = [(r["source"], r.get("locator"), "error" in r) for r in records]
    assert got == expected_lines(folder)
    errors = {
        r["source"].rsplit("/", 1)[-1]: r["error"]
        for r in records
        if "error" in r and not r.get("locator")
    }
    assert errors["g_picture.txt"] == "binary file (JPEG image)"
    assert errors["b_broken.json"].startswith("not valid JSON (unterminated string")
    for record in records:
        if "error" not in record:
            assert {"title", "company", "pay_min", "languages", "posted_date"} <= record.keys()


def test_ingest_columns_option_is_validated():
    result = CliRunner().invoke(main, ["ingest", "x.csv", "--columns", "salary_range=Pay"])
    assert result.exit_code == 2
    assert "unknown field 'salary_range'" in result.output
