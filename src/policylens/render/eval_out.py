"""Output of `policylens eval`: per-practice accuracy, confusion and misses."""

from __future__ import annotations

from typing import TextIO

from rich.table import Table
from rich.text import Text

from policylens.evaluate import PracticeScore
from policylens.render.json_out import dumps, envelope
from policylens.render.table import console_for


def render(scores: dict[str, PracticeScore], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        total = sum(s.total for s in scores.values())
        correct = sum(s.correct for s in scores.values())
        out.write(dumps(envelope(
            practices={k: s.to_dict() for k, s in sorted(scores.items())},
            overall={"accuracy": round(correct / total, 4) if total else 0.0,
                     "correct": correct, "total": total},
        )))
        return
    console = console_for(out)
    table = Table(title="accuracy per practice")
    for col in ("practice", "accuracy", "correct", "misses (file: expected -> got)"):
        table.add_column(col)
    for pid, s in sorted(scores.items()):
        misses = "\n".join(f"{f}: {e} -> {g}" for f, e, g in s.misses)
        style = "green" if s.accuracy >= 0.9 else "red"
        table.add_row(pid, Text(f"{s.accuracy:.3f}", style=style), f"{s.correct}/{s.total}", misses)
    console.print(table)
    for pid, s in sorted(scores.items()):
        values = sorted({e for e, _ in s.confusion} | {g for _, g in s.confusion})
        conf = Table(title=f"{pid}: expected (rows) x got (columns)", title_justify="left")
        conf.add_column("")
        for v in values:
            conf.add_column(v, justify="right")
        for e in values:
            conf.add_row(e, *[str(s.confusion.get((e, g), 0) or "·") for g in values])
        console.print(conf)
    total = sum(s.total for s in scores.values())
    correct = sum(s.correct for s in scores.values())
    console.print(f"overall: {correct}/{total} = {correct / total if total else 0:.3f}")
