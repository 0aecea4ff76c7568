"""Where each statement, trigger, cue, heading and bit of markdown sits in a policy's clean text:
the spans the reader view turns into nested elements, one element per statement.

HTML elements must nest, spans of text need not: the spans are forced to nest (a span that
would cross the one it opens inside is cut at that one's end), so every statement keeps exactly
one element and the page's text is the report's text, character for character (markup the view
hides stays in the page, hidden, so `start`/`end` offsets still index it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from policylens.models import Finding, Report

# Outer kinds first: a span of a later kind never cuts one of an earlier kind.
KINDS = ("heading", "statement", "trigger", "cue", "markup")
# Sections whose heading is a line of its own (a bold lead-in shares its line with the text).
_LINE_HEADINGS = frozenset({"markdown", "setext", "numbered", "bold-line", "caps", "html"})
# Markdown the view hides (the characters stay in the page, hidden): heading marks, setext
# underlines, quote marks, bold markers, the brackets and address of links and images, escapes.
_MARKUP = re.compile(
    r"(?m)^#{1,6}[ \t]+|^[ \t]*(?:=+|-{3,})[ \t]*$|^>[ \t]?|\*\*|__|\\(?=[\\`*_{}\[\]()#+\-.!|])"
    r"|!?\[(?=[^\]\n]*\]\([^)\s]*\))|\]\([^)\s]*\)")


@dataclass(frozen=True)
class Span:
    """One element to be: `[start, end)` of the text, its kind, and for a statement, trigger or
    cue the index of its statement in `Report.findings`."""

    start: int
    end: int
    kind: str
    statement: int = -1
    level: int = 0  # a heading's level


def sentence_offsets(text: str, finding: Finding) -> list[int]:
    """For each offset of `finding.sentence` (and its end), the offset in `text`: the sentence
    is the text of its span with markup taken out, so the two are aligned, not assumed equal."""
    source = text[finding.start:finding.end]
    sentence = finding.sentence
    if source == sentence:
        return [finding.start + i for i in range(len(sentence) + 1)]
    where = [-1] * (len(sentence) + 1)
    for a, b, size in SequenceMatcher(None, sentence, source, autojunk=False).get_matching_blocks():
        for i in range(size):
            where[a + i] = finding.start + b + i
    where[len(sentence)] = finding.end
    last = finding.start  # an unmatched character sits just after the one before it
    for i, at in enumerate(where):
        if at < 0:
            where[i] = last
        else:
            last = at + 1 if i < len(sentence) else at
    return where


def _inner(text: str, finding: Finding, span: tuple[int, int] | None, kind: str,
           index: int) -> Span | None:
    if span is None or span[1] <= span[0] or span[1] > len(finding.sentence):
        return None
    where = sentence_offsets(text, finding)
    start, end = where[span[0]], where[span[1] - 1] + 1
    return Span(start, end, kind, index) if end > start else None


def spans(report: Report) -> list[Span]:
    """Every span of the view, sorted so that an enclosing span comes before what it holds."""
    text = report.text
    out: list[Span] = []
    for section in report.sections:
        if section.kind in _LINE_HEADINGS and section.level > 0:
            end = text.find("\n", section.start)
            end = len(text) if end < 0 else end
            if end > section.start:
                out.append(Span(section.start, end, "heading", level=section.level))
    edges: set[int] = set()
    inners: list[Span] = []
    for i, f in enumerate(report.findings):
        start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
        out.append(Span(start, max(start, end), "statement", i))
        edges.update((start, end))
        inners.extend(s for s in (_inner(text, f, f.trigger_span, "trigger", i),
                                  _inner(text, f, f.cue_span, "cue", i)) if s is not None)
    # a trigger or cue is cut where another statement starts or ends inside it: the statement
    # keeps its whole span, the mark inside it gives way
    statement_edges = sorted(edges)
    bounds = set(edges)
    for inner in inners:
        at = bisect.bisect_right(statement_edges, inner.start)
        end = min(inner.end, statement_edges[at]) if at < len(statement_edges) else inner.end
        if end > inner.start:
            out.append(Span(inner.start, end, inner.kind, inner.statement))
            bounds.update((inner.start, end))
    for m in _MARKUP.finditer(text):
        # markup that a statement starts or ends inside stays visible: the statement comes first
        if m.end() > m.start() and not any(b in bounds for b in range(m.start() + 1, m.end())):
            out.append(Span(m.start(), m.end(), "markup"))
    out.sort(key=lambda s: (s.start, KINDS.index(s.kind), -s.end, s.statement))
    return out


@dataclass(frozen=True)
class Event:
    """Text to write, or an element to open (with its span) or close."""

    kind: str  # text | open | close
    text: str = ""
    span: Span | None = None


def events(text: str, ordered: list[Span]) -> Iterator[Event]:
    """The text cut at every span's edges, as opening and closing events that nest: a span that
    would cross the one open around it is cut at that one's end."""
    stack: list[tuple[Span, int]] = []  # open spans and where each ends
    at = 0

    def advance(to: int) -> Iterator[Event]:
        nonlocal at
        while stack and stack[-1][1] <= to:
            end = stack[-1][1]
            if end > at:
                yield Event("text", text[at:end])
                at = end
            yield Event("close", span=stack.pop()[0])
        if to > at:
            yield Event("text", text[at:to])
            at = to

    for span in ordered:
        yield from advance(span.start)
        end = min(span.end, stack[-1][1]) if stack else span.end
        if end <= span.start and span.kind != "statement":
            continue  # nothing left of it; a statement keeps its (empty) element
        stack.append((span, max(end, span.start)))
        yield Event("open", span=span)
    yield from advance(len(text))
    while stack:
        yield Event("close", span=stack.pop()[0])
