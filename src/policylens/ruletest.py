"""Rule examples as tests: each `match` example must produce a finding of its rule (with the stated
value, polarity and attributes), each `no_match` must not; `todo` records known misses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from policylens.engine import Analyzer
from policylens.models import Document, Finding, Metadata
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
        if any(dict(f.attributes).get(k) != v for k, v in example.attributes.items()):
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
