"""Rule examples as tests: each `match` example must produce a finding of its rule (with the stated
value, polarity and attributes), each `no_match` must not; `todo` records known misses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from policylens.engine import Analyzer
from policylens.models import AttrValue, Document, Finding, Metadata
from policylens.ruleset import Example, Rule


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    kind: str  # match | no_match | todo
    example: Example
    passed: bool
    detail: str

    @property
    def where(self) -> str:
        return str(self.example.location or self.rule.location)


def findings_for(analyzer: Analyzer, rule: Rule, text: str) -> list[Finding]:
    document = Document.build("<example>", text, Metadata())
    report = analyzer.analyze(document)
    return [f for f in report.findings if f.rule_id == rule.id and f.value is not None]


def attributes_agree(got: dict[str, AttrValue], want: dict[str, AttrValue]) -> bool:
    """Every attribute the example names came out: the same single value, or (for `many`
    attributes) every listed value among those found."""
    for name, expected in want.items():
        found = got.get(name)
        if found is None:
            return False
        found_set = set(found) if isinstance(found, tuple) else {found}
        wanted = set(expected) if isinstance(expected, tuple) else {expected}
        if not wanted <= found_set:
            return False
    return True


def _describe(findings: list[Finding]) -> str:
    if not findings:
        return "no finding"
    return "; ".join(f"value={f.value} polarity={f.polarity} cue={f.cue!r} "
                     f"attributes={dict(f.attributes)}" for f in findings)


def check_match(analyzer: Analyzer, rule: Rule, example: Example) -> tuple[bool, str]:
    found = findings_for(analyzer, rule, example.text)
    for f in found:
        if example.value and f.value != example.value:
            continue
        if example.polarity and f.polarity != example.polarity:
            continue
        if not attributes_agree(dict(f.attributes), example.attributes):
            continue
        return True, _describe([f])
    want = ", ".join(f"{k}={v}" for k, v in (("value", example.value),
                     ("polarity", example.polarity)) if v)
    if example.attributes:
        want += f" attributes={example.attributes}"
    return False, f"expected a finding{(' with ' + want) if want else ''}; got {_describe(found)}"


def run_rule_examples(analyzer: Analyzer, rules: list[Rule]) -> Iterator[ExampleResult]:
    for rule in rules:
        for ex in rule.match_examples:
            ok, detail = check_match(analyzer, rule, ex)
            yield ExampleResult(rule, "match", ex, ok, detail)
        for ex in rule.no_match_examples:
            found = findings_for(analyzer, rule, ex.text)
            yield ExampleResult(rule, "no_match", ex, not found,
                                "no finding" if not found else f"expected no finding; got {_describe(found)}")
        for ex in rule.todo_examples:
            ok, detail = check_match(analyzer, rule, ex)
            yield ExampleResult(rule, "todo", ex, ok, detail)
