"""Each heading style of archived policies becomes a section with title, level, kind and line."""

from __future__ import annotations

from pathlib import Path

from policylens.models import Document, Metadata
from policylens.reading.ingest import load_document
from policylens.structure.sections import parse_sections, section_at

FIXTURES = Path(__file__).parent / "fixtures"


def _sections(text: str):
    return parse_sections(Document.build("<t>", text, Metadata(source_format="markdown")))


def test_every_heading_style_of_the_fixture() -> None:
    doc = load_document(str(FIXTURES / "headings.md"))
    found = [(s.title, s.kind, s.line) for s in parse_sections(doc)]
    assert found == [
        ("Privacy Policy | Example", "markdown", 3),
        ("Information We Collect", "markdown", 7),
        ("Use of Information", "numbered", 11),
        ("Cookies", "bold-lead", 15),
        ("Advertising", "bold-lead", 17),
        ("Children", "bold-line", 19),
        ("QUESTIONS", "caps", 23),
    ]


def test_levels_nest_and_spans_end_at_next_peer() -> None:
    doc = load_document(str(FIXTURES / "headings.md"))
    secs = parse_sections(doc)
    top, collect, use = secs[0], secs[1], secs[2]
    assert top.parent is None and collect.parent == top.index and use.parent == top.index
    assert collect.end == use.start  # a level-2 section ends where the next level-2 begins
    cookies = secs[3]
    assert cookies.level > use.level and cookies.parent == use.index
    assert top.end == len(doc.text)


def test_section_at_gives_innermost() -> None:
    doc = load_document(str(FIXTURES / "headings.md"))
    secs = parse_sections(doc)
    offset = doc.text.index("remember your preferences")
    assert section_at(secs, offset).title == "Cookies"
    assert section_at(secs, 0) is None  # the archive header precedes every heading


def test_numbered_heading_with_escaped_dot_keeps_number() -> None:
    secs = _sections("### 1\\. Protecting your privacy\n\nText.\n")
    assert secs[0].title == "1. Protecting your privacy" and secs[0].level == 3


def test_long_bold_sentence_is_not_a_heading() -> None:
    secs = _sections("**PLEASE READ THIS PRIVACY POLICY CAREFULLY BEFORE USING THIS WEBSITE.**\n\nText.\n")
    assert secs == ()


def test_caps_line_needs_blank_line_before() -> None:
    secs = _sections("Some text\nNOT A HEADING\n\nABOUT US\n\nMore text.\n")
    assert [s.title for s in secs] == ["ABOUT US"]


def test_plain_text_numbered_and_caps_headings() -> None:
    doc = load_document(str(FIXTURES / "plain.txt"))
    assert [(s.title, s.kind) for s in parse_sections(doc)] == [
        ("PRIVACY POLICY", "caps"), ("1. Cookies", "numbered")]


def test_html_headings_become_sections() -> None:
    doc = load_document(str(FIXTURES / "page.html"))
    secs = parse_sections(doc)
    assert [(s.title, s.level, s.kind) for s in secs] == [
        ("Privacy Policy", 1, "html"), ("Sharing", 2, "html"), ("Merger", 3, "html")]
