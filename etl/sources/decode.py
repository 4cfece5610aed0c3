"""Bytes -> text: refuse what is not text (binary, empty) and find the encoding of what is.

Order of evidence: a byte-order mark; NUL bytes (binary); valid UTF-8; Windows-1252 when it
reads cleanly (the usual "ANSI" export of Western postings, which charset detection often
mistakes for cp1250 or cp775 on short texts); otherwise charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio


class UnreadableSource(ValueError):
    """A file or record that cannot become a posting; the message says why in plain words."""


# (signature, offset, what it is): formats people mistakenly drop into a postings folder.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"WEBP", 8, "WebP image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive or Office document"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "legacy Office document"),
    (b"\x7fELF", 0, "executable"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"DUCK", 8, "DuckDB database"),
    (b"PAR1", 0, "Parquet file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# How much of a file the encoding is judged on (the whole of anything smaller).
SAMPLE_BYTES = 1 << 20
_CP1252_MAX_MESS = 0.1


def describe_binary(head: bytes) -> str | None:
    """What kind of binary file starts with these bytes ("PNG image"), or None if none known."""
    for signature, offset, kind in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return kind
    return None


def choose_encoding(sample: bytes, *, complete: bool) -> str:
    """The codec to read a file with, judged on its first bytes; raises UnreadableSource.

    `complete` says the sample is the whole file (so a cut multi-byte character at its end
    is an error, not an artefact of sampling).
    """
    if not sample:
        raise UnreadableSource("empty file (0 bytes)")
    kind = describe_binary(sample)
    if kind is not None:
        raise UnreadableSource(f"binary file ({kind})")
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16 is None:
            raise UnreadableSource("binary file (contains NUL bytes)")
        return utf16
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        if mess_ratio(sample.decode("cp1252")[:100_000]) <= _CP1252_MAX_MESS:
            return "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(sample).best()
    if best is None:
        raise UnreadableSource("not UTF-8 and no encoding detected")
    return best.encoding


def _utf16_without_bom(sample: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NULs sit in every other byte (ASCII text in UTF-16)."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 8:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_document(data: bytes) -> str:
    """A whole file's text with its encoding detected; raises UnreadableSource."""
    complete = len(data) <= SAMPLE_BYTES
    encoding = choose_encoding(data[:SAMPLE_BYTES], complete=complete)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if complete:
            raise _invalid(encoding, exc) from exc
        # The sample looked like one encoding and the rest is another: judge every byte.
        encoding = choose_encoding(data, complete=True)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as again:
            raise _invalid(encoding, again) from again
    check_text_like(text)
    return text


def _invalid(encoding: str, exc: UnicodeDecodeError) -> UnreadableSource:
    return UnreadableSource(
        f"not valid {encoding} at byte {exc.start} and no other encoding detected"
    )


def check_text_like(text: str) -> None:
    """Raise UnreadableSource when decoded 'text' is mostly control characters (binary junk)."""
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise UnreadableSource("binary file (unreadable control characters)")
