"""Human output with rich: where a policy came from, its outline, its practices with evidence."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from policylens.models import Report

VALUE_STYLES = {
    "yes": "bold red", "no": "bold green", "not-mentioned": "dim",
    "not-directed": "green", "parental-consent": "yellow", "directed": "red",
}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """rich exits 1 when the reader goes away (`| head`); policylens treats a closed pipe
        the same for every format: the CLI stops quietly with exit 0."""
        self.quiet = True
        raise BrokenPipeError


def console_for(out: TextIO) -> Console:
    return _Console(file=out, highlight=False, soft_wrap=False)


def value_text(value: str) -> Text:
    return Text(value, style=VALUE_STYLES.get(value, "bold"))


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
        table.add_column("value", no_wrap=True)
        table.add_column("deciding sentence")
        table.add_column("where", no_wrap=True)
        for pid, verdict in sorted(report.practices.items()):
            if verdict.evidence:
                f = verdict.evidence[0]
                sentence = Text(f.sentence if len(f.sentence) < 400 else f.sentence[:400] + "…")
                sentence.highlight_words([f.trigger], style="underline", case_sensitive=False)
                where = Text(f"line {f.line}" + (f"\n{f.section[:30]}" if f.section else ""),
                             style="dim")
            else:
                sentence, where = Text("—", style="dim"), Text("")
            table.add_row(pid, value_text(verdict.value), sentence, where)
        console.print(table)
        for note in report.notes:
            console.print(Text(f"note: {note}", style="yellow"))
