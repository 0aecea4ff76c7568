"""`policylens compare`: many policies side by side, one column per practice."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from policylens.commands.common import (
    F,
    analysis_options,
    choose_format,
    collect_reports,
    err,
    jobs_options,
    output_option,
    write_output,
)
from policylens.errors import EXIT_INPUT, EXIT_OK
from policylens.render import GRID_FORMATS


def grid_options(func: F) -> F:
    """--format, --output and --practice, shared by compare and timeline."""
    func = click.option("--practice", "-p", "practice_ids", multiple=True, metavar="ID[,ID...]",
                        help="Practices to show, in this order (repeatable; 'core' for the core six, "
                             "'all' for every practice). Default: core.")(func)
    func = output_option(func)
    return click.option("--format", "-f", "fmt", type=click.Choice(GRID_FORMATS),
                        help="Output format. Default: table on a terminal, json when piped, or "
                             "what the --output suffix says.")(func)


def run_grid(kind: str, paths: tuple[str, ...], fmt: str | None, output: str | None,
             analysis: tuple[tuple[str, ...], str, int], build: Callable[[list[Any]], tuple],
             shown: tuple[str, ...] | None = None) -> None:
    """Analyze the inputs (progress on a terminal), build the grids, render, exit 2 if any input
    could not be read (the others are still shown)."""
    from policylens.compare import GridSet
    from policylens.render import grid_renderers

    chosen = choose_format(fmt, output, GRID_FORMATS, "table", "json")
    reports, failures = collect_reports(list(paths), analysis, shown=shown)
    for failure in failures:
        err(f"error: {failure.path}: {failure.message}")
    result = GridSet(kind, build(reports), tuple(failures))
    write_output(output, lambda out: grid_renderers()[chosen](result, out))
    sys.exit(EXIT_INPUT if failures else EXIT_OK)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE...")
@grid_options
@click.option("--where", "-w", multiple=True, metavar="PRACTICE=VALUE[,VALUE...]",
              help="Only policies with one of these values, e.g. data-sale=yes (repeatable; "
                   "every filter must hold).")
@click.option("--sort", "sort_key", default="path", show_default=True, metavar="KEY",
              help="path, site, date, or a practice id (worst value first).")
@click.option("--reverse", is_flag=True, help="Reverse the order.")
@analysis_options
@jobs_options
def compare(paths: tuple[str, ...], fmt: str | None, output: str | None,
            practice_ids: tuple[str, ...], where: tuple[str, ...], sort_key: str, reverse: bool,
            rule_dirs: tuple[str, ...], model: str, max_bytes: int) -> None:
    """Compare policies: one row per policy, one column per practice, a count of each value.

    \b
    Examples:
      policylens compare corpus/
      policylens compare corpus/ --where data-sale=yes --sort date
      policylens compare corpus/ -p data-sale,third-party-sharing --format markdown
      policylens compare corpus/ -o report.html      # heatmap; click a cell for its evidence
    """
    from policylens.compare import compare as build
    from policylens.compare import parse_where, select_practices, sort_rows

    practices = select_practices(practice_ids or ("core",))
    filters = parse_where(where)
    sort_rows([], sort_key)  # an unknown sort key fails before any file is read
    run_grid("compare", paths, fmt, output, (rule_dirs, model, max_bytes),
             lambda reports: (build(reports, practices, filters, sort_key, reverse),),
             shown=tuple(p.id for p in practices))
