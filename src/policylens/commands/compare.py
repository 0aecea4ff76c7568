"""`policylens compare`: many policies side by side, one column per practice."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import (
    analysis_options,
    analyzer_factory,
    choose_format,
    collect_reports,
    err,
    output_option,
    write_output,
)
from policylens.errors import EXIT_INPUT, EXIT_OK
from policylens.render import GRID_FORMATS


def practice_option(func):  # type: ignore[no-untyped-def]
    return click.option("--practice", "-p", "practice_ids", multiple=True, metavar="ID[,ID...]",
                        help="Show only these practices, in this order (repeatable).")(func)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE...")
@click.option("--format", "-f", "fmt", type=click.Choice(GRID_FORMATS),
              help="Output format. Default: table on a terminal, json when piped, or what the "
                   "--output suffix says.")
@output_option
@practice_option
@click.option("--where", "-w", multiple=True, metavar="PRACTICE=VALUE[,VALUE...]",
              help="Only policies with one of these values, e.g. data-sale=yes (repeatable; "
                   "every filter must hold).")
@click.option("--sort", "sort_key", default="path", show_default=True, metavar="KEY",
              help="path, site, date, or a practice id (worst value first).")
@click.option("--reverse", is_flag=True, help="Reverse the order.")
@analysis_options
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
    from policylens.compare import GridSet, parse_where, select_practices, sort_rows
    from policylens.compare import compare as build
    from policylens.render import grid_renderers

    practices = select_practices(practice_ids)
    filters = parse_where(where)
    sort_rows([], sort_key)  # an unknown sort key fails before any file is read
    chosen = choose_format(fmt, output, GRID_FORMATS, "table", "json")
    factory = analyzer_factory(rule_dirs, model)
    reports, failures = collect_reports(list(paths), factory, max_bytes)
    for failure in failures:
        err(f"error: {failure.path}: {failure.message}")
    grid = build(reports, practices, filters, sort_key, reverse)
    result = GridSet("compare", (grid,), tuple(failures))
    write_output(output, lambda out: grid_renderers()[chosen](result, out))
    sys.exit(EXIT_INPUT if failures else EXIT_OK)
