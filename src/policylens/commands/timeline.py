"""`policylens timeline`: the revisions of a policy in date order, with each change marked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

from policylens.commands.common import analysis_options, err, fail_fast_option, jobs_options
from policylens.commands.compare import grid_options, run_grid


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE...")
@grid_options
@analysis_options
@fail_fast_option
@jobs_options
def timeline(paths: tuple[str, ...], fmt: str | None, output: str | None,
             practice_ids: tuple[str, ...], rule_dirs: tuple[str, ...], model: str,
             max_bytes: int, timeout: float, fail_fast: bool) -> None:
    """Revisions of a policy over time: each practice per revision, the changes marked.

    Revisions are ordered by the archive date, else the date the policy states, else a date in
    the file name (site@2014-06-28.md). Files of several sites give one timeline per site.

    \b
    Examples:
      policylens timeline revisions/                      # site@DATE.md files
      policylens timeline old.md new.md newer.md --format markdown
      policylens timeline revisions/ -o timeline.html
    """
    from policylens.compare import report_date, select_practices
    from policylens.timeline import timelines

    practices = select_practices(practice_ids or ("core",))

    def build(each: Iterator[Any], folder: str | None) -> tuple:
        reports = list(each)  # a timeline is laid out in memory: revisions of a few policies
        for path in [r.path for r in reports if report_date(r)[0] is None]:
            err(f"warning: {path}: no date found (archive header, policy date or name@YYYY-MM-DD); "
                "placed last")
        return timelines(reports, practices)

    run_grid("timeline", paths, fmt, output, (rule_dirs, model, max_bytes, timeout, fail_fast), build,
             shown=tuple(p.id for p in practices))
