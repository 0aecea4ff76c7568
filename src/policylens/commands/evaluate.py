"""`policylens eval`: accuracy against a labelled folder."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import analysis_options, analysis_setup, err, jobs_options
from policylens.errors import EXIT_GATE, EXIT_OK


@click.command(name="eval")
@click.argument("directory", metavar="DIR")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--min-accuracy", type=float, default=None, metavar="X",
              help="Exit 1 when any practice scores below X (0-1).")
@analysis_options
@jobs_options
def evaluate(directory: str, fmt: str, min_accuracy: float | None, rule_dirs: tuple[str, ...],
             model: str, max_bytes: int) -> None:
    """Measure accuracy against DIR/labels.yaml (file -> practice -> value).

    \b
    Examples:
      policylens eval ../shared/devset/policies
      policylens eval my-labelled/ --rules my-rules/ --min-accuracy 0.9
    """
    from pathlib import Path

    from policylens.evaluate import load_labels, score
    from policylens.execute import run
    from policylens.render import eval_out
    from policylens.runner import Failure

    labels = load_labels(directory)
    spec, execution = analysis_setup(rule_dirs, model, max_bytes, slim=True)
    files = [str(Path(directory) / name) for name in sorted(labels)]
    reports = {}
    for item in run(files, spec, execution):
        if isinstance(item, Failure):
            err(f"error: {item.path}: {item.message}")
        else:
            reports[Path(item.path).name] = item
    scores = score(labels, reports)
    eval_out.render(scores, fmt, sys.stdout)
    if min_accuracy is not None and any(s.accuracy < min_accuracy for s in scores.values()):
        sys.exit(EXIT_GATE)
    sys.exit(EXIT_OK)


