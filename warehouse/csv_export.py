"""CSV for people: what every download button and `jobdash export` writes.

- UTF-8 with a byte-order mark, so Excel opens accented text correctly.
- RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote,
  CR or LF, quotes doubled.
- List cells are joined with "; ".
- CSV injection (OWASP "CSV Injection"): a text cell whose first character is `=`, `+`,
  `-`, `@`, a tab or a carriage return would run as a formula in a spreadsheet, so it gets a
  single quote (') prepended; nothing else in the cell changes. Numbers, dates and booleans
  are written as values and are never altered (a negative number stays `-5`).
"""

from __future__ import annotations

import polars as pl

LIST_SEPARATOR = "; "
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_START = r"^[=+\-@\t\r]"


def neutralize_cell(text: str) -> str:
    """Prefix a single quote when a spreadsheet would treat the text as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _neutralized(column: pl.Expr) -> pl.Expr:
    return pl.when(column.str.contains(_FORMULA_START)).then(pl.lit("'") + column).otherwise(column)


def frame_to_csv_bytes(frame: pl.DataFrame) -> bytes:
    """A Polars frame as CSV bytes: UTF-8 with BOM, lists joined, formula cells neutralised."""
    columns = []
    for name, dtype in frame.schema.items():
        column = pl.col(name)
        if isinstance(dtype, pl.List | pl.Array):
            if dtype.inner != pl.String:
                column = column.list.eval(pl.element().cast(pl.String))
            column = _neutralized(column.list.join(LIST_SEPARATOR))
        elif isinstance(dtype, pl.Struct):
            column = _neutralized(column.struct.json_encode())
        elif dtype in (pl.String, pl.Categorical, pl.Enum):
            column = _neutralized(column.cast(pl.String))
        columns.append(column.alias(neutralize_cell(name)))
    prepared = frame.select(columns)
    text = prepared.write_csv(
        separator=",",
        quote_char='"',
        quote_style="necessary",
        line_terminator="\r\n",
        null_value="",
        include_header=True,
    )
    return ("\ufeff" + text).encode("utf-8")
