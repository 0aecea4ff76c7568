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


@lru_cache(maxsize=1)
def load_practices() -> dict[str, Practice]:
    text = resources.files("policylens.data").joinpath("practices.yaml").read_text("utf-8")
    data = yaml.safe_load(text)["practices"]
    result: dict[str, Practice] = {}
    for pid, spec in data.items():
        values = tuple(spec["values"])
        pv = dict(spec.get("polarity_values") or {})
        assert set(pv) <= set(POLARITIES), pid
        result[pid] = Practice(pid, spec["title"], spec["question"], values, pv,
                               spec["decide"], tuple(spec.get("precedence", ())))
    return result
