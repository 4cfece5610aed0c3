"""`jobdash status`: what a warehouse holds, as plain values (works before the first ingest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warehouse.connection import Warehouse
from warehouse.queries import warehouse_info


def warehouse_status(db_path: Path) -> dict[str, Any]:
    """documents, postings, rejected, runs, parser_version, plus last run, synthetic flag, schema."""
    db_path = Path(db_path)
    wh = Warehouse(db_path)
    try:
        info = warehouse_info(wh).row(0, named=True)
    finally:
        wh.close()
    report: dict[str, Any] = {
        "path": str(db_path),
        "exists": db_path.exists(),
        "documents": info["documents"],
        "postings": info["postings"],
        "rejected": info["rejected"],
        "runs": info["runs"],
        "parser_version": info["parser_version"],
        "last_ingest_at": info["last_ingest_at"],
        "last_run_status": info["last_run_status"],
        "synthetic": info["synthetic"],
        "schema_version": info["schema_version"] if db_path.exists() else None,
        "published_at": info["published_at"],
    }
    if not report["exists"]:
        report["message"] = (
            f"no warehouse at {db_path} yet: run `jobdash ingest PATH --db {db_path}`"
        )
    return report
