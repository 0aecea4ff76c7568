"""Options and helpers shared by the commands that analyze policies."""

from __future__ import annotations

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




def practice_ids(requested: tuple[str, ...] | list[str]) -> list[str]:
    """Practice ids as given on the command line, in catalogue order; `core` stands for the core
    six. An unknown id is a usage error that names the closest one."""
    import difflib

    from policylens.errors import UsageError
    from policylens.practices import load_practices

    catalogue = load_practices()
    chosen: set[str] = set()
    for raw in requested:
        for pid in (p.strip() for p in raw.split(",") if p.strip()):
            if pid == "core":
                chosen.update(p for p, spec in catalogue.items() if spec.core)
            elif pid == "all":
                chosen.update(catalogue)
            elif pid in catalogue:
                chosen.add(pid)
            else:
                close = difflib.get_close_matches(pid, list(catalogue), n=1)
                raise UsageError(f"unknown practice {pid!r}",
                                 hint=f"did you mean {close[0]!r}?" if close else
                                 "see 'policylens rules list' for the practices")
    return [pid for pid in catalogue if pid in chosen]


def only_practices(report: Any, wanted: list[str]) -> Any:
    """The report with only the chosen practices' verdicts and findings."""
    from dataclasses import replace

    return replace(report, practices={k: v for k, v in report.practices.items() if k in wanted},
                   findings=tuple(f for f in report.findings if f.practice in wanted))
