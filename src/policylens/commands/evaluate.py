"""`policylens eval`: accuracy against a labelled folder."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import (
    analysis_options,
    analyze_files,
    analyzer_factory,
    fail_fast_option,
    jobs_options,
    limits,
    output_option,
)
from policylens.errors import EXIT_GATE, EXIT_OK


@click.command(name="eval")
@click.argument("directory", metavar="DIR")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--min-accuracy", type=float, default=None, metavar="X",
              help="Exit 1 when any practice scores below X (0-1).")
@output_option
@analysis_options
@fail_fast_option
@jobs_options
def evaluate(directory: str, fmt: str, min_accuracy: float | None, output: str | None,
             rule_dirs: tuple[str, ...], model: str, max_bytes: int, timeout: float,
             fail_fast: bool) -> None:
    """Measure accuracy against DIR/labels.yaml (file -> practice -> value).

    A labelled file that cannot be analysed counts as a miss ("(error)"), is reported on stderr,
    and makes the exit code 2 (3 for an internal error), above the --min-accuracy gate's 1.

    \b
    Examples:
      policylens eval ../shared/devset/policies
      policylens eval my-labelled/ --rules my-rules/ --min-accuracy 0.9
    """
    from pathlib import Path

    from policylens.evaluate import load_labels, score
    from policylens.output import open_output
    from policylens.render import eval_out
    from policylens.running.runner import Failure, exit_code_for

    labels = load_labels(directory)
    factory = analyzer_factory(rule_dirs, model)
    files = [str(Path(directory) / name) for name in sorted(labels)]
    failures: list[Failure] = []
    with open_output(output) as out:
        found = analyze_files(files, factory, limits(max_bytes, timeout), failures, fail_fast, output)
        reports = {Path(report.path).name: report for report in found}
        scores = score(labels, reports)
        eval_out.render(scores, fmt, out)
    gate = EXIT_GATE if min_accuracy is not None and any(
        s.accuracy < min_accuracy for s in scores.values()) else EXIT_OK
    sys.exit(max(exit_code_for(failures), gate))
