"""The closed vocabulary of practices, values and attributes, read from data/practices.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from policylens.models import POLARITIES
from policylens.yamlmarks import safe_load

NOT_MENTIONED = "not-mentioned"
# Every report may give this value to any practice (not a rule value, so not in `values`): the
# policy is not in a language the rules read (language.assess_language).
NOT_ASSESSED = "not-assessed"


@dataclass(frozen=True)
class AttributeDecl:
    """An attribute a practice's findings and verdict may carry.

    `many`: a list of values (technologies named), else one value (the youngest age stated).
    `values`: the closed set of values, or empty when the value is read from the text (an age)."""

    name: str
    many: bool = False
    values: tuple[str, ...] = ()


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
    core: bool = False  # one of the six practices labelled in the development set; shown first
    attributes: dict[str, AttributeDecl] = field(default_factory=dict)

    def order(self) -> list[str]:
        """Values in the order the decision rule tries them."""
        return list(self.precedence) + [v for v in self.values if v not in self.precedence]

    def risk_rank(self, value: str) -> int | None:
        """Position of a value in the risk order, or None when the order does not place it."""
        return self.risk.index(value) if value in self.risk else None


DECISION_MODES = ("precedence", "youngest-age", "specific-over-vague")


@lru_cache(maxsize=1)
def load_practices() -> dict[str, Practice]:
    """Practices in file order: the core six first, as tables show them."""
    text = resources.files("policylens.data").joinpath("practices.yaml").read_text("utf-8")
    data = safe_load(text)["practices"]
    result: dict[str, Practice] = {}
    for pid, spec in data.items():
        values = tuple(spec["values"])
        pv = dict(spec.get("polarity_values") or {})
        assert set(pv) <= set(POLARITIES), pid
        assert spec["decide"] in DECISION_MODES, pid
        assert NOT_MENTIONED in values, pid
        attributes = {
            name: AttributeDecl(name, bool(a.get("many", False)), tuple(a.get("values") or ()))
            for name, a in (spec.get("attributes") or {}).items()
        }
        risk = tuple(spec.get("risk") or ())
        assert set(risk) <= set(values) and len(set(risk)) == len(risk), f"{pid}: bad risk order"
        result[pid] = Practice(pid, spec["title"], spec["question"], values, pv,
                               spec["decide"], tuple(spec.get("precedence", ())), risk,
                               core=bool(spec.get("core", False)), attributes=attributes)
    return result
