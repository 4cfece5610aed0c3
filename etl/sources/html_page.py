"""A saved job page -> its posting text and the schema.org `JobPosting` fields it declares.

Main content: the page's own semantic container (`<main>`, `role="main"`, the largest
`<article>`) when it has one, because job pages keep short but vital lines (location, team,
pay badges) that density heuristics drop; otherwise trafilatura's extraction. Either way
navigation, footers, cookie banners, forms and scripts go, and the page's <h1> (the job
title) leads the text.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from etl.sources.clean import clean_html_fragment, clean_text, heading_text, render_lines
from etl.sources.normalize import (
    clean_str,
    drop_empty,
    pay_fields,
    to_date,
    to_employment_type,
    to_identifier,
    to_locations,
    vocab,
)

# Below this much text the page is probably rendered by JavaScript and the JSON-LD
# description is the posting.
_MIN_PAGE_TEXT = 200
_WORD_SPLIT = re.compile(r"[-_\s]+")


@dataclass
class PageContent:
    """What a saved page yields: the posting text plus the fields its JSON-LD states."""

    text: str
    known: dict[str, Any] = field(default_factory=dict)
    external_id: str | None = None
    url: str | None = None


def read_page(markup: str) -> PageContent:
    """The posting in a saved HTML page: main text, title first, JSON-LD fields as `known`."""
    tree = LexborHTMLParser(markup)
    posting = _find_job_posting(tree)
    known, external_id, url, description = (
        _job_posting_fields(posting) if posting else ({}, None, None, None)
    )
    page_title = _document_title(tree)  # before the <head> goes with the boilerplate
    _drop_boilerplate(tree)
    text = _main_text(tree)
    if len(text) < _MIN_PAGE_TEXT and description:
        text = clean_text(description)
    title = _title(tree) or known.get("title") or page_title
    if title and not text.startswith(title):
        text = f"{title}\n{text}" if text else title
    return PageContent(text=text, known=known, external_id=external_id, url=url)


def _title(tree: LexborHTMLParser) -> str | None:
    container = _semantic_container(tree)
    if container is not None and (inside := heading_text(container)):
        return inside
    return heading_text(tree)


def _main_text(tree: LexborHTMLParser) -> str:
    container = _semantic_container(tree)
    if container is not None:
        return render_lines(container)
    # Given the page already stripped of boilerplate, so its fallbacks cannot bring nav back.
    extracted = _trafilatura_html(tree.html or "")
    if extracted:
        return clean_html_fragment(extracted)
    return render_lines(tree.body) if tree.body is not None else ""


def _semantic_container(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in ('main, [role="main"]', "article"):
        candidates = [(node, _text_length(node)) for node in tree.css(selector)]
        best = max(candidates, key=lambda pair: pair[1], default=None)
        if best is not None and best[1] > 0:
            return best[0]
    return None


def _text_length(node: LexborNode) -> int:
    return len(node.text(deep=True, separator=" ").strip())


def _trafilatura_html(markup: str) -> str | None:
    # Imported here: trafilatura takes a moment to import and most sources never need it.
    import trafilatura

    return trafilatura.extract(
        markup,
        output_format="html",
        include_formatting=True,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_comments=False,
        favor_recall=True,
        deduplicate=False,
    )


def _drop_boilerplate(tree: LexborHTMLParser) -> None:
    """Remove navigation, footers, banners, forms and scripts from the page, in place."""
    if tree.root is None:
        return
    doomed: list[LexborNode] = []
    # Collect first, outermost only, then remove: decomposing a node frees its descendants.
    stack = [tree.root]
    while stack:
        node = stack.pop()
        if _is_boilerplate(node):
            doomed.append(node)
            continue
        stack.extend(child for child in node.iter() if child.tag and not child.tag.startswith("-"))
    for node in doomed:
        node.decompose()


def _is_boilerplate(node: LexborNode) -> bool:
    rules = vocab()["html"]
    tag = node.tag
    if tag in {"html", "body", "main", "article"}:
        return False
    if tag in rules["drop_tags"] or tag in rules["page_drop_tags"]:
        return True
    attributes = node.attributes
    if (
        "hidden" in attributes
        or attributes.get("aria-modal")
        or (attributes.get("role") in rules["page_drop_roles"])
    ):
        return True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower().strip()
    if not names:
        return False
    if any(part in names for part in rules["page_drop_class_substrings"]):
        return True
    return not set(rules["page_drop_class_words"]).isdisjoint(_WORD_SPLIT.split(names))


def _document_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('meta[property="og:title"]')
    if node is not None and clean_str(node.attributes.get("content")):
        return clean_str(node.attributes.get("content"))
    node = tree.css_first("title")
    if node is None:
        return None
    # "<title>Job | Careers at Company</title>": the part before the site name.
    return clean_str(node.text().split(" | ")[0])


def _find_job_posting(tree: LexborHTMLParser) -> dict[str, Any] | None:
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(), strict=False)
        except ValueError:
            continue  # a broken JSON-LD block is the page's problem, not a reason to lose it
        found = _first_job_posting(data)
        if found is not None:
            return found
    return None


def _first_job_posting(data: Any) -> dict[str, Any] | None:
    if isinstance(data, list):
        for item in data:
            if (found := _first_job_posting(item)) is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "JobPosting" in kinds:
        return data
    return _first_job_posting(data.get("@graph"))


def _job_posting_fields(
    posting: dict[str, Any],
) -> tuple[dict[str, Any], str | None, str | None, str | None]:
    """(known fields, identifier, url, description HTML) from a schema.org JobPosting."""
    salary = posting.get("baseSalary")
    salary = salary if isinstance(salary, dict) else {}
    value = salary.get("value")
    value = value if isinstance(value, dict) else {"value": value}
    employment = posting.get("employmentType")
    employment_values = employment if isinstance(employment, list) else [employment]
    types = [t for t in map(to_employment_type, employment_values) if t]
    known = {
        "title": _unescaped(posting.get("title")),
        "company": _name_of(posting.get("hiringOrganization")),
        "locations": to_locations(_places(posting)),
        "employment_type": "internship" if "internship" in types else (types[0] if types else None),
        "posted_date": to_date(posting.get("datePosted")),
        **pay_fields(
            value.get("minValue"),
            value.get("maxValue"),
            salary.get("currency") or value.get("currency"),
            value.get("unitText") or salary.get("unitText"),
            single=value.get("value"),
        ),
    }
    identifier = posting.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value")
    description = posting.get("description")
    description = html.unescape(description) if isinstance(description, str) else None
    return drop_empty(known), to_identifier(identifier), clean_str(posting.get("url")), description


def _unescaped(value: Any) -> str | None:
    text = clean_str(value)
    return html.unescape(text) if text else None


def _name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return _unescaped(value)


def _places(posting: dict[str, Any]) -> list[str]:
    places = posting.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    written = [_address_text(place) for place in places if isinstance(place, dict)]
    if not any(written):
        # Remote roles state the region the applicant must be in instead.
        regions = posting.get("applicantLocationRequirements")
        regions = regions if isinstance(regions, list) else [regions]
        written = [_name_of(region) for region in regions]
    return [place for place in written if place]


def _address_text(place: dict[str, Any]) -> str | None:
    address = place.get("address", place)
    if isinstance(address, str):
        return clean_str(address)
    if not isinstance(address, dict):
        return None
    country = address.get("addressCountry")
    parts = [address.get("addressLocality"), address.get("addressRegion"), _name_of(country)]
    return ", ".join(p for p in (clean_str(part) for part in parts) if p) or None
