"""GitHub Actions workflow commands: one annotation per practice change, on the line of the new
evidence, so a pull request shows the change beside the policy text."""

from __future__ import annotations

from typing import TextIO

from policylens.render import style
from policylens.reports.diff import Diff, PracticeChange


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def level(change: PracticeChange) -> str:
    if change.regression:
        return "error"
    return "warning" if change.direction == "worse" else "notice"


def line_of(change: PracticeChange) -> int:
    """The new evidence's line; 1 when the new value has none (it went silent)."""
    return change.new.evidence[0].line if change.new.evidence else 1


def message(change: PracticeChange) -> str:
    what = "regression" if change.regression else change.direction
    text = f"{change.practice.title}: {change.old.value} -> {change.new.value} ({what})."
    if change.attributes:
        text += f" {change.describe_attributes()}."
    if change.new.evidence:
        text += f' Now: "{change.new.evidence[0].sentence}"'
    if change.old.evidence:
        text += f' Before (line {change.old.evidence[0].line}): "{change.old.evidence[0].sentence}"'
    return text


def render_diff(diff: Diff, out: TextIO) -> None:
    for label, report in (("old", diff.old), ("new", diff.new)):
        for fact in style.reading_facts(report.metadata):
            out.write(f"::warning file={_prop(diff.file)},title={_prop('policylens capture')}::"
                      f"{_data(f'{label} {report.path}: {fact}')}\n")
    for change in diff.changes:
        props = (f"file={_prop(diff.file)},line={line_of(change)},"
                 f"title={_prop('policylens ' + change.practice.id)}")
        out.write(f"::{level(change)} {props}::{_data(message(change))}\n")
    summary = (f"policylens: {len(diff.changes)} practice change(s), "
               f"{len(diff.regressions)} regression(s); sections: {diff.sections_summary()}")
    out.write(f"::notice title={_prop('policylens diff')}::{_data(summary)}\n")
