"""`policylens diff`: what changed between two revisions of a policy, and whether it got worse."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from policylens.commands.common import (
    analysis_options,
    analyzer_factory,
    assessed,
    choose_format,
    output_option,
    write_output,
)
from policylens.errors import EXIT_GATE, EXIT_OK, InputError, Location, UsageError
from policylens.render import DIFF_FORMATS

EPILOG = """\b
A change is a regression when the new value is worse in the practice's risk order
(data/practices.yaml), e.g. data-sale: no -> not-mentioned -> yes.
\b
Exit codes:
  0  no regression (or --no-fail)
  1  a regression in a gated practice (all practices, or those named by --fail-on)
  2  usage or input error: a missing file, a directory, an unknown git revision,
     a degraded capture (--no-capture-check compares it anyway)
  3  internal error (rerun with --debug for the traceback)"""


def _reports_from_files(old: str, new: str, factory: Any, guard: Any) -> tuple[Any, Any]:
    from policylens.running.runner import Failure, analyze_paths, failure_error

    if old == "-" and new == "-":
        raise UsageError("only one of OLD and NEW can be - (stdin)")
    results = []
    for item in analyze_paths([old, new], factory, guard):
        if isinstance(item, Failure):
            raise failure_error(item)
        results.append(assessed(item))
    return results[0], results[1]


def _absent(label: str, why: str) -> Any:
    """A revision in which the file does not exist: nothing is said about any practice."""
    from policylens.models import Metadata, PracticeVerdict, Report
    from policylens.practices import NOT_MENTIONED, load_practices

    return Report(label, Metadata(), (), {pid: PracticeVerdict(pid, NOT_MENTIONED, (), why)
                                         for pid in load_practices()}, (), (why,))


def _reports_from_git(sides: Any, path: str, factory: Any, guard: Any) -> tuple[Any, Any]:
    """The two revisions' reports; a revision without the file says nothing about any practice
    (a policy added or deleted is still diffed), but the file must be in one of them. Both are
    analysed as files are: through the cache, in worker processes, under --timeout."""
    from dataclasses import replace

    from policylens.reading.ingest import read_policy_bytes
    from policylens.reports.gitrev import read_at
    from policylens.running.runner import Failure

    old_side, new_side = sides
    found: list[tuple[Any, str, bytes | None]] = []
    for side in (old_side, new_side):
        label = path if side.rev is None else f"{side.label}:{path}"
        if side.rev is None:
            data = read_policy_bytes(path, guard.max_bytes) if os.path.lexists(path) else None
        else:
            data = read_at(side, path, guard.max_bytes)
        found.append((side, label, data))
    # analysed under the file's own name (its suffix says the format; the cache knows it so)
    results = iter(factory.run_data([(path, data) for _, _, data in found if data is not None], guard))
    reports = []
    for side, label, data in found:
        if data is None:
            reports.append(_absent(label, f"the file does not exist in {side.label}"))
            continue
        result = next(results)
        if isinstance(result, Failure):
            raise InputError(f"in {side.label}: {result.message}", Location(path))
        reports.append(assessed(replace(result, path=label)))
    if all(not r.sha256 for r in reports):
        raise InputError(f"no such file in {old_side.label} nor in {new_side.label}", Location(path))
    return reports[0], reports[1]


def _check_captures(old: Any, new: Any, check: bool) -> None:
    """A degraded capture (a login page, "Loading...", most of the text gone) is not a policy
    that changed: an input error naming it, unless --no-capture-check."""
    from policylens.reports.history import degraded_reason

    if not check or not old.sha256 or not new.sha256:  # a file added or deleted is a change
        return
    for report, why in ((old, old.metadata.degraded and f"degraded capture: {old.metadata.degraded}"),
                        (new, degraded_reason(new, old))):
        if why:
            raise InputError(f"not compared, {why}", Location(report.path),
                             "compare it anyway with --no-capture-check")


@click.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, metavar="OLD NEW | --git REV[..REV] PATH...")
@click.option("--git", "git_range", metavar="REV[..REV]",
              help="Read PATH from git: A..B compares revision A with B, A...B their merge base "
                   "with B, a lone A compares A with the working tree. Several PATHs: one diff "
                   "each (text, markdown and github formats).")
@click.option("--format", "-f", "fmt", type=click.Choice(DIFF_FORMATS),
              help="Output format. Default: what the --output suffix says (.json, .md, "
                   ".sarif, .txt), else text (plain when piped), or github under GitHub Actions.")
@output_option
@click.option("--fail-on", "fail_on", multiple=True, metavar="PRACTICE[,PRACTICE...]",
              help="Only regressions of these practices fail the run (default: all).")
@click.option("--no-fail", is_flag=True, help="Report only: exit 0 even on a regression.")
@click.option("--no-capture-check", "capture_check", flag_value=False, default=True,
              help="Compare even a revision that looks like a broken capture (it lost over 70% "
                   "of its text, or the reader marked it degraded).")
@analysis_options
def diff(paths: tuple[str, ...], git_range: str | None, fmt: str | None, output: str | None,
         fail_on: tuple[str, ...], no_fail: bool, capture_check: bool, rule_dirs: tuple[str, ...],
         model: str,
         max_bytes: int, timeout: float) -> None:
    """Compare two revisions of a policy: changed practice values with the old and new evidence
    side by side, sections added, removed or reworded (matched by content), and the changed
    sentences of sections that carry evidence. OLD or NEW may be - for stdin.

    \b
    Examples:
      policylens diff site@2014-06-29.md site@2019-12-28.md
      curl -s https://example.com/privacy | policylens diff privacy.md -
      policylens diff --git origin/main..HEAD docs/privacy.md --format markdown
      policylens diff --git main privacy.md --fail-on data-sale,third-party-sharing
      policylens diff old.md new.md --format sarif -o policylens.sarif
    """
    from policylens.compare import select_practices
    from policylens.render import diff_renderers
    from policylens.reports.diff import diff_reports

    if git_range is not None:
        if not paths:
            raise UsageError("--git needs a PATH: policylens diff --git REV[..REV] PATH")
    elif len(paths) != 2:
        raise UsageError("diff takes two files, OLD and NEW (or --git REV[..REV] PATH)")
    gate = [p.id for p in select_practices(fail_on)] if fail_on else []
    piped = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    chosen = choose_format(fmt, output, DIFF_FORMATS, "text", piped)
    if len(paths) > 1 and git_range is not None and chosen in ("json", "sarif"):
        raise UsageError(f"--format {chosen} describes one file; give one PATH, or use text, "
                         "markdown or github for several")
    factory = analyzer_factory(rule_dirs, model)
    results = []
    if git_range is not None:
        from policylens.reports.gitrev import parse_range
        from policylens.running.runner import Limits

        sides = parse_range(git_range)
        for path in paths:
            old, new = _reports_from_git(sides, path, factory, Limits(max_bytes, timeout))
            location = os.path.relpath(path).replace(os.sep, "/")
            _check_captures(old, new, capture_check)
            results.append(diff_reports(old, new, fail_on=gate, location=location))
    else:
        first, second = paths[0], paths[-1]
        from policylens.running.runner import Limits

        old, new = _reports_from_files(first, second, factory, Limits(max_bytes, timeout))
        location = "" if second == "-" else second
        _check_captures(old, new, capture_check)
        results.append(diff_reports(old, new, fail_on=gate, location=location))

    def render(out: Any) -> None:
        for result in results:
            diff_renderers()[chosen](result, out)

    write_output(output, render)
    sys.exit(EXIT_GATE if any(r.regression for r in results) and not no_fail else EXIT_OK)
