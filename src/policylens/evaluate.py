"""Accuracy of verdicts against a labels.yaml (file -> practice -> value), per practice."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policylens.errors import InputError, Location
from policylens.models import Report


@dataclass
class PracticeScore:
    practice: str
    total: int = 0
    correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (expected, got) -> n
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (file, expected, got)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "accuracy": round(self.accuracy, 4),
            "correct": self.correct,
            "total": self.total,
            "confusion": [{"expected": e, "got": g, "count": n}
                          for (e, g), n in sorted(self.confusion.items())],
            "misses": [{"file": f, "expected": e, "got": g} for f, e, g in self.misses],
        }


def load_labels(directory: str) -> dict[str, dict[str, str]]:
    path = Path(directory) / "labels.yaml"
    if not Path(directory).is_dir():
        raise InputError("not a directory (eval reads DIR/labels.yaml)", Location(directory))
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError("no labels.yaml in this directory", Location(str(path))) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = Location(str(path), mark.line + 1, mark.column + 1) if mark else Location(str(path))
        raise InputError(f"invalid YAML: {getattr(exc, 'problem', exc)}", loc) from None
    if not isinstance(data, dict):
        raise InputError("labels.yaml must map file names to practice values", Location(str(path)))
    labels: dict[str, dict[str, str]] = {}
    for name, practices in data.items():
        if not isinstance(practices, dict):
            raise InputError(f"labels for {name!r} must be a mapping", Location(str(path)))
        labels[str(name)] = {str(k): _label(v) for k, v in practices.items()}
    return labels


def _label(value: object) -> str:
    """Values as LABELS.md spells them, even if someone left a YAML 1.1 boolean unquoted."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def score(labels: dict[str, dict[str, str]], reports: dict[str, Report]) -> dict[str, PracticeScore]:
    scores: dict[str, PracticeScore] = {}
    for name in sorted(labels):
        report = reports.get(name)
        for practice, expected in sorted(labels[name].items()):
            s = scores.setdefault(practice, PracticeScore(practice))
            verdict = report.practices.get(practice) if report else None
            got = verdict.value if verdict else "(error)"
            s.total += 1
            s.confusion[(expected, got)] += 1
            if got == expected:
                s.correct += 1
            else:
                s.misses.append((name, expected, got))
    return scores
