"""`policylens analyze`: one report per policy."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import (
    analysis_options,
    analyze_files,
    analyzer_factory,
    limits,
    output_option,
    pick_format,
    report_failure,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]),
              help="Output format. Default: table on a terminal, json when piped or with -o.")
@output_option
@analysis_options
def analyze(paths: tuple[str, ...], fmt: str | None, output: str | None, rule_dirs: tuple[str, ...],
            model: str, max_bytes: int, timeout: float, fail_fast: bool) -> None:
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
      curl -s https://example.com/privacy | policylens analyze -
    """
    from policylens.output import open_output
    from policylens.render import analyze_renderers
    from policylens.runner import exit_code_for, expand_paths

    factory = analyzer_factory(rule_dirs, model)
    files, failures = expand_paths(list(paths))
    for failure in failures:
        report_failure(failure)
    fmt = pick_format(fmt, output)
    with open_output(output) as out:  # opened first, so an unwritable -o fails before the run
        reports = analyze_files(files, factory, limits(max_bytes, timeout), failures, fail_fast, output)
        if reports or fmt == "json":
            analyze_renderers()[fmt](reports, failures, out)
    sys.exit(exit_code_for(failures))
