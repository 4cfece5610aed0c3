"""Broken, hostile and oddly encoded input: a clear Rejection for what is bad, the rest still read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etl.model import Rejection, SourceDocument
from etl.sources import MAX_FILE_BYTES, iter_posting_files, read_bytes, read_source, read_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"

POSTING = (
    "Line Cook (Part-time) – Café Rivière\n"
    "We’re a small bistro in Montréal serving “bistronomy” plates.\n"
    "Pay: €14–€16 per hour, paid weekly.\n"
)


def only(items) -> SourceDocument | Rejection:
    items = list(items)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),  # BOM as Notepad writes it
        ("cp1252", b""),  # a Windows "ANSI" export
        ("utf-16", b""),  # Python's utf-16 writes a BOM
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),  # no BOM: told by the NUL in every other byte
    ],
)
def test_encodings_are_detected_and_text_is_exact(tmp_path, encoding, prefix):
    path = tmp_path / "posting.txt"
    path.write_bytes(prefix + POSTING.encode(encoding))
    doc = only(read_source(path))
    assert isinstance(doc, SourceDocument)
    assert doc.text == POSTING.rstrip("\n")


def test_latin1_without_typographic_quotes_reads_correctly(tmp_path):
    text = "Développeur Python à Paris\nSalaire annuel : 55 000 € brut, télétravail partiel.\n"
    path = tmp_path / "poste.txt"
    path.write_bytes(text.replace("€", "EUR").encode("latin-1"))
    doc = only(read_source(path))
    assert doc.text.startswith("Développeur Python à Paris\nSalaire annuel : 55 000 EUR brut")


def test_cp1252_csv_is_read_with_its_accents(tmp_path):
    path = tmp_path / "export.csv"
    rows = (
        'title,company,description\r\nSous-chef,Café Rivière,"Menus “du marché”, 40 h/semaine"\r\n'
    )
    path.write_bytes(rows.encode("cp1252"))
    doc = only(read_source(path))
    assert doc.known["company"] == "Café Rivière"
    assert "Menus “du marché”, 40 h/semaine" in doc.text


BINARIES = [
    (
        "logo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "binary file (PNG image)",
    ),
    (
        "resume.html",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>",
        "binary file (PDF document)",
    ),
    (
        "jobs.csv",
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40,
        "binary file (ZIP archive or Office document)",
    ),
    ("jobs.jsonl", b"\x1f\x8b\x08\x00" + b"\x00" * 20, "binary file (gzip archive)"),
    ("dump.json", b"{\x00\x01\x02\x00junk\x00" * 50, "binary file (contains NUL bytes)"),
    (
        "noise.md",
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18]) * 40,
        "binary file (unreadable control characters)",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason"), BINARIES)
def test_binary_files_are_rejected_with_what_they_are(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    rejection = only(read_source(path))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == reason
    assert rejection.source == str(path)


@pytest.mark.parametrize(
    "name", ["empty.txt", "empty.csv", "empty.jsonl", "empty.json", "empty.html"]
)
def test_zero_byte_files_are_rejected(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    assert only(read_source(path)).reason == "empty file (0 bytes)"


def test_whitespace_only_and_markup_only_files_are_rejected(tmp_path):
    (tmp_path / "blank.txt").write_text("  \n\n\t\n")
    (tmp_path / "shell.html").write_text(
        "<html><head><script>var x=1;</script></head><body><nav>Home</nav></body></html>"
    )
    assert only(read_source(tmp_path / "blank.txt")).reason == "empty file (only whitespace)"
    assert only(read_source(tmp_path / "shell.html")).reason == "empty after HTML cleaning"


def test_a_file_over_the_size_limit_is_rejected_unread(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: the reader must refuse it from its size
    rejection = only(read_source(path))
    assert rejection.reason.startswith("file larger than 20 MB")
    assert only(read_bytes(b"x" * (MAX_FILE_BYTES + 1), "upload.md")).reason.startswith(
        "file larger than 20 MB"
    )


def test_missing_file_is_a_rejection(tmp_path):
    assert only(read_source(tmp_path / "gone.txt")).reason == "no such file"


def test_truncated_json_is_rejected_with_where_it_broke(tmp_path):
    whole = (FIXTURES / "greenhouse_board.json").read_text()
    path = tmp_path / "board.json"
    path.write_text(whole[: len(whole) // 2])
    rejection = only(read_source(path))
    assert rejection.reason.startswith("not valid JSON (")
    assert "line" in rejection.reason and "column" in rejection.reason


def test_json_without_job_objects_is_rejected(tmp_path):
    path = tmp_path / "meta.json"
    path.write_text(json.dumps({"meta": {"total": 0}, "jobs": []}))
    assert only(read_source(path)).reason == "JSON holds no job objects"
    path.write_text(json.dumps({"company": "Acme", "open_roles": 3}))
    assert only(read_source(path)).reason == (
        "JSON object: no description column among the headers (company, open_roles); "
        "name it with --columns text=HEADER"
    )


def test_a_json_file_holding_json_lines_is_read_line_by_line(tmp_path):
    lines = [json.dumps({"title": f"Role {n}", "description": f"Do thing {n}."}) for n in (1, 2)]
    path = tmp_path / "export.json"
    path.write_text("\n".join(lines) + "\n")
    docs = list(read_source(path))
    assert [(d.locator, d.known["title"]) for d in docs] == [
        ("line 1", "Role 1"),
        ("line 2", "Role 2"),
    ]


def test_csv_without_a_description_column_is_rejected_as_a_whole(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("name,email,phone\nAda,ada@example.org,555-0100\n")
    rejection = only(read_source(path))
    assert rejection.reason == (
        "no description column among the headers (name, email, phone); "
        "name it with --columns text=HEADER"
    )
    assert rejection.locator is None


def test_csv_column_override_maps_unusual_headers(tmp_path):
    path = tmp_path / "hr_export.csv"
    path.write_text(
        "Req,Role,Posting Body,Where\n"
        'R-1,Payroll Specialist,"Run semi-monthly payroll for 400 staff.\nADP experience.",Omaha\n'
    )
    assert "no description column" in only(read_source(path)).reason
    doc = only(
        read_source(
            path,
            columns={
                "text": "Posting Body",
                "title": "Role",
                "external_id": "Req",
                "locations": "where",
            },
        )
    )
    assert (
        doc.text == "Payroll Specialist\nRun semi-monthly payroll for 400 staff.\nADP experience."
    )
    assert (doc.external_id, doc.known) == (
        "R-1",
        {"title": "Payroll Specialist", "locations": ["Omaha"]},
    )


def test_csv_column_override_naming_a_missing_header_is_rejected(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text("title,description\nCook,Prep and line work.\n")
    rejection = only(read_source(path, columns={"text": "Body"}))
    assert (
        rejection.reason
        == "column 'Body' (given for text) is not in the file; headers: title, description"
    )


def test_semicolon_csv_with_huge_and_multiline_cells(tmp_path):
    long_body = "Responsibilities:\n" + "\n".join(f"- Task {n} for the team" for n in range(20_000))
    assert len(long_body) > 131_072  # bigger than the csv module's default field limit
    path = tmp_path / "export.csv"
    body = long_body.replace('"', '""')
    path.write_text(
        f'titel;description\nLagerist;"{body}"\nFahrer;"Touren im Raum Köln"\n', "utf-8"
    )
    docs = list(read_source(path))
    assert [d.locator for d in docs] == ["row 2", "row 3"]
    assert docs[0].text.count("\n- Task") == 20_000
    assert docs[1].text == "Touren im Raum Köln"


def test_blank_trailing_rows_are_ignored_and_numbering_follows_the_spreadsheet(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text('title,description\nA,"first\nposting"\n,\nB,second posting\n,,\n')
    docs = list(read_source(path))
    assert [(d.locator, d.known["title"]) for d in docs] == [("row 2", "A"), ("row 4", "B")]


def test_a_bad_byte_mid_stream_keeps_the_rows_before_it(tmp_path):
    # The first MB decides UTF-8; a stray cp1252 byte later cannot silently corrupt text.
    good = "".join(f"Role {n},Posting number {n} text\n" for n in range(60_000))
    path = tmp_path / "big.csv"
    path.write_bytes(b"title,description\n" + good.encode() + b"Caf\xe9,bad byte\n")
    items = list(read_source(path))
    assert sum(isinstance(i, SourceDocument) for i in items) == 60_000
    assert isinstance(items[-1], Rejection)
    assert items[-1].reason.startswith("CSV row 60002 onwards: not valid utf-8")


def test_one_bad_file_in_a_folder_loses_nothing_else(tmp_path):
    for name in ("plain_posting.txt", "lever_postings.json", "dataset_postings.csv"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "broken.json").write_text('{"jobs": [{"title": "Cut off')
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    items = list(read_source(tmp_path))
    docs = [i for i in items if isinstance(i, SourceDocument)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(docs) == 1 + 2 + 3
    assert sorted(Path(r.source).name for r in rejections) == ["broken.json", "image.html"]


def test_deeply_nested_html_does_not_crash(tmp_path):
    html = "<div>" * 20_000 + "Deep text" + "</div>" * 20_000
    doc = read_text(html, "nested.html")
    assert doc.text == "Deep text"


def test_javascript_page_falls_back_to_its_json_ld_description():
    page = (
        "<!doctype html><html><head><title>Careers</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Acme"},'
        '{"@type": "JobPosting", "title": "Field Technician", "hiringOrganization": "Dunmore Wind",'
        '"description": "<p>Maintain 40 turbines in Nebraska.</p><ul><li>Climb 80 m towers</li></ul>",'
        '"baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {"@type": '
        '"QuantitativeValue", "value": 31, "unitText": "HOUR"}}}]}</script>'
        '</head><body><div id="root"></div><script src="/app.js"></script></body></html>'
    )
    doc = read_text(page)
    assert doc.text == "Field Technician\nMaintain 40 turbines in Nebraska.\n- Climb 80 m towers"
    assert doc.known == {
        "title": "Field Technician",
        "company": "Dunmore Wind",
        "pay_min": 31.0,
        "pay_max": 31.0,
        "pay_currency": "USD",
        "pay_period": "hour",
    }


def test_broken_json_ld_does_not_lose_the_page(tmp_path):
    page = (
        (FIXTURES / "job_page.html")
        .read_text()
        .replace('"@type": "JobPosting",', '"@type": "JobPosting" oops')
    )
    doc = read_text(page, "page.html")
    assert doc.known == {}
    assert doc.text.startswith("Data Platform Engineering Intern (Summer 2026)\n")


def test_read_bytes_and_read_text_clean_like_read_source():
    for name in ("posting.md", "job_page.html", "fenced_fragment.txt"):
        from_file = only(read_source(FIXTURES / name))
        data = (FIXTURES / name).read_bytes()
        assert only(read_bytes(data, f"upload {name}")).text == from_file.text
        assert read_text(data.decode("utf-8"), name).text == from_file.text
    uploaded = list(read_bytes((FIXTURES / "jobspy_jobs.csv").read_bytes(), "upload jobs.csv"))
    assert [getattr(i, "locator", None) for i in uploaded] == ["row 2", "row 3", "row 4", "row 5"]


def test_pasted_html_and_markdown_are_recognised_without_a_suffix():
    pasted_page = (FIXTURES / "job_page.html").read_text()
    assert read_text(pasted_page).format == "html"
    pasted = read_text(
        "## Barista\n\n**Hours:** 20 a week\n\n* Pull espresso shots\n* Close the shop"
    )
    assert pasted.text == "Barista\nHours: 20 a week\n- Pull espresso shots\n- Close the shop"
    assert pasted.source == "pasted text"
    assert read_text("   ").reason == "empty file (only whitespace)"


def test_iter_posting_files_walks_folders_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/z.md", "b/a.csv", "a.txt", "c.json", "notes.docx", ".hidden.txt", ".git/x.txt"):
        (tmp_path / name).write_text("x")
    found = list(iter_posting_files([tmp_path, tmp_path / "a.txt", tmp_path / "missing.txt"]))
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["a.txt", "b/a.csv", "b/z.md", "c.json", "missing.txt"]


def test_a_page_without_h1_is_led_by_its_title_tag_without_the_site_name():
    page = (
        "<html><head><title>Welder | Careers at Ironvale</title></head><body><main></main>"
        "<div class='content'><p>Weld structural steel for bridge girders in our Pittsburgh "
        "shop, day shift.</p></div><div class='site-footer'>Ironvale Inc.</div></body></html>"
    )
    doc = read_text(page)
    assert doc.text == (
        "Welder\nWeld structural steel for bridge girders in our Pittsburgh shop, day shift."
    )


def test_a_folder_without_posting_files_says_so(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    rejection = only(read_source(tmp_path))
    assert rejection.reason.startswith("folder holds no posting files (.csv, .htm, .html")
