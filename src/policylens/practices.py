"""The closed vocabulary of practices and values, read from data/practices.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from policylens.models import POLARITIES

NOT_MENTIONED = "not-mentioned"


@dataclass(frozen=True)
class Practice:
    id: str
    title: str
    question: str
    values: tuple[str, ...]
    polarity_values: dict[str, str]
    decide: str
    precedence: tuple[str, ...]
    risk: tuple[str, ...] = ()  # safest to worst; see data/practices.yaml and diff.py

    def risk_rank(self, value: str) -> int | None:
        """Position of a value in the risk order, or None when the order does not place it."""
        return self.risk.index(value) if value in self.risk else None


@lru_cache(maxsize=1)
def load_practices() -> dict[str, Practice]:
    text = resources.files("policylens.data").joinpath("practices.yaml").read_text("utf-8")
    data = yaml.safe_load(text)["practices"]
    result: dict[str, Practice] = {}
    for pid, spec in data.items():
        values = tuple(spec["values"])
        pv = dict(spec.get("polarity_values") or {})
        assert set(pv) <= set(POLARITIES), pid
        risk = tuple(spec.get("risk") or ())
        assert set(risk) <= set(values) and len(set(risk)) == len(risk), f"{pid}: bad risk order"
        result[pid] = Practice(pid, spec["title"], spec["question"], values, pv,
                               spec["decide"], tuple(spec.get("precedence", ())), risk)
    return result
