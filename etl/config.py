"""Paths and defaults shared by the CLI, the ETL and the dashboard."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_DIR / "samples"
DEFAULT_DB = Path("data") / "jobdash.duckdb"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8501


def default_db_path() -> Path:
    """The warehouse the commands use when none is named: $JOBDASH_DB, else data/jobdash.duckdb."""
    return Path(os.environ.get("JOBDASH_DB") or DEFAULT_DB)
