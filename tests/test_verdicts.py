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


def test_prohibition_outranks_parental_path_for_the_same_group() -> None:
    # "Not intended for persons under 13 ... not without a parent's consent" (LABELS.md)
    children = load_practices()["children"]
    verdict = decide(children, [_finding("parental-consent", "13"),
                                _finding("not-directed", "13")])
    assert verdict.value == "not-directed"


def test_parental_rule_for_the_youngest_group_wins_over_older_prohibition() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [_finding("parental-consent", "13"),
                                _finding("not-directed", "18")])
    assert verdict.value == "parental-consent"


def _ageless(value: str) -> Finding:
    return Finding("r", "children", value, "affirmed", "s", 0, 1, 1, "", "t")


def test_a_service_made_for_children_counts_beside_the_youngest_group() -> None:
    # "Our Kids app is for children. Children under 13 join only with a parent's consent."
    children = load_practices()["children"]
    verdict = decide(children, [_ageless("directed"), _finding("parental-consent", "13")])
    assert verdict.value == "directed"
    assert dict(verdict.attributes) == {}  # no finding that supports `directed` names an age


def test_a_prohibition_still_outranks_a_service_made_for_children() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [_ageless("directed"), _finding("not-directed", "13")])
    assert verdict.value == "not-directed"


def test_an_ageless_prohibition_stays_out_of_an_age_scoped_decision() -> None:
    # only the audience statement is kept whatever the ages; other ageless findings are not
    children = load_practices()["children"]
    verdict = decide(children, [_ageless("not-directed"), _finding("parental-consent", "13")])
    assert verdict.value == "parental-consent"


def _said(value: str, sentence: str, age: str | None = None) -> Finding:
    attributes = (("age", age),) if age else ()
    return Finding("r", "children", value, "affirmed", sentence, 0, 1, 1, "", "t",
                   attributes=attributes)


def test_a_limit_on_one_feature_yields_to_the_whole_service() -> None:
    # "Kids can play all our games. The chat feature is only for users aged 16 and over."
    children = load_practices()["children"]
    verdict = decide(children, [
        _said("directed", "Kids can play all our games."),
        _said("not-directed", "The chat feature is only for users aged 16 and over.", "16")])
    assert verdict.value == "directed"
    assert "one feature set aside" in verdict.reason


def test_a_limit_on_one_feature_does_not_set_the_youngest_group() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [
        _said("parental-consent", "Users under 16 join only with a parent's consent.", "16"),
        _said("not-directed", "Certain features, such as the store, need users to be 13.", "13")])
    assert verdict.value == "parental-consent"


def test_a_limit_on_one_feature_alone_still_decides() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [
        _said("not-directed", "The marketplace is limited to users over 18.", "18")])
    assert verdict.value == "not-directed"
