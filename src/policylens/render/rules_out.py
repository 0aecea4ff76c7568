"""Output of the `rules` commands: the rule catalogue, validation problems, example results."""

from __future__ import annotations

from typing import TextIO

from rich.text import Text

from policylens.practices import load_practices
from policylens.render.json_out import dumps, envelope
from policylens.render.marks import marked
from policylens.render.table import console_for
from policylens.ruleset import Rule, Validation
from policylens.ruletest import ExampleResult


def render_list(entries: list[tuple[Rule, bool]], wanted: list[str] | None, fmt: str,
                out: TextIO) -> None:
    practices = load_practices()
    shown = [pid for pid in practices if wanted is None or pid in wanted]
    by_practice = {pid: [(r, off) for r, off in entries if r.practice == pid] for pid in shown}
    if fmt == "json":
        out.write(dumps(envelope(practices=[{
            "id": pid,
            "title": practices[pid].title,
            "core": practices[pid].core,
            "values": list(practices[pid].values),
            "attributes": {name: {"many": d.many, "values": list(d.values)}
                           for name, d in sorted(practices[pid].attributes.items())},
            "rules": [{"id": r.id, "message": r.message, "source": str(r.location or r.source),
                       "disabled": off, "examples": _counts(r)} for r, off in rules],
        } for pid, rules in by_practice.items()])))
        return
    console = console_for(out, soft_wrap=True)
    width = max((len(r.id) for rules in by_practice.values() for r, _ in rules), default=10) + 2
    for pid, rules in by_practice.items():
        practice = practices[pid]
        head = Text(pid, style="bold") + Text(" (core)" if practice.core else "", style="dim")
        head.append("  " + " | ".join(practice.values), style="dim")
        if practice.attributes:
            head.append("  attributes: " + ", ".join(practice.attributes), style="dim")
        console.print(head)
        if not rules:
            console.print(Text("  (no rules)", style="yellow"))
        for r, off in rules:
            c = _counts(r)
            line = Text(f"  {r.id:<{width}}", style="dim strike" if off else "")
            line.append(f"{c['match']:>3} match {c['no_match']:>3} no_match {c['todo']:>3} todo  ")
            line.append(str(r.location or r.source), style="dim")
            if off:
                line.append("  disabled", style="yellow")
            console.print(line)
    total = sum(len(rules) for rules in by_practice.values())
    examples = sum(sum(_counts(r).values()) for rules in by_practice.values() for r, _ in rules)
    console.print(f"{len(by_practice)} practices, {total} rules, {examples} examples")


def _counts(rule: Rule) -> dict[str, int]:
    return {"match": len(rule.match_examples), "no_match": len(rule.no_match_examples),
            "todo": len(rule.todo_examples)}


def render_problems(result: Validation, fmt: str, out: TextIO) -> None:
    problems = sorted(result.problems, key=lambda p: (p.location.path, p.location.line or 0,
                                                      p.location.column or 0, p.message))
    if fmt == "json":
        out.write(dumps(envelope(files=result.files, rules=result.rules, problems=[{
            "path": p.location.path, "line": p.location.line, "column": p.location.column,
            "severity": p.severity, "message": p.message, "hint": p.hint} for p in problems])))
        return
    for p in problems:
        if fmt == "github":
            where = f"file={p.location.path}"
            if p.location.line:
                where += f",line={p.location.line}"
            if p.location.column:
                where += f",col={p.location.column}"
            hint = f" ({p.hint})" if p.hint else ""
            out.write(f"::{p.severity} {where}::{p.message}{hint}\n")
        else:
            out.write(f"{p}\n")


def render_tests(results: list[ExampleResult], fmt: str, verbose: bool, out: TextIO) -> None:
    failed = [r for r in results if not r.passed and r.kind != "todo"]
    todo_missed = [r for r in results if r.kind == "todo" and not r.passed]
    todo_fixed = [r for r in results if r.kind == "todo" and r.passed]
    summary = {"examples": len(results), "passed": len([r for r in results if r.passed
                                                       and r.kind != "todo"]),
               "failed": len(failed), "known_misses": len(todo_missed),
               "todo_now_passing": len(todo_fixed)}
    if fmt == "json":
        out.write(dumps(envelope(summary=summary, results=[{
            "rule": r.rule.id, "kind": r.kind, "where": r.where, "text": r.example.text,
            "passed": r.passed, "detail": r.detail} for r in results])))
        return
    console = console_for(out, soft_wrap=True)
    for r in results:
        if r.kind == "todo":
            status = ("TODO PASSES", "yellow") if r.passed else ("KNOWN MISS", "dim")
        elif r.passed:
            if not verbose:
                continue
            status = ("ok", "green")
        else:
            status = ("FAIL", "bold red")
        console.print(Text(f"{r.where}: ") + Text(status[0], style=status[1]) +
                      Text(f" {r.kind} example of {r.rule.id}"))
        finding = r.findings[0] if r.findings else None
        sentence = marked(r.example.text, None, None)
        if finding is not None and finding.sentence in r.example.text:
            shift = r.example.text.index(finding.sentence)
            cue = finding.cue_span and (finding.cue_span[0] + shift, finding.cue_span[1] + shift)
            sentence = marked(r.example.text, (finding.trigger_span[0] + shift,
                                               finding.trigger_span[1] + shift), cue)
        console.print(Text("    text:     ") + sentence)
        if not r.passed or verbose:
            console.print(Text(f"    expected: {r.expected}"))
            console.print(Text(f"    got:      {r.got}"))
        if r.kind == "todo" and r.passed:
            console.print(Text("    this known miss now passes: move it to `match`", style="yellow"))
    parts = [f"{summary['examples']} examples", f"{summary['passed']} passed",
             f"{summary['failed']} failed"]
    if todo_missed:
        parts.append(f"{len(todo_missed)} known miss(es) (todo)")
    if todo_fixed:
        parts.append(f"{len(todo_fixed)} todo now passing")
    console.print(Text(", ".join(parts), style="bold red" if failed else "bold green"))
