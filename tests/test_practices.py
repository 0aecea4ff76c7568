"""The practices beyond the core six: documented values, attribute shapes, how tables and JSON show
them, and the verdicts they reach on typical policy language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.practices import NOT_ASSESSED, NOT_MENTIONED, load_practices

DOCS = Path(__file__).parent.parent / "docs" / "practices.md"
PRACTICES = load_practices()


def test_core_six_come_first() -> None:
    ids = list(PRACTICES)
    assert [p for p in ids if PRACTICES[p].core] == ids[:6]
    assert set(ids[:6]) == {"data-sale", "third-party-sharing", "cookies", "children",
                            "third-party-ads", "merger-transfer"}
    assert len(ids) >= 21


def test_the_values_common_to_every_practice_are_documented() -> None:
    top = DOCS.read_text("utf-8").split("\n### ")[0]
    assert f"`{NOT_MENTIONED}`" in top and f"`{NOT_ASSESSED}`" in top


@pytest.mark.parametrize("pid", list(PRACTICES))
def test_every_practice_value_and_attribute_is_documented(pid: str) -> None:
    text = DOCS.read_text("utf-8")
    section = re.search(rf"^### {re.escape(pid)}\n(.*?)(?=^### |\Z)", text, re.M | re.S)
    assert section, f"docs/practices.md has no section for {pid}"
    body = section.group(1)
    practice = PRACTICES[pid]
    for value in practice.values:
        if value not in (NOT_MENTIONED, NOT_ASSESSED):  # common to all: documented at the top
            assert f"`{value}`" in body, f"{pid}: value {value} not documented"
    for name, decl in practice.attributes.items():
        assert f"`{name}`" in body, f"{pid}: attribute {name} not documented"
        for value in decl.values:
            assert f"`{value}`" in body, f"{pid}: attribute value {name}={value} not documented"


def test_attribute_values_are_kebab_case() -> None:
    for practice in PRACTICES.values():
        for decl in practice.attributes.values():
            assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", v) for v in decl.values)


POLICY = """# Privacy Policy

We use cookies to remember your preferences and to analyze traffic. We do not use Flash cookies.
Our pages may contain web beacons. We use Google Analytics to understand how visitors use the site.

We do not respond to Do Not Track signals.

You may unsubscribe from our newsletter at any time. You can update your profile at any time.

We retain server logs for 30 days. We use SSL encryption to protect your data.

If we make material changes to this policy, we will notify you by email.

We may disclose information if required to do so by law or in response to a subpoena.

We do not knowingly collect personal information from children under thirteen.
"""


@pytest.fixture(scope="module")
def verdicts() -> dict:
    result = CliRunner().invoke(cli, ["analyze", "-f", "json", "-"], input=POLICY)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["policies"][0]["practices"]


@pytest.mark.parametrize(("pid", "value", "attributes"), [
    ("tracking-technologies", "yes", {"technologies": ["cookies", "web-beacons"],
                                      "cookie-purposes": ["analytics", "preferences"]}),
    ("analytics", "yes", {"services": ["google-analytics"]}),
    ("do-not-track", "does-not-honor", {"signals": ["dnt"]}),
    ("user-choice", "yes", {"choices": ["marketing-opt-out"]}),
    ("user-access", "yes", {"rights": ["correct"]}),
    ("data-retention", "limited", {"periods": ["30 days"]}),
    ("data-security", "yes", {"measures": ["encryption"]}),
    ("policy-change", "direct-notice", {}),
    ("law-enforcement", "yes", {"grounds": ["legal-process"]}),
    ("children", "not-directed", {"age": "13"}),
    ("location", "not-mentioned", {}),
    ("eu-gdpr", "not-mentioned", {}),
])
def test_verdicts_and_attribute_shapes(verdicts: dict, pid: str, value: str, attributes: dict) -> None:
    assert verdicts[pid]["value"] == value
    assert verdicts[pid]["attributes"] == attributes


def test_a_denied_technology_is_not_listed_under_yes(verdicts: dict) -> None:
    assert "flash-cookies" not in verdicts["tracking-technologies"]["attributes"]["technologies"]


def test_findings_carry_trigger_and_cue_spans() -> None:
    result = CliRunner().invoke(cli, ["analyze", "-f", "json", "-"],
                                input="We do not respond to Do Not Track signals.")
    finding = json.loads(result.stdout)["policies"][0]["practices"]["do-not-track"]["evidence"][0]
    sentence = finding["sentence"]
    assert sentence[slice(*finding["trigger_span"])] == "respond"
    assert sentence[slice(*finding["cue_span"])] == "not"


def test_json_is_byte_identical_across_runs() -> None:
    runs = [CliRunner().invoke(cli, ["analyze", "-f", "json", "-"], input=POLICY).stdout for _ in range(2)]
    assert runs[0] == runs[1]


def test_table_shows_core_first_and_folds_silent_practices() -> None:
    result = CliRunner().invoke(cli, ["analyze", "-f", "table", "-"], input=POLICY)
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("│ ") and ln[2:3].strip()]
    names = [ln.split("│")[1].strip() for ln in lines]
    assert names[:6] == ["data-sale", "third-party-sharing", "cookies", "children", "third-party-ads",
                         "merger-transfer"]
    assert "do-not-track" in names and names[-1] == "others"
    others = result.stdout[result.stdout.index("│ others"):]
    assert "eu-gdpr" in others and "location" in others and "do-not-track" not in others


def test_practice_selector_limits_table_and_json() -> None:
    result = CliRunner().invoke(cli, ["analyze", "-f", "json", "-p", "core", "-p", "do-not-track", "-"],
                                input=POLICY)
    policy = json.loads(result.stdout)["policies"][0]
    assert set(policy["practices"]) == {p for p in PRACTICES if PRACTICES[p].core} | {"do-not-track"}
    assert {f["rule"].split("-")[0] for f in policy["statements"]} <= {
        "data", "third", "cookies", "children", "merger", "do"}
    bad = CliRunner().invoke(cli, ["analyze", "-p", "do-not-trak", "-"], input=POLICY)
    assert bad.exit_code == 2
    assert "did you mean 'do-not-track'?" in bad.stderr


def test_compare_takes_core_as_a_practice_selector() -> None:
    from policylens.compare import select_practices

    assert [p.id for p in select_practices(["core"])] == list(PRACTICES)[:6]
    assert [p.id for p in select_practices(["do-not-track,core"])][:2] == ["do-not-track", "data-sale"]
    assert len(select_practices(["all"])) == len(PRACTICES)


@pytest.mark.parametrize(("text", "practice"), [
    ("“Targeted advertising” means showing a person ads chosen from their activity on other sites.",
     "third-party-ads"),
    ("The term \"cookie\" refers to a small file a website stores in your browser.", "cookies"),
])
def test_a_sentence_that_defines_a_term_states_no_practice(analyze_text, text: str, practice: str) -> None:
    assert analyze_text(text).practices[practice].value == "not-mentioned"


def test_a_quoted_word_in_a_statement_still_speaks(analyze_text) -> None:
    report = analyze_text("We use “cookies” so that ad networks can show you targeted ads.")
    assert report.practices["cookies"].value == "yes"
    assert report.practices["third-party-ads"].value == "yes"
