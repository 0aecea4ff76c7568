"""Options and helpers shared by the commands that analyze policies."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from policylens.models import Report
    from policylens.runner import Failure, Limits

F = TypeVar("F", bound=Callable[..., Any])


def err(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"policylens: {message}", err=True)


def analysis_options(func: F) -> F:
    """--model, --rules and the per-file guards (--max-bytes, --timeout, --fail-fast)."""
    func = click.option("--model", default="blank:en", show_default=True, metavar="NAME",
                        help="spaCy pipeline for sentences: blank:en, or an installed model name.")(func)
    func = click.option("--rules", "rule_dirs", multiple=True, metavar="PATH",
                        help="Extra rule file or folder, on top of the shipped rules (repeatable).")(func)
    func = click.option("--max-bytes", default=50 * 1024 * 1024, show_default=True,
                        type=click.IntRange(min=1), metavar="N",
                        help="Refuse policy files larger than N bytes.")(func)
    func = click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0),
                        metavar="SECONDS",
                        help="Time budget per file; a file that takes longer is reported and "
                             "skipped. 0: no budget.")(func)
    func = click.option("--fail-fast", is_flag=True,
                        help="Stop at the first file that cannot be analysed. By default every "
                             "file is tried (keep going) and the exit code says if any failed.")(func)
    return func


def output_option(func: F) -> F:
    return click.option("--output", "-o", "output", metavar="FILE", default=None,
                        help="Write the result to FILE (atomically: a failed run leaves any "
                             "existing FILE untouched) instead of stdout.")(func)


def keep_output(output: str | None, failures: list[Failure]) -> None:
    """Nothing could be analysed: leave an -o file as it was (call inside `open_output`, whose
    temporary file the exit removes) and exit with the failures' code. No-op for stdout."""
    from policylens.errors import EXIT_INPUT
    from policylens.runner import exit_code_for

    if output is None or output == "-":
        return
    err(f"nothing was analysed; {output} is left as it was")
    sys.exit(exit_code_for(failures) or EXIT_INPUT)


def analyzer_factory(rule_dirs: tuple[str, ...], model: str) -> Callable[[], Any]:
    from policylens.ruleset import load_ruleset

    ruleset = load_ruleset(list(rule_dirs))  # rule errors surface before any file is read

    def build() -> Any:
        from policylens.engine import Analyzer

        return Analyzer(ruleset, model)

    return build


def limits(max_bytes: int, timeout: float) -> Limits:
    from policylens.runner import Limits

    return Limits(max_bytes=max_bytes, timeout=timeout)


def report_failure(failure: Failure) -> None:
    """One line per failed file on stderr; an internal error's traceback only under --debug."""
    err(f"error: {failure.path}: {failure.message}")
    if failure.detail and _debug():
        click.echo(failure.detail.rstrip(), err=True)


def analyze_files(files: Iterable[str], factory: Callable[[], Any], guard: Limits,
                  failures: list[Failure], fail_fast: bool = False,
                  output: str | None = None) -> list[Report]:
    """The reports of `files`, in order, for a command writing inside `open_output(output)`.

    Each failure is reported on stderr as it happens and appended to `failures` (which may already
    hold the failures of expanding the paths). With fail_fast, exits at the first failure; when
    nothing could be analysed, exits leaving an -o file as it was. Either exit happens inside
    `open_output`, so its temporary file is removed."""
    from policylens.runner import Failure, analyze_paths, exit_code_for

    if failures and fail_fast:
        sys.exit(exit_code_for(failures))
    reports: list[Report] = []
    for item in analyze_paths(list(files), factory, guard):
        if isinstance(item, Failure):
            report_failure(item)
            failures.append(item)
            if fail_fast:
                sys.exit(exit_code_for(failures))
        else:
            reports.append(item)
    if not reports:
        keep_output(output, failures)
    return reports


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("debug"))


def pick_format(fmt: str | None, output: str | None = None) -> str:
    if fmt:
        return fmt
    if output and output != "-":
        return "json"
    return "table" if sys.stdout.isatty() else "json"
