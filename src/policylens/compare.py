"""Many reports -> one grid of policies by practices, with a count of each value per practice.

Pure functions over `Report`s: `compare` and `timeline` both build `Grid`s, and every grid format
(table, json, csv, markdown, html) renders a `GridSet` without knowing which command made it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from policylens.errors import UsageError
from policylens.models import PracticeVerdict, Report
from policylens.practices import NOT_MENTIONED, Practice, load_practices

SORT_KEYS = ("path", "site", "date")
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

    @property
    def site(self) -> str:
        return self.report.metadata.site or ""

    @property
    def name(self) -> str:
        return Path(self.report.path).name


@dataclass(frozen=True)
class Grid:
    """Policies (rows) by practices (columns)."""

    title: str
    practices: tuple[Practice, ...]
    rows: tuple[Row, ...]

    def summary(self) -> dict[str, dict[str, int]]:
        """How many policies have each value, per practice (every value listed, zeros too)."""
        counts: dict[str, dict[str, int]] = {}
        for practice in self.practices:
            per_value = {v: 0 for v in practice.values}
            for row in self.rows:
                value = row.cells[practice.id].value
                per_value[value] = per_value.get(value, 0) + 1
            counts[practice.id] = per_value
        return counts

    def changes(self) -> int:
        return sum(cell.changed for row in self.rows for cell in row.cells.values())


@dataclass(frozen=True)
class GridSet:
    """What a grid renderer receives: which command made it, the grids, and unreadable inputs."""

    kind: str  # compare | timeline
    grids: tuple[Grid, ...]
    failures: tuple = ()


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


def sort_rows(rows: list[Row], key: str, practices: dict[str, Practice] | None = None,
              reverse: bool = False) -> list[Row]:
    """Sort by path, site, date (undated last) or a practice (worst value first, by its risk)."""
    practices = practices if practices is not None else load_practices()
    by_path = sorted(rows, key=lambda r: r.report.path)
    if key == "path":
        ordered = by_path
    elif key == "site":
        ordered = sorted(by_path, key=lambda r: (r.site == "", r.site))
    elif key == "date":
        ordered = sorted(by_path, key=lambda r: (r.date is None, r.date or ""))
    elif key in practices:
        practice = practices[key]
        order = list(practice.risk) + [v for v in practice.values if v not in practice.risk]

        def worst_first(row: Row) -> int:
            value = value_of(row.report, key)
            return -order.index(value) if value in order else 1

        ordered = sorted(by_path, key=worst_first)
    else:
        raise _unknown("sort key", key, [*SORT_KEYS, *practices])
    return ordered[::-1] if reverse else ordered


def compare(reports: Iterable[Report], practices: tuple[Practice, ...],
            where: dict[str, frozenset[str]] | None = None, sort: str = "path",
            reverse: bool = False, title: str = "policies") -> Grid:
    """One grid: a row per policy that passes the filters, sorted, a column per practice."""
    rows = [row_of(r, practices) for r in reports if keep(r, where or {})]
    return Grid(title, practices, tuple(sort_rows(rows, sort, reverse=reverse)))
