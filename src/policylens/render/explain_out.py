"""Output of `policylens explain`: per practice, the verdict, the decision rule and every finding
with its trigger and cue marked."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from policylens.explain import MISSES, Explanation
from policylens.models import Finding, Report
from policylens.render.json_out import dumps, envelope
from policylens.render.marks import LEGEND, marked
from policylens.render.table import console_for, value_text

ROLE_STYLES = {"decides": "bold green", "outranked": "yellow", "no-value": "dim",
               "out-of-scope": "dim"}


def render(report: Report, explanations: list[Explanation], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(dumps(envelope(path=report.path,
                                 practices={e.practice.id: e.to_dict() for e in explanations})))
        return
    console = console_for(out, soft_wrap=True)
    console.print(Text(report.path, style="bold"), Text(f"  ({LEGEND})", style="dim"))
    for e in explanations:
        console.print()
        console.print(Text(e.practice.id, style="bold") + Text(f"  {e.practice.title}", style="dim"))
        console.print(Text(f"  {e.practice.question}", style="dim"))
        line = Text("  value: ") + value_text(e.verdict.value)
        for name, value in e.verdict.attributes:
            line.append(f"   {name}: {', '.join(value) if isinstance(value, tuple) else value}")
        console.print(line)
        console.print(Text(f"  decision rule: {e.rule}"))
        console.print(Text(f"  why: {e.verdict.reason}"))
        if not e.findings:
            console.print(Text("  no finding: no rule of this practice matched any sentence",
                               style="dim"))
        else:
            console.print(Text(f"  findings ({len(e.findings)}):"))
        _findings(console, e)
        _near_misses(console, e)


def _findings(console: Console, e: Explanation) -> None:
    """Each finding: its role, where it is, the rule, polarity and value; the sentence marked."""
    for item in e.findings:
        f = item.finding
        head = Text("  ") + Text(f"{item.role:<12}", style=ROLE_STYLES[item.role])
        head.append(f" line {f.line}")
        if f.section:
            head.append(f" · {f.section[:50]}", style="dim")
        head.append(f" · {f.rule_id} · {f.polarity}")
        head.append(f" → {f.value}" if f.value else " → no value")
        if f.cue:
            head.append(f" (cue: {f.cue})", style="dim")
        for name, value in f.attributes:
            head.append(f" · {name}: {', '.join(value) if isinstance(value, tuple) else value}",
                        style="dim")
        console.print(head)
        console.print(Text("      ") + marked(f.sentence, f.trigger_span, f.cue_span))
        if f.slots is not None:
            console.print(Text("      " + slots_line(f), style="dim"))


def slots_line(f: Finding) -> str:
    """A statement's slots in one line, and which one decided: what `explain` adds under it."""
    s = f.slots
    assert s is not None
    verb = {"sale": "sells", "share": "shares"}.get(s.action, s.action)
    parts = [f"{s.actor} {verb} {s.data} data"]
    if s.recipients:
        parts.append("to " + ", ".join(s.recipients))
    if s.purposes:
        parts.append("for " + ", ".join(s.purposes))
    if s.conditions:
        parts.append("if " + ", ".join(s.conditions))
    if s.exceptions:
        parts.append("except " + ", ".join(s.exceptions))
    if s.only:
        parts.append("only")
    if s.scope != "practice":
        parts.append(f"scope {s.scope}")
    return "slots: " + " · ".join(parts) + (f"  →  {f.decision}" if f.decision else "")


def _near_misses(console: Console, e: Explanation) -> None:
    """Triggers that made no finding: where, which rule, why; the sentence with the trigger marked."""
    if not e.near_misses:
        return
    console.print(Text(f"  near misses ({len(e.near_misses)}): triggers that made no finding"))
    for m in e.near_misses:
        head = Text("  ") + Text(f"{'near miss':<12}", style="dim")
        head.append(f" line {m.line}")
        if m.section:
            head.append(f" · {m.section[:50]}", style="dim")
        head.append(f" · {m.rule_id} · {MISSES.get(m.why, m.why)}")
        if m.blocker:
            head.append(f" ({m.blocker!r})", style="dim")
        console.print(head)
        console.print(Text("      ") + marked(m.sentence, m.trigger_span, None))
