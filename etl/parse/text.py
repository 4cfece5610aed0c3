"""Text cleaning: the posting text every span points into, and a same-length view for matching.

`clean_text` repairs what would otherwise break matching (mojibake, CRLF, stray control
characters) and is the text stored and highlighted. `match_view` maps look-alike characters
(NBSP, en/em dashes, smart quotes, full-width forms) one-for-one to ASCII, so patterns stay
simple while every offset in the view is an offset in the clean text.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Sequences that UTF-8 text decoded as cp1252/latin-1 leaves behind ("â€“", "Ã©", "Â ").
_MOJIBAKE = re.compile(
    r"[âÃÂ][\u0080-\u00bf\u2018-\u201e\u2020-\u2122\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u02c6\u02dc]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")

# Any character that can start a repair (what `_MOJIBAKE`, `_LINE_BREAKS` and `_CONTROL` can
# match first). Most postings have none: a C-speed `in` (memchr) per character decides that
# several times faster than one character-class regex, which tests its class at every offset.
_ASCII_REPAIR_STARTS = "\r" + "".join(
    chr(code) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)
)
_REPAIR_STARTS = "\ufeff" + _ASCII_REPAIR_STARTS + "âÃÂ\x85\u200b\u200c\u200d\u2060\u2028\u2029"

_ONE_FOR_ONE = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\t": " ",
    "\u2010": "-",  # hyphen
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",
    "\u2212": "-",  # minus
    "\uff5e": "~",  # full-width tilde, common in "8,000～9,500"
    "\u301c": "~",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2026": ".",  # ellipsis (one char for one char keeps offsets)
    "\u2022": "*",  # bullet
    "\u25cf": "*",
    "\u25aa": "*",
    "\u2023": "*",
    "\u2043": "*",
    "\u25b8": "*",  # small triangles: Notion's toggles ("▸ About us")
    "\u25b9": "*",
    "\u25ba": "*",
    "\u00b7": "*",  # middle dot, used as a bullet on LinkedIn
    "\uff04": "$",  # full-width dollar
    "\uff0c": ",",
    "\uff1a": ":",
    "\uff08": "(",
    "\uff09": ")",
}

_ASCII_ONE_FOR_ONE = {
    char: ascii_char for char, ascii_char in _ONE_FOR_ONE.items() if char.isascii()
}


def clean_text(raw: str) -> str:
    """The posting text the parser reads and every span indexes: repaired, NFC, '\\n' line ends."""
    text = raw
    if not _needs_fixing(text):
        # One scan decides: most postings have no mojibake, odd line breaks or control chars.
        return (
            text
            if text.isascii() or unicodedata.is_normalized("NFC", text)
            else unicodedata.normalize("NFC", text)
        )
    if _MOJIBAKE.search(text):
        # ftfy only when needed: it is the slowest step by far and most text is clean.
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _needs_fixing(text: str) -> bool:
    for char in _ASCII_REPAIR_STARTS if text.isascii() else _REPAIR_STARTS:
        if char in text:
            return True
    return False


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    spans = []
    start = 0
    size = len(text)
    while start <= size:
        end = text.find("\n", start)
        if end == -1:
            end = size
        if end > start:
            spans.append((start, end))
        start = end + 1
    return spans


def match_view(text: str) -> str:
    """A copy of `text` with look-alike characters mapped to ASCII, one character for one."""
    # A C-speed `in` and `replace` per look-alike the text has: about twice as fast as one
    # re.sub over the text, and str.translate (a lookup per character) is slower still.
    # ASCII text (a third of postings) can hold only the ASCII look-alikes.
    look_alikes = _ASCII_ONE_FOR_ONE if text.isascii() else _ONE_FOR_ONE
    for char, ascii_char in look_alikes.items():
        if char in text:
            text = text.replace(char, ascii_char)
    return text


def initials(name: str) -> str:
    """ "Datacenter Connectivity Group" -> "DCG": the first character of each word."""
    return "".join(word[0] for word in name.split() if word[0].isalnum())
