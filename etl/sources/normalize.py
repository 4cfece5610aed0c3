"""Structured values as sources spell them -> Posting conventions (see CONVENTIONS.md).

Each function takes whatever a board or dataset put in a field (str, number, None) and
returns the normalised value or None when the value is absent, a placeholder or unreadable.
The spellings live in `vocab.toml`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from dateutil import parser as date_parser


@cache
def vocab() -> dict[str, Any]:
    """The sources vocabulary (`vocab.toml`), read once."""
    return tomllib.loads(resources.files(__package__).joinpath("vocab.toml").read_text("utf-8"))


_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# Plausible posting dates; anything outside is a unit mix-up or a placeholder (epoch 0).
_EARLIEST = dt.date(1990, 1, 1)
_LATEST = dt.date(2100, 1, 1)


def clean_str(value: Any) -> str | None:
    """A trimmed single-line string, or None for absent values and placeholders ("None", "N/A")."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = _SPACES.sub(" ", str(value)).strip()
    if text.casefold() in _placeholders():
        return None
    return text


def is_placeholder(value: Any) -> bool:
    """True when a value only says "not stated" ("None", "N/A", "", NaN)."""
    return clean_str(value) is None


def to_number(value: Any) -> float | None:
    """A positive amount from 120000, "120000.0", "$120,000" or "120k"; None otherwise."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().lower().replace(",", "")
        match = _NUMBER.search(text)
        if match is None:
            return None
        number = float(match.group())
        if text[match.end() : match.end() + 1] == "k":
            number *= 1000
    if math.isnan(number) or math.isinf(number) or number <= 0:
        return None
    return number


def to_identifier(value: Any) -> str | None:
    """A source id as text; "921716.0" (a float-typed CSV column) becomes "921716"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = clean_str(value)
    if text is None:
        return None
    if re.fullmatch(r"\d+\.0+", text):
        return text.split(".", 1)[0]
    return text


def to_date(value: Any) -> dt.date | None:
    """A date from ISO text, a common date spelling, or epoch seconds/milliseconds."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, int | float) or re.fullmatch(r"\s*\d{9,14}(?:\.\d+)?\s*", str(value)):
        return _from_epoch(float(value))
    text = clean_str(value)
    if text is None:
        return None
    try:
        return _plausible(date_parser.isoparse(text).date())
    except (ValueError, OverflowError):
        pass
    try:
        return _plausible(date_parser.parse(text).date())
    except (ValueError, OverflowError, date_parser.ParserError):
        return None


def _from_epoch(number: float) -> dt.date | None:
    # Epoch milliseconds (LinkedIn, Lever) are 13 digits today; seconds are 10.
    seconds = number / 1000 if number > 1e11 else number
    try:
        return _plausible(dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date())
    except (OverflowError, OSError, ValueError):
        return None


def _plausible(day: dt.date) -> dt.date | None:
    return day if _EARLIEST <= day < _LATEST else None


def to_employment_type(value: Any) -> str | None:
    """internship | full_time | part_time | contract from a board's wording, else None."""
    text = clean_str(value)
    if text is None:
        return None
    text = text.casefold()
    rules = vocab()["employment_type"]
    if _first_word_at(text, rules["internship"]) is not None:
        return "internship"
    found = [
        (position, kind)
        for kind, words in rules.items()
        if kind != "internship" and (position := _first_word_at(text, words)) is not None
    ]
    return min(found)[1] if found else None


def _first_word_at(text: str, words: list[str]) -> int | None:
    positions = [
        match.start()
        for word in words
        if (match := re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text))
    ]
    return min(positions) if positions else None


def to_pay_period(value: Any) -> str | None:
    """hour | day | week | month | year from a board's interval name, else None."""
    text = clean_str(value)
    if text is None:
        return None
    text = text.casefold().replace("_", " ")
    for period, spellings in vocab()["pay_period"].items():
        if text in spellings or text.replace(" ", "_") in spellings:
            return period
    return None


def to_currency(value: Any) -> str | None:
    """An ISO 4217 code from "usd", "USD" or a symbol ("$", "€")."""
    text = clean_str(value)
    if text is None:
        return None
    symbols = vocab()["currency_symbols"]
    if text in symbols:
        return symbols[text]
    if re.fullmatch(r"[A-Za-z]{3}", text):
        return text.upper()
    return None


def period_by_magnitude(amount: float) -> str | None:
    """CONVENTIONS: an unlabeled figure <= 200 is hourly, >= 20,000 yearly, else unknown."""
    if amount <= 200:
        return "hour"
    if amount >= 20_000:
        return "year"
    return None


def pay_fields(
    low: Any, high: Any, currency: Any, period: Any, *, single: Any = None
) -> dict[str, Any]:
    """Known pay fields from a structured range; {} when there is no usable amount.

    A stated period the Posting cannot express (biweekly) drops the pay rather than guessing;
    no period at all falls back to the magnitude rule of CONVENTIONS.md.
    """
    low_n, high_n = to_number(low), to_number(high)
    if low_n is None and high_n is None:
        low_n = high_n = to_number(single)
    if low_n is None and high_n is None:
        return {}
    low_n = low_n if low_n is not None else high_n
    high_n = high_n if high_n is not None else low_n
    low_n, high_n = min(low_n, high_n), max(low_n, high_n)
    stated_period = clean_str(period)
    pay_period = to_pay_period(stated_period)
    if stated_period is not None and pay_period is None:
        return {}
    if pay_period is None:
        pay_period = period_by_magnitude(high_n)
    return {
        "pay_min": low_n,
        "pay_max": high_n,
        "pay_currency": to_currency(currency),
        "pay_period": pay_period,
    }


def to_locations(values: Any) -> list[str]:
    """Places as written, without placeholders, bare "Remote" and repeats."""
    if values is None:
        return []
    items = values if isinstance(values, list | tuple) else [values]
    places: list[str] = []
    for item in items:
        text = clean_str(item)
        if text is None or text.casefold() in vocab()["records"]["not_places"]:
            continue
        if text not in places:
            places.append(text)
    return places


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(vocab()["records"]["placeholders"])


def drop_empty(known: dict[str, Any]) -> dict[str, Any]:
    """The known fields that carry a value."""
    return {key: value for key, value in known.items() if value not in (None, "", [])}
