"""Seven hundred and two postings labelled by hand before the parser saw them (our own text, messy on purpose).

A second person wrote each posting the way pages are saved (menus, cookie banners, print
headers, glued headings, HTML remnants, benefits with dollar amounts, office lists) and
labelled every field by ../shared/eval/CONVENTIONS.md without running the parser. Each
field must come out as labelled; the few where the parser and the labeller still disagree
are listed under "open" in labels.jsonl with the reason, and are not asserted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.pipeline import parse_path

LABELLED = Path(__file__).resolve().parents[2] / "fixtures" / "postings" / "labelled"
LABELS = [json.loads(line) for line in (LABELLED / "labels.jsonl").read_text().splitlines()]
LIST_FIELDS = ("locations", "seasons", "degree_levels", "languages", "start_dates")
TEXT_FIELDS = ("company", "title", "team")
SCALAR_FIELDS = (
    "employment_type", "year", "pay_min", "pay_max", "pay_currency", "pay_period",
    "duration_weeks", "posted_date",
)  # fmt: skip


def _same_name(label: str | None, got: str | None) -> bool:
    """As the shared scorer reads names: one contains the other, case aside ("Bastion Ridge")."""
    if not label or not got:
        return label == got
    a, b = " ".join(label.lower().split()), " ".join(got.lower().split())
    return a in b or b in a


def _place_set(values: list) -> set:
    """As the shared scorer reads list items: case and spacing aside (a page's "SAN FRANCISCO,
    CA" is the labeller's "San Francisco, CA")."""
    return {" ".join(str(v).lower().split()) for v in values}


def _parsed(name: str) -> dict:
    # No --as-of: a relative date counts only against the page's own date, as labelled.
    posting = next(parse_path(LABELLED / name))
    return posting.to_json_dict()


@pytest.mark.parametrize("label", LABELS, ids=[label["file"] for label in LABELS])
def test_every_labelled_field(label):
    got = _parsed(label["file"])
    open_fields = label.get("open", {})
    wrong = {}
    for field in TEXT_FIELDS:
        if field not in open_fields and not _same_name(label[field], got[field]):
            wrong[field] = (label[field], got[field])
    for field in SCALAR_FIELDS:
        if field not in open_fields and got[field] != label[field]:
            wrong[field] = (label[field], got[field])
    for field in LIST_FIELDS:
        if field not in open_fields and _place_set(got[field]) != _place_set(label[field]):
            wrong[field] = (label[field], got[field])
    assert not wrong, f"{label['file']}: (label, parsed) {wrong}"


def test_the_open_disagreements_are_few_and_explained():
    open_fields = [(label["file"], field) for label in LABELS for field in label.get("open", {})]
    # Each is a known gap (see labels.jsonl); the list may shrink, not grow. Later batches,
    # written to imitate what the first did not (files 17-40: Indeed, SimplyHired, USAJobs,
    # Hacker News, a README list; 41-88: big-tech careers sites, the seeds' shapes, raw HTML,
    # PDF text, mojibake, chat posts; 89-100: a held-out week of ordinary postings; 101-208:
    # more applicant-tracking sites, pages from other countries (two not in English), messy
    # extractions, job boards, and non-software and off-season roles; 125-136, 209-220 and
    # 233-244: three more held-out weeks; 221-232: the seeds' shapes for other companies;
    # 245-256: page headers of every kind; 257-268, 269-280, 293-304, 305-316, 317-328,
    # 329-340, 341-352, 353-364, 377-388, 389-400, 401-412, 413-424, 425-436, 437-448,
    # 449-460, 461-472, 473-484, 485-496, 497-508, 509-520, 521-532, 533-544, 545-556,
    # 557-568, 569-580, 581-592, 593-604, 605-616, 617-628, 629-640, 641-652, 653-664, 665-676
    # and 677-688: thirty-four more held-out weeks (377-388, 449-460, 485-496, 533-544,
    # 569-580, 593-604, 629-640, 653-664 and 677-688 in the seeds' five shapes, 389-400 big-tech careers sites, 413-424,
    # 521-532 and 557-568 job boards only, 437-448 regional employers, 497-508 and 581-592
    # employers outside big tech,
    # 605-616 postings as students pass them around: forwards, chats, trackers, a club's doc);
    # 281-292: awkward saves, a Hacker News comment, a Reddit post, a Discord paste, a Notion
    # page, a PDF sheet, markdown tables; 365-376: English-language pages from the UK, Ireland,
    # India, Singapore, Australia, New Zealand, Canada and the Netherlands), came with their
    # own: 216 of the 11,232 labelled fields are open.
    assert len(open_fields) <= 216, open_fields
    assert all(label["open"][field] for label in LABELS for field in label.get("open", {}))
