"""Options and helpers shared by the commands that analyze policies."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def err(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"policylens: {message}", err=True)


def analysis_options(func: F) -> F:
    func = click.option("--model", default="blank:en", show_default=True, metavar="NAME",
                        help="spaCy pipeline for sentences: blank:en, or an installed model name.")(func)
    func = click.option("--rules", "rule_dirs", multiple=True, metavar="PATH",
                        help="Extra rule file or folder, on top of the shipped rules (repeatable).")(func)
    func = click.option("--max-bytes", default=50 * 1024 * 1024, show_default=True, type=int,
                        help="Refuse policy files larger than this.")(func)
    return func


def analyzer_factory(rule_dirs: tuple[str, ...], model: str) -> Callable[[], Any]:
    from policylens.ruleset import load_ruleset

    ruleset = load_ruleset(list(rule_dirs))  # rule errors surface before any file is read

    def build() -> Any:
        from policylens.engine import Analyzer

        return Analyzer(ruleset, model)

    return build


def pick_format(fmt: str | None) -> str:
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "json"




def output_option(func: F) -> F:
    return click.option("--output", "-o", metavar="FILE",
                        help="Write the result to FILE (its suffix picks the format when --format "
                             "is not given: .html .json .csv .md .sarif).")(func)


def choose_format(fmt: str | None, output: str | None, allowed: tuple[str, ...], terminal: str,
                  piped: str) -> str:
    """--format if given; else the output file's suffix; else `terminal` on a terminal, `piped`."""
    if fmt:
        return fmt
    if output:
        from pathlib import Path

        from policylens.render import SUFFIX_FORMATS

        by_suffix = SUFFIX_FORMATS.get(Path(output).suffix.lower())
        if by_suffix in allowed:
            return by_suffix
        return piped
    return terminal if sys.stdout.isatty() else piped


def write_output(output: str | None, render: Callable[[Any], None]) -> None:
    """Render to stdout, or to FILE through a temporary file renamed into place, so a failed run
    never leaves half a report behind."""
    if not output or output == "-":
        render(sys.stdout)
        return
    import os
    import tempfile

    from policylens.errors import InputError, Location

    target = os.path.abspath(output)
    if os.path.isdir(target):
        raise InputError("is a directory; give a file name for --output", Location(output))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".policylens-", dir=os.path.dirname(target))
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror or exc}", Location(output)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            render(handle)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def collect_reports(paths: list[str], factory: Callable[[], Any], max_bytes: int,
                    label: str = "analyzing") -> tuple[list[Any], list[Any]]:
    """Reports and failures for files and folders, with a progress bar on stderr when stderr is a
    terminal (never in pipes or CI logs)."""
    from policylens.runner import Failure, analyze_paths, expand_paths

    files, failures = expand_paths(paths)
    reports: list[Any] = []

    def take(item: Any) -> None:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            reports.append(item)

    items = analyze_paths(files, factory, max_bytes)
    if sys.stderr.isatty() and len(files) > 1:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task(label, total=len(files))
            for item in items:
                take(item)
                progress.advance(task)
    else:
        for item in items:
            take(item)
    return reports, failures


def practice_ids(requested: tuple[str, ...] | list[str]) -> list[str]:
    """Practice ids as given on the command line (comma lists, `core`, `all`), in catalogue order.
    An unknown id is a usage error that names the closest one."""
    from policylens.compare import select_practices
    from policylens.practices import load_practices

    if not requested:
        return []
    chosen = {p.id for p in select_practices(requested)}
    return [pid for pid in load_practices() if pid in chosen]


def only_practices(report: Any, wanted: list[str]) -> Any:
    """The report with only the chosen practices' verdicts and findings."""
    from dataclasses import replace

    return replace(report, practices={k: v for k, v in report.practices.items() if k in wanted},
                   findings=tuple(f for f in report.findings if f.practice in wanted))
