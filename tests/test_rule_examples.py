"""Every example in every shipped rule file is a test (Semgrep's ruleid/ok, sqlfluff's yaml cases)."""

from __future__ import annotations

import pytest

from policylens.engine import Analyzer
from policylens.ruleset import load_ruleset
from policylens.ruletest import check_match, findings_for

RULES = load_ruleset().rules
MATCH = [(r, ex) for r in RULES for ex in r.match_examples]
NO_MATCH = [(r, ex) for r in RULES for ex in r.no_match_examples]
TODO = [(r, ex) for r in RULES for ex in r.todo_examples]


def _id(item: tuple) -> str:
    rule, ex = item
    return f"{rule.id}:{ex.text[:50]}"


def test_every_rule_has_examples_both_ways() -> None:
    lacking = [r.id for r in RULES if not r.match_examples or not r.no_match_examples]
    assert not lacking, f"rules without match and no_match examples: {lacking}"


@pytest.mark.parametrize("item", MATCH, ids=[_id(i) for i in MATCH])
def test_match_example(item: tuple, analyzer: Analyzer) -> None:
    rule, example = item
    ok, detail = check_match(analyzer, rule, example)
    assert ok, f"{example.location}: {example.text!r}: {detail}"


@pytest.mark.parametrize("item", NO_MATCH, ids=[_id(i) for i in NO_MATCH])
def test_no_match_example(item: tuple, analyzer: Analyzer) -> None:
    rule, example = item
    found = findings_for(analyzer, rule, example.text)
    assert not found, f"{example.location}: {example.text!r} should not match, got {found[0]}"


@pytest.mark.parametrize("item", TODO, ids=[_id(i) for i in TODO])
def test_todo_example(item: tuple, analyzer: Analyzer) -> None:
    rule, example = item
    ok, detail = check_match(analyzer, rule, example)
    if not ok:
        pytest.xfail(f"known miss: {detail}")


def test_cookies_and_tracking_technologies_set_aside_the_same_baked_cookies() -> None:
    """Both practices read "cookie" and must agree on the food sense ("bakes cookies, scones and
    bread"): one practice must not find a tracker the other has set aside."""
    def food(rule_id: str) -> list[str]:
        rule = next(r for r in RULES if r.id == rule_id)
        return [p.value for p in rule.exclude if p.kind == "regex" and "gingerbread" in p.value]

    assert food("tracking-cookies") and food("tracking-cookies") == food("cookies-use")
