"""Markdown (GitHub flavoured): tables that render on GitHub and in most viewers; the diff is
written to be pasted as a pull-request comment."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TextIO

from policylens.compare import Cell, Grid, GridSet
from policylens.models import Finding, PracticeVerdict
from policylens.practices import Practice
from policylens.render import style
from policylens.reports.diff import Diff


def cell_text(text: str) -> str:
    """Text safe inside a table cell: no pipe, no line break, no stray markup."""
    text = " ".join(text.split())
    for ch in "\\|*_`[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _table(head: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    """The lines of a table, each row's as it is reached."""
    yield "| " + " | ".join(head) + " |"
    yield "|" + "|".join(" --- " for _ in head) + "|"
    for row in rows:
        yield "| " + " | ".join(row) + " |"


def _cell(practice: Practice, cell: Cell) -> str:
    text = style.label(practice, cell.value)
    if cell.changed:
        return f"**{style.ARROWS[cell.direction]} {text}** (was {cell.previous})"
    return text


def render_grids(grids: GridSet, out: TextIO) -> None:
    """A table per grid, written a row at a time (the rows are not all held: see compare)."""

    def rows(grid: Grid) -> Iterator[list[str]]:
        for row in grid.rows:
            who = cell_text(row.name) + (f"<br>{cell_text(row.site)}"
                                         if row.site and grids.kind == "compare" else "")
            when = cell_text(row.date or "—") + (f" ({row.date_source})" if row.date_source else "")
            if grids.kind == "timeline" and row.report.metadata.policy_date:
                when += f"<br>states {cell_text(row.report.metadata.policy_date)}"
            who += "".join(f"<br>⚠ {cell_text(f)}" for f in style.reading_facts(row.report.metadata))
            yield [who, when, *[_cell(p, row.cells[p.id]) for p in grid.practices]]
        if grids.kind == "compare":
            summary = grid.summary()
            yield ["**summary**", f"{len(grid.rows)} policies",
                   *["<br>".join(f"{style.label(p, v)}: {n}" for v, n in summary[p.id].items()
                                 if n) or "—" for p in grid.practices]]

    for grid in grids.grids:
        if grids.kind == "timeline":
            out.write(f"### {cell_text(grid.title)}\n\n")
        head = ["policy", "date", *[p.id for p in grid.practices]]
        for line in _table(head, rows(grid)):
            out.write(line + "\n")
        out.write("\n")
    out.write(f"<sub>{style.LEGEND}</sub>\n")


def _quote(verdict: PracticeVerdict) -> str:
    if not verdict.evidence:
        return f"_{cell_text(verdict.reason or 'no evidence')}_"
    f: Finding = verdict.evidence[0]
    where = f"line {f.line}" + (f", {cell_text(f.section)}" if f.section else "")
    return f"“{cell_text(f.sentence[:300])}” ({where})"


def render_diff(diff: Diff, out: TextIO) -> None:
    verdict = ("**Regression**: " + ", ".join(f"`{c.practice.id}` {c.old.value} → {c.new.value}"
                                              for c in diff.regressions)
               if diff.regression else "No regression.")
    lines = [f"### policylens: `{cell_text(diff.old.path)}` → `{cell_text(diff.new.path)}`", "",
             verdict, ""]
    read = [f"{label} {cell_text(f)}" for label, report in (("old", diff.old), ("new", diff.new))
            for f in style.reading_facts(report.metadata)]
    if read:  # a non-English or degraded text, compared anyway (--lang any, --no-capture-check)
        lines += ["⚠ " + "; ".join(read), ""]
    if diff.changes:
        rows = [[f"`{c.practice.id}`", style.label(c.practice, c.old.value),
                 style.label(c.practice, c.new.value),
                 f"{style.ARROWS[c.direction]} " + ("**regression**" if c.regression else c.direction)
                 + (f" ({cell_text(c.describe_attributes())})" if c.attributes else ""),
                 _quote(c.old), _quote(c.new)] for c in diff.changes]
        lines += _table(["practice", "old", "new", "change", "old evidence", "new evidence"], rows)
    else:
        lines.append("No practice changed.")
    lines += ["", f"**Sections**: {diff.sections_summary()}.", ""]
    notable = [s for s in diff.sections if s.notable]
    if notable:
        rows = []
        for s in notable:
            ref = s.new or s.old
            assert ref is not None
            title = cell_text(ref.title)
            if s.retitled and s.old and s.new:
                title += f" (was {cell_text(s.old.title)})"
            status = s.kind + (", moved" if s.moved else "")
            alike = f"{s.similarity:.0f}%" if s.kind == "reworded" else ""
            rows.append([title, status, alike, ", ".join(s.practices)])
        lines += ["<details><summary>Changed sections</summary>", ""]
        lines += _table(["section", "status", "alike", "evidence for"], rows)
        lines += ["", "</details>", ""]
    with_sentences = [s for s in diff.sections if s.sentences]
    if with_sentences:
        lines += ["<details><summary>Changed sentences in sections with evidence</summary>", ""]
        longest = max((len(run) for s in with_sentences for sc in s.sentences
                       for run in re.findall("`+", f"{sc.old} {sc.new}")), default=0)
        fence = "`" * max(3, longest + 1)  # a fence no sentence can close
        for s in with_sentences:
            ref = s.new or s.old
            assert ref is not None
            lines += [f"**{cell_text(ref.title)}**", "", f"{fence}diff"]
            for sc in s.sentences:
                if sc.old is not None:
                    lines.append(f"- {' '.join(sc.old.split())}")
                if sc.new is not None:
                    lines.append(f"+ {' '.join(sc.new.split())}")
            lines += [fence, ""]
        lines += ["</details>", ""]
    out.write("\n".join(lines))
