"""Split a Document into blocks (paragraphs, list items, headings) and strip markdown marks,
keeping a map from every clean character back to its offset in the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BLOCK_START = re.compile(r"^\s{0,3}(?:#{1,6}\s|[*+-]\s+|\d+\\?[.)]\s+|>)")
_HEADING_LINE = re.compile(r"^\s{0,3}(?:\d+\\?[.)]\s+)?#{1,6}\s")
# Markup to drop; a link keeps its text (group "label").
_MARKUP = re.compile(
    r"\[(?P<label>[^\]\n]{0,500})\]\([^)\n]{0,2000}\)"
    r"|^[ \t]*>[ \t]?"
    r"|^[ \t]{0,3}(?:\d+\\?[.)][ \t]+)?#{1,6}[ \t]*"
    r"|^[ \t]*(?:[*+-]|\d+\\?[.)])[ \t]+"
    r"|\*+|\\(?=[^\w\s])|(?<!\w)_{1,2}|_{1,2}(?!\w)"
    # whitespace to fold: a run that is more than one plain space (a lone space is left in place,
    # which folds it to itself without a match per word)
    r"|[^\S ]\s*| \s+",
    re.M,
)


@dataclass(frozen=True)
class Block:
    """A run of text that no sentence crosses: its clean text and where each character came from."""

    text: str
    offsets: tuple[int, ...]  # offsets[i] = position in Document.text of text[i]; len = len(text)+1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a clean-text span."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def strip_markup(raw: str, base: int) -> Block:
    """Clean text of one block; whitespace folded to single spaces, marks removed."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _MARKUP.finditer(raw):
        chunk = raw[pos : match.start()]
        out.append(chunk)
        offsets.extend(range(base + pos, base + match.start()))
        token = match.group(0)
        if match.group("label") is not None:
            label_start = match.start("label")
            out.append(match.group("label"))
            offsets.extend(range(base + label_start, base + match.end("label")))
        elif token.isspace():
            out.append(" ")
            offsets.append(base + match.start())
        pos = match.end()
    out.append(raw[pos:])
    offsets.extend(range(base + pos, base + len(raw)))
    text = "".join(out)
    # Trim the ends, keeping the map aligned.
    lead = len(text) - len(text.lstrip())
    text_stripped = text.strip()
    offsets = offsets[lead : lead + len(text_stripped)]
    end = offsets[-1] + 1 if offsets else base
    offsets.append(end)
    return Block(text_stripped, tuple(offsets))


def iter_blocks(text: str) -> Iterator[Block]:
    """Paragraphs, list items and heading lines, in order, each cleaned of markdown."""
    start = None
    offset = 0

    def flush(end: int) -> Iterator[Block]:
        if start is not None and text[start:end].strip():
            block = strip_markup(text[start:end], start)
            if block.text:
                yield block

    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            yield from flush(line_start)
            start = None
            continue
        if start is not None and _BLOCK_START.match(line):
            yield from flush(line_start)
            start = None
        if start is None:
            start = line_start
        if _HEADING_LINE.match(line):
            yield from flush(min(offset - 1, len(text)))
            start = None
    yield from flush(len(text))
