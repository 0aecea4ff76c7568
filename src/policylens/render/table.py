"""Human output with rich: where a policy came from, its outline, its practices with evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policylens.compare import Cell, Grid, GridSet
from policylens.models import PracticeVerdict, Report, Section
from policylens.practices import NOT_MENTIONED, Practice, load_practices
from policylens.render import style
from policylens.reports.diff import Diff, PracticeChange

VALUE_STYLES = {
    "yes": "bold red", "no": "bold green", "not-mentioned": "dim", "not-assessed": "dim italic",
    "not-directed": "green", "parental-consent": "yellow", "directed": "red",
    "honors": "bold green", "does-not-honor": "bold red", "indefinite": "bold red",
    "limited": "green", "not-retained": "bold green", "precise": "bold red", "coarse": "yellow",
    "collected": "yellow", "consent": "green", "direct-notice": "green", "posted-only": "yellow",
    "unspecified": "yellow",
}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """rich exits 1 when the reader goes away (`| head`); policylens treats a closed pipe
        the same for every format: the CLI stops quietly with exit 0."""
        self.quiet = True
        raise BrokenPipeError


def console_for(out: TextIO, soft_wrap: bool = False) -> Console:
    """A console for policy text: no markup highlighting; `soft_wrap` leaves long lines whole
    (for line-oriented output such as `explain` and `rules test`)."""
    return _Console(file=out, highlight=False, soft_wrap=soft_wrap)


def value_text(value: str) -> Text:
    return Text(value, style=VALUE_STYLES.get(value, "bold"))


def is_core(pid: str) -> bool:
    practice = load_practices().get(pid)
    return bool(practice and practice.core)


def practice_order(report: Report) -> list[str]:
    """The report's practices in the order of data/practices.yaml: the core six first."""
    known = [pid for pid in load_practices() if pid in report.practices]
    return known + sorted(pid for pid in report.practices if pid not in known)


def value_cell(verdict: PracticeVerdict) -> Text:
    """The value, and under it the verdict's attributes (technologies: cookies, pixels)."""
    text = value_text(verdict.value)
    for name, value in verdict.attributes:
        shown = ", ".join(value) if isinstance(value, tuple) else value
        text.append(f"\n{name}: {shown}", style="dim")
    return text


OUTLINE_LINES = 25  # a longer outline shows its top levels only, then the count left out


def outline_lines(sections: tuple[Section, ...], limit: int = OUTLINE_LINES) -> tuple[list[Section], int]:
    """The sections the outline shows and how many it leaves out: all of them when they fit;
    else the shallowest levels that fit (a 60-section policy shows its chapters), cut at `limit`.
    JSON keeps every section."""
    if len(sections) <= limit:
        return list(sections), 0
    levels = sorted({s.level for s in sections})
    shown = [s for s in sections if s.level == levels[0]]
    for level in levels[1:]:
        deeper = [s for s in sections if s.level <= level]
        if len(deeper) > limit:
            break
        shown = deeper
    shown = shown[:limit]
    return shown, len(sections) - len(shown)


def render_outline(console: Console, report: Report) -> None:
    shown, hidden = outline_lines(report.sections)
    top = min(s.level for s in report.sections)
    console.print(Text("Outline", style="bold"))
    for s in shown:
        console.print(Text(f"{'  ' * (s.level - top)}{s.title}  ", style="") +
                      Text(f"line {s.line}", style="dim"))
    if hidden:
        console.print(Text(f"  … {hidden} more sections (all of them in --format json)",
                           style="dim"))


def render_reports(reports: Iterable[Report], failures: list, out: TextIO) -> None:
    console = console_for(out)
    for report in reports:
        m = report.metadata
        console.rule(Text(report.path, style="bold"))
        facts = []
        if m.site:
            facts.append(f"site {m.site}")
        if m.archived:
            facts.append(f"archived {m.archived}")
        if m.policy_date:
            facts.append(f"policy dated {m.policy_date}")
        facts.append(m.source_format)
        if m.language:
            facts.append(f"language {m.language}")
        if m.repaired:
            facts.append("mojibake repaired")
        console.print(Text(" · ".join(facts), style="dim"))
        if m.degraded:
            console.print(Text(f"degraded: {m.degraded}", style="bold yellow"))
        if m.snapshot_url:
            console.print(Text(m.snapshot_url, style="dim"))
        if report.sections:
            render_outline(console, report)
        table = Table(show_lines=True, expand=False)
        table.add_column("practice", no_wrap=True)
        table.add_column("value", max_width=22)  # attributes wrap; the sentence keeps its room
        table.add_column("deciding sentence", ratio=1)
        table.add_column("where", max_width=20)
        silent = []
        for pid in practice_order(report):
            verdict = report.practices[pid]
            if verdict.value == NOT_MENTIONED and not is_core(pid):
                silent.append(pid)
                continue
            if verdict.evidence:
                f = verdict.evidence[0]
                sentence = Text(f.sentence if len(f.sentence) < 400 else f.sentence[:400] + "…")
                sentence.stylize("underline", *f.trigger_span)
                where = Text(f"line {f.line}" + (f"\n{f.section[:30]}" if f.section else ""),
                             style="dim")
            else:
                sentence, where = Text("—", style="dim"), Text("")
            table.add_row(pid, value_cell(verdict), sentence, where)
        if silent:
            table.add_row(Text("others", style="dim"), value_text(NOT_MENTIONED),
                          Text(", ".join(silent), style="dim"), Text(""))
        console.print(table)
        for note in report.notes:
            console.print(Text(f"note: {note}", style="yellow"))


# --- compare and timeline -------------------------------------------------------------------


def _shown(practice: Practice, value: str, compact: bool) -> str:
    """`✗ yes`, or the symbol alone when compact and for not-mentioned (the legend tells it)."""
    tone = style.tone(practice, value)
    return style.SYMBOLS[tone] if compact or tone == "silent" else style.label(practice, value)


def _grid_cell(practice: Practice, cell: Cell, compact: bool) -> Text:
    text = Text(_shown(practice, cell.value, compact),
                style=style.RICH[style.tone(practice, cell.value)])
    if cell.changed:
        text = Text(style.ARROWS[cell.direction] + " ", style="bold") + text
        text.stylize("underline")
    return text


def _summary_cell(practice: Practice, counts: dict[str, int], compact: bool) -> Text:
    lines = [Text(f"{_shown(practice, v, compact)} {n}", style=style.RICH[style.tone(practice, v)])
             for v, n in counts.items() if n]
    return Text("\n").join(lines)


def _fit(grid: Grid, timeline: bool) -> tuple[list[str], int]:
    """Each row's name, and how wide the table is with the values spelled out (each column's
    widest cell + padding): one pass over the rows."""
    who: list[str] = []
    widest = {p.id: 1 for p in grid.practices}
    for row in grid.rows:
        who.append(row.name if timeline or not row.site else row.site)
        for p in grid.practices:
            widest[p.id] = max(widest[p.id], len(_shown(p, row.cells[p.id].value, False)) + 2)
    width = max((len(w) for w in who), default=6) + len("2000-01-01") + 2 * 3
    width += (len("2000-01-01") + 3) if timeline else 0  # the date the policy states
    for p in grid.practices:
        header = max(len(part) for part in p.id.split("-"))
        width += max(header, widest[p.id]) + 3
    return who, width


def render_grids(grids: GridSet, out: TextIO) -> None:
    """Policies by practices: a symbol and colour per value, a summary row, changes marked. When
    the values do not fit the terminal, cells show the symbol alone (the legend tells it).
    rich lays the table out whole, so its cells are all in memory (a few KB per policy)."""
    console = console_for(out)
    timeline = grids.kind == "timeline"  # the title names the site; no summary of revisions
    for grid in grids.grids:
        who, needed = _fit(grid, timeline)
        compact = needed > console.width
        caption = style.LEGEND + ("\nsymbols only, to fit the terminal: --format html, markdown or "
                                  "csv for the values" if compact else "")
        title = grid.title if timeline else f"{len(grid.rows)} {grid.title}"
        table = Table(title=title, title_justify="left", show_footer=not timeline,
                      caption=caption, caption_justify="left", box=box.SIMPLE_HEAD,
                      pad_edge=False, collapse_padding=True)
        table.add_column("policy", footer="summary", overflow="ellipsis",
                         min_width=min(max((len(w) for w in who), default=6), 10))
        table.add_column("date", no_wrap=True)
        stating = timeline and not compact  # else the stated dates go with the changes below
        if stating:  # when captured, and beside it the date the policy states
            table.add_column("stated", no_wrap=True)
        summary = grid.summary()
        for practice in grid.practices:  # one word of the id a line keeps the columns narrow
            table.add_column(practice.id.replace("-", "\n"), overflow="fold",
                             footer=_summary_cell(practice, summary[practice.id], compact))
        for name, row in zip(who, grid.rows, strict=True):
            stated = [Text(row.report.metadata.policy_date or "—", style="dim")] if stating else []
            facts = style.reading_facts(row.report.metadata)
            label = Text(name, style="bold") + (Text("\n⚠ " + "; ".join(facts), style="yellow")
                                                if facts else Text(""))
            table.add_row(label, Text(row.date or "—"), *stated,
                          *[_grid_cell(p, row.cells[p.id], compact) for p in grid.practices])
        console.print(table)
        if timeline:
            for row in grid.rows:
                for practice in grid.practices:
                    cell = row.cells[practice.id]
                    if cell.changed:
                        states = row.report.metadata.policy_date
                        console.print(Text(f"  {row.date or row.name}"
                                           + (f" (states {states})" if states else "")
                                           + f"  {practice.id}: "
                                           f"{cell.previous} → {cell.value} ({cell.direction})",
                                           style=style.RICH["risk"] if cell.direction == "worse"
                                           else ""))
            if not grid.changes():
                console.print(Text("  no practice changed across these revisions", style="dim"))
    if not any(g.rows for g in grids.grids):
        console.print(Text("no policy to show", style="dim"))


# --- diff -----------------------------------------------------------------------------------


def _evidence(verdict: PracticeVerdict) -> Text:
    if not verdict.evidence:
        return Text(verdict.reason or "—", style="dim")
    f = verdict.evidence[0]
    sentence = Text(f.sentence if len(f.sentence) < 300 else f.sentence[:300] + "…")
    sentence.highlight_words([f.trigger], style="underline", case_sensitive=False)
    where = f"line {f.line}" + (f", {f.section[:40]}" if f.section else "")
    return sentence + Text(f"\n{where}", style="dim")


def _change(c: PracticeChange, gap: str = " ") -> Text:
    """old → new, whether it is a regression, and the attributes that changed."""
    change = style_value(c.practice, c.old.value) + Text(f"{gap}→ ") + style_value(c.practice, c.new.value)
    mark = "regression" if c.regression else c.direction
    change += Text(f"{gap}{style.ARROWS[c.direction]} {mark}", style="bold red" if c.regression else "dim")
    for a in c.attributes:
        change += Text(f"{gap}{a.describe()}", style="dim")
    return change


_SECTION_MARKS = {"added": ("+", "green"), "removed": ("-", "red"), "reworded": ("~", "yellow"),
                  "unchanged": ("=", "dim")}


NARROW = 100  #: below this width, a diff's changes are stacked instead of side by side


def render_diff(diff: Diff, out: TextIO) -> None:
    """Practice changes with old and new evidence side by side (stacked on a narrow terminal),
    then sections and sentences."""
    console = console_for(out)
    console.rule(Text(f"{diff.old.path} → {diff.new.path}", style="bold"))
    if diff.changes and console.width < NARROW:
        for c in diff.changes:
            console.print(Text(c.practice.id, style="bold") + Text(": ") + _change(c))
            console.print(Text("  old: ", style="dim") + _evidence(c.old))
            console.print(Text("  new: ", style="dim") + _evidence(c.new))
    elif diff.changes:
        table = Table(show_lines=True)
        table.add_column("practice", no_wrap=True)
        table.add_column("change")
        table.add_column("old evidence", ratio=1)
        table.add_column("new evidence", ratio=1)
        for c in diff.changes:
            table.add_row(c.practice.id, _change(c, "\n"), _evidence(c.old), _evidence(c.new))
        console.print(table)
    else:
        console.print(Text("No practice changed.", style="green"))
    console.print(Text(f"Sections: {diff.sections_summary()}", style="bold"))
    for s in diff.sections:
        if not s.notable:
            continue
        mark, colour = _SECTION_MARKS[s.kind]
        ref = s.new or s.old
        assert ref is not None
        line = Text(f"{mark} {s.kind:<9} ", style=colour) + Text(ref.title)
        details = []
        if s.retitled and s.old and s.new:
            details.append(f"was {s.old.title!r}")
        if s.moved:
            details.append("moved")
        if s.kind == "reworded":
            details.append(f"{s.similarity:.0f}% alike")
        details.append(f"line {s.old.line} → {s.new.line}" if s.old and s.new else f"line {ref.line}")
        if s.practices:
            details.append("evidence for " + ", ".join(s.practices))
        console.print(line + Text("  (" + "; ".join(details) + ")", style="dim"))
        for sc in s.sentences:
            tag = f"  [{', '.join(sc.practices)}]" if sc.practices else ""
            if sc.old is not None:
                console.print(Text(f"    - {sc.old}", style="red") + Text(tag, style="dim"))
            if sc.new is not None:
                console.print(Text(f"    + {sc.new}", style="green") + Text(tag, style="dim"))
    if diff.regression:
        names = ", ".join(f"{c.practice.id} ({c.old.value} → {c.new.value})" for c in diff.regressions)
        console.print(Text(f"Regression: {names}", style="bold red"))
    else:
        gate = "" if set(diff.gate) >= {c.practice.id for c in diff.changes} else \
            f" in the gated practices ({', '.join(diff.gate)})"
        console.print(Text(f"No regression{gate}.", style="bold green"))


def style_value(practice: Practice, value: str) -> Text:
    return Text(style.label(practice, value), style=style.RICH[style.tone(practice, value)])
