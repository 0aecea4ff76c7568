"""Many reports -> one grid of policies by practices, with a count of each value per practice.

Pure functions over `Report`s: `compare` and `timeline` both build `Grid`s, and every grid format
(table, json, csv, markdown, html) renders a `GridSet` without knowing which command made it.

A compare grid takes the reports as they come and keeps its rows sorted on disk (`spool`), with
the summary counted on the way, so its memory does not grow with the number of policies; a
renderer reads the rows in order, once or twice, and never holds them all.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from policylens.errors import UsageError
from policylens.models import PracticeVerdict, Report
from policylens.practices import NOT_MENTIONED, Practice, load_practices

SORT_KEYS = ("path", "site", "date")
COMPANIONS = {"labels.yaml", "labels.yml"}  # `policylens eval`'s labels, beside the policies
_FILE_DATE = re.compile(r"@(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Cell:
    """One practice of one policy. In a timeline, `previous` is set when the value changed."""

    value: str
    verdict: PracticeVerdict | None
    previous: str | None = None
    direction: str = ""  # when changed: worse | better | changed (see diff.direction)

    @property
    def changed(self) -> bool:
        return self.previous is not None


@dataclass(frozen=True)
class Row:
    """One policy: where it came from, when, and one cell per practice of the grid."""

    report: Report
    cells: dict[str, Cell]
    date: str | None = None
    date_source: str | None = None  # archive | policy | file name
    label: str = ""  # how the policy is named: its path under the folder given (see `shown_path`)

    @property
    def site(self) -> str:
        return self.report.metadata.site or ""

    @property
    def name(self) -> str:
        return self.label or Path(self.report.path).name


class Rows(Protocol):
    """A grid's rows in order: a tuple, or a `SortedSpool` (read from disk on each pass)."""

    def __iter__(self) -> Iterator[Row]: ...

    def __len__(self) -> int: ...


def no_counts(practices: tuple[Practice, ...]) -> dict[str, dict[str, int]]:
    """A summary before any row: every value of every practice, at zero."""
    return {p.id: {v: 0 for v in p.values} for p in practices}


def count_row(counts: dict[str, dict[str, int]], row: Row) -> None:
    """Add one row's values to a summary."""
    for pid, per_value in counts.items():
        value = row.cells[pid].value
        per_value[value] = per_value.get(value, 0) + 1


@dataclass(frozen=True)
class Grid:
    """Policies (rows) by practices (columns). `counts`, when given, is the summary counted as
    the rows were added (so a spooled grid is not read once more for it)."""

    title: str
    practices: tuple[Practice, ...]
    rows: Rows
    counts: dict[str, dict[str, int]] | None = None

    def summary(self) -> dict[str, dict[str, int]]:
        """How many policies have each value, per practice (every value listed, zeros too)."""
        if self.counts is not None:
            return self.counts
        counts = no_counts(self.practices)
        for row in self.rows:
            count_row(counts, row)
        return counts

    def changes(self) -> int:
        return sum(cell.changed for row in self.rows for cell in row.cells.values())


@dataclass(frozen=True)
class GridSet:
    """What a grid renderer receives: which command made it, the grids, and unreadable inputs."""

    kind: str  # compare | timeline
    grids: tuple[Grid, ...]
    failures: tuple = ()

    def close(self) -> None:
        """Remove the temporary files of spooled grids."""
        for grid in self.grids:
            close = getattr(grid.rows, "close", None)
            if close is not None:
                close()


def _unknown(kind: str, word: str, allowed: Iterable[str]) -> UsageError:
    allowed = list(allowed)
    close = difflib.get_close_matches(word, allowed, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(allowed)
    return UsageError(f"unknown {kind} {word!r}", hint=hint)


def select_practices(ids: Iterable[str] = (),
                     practices: dict[str, Practice] | None = None) -> tuple[Practice, ...]:
    """The practices to show, in the order given; all of them (file order) when none is given.

    Each id may also be a comma-separated list, as `--practice data-sale,cookies` gives it;
    `core` stands for the six core practices and `all` for every one, as in `analyze`."""
    practices = practices if practices is not None else load_practices()
    wanted = [p.strip() for raw in ids for p in raw.split(",") if p.strip()]
    if not wanted:
        return tuple(practices.values())
    core = [pid for pid, p in practices.items() if p.core]
    wanted = [x for pid in wanted for x in (core if pid == "core" else
                                           list(practices) if pid == "all" else [pid])]
    for pid in wanted:
        if pid not in practices:
            raise _unknown("practice", pid, practices)
    return tuple(practices[pid] for pid in dict.fromkeys(wanted))


def parse_where(specs: Iterable[str],
                practices: dict[str, Practice] | None = None) -> dict[str, frozenset[str]]:
    """`data-sale=yes` or `children=directed,parental-consent` -> {practice: allowed values}."""
    practices = practices if practices is not None else load_practices()
    where: dict[str, frozenset[str]] = {}
    for spec in specs:
        pid, sep, values = spec.partition("=")
        pid = pid.strip()
        if not sep or not values.strip():
            raise UsageError(f"bad filter {spec!r}", hint="write PRACTICE=VALUE[,VALUE...], "
                             "for example data-sale=yes")
        if pid not in practices:
            raise _unknown("practice", pid, practices)
        wanted = {v.strip() for v in values.split(",") if v.strip()}
        for value in sorted(wanted):
            if value not in practices[pid].values:
                raise _unknown(f"value for {pid}", value, practices[pid].values)
        where[pid] = where.get(pid, frozenset(wanted)) & wanted  # two filters on one practice: both
    return where


def report_date(report: Report) -> tuple[str | None, str | None]:
    """When a revision is from, and how we know: the archive date, else the date the policy
    states, else a date in the file name (`site@2014-06-28.md`)."""
    m = report.metadata
    from_name = _FILE_DATE.search(Path(report.path).name)
    name_date = from_name.group(1) if from_name else None
    if m.archived and (m.snapshot_url or report.body_start > 0 or m.archived != name_date):
        return m.archived, "archive"
    if m.policy_date:
        return m.policy_date, "policy"
    if name_date:
        return name_date, "file name"
    return None, None


def cell_of(report: Report, practice: Practice) -> Cell:
    return Cell(value_of(report, practice.id), report.practices.get(practice.id))


def row_of(report: Report, practices: tuple[Practice, ...]) -> Row:
    date, source = report_date(report)
    return Row(report, {p.id: cell_of(report, p) for p in practices}, date, source)


def value_of(report: Report, pid: str) -> str:
    verdict = report.practices.get(pid)
    return verdict.value if verdict else NOT_MENTIONED


def keep(report: Report, where: dict[str, frozenset[str]]) -> bool:
    """True when the policy has one of the wanted values for every filtered practice (shown or not)."""
    return all(value_of(report, pid) in values for pid, values in where.items())


def row_order(key: str, practices: dict[str, Practice] | None = None) -> Callable[[Row], Any]:
    """The sort key of a row for `--sort`: by path, site, date (undated last) or a practice
    (worst value first, by its risk); ties by path. A UsageError for an unknown key."""
    practices = practices if practices is not None else load_practices()
    if key == "path":
        return lambda r: r.report.path
    if key == "site":
        return lambda r: (r.site == "", r.site, r.report.path)
    if key == "date":
        return lambda r: (r.date is None, r.date or "", r.report.path)
    if key in practices:
        practice = practices[key]
        order = list(practice.risk) + [v for v in practice.values if v not in practice.risk]

        def worst_first(row: Row) -> tuple[int, str]:
            value = value_of(row.report, key)
            return (-order.index(value) if value in order else 1), row.report.path

        return worst_first
    raise _unknown("sort key", key, [*SORT_KEYS, *practices])


def shown_path(path: str, roots: Iterable[str]) -> str:
    """A policy's path as the user can find it: under the folder given on the command line,
    relative to it (`sub/a.md` for `compare corpus/`), never collapsed to its base name (two
    sub-folders may both hold `privacy.md`); a file named directly, as it was named."""
    for root in roots:
        prefix = os.path.join(root, "")
        if os.path.isdir(root) and path.startswith(prefix):
            return path[len(prefix):]
    return path


def skipped_files(paths: Iterable[str]) -> list[str]:
    """Files under the folders given that are not read as policies (.pdf, .json, ...): hidden
    files and eval's labels aside, what the walk of `runner.expand_paths` leaves out, so a run
    can say so."""
    from policylens.reading.ingest import POLICY_SUFFIXES

    skipped: list[str] = []
    seen: set[tuple[int, int]] = set()
    for top in paths:
        if top == "-" or not os.path.isdir(top):
            continue
        for root, dirs, names in os.walk(top, followlinks=True):
            try:
                st = os.stat(root)
            except OSError:
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs.sort()
            skipped.extend(os.path.join(root, n) for n in sorted(names)
                           if not n.lower().endswith(POLICY_SUFFIXES) and not n.startswith(".")
                           and n not in COMPANIONS)
    return skipped


def compare(reports: Iterable[Report], practices: tuple[Practice, ...],
            where: dict[str, frozenset[str]] | None = None, sort: str = "path",
            reverse: bool = False, title: str = "policies", folder: str | None = None,
            roots: tuple[str, ...] = ()) -> Grid:
    """One grid: a row per policy that passes the filters, sorted, a column per practice.

    The reports are read once, as they come; the rows are kept sorted in a `SortedSpool` (on
    disk past a few megabytes, in `folder` or the system's temporary folder) and counted for the
    summary, so no more than a batch of rows is ever in memory. `GridSet.close` removes the file."""
    from policylens.running.spool import SortedSpool

    rows: SortedSpool[Row] = SortedSpool(row_order(sort), reverse=reverse, folder=folder)
    counts = no_counts(practices)
    try:
        for report in reports:
            if keep(report, where or {}):
                row = row_of(report, practices)
                if roots:
                    row = replace(row, label=shown_path(report.path, roots))
                rows.add(row)
                count_row(counts, row)
    except BaseException:  # --fail-fast, Ctrl-C: no temporary file left behind
        rows.close()
        raise
    return Grid(title, practices, rows.finish(), counts)
