"""Broken rule files (tests/fixtures/bad_rules/) are refused on load, with file:line:col, a message
that says what is wrong, exit 2, and never a traceback or a constructed Python object."""

from __future__ import annotations

from pathlib import Path

import pytest

from policylens.errors import EXIT_INPUT, RuleError
from policylens.ruleset import load_ruleset

BAD = Path(__file__).parent / "fixtures" / "bad_rules"

# file -> every problem expected, as "line:col: message" (the path is prefixed below)
EXPECTED = {
    "malformed.yaml": ["4:4: invalid YAML: did not find expected '-' indicator (while parsing a "
                       "block collection at line 2, column 3)"],
    "unclosed.yaml": ["7:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
                      "sequence at line 6, column 17)"],
    "yaml11-bool-value.yaml": ["5:12: value is the YAML boolean 'no', not a string (quote it: \"no\")"],
    "yaml11-bool-token.yaml": ["6:26: 'no' in a token pattern is read by YAML as a boolean "
                               "(quote it: \"no\")"],
    "duplicate-key.yaml": ["7:5: duplicate key 'patterns' (first defined at line 5; "
                           "YAML keeps only the last)"],
    "duplicate-id.yaml": ["7:5: duplicate rule id 'same-id' (first defined at {path}:2:5)"],
    "shipped-id.yaml": ["2:5: duplicate rule id 'cookies-use' (first defined at rules/cookies.yaml:9:5)"],
    "unknown-practice.yaml": ["3:15: unknown practice 'data-sales' (did you mean 'data-sale'?)"],
    "unknown-key.yaml": ["5:5: unknown key 'pattern' in a rule (did you mean 'patterns'?)",
                         "2:5: rule is missing 'patterns'"],
    "bad-spacy.yaml": ["6:19: unknown token attribute 'LOWR' (did you mean 'LOWER'?)"],
    "bad-spacy-op.yaml": ["6:38: unknown operator 'many' (use +, *, ?, ! or a range such as \"{0,6}\" "
                          "(quoted))"],
    "catastrophic-regex.yaml": ["6:16: nested quantifiers can backtrack catastrophically"],
    "polynomial-regex.yaml": ["6:16: unbounded quantifiers in a row over the same characters can "
                              "backtrack polynomially (bound the gaps, e.g. .{0,60})"],
    "invalid-regex.yaml": ["6:16: invalid regular expression: missing ), unterminated subpattern "
                           "at position 0"],
    "python-tag.yaml": ["4:14: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not "
                        "allowed in rule files (rule files hold plain strings, lists and mappings)",
                        "4:14: message must be a string"],
    "python-name-tag.yaml": ["1:1: YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed "
                             "in rule files (rule files hold plain strings, lists and mappings)",
                             "1:1: the rule file must be a mapping"],
    "not-a-mapping.yaml": ["1:1: the rule file must be a mapping"],
    "empty.yaml": ["1:1: empty rule file (a rule file holds 'rules:')"],
    "latin1.yaml": ["2:12: not UTF-8: byte 0xe9 cannot be decoded (save the rule file as UTF-8)"],
}


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_rule_file_is_refused_with_every_problem_located(name: str):
    path = BAD / name
    with pytest.raises(RuleError) as info:
        load_ruleset([str(path)])
    expected = [f"{path}:{line.replace('{path}', str(path))}" for line in EXPECTED[name]]
    assert info.value.lines() == expected
    assert info.value.exit_code == EXIT_INPUT


@pytest.mark.parametrize("name", ["malformed.yaml", "python-tag.yaml", "bad-spacy-op.yaml"])
def test_cli_prints_one_line_per_problem_and_exits_2(cli, name: str, tmp_path: Path):
    policy = tmp_path / "p.txt"
    policy.write_text("We do not sell your data.\n")
    run = cli("analyze", "-f", "json", "--rules", BAD / name, policy)
    assert run.code == EXIT_INPUT
    assert run.stdout == ""  # no report from a rule set that did not load
    assert run.errors and all(line.startswith(f"policylens: error: {BAD / name}:") for line in run.errors)
    assert "Traceback" not in run.stderr


def test_python_tags_are_never_constructed(tmp_path: Path):
    marker = tmp_path / "constructed"
    path = tmp_path / "evil.yaml"
    path.write_text(f"rules: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(RuleError):
        load_ruleset([str(path)])
    assert not marker.exists()


def test_missing_rule_path_and_directory_of_rules(tmp_path: Path):
    with pytest.raises(RuleError) as info:
        load_ruleset([str(tmp_path / "nope")])
    assert info.value.lines() == [f"{tmp_path / 'nope'}: no such rule file or directory"]
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.yaml").write_text((BAD / "duplicate-id.yaml").read_text())
    (pack / "b.yaml").write_text((BAD / "unknown-practice.yaml").read_text())
    with pytest.raises(RuleError) as info:
        load_ruleset([str(pack)])
    assert info.value.lines() == [
        f"{pack / 'a.yaml'}:7:5: duplicate rule id 'same-id' (first defined at {pack / 'a.yaml'}:2:5)",
        f"{pack / 'b.yaml'}:3:15: unknown practice 'data-sales' (did you mean 'data-sale'?)",
    ]


def test_fifo_as_rule_file_is_refused(tmp_path: Path):
    import os

    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    with pytest.raises(RuleError) as info:
        load_ruleset([str(fifo)])
    assert info.value.lines() == [f"{fifo}: is not a regular file (a FIFO, device or socket)"]


def test_slow_regex_that_loads_is_bounded_by_the_time_budget(cli, tmp_path: Path):
    """Three runs inside a word (\\w*\\w*\\w*!) load (n**3 on words of at most 100 characters),
    yet on sentences made of such words they are slow: the per-file time budget stops the file."""
    rules = tmp_path / "slow.yaml"
    rules.write_text(
        "rules:\n"
        "  - id: slow-regex\n"
        "    practice: data-sale\n"
        "    message: cubic backtracking inside words\n"
        "    patterns:\n"
        "      - regex: '\\w*\\w*\\w*!'\n"
    )
    policy = tmp_path / "p.txt"
    policy.write_text("Privacy policy.\n\n" + (" ".join(["a" * 100] * 29) + ".\n\n") * 20)  # ~0.5 s each
    run = cli("analyze", "-f", "json", "--timeout", "1", "--rules", rules, policy)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {policy}: gave up after 1 s, the time budget per file "
                          "(raise it with --timeout; 0 means no budget)"]


@pytest.mark.parametrize("regex, refused", [
    (r"\w*\w*\w*\w*!", True),  # four runs inside a word
    (r".*a.*b.*c", True),  # three runs across words
    (r"we.*not.*sell.*data", True),
    (r"[\w\s]*sell[\w\s]*data[\w\s]*x", True),
    (r"sell.*data", False),  # two runs: n**2 on 3,000 characters is fine
    (r"we.{0,60}not.{0,60}sell.{0,60}data", False),
    (r"\S+@\S+\.\S+", False),  # three runs, but inside words of at most 100 characters
    (r"[a-z]+\s+[a-z]+\s+[a-z]+", False),  # the runs cannot pass characters to each other
    (r"(?:under|below)\s+(?:the\s+)?(?:age\s+of\s+)?(?:[a-z]+\s+)?\(?(\d{1,2})\b", False),
])
def test_polynomial_regexes_are_refused_and_ordinary_ones_kept(regex: str, refused: bool):
    from policylens.ruleset import regex_problem

    assert (regex_problem(regex) is not None) == refused
