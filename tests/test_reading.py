"""The reader on the documents people store: blocks that know their kind and lead-in, setext
headings, lists and tables, HTML fragments by content, languages, degraded captures, the outline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylens.cli import cli as main
from policylens.models import Document, Metadata
from policylens.reading.ingest import load_document
from policylens.structure.blocks import iter_blocks
from policylens.structure.sections import parse_sections
from tests.test_properties import assert_maps_back

READING = Path(__file__).parent / "fixtures" / "reading"
CORPUS_POLICY = Path(__file__).parents[1] / "corpus" / "003_31bd11473371562c.txt"

STRUCTURED = """Privacy Policy
==============

Intro **bold** with a [**link**](http://x.y) and <b>tag</b> &amp; more.<br>Next.

Sharing
-------
We share your data only in these cases:

- with your consent
- with service providers
  who process data for us
  * a nested item
1. numbered
a) lettered

---

| Category | Examples | Sold? |
| --- | --- | --- |
| Identifiers | name<br>email | No |

Last paragraph.
"""


def _blocks(text: str) -> list[tuple[str, str, int | None]]:
    return [(b.kind, b.text, b.lead) for b in iter_blocks(text)]


def test_blocks_know_their_kind_and_their_lists_lead_in():
    lead_in = STRUCTURED.index("We share")
    assert _blocks(STRUCTURED) == [
        ("heading", "Privacy Policy", None),
        ("paragraph", "Intro bold with a link and tag & more. Next.", None),
        ("heading", "Sharing", None),
        ("paragraph", "We share your data only in these cases:", None),
        ("list-item", "with your consent", lead_in),
        ("list-item", "with service providers who process data for us", lead_in),
        ("list-item", "a nested item", lead_in),
        ("list-item", "numbered", lead_in),
        ("list-item", "lettered", lead_in),
        ("table-row", "Category; Examples; Sold?", None),  # a thematic break ends the list
        ("table-row", "Identifiers; name; email; No", None),
        ("paragraph", "Last paragraph.", None),
    ]
    for block in iter_blocks(STRUCTURED):
        assert_maps_back(block, STRUCTURED)
        for mark in ("|", "**", "<br>", "===", "---", "<b>"):
            assert mark not in block.text


def test_a_heading_ending_with_a_colon_leads_the_list_under_it():
    text = "# Policy\n\n**We share your data with:**\n\n- advertisers\n- our hosts\n"
    blocks = list(iter_blocks(text))
    lead_in = text.index("We share")  # (where its text starts, past the bold mark)
    assert [(b.kind, b.lead) for b in blocks] == [("heading", None), ("heading", None),
                                                 ("list-item", lead_in), ("list-item", lead_in)]


def test_a_plain_title_line_heads_the_paragraph_under_it():
    text = ("Sale of Personal Information\nIn the preceding 12 months, we have not sold any "
            "personal information.\n\nSECTION 3 - DISCLOSURE\nWe may disclose it if the law "
            "requires.\n\nWe keep your data\nsafe at all times.\n")
    assert [(b.kind, b.text) for b in iter_blocks(text)] == [
        ("heading", "Sale of Personal Information"),
        ("paragraph", "In the preceding 12 months, we have not sold any personal information."),
        ("heading", "SECTION 3 - DISCLOSURE"),
        ("paragraph", "We may disclose it if the law requires."),
        ("paragraph", "We keep your data safe at all times."),  # a sentence's line, no title
    ]


def test_a_list_without_a_lead_in_has_no_lead():
    text = "We collect data.\n\n- name\n- email\n"
    assert [b.lead for b in iter_blocks(text)] == [None, None, None]


def test_a_plurals_optional_ending_is_dropped_and_maps_back():
    # "parent(s) or guardian(s)" reads as the words the rules know; "(a)" and "(see below)" stay
    text = "Ask your parent(s) or guardian(s) (see below), or Third Party(ies) (a) first."
    [block] = iter_blocks(text)
    assert block.text == "Ask your parent or guardian (see below), or Third Party (a) first."
    assert_maps_back(block, text)


def test_setext_headings_are_sections_and_the_underline_is_no_text():
    doc = Document.build("<t>", STRUCTURED, Metadata())
    sections = parse_sections(doc)
    assert [(s.title, s.level, s.kind) for s in sections] == [
        ("Privacy Policy", 1, "setext"), ("Sharing", 2, "setext")]


def test_a_numbered_list_of_short_items_is_not_a_run_of_headings():
    text = "# Data\n\nWe collect:\n\n1. Your name\n\n2. Your email\n\nWe keep them a year.\n"
    sections = parse_sections(Document.build("<t>", text, Metadata()))
    assert [s.title for s in sections] == ["Data"]


@pytest.mark.parametrize("name", ["frag.txt", "frag.md", "-"])
def test_an_html_fragment_is_read_as_html_whatever_its_name(tmp_path, name):
    fragment = "<p>We do not sell your personal information.</p>"
    runner = CliRunner()
    if name == "-":
        result = runner.invoke(main, ["analyze", "-", "-f", "json", "--no-cache"], input=fragment)
    else:
        (tmp_path / name).write_text(fragment)
        result = runner.invoke(main, ["analyze", str(tmp_path / name), "-f", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)["policies"][0]
    assert report["metadata"]["source_format"] == "html"
    assert report["practices"]["data-sale"]["value"] == "no"


def test_a_plain_text_with_a_stray_tag_is_not_html():
    doc = load_document("p.txt", b"Write to <email> for questions.\nWe do not sell <b>data</b>.\n")
    assert doc.metadata.source_format == "text"


def _analyze(*args: str) -> dict:
    result = CliRunner().invoke(main, ["analyze", *args, "-f", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["policies"][0]


@pytest.mark.parametrize("name,code", [("fr.md", "fr"), ("de.md", "de"), ("es.md", "es")])
def test_a_policy_in_another_language_is_not_assessed_with_a_note(name, code):
    report = _analyze(str(READING / name))
    assert report["metadata"]["language"] == code
    assert {v["value"] for v in report["practices"].values()} == {"not-assessed"}
    assert any("not English" in n for n in report["notes"])
    anyway = _analyze(str(READING / name), "--lang", "any")
    assert anyway["practices"]["cookies"]["value"] == "yes"


def test_an_english_policy_gets_no_language_note():
    report = _analyze(str(CORPUS_POLICY))
    assert report["metadata"]["language"] == "en"
    assert not any("English" in n for n in report["notes"])
    assert "not-assessed" not in {v["value"] for v in report["practices"].values()}


@pytest.mark.parametrize("name,why", [("login.html", "login page"),
                                      ("cookie-wall.txt", "cookie wall"),
                                      ("loading.txt", "loading")])
def test_a_broken_capture_is_degraded(name, why):
    assert (READING / name).stat().st_size < 400
    report = _analyze(str(READING / name))
    assert why in report["metadata"]["degraded"]
    assert any(n.startswith("degraded capture") for n in report["notes"])


def test_a_real_policy_is_not_degraded():
    assert load_document(str(CORPUS_POLICY)).metadata.degraded is None


def test_a_long_outline_shows_its_top_levels_and_a_count():
    from policylens.render.table import OUTLINE_LINES, outline_lines

    text = "".join(f"# Chapter {i}\n\n" + "".join(f"## Part {i}.{j}\n\ntext\n\n" for j in range(5))
                   for i in range(10))
    sections = parse_sections(Document.build("<t>", text, Metadata()))
    assert len(sections) == 60
    shown, hidden = outline_lines(sections)
    assert [s.title for s in shown] == [f"Chapter {i}" for i in range(10)]
    assert hidden == 50 and len(shown) <= OUTLINE_LINES
