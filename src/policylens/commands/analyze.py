"""`policylens analyze`: one report per policy."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import (
    analyses,
    analysis_options,
    err,
    jobs_options,
    only_practices,
    pick_format,
    practice_ids,
)
from policylens.errors import EXIT_INPUT, EXIT_OK


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]),
              help="Output format. Default: table on a terminal, json when piped.")
@click.option("--practice", "-p", "practices", multiple=True, metavar="ID",
              help="Report only these practices (repeatable; 'core' for the core six). "
                   "Default: all; the table folds extra practices that are not mentioned.")
@analysis_options
@jobs_options
def analyze(paths: tuple[str, ...], fmt: str | None, practices: tuple[str, ...],
            rule_dirs: tuple[str, ...], model: str, max_bytes: int) -> None:
    """Analyze policy files (.txt, .md, .html), folders of them, or - for stdin.

    Prints where each policy came from, its outline of sections, and for each practice its
    value with the deciding sentence, section and line.

    \b
    Examples:
      policylens analyze corpus/
      policylens analyze site@2019-01-01.md --format json > report.json
      policylens analyze corpus/ -p core -p do-not-track
      curl -s https://example.com/privacy | policylens analyze -
    """
    from policylens.render import analyze_renderers
    from policylens.runner import Failure

    wanted = practice_ids(practices) if practices else None
    items, failures, _ = analyses(list(paths), rule_dirs, model, max_bytes)
    reports = []
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            reports.append(item if wanted is None else only_practices(item, wanted))
    for failure in failures:
        err(f"error: {failure.path}: {failure.message}")
    if reports or pick_format(fmt) == "json":
        analyze_renderers()[pick_format(fmt)](reports, failures, sys.stdout)
    sys.exit(EXIT_INPUT if failures else EXIT_OK)


