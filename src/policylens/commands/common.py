"""Options and helpers shared by the commands that analyze policies."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from policylens.models import Report
    from policylens.running.runner import Failure, Limits

F = TypeVar("F", bound=Callable[..., Any])


def err(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"policylens: {message}", err=True)


def analysis_options(func: F) -> F:
    """--model, --rules, the per-file guards --max-bytes and --timeout, and the cache options."""
    func = cache_options(func)
    func = lang_option(func)
    func = rules_model_options(func)
    func = click.option("--max-bytes", default=50 * 1024 * 1024, show_default=True,
                        type=click.IntRange(min=1), metavar="N",
                        help="Refuse policy files larger than N bytes.")(func)
    func = click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0),
                        metavar="SECONDS",
                        help="Time budget per file; a file that takes longer is reported and "
                             "skipped. 0: no budget.")(func)
    return func


def lang_option(func: F) -> F:
    """--lang: whether a policy that is not in English is analysed (part of analysis_options)."""
    return click.option("--lang", type=click.Choice(["en", "any"]), default="en",
                        show_default=True, expose_value=False, callback=_remember,
                        help="en: a policy in another language is reported not-assessed, with a "
                             "note; any: analyse it anyway with the English rules.")(func)


def assessed(report: Report) -> Report:
    """The report as the reader's checks and --lang ask: a non-English policy not-assessed (unless
    --lang any), a degraded capture noted. Applied after the cache, so --lang never needs a new
    analysis."""
    from dataclasses import replace

    from policylens.reading.capture import capture_note
    from policylens.reading.language import assess_language

    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get(_SETTINGS, {}).get("lang") or "en" if ctx else "en"
    report = assess_language(report, lang)
    note = capture_note(report.metadata.degraded)
    if note and note not in report.notes:
        report = replace(report, notes=report.notes + (note,))
    return report


def rules_model_options(func: F) -> F:
    """--model and --rules: what, besides a policy, decides its report (and the cache key)."""
    func = click.option("--model", default="blank:en", show_default=True, metavar="NAME",
                        help="spaCy pipeline for sentences: blank:en, or an installed model name.")(func)
    return click.option("--rules", "rule_dirs", multiple=True, metavar="PATH",
                        help="Extra rule file or folder, on top of the shipped rules (repeatable).")(func)


def fail_fast_option(func: F) -> F:
    """--fail-fast, for the commands that read many files."""
    return click.option("--fail-fast", is_flag=True,
                        help="Stop at the first file that cannot be analysed. By default every "
                             "file is tried (keep going) and the exit code says if any failed.")(func)


def output_option(func: F) -> F:
    return click.option("--output", "-o", "output", metavar="FILE", default=None,
                        help="Write the result to FILE instead of stdout, atomically: a failed run "
                             "leaves an existing FILE untouched. For compare, timeline and diff its "
                             "suffix picks the format when --format is not given: .html .json .csv "
                             ".md .sarif.")(func)


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
    """Render to stdout, or to FILE atomically (`output.open_output`): a failed run never leaves
    half a report behind."""
    from policylens.output import open_output

    with open_output(output) as out:
        render(out)


def keep_output(output: str | None, failures: list[Failure]) -> None:
    """Nothing could be analysed: leave an -o file as it was (call inside `open_output`, whose
    temporary file the exit removes) and exit with the failures' code. No-op for stdout."""
    from policylens.errors import EXIT_INPUT
    from policylens.running.runner import exit_code_for

    if output is None or output == "-":
        return
    err(f"nothing was analysed; {output} is left as it was")
    sys.exit(exit_code_for(failures) or EXIT_INPUT)


# --- execution: the result cache, worker processes, Dask -------------------------------------
# These options are read back through the click context (by `analyzer_factory`), so commands need
# no parameters for them: a command opts in with one decorator.

_SETTINGS = "policylens.execution"


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta.setdefault(_SETTINGS, {})[param.name] = value
    return value


def cache_options(func: F) -> F:
    """--cache-dir and --no-cache (part of analysis_options)."""
    func = click.option("--no-cache", is_flag=True, expose_value=False, callback=_remember,
                        envvar="POLICYLENS_NO_CACHE",
                        help="Neither read nor write the result cache.")(func)
    return cache_dir_option(func)


def cache_dir_option(func: F) -> F:
    """--cache-dir (or $POLICYLENS_CACHE_DIR), read back with `cache_folder()`."""
    return click.option("--cache-dir", metavar="DIR", expose_value=False, callback=_remember,
                        envvar="POLICYLENS_CACHE_DIR",
                        help="Result cache folder (default: the user cache folder, e.g. "
                             "~/.cache/policylens). Reports are kept by the policy's content, "
                             "the rules and the policylens version.")(func)


def cache_folder() -> str:
    """The result cache folder this command uses: --cache-dir, else $POLICYLENS_CACHE_DIR, else
    the platform's user cache folder."""
    from policylens.running.cache import default_cache_dir

    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get(_SETTINGS, {}).get("cache_dir") if ctx else None
    return chosen or default_cache_dir()


def jobs_options(func: F) -> F:
    """--jobs and --scheduler, for the commands that read many policies."""
    func = click.option("--scheduler", metavar="ADDRESS", expose_value=False, callback=_remember,
                        help="Run on a Dask cluster: tcp://HOST:PORT of its scheduler, or local "
                             "for a cluster on this machine (pip install 'policylens[dask]').")(func)
    return click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
                        expose_value=False, callback=_remember,
                        help="Worker processes (default: all cores).")(func)


def analyzer_factory(rule_dirs: tuple[str, ...], model: str) -> Any:
    """What the runner analyses with (execute.Analysis): the rule files read now (a missing one
    is an error before any file is read), the result cache, worker processes and Dask as the
    options ask. The rules are validated now when there is no cache; with one, at the first
    policy not in it, so a run served from the cache never loads spaCy (an entry exists only
    for rule files that were valid)."""
    from policylens.reading.ingest import DEFAULT_MAX_BYTES
    from policylens.running.cache import ResultCache
    from policylens.running.execute import Analysis, AnalysisSpec, Execution, available_cores

    ctx = click.get_current_context(silent=True)
    settings = dict(ctx.meta.get(_SETTINGS, {})) if ctx else {}
    spec = AnalysisSpec.create(rule_dirs, model, DEFAULT_MAX_BYTES)
    execution = Execution(jobs=settings.get("jobs") or available_cores(),
                          scheduler=settings.get("scheduler"))
    if not settings.get("no_cache"):
        cache = ResultCache(cache_folder(), spec.key, warn=err)
        execution.cache = cache if cache.usable() else None
    if execution.cache is None:
        spec.ruleset()
    return Analysis(spec, execution)


def limits(max_bytes: int, timeout: float) -> Limits:
    from policylens.running.runner import Limits

    return Limits(max_bytes=max_bytes, timeout=timeout)


def report_failure(failure: Failure, echo: Callable[[str], None] | None = None) -> None:
    """One line per failed file on stderr; an internal error's traceback only under --debug."""
    line = f"policylens: error: {failure.path}: {failure.message}"
    if echo is not None:
        echo(line)
    else:
        click.echo(line, err=True)
    if failure.detail and _debug():
        click.echo(failure.detail.rstrip(), err=True)


def analyze_files(files: Iterable[str], factory: Callable[[], Any], guard: Limits,
                  failures: list[Failure], fail_fast: bool = False, output: str | None = None,
                  label: str = "analyzing") -> list[Report]:
    """The reports of `files`, in order, for a command writing inside `open_output(output)`
    (see `each_report`)."""
    return list(each_report(files, factory, guard, failures, fail_fast, output, label))


def each_report(files: Iterable[str], factory: Callable[[], Any], guard: Limits,
                failures: list[Failure], fail_fast: bool = False, output: str | None = None,
                label: str = "analyzing") -> Iterator[Report]:
    """The reports of `files`, in order, one at a time as they are ready (a caller that does not
    keep them runs in memory that does not grow with the number of files).

    Each failure is reported on stderr as it happens and appended to `failures` (which may already
    hold the failures of expanding the paths). With fail_fast, exits at the first failure; when
    nothing could be analysed, exits at the end leaving an -o file as it was. Either exit happens
    inside `open_output`, so its temporary file is removed. A progress bar shows on stderr when
    stderr is a terminal (never in pipes or CI logs)."""
    from policylens.running.runner import Failure, analyze_paths, exit_code_for

    if failures and fail_fast:
        sys.exit(exit_code_for(failures))
    files = list(files)
    analysed = 0

    def fail(item: Failure, echo: Callable[[str], None] | None = None) -> None:
        report_failure(item, echo)
        failures.append(item)
        if fail_fast:
            sys.exit(exit_code_for(failures))

    def take(items: Iterable[Report | Failure], echo: Callable[[str], None] | None = None,
             step: Callable[[], None] = lambda: None) -> Iterator[Report]:
        nonlocal analysed
        for item in items:
            if isinstance(item, Failure):
                fail(item, echo)
            else:
                analysed += 1
                yield assessed(item)
            step()

    items = analyze_paths(files, factory, guard)
    if sys.stderr is not None and sys.stderr.isatty() and len(files) > 1:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True, highlight=False, markup=False)
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task(label, total=len(files))
            yield from take(items, lambda line: console.print(line, soft_wrap=True),
                            lambda: progress.advance(task))
    else:
        yield from take(items)
    if not analysed:
        keep_output(output, failures)


def stream_reports(paths: list[str], factory: Callable[[], Any], guard: Limits,
                   failures: list[Failure], fail_fast: bool = False, output: str | None = None,
                   label: str = "analyzing", shown: tuple[str, ...] | None = None,
                   ) -> Iterator[Report]:
    """Files named or found under folders, analysed one at a time as they are ready (see
    `each_report`); failures of either step are reported and collected in `failures`. With
    `shown` (the practices whose evidence a grid shows), each report keeps only what grids read:
    verdicts, with evidence for those practices only. The paths are expanded at once."""
    from policylens.running.runner import expand_paths

    if shown is not None and hasattr(factory, "keep"):
        factory.keep(slim=True, evidence_for=frozenset(shown))

    files, problems = expand_paths(paths)
    for failure in problems:
        report_failure(failure)
    failures.extend(problems)
    return each_report(files, factory, guard, failures, fail_fast, output, label)


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("debug"))


def spool_folder(output: str | None) -> str | None:
    """Where a command keeps its temporary files: beside its -o file (so a big spool lands on
    the disk the report will), else the system's temporary folder (None)."""
    import os

    return os.path.dirname(os.path.realpath(output)) if output and output != "-" else None


def pick_format(fmt: str | None, output: str | None = None) -> str:
    """analyze's format: --format if given; else by the output file's suffix (.html, .json);
    else the table, which is plain text when stdout is not a terminal. JSON only when asked."""
    if fmt:
        return fmt
    if output and output != "-":
        if output.lower().endswith((".html", ".htm")):
            return "html"
        if output.lower().endswith(".json"):
            return "json"
    return "table"


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
