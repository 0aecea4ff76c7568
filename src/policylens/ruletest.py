"""Rule examples as tests: each `match` example must produce a finding of its rule (with the stated
value, polarity and attributes), each `no_match` must not; `todo` records known misses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from policylens.engine import Analyzer
from policylens.models import AttrValue, Document, Finding, Metadata
from policylens.ruleset import Example, Rule, normalize_capture


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    kind: str  # match | no_match | todo
    example: Example
    passed: bool
    detail: str
    expected: str = ""  # what the example asks for, in words
    got: str = ""  # what came out, in words
    findings: tuple[Finding, ...] = ()  # the rule's findings on the example (with a value)

    @property
    def where(self) -> str:
        return str(self.example.location or self.rule.location)


def findings_for(analyzer: Analyzer, rule: Rule, text: str) -> list[Finding]:
    """The rule's findings (that support a value) when the text is analyzed as a whole policy."""
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
        # "thirteen" in an example means what the capture "13" means
        wanted = set(expected) if isinstance(expected, tuple) else {normalize_capture(expected)}
        if not wanted <= found_set:
            return False
    return True


def describe(findings: list[Finding]) -> str:
    if not findings:
        return "no finding"
    return "; ".join(f"value={f.value} polarity={f.polarity} trigger={f.trigger!r} cue={f.cue!r}"
                     + (f" attributes={_attrs(dict(f.attributes))}" if f.attributes else "")
                     + (f" recipients={list(f.slots.recipients)} conditions={list(f.slots.conditions)}"
                        if f.slots else "")
                     for f in findings)


def _attrs(attributes: dict[str, AttrValue]) -> str:
    return "{" + ", ".join(f"{k}: {list(v) if isinstance(v, tuple) else v}"
                           for k, v in sorted(attributes.items())) + "}"


def wanted(example: Example) -> str:
    want = ", ".join(f"{k}={v}" for k, v in (("value", example.value),
                                             ("polarity", example.polarity)) if v)
    if example.attributes:
        want += (" " if want else "") + f"attributes={_attrs(example.attributes)}"
    if example.slots:
        want += (" " if want else "") + "slots={" + ", ".join(
            f"{k}: {v}" for k, v in sorted(example.slots.items())) + "}"
    return f"a finding{(' with ' + want) if want else ''}"


# an example's slot key -> the Slots field that must hold (or equal) its class
_SLOT_FIELDS = {"actor": "actor", "data": "data", "recipient": "recipients", "purpose": "purposes",
                "condition": "conditions", "exception": "exceptions", "scope": "scope"}


def slots_agree(finding: Finding, wanted_slots: dict[str, str]) -> bool:
    """Whether a finding's statement slots hold every class an example asserts."""
    if not wanted_slots:
        return True
    if finding.slots is None:
        return False
    for key, want in wanted_slots.items():
        got = getattr(finding.slots, _SLOT_FIELDS[key])
        if (want not in got) if isinstance(got, tuple) else (got != want):
            return False
    return True


def _match(found: list[Finding], example: Example) -> Finding | None:
    for f in found:
        if not slots_agree(f, example.slots):
            continue
        if example.value and f.value != example.value:
            continue
        if example.polarity and f.polarity != example.polarity:
            continue
        if not attributes_agree(dict(f.attributes), example.attributes):
            continue
        return f
    return None


def check_match(analyzer: Analyzer, rule: Rule, example: Example) -> tuple[bool, str]:
    found = findings_for(analyzer, rule, example.text)
    hit = _match(found, example)
    if hit:
        return True, describe([hit])
    return False, f"expected {wanted(example)}; got {describe(found)}"


def run_example(analyzer: Analyzer, rule: Rule, kind: str, example: Example) -> ExampleResult:
    found = findings_for(analyzer, rule, example.text)
    if kind == "no_match":
        ok = not found
        return ExampleResult(rule, kind, example, ok,
                             "no finding" if ok else f"expected no finding; got {describe(found)}",
                             "no finding", describe(found), tuple(found))
    hit = _match(found, example)
    detail = describe([hit]) if hit else f"expected {wanted(example)}; got {describe(found)}"
    shown = [hit] if hit else found
    return ExampleResult(rule, kind, example, hit is not None, detail, wanted(example),
                         describe(shown), tuple(shown))


def run_rule_examples(analyzer: Analyzer, rules: list[Rule]) -> Iterator[ExampleResult]:
    for rule in rules:
        for kind, examples in (("match", rule.match_examples), ("no_match", rule.no_match_examples),
                               ("todo", rule.todo_examples)):
            for ex in examples:
                yield run_example(analyzer, rule, kind, ex)
