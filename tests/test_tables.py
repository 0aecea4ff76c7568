"""Disclosure tables read as statements: the header (or a row's label) names the act, the cell
answers it, and the row is the evidence.

The documents in fixtures/tables/ and every row here are written for these tests (not taken from
a policy); fixtures/tables/labels.yaml holds their values by LABELS.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import yaml

from policylens.engine import Analyzer
from policylens.reading.html import html_to_text
from policylens.reading.ingest import load_document
from policylens.statements import StatementReader
from policylens.statements.tables import TableReader
from policylens.structure.blocks import iter_blocks

TABLES = Path(__file__).parent / "fixtures" / "tables"
LABELS = yaml.safe_load((TABLES / "labels.yaml").read_text())


def _rows(text: str):
    return [b for b in iter_blocks(text) if b.kind == "table-row"]


# -- the structure layer: cells and their header --------------------------------------------------

def test_a_body_row_carries_its_header_by_column():
    rows = _rows("Intro.\n\n| Category | Disclosed to | Retention |\n|---|---|---|\n"
                 "| Identifiers | Vendors<br>Ad networks | 2 years |\n")
    header, body = rows
    assert header.header == ()  # the header row heads others; nothing heads it
    assert body.header == ("Category", "Disclosed to", "Retention")
    pieces = [(column, body.text[a:b]) for column, a, b in body.cells]
    # a <br> breaks a cell into pieces of the same column
    assert pieces == [(0, "Identifiers"), (1, "Vendors"), (1, "Ad networks"), (2, "2 years")]


def test_an_empty_cell_keeps_the_columns_after_it_in_place():
    rows = _rows("| Data | Sold | Shared |\n|---|---|---|\n| Inferences |  | Yes |\n")
    assert [(c, rows[1].text[a:b]) for c, a, b in rows[1].cells] == [(0, "Inferences"), (2, "Yes")]


def test_a_row_cut_around_a_long_word_keeps_its_cells_and_header():
    url = "https://example.com/" + "x" * 120
    rows = _rows(f"| Category | Sold to |\n|---|---|\n| Identifiers {url} | Data brokers |\n")
    pieces = [(c, r.text[a:b], r.header) for r in rows[1:] for c, a, b in r.cells]
    assert pieces == [(0, "Identifiers", ("Category", "Sold to")),
                      (1, "Data brokers", ("Category", "Sold to"))]


def test_an_empty_header_row_leaves_the_first_row_to_head_the_columns():
    # (a table pasted from a web page: an empty header, the titles in a bold first row)
    rows = _rows("|   |   |\n|---|---|\n| **Why we share** | **Do we share?** |\n"
                 "| For other firms to market to you | Yes |\n")
    assert rows[0].header == ()
    assert rows[1].header == ("Why we share", "Do we share?")


@pytest.mark.parametrize(("answers", "value"), [
    (("No", "No"), "no"),
    (("Yes", "No"), "yes"),
])
def test_a_column_of_recipients_says_to_whom_the_answer_beside_it_is_given(analyze_text, answers,
                                                                          value) -> None:
    # (under an empty header row, as pasted tables have it; the question in the titles is asked,
    # not stated)
    text = ("|   |   |\n|---|---|\n| **Kind of company** | **Do we sell your data to them?** |\n"
            f"| Data brokers | {answers[0]} |\n| Advertising partners | {answers[1]} |\n")
    verdict = analyze_text(text).practices["data-sale"]
    assert verdict.value == value
    assert all("Kind of company" not in f.sentence for f in verdict.evidence)


@pytest.mark.parametrize(("rows", "value"), [
    # (a label that asks whether the row's party receives the data names the act of giving it)
    (("| Our courier | Yes |", "| Advertising partners | Yes |"), "yes"),
    (("| Our courier | Yes |", "| Advertising partners | No |", "| Data brokers | No |"), "no"),
])
def test_a_who_column_beside_do_they_receive_answers_to_whom_data_goes(analyze_text, rows, value):
    text = "| Who | Do they get your email address? |\n|---|---|\n" + "\n".join(rows) + "\n"
    assert analyze_text(text).practices["third-party-sharing"].value == value


def test_a_label_on_data_we_receive_names_no_act_of_giving(analyze_text):
    text = "| Source | Data we get |\n|---|---|\n| Advertising partners | Your interests |\n"
    assert analyze_text(text).practices["third-party-sharing"].value == "not-mentioned"


def test_a_table_after_a_blank_line_has_its_own_header():
    rows = _rows("| Sold | Shared |\n|---|---|\n| No | Yes |\n\n| A | B |\n| x | y |\n")
    assert rows[1].header == ("Sold", "Shared")
    assert rows[3].header == ()  # no dashes under "A | B": no header


def test_an_html_table_with_th_cells_becomes_a_header_row():
    text = html_to_text("<table><tr><th>Category</th><th>Disclosed to</th></tr>"
                        "<tr><td>Identifiers</td><td><ul><li>Vendors</li><li>Ad networks</li></ul>"
                        "</td></tr></table>")
    rows = _rows(text)
    assert rows[1].header == ("Category", "Disclosed to")
    assert [rows[1].text[a:b] for c, a, b in rows[1].cells if c == 1] == ["Vendors", "Ad networks"]


def test_an_html_table_headed_down_its_first_column_has_no_header_row():
    text = html_to_text("<table><tr><th>Do we sell data?</th><td>No</td></tr>"
                        "<tr><th>Do we share data?</th><td>Yes</td></tr></table>")
    assert "---" not in text
    assert [r.header for r in _rows(text)] == [(), ()]


@pytest.mark.parametrize("page", [
    "<table><tr><td>Our whole policy. We do not sell your data.</td></tr></table>",  # one cell
    "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>c</td></tr>"
    "<tr><td>d</td><td>e</td></tr></table>",  # a layout table around another
])
def test_a_layout_table_stays_text(page: str):
    assert "| a | b |" not in html_to_text(page) and not html_to_text(page).startswith("| ")


# -- the table reader ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def read_row():
    nlp = spacy.blank("en")
    statements = StatementReader()
    tables = TableReader(statements.lex, statements.aggregate_only,
                         lambda text: [t.lower_ for t in nlp.make_doc(text)])

    def run(header: list[str], cells: list[str]):
        words: list[str] = []
        columns: list[int] = []
        for column, cell in enumerate(cells):
            if words:
                words.append(";")
                columns.append(-1)
            tokens = [t.lower_ for t in nlp.make_doc(cell)]
            words += tokens
            columns += [column] * len(tokens)
        return [(t.found.slots.action, t.found.polarity, t.found.slots.recipients,
                 " ".join(words[t.found.start:t.found.end])) for t in tables.read(words, columns, header)]

    return run


def test_a_cell_under_to_whom_lists_the_recipients_of_the_rows_data(read_row):
    found = read_row(["Category of personal information", "Categories of third parties to whom disclosed"],
                     ["Identifiers", "Service providers; data brokers"])
    assert found == [("share", "affirmed", ("service-provider", "data-broker"),
                      "service providers ; data brokers")]


def test_shared_under_sold_or_shared_affirms_sharing_and_denies_selling(read_row):
    found = read_row(["Category", "Sold or shared in the last 12 months?"], ["Identifiers", "Shared"])
    assert sorted((a, p) for a, p, _, _ in found) == [("sale", "negated"), ("share", "affirmed")]


def test_no_under_sold_or_shared_denies_both(read_row):
    found = read_row(["Category", "Sold or shared?"], ["Identifiers", "No"])
    assert sorted((a, p) for a, p, _, _ in found) == [("sale", "negated"), ("share", "negated")]


def test_yes_under_sold_or_shared_affirms_both_in_the_laws_words(read_row):
    # (LABELS.md: having "sold" as a law defines it is a sale; the CPRA's "shared" is
    # cross-context advertising, and neither is a disclosure third-party-sharing counts)
    found = read_row(["Category", "Sold or shared?"], ["Identifiers", "Yes"])
    assert sorted((a, p) for a, p, _, _ in found) == [("sale", "affirmed"), ("share", "affirmed")]


@pytest.mark.parametrize("cell", ["N/A", "—", "Three years"])
def test_a_cell_that_answers_nothing_states_nothing(read_row, cell: str):
    assert read_row(["Category", "Sold to", "Retention"], ["Identifiers", cell, "Three years"]) == []


def test_a_table_that_names_no_act_states_nothing(read_row):
    assert read_row(["Cookie", "Provider", "Purpose"], ["session_id", "Our hosting provider", "Login"]) == []


def test_a_matrix_of_data_by_recipients_answers_for_each_column(read_row):
    header = ["Data", "Hosting processors", "Outdoor-gear partners, for their own offers"]
    assert read_row(header, ["Email address", "Yes", "Yes"]) == [
        ("share", "affirmed", ("service-provider",), "yes"),
        ("share", "affirmed", ("marketing-partner",), "yes")]
    assert [p for _, p, _, _ in read_row(header, ["Card number", "Yes", "No"])] == ["affirmed", "negated"]
    # a compound's act word names no act ("Lift-pass system provider")
    assert read_row(["Data", "Lift-pass system provider", "Partner hotels"], ["Name", "Yes", "No"]) == [
        ("share", "affirmed", ("service-provider",), "yes"),
        ("share", "negated", ("marketing-partner",), "no")]
    # one recipient column beside a header with an act of its own answers for that act
    assert {a for a, _, _, _ in read_row(["Category", "Service providers", "Sold?"],
                                         ["Identifiers", "Yes", "No"])} == {"sale"}


def test_a_row_labelled_by_its_first_cell(read_row):
    assert read_row([], ["Sold to third parties", "No"]) == [("sale", "negated", ("third-party",), "no")]
    assert read_row(["Question", "Answer"], ["Do we rent your e-mail address?", "Never"]) \
        == [("sale", "negated", (), "never")]


def test_a_reason_in_the_rows_first_cell_names_who_gets_the_data(read_row):
    header = ["Reasons we can share your personal information", "Do we share?"]
    assert read_row(header, ["For nonaffiliates to market to you", "Yes"]) \
        == [("share", "affirmed", ("third-party",), "yes")]
    assert read_row(header, ["For our affiliates' everyday business purposes", "Yes"]) \
        == [("share", "affirmed", ("affiliate",), "yes")]
    # (a class word before "purposes" names no one)
    assert read_row(header, ["For our everyday business purposes", "Yes"]) \
        == [("share", "affirmed", (), "yes")]


def test_a_question_to_the_reader_names_no_act_of_the_company(read_row):
    # "Can you limit this sharing? | No" says the reader cannot, not that nothing is shared
    assert read_row(["Reasons", "Can you limit this sharing?"], ["For joint marketing", "No"]) == []


# -- whole documents: the verdict, and the row as evidence ------------------------------------

@pytest.fixture(scope="module")
def table_reports(ruleset):
    analyzer = Analyzer(ruleset)
    return {name: analyzer.analyze(load_document(str(TABLES / name))) for name in LABELS}


@pytest.mark.parametrize("name,practice", [(n, p) for n in LABELS for p in LABELS[n]])
def test_each_fixture_gets_its_labelled_value(table_reports, name: str, practice: str):
    assert table_reports[name].practices[practice].value == LABELS[name][practice]


def _deciding(report, practice: str):
    return report.practices[practice].evidence[0]


def test_the_evidence_is_the_row_and_the_cell_that_answers(table_reports):
    report = table_reports["t01-recipients-column.md"]
    finding = _deciding(report, "third-party-sharing")
    source = (TABLES / "t01-recipients-column.md").read_text()
    row = "| Identifiers | Service providers; advertising networks | Shared |"
    assert source[finding.start:finding.end] == row[2:-2]
    assert finding.line == source[:source.index(row)].count("\n") + 1
    assert finding.sentence[slice(*finding.trigger_span)] == "Service providers; advertising networks"
    assert "Categories of third parties to whom disclosed" in finding.decision


def test_a_denial_in_a_table_is_evidence_with_its_cue(table_reports):
    finding = _deciding(table_reports["t02-answer-columns.md"], "data-sale")
    assert finding.polarity == "negated" and finding.cue == "No"
    assert "Sold?" in finding.decision


def test_an_html_table_decides_like_its_markdown(table_reports):
    sale = _deciding(table_reports["t05-html-th.html"], "data-sale")
    sharing = _deciding(table_reports["t05-html-th.html"], "third-party-sharing")
    assert (sale.trigger, sharing.trigger) == ("None", "Advertising networks; Data brokers")
    assert "Sold to" in sale.decision and "Disclosed to" in sharing.decision


def test_a_table_row_label_is_not_read_again_as_a_sentence(table_reports):
    # "Sold to third parties | No": the label alone would read as a sale
    findings = [f for f in table_reports["t04-status-pairs.md"].findings if f.practice == "data-sale"]
    assert findings and all(f.value == "no" for f in findings)


@pytest.mark.parametrize(("row", "practice", "value"), [
    ("| Cookies on our website | No |", "cookies", "no"),
    ("| Cookies on our website | Yes |", "cookies", "yes"),
    # a practice the row denies is not affirmed by its own name
    ("| Targeted advertising through third-party ad networks | No |", "third-party-ads", "not-mentioned"),
])
def test_a_yes_or_no_cell_answers_the_practice_its_row_names(analyze_text, row: str, practice: str,
                                                             value: str) -> None:
    text = "| Practice | Do we do this? |\n|---|---|\n" + row + "\n"
    assert analyze_text(text).practices[practice].value == value


def test_a_header_row_knows_the_cells_of_its_columns():
    rows = _rows("| Category | Shared for advertising |\n|---|---|\n| Identifiers | No |\n"
                 "| Inferences | **No.** |\n\nAfter the table.\n")
    assert rows[0].column_values == (frozenset({"identifiers", "inferences"}), frozenset({"no"}))
    assert rows[1].column_values == ()  # only the header row looks down its columns
