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


