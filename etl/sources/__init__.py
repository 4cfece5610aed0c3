"""Turn files into postings: `read_source(path)` yields one SourceDocument per posting, or a Rejection.

Thin first version: plain text files. The sources issue adds HTML, Markdown, JSON and CSV.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from etl.model import Rejection, SourceDocument

MAX_FILE_BYTES = 20 * 1024 * 1024
POSTING_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".csv"}


def iter_posting_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and posting files found recursively under folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in POSTING_SUFFIXES:
                    yield child
        else:
            yield path


def read_source(path: Path) -> Iterator[SourceDocument | Rejection]:
    """The postings in one file; a file that cannot be read yields a Rejection saying why."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Rejection(source=source, reason=f"file larger than {MAX_FILE_BYTES // 2**20} MB")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Rejection(source=source, reason=f"cannot read file: {exc.strerror or exc}")
        return
    text = _decode(raw)
    if text is None:
        yield Rejection(source=source, reason="not UTF-8 and no encoding detected")
        return
    if not text.strip():
        yield Rejection(source=source, reason="empty file")
        return
    yield SourceDocument(source=source, text=text, format="text")


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else None
