"""`PARSER_VERSION` changes whenever parser output can change: it fingerprints the parser's code and vocabularies."""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_ETL_DIR = Path(__file__).resolve().parent.parent


def _fingerprint() -> str:
    digest = hashlib.sha256()
    files = sorted(
        [*(_ETL_DIR / "parse").rglob("*.py"), *(_ETL_DIR / "vocab").rglob("*.toml")],
        key=lambda p: p.relative_to(_ETL_DIR).as_posix(),
    )
    for path in files:
        digest.update(path.relative_to(_ETL_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _package_version() -> str:
    try:
        return version("jobdash")
    except PackageNotFoundError:
        return "0"


PARSER_VERSION = f"{_package_version()}+{_fingerprint()}"
