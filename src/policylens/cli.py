"""Command line: options, choice of renderer, exit codes. No NLP here; heavy imports are lazy."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from policylens import __version__
from policylens.errors import EXIT_GATE, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, PolicylensError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = """\b
Exit codes:
  0  done; nothing at the gate
  1  the gate tripped (a regression, --fail-on hit, a rule example failed)
  2  usage, input or configuration error (also: some input files could not be read)
  3  internal error (rerun with --debug for the traceback)"""


def _err(message: str) -> None:
    click.echo(f"policylens: {message}", err=True)


class _Group(click.Group):
    """Turns every expected error into one line on stderr and a documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PolicylensError as exc:
            _err(f"error: {exc}")
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _err("interrupted")
            ctx.exit(130)
        except BrokenPipeError:
            _quiet_broken_pipe()
            ctx.exit(EXIT_OK)
        except Exception as exc:  # a bug: never a traceback unless asked
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _err(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)")
            ctx.exit(EXIT_INTERNAL)


def _quiet_broken_pipe() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


@click.group(cls=_Group, epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policylens")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """policylens: find what a privacy policy says about selling data, cookies, children,
    ads, sharing and mergers, with the sentence that decides each answer.

    \b
    Examples:
      policylens analyze corpus/                     # every policy in a folder
      policylens analyze policy.html --format json   # machine output
      echo "We do not sell your data." | policylens analyze -
      policylens eval labelled/                       # accuracy against labelled/labels.yaml
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _common_analysis_options(func: F) -> F:
    func = click.option("--model", default="blank:en", show_default=True, metavar="NAME",
                        help="spaCy pipeline for sentences: blank:en, or an installed model name.")(func)
    func = click.option("--rules", "rule_dirs", multiple=True, metavar="PATH",
                        help="Extra rule file or folder, on top of the shipped rules (repeatable).")(func)
    func = click.option("--max-bytes", default=50 * 1024 * 1024, show_default=True, type=int,
                        help="Refuse policy files larger than this.")(func)
    return func


def _analyzer_factory(rule_dirs: tuple[str, ...], model: str) -> Callable[[], Any]:
    from policylens.ruleset import load_ruleset

    ruleset = load_ruleset(list(rule_dirs))  # rule errors surface before any file is read

    def build() -> Any:
        from policylens.engine import Analyzer

        return Analyzer(ruleset, model)

    return build


def _pick_format(fmt: str | None) -> str:
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "json"


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]),
              help="Output format. Default: table on a terminal, json when piped.")
@_common_analysis_options
def analyze(paths: tuple[str, ...], fmt: str | None, rule_dirs: tuple[str, ...], model: str,
            max_bytes: int) -> None:
    """Analyze policy files (.txt, .md, .html), folders of them, or - for stdin.

    Prints where each policy came from, its outline of sections, and for each practice its
    value with the deciding sentence, section and line.

    \b
    Examples:
      policylens analyze corpus/
      policylens analyze site@2019-01-01.md --format json > report.json
      curl -s https://example.com/privacy | policylens analyze -
    """
    from policylens.render import analyze_renderers
    from policylens.runner import Failure, analyze_paths, expand_paths

    factory = _analyzer_factory(rule_dirs, model)
    files, failures = expand_paths(list(paths))
    reports = []
    for item in analyze_paths(files, factory, max_bytes):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            reports.append(item)
    for failure in failures:
        _err(f"error: {failure.path}: {failure.message}")
    if reports or _pick_format(fmt) == "json":
        analyze_renderers()[_pick_format(fmt)](reports, failures, sys.stdout)
    sys.exit(EXIT_INPUT if failures else EXIT_OK)


@cli.command(name="eval")
@click.argument("directory", metavar="DIR")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--min-accuracy", type=float, default=None, metavar="X",
              help="Exit 1 when any practice scores below X (0-1).")
@_common_analysis_options
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
    from policylens.render import eval_out
    from policylens.runner import Failure, analyze_paths

    labels = load_labels(directory)
    factory = _analyzer_factory(rule_dirs, model)
    files = [str(Path(directory) / name) for name in sorted(labels)]
    reports = {}
    for item in analyze_paths(files, factory, max_bytes):
        if isinstance(item, Failure):
            _err(f"error: {item.path}: {item.message}")
        else:
            reports[Path(item.path).name] = item
    scores = score(labels, reports)
    eval_out.render(scores, fmt, sys.stdout)
    if min_accuracy is not None and any(s.accuracy < min_accuracy for s in scores.values()):
        sys.exit(EXIT_GATE)
    sys.exit(EXIT_OK)


def main() -> None:
    try:
        cli(prog_name="policylens")
    except BrokenPipeError:
        _quiet_broken_pipe()
        sys.exit(EXIT_OK)
