"""Accuracy of verdicts against a labels.yaml (file -> practice -> value), per practice."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policylens.errors import InputError, Location, PolicylensError
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
    """DIR/labels.yaml as file -> practice -> value; every problem (YAML syntax, duplicate keys,
    unknown practices or values, not UTF-8) is reported with its line and column, exit 2."""
    from policylens.practices import load_practices
    from policylens.yamlmarks import load_marked

    path = Path(directory) / "labels.yaml"
    shown = str(path)
    if not Path(directory).is_dir():
        raise InputError("not a directory (eval reads DIR/labels.yaml)", Location(directory))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no labels.yaml in this directory", Location(shown)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected the labels file", Location(shown)) from None
    except OSError as exc:
        raise InputError(f"cannot read labels: {exc.strerror or exc}", Location(shown)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not UTF-8", Location(shown, line, column), "save labels.yaml as UTF-8") from None
    marked, problems = load_marked(text, shown)
    errors: list[PolicylensError] = [InputError(p.message, p.location, p.hint) for p in problems]
    labels: dict[str, dict[str, str]] = {}
    practices = load_practices()
    if marked is None or not isinstance(marked.value, dict):
        if not errors:
            errors.append(InputError("labels.yaml must map file names to practice values",
                                     marked.location if marked else Location(shown, 1, 1)))
    else:
        for name, entry in marked.value.items():
            if not isinstance(entry.value, dict):
                errors.append(InputError(f"labels for {name!r} must be a mapping", entry.location))
                continue
            labels[name] = {}
            for practice, node in entry.value.items():
                value = _label(node.raw if node.raw is not None else node.value)
                if practice not in practices:
                    errors.append(InputError(f"unknown practice {practice!r}",
                                             entry.key_locations[practice],
                                             "allowed: " + ", ".join(sorted(practices))))
                elif value not in practices[practice].values:
                    errors.append(InputError(f"unknown value {value!r} for {practice!r}", node.location,
                                             "allowed: " + ", ".join(practices[practice].values)))
                else:
                    labels[name][practice] = value
    if errors:
        raise InputError(errors[0].message, errors[0].location, errors[0].hint, problems=errors)
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
