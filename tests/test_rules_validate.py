"""`policylens rules validate`: every mistake in a rule file at its file, line and column, never a
traceback. The broken fixtures state what they expect in `# expect: line:col: message` lines."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.cli import cli
from policylens.ruleset import RULE_KEYS, check_rule_text, regex_problem

BROKEN = Path(__file__).parent / "fixtures" / "broken-rules"
PACKS = Path(__file__).parent / "fixtures" / "rule-packs"


def _expectations(directory: Path) -> list[str]:
    lines = []
    for file in sorted(directory.glob("*.yaml")):
        for line in file.read_text("utf-8").splitlines():
            if line.startswith("# expect: "):
                lines.append(f"{file}:{line[len('# expect: '):]}".replace("{dir}", str(directory)))
    return lines


def _matches(expected: str, got: str) -> bool:
    return got.startswith(expected[:-3]) if expected.endswith("...") else got == expected


def test_each_kind_of_mistake_is_reported_at_its_place() -> None:
    result = CliRunner().invoke(cli, ["rules", "validate", str(BROKEN)])
    assert result.exit_code == 2, result.output
    got = [line for line in result.stdout.splitlines() if line]
    expected = _expectations(BROKEN)
    assert len(expected) >= 12
    unmatched = [e for e in expected if not any(_matches(e, g) for g in got)]
    unexpected = [g for g in got if not any(_matches(e, g) for e in expected)]
    assert not unmatched and not unexpected, f"missing: {unmatched}\nextra: {unexpected}"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.glob("*.yaml")))
def test_each_broken_file_alone_exits_2(name: str) -> None:
    result = CliRunner().invoke(cli, ["rules", "validate", str(BROKEN / name)])
    if name == "disable-unknown.yaml":  # names a rule of duplicate-id.yaml, not loaded here
        assert "'disable' names no rule 'cookie-twise'" in result.stdout
    assert result.exit_code == 2
    assert result.stdout.startswith(str(BROKEN / name) + ":")


def test_shipped_rules_are_clean() -> None:
    result = CliRunner().invoke(cli, ["rules", "validate"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""


def test_a_good_pack_with_flag_attributes_is_clean() -> None:
    result = CliRunner().invoke(cli, ["rules", "validate", str(PACKS / "good")])
    assert result.exit_code == 0, result.stdout


def test_json_and_github_formats() -> None:
    import json

    result = CliRunner().invoke(cli, ["rules", "validate", "-f", "json", str(BROKEN / "unknown-key.yaml")])
    payload = json.loads(result.stdout)
    first = payload["problems"][0]
    assert (first["line"], first["column"], first["severity"]) == (4, 5, "error")
    result = CliRunner().invoke(cli, ["rules", "validate", "-f", "github", str(BROKEN / "unknown-key.yaml")])
    where = f"file={BROKEN / 'unknown-key.yaml'},line=6,col=5"
    assert result.stdout.splitlines()[1].startswith(f"::error {where}::unknown key 'pattern'")


def test_missing_path_is_a_problem_not_a_crash() -> None:
    result = CliRunner().invoke(cli, ["rules", "validate", "no/such/dir"])
    assert result.exit_code == 2
    assert result.stdout.strip() == "no/such/dir: no such rule file or directory"


def test_a_rule_without_examples_is_a_warning(tmp_path: Path) -> None:
    rule = tmp_path / "r.yaml"
    rule.write_text("rules:\n  - id: bare\n    practice: cookies\n    message: m\n"
                    "    patterns: [{phrase: [biscuits]}]\n")
    result = CliRunner().invoke(cli, ["rules", "validate", str(rule)])
    assert result.exit_code == 0
    assert f"{rule}:2:5: warning: rule 'bare' has no match and no no_match examples" in result.stdout
    assert CliRunner().invoke(cli, ["rules", "validate", "--strict", str(rule)]).exit_code == 2


@pytest.mark.parametrize("source", [r"(a+)+b", r"(\w+\s?)*$", r"(?:web|we)+x", r"(.|\s)*z", r"x*", "[a-"])
def test_refused_regexes(source: str) -> None:
    assert regex_problem(source)


@pytest.mark.parametrize("source", [r"cookies?", r"(?:web|pixel) beacons?", r"(\d{1,3}) days",
                                    r"(?:\w+ ){0,3}rights", r"aboutads\.info"])
def test_accepted_regexes(source: str) -> None:
    assert regex_problem(source) is None


_scalars = st.one_of(st.sampled_from(["no", "yes", "on", "cookies", "x(", "(a+)+", "13", ""]),
                     st.integers(), st.none(), st.booleans(), st.text(max_size=8))
_keys = st.sampled_from(list(RULE_KEYS) + ["rules", "disable", "tokens", "phrase", "regex", "LOWER",
                                           "IN", "OP", "match", "no_match", "todo", "value", "pattern"])
_trees = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=5)), max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(tree=st.dictionaries(st.sampled_from(["rules", "disable", "other"]), _trees, max_size=2))
def test_any_structure_gives_problems_not_exceptions(tree: dict) -> None:
    text = yaml.safe_dump(tree)
    check_rule_text(text, "fuzz.yaml")  # must not raise


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_gives_problems_not_exceptions(text: str) -> None:
    rules, problems, _ = check_rule_text(text, "fuzz.yaml")
    assert all(p.location.path == "fuzz.yaml" for p in problems)


@settings(max_examples=120, deadline=None)
@given(rules=st.lists(st.dictionaries(_keys, _trees, max_size=8), max_size=3))
def test_any_rule_mapping_gives_problems_not_exceptions(rules: list) -> None:
    for rule in rules:
        rule.setdefault("practice", ("cookies", "tracking-technologies", "children")[len(rule) % 3])
    check_rule_text(yaml.safe_dump({"rules": rules}), "fuzz.yaml")  # must not raise
