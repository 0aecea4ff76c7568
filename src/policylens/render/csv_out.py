"""CSV for spreadsheets: one line per policy (or revision), one column per practice, values as in
analyze, after the policy's language and why its capture is degraded (empty when it is not). No
summary line, so the file loads as a plain table."""

from __future__ import annotations

import csv
from typing import TextIO

from policylens.compare import GridSet


def render_grids(grids: GridSet, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    practices = grids.grids[0].practices if grids.grids else ()
    timeline = grids.kind == "timeline"
    head = ["policy"] if timeline else []
    head += ["path", "site", "date", "date_source", "language", "degraded",
             *[p.id for p in practices]]
    writer.writerow(head + (["changes"] if timeline else []))
    for grid in grids.grids:
        for row in grid.rows:
            line = [grid.title] if timeline else []
            m = row.report.metadata
            line += [row.report.path, row.site, row.date or "", row.date_source or "",
                     m.language or "", m.degraded or ""]
            line += [row.cells[p.id].value for p in practices]
            if timeline:
                line.append("; ".join(f"{p.id}: {row.cells[p.id].previous} -> {row.cells[p.id].value}"
                                      f" ({row.cells[p.id].direction})"
                                      for p in practices if row.cells[p.id].changed))
            writer.writerow(line)
