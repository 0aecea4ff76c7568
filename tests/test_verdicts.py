"""The children decision rule: only the youngest stated age group counts, however the age is spelled."""

from __future__ import annotations

from policylens.models import Finding
from policylens.practices import load_practices
from policylens.verdicts import decide


def _finding(value: str, age: str) -> Finding:
    return Finding("r", "children", value, "affirmed", "s", 0, 1, 1, "", "t",
                   attributes=(("age", age),))


def test_spelled_out_age_is_compared_with_digits() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [_finding("not-directed", "thirteen"),
                                _finding("parental-consent", "18")])
    assert verdict.value == "not-directed"
    assert dict(verdict.attributes) == {"age": "13"}
