"""`policylens compare`: many policies side by side, one column per practice."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import click

from policylens.commands.common import (
    F,
    analysis_options,
    analyzer_factory,
    choose_format,
    err,
    fail_fast_option,
    jobs_options,
    limits,
    output_option,
    spool_folder,
    stream_reports,
)
from policylens.errors import printable
from policylens.render import GRID_FORMATS


def grid_options(func: F) -> F:
    """--format, --output and --practice, shared by compare and timeline."""
    func = click.option("--practice", "-p", "practice_ids", multiple=True, metavar="ID[,ID...]",
                        help="Practices to show, in this order (repeatable; 'core' for the core six, "
                             "'all' for every practice). Default: core.")(func)
    func = output_option(func)
    return click.option("--format", "-f", "fmt", type=click.Choice(GRID_FORMATS),
                        help="Output format. Default: what the --output suffix says (.json .csv "
                             ".md .html), else a table (plain text when piped).")(func)


def run_grid(kind: str, paths: tuple[str, ...], fmt: str | None, output: str | None,
             analysis: tuple[tuple[str, ...], str, int, float, bool],
             build: Callable[[Iterator[Any], str | None], tuple],
             shown: tuple[str, ...] = (), source: Callable[..., Iterator[Any]] | None = None,
             slim: bool = True) -> None:
    """Analyze the inputs under the per-file guards (progress on a terminal), build the grids,
    render; exit 2 if any input could not be read (3 if policylens failed on one): the others
    are still shown.

    `build` receives the reports one at a time, and a folder for temporary files (the output's,
    so a big spool lands where the report will); each report keeps only what the chosen format
    reads: the evidence of the `shown` practices for the formats that print evidence, none for
    the others (all of it with `slim` False: a timeline compares the revisions' texts).
    `source(factory, limits, failures)`, when given, yields the reports instead of the files
    named by `paths` (timeline --git)."""
    from policylens.commands.views import views_folder, write_views
    from policylens.compare import GridSet
    from policylens.output import open_output
    from policylens.render import GRID_EVIDENCE, grid_renderers
    from policylens.render.html_out import render_grids
    from policylens.render.reader_html import view_name
    from policylens.running.runner import Failure, exit_code_for

    rule_dirs, model, max_bytes, timeout, fail_fast = analysis
    # compare -o DIR/: index.html and a reader view of each policy (commands/views.py)
    views = views_folder(output, fmt) if kind == "compare" else None
    if views is not None:
        fmt, output = "html", os.path.join(views, "index.html")
    chosen = choose_format(fmt, output, GRID_FORMATS, "table", "table")
    factory = analyzer_factory(rule_dirs, model)
    failures: list[Failure] = []
    evidence = shown if chosen in GRID_EVIDENCE else ()
    folder = spool_folder(output)
    with open_output(output) as out:  # opened first, so an unwritable -o fails before the run
        if source is not None:
            reports = source(factory, limits(max_bytes, timeout), failures)
        else:
            reports = stream_reports(list(paths), factory, limits(max_bytes, timeout), failures,
                                     fail_fast, output,
                                     shown=None if views or not slim else evidence)
        if views is not None:
            reports = write_views(reports, views, frozenset(evidence))
        result = GridSet(kind, build(reports, folder), tuple(failures))
        render = grid_renderers()[chosen]
        if views is not None:
            render = partial(render_grids, view=view_name)
        try:
            render(result, out)
        finally:
            result.close()
    sys.exit(exit_code_for(failures))


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE...")
@grid_options
@click.option("--where", "-w", multiple=True, metavar="PRACTICE=VALUE[,VALUE...]",
              help="Only policies with one of these values, e.g. data-sale=yes (repeatable; "
                   "every filter must hold).")
@click.option("--sort", "sort_key", default="path", show_default=True, metavar="KEY",
              help="path, site, date, or a practice id (worst value first).")
@click.option("--reverse", is_flag=True, help="Reverse the order.")
@click.option("--verbose", "-v", is_flag=True,
              help="List the files in the folders that are not policies (.pdf, .json...) and "
                   "were skipped; by default only their number is said.")
@analysis_options
@fail_fast_option
@jobs_options
def compare(paths: tuple[str, ...], fmt: str | None, output: str | None,
            practice_ids: tuple[str, ...], where: tuple[str, ...], sort_key: str, reverse: bool,
            verbose: bool, rule_dirs: tuple[str, ...], model: str, max_bytes: int, timeout: float,
            fail_fast: bool) -> None:
    """Compare policies: one row per policy, one column per practice, a count of each value.

    \b
    Examples:
      policylens compare corpus/
      policylens compare corpus/ --where data-sale=yes --sort date
      policylens compare corpus/ -p data-sale,third-party-sharing --format markdown
      policylens compare corpus/ -o report.html      # heatmap; click a cell for its evidence
      policylens compare corpus/ -f html -o out/     # out/index.html + a reader view per policy
    """
    from policylens.compare import compare as build
    from policylens.compare import parse_where, row_order, select_practices, skipped_files

    practices = select_practices(practice_ids or ("core",))
    filters = parse_where(where)
    row_order(sort_key)  # an unknown sort key fails before any file is read
    skipped = skipped_files(paths)
    if skipped:
        kinds = sorted({os.path.splitext(p)[1].lower() or "no suffix" for p in skipped})
        err(f"skipped {len(skipped)} file{'s' if len(skipped) > 1 else ''} that "
            f"{'are' if len(skipped) > 1 else 'is'} not .txt, .md or .html ({', '.join(kinds)})"
            + ("" if verbose else "; --verbose lists them"))
        for path in skipped if verbose else ():
            err(f"skipped: {printable(path)}")
    run_grid("compare", paths, fmt, output, (rule_dirs, model, max_bytes, timeout, fail_fast),
             lambda reports, folder: (build(reports, practices, filters, sort_key, reverse,
                                            folder=folder, roots=paths),),
             shown=tuple(p.id for p in practices))
