"""Pasted text and uploaded files in, source documents out, through the ETL's own readers.

The add page parses what comes out with `etl.pipeline.parse_document` and loads it with
`etl.ingest.ingest_documents`: the same code path as `jobdash ingest`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from etl.model import Rejection, SourceDocument
from etl.sources import read_bytes, read_text

UPLOAD_SUFFIXES = ("txt", "md", "markdown", "html", "htm")
MAX_UPLOAD_MB = 2  # a posting is a few KB; anything this big is not one
MAX_PASTE_CHARS = 200_000


@dataclass
class Intake:
    """What the person handed over: readable postings and the inputs that were not."""

    documents: list[SourceDocument] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def pasted_name(text: str) -> str:
    """A source name per distinct paste, so two different pastes never replace each other."""
    return f"pasted text {hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def read_inputs(text: str, uploads: Iterable[tuple[str, bytes]]) -> Intake:
    """Read pasted text and uploaded (name, bytes) files; bad input becomes a Rejection, not an error."""
    intake = Intake()
    if text.strip():
        _add(intake, [read_text(text, pasted_name(text))])
    for name, data in uploads:
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in UPLOAD_SUFFIXES:
            kinds = ", ".join(f".{s}" for s in UPLOAD_SUFFIXES)
            intake.rejections.append(
                Rejection(source=name, reason=f"not a posting file (expected {kinds})")
            )
        elif len(data) > MAX_UPLOAD_MB * 1024 * 1024:
            intake.rejections.append(
                Rejection(
                    source=name, reason=f"larger than {MAX_UPLOAD_MB} MB; a posting is a few KB"
                )
            )
        else:
            _add(intake, read_bytes(data, f"upload {name}"))
    return intake


def _add(intake: Intake, items: Iterable[SourceDocument | Rejection]) -> None:
    for item in items:
        if isinstance(item, Rejection):
            intake.rejections.append(item)
        else:
            intake.documents.append(item)
