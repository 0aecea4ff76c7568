"""`policylens explain`: every finding of a practice with its trigger and cue marked, and why the
verdict came out as it did."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policylens.cli import cli

POLICY = """We do not sell your personal information.

We may sell your e-mail address to marketing partners.

We will not sell your data except as required by law.
"""


def explain(*args: str, text: str = POLICY):
    return CliRunner().invoke(cli, ["explain", "-", *args], input=text)


def test_text_marks_trigger_and_cue_and_says_why() -> None:
    result = explain("--practice", "data-sale")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "value: yes" in out
    assert "decision rule: the first of yes > no that a finding supports wins" in out
    assert "'yes' outranks 'no'" in out
    assert "We do {{not}} [[sell" in out
    assert "We {{may}} [[sell" in out
    lines = out.splitlines()
    roles = [ln.split()[0] for ln in lines if " line " in ln and " · " in ln]
    assert roles == ["outranked", "decides", "outranked"]


def test_json_lists_every_finding_with_its_role() -> None:
    result = explain("-p", "data-sale", "-f", "json")
    payload = json.loads(result.stdout)
    data_sale = payload["practices"]["data-sale"]
    assert data_sale["value"] == "yes"
    assert [f["role"] for f in data_sale["findings"]] == ["outranked", "decides", "outranked"]
    first = data_sale["findings"][0]
    assert first["sentence"][slice(*first["cue_span"])] == "not"
    assert first["sentence"][slice(*first["trigger_span"])] == first["trigger"]
    assert first["trigger"].startswith("sell")


def test_findings_that_give_no_value_are_shown() -> None:
    text = "We do not use encryption.\n"  # data-security gives no value for a negated trigger
    result = explain("-p", "data-security", "-f", "json", text=text)
    security = json.loads(result.stdout)["practices"]["data-security"]
    assert security["value"] == "not-mentioned"
    assert [(f["polarity"], f["value"], f["role"]) for f in security["findings"]] == [
        ("negated", None, "no-value")]


def test_youngest_age_scope_is_explained() -> None:
    text = ("We do not knowingly collect information from children under 13.\n\n"
            "Users under 16 may use the service only with the consent of a parent.\n")
    result = explain("-p", "children", "-f", "json", text=text)
    children = json.loads(result.stdout)["practices"]["children"]
    assert children["attributes"] == {"age": "13"}
    roles = {f["attributes"].get("age"): f["role"] for f in children["findings"]}
    assert roles.get("13") == "decides"
    assert "out-of-scope" in roles.values()


def test_default_is_every_practice_with_a_finding() -> None:
    payload = json.loads(explain("-f", "json").stdout)
    assert "data-sale" in payload["practices"]
    assert "cookies" not in payload["practices"]


def test_unknown_practice_is_a_usage_error() -> None:
    result = explain("-p", "data-sales")
    assert result.exit_code == 2
    assert result.stderr == ("policylens: error: unknown practice 'data-sales' "
                             "(did you mean 'data-sale'?)\n")


def test_unreadable_file_is_one_line() -> None:
    result = CliRunner().invoke(cli, ["explain", "no/such/file.md"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
