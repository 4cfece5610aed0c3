"""CSV for spreadsheets: BOM, RFC 4180 quoting, lists joined, formula cells neutralised."""

from __future__ import annotations

import csv
import datetime as dt
import io

import polars as pl

from warehouse.csv_export import frame_to_csv_bytes, neutralize_cell


def _parse(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_formula_cells_get_a_leading_quote_and_nothing_else_changes():
    hostile = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", "plain", "a=b", ""]
    frame = pl.DataFrame({"title": hostile})
    rows = _parse(frame_to_csv_bytes(frame))
    assert rows[0] == ["title"]
    assert [r[0] for r in rows[1:]] == [
        "'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tTAB", "'\rCR", "plain", "a=b", "",
    ]  # fmt: skip
    assert neutralize_cell("=x") == "'=x" and neutralize_cell("x=") == "x="


def test_quoting_follows_rfc_4180_and_lists_are_joined():
    frame = pl.DataFrame(
        {
            "company": ['Acme, "Inc"', None],
            "locations": [["San Jose, CA", "=cmd"], []],
            "start_dates": [[dt.date(2025, 5, 12), dt.date(2025, 6, 9)], []],
            "pay_min": [-5.0, None],
        }
    )
    data = frame_to_csv_bytes(frame)
    assert b"\r\n" in data
    assert b'"Acme, ""Inc"""' in data
    rows = _parse(data)
    assert rows[1] == ['Acme, "Inc"', "San Jose, CA; =cmd", "2025-05-12; 2025-06-09", "-5.0"]
    assert rows[2][0] == "" and rows[2][1] == ""


def test_a_list_whose_first_item_is_a_formula_is_neutralised():
    rows = _parse(frame_to_csv_bytes(pl.DataFrame({"skills": [["=HYPERLINK(1)", "SQL"]]})))
    assert rows[1] == ["'=HYPERLINK(1); SQL"]


def test_multiline_text_stays_one_cell():
    rows = _parse(frame_to_csv_bytes(pl.DataFrame({"text": ["line one\nline two"], "n": [1]})))
    assert rows[1] == ["line one\nline two", "1"]
