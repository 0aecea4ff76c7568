"""`policylens timeline`: the revisions of a policy in capture order, with each change marked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import click

from policylens.commands.common import analysis_options, err, fail_fast_option, jobs_options
from policylens.commands.compare import grid_options, run_grid


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE...")
@click.option("--git", "from_git", is_flag=True,
              help="Each PATH is a file in the current git repository: every commit that "
                   "touched it is a revision (following renames), dated by the commit, in "
                   "commit order.")
@click.option("--changes-only", is_flag=True,
              help="Show only the revisions where a value changed.")
@grid_options
@analysis_options
@fail_fast_option
@jobs_options
def timeline(paths: tuple[str, ...], from_git: bool, changes_only: bool, fmt: str | None,
             output: str | None, practice_ids: tuple[str, ...], rule_dirs: tuple[str, ...],
             model: str, max_bytes: int, timeout: float, fail_fast: bool) -> None:
    """Revisions of a policy over time: each practice per revision, the changes marked.

    Revisions are ordered by when they were captured: the archive header's date, else the
    commit (--git), else a date in the file name (site@2014-06-28.md); the date the policy
    states for itself is shown beside it (and orders only revisions with no capture date).
    Files of several sites give one timeline per site. Degraded captures (a login page, a
    "Loading" page, a revision that lost most of its text) are reported on stderr and left
    out: the revisions around one are compared with each other.

    \b
    Examples:
      policylens timeline revisions/                      # site@DATE.md files
      policylens timeline --git "Bolt/Privacy Policy.md" --changes-only
      policylens timeline old.md new.md newer.md --format markdown
      policylens timeline revisions/ -o timeline.html
    """
    from policylens.compare import select_practices
    from policylens.reports.timeline import Timeline, capture_date, timelines

    practices = select_practices(practice_ids or ("core",))

    def shown(found: tuple[Timeline, ...]) -> tuple:
        for each in found:
            for report, why in each.skipped:
                err(f"warning: {report.path}: skipped, {why}")
            if each.returned:
                err(f"note: {each.grid.title}: {len(each.returned)} revision(s) return to an earlier "
                    "capture's text (alternating variants) and are compared with it, e.g. "
                    f"{each.returned[0][0].path} with {each.returned[0][1].path}")
        return tuple(each.grid for each in found)

    if from_git:
        from policylens.reports.timeline import Revision
        from policylens.reports.timeline import timeline as one_timeline

        history: dict[str, list[Any]] = {}

        def source(factory: Any, guard: Any, failures: list[Any]) -> Iterator[Any]:
            yield from _git_reports(paths, factory, guard, history)

        def build_git(each: Iterator[Any], folder: str | None) -> tuple:
            by_label = {r.path: r for r in each}
            return shown(tuple(
                one_timeline([Revision(by_label[label], date, "commit")
                              for label, date in history[path] if label in by_label],
                             practices, os.path.relpath(path), in_order=True,
                             changes_only=changes_only)
                for path in paths))

        run_grid("timeline", paths, fmt, output, (rule_dirs, model, max_bytes, timeout, fail_fast),
                 build_git, source=source, slim=False)
        return

    def build(each: Iterator[Any], folder: str | None) -> tuple:
        reports = list(each)  # a timeline is laid out in memory: revisions of a few policies
        for path in [r.path for r in reports if capture_date(r)[0] is None]:
            err(f"warning: {path}: no date found (archive header, name@YYYY-MM-DD or the policy's "
                "own date); placed last")
        return shown(timelines(reports, practices, changes_only))

    run_grid("timeline", paths, fmt, output, (rule_dirs, model, max_bytes, timeout, fail_fast), build,
             shown=tuple(p.id for p in practices), slim=False)


def _git_reports(paths: tuple[str, ...], factory: Any, guard: Any,
                 history: dict[str, list[tuple[str, str]]]) -> Iterator[Any]:
    """The reports of every revision of each path (through the cache and the worker processes,
    under the time budget per policy); `history` receives each path's (label, commit date)."""
    from dataclasses import replace

    from policylens.errors import InputError, Location
    from policylens.reports.gitrev import history as revisions_of
    from policylens.reports.gitrev import read_blob
    from policylens.running.runner import Failure

    named: list[tuple[str, bytes]] = []
    shown: dict[str, str] = {}  # analysed as commit:path (its suffix says the format), shown as path@commit
    for path in paths:
        history[path] = []
        for revision in revisions_of(path):
            data = read_blob(revision.spec, path, revision.commit[:10], guard.max_bytes)
            if data is not None:
                named.append((revision.label, data))
                shown[revision.label] = _shown(revision)
                history[path].append((shown[revision.label], revision.date[:10]))
    for result in factory.run_data(named, guard):
        if isinstance(result, Failure):
            raise InputError(result.message, Location(result.path))
        yield replace(result, path=shown[result.path])


def _shown(revision: Any) -> str:
    """How a revision is named in the grid: the file and its commit (Privacy Policy.md@28b7bd7f)."""
    return f"{revision.path}@{revision.commit[:8]}"
