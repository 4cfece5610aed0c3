"""Merge the fields a source states outright (ATS JSON, dataset columns, JSON-LD) into a parsed posting.

A structured value fills a field the text left empty. When both exist and disagree, the
disagreement is recorded in `posting.disagreements` (both values kept as text) and one side
wins, per field:

| field            | winner     | why                                                              |
|------------------|------------|------------------------------------------------------------------|
| title            | structured | the board's title field is the title; text may open with a heading |
| company          | structured | hiring organisation as the board/dataset names it                |
| locations        | structured | the job's location field; bodies also name offices and HQs      |
| employment_type  | structured | except parsed "internship": an intern role can be "Full-time"  |
| pay (4 fields)   | structured | the board's pay field is explicit about amount, currency, period |
| posted_date      | structured | an exact date beats one resolved from "2 days ago"              |
| team, and the rest | parsed   | a board's department ("Engineering") is coarser than the team the text names |

Placeholders ("None", "N/A", "") never fill or win. Values that do not fit the Posting field
(a non-date for posted_date, an unknown employment type) are ignored, not forced in.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from etl.model import Disagreement, Posting
from etl.sources.normalize import is_placeholder

PAY_FIELDS = ("pay_min", "pay_max", "pay_currency", "pay_period")
STRUCTURED_WINS = frozenset({"title", "company", "locations", "employment_type", "posted_date"})
# Amounts within this fraction of each other are the same figure (rounding, cents).
_PAY_TOLERANCE = 0.01
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# The parser's own record of where things came from; a source's fields never overwrite it.
_NOT_KNOWN_FIELDS = frozenset(
    {
        "source",
        "locator",
        "parser_version",
        "text",
        "evidence",
        "mentions",
        "pay_ranges",
        "sections",
        "disagreements",
        "warnings",
    }
)


def apply_known_fields(posting: Posting, known: dict[str, Any]) -> Posting:
    """Fill or cross-check the parsed posting with the source's structured fields (in place)."""
    values = _valid_known(known)
    for field, value in values.items():
        if field not in PAY_FIELDS:
            _merge_field(posting, field, value)
    if any(field in values for field in PAY_FIELDS):
        _merge_pay(posting, {field: values.get(field) for field in PAY_FIELDS})
    return posting


def _valid_known(known: dict[str, Any]) -> dict[str, Any]:
    valid: dict[str, Any] = {}
    for field, value in (known or {}).items():
        if field not in Posting.model_fields or field in _NOT_KNOWN_FIELDS:
            continue
        if value is None or value == [] or (isinstance(value, str) and is_placeholder(value)):
            continue
        if isinstance(value, str) and field == "locations":
            value = [value]
        if isinstance(value, list):
            value = [item for item in value if not (isinstance(item, str) and is_placeholder(item))]
            if not value:
                continue
        try:
            valid[field] = _adapter(field).validate_python(value)
        except ValidationError:
            continue
    return valid


@cache
def _adapter(field: str) -> TypeAdapter:
    return TypeAdapter(Posting.model_fields[field].annotation)


def _merge_field(posting: Posting, field: str, structured: Any) -> None:
    parsed = getattr(posting, field)
    if parsed in (None, [], "") or (isinstance(parsed, str) and is_placeholder(parsed)):
        setattr(posting, field, structured)
        return
    if _agree(parsed, structured):
        return
    posting.disagreements.append(
        Disagreement(field=field, structured=_as_text(structured), parsed=_as_text(parsed))
    )
    if _structured_wins(field, parsed, structured):
        setattr(posting, field, structured)


def _structured_wins(field: str, parsed: Any, structured: Any) -> bool:
    if field == "employment_type" and parsed == "internship":
        return False
    return field in STRUCTURED_WINS


def _merge_pay(posting: Posting, structured: dict[str, Any]) -> None:
    if structured["pay_min"] is None and structured["pay_max"] is None:
        return
    low = structured["pay_min"] if structured["pay_min"] is not None else structured["pay_max"]
    high = structured["pay_max"] if structured["pay_max"] is not None else structured["pay_min"]
    structured = {**structured, "pay_min": low, "pay_max": high}
    if posting.pay_min is None and posting.pay_max is None:
        for field in PAY_FIELDS:
            setattr(posting, field, structured[field])
        return
    parsed = {field: getattr(posting, field) for field in PAY_FIELDS}
    parsed["pay_min"] = parsed["pay_min"] if parsed["pay_min"] is not None else parsed["pay_max"]
    parsed["pay_max"] = parsed["pay_max"] if parsed["pay_max"] is not None else parsed["pay_min"]
    if pay_agrees(parsed, structured):
        # Same figures: keep them, and let either side supply a missing currency or period.
        for field in ("pay_currency", "pay_period"):
            if structured[field] is not None:
                setattr(posting, field, structured[field])
        return
    posting.disagreements.append(
        Disagreement(field="pay", structured=describe_pay(structured), parsed=describe_pay(parsed))
    )
    for field in PAY_FIELDS:
        setattr(posting, field, structured[field])


def pay_agrees(parsed: dict[str, Any], structured: dict[str, Any]) -> bool:
    """Same amounts (within 1%), and no conflicting currency or period where both state one."""
    for field in ("pay_min", "pay_max"):
        a, b = parsed.get(field), structured.get(field)
        if a is None or b is None or abs(a - b) > _PAY_TOLERANCE * max(abs(a), abs(b)):
            return False
    for field in ("pay_currency", "pay_period"):
        a, b = parsed.get(field), structured.get(field)
        if a is not None and b is not None and a != b:
            return False
    return True


def describe_pay(pay: dict[str, Any]) -> str:
    """ "38-46 USD/hour" for a disagreement record."""
    low, high = pay.get("pay_min"), pay.get("pay_max")
    amount = f"{low:g}" if low == high else f"{low:g}-{high:g}"
    currency = f" {pay['pay_currency']}" if pay.get("pay_currency") else ""
    period = f"/{pay['pay_period']}" if pay.get("pay_period") else ""
    return f"{amount}{currency}{period}"


def _agree(parsed: Any, structured: Any) -> bool:
    if isinstance(parsed, list) and isinstance(structured, list):
        return _lists_agree(parsed, structured)
    if isinstance(parsed, str) and isinstance(structured, str):
        return _texts_agree(parsed, structured)
    return parsed == structured


def _texts_agree(a: str, b: str) -> bool:
    # "Quillmark" and "Quillmark, Inc."; "Intern – Data" and "Intern - Data": the same name.
    ka, kb = _comparable(a), _comparable(b)
    if not ka or not kb:
        return ka == kb
    return ka == kb or (min(len(ka), len(kb)) >= 4 and (ka in kb or kb in ka))


def _lists_agree(parsed: list[Any], structured: list[Any]) -> bool:
    def covered(items: list[Any], by: list[Any]) -> bool:
        return all(any(_agree(item, other) for other in by) for item in items)

    return covered(parsed, structured) and covered(structured, parsed)


def _comparable(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).casefold()
    return _NOT_ALNUM.sub("", folded)


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)
