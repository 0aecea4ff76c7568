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


NEAR_MISS_RULES = """rules:
  - id: test-raffle
    practice: data-sale
    message: Personal data is raffled
    patterns:
      - tokens: [{LOWER: {IN: [raffle, raffles, raffled]}}]
    requires:
      - tokens: [{LOWER: {IN: [data, information]}}]
    exclude:
      - phrase: [charity raffle]
    examples:
      match:
        - {text: "We raffle your data to the highest bidder.", value: "yes"}
      no_match:
        - "Our staff raffle old laptops."
        - "We run a charity raffle for your information each year."
"""


def test_near_misses_say_which_rule_stayed_silent_and_why(tmp_path) -> None:
    (tmp_path / "raffle.yaml").write_text(NEAR_MISS_RULES)
    text = ("We raffle your data.\n\n"  # a finding
            "Our staff raffle old laptops.\n\n"  # requires: no data word
            "We run a charity raffle for your information.\n")  # exclude over the trigger
    result = explain("-p", "data-sale", "-f", "json", "--rules", str(tmp_path), text=text)
    assert result.exit_code == 0, result.output
    sale = json.loads(result.stdout)["practices"]["data-sale"]
    assert [(f["rule"], f["line"]) for f in sale["findings"]] == [("test-raffle", 1)]
    misses = [(m["rule"], m["line"], m["why"], m["trigger"], m["blocker"])
              for m in sale["near_misses"]]
    assert misses == [("test-raffle", 3, "requires", "raffle", None),
                      ("test-raffle", 5, "exclude", "raffle", "charity raffle")]
    for m in sale["near_misses"]:
        assert m["sentence"][slice(*m["trigger_span"])] == m["trigger"]

    shown = explain("-p", "data-sale", "--rules", str(tmp_path), text=text).stdout
    assert "near misses (2)" in shown
    assert "no pattern of the rule's `requires` matched in the sentence" in shown
    assert "Our staff [[raffle]] old laptops." in shown
    assert "an `exclude` pattern matched over the trigger ('charity raffle')" in shown


def test_a_practice_with_only_near_misses_is_explained_by_default() -> None:
    text = "Chocolate cookies are baked daily.\n"  # the baked kind: excluded
    payload = json.loads(explain("-f", "json", text=text).stdout)
    cookies = payload["practices"]["cookies"]
    assert cookies["value"] == "not-mentioned" and cookies["findings"] == []
    assert {m["why"] for m in cookies["near_misses"]} == {"exclude"}


def test_near_misses_change_no_report(analyzer) -> None:
    """Collecting near misses is an observer: the report is the same with and without it."""
    from policylens.models import NearMiss
    from policylens.reading.ingest import load_document

    document = load_document("p.md", POLICY.encode() + b"\nChocolate cookies are baked daily.\n")
    misses: list[NearMiss] = []
    assert analyzer.analyze(document, misses=misses).to_dict() == \
        analyzer.analyze(document).to_dict()
    assert misses


def test_a_word_in_another_sense_is_a_near_miss_that_names_it() -> None:
    """senses.yaml: a paragraph of the other sense's words and none of the meant one's drops the
    finding, and explain names the word that told them apart."""
    text = "Entries in the cookie and shortbread class are judged by a visiting pastry chef.\n"
    cookies = json.loads(explain("-p", "cookies", "-f", "json", text=text).stdout)["practices"]["cookies"]
    assert cookies["value"] == "not-mentioned" and cookies["findings"] == []
    assert [(m["why"], m["blocker"]) for m in cookies["near_misses"]] == [("sense", "food: pastry")]
    # one word of the meant sense in the paragraph keeps the finding
    text = "Entries in the cookie and shortbread class are stored in your browser until judging.\n"
    cookies = json.loads(explain("-p", "cookies", "-f", "json", text=text).stdout)["practices"]["cookies"]
    assert cookies["value"] == "yes"
