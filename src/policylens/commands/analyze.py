"""`policylens analyze`: one report per policy."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from policylens.commands.common import (
    analysis_options,
    analyzer_factory,
    fail_fast_option,
    jobs_options,
    limits,
    only_practices,
    output_option,
    pick_format,
    practice_ids,
    spool_folder,
    stream_reports,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "html"]),
              help="Output format: html is the reader view of one policy, every statement "
                   "highlighted. Default: the table (plain text when piped); json for -o "
                   "FILE.json, html for -o FILE.html.")
@click.option("--practice", "-p", "practices", multiple=True, metavar="ID",
              help="Report only these practices (repeatable; 'core' for the core six). "
                   "Default: all; the table folds extra practices that are not mentioned.")
@output_option
@analysis_options
@fail_fast_option
@jobs_options
def analyze(paths: tuple[str, ...], fmt: str | None, practices: tuple[str, ...], output: str | None,
            rule_dirs: tuple[str, ...], model: str, max_bytes: int, timeout: float,
            fail_fast: bool) -> None:
    """Analyze policy files (.txt, .md, .html), folders of them, or - for stdin.

    Prints where each policy came from, its outline of sections, and for each practice its
    value with the deciding sentence, section and line.

    Files that cannot be analysed (missing, binary, too large, over the time budget) are
    reported on stderr, one line each, and the others are still analysed; the exit code is
    then 2 (3 if policylens itself failed on one).

    \b
    Examples:
      policylens analyze corpus/
      policylens analyze site@2019-01-01.md --format json -o report.json
      policylens analyze corpus/ -p core -p do-not-track
      policylens analyze policy.md -o view.html         # reader view, statements highlighted
      curl -s https://example.com/privacy | policylens analyze -
    """
    from policylens.models import Report
    from policylens.output import open_output
    from policylens.render import analyze_renderers
    from policylens.running.runner import Failure, exit_code_for
    from policylens.running.spool import SortedSpool

    wanted = practice_ids(practices) if practices else None
    factory = analyzer_factory(rule_dirs, model)
    fmt = pick_format(fmt, output)
    failures: list[Failure] = []
    folder = spool_folder(output)
    with open_output(output) as out:  # opened first, so an unwritable -o fails before the run
        # Reports are printed once the run is over (JSON: errors first, then the reports by
        # path; the table: in input order), so they wait on disk past a few megabytes
        # (spool.py), not all in memory.
        order: Callable[[Report], str] = (lambda r: r.path) if fmt == "json" else (lambda r: "")
        reports: SortedSpool[Report] = SortedSpool(order, folder=folder)
        try:
            reports.extend(only_practices(r, wanted) if wanted is not None else r
                           for r in stream_reports(list(paths), factory,
                                                   limits(max_bytes, timeout), failures,
                                                   fail_fast, output))
            if reports or fmt == "json":
                analyze_renderers()[fmt](reports.finish(), failures, out)
        finally:
            reports.close()
    sys.exit(exit_code_for(failures))
