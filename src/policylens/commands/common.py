"""Options and helpers shared by the commands that analyze policies."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def err(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"policylens: {message}", err=True)


def analysis_options(func: F) -> F:
    func = cache_options(func)
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


# --- execution: cache, worker processes, Dask ------------------------------------------------
# These options are read back through the click context (`execution_settings`), so commands
# need no parameters for them: a command opts in with one decorator.

_SETTINGS = "policylens.execution"


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta.setdefault(_SETTINGS, {})[param.name] = value
    return value


def cache_options(func: F) -> F:
    """--cache-dir and --no-cache (part of analysis_options)."""
    func = click.option("--no-cache", is_flag=True, expose_value=False, callback=_remember,
                        envvar="POLICYLENS_NO_CACHE",
                        help="Neither read nor write the result cache.")(func)
    return click.option("--cache-dir", metavar="DIR", expose_value=False, callback=_remember,
                        envvar="POLICYLENS_CACHE_DIR",
                        help="Result cache folder (default: the user cache folder, e.g. "
                             "~/.cache/policylens). Reports are keyed by the policy's content, "
                             "the rules and the policylens version.")(func)


def jobs_options(func: F) -> F:
    """--jobs and --scheduler, for the commands that read many policies."""
    func = click.option("--scheduler", metavar="ADDRESS", expose_value=False, callback=_remember,
                        help="Run on a Dask cluster: tcp://HOST:PORT of its scheduler, or local "
                             "for a cluster on this machine (pip install 'policylens[dask]').")(func)
    return click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
                        expose_value=False, callback=_remember,
                        help="Worker processes (default: all cores).")(func)


def analysis_setup(rule_dirs: tuple[str, ...], model: str, max_bytes: int,
                   slim: bool = False, evidence_for: frozenset[str] | None = None,
                   ) -> tuple[Any, Any]:
    """The AnalysisSpec and Execution the command's options ask for. Rule files are read here
    (and, without a usable cache, validated, so rule errors come before any file is read)."""
    from policylens.cache import ResultCache, default_cache_dir
    from policylens.execute import AnalysisSpec, Execution, available_cores

    ctx = click.get_current_context(silent=True)
    settings = dict(ctx.meta.get(_SETTINGS, {})) if ctx else {}
    spec = AnalysisSpec.create(rule_dirs, model, max_bytes)
    execution = Execution(jobs=settings.get("jobs") or available_cores(),
                          scheduler=settings.get("scheduler"), slim=slim,
                          evidence_for=evidence_for, warn=err)
    if not settings.get("no_cache"):
        cache = ResultCache(settings.get("cache_dir") or default_cache_dir(), spec.key, warn=err)
        execution.cache = cache if cache.usable() else None
    if execution.cache is None:
        spec.ruleset()
    return spec, execution


def analyses(paths: list[str], rule_dirs: tuple[str, ...], model: str, max_bytes: int,
             slim: bool = False, evidence_for: frozenset[str] | None = None,
             ) -> tuple[Iterator[Any], list[Any], int]:
    """(a Report or Failure per file, in order; failures found while expanding the paths;
    how many files), run on the cache, worker processes or Dask as the options ask."""
    from policylens.execute import run
    from policylens.runner import expand_paths

    files, failures = expand_paths(paths)
    spec, execution = analysis_setup(rule_dirs, model, max_bytes, slim, evidence_for)
    return run(files, spec, execution), failures, len(files)


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


def collect_reports(paths: list[str], analysis: tuple[tuple[str, ...], str, int],
                    label: str = "analyzing", shown: tuple[str, ...] | None = None,
                    ) -> tuple[list[Any], list[Any]]:
    """Reports (slim: what grids need, with evidence only for the `shown` practices, if given)
    and failures for files and folders, with a progress bar on stderr when stderr is a terminal
    (never in pipes or CI logs)."""
    from policylens.runner import Failure

    rule_dirs, model, max_bytes = analysis
    items, failures, count = analyses(paths, rule_dirs, model, max_bytes, slim=True,
                                      evidence_for=frozenset(shown) if shown is not None else None)
    reports: list[Any] = []

    def take(item: Any) -> None:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            reports.append(item)

    if sys.stderr.isatty() and count > 1:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task(label, total=count)
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
