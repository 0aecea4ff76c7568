"""`policylens explain`: why each practice of one policy came out as it did."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import analysis_options, analyzer_factory, assessed, practice_ids
from policylens.errors import EXIT_OK


@click.command()
@click.argument("path", metavar="FILE")
@click.option("--practice", "-p", "practices", multiple=True, metavar="ID",
              help="Practice to explain (repeatable). Default: every practice with a finding.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@analysis_options
def explain(path: str, practices: tuple[str, ...], fmt: str, rule_dirs: tuple[str, ...], model: str,
            max_bytes: int, timeout: float) -> None:
    """Show every finding for a practice in FILE (or - for stdin): the sentence with its trigger
    [[marked]] and its polarity cue {{marked}}, the value each finding supports, and why the
    verdict came out as it did; then the near misses: triggers that matched but made no finding
    because the rule's `requires` found nothing in the sentence or an `exclude` matched over them.

    \b
    Examples:
      policylens explain policy.md --practice data-sale
      policylens explain policy.md -p children -p cookies --rules my-rules/
      policylens explain policy.md --format json
    """
    from policylens.explain import explain as build
    from policylens.explain import near_misses
    from policylens.practices import load_practices
    from policylens.render import explain_out
    from policylens.running.runner import Failure, Limits, analyze_paths, failure_error

    wanted = practice_ids(practices)
    factory = analyzer_factory(rule_dirs, model)
    result = next(analyze_paths([path], factory, Limits(max_bytes, timeout)))
    if isinstance(result, Failure):
        raise failure_error(result)
    result = assessed(result)
    catalogue = load_practices()
    if not wanted:
        with_findings = {f.practice for f in result.findings}
        wanted = [pid for pid in catalogue if pid in with_findings]
    misses = near_misses(result, factory())
    if not practices:
        wanted += [pid for pid in catalogue if pid not in wanted
                   and any(m.practice == pid for m in misses)]
    explanations = [build(result, catalogue[pid], misses) for pid in wanted
                    if pid in result.practices]
    explain_out.render(result, explanations, fmt, sys.stdout)
    sys.exit(EXIT_OK)
