"""Revisions of one policy -> a grid ordered by date, each cell marked where its value changed.

Reports are grouped by site (the archive header's site, or the file name before `@`), so a folder
holding the revisions of several sites gives one timeline each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from policylens.compare import Cell, Grid, Row, row_of
from policylens.diff import direction
from policylens.models import Report
from policylens.practices import Practice


def policy_key(report: Report) -> str:
    """Which policy a revision belongs to: its site, else its file name without `@date`."""
    if report.metadata.site:
        return report.metadata.site.lower()
    name = Path(report.path).name
    return name.split("@", 1)[0].lower() if "@" in name else Path(name).stem.lower()


def timeline(reports: Iterable[Report], practices: tuple[Practice, ...], title: str) -> Grid:
    """Rows oldest first (undated ones last, by path); a cell that differs from the row before it
    carries the previous value and whether the change is worse, better or neither."""
    rows = sorted((row_of(r, practices) for r in reports),
                  key=lambda r: (r.date is None, r.date or "", r.report.path))
    marked: list[Row] = []
    for k, row in enumerate(rows):
        if k == 0:
            marked.append(row)
            continue
        before = rows[k - 1].cells
        cells: dict[str, Cell] = {}
        for practice in practices:
            cell, old = row.cells[practice.id], before[practice.id].value
            if cell.value != old:
                cell = replace(cell, previous=old, direction=direction(practice, old, cell.value))
            cells[practice.id] = cell
        marked.append(replace(row, cells=cells))
    return Grid(title, practices, tuple(marked))


def timelines(reports: Iterable[Report], practices: tuple[Practice, ...]) -> tuple[Grid, ...]:
    """One timeline per policy, by policy name."""
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(policy_key(report), []).append(report)
    return tuple(timeline(groups[key], practices, key) for key in sorted(groups))
