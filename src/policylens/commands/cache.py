"""`policylens cache`: see and manage the result cache (info, prune, clear)."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import F, cache_dir_option, cache_folder, rules_model_options
from policylens.errors import EXIT_OK


def _format_option(func: F) -> F:
    return click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]),
                        default="table", show_default=True)(func)


def _dry_run_option(func: F) -> F:
    return click.option("--dry-run", "-n", is_flag=True,
                        help="Only say what would be removed; delete nothing.")(func)


def _current_key(rule_dirs: tuple[str, ...], model: str) -> str:
    """The analysis key analyze/compare would use with these options (rule files read as text:
    no spaCy)."""
    from policylens.reading.ingest import DEFAULT_MAX_BYTES
    from policylens.running.execute import AnalysisSpec

    return AnalysisSpec.create(rule_dirs, model, DEFAULT_MAX_BYTES).key


@click.group()
def cache() -> None:
    """See and manage the result cache: reports kept by policy content, rules and version.

    Every change of policylens, of the rules (shipped or --rules), of spaCy or of the model
    starts a new analysis key, and the reports under the old keys are never read again:
    `prune` removes them. Only files of the cache layout (the v1 folder) are ever counted or
    deleted; anything else in the folder stays. Reports are rebuilt on demand, so removing
    entries never changes a result, only the time the next run takes.

    \b
    Examples:
      policylens cache info
      policylens cache prune --dry-run
      policylens cache prune --older-than 30       # also reports not used for 30 days
      policylens cache prune --rules my-rules/     # keep the key of runs with these rules
      policylens cache clear --cache-dir .plcache
    """


@cache.command(short_help="What the cache holds: current and stale reports.")
@cache_dir_option
@rules_model_options
@_format_option
def info(rule_dirs: tuple[str, ...], model: str, fmt: str) -> None:
    """The cache folder, its entries and bytes, and how many belong to the current analysis
    key (the one analyze would use with the same --rules and --model) or to stale ones.

    \b
    Examples:
      policylens cache info
      policylens cache info --format json
      POLICYLENS_CACHE_DIR=.plcache policylens cache info
    """
    from policylens.render.cache_out import render_info
    from policylens.running.cache import survey

    render_info(survey(cache_folder(), _current_key(rule_dirs, model)), fmt, sys.stdout)
    sys.exit(EXIT_OK)


@cache.command(short_help="Remove stale reports (with --older-than, unused ones too).")
@cache_dir_option
@rules_model_options
@click.option("--older-than", type=click.FloatRange(min=0), metavar="DAYS",
              help="Also remove reports of the current key not used (or written) for DAYS days.")
@_dry_run_option
@_format_option
def prune(rule_dirs: tuple[str, ...], model: str, older_than: float | None, dry_run: bool,
          fmt: str) -> None:
    """Remove the reports of every stale analysis key; those of the current key (the one
    analyze would use with the same --rules and --model) stay, unless --older-than says so.

    Another install of policylens sharing the folder (another version, other --rules) has
    another key: prune removes its reports too, and that install rebuilds them when it needs
    them. A run writing to the cache meanwhile is safe: its writes in progress are left alone.

    \b
    Examples:
      policylens cache prune
      policylens cache prune --dry-run
      policylens cache prune --older-than 90 --format json
    """
    from policylens.render.cache_out import render_removal
    from policylens.running.cache import prune as prune_cache

    result = prune_cache(cache_folder(), _current_key(rule_dirs, model), older_than, dry_run)
    render_removal(result, "prune", fmt, sys.stdout, older_than)
    sys.exit(EXIT_OK)


@cache.command(short_help="Remove every cached report.")
@cache_dir_option
@_dry_run_option
@_format_option
def clear(dry_run: bool, fmt: str) -> None:
    """Remove every report policylens cached in the folder (every analysis key).

    Only the cache layout is removed (the v1 folder, its key folders and entries): a folder
    given with --cache-dir that holds other files keeps them.

    \b
    Examples:
      policylens cache clear --dry-run
      policylens cache clear
      policylens cache clear --cache-dir .plcache --format json
    """
    from policylens.render.cache_out import render_removal
    from policylens.running.cache import clear as clear_cache

    render_removal(clear_cache(cache_folder(), "", dry_run), "clear", fmt, sys.stdout)
    sys.exit(EXIT_OK)
