"""`policylens timeline`: the revisions of a policy in date order, with each change marked."""

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
from policylens.commands.compare import practice_option
from policylens.errors import EXIT_INPUT, EXIT_OK
from policylens.render import GRID_FORMATS


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE...")
@click.option("--format", "-f", "fmt", type=click.Choice(GRID_FORMATS),
              help="Output format. Default: table on a terminal, json when piped, or what the "
                   "--output suffix says.")
@output_option
@practice_option
@analysis_options
def timeline(paths: tuple[str, ...], fmt: str | None, output: str | None,
             practice_ids: tuple[str, ...], rule_dirs: tuple[str, ...], model: str,
             max_bytes: int) -> None:
    """Revisions of a policy over time: each practice per revision, the changes marked.

    Revisions are ordered by the archive date, else the date the policy states, else a date in
    the file name (site@2014-06-28.md). Files of several sites give one timeline per site.

    \b
    Examples:
      policylens timeline revisions/                      # site@DATE.md files
      policylens timeline old.md new.md newer.md --format markdown
      policylens timeline revisions/ -o timeline.html
    """
    from policylens.compare import GridSet, report_date, select_practices
    from policylens.render import grid_renderers
    from policylens.timeline import timelines

    practices = select_practices(practice_ids)
    chosen = choose_format(fmt, output, GRID_FORMATS, "table", "json")
    factory = analyzer_factory(rule_dirs, model)
    reports, failures = collect_reports(list(paths), factory, max_bytes)
    for failure in failures:
        err(f"error: {failure.path}: {failure.message}")
    for path in [r.path for r in reports if report_date(r)[0] is None]:
        err(f"warning: {path}: no date found (archive header, policy date or name@YYYY-MM-DD); "
            "placed last")
    result = GridSet("timeline", timelines(reports, practices), tuple(failures))
    write_output(output, lambda out: grid_renderers()[chosen](result, out))
    sys.exit(EXIT_INPUT if failures else EXIT_OK)
