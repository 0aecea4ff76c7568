"""Human output with rich: where a policy came from, its outline, its practices with evidence."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from policylens.models import PracticeVerdict, Report
from policylens.practices import NOT_MENTIONED, load_practices

VALUE_STYLES = {
    "yes": "bold red", "no": "bold green", "not-mentioned": "dim",
    "not-directed": "green", "parental-consent": "yellow", "directed": "red",
    "honors": "bold green", "does-not-honor": "bold red", "indefinite": "bold red",
    "limited": "green", "not-retained": "bold green", "precise": "bold red", "coarse": "yellow",
    "collected": "yellow", "consent": "green", "direct-notice": "green", "posted-only": "yellow",
    "unspecified": "yellow",
}


def console_for(out: TextIO, soft_wrap: bool = False) -> Console:
    """A console for policy text: no markup highlighting; `soft_wrap` leaves long lines whole
    (for line-oriented output such as `explain` and `rules test`)."""
    return Console(file=out, highlight=False, soft_wrap=soft_wrap)


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


def render_reports(reports: list[Report], failures: list, out: TextIO) -> None:
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
        if m.repaired:
            facts.append("mojibake repaired")
        console.print(Text(" · ".join(facts), style="dim"))
        if m.snapshot_url:
            console.print(Text(m.snapshot_url, style="dim"))
        if report.sections:
            console.print(Text("Outline", style="bold"))
            for s in report.sections[:60]:
                console.print(Text(f"{'  ' * (s.level - 1)}{s.title}  ", style="") +
                              Text(f"line {s.line}", style="dim"))
            if len(report.sections) > 60:
                console.print(Text(f"  … {len(report.sections) - 60} more sections", style="dim"))
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
