"""`rules list`, `rules test` and `--rules` packs, as a rule author uses them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policylens.cli import cli
from policylens.practices import load_practices

PACKS = Path(__file__).parent / "fixtures" / "rule-packs"
BROKEN = Path(__file__).parent / "fixtures" / "broken-rules"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_list_shows_every_practice_with_rules_and_counts() -> None:
    result = run("rules", "list", "--format", "json")
    assert result.exit_code == 0
    practices = json.loads(result.stdout)["practices"]
    assert [p["id"] for p in practices] == list(load_practices())
    assert all(p["rules"] for p in practices), "every practice has at least one rule"
    counts = next(r for p in practices for r in p["rules"] if r["id"] == "tracking-cookies")["examples"]
    assert counts["match"] >= 3 and counts["no_match"] >= 2


def test_list_marks_rules_a_pack_switches_off() -> None:
    result = run("rules", "list", "--rules", str(PACKS / "good"), "-p", "do-not-track", "-p", "user-choice")
    assert result.exit_code == 0
    line = next(ln for ln in result.stdout.splitlines() if "do-not-track-statement" in ln)
    assert line.rstrip().endswith("disabled")
    assert "pack-preference-centre" in result.stdout
    assert "analytics" not in result.stdout


def test_a_passing_pack_reports_its_known_miss_and_exits_0() -> None:
    result = run("rules", "test", str(PACKS / "good"))
    assert result.exit_code == 0, result.stdout
    assert "KNOWN MISS todo example of pack-preference-centre" in result.stdout
    assert result.stdout.strip().endswith("4 examples, 3 passed, 0 failed, 1 known miss(es) (todo)")


def test_a_failing_pack_shows_expected_and_got_and_exits_1() -> None:
    result = run("rules", "test", str(PACKS / "failing"))
    assert result.exit_code == 1
    out = result.stdout
    pack = PACKS / "failing" / "pack.yaml"
    assert f"{pack}:10:11: FAIL match example of pack-wrong-examples" in out
    assert "expected: a finding with value=yes" in out
    assert "got:      value=no polarity=negated trigger='biscuits' cue='not'" in out
    assert "We do {{not}} use [[biscuits]]." in out  # the trigger and cue are marked in the text
    assert f"{pack}:12:11: FAIL no_match example of pack-wrong-examples" in out
    assert "2 examples, 0 passed, 2 failed" in out


def test_rule_errors_stop_the_tests_with_exit_2() -> None:
    result = run("rules", "test", str(BROKEN / "unknown-practice.yaml"))
    assert result.exit_code == 2
    assert "unknown practice 'cookie'" in result.stderr


def test_selecting_one_rule() -> None:
    result = run("rules", "test", "--rule", "tracking-etags", "-v")
    assert result.exit_code == 0
    assert "ok match example of tracking-etags" in result.stdout
    assert "tracking-cookies" not in result.stdout
    assert run("rules", "test", "--rule", "no-such-rule").exit_code == 2


def test_a_pack_adds_rules_and_switches_shipped_ones_off() -> None:
    text = "We do not respond to Do Not Track signals. Use our preference centre to pick e-mails."
    plain = json.loads(run("analyze", "-f", "json", "-", stdin=text).stdout)["policies"][0]
    assert plain["practices"]["do-not-track"]["value"] == "does-not-honor"
    packed = json.loads(run("analyze", "-f", "json", "--rules", str(PACKS / "good"), "-",
                            stdin=text).stdout)["policies"][0]
    assert packed["practices"]["do-not-track"]["value"] == "not-mentioned"
    assert packed["practices"]["user-choice"]["value"] == "yes"
    assert packed["practices"]["user-choice"]["evidence"][0]["rule"] == "pack-preference-centre"


def test_a_broken_pack_on_analyze_is_one_error_line_per_problem() -> None:
    result = run("analyze", "--rules", str(BROKEN / "unknown-key.yaml"), "-", stdin="We sell data.")
    assert result.exit_code == 2
    assert result.stderr == (f"policylens: error: {BROKEN / 'unknown-key.yaml'}:6:5: unknown key 'pattern' "
                             "in a rule (did you mean 'patterns'?)\n"
                             f"policylens: error: {BROKEN / 'unknown-key.yaml'}:4:5: rule is missing "
                             "'patterns'\n")
    assert "Traceback" not in result.output


def test_the_guide_worked_example_still_holds(tmp_path: Path) -> None:
    """docs/writing-rules.md: the first draft fails validation as shown; the final rule passes."""
    import re

    guide = (Path(__file__).parent.parent / "docs" / "writing-rules.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", guide, re.S) if b.startswith("rules:")]
    draft, final = blocks[0], blocks[-1]
    (tmp_path / "location.yaml").write_text(draft)
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'location.yaml'}:9:53: 'on' in a token pattern" in result.stdout
    (tmp_path / "location.yaml").write_text(final)
    result = run("rules", "test", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    assert "4 examples, 3 passed, 0 failed, 1 known miss(es) (todo)" in result.stdout
    policy = "# Store finder\n\nWe use your ZIP code to show you stores near you.\n"
    out = CliRunner().invoke(cli, ["explain", "-", "-p", "location", "--rules", str(tmp_path)], input=policy)
    assert "We use your [[ZIP code]] to show you stores near you." in out.stdout
