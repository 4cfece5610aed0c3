"""`jobdash export`: the filtered postings extract written as a CSV file."""

from __future__ import annotations

import os
from pathlib import Path

from warehouse.connection import Warehouse
from warehouse.csv_export import frame_to_csv_bytes
from warehouse.filters import Filters
from warehouse.queries import postings_extract


def export_postings_csv(db_path: Path, filters: Filters, out_path: Path) -> int:
    """Write every posting the filters keep (one row each) to `out_path`; returns rows written."""
    wh = Warehouse(db_path)
    try:
        frame = postings_extract(wh, filters)
    finally:
        wh.close()
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(f".{out_path.name}.partial-{os.getpid()}")
    partial.write_bytes(frame_to_csv_bytes(frame))
    os.replace(partial, out_path)
    return frame.height
