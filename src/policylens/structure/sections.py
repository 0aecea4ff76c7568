"""Headings of every style found in archived policies -> a flat list of nested Sections with spans."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from policylens.models import Document, Section
from policylens.structure.containers import Line, container_lines

# Each heading style, tried in this order on every line.
_MARKDOWN = re.compile(r"^ {0,3}(?P<hashes>#{1,6})[ \t]*(?P<title>.*?)[ \t#]*$")
_NUMBERED_MARKDOWN = re.compile(r"^\s*\d+(?:\\?\.\d+)*\\?[.)]\s+(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*$")
# A section number before a bold title: "2.1. **From you.**", "**1.** **Our Service**".
_NUMBER = r"(?:\*\*)?(?P<num>\d{1,2}(?:\.\d{1,2})*\.?)(?:\*\*)?[ \t\u00a0]+(?:nbsp;[ \t]*)?"
_BOLD_LEAD = re.compile(rf"^\s*(?:[*+-]\s+)?(?:{_NUMBER})?\*\*(?P<title>[^*\n]{{2,80}}?)\*\*"
                        r"(?P<rest>\s*[:.]?\s*\S.*)$")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s")  # "**1.1 Information you provide us.**"
_BOLD_LINE = re.compile(rf"^\s*(?:{_NUMBER})?\*\*(?P<title>[^*\n]{{2,100}}?)\*\*\s*$")
_CAPS = re.compile(r"^\s*(?P<title>[A-Z0-9][A-Z0-9 &,'’/()\-.]{2,70}[A-Z)]):?\s*$")  # "1.INTRODUCTION"
# "1. Title" or "2.3 Title" alone on a line; not "548 Market St" (an address) nor a lead-in ("1. We
# use it for these purposes:").
_NUMBERED_PLAIN = re.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d+)+|\d{1,2}\\?[.)]|\d{1,2}(?=[ \t]))"
                             r"\s+(?P<title>[A-Z][^.!?\n]{2,70}?)(?<!:)\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A setext heading's underline: the line above is the title (= level 1, - level 2).
_SETEXT = re.compile(r"^ {0,3}(?P<mark>=+|-{2,})[ \t]*$")
_NOT_SETEXT_TITLE = re.compile(r"^\s*(?:[*+\-|>]\s|\||#{1,6}\s|(?:[-*_=][ \t]*){3,}$)")


@dataclass
class _Heading:
    title: str
    level: int
    kind: str
    start: int
    line: int


def clean_title(raw: str) -> str:
    """Heading text without markdown marks, escapes, links and trailing colons."""
    title = _LINK.sub(r"\1", raw)
    title = re.sub(r"\\([^\w\s])", r"\1", title)
    title = title.replace("**", "").replace("__", "").strip(" *_:\t")
    return re.sub(r"\s+", " ", title).strip()  # other whitespace (\r, NBSP) must not end it


def _title_like(title: str) -> bool:
    """A bold line is a heading unless it is a bold sentence: it may end with a full stop only when
    it is short and at least half its words are capitalised ("**The Information We Collect.**",
    not "**We do not sell your data.**" nor "**PLEASE READ THIS POLICY CAREFULLY BEFORE ...**")."""
    title = title.rstrip()
    if title.endswith(","):
        return False
    if not title.endswith("."):
        return True
    words = [w for w in title.split() if w[:1].isalpha()]
    return 0 < len(words) <= 8 and 2 * sum(w[0].isupper() for w in words) >= len(words)


def _numbered(m: re.Match[str]) -> str:
    """A bold title with the section number written before it, if any."""
    return f"{m['num'].rstrip('.')}. {m['title']}" if m["num"] else m["title"]


def _blank(lines: list[str], i: int) -> bool:
    return i < 0 or i >= len(lines) or not lines[i].strip()


def _setext(held: list[Line], i: int) -> int | None:
    """The level of line i as the title of a setext heading (1 under `===`, 2 under `---`), else
    None. A title is one line: the line above must be blank or end a heading of its own (or the
    title opens a list item), and the underline must be in the same list item as the title."""
    if i + 1 >= len(held) or len(held[i].content) > 200 \
            or _NOT_SETEXT_TITLE.match(held[i].content):
        return None
    under = held[i + 1]
    m = _SETEXT.match(under.content)
    if m is None or under.opens or under.depth != held[i].depth:
        return None
    above = held[i - 1].content if i > 0 and not held[i].opens else ""
    if above.strip() and not _SETEXT.match(above) and not _MARKDOWN.match(above):
        return None
    return 1 if m["mark"][0] == "=" else 2


def _starts_block(held: list[Line], i: int) -> bool:
    """Line i begins a paragraph or list item: a run-in heading (`**Title:** text`) is one only
    there, not on each line of a paragraph of labelled lines (`**Purpose:** ...  **Storage:** ...`)."""
    if held[i].opens or i == 0 or not held[i - 1].content.strip():
        return True
    above = held[i - 1].content
    return bool(_SETEXT.match(above) or _MARKDOWN.match(above) or _BOLD_LINE.match(above))


def _numbered_list(lines: list[str], i: int) -> bool:
    """Line i belongs to a numbered list rather than being a numbered heading: the next
    non-blank line on either side is another short numbered line, or the text before it announces
    a list ("We collect:")."""
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j < len(lines) and _NUMBERED_PLAIN.match(lines[j]):
        return True
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and (lines[k].rstrip().endswith(":") or bool(_NUMBERED_PLAIN.match(lines[k])))


def _find_headings(doc: Document) -> list[_Heading]:
    lines = doc.text.split("\n")
    held = container_lines(lines)
    html = doc.metadata.source_format == "html"
    headings: list[_Heading] = []
    offset = 0
    base = 1  # level of the last explicit (#) heading; pseudo-headings nest below it
    for i, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        kind = level = None
        title = ""
        # the line as the list items it is in hold it: `1.  Introduction` over an indented
        # underline, or `    ### Services`, is a heading inside an item (containers.py)
        content = held[i].content
        m = _NUMBERED_MARKDOWN.match(line) if len(line) < 400 else None
        if m:
            kind, level, title = "numbered", len(m["hashes"]), m["title"]
        elif len(content) < 400 and (m := _MARKDOWN.match(content)) and m["title"].strip():
            kind, level, title = ("html" if html else "markdown"), len(m["hashes"]), m["title"]
        elif (setext := _setext(held, i)) is not None:
            kind, level, title = "setext", setext, content
        if kind is not None and level is not None:
            base = level
        elif (m := _BOLD_LINE.match(content)) and _starts_block(held, i) \
                and (m["num"] or _SECTION_NUMBER.match(m["title"]) or _title_like(m["title"])):
            kind, level, title = "bold-line", base + 1, _numbered(m)
        elif (m := _BOLD_LEAD.match(content)) and _starts_block(held, i):
            kind, level, title = "bold-lead", base + 2, _numbered(m)
        elif (m := _CAPS.match(content)) and sum(c.isalpha() for c in m["title"]) >= 4 \
                and (held[i].opens or _blank(lines, i - 1)):
            kind, level, title = "caps", base + 1, m["title"]
        elif (m := _NUMBERED_PLAIN.match(line)) and _blank(lines, i - 1) and _blank(lines, i + 1) \
                and not _numbered_list(lines, i):
            kind, level, title = "numbered", base + 1, f"{m['num'].rstrip('.)')}. {m['title']}"
        if kind is None or level is None:
            continue
        cleaned = clean_title(title)
        if cleaned:
            headings.append(_Heading(cleaned, min(level, 9), kind, start, i + 1))
    return headings


def parse_sections(doc: Document) -> tuple[Section, ...]:
    """Sections in document order; each spans to the next heading of the same or higher level."""
    headings = _find_headings(doc)
    end_of_text = len(doc.text)
    sections: list[Section] = []
    open_stack: list[int] = []  # indices of sections whose end is not yet known
    ends = [end_of_text] * len(headings)
    parents: list[int | None] = [None] * len(headings)
    for idx, h in enumerate(headings):
        while open_stack and headings[open_stack[-1]].level >= h.level:
            ends[open_stack.pop()] = h.start
        parents[idx] = open_stack[-1] if open_stack else None
        open_stack.append(idx)
    for idx, h in enumerate(headings):
        sections.append(Section(idx, h.title, h.level, h.kind, h.start, ends[idx], h.line,
                                parents[idx]))
    return tuple(sections)


def section_at(sections: tuple[Section, ...], offset: int) -> Section | None:
    """The innermost section containing a character offset (the latest one that started).

    Sections nest (a section ends at or before its parent's end), so the answer is the last
    section starting at or before `offset`, or the nearest of its ancestors still open there:
    a binary search, not a scan, since a long policy has thousands of sections and findings.
    """
    i: int | None = bisect.bisect_right(sections, offset, key=lambda s: s.start) - 1
    while i is not None and i >= 0:
        section = sections[i]
        if section.end > offset:
            return section
        i = section.parent
    return None
