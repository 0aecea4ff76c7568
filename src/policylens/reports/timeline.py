"""Revisions of one policy -> a grid in capture order, each cell marked where its value changed.

Revisions are ordered by when they were *captured* (the archive header's date, the commit, the
date in the file name), never by the date the policy states for itself: a policy "last updated"
in 2019 may be captured in 2021, and ordering by the stated date put revisions out of order and
made changes flip back and forth. The stated date is shown beside the capture date. Degraded
captures (`history.good_revisions`) are left out and said so; the revisions around one are
compared with each other.

Reports are grouped by site (the archive header's site, or the file name before `@`), so a folder
holding the revisions of several sites gives one timeline each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from policylens.compare import Cell, Grid, Row, row_of
from policylens.models import Report
from policylens.practices import Practice
from policylens.reports.diff import direction
from policylens.reports.history import comparison_bases, good_revisions

_FILE_DATE = re.compile(r"@(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Revision:
    """A report and when it was captured (None: not known), and how we know."""

    report: Report
    date: str | None
    source: str | None  # archive | commit | file name | policy (the stated date: a last resort)


def capture_date(report: Report) -> tuple[str | None, str | None]:
    """When a revision was captured: the archive header's date, else a date in the file name
    (`site@2014-06-28.md`); only when neither is known, the date the policy states."""
    m = report.metadata
    found = _FILE_DATE.search(Path(report.path).name)
    name_date = found.group(1) if found else None
    if m.archived and (m.snapshot_url or report.body_start > 0 or m.archived != name_date):
        return m.archived, "archive"
    if name_date:
        return name_date, "file name"
    if m.policy_date:
        return m.policy_date, "policy"
    return None, None


def dated(report: Report) -> Revision:
    return Revision(report, *capture_date(report))


@dataclass(frozen=True)
class Timeline:
    """One policy's grid, and the revisions left out as degraded captures (with the reason)."""

    grid: Grid
    skipped: tuple[tuple[Report, str], ...] = ()
    returned: tuple[tuple[Report, Report], ...] = ()  # (revision, the earlier one it returns to)


def timeline(revisions: Iterable[Revision], practices: tuple[Practice, ...], title: str,
             in_order: bool = False, changes_only: bool = False) -> Timeline:
    """Rows oldest first by capture date (undated ones last, by path), or as given with
    `in_order` (commits); a cell that differs from the row it is compared with (the last good row
    before it, or the earlier capture it returns to: `history.comparison_bases`) carries that
    value and whether the change is worse, better or neither. `changes_only` keeps the rows where
    some value changed."""
    ordered: Sequence[Revision] = list(revisions) if in_order else sorted(
        revisions, key=lambda r: (r.date is None, r.date or "", r.report.path))
    when = {id(r.report): r for r in ordered}
    good, skipped = good_revisions([r.report for r in ordered])
    bases = comparison_bases(good)
    marked: list[Row] = []
    for report, base in zip(good, bases, strict=True):
        revision = when[id(report)]
        row = replace(row_of(report, practices), date=revision.date, date_source=revision.source)
        if base is not None:
            before = marked[base].cells
            cells: dict[str, Cell] = {}
            for practice in practices:
                cell, old = row.cells[practice.id], before[practice.id].value
                if cell.value != old:
                    cell = replace(cell, previous=old, direction=direction(practice, old, cell.value))
                cells[practice.id] = cell
            row = replace(row, cells=cells)
        marked.append(row)
    rows = [row for row in marked if any(c.changed for c in row.cells.values())] \
        if changes_only else marked
    if changes_only:
        title = f"{title} ({len(rows)} of {len(marked)} revisions: those where a value changed)"
    returned = tuple((good[k], good[base]) for k, base in enumerate(bases)
                     if base is not None and base != k - 1)
    return Timeline(Grid(title, practices, tuple(rows)), tuple(skipped), returned)


def policy_key(report: Report) -> str:
    """Which policy a revision belongs to: its site, else its file name without `@date`."""
    if report.metadata.site:
        return report.metadata.site.lower()
    name = Path(report.path).name
    return name.split("@", 1)[0].lower() if "@" in name else Path(name).stem.lower()


def timelines(reports: Iterable[Report], practices: tuple[Practice, ...],
              changes_only: bool = False) -> tuple[Timeline, ...]:
    """One timeline per policy, by policy name."""
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(policy_key(report), []).append(report)
    return tuple(timeline([dated(r) for r in groups[key]], practices, key, changes_only=changes_only)
                 for key in sorted(groups))
