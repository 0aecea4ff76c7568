"""Properties over arbitrary input (hypothesis): reading, sections and the pipeline never raise,
sections tile the text in order, and every finding's span maps back to its sentence.

"Maps back" is defined on Document.text, the text policylens analyses: the file decoded, newlines
normalised to \\n, mojibake repaired, control characters replaced by spaces one for one (for HTML:
the text extracted from the page). A finding's (start, end) index that text; its sentence is the
span with markdown marks removed and runs of whitespace folded to one space. For text without
markup the span equals the sentence modulo whitespace; always, the span starts with the sentence's
first character, ends with its last, and holds all its other characters in order.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policylens.errors import InputError
from policylens.models import Document, Metadata
from policylens.reading.ingest import load_document
from policylens.structure.blocks import (
    _LONG_WORD,
    BLOCK_TAGS,
    CELL_SEPARATOR,
    Block,
    iter_blocks,
    label_pieces,
    strip_markup,
)
from policylens.structure.sections import parse_sections, section_at
from policylens.structure.sentences import MAX_SENTENCE_CHARS
from tests.strategies import file_bytes, html_text, markdown_text, plain_text

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _doc(text: str) -> Document:
    return Document.build("<prop>", text, Metadata())


def _subsequence(needle: str, haystack: str,
                 same: Callable[[str, str], bool] = str.__eq__) -> bool:
    it = iter(haystack)
    return all(any(same(ch, h) for h in it) for ch in needle)


def _stands_for(clean: str, original: str) -> bool:
    """A clean character is its original, or a cell separator for a pipe or <br>, or an
    entity's character for its '&'."""
    return clean == original or (clean in CELL_SEPARATOR and original in "|<") or original == "&"


def _fold(text: str) -> str:
    return " ".join(text.split())


def _as_read(text: str) -> str:
    """The text as the reader reads it: a plural's optional ending dropped ("third party(ies)"
    reads "third party", structure/blocks.py), which the evidence sentence shows."""
    return re.sub(r"(?<=[a-z])\((?:s|es|ies)\)", "", text, flags=re.I)


def _cells_joined(text: str) -> str:
    """A table row's text as its evidence shows it: the cells joined by "; " (a row is read as
    its cells, structure/blocks.py). A line with pipes that is no row keeps them as written, so
    the test accepts either."""
    return re.sub(r"\s*\|\s*", "; ", text.strip().strip("|").strip())


@FAST
@given(file_bytes(), st.sampled_from(["p.txt", "p.md", "p.html"]))
def test_reading_any_bytes_gives_a_document_or_an_input_error(data: bytes, name: str):
    try:
        doc = load_document(name, data)
    except InputError as exc:
        assert exc.location is not None and exc.location.path == name
        return
    assert doc.text.strip()
    assert "\r" not in doc.text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", doc.text)
    assert doc.line_of(len(doc.text)) == doc.text.count("\n") + 1


@FAST
@given(st.one_of(markdown_text, html_text, st.text()))
def test_sections_tile_the_text_in_order(text: str):
    doc = _doc(text)
    sections = parse_sections(doc)
    assert [s.index for s in sections] == list(range(len(sections)))
    assert [s.start for s in sections] == sorted(s.start for s in sections)
    for s in sections:
        assert 0 <= s.start < s.end <= len(text)
        assert s.title and s.title == s.title.strip()
        assert doc.line_of(s.start) == s.line
        assert s.start == 0 or text[s.start - 1] == "\n"  # a heading starts a line
        if s.parent is not None:
            parent = sections[s.parent]
            assert parent.start < s.start and s.end <= parent.end and parent.level < s.level
    # Top-level sections, and the children of each section, follow one another without gaps.
    for parent_index in [None, *range(len(sections))]:
        kids = [s for s in sections if s.parent == parent_index]
        for a, b in zip(kids, kids[1:], strict=False):
            assert a.end == b.start
        if kids:
            end = len(text) if parent_index is None else sections[parent_index].end
            assert kids[-1].end == end
    for offset in range(0, len(text), max(1, len(text) // 20)):
        found = section_at(sections, offset)
        containing = [s for s in sections if s.start <= offset < s.end]
        assert found == (max(containing, key=lambda s: s.start) if containing else None)


def _reference_strip(raw: str, base: int) -> tuple[str, list[int]]:
    """The original one-int-per-character implementation of strip_markup, as an oracle."""
    from policylens.structure.blocks import _MARKUP

    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _MARKUP.finditer(raw):
        out.append(raw[pos : match.start()])
        offsets.extend(range(base + pos, base + match.start()))
        if match.group("label") is not None:
            for piece, origin in label_pieces(match.group("label"), match.start("label")):
                out.append(piece)
                offsets.extend(range(base + origin, base + origin + len(piece)))
        elif match.group("entity") is not None:
            char = html.unescape(match.group(0))[:1]
            out.append(" " if char.isspace() else char)
            offsets.append(base + match.start())
        elif match.group(0).isspace() or match.group("brk") is not None:
            out.append(" ")
            offsets.append(base + match.start())
        pos = match.end()
    out.append(raw[pos:])
    offsets.extend(range(base + pos, base + len(raw)))
    text = "".join(out)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    offsets = offsets[lead : lead + len(stripped)]
    offsets.append(offsets[-1] + 1 if offsets else base)
    return stripped, offsets


# paragraphs with no mark at all, between whitespace: strip_markup's fast path
bare_paragraph = st.tuples(
    st.sampled_from(["", " ", "\n", "  \t", "\n\n ", "- ", " 2) ", "10. "]), plain_text,
    st.sampled_from(["", "\n", " \n", "\u00a0"])).map("".join)


@FAST
@given(st.one_of(markdown_text, bare_paragraph, st.text()), st.integers(0, 1000))
def test_clean_blocks_map_every_character_back(text: str, base: int):
    expected_text, expected_offsets = _reference_strip(text, base)
    block = strip_markup(text, base)
    assert block.text == expected_text
    if block.text:
        assert list(block.offsets) == expected_offsets
    for block in iter_blocks(text):
        assert_maps_back(block, text)


def assert_maps_back(block: Block, text: str) -> None:
    """Every clean character is the original one at its offset, or stands for a mark there: a
    space for whitespace, a <br> or a block-level tag, an entity's character for the entity, a
    cell separator for the pipe (or <br>) between two table cells. Offsets strictly increase."""
    offsets = list(block.offsets)
    assert len(offsets) == len(block.text) + 1
    assert offsets == sorted(set(offsets))  # strictly increasing
    for i, ch in enumerate(block.text):
        original = text[offsets[i]]
        if ch == original or (ch == " " and original.isspace()):
            continue
        if original == "&":
            assert html.unescape(text[offsets[i]:text.index(";", offsets[i]) + 1])[:1] in (ch, "\xa0")
        elif block.kind == "table-row" and ch in CELL_SEPARATOR:
            # (the separator's space maps just past its pipe; after a question's cell the lone
            # space that joins it to its answer maps to the pipe itself)
            around = text[offsets[i] - (ch == " "):offsets[i] + 1]
            assert around[:1] in "|<" or (ch == " " and around[-1:] == "|")
        else:
            # (a <br> or a block-level tag inside a line: "from children<p>Children means")
            assert ch == " " and re.match(rf"</?(?:br|{BLOCK_TAGS})\b",
                                          text[offsets[i]:offsets[i] + 9], re.I), (ch, original)


@FAST
@given(st.text(st.sampled_from("ab. \n[_"), min_size=1, max_size=600), st.integers(5, 60))
def test_long_blocks_are_split_without_losing_characters(text: str, limit: int):
    from policylens.structure.blocks import split_block

    block = strip_markup(text, 0)
    pieces = list(split_block(block, limit)) if block.text else []
    assert all(len(p.text) <= limit for p in pieces)
    kept = _LONG_WORD.sub("", block.text)  # long "words" are left out
    assert "".join(p.text for p in pieces).replace(" ", "") == kept.replace(" ", "")
    for piece in pieces:
        for i, ch in enumerate(piece.text):
            assert text[piece.offsets[i]] == ch or (ch == " " and text[piece.offsets[i]].isspace()) \
                or text[piece.offsets[i]] in "&<"


def _check_findings(doc: Document, report) -> None:
    assert [f.sort_key() for f in report.findings] == sorted(f.sort_key() for f in report.findings)
    for f in report.findings:
        span = doc.text[f.start : f.end]
        assert span and f.sentence and f.sentence == f.sentence.strip()
        assert _stands_for(f.sentence[0], span[0]) and _stands_for(f.sentence[-1], span[-1])
        assert _subsequence(f.sentence.replace(" ", ""), span, _stands_for)
        assert f.line == doc.line_of(f.start)
        assert len(f.sentence) <= MAX_SENTENCE_CHARS  # run-ons are cut (structure/sentences.py)
    assert report.to_dict() == report.to_dict()


@pytest.fixture(scope="module")
def pipeline(ruleset):
    from policylens.engine import Analyzer

    return Analyzer(ruleset)


@FAST
@given(plain_text)
# (a rule example with a plural's optional ending, which the evidence shows as read)
@example("We may share your details with selected third party(ies) for their own marketing.")
def test_plain_text_spans_equal_their_sentence(pipeline, text: str):
    doc = _doc(text)
    report = pipeline.analyze(doc)
    _check_findings(doc, report)
    for f in report.findings:
        span = doc.text[f.start : f.end]
        assert _fold(f.sentence) in (_fold(_as_read(span)), _fold(_as_read(_cells_joined(span))))


@settings(FAST, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(markdown_text, html_text), st.sampled_from(["p.md", "p.html"]))
def test_pipeline_never_raises_and_spans_map_back(pipeline, text: str, name: str):
    try:
        doc = load_document(name, text.encode("utf-8", "replace"))
    except InputError:
        return
    _check_findings(doc, pipeline.analyze(doc))
