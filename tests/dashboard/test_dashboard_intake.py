"""Pasted text and uploads become source documents through the ETL readers, or clear refusals."""

from __future__ import annotations

from dashboard import intake


def test_a_paste_gets_a_name_of_its_own_so_two_pastes_never_replace_each_other():
    first = intake.read_inputs("Data Intern at Quuxly. Python required.", [])
    second = intake.read_inputs("Backend Intern at Quuxly. Go required.", [])
    (a,), (b,) = first.documents, second.documents
    assert a.source != b.source and a.source.startswith("pasted text ")
    again = intake.read_inputs("Data Intern at Quuxly. Python required.", [])
    assert again.documents[0].source == a.source  # the same paste is the same document


def test_files_that_are_not_postings_are_refused_with_the_reason():
    big = b"x" * (intake.MAX_UPLOAD_MB * 1024 * 1024 + 1)
    received = intake.read_inputs(
        "   ",
        [
            ("offer.pdf", b"%PDF-1.7 ..."),
            ("huge.txt", big),
            ("ok.html", b"<html><body><h1>Intern</h1><p>We use Go.</p></body></html>"),
        ],
    )
    reasons = {r.source: r.reason for r in received.rejections}
    assert "not a posting file" in reasons["offer.pdf"]
    assert "larger than 2 MB" in reasons["huge.txt"]
    assert [d.source for d in received.documents] == ["upload ok.html"]
    assert "We use Go." in received.documents[0].text
