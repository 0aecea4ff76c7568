"""Headings written inside list items, numbered and bold headings, run-on sentences cut at real
boundaries, and how each output format tells that a text is not English or a degraded capture."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.cli import cli as main
from policylens.nlp import get_nlp
from policylens.reading.ingest import load_document
from policylens.structure.blocks import iter_blocks, outside_contents
from policylens.structure.sections import parse_sections
from policylens.structure.sentences import MAX_SENTENCE_CHARS
from tests.test_properties import assert_maps_back

READING = Path(__file__).parent / "fixtures" / "reading"


def test_every_heading_style_is_a_section_and_nothing_else_is():
    doc = load_document(str(READING / "heading-styles.md"))
    found = [(s.title, s.kind) for s in parse_sections(doc)]
    assert found == [
        ("Example Privacy Policy", "setext"),
        ("Introduction", "setext"),  # `1.  Introduction` over an indented underline
        ("Services", "markdown"),  # `    ### Services` inside the item
        ("Who does this notice apply to?", "bold-line"),  # a bold item of a numbered list
        ("1. Our Service", "bold-line"),
        ("2.1. From you.", "bold-line"),
        ("2.2. From your browser and device.", "bold-line"),  # numbered: a heading, a sentence or not
        ("The Information We Collect.", "bold-line"),  # title case: a heading, full stop or not
        ("1.1 Information you provide us.", "bold-line"),  # its number makes it a heading
        # (a bold label on a line of its own inside a paragraph is not one)
        ("Registration Information", "bold-lead"),  # a no-break space after the bold run
        ("Purpose", "bold-lead"),  # run-in: only where its paragraph starts, not "Storage"
        ("SECTION 2 - CONSENT", "caps"),
        ("3.COOKIES", "caps"),
        ("1. WHAT INFORMATION WE COLLECT", "numbered"),
    ]
    lines = doc.text.split("\n")
    for section in parse_sections(doc):  # each title is the text of its own line
        assert section.title.split(". ")[-1].rstrip(".?") in lines[section.line - 1].replace("\\", "")


def test_an_underline_inside_a_list_item_is_no_text():
    text = (READING / "heading-styles.md").read_text("utf-8")
    blocks = list(iter_blocks(text))
    assert all("---" not in b.text and "===" not in b.text and "#" not in b.text for b in blocks)
    intro = next(b for b in blocks if b.text == "Introduction")
    assert intro.kind == "heading"
    for block in blocks:
        assert_maps_back(block, text)


def test_a_block_tag_inside_a_markdown_line_parts_the_words_around_it():
    # (a broken capture: a definition pasted as HTML into a markdown paragraph)
    text = "We may collect data from children<p>Children means people under 13.</p>\n"
    block = next(iter_blocks(text))
    assert "children Children means" in block.text
    assert_maps_back(block, text)


def test_a_headless_tables_first_row_with_a_bracketed_note_heads_its_columns():
    # (a table pasted from a web page: the header row above the dashes is empty; one title holds a
    # note in brackets, as captured policies' tables do)
    text = ("| | | |\n| --- | --- | --- |\n"
            "| Category | Purposes (we may not use every example for each purpose) | Disclosed to |\n"
            "| Identifiers | Marketing | Service providers; advertising partners |\n")
    rows = [b for b in iter_blocks(text) if b.kind == "table-row"]
    assert rows[-1].header[-1] == "Disclosed to"


def test_a_numbered_section_named_in_a_link_ends_no_sentence():
    text = "We share the data described in [Section 1. What We Collect](#collect) with our partners.\n"
    block = next(iter_blocks(text))
    assert block.text == "We share the data described in Section 1 What We Collect with our partners."
    assert_maps_back(block, text)
    nlp = get_nlp()
    assert len(list(nlp(block.text).sents)) == 1


def test_a_separator_row_with_text_glued_on_keeps_only_the_text():
    text = "| a | b |\n| --- | --- |Strictly Necessary Cookies\n| c | d |\n"
    rows = [b.text for b in iter_blocks(text)]
    assert rows == ["a; b", "Strictly Necessary Cookies", "c; d"]


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = get_nlp()(text)
    return [(s.start_char, s.end_char) for s in doc.sents]


def _check_tiling(text: str, spans: list[tuple[int, int]]) -> None:
    """Sentences are in order, do not overlap, leave out only whitespace, and none is too long."""
    pos = 0
    for start, end in spans:
        assert start >= pos and not text[pos:start].strip()
        assert end - start <= MAX_SENTENCE_CHARS
        pos = end
    assert not text[pos:].strip()


def test_a_run_on_list_is_cut_at_its_semicolons():
    items = [f"to carry out task number {k} for the people who use our services" for k in range(40)]
    text = "These processing purposes include: " + "; ".join(items) + "."
    spans = _sentences(text)
    _check_tiling(text, spans)
    assert len(spans) > 1
    for _start, end in spans[:-1]:
        assert text[end - 1] in ";:"  # every cut is after an item's end


def test_a_run_on_without_punctuation_is_cut_at_a_space():
    text = " ".join(["word"] * 600)
    spans = _sentences(text)
    _check_tiling(text, spans)
    assert all(text[s:e].split() == ["word"] * len(text[s:e].split()) for s, e in spans)


def test_a_short_sentence_is_never_cut():
    text = "We share data with partners; we do not sell it, and we keep it - for a year."
    assert _sentences(text) == [(0, len(text))]


_piece = st.sampled_from(["we share data", "with partners", "; ", ", ", " - ", " \u2022 ", " and ",
                          ": ", "cookies", "x" * 40, " "])


@settings(max_examples=60, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=200))
def test_no_sentence_is_longer_than_the_limit(pieces: list[str]):
    text = "".join(pieces).strip() or "x"
    _check_tiling(text, _sentences(text))


def test_run_on_evidence_is_short_and_maps_back(tmp_path):
    items = "; ".join(f"we sell your personal information to partner number {k}" for k in range(30))
    policy = tmp_path / "p.md"
    policy.write_text(f"# Sharing\n\n{items}.\n", "utf-8")
    result = CliRunner().invoke(main, ["analyze", str(policy), "-f", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)["policies"][0]
    text = policy.read_text("utf-8")
    assert report["statements"]
    for finding in report["statements"]:
        assert len(finding["sentence"]) <= MAX_SENTENCE_CHARS
        assert text[finding["start"]:finding["end"]] == finding["sentence"]


def _compare(fmt: str) -> str:
    paths = [str(READING / "fr.md"), str(READING / "login.html")]
    result = CliRunner().invoke(main, ["compare", *paths, "-f", fmt, "--no-cache"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_has_language_and_degraded_columns():
    rows = list(csv.DictReader(io.StringIO(_compare("csv"))))
    by_path = {Path(r["path"]).name: r for r in rows}
    assert by_path["fr.md"]["language"] == "fr" and by_path["fr.md"]["degraded"] == ""
    assert "login page" in by_path["login.html"]["degraded"]


def test_markdown_and_html_grids_tell_language_and_degraded():
    for fmt in ("markdown", "html"):
        out = _compare(fmt)
        assert "language fr" in out and "degraded: this capture looks like a login page" in out, fmt


def test_an_invalid_character_reference_is_no_text(analyze_text) -> None:
    """'&#0;' decodes to U+FFFD in HTML: read as a space, so evidence ends where its text ends
    (a fuzzed input once gave the span 'Cookies&' for the sentence 'Cookies\ufffd')."""
    text = "## Cookies&#0;\n\nA cookie is a small file placed on your computer.\n"
    report = analyze_text(text)
    assert any(f.sentence == "Cookies" for f in report.findings)  # the heading is evidence
    for finding in report.findings:
        assert "\ufffd" not in finding.sentence
        assert text[finding.start:finding.end] == finding.sentence


@pytest.mark.parametrize("bullet", ["\u2022", "\u25cf", "\u25a0", "\u25ba", "\u27a2", "-", "*"])
def test_a_word_processors_bullet_opens_a_list_item_under_its_lead_in(bullet: str):
    text = (f"We share personal data with these recipients:\n\n{bullet} advertising partners\n"
            f"{bullet} our auditors\n")
    blocks = list(iter_blocks(text))
    assert [(b.kind, b.text, b.lead) for b in blocks[1:]] == [
        ("list-item", "advertising partners", 0), ("list-item", "our auditors", 0)]


@pytest.mark.parametrize("title,leads", [
    ("Who we share your data with", True),  # a question with no question mark
    ("With whom do we share it", True),
    ("Who we are.", False),  # a sentence, not a title over a list
    ("Sharing with third parties", False),  # a topic, not a question
])
def test_a_title_asking_to_whom_leads_its_list(title: str, leads: bool):
    blocks = list(iter_blocks(f"{title}\n- payment processors\n- advertising partners\n"))
    items = [b for b in blocks if b.kind == "list-item"]
    assert len(items) == 2
    assert all((b.lead == 0) == leads for b in items)


def test_an_item_ending_in_a_colon_leads_the_list_nested_under_it():
    text = ("How we share it:\n\n"
            "* Other members can see your profile. We also share your data with:\n"
            "    * advertising partners\n"
            "    * our auditors\n"
            "* Our group companies\n")
    blocks = list(iter_blocks(text))
    outer = text.index("* Other") + 2
    assert [(b.text, b.lead) for b in blocks[1:]] == [
        ("Other members can see your profile. We also share your data with:", 0),
        ("advertising partners", outer), ("our auditors", outer),
        ("Our group companies", 0)]  # back at the outer list: its own lead again


def test_bullets_after_a_numbered_item_ending_in_a_colon_are_its_nested_list():
    # (a capture that lost the bullets' indent: the change of marker nests them)
    text = ("1. We may disclose your data to these recipients:\n\n"
            "* payment processors\n* business partners\n\n"
            "2. No other company receives it.\n")
    blocks = list(iter_blocks(text))
    assert [(b.text, b.lead) for b in blocks] == [
        ("We may disclose your data to these recipients:", None),
        ("payment processors", 3), ("business partners", 3),
        ("No other company receives it.", None)]  # back at the numbered list


@pytest.mark.parametrize("title", ["How we share your information", "How We Provide Information to Others"])
def test_a_title_asking_how_leads_its_list(title: str):
    blocks = list(iter_blocks(f"{title}\n- with payment processors\n- to advertising partners\n"))
    assert [b.lead for b in blocks if b.kind == "list-item"] == [0, 0]


def test_a_nested_list_under_an_item_without_a_colon_keeps_the_outer_lead():
    text = "We share it with:\n\n* partners\n    * in Europe\n* auditors\n"
    blocks = list(iter_blocks(text))
    assert [b.lead for b in blocks[1:]] == [0, 0, 0]


def test_a_list_flattened_into_one_line_is_read_as_its_items():
    # (a word processor's bullets kept inside one line by a capture)
    text = ("We may share your data with:\n\n"
            "\u25cf game studios; \u25cf our hosting providers; \u25cf advertising partners\n")
    blocks = list(iter_blocks(text))
    assert [(b.kind, b.text, b.lead) for b in blocks[1:]] == [
        ("list-item", "game studios;", 0), ("list-item", "our hosting providers;", 0),
        ("list-item", "advertising partners", 0)]
    for b in blocks[1:]:  # each item's offsets still point at its words in the text
        assert text[b.offsets[0]:b.offsets[len(b.text) - 1] + 1] == b.text


def test_a_bullet_character_inside_a_paragraph_stays_in_it():
    blocks = list(iter_blocks("Prices \u2022 fees \u2022 taxes are shown at checkout.\n"))
    assert [b.text for b in blocks] == ["Prices \u2022 fees \u2022 taxes are shown at checkout."]


@pytest.mark.parametrize(("items", "value"), [
    # a heading naming the act asks to whom of the list right under it
    ("* Car dealers, to deliver their products and services to you\n* Our hosting providers\n", "yes"),
    ("* Our hosting provider (processor)\n* Our auditors\n* Public authorities, where the law requires it\n",
     "no"),
])
def test_a_heading_naming_the_act_asks_to_whom_of_its_list(analyze_text, items: str, value: str):
    report = analyze_text("## Disclosures\n\n" + items)
    assert report.practices["third-party-sharing"].value == value


def test_a_long_quoted_list_of_recipients_is_read_as_a_policy(analyze_text):
    # (no "privacy", "personal" or "your data": the list names service providers)
    items = "".join(f"* Service providers in region {n}, who help us run the stores and deliver orders\n"
                    for n in range(20))
    report = analyze_text("## Disclosures\n\n" + items + "* Car dealers, to sell you their own products\n")
    assert not report.notes
    assert report.practices["third-party-sharing"].value == "yes"


def test_a_hard_line_break_before_a_capital_ends_the_paragraph():
    # a table pasted as lines ended by markdown hard breaks (an HTML <br>), then a sentence
    text = ("Name Function Country  \nStripe Payments USA  \n"
            "Acme shares your data only with these processors.  \nwhen the law requires it.\n")
    blocks = [b.text for b in iter_blocks(text)]
    assert blocks == ["Name Function Country", "Stripe Payments USA",
                      "Acme shares your data only with these processors. when the law requires it."]


def test_a_short_sentence_case_title_heads_the_paragraph_under_it():
    blocks = list(iter_blocks("Business transfers\nYour data does not go with the business.\n"))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Business transfers"), ("paragraph", "Your data does not go with the business.")]
    # a wrapped sentence's first line is not one: it ends on a word that needs the next
    wrapped = list(iter_blocks("We share it with\nGoogle and our other partners.\n"))
    assert [b.kind for b in wrapped] == ["paragraph"]


def test_a_sentence_broken_over_a_list_is_one_paragraph_that_maps_back():
    # (words written for this test) the opening, the fragments and the end are one sentence
    text = "Our promise\n\nWe will never\n\n* sell,\n* rent, or\n* swap\n\nyour contact details.\n"
    blocks = list(iter_blocks(text))
    assert [(b.kind, b.text) for b in blocks][-1] == (
        "paragraph", "We will never sell, rent, or swap your contact details.")
    joined = blocks[-1]
    start, end = joined.span(0, len(joined.text))
    assert text[start:end].startswith("We will never") and text[start:end].endswith("details.")
    assert text[joined.offsets[joined.text.index("swap")]:].startswith("swap")
    # a list of whole sentences under a short opening stays a list
    kept = list(iter_blocks("Our rules\n\n* We never sell data.\n* We never rent it.\n"))
    assert [b.kind for b in kept][-2:] == ["list-item", "list-item"]


def test_an_age_groups_list_of_rules_is_read_with_its_age():
    text = "If you are under 16:\n\n* ask a parent first; and\n* expect us to check with them.\n"
    assert [b.text for b in iter_blocks(text)] == [
        "If you are under 16: ask a parent first; and expect us to check with them."]


def test_a_first_table_row_of_sentences_under_an_empty_header_is_content():
    text = ("|   |   |\n|---|---|\n| Partners | We work with partners to run the service. |\n"
            "| Authorities | We disclose data when the law requires it. |\n")
    rows = list(iter_blocks(text))
    assert all(not b.header for b in rows)
    titled = list(iter_blocks("|   |   |\n|---|---|\n| Recipient | Purpose |\n| Couriers | Delivery |\n"))
    assert titled[-1].header == ("Recipient", "Purpose")


def test_the_entries_of_a_table_of_contents_are_left_out_and_the_text_after_it_is_kept():
    # (words written for this test) titles under "Contents" name sections and state nothing
    text = ("## Contents\n\n1. Who we are\n2. Cookies and similar technologies\n"
            "3. Do we sell your data?\n\n## 1. Who we are\n\nWe are a small bakery.\n\n"
            "## Contents of your account\n\n* Your orders\n")
    kept = [(b.kind, b.text) for b in outside_contents(iter_blocks(text))]
    assert ("list-item", "Cookies and similar technologies") not in kept
    assert [t for k, t in kept if k == "list-item"] == ["Your orders"]
    assert ("paragraph", "We are a small bakery.") in kept
    # the listing ends at the first block that reads as text, under the heading too
    text = "Contents\n========\n\nOur pledge to members, written plainly.\n\n* Cookies\n"
    assert [b.text for b in outside_contents(iter_blocks(text))][1:] == [
        "Our pledge to members, written plainly.", "Cookies"]
    # (round 25) a contents title asked as a question of the notice
    text = "What's in this notice\n---------------------\n\n- Part A: Cookies\n- Part B: Advertising\n"
    assert [b.text for b in outside_contents(iter_blocks(text))] == ["What's in this notice"]


def test_a_lead_in_leads_only_its_own_items_not_an_outer_item_after_them():
    # (words written for this test) a policy whose sections are numbered items
    text = ("3. What we collect\n\n    For young players, we work with ad companies:\n\n"
            "    * to show ads that suit the game\n    * to count how often an ad is seen\n\n"
            "4. When we share your information\n")
    blocks = list(iter_blocks(text))
    assert [b.lead for b in blocks if b.text.startswith("to ")] == [24, 24]  # (inside item 3)
    # the same under a bold title inside the item, which ends the item's list
    text = ("3. What we collect\n\n    **Young players**\n\n    For them, we work with ad companies:\n\n"
            "    * to show ads that suit the game\n    * to count how often an ad is seen\n\n"
            "4. When we share your information\n")
    blocks = list(iter_blocks(text))
    led = [b for b in blocks if b.text.startswith("to ")]
    assert led and all(b.lead is not None for b in led)
    assert [b.lead for b in blocks if b.text == "When we share your information"] == [None]
