"""`jobdash`: parse postings, load the warehouse, serve the dashboard.

Other tools depend on these command and option names (see the README); the commands are
thin and call one public function each.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from etl.config import DEFAULT_HOST, DEFAULT_PORT, SAMPLES_DIR, default_db_path


def _db_option(func):
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Warehouse file (default: $JOBDASH_DB or data/jobdash.duckdb).",
    )(func)


def _resolve_db(db: Path | None) -> Path:
    return db if db is not None else default_db_path()


def _column_overrides(spec: str | None) -> dict[str, str]:
    from etl.sources import parse_column_overrides

    try:
        return parse_column_overrides(spec)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--columns") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jobdash")
def main() -> None:
    """Jobdash: job postings in, answers out."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per posting per line.")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Resolve relative dates ('2 days ago') against this day when the page has no date.",
)
@click.option("--text", "with_text", is_flag=True, help="Include the cleaned posting text.")
def parse(paths: tuple[Path, ...], as_json: bool, as_of: dt.datetime | None, with_text: bool):
    """Parse posting files and print their fields (input order; unreadable files get an error line)."""
    from etl.pipeline import parse_path

    as_of_date = as_of.date() if as_of else None
    out = sys.stdout
    for path in paths:
        for item in parse_path(path, as_of=as_of_date):
            record = (
                item.to_json_dict(with_text=with_text) if hasattr(item, "to_json_dict") else item
            )
            if as_json:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                _print_human(record)
    out.flush()


def _print_human(record: dict) -> None:
    if "error" in record:
        click.echo(f"{record['source']}: error: {record['error']}", err=False)
        return
    click.echo(
        f"== {record['source']}" + (f" ({record['locator']})" if record.get("locator") else "")
    )
    for key in (
        "company",
        "title",
        "team",
        "locations",
        "employment_type",
        "season",
        "year",
        "degree_levels",
        "languages",
        "skills",
        "pay_min",
        "pay_max",
        "pay_currency",
        "pay_period",
        "start_dates",
        "duration_weeks",
        "posted_date",
    ):
        value = record.get(key)
        if value not in (None, []):
            click.echo(f"  {key:16s} {value}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_db_option
@click.option("--workers", type=int, default=None, help="Parser processes (default: all cores).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--columns",
    "columns",
    default=None,
    metavar="FIELD=HEADER,...",
    callback=lambda _ctx, _param, value: _column_overrides(value),
    help="CSV/JSON column mapping, overriding the detected one (e.g. text=Body,title=Role).",
)
def ingest(
    paths: tuple[Path, ...],
    db: Path | None,
    workers: int | None,
    quiet: bool,
    columns: dict[str, str],
):
    """Load posting files or folders (recursive) into the warehouse."""
    from etl.ingest import ingest_paths, print_summary

    summary = ingest_paths(
        list(paths), _resolve_db(db), workers=workers, progress=not quiet, columns=columns or None
    )
    print_summary(summary)
    sys.exit(0 if summary.ok else 1)


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True)
def status(db: Path | None, as_json: bool):
    """What the warehouse holds: documents, postings, rejected files, runs, parser version."""
    from warehouse.status import warehouse_status

    report = warehouse_status(_resolve_db(db))
    if as_json:
        click.echo(json.dumps(report, default=str))
    else:
        for key, value in report.items():
            click.echo(f"{key:16s} {value}")


@main.command()
@_db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True)
@click.option("--port", default=DEFAULT_PORT, type=int, show_default=True)
def serve(db: Path | None, host: str, port: int):
    """Serve the dashboard on a warehouse (read-only)."""
    _exec_streamlit(_resolve_db(db), host, port)


@main.command()
@_db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True)
@click.option("--port", default=DEFAULT_PORT, type=int, show_default=True)
def demo(db: Path | None, host: str, port: int):
    """Load the bundled sample postings, then serve the dashboard on them."""
    from etl.ingest import ingest_paths, print_summary

    db_path = _resolve_db(db)
    print_summary(ingest_paths([SAMPLES_DIR], db_path, progress=False))
    _exec_streamlit(db_path, host, port)


@main.command()
@_db_option
@click.option("--team", multiple=True, help="Repeatable; any of them.")
@click.option("--language", multiple=True, help="Repeatable; postings naming any of them.")
@click.option("--company", multiple=True, help="Repeatable.")
@click.option("--season", multiple=True, help="Repeatable: Spring, Summer, Fall, Winter.")
@click.option("--year", multiple=True, type=int, help="Repeatable.")
@click.option("--degree", multiple=True, help="Repeatable: BS, MS, PhD.")
@click.option("--location", multiple=True, help="Repeatable; as written in the postings.")
@click.option(
    "--employment-type",
    multiple=True,
    type=click.Choice(["internship", "full_time", "part_time", "contract"]),
    help="Repeatable.",
)
@click.option(
    "--pay-period",
    multiple=True,
    type=click.Choice(["hour", "day", "week", "month", "year"]),
    help="Repeatable.",
)
@click.option("--search", default="", help="Words in company, title, team or location.")
@click.option("--all-reposts", is_flag=True, help="Count every repost, not each group once.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export(
    db,
    team,
    language,
    company,
    season,
    year,
    degree,
    location,
    employment_type,
    pay_period,
    search,
    all_reposts,
    out,
):
    """Write the filtered postings as CSV (the dashboard's postings extract)."""
    from warehouse.export import export_postings_csv
    from warehouse.queries import Filters

    filters = Filters(
        teams=tuple(team),
        languages=tuple(language),
        companies=tuple(company),
        seasons=tuple(season),
        years=tuple(year),
        degrees=tuple(degree),
        locations=tuple(location),
        employment_types=tuple(employment_type),
        pay_periods=tuple(pay_period),
        search=search,
        dedupe=not all_reposts,
    )
    rows = export_postings_csv(_resolve_db(db), filters, out)
    click.echo(f"wrote {rows} postings to {out}")


@main.command()
@click.option("--postings", "count", type=int, required=True)
@_db_option
@click.option("--seed", type=int, default=0, show_default=True)
def synth(count: int, db: Path | None, seed: int):
    """Build a synthetic warehouse of N realistic postings (for benchmarks; marked synthetic)."""
    from warehouse.synth import build_synthetic_warehouse

    stats = build_synthetic_warehouse(_resolve_db(db), count, seed=seed)
    click.echo(json.dumps(stats, default=str))


def _exec_streamlit(db_path: Path, host: str, port: int) -> None:
    """Replace this process with the Streamlit server, so signals reach it directly."""
    app = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
    os.environ["JOBDASH_DB"] = str(db_path.resolve())
    click.echo(f"Jobdash dashboard: http://{host}:{port}  (warehouse {db_path})", err=True)
    args = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--server.runOnSave",
        "false",
        "--browser.gatherUsageStats",
        "false",
        "--server.maxUploadSize",
        "5",
        "--global.developmentMode",
        "false",
        # The same look and error reporting as .streamlit/config.toml, which Streamlit only
        # reads from the current directory: `jobdash serve` may be run from anywhere.
        "--theme.base",
        "light",
        "--client.toolbarMode",
        "minimal",
        "--client.showErrorDetails",
        "type",
        # Every page load is a script run. Streamlit's forced gc.collect() after each run took
        # ~140 ms at 1M postings (Python's own collector still runs), and "magic" rewrote the
        # pages' syntax trees on every run (~40 ms) for a feature the pages do not use.
        "--runner.postScriptGC",
        "false",
        "--runner.magicEnabled",
        "false",
    ]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, args)


if __name__ == "__main__":
    main()
