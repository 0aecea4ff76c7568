"""Split a Document into blocks (paragraphs, list items, headings) and strip markdown marks,
keeping a map from every clean character back to its offset in the original text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

MAX_BLOCK_CHARS = 20_000  # longer paragraphs are analysed in pieces (spaCy's limit is 1,000,000)
MAX_WORD_CHARS = 100  # longer runs of non-space characters are not words: left out of analysis
MAX_PUNCT_RUN = 20  # nor are longer runs of punctuation ("=====", "[[[[", "\ufffd\ufffd\ufffd")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}|(?:[^\w\s]|_){{{MAX_PUNCT_RUN + 1},}}")

_BLOCK_START = re.compile(r"^\s{0,3}(?:#{1,6}\s|[*+-]\s+|\d+\\?[.)]\s+|>)")
_HEADING_LINE = re.compile(r"^\s{0,3}(?:\d+\\?[.)]\s+)?#{1,6}\s")
# Markup to drop; a link keeps its text (group "label"). Neither part may hold its own opening
# bracket, so "[[[[" or "[](" repeated a million times is scanned in linear time.
_MARKUP = re.compile(
    r"\[(?P<label>[^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)"
    r"|^[ \t]*>[ \t]?"
    r"|^[ \t]{0,3}(?:\d+\\?[.)][ \t]+)?#{1,6}[ \t]*"
    r"|^[ \t]*(?:[*+-]|\d+\\?[.)])[ \t]+"
    r"|\*+|\\(?=[^\w\s])|(?<!\w)_{1,2}|_{1,2}(?!\w)"
    # whitespace to fold: a run that is more than one plain space (a lone space is left in place,
    # which folds it to itself without a match per word)
    r"|[^\S ]\s*| \s+",
    re.M,
)


class OffsetMap(Sequence[int]):
    """offsets[i] = position in Document.text of clean character i, for i in 0..length (the last
    entry is the end). Stored as runs of consecutive positions, not one int per character, so a
    50 MB policy or a 5 MB line costs memory in proportion to its markup, not its length."""

    __slots__ = ("_starts", "_origins", "_length", "_end")

    def __init__(self, starts: list[int], origins: list[int], length: int, end: int) -> None:
        self._starts = starts  # clean index where each run begins (ascending, starts[0] == 0)
        self._origins = origins  # original position of that first character
        self._length = length
        self._end = end

    def __len__(self) -> int:
        return self._length + 1

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i <= self._length:
            raise IndexError(i)
        if i == self._length:
            return self._end
        run = bisect.bisect_right(self._starts, i) - 1
        return self._origins[run] + i - self._starts[run]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap | tuple | list):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"OffsetMap(length={self._length}, runs={len(self._starts)})"

    def sub(self, start: int, end: int) -> OffsetMap:
        """The map of clean characters start..end, re-based at 0."""
        run = max(bisect.bisect_right(self._starts, start) - 1, 0)
        stop = bisect.bisect_left(self._starts, end)
        starts = [0]
        origins = [self[start]] if start < self._length else [self._end]
        for k in range(run + 1, stop):
            starts.append(self._starts[k] - start)
            origins.append(self._origins[k])
        last = self[end - 1] + 1 if end > start else origins[0]
        return OffsetMap(starts, origins, end - start, last)


class _MapBuilder:
    """Collects (clean, original) runs while a block is cleaned, merging contiguous ones."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.length = 0

    def add(self, origin: int, count: int) -> None:
        if count <= 0:
            return
        if self.starts and self.origins[-1] + (self.length - self.starts[-1]) == origin:
            self.length += count  # continues the last run
            return
        self.starts.append(self.length)
        self.origins.append(origin)
        self.length += count


@dataclass(frozen=True)
class Block:
    """A run of text that no sentence crosses: its clean text and where each character came from."""

    text: str
    offsets: Sequence[int]  # offsets[i] = position in Document.text of text[i]; len = len(text)+1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a clean-text span."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


# What a block must hold for _MARKUP to match anywhere but in whitespace at its ends: a mark, two
# spaces, a line break or another space character (not printable), or a list item's opening.
_MARK_CHARS = re.compile(r"[\[>#*\\_]|  ")
_LIST_OPENING = re.compile(r"[ \t]*(?:[*+-]|\d+\\?[.)])[ \t]")


def strip_markup(raw: str, base: int) -> Block:
    """Clean text of one block; whitespace folded to single spaces, marks removed."""
    return _plain(raw, base) or _stripped(raw, base)


def _plain(raw: str, base: int) -> Block | None:
    """A block without marks (most paragraphs): its text trimmed, without scanning it with
    _MARKUP, whose only matches would be whitespace at its ends, which trimming drops anyway."""
    text = raw.strip()
    if not text or not text.isprintable() or _MARK_CHARS.search(text) \
            or _LIST_OPENING.match(raw.lstrip()):  # the space after "-" may be trimmed off
        return None
    lead = len(raw) - len(raw.lstrip())
    return Block(text, OffsetMap([0], [base + lead], len(text), base + lead + len(text)))


def _stripped(raw: str, base: int) -> Block:
    out: list[str] = []
    runs = _MapBuilder()
    pos = 0
    for match in _MARKUP.finditer(raw):
        out.append(raw[pos : match.start()])
        runs.add(base + pos, match.start() - pos)
        token = match.group(0)
        if match.group("label") is not None:
            out.append(match.group("label"))
            runs.add(base + match.start("label"), match.end("label") - match.start("label"))
        elif token.isspace():
            out.append(" ")
            runs.add(base + match.start(), 1)
        pos = match.end()
    out.append(raw[pos:])
    runs.add(base + pos, len(raw) - pos)
    text = "".join(out)
    full = OffsetMap(runs.starts or [0], runs.origins or [base], runs.length,
                     (runs.origins[-1] + runs.length - runs.starts[-1]) if runs.starts else base)
    # Trim the ends, keeping the map aligned.
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if not stripped:
        return Block("", OffsetMap([0], [base], 0, base))
    return Block(stripped, full.sub(lead, lead + len(stripped)))


def _piece(block: Block, start: int, end: int) -> Block | None:
    """The part start..end of a block, whitespace trimmed; None when nothing is left."""
    piece = block.text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    lead = len(piece) - len(piece.lstrip())
    offsets = block.offsets
    assert isinstance(offsets, OffsetMap)
    return Block(stripped, offsets.sub(start + lead, start + lead + len(stripped)))


def split_block(block: Block, limit: int = MAX_BLOCK_CHARS) -> Iterator[Block]:
    """A block made safe for the tokenizer: runs of more than MAX_WORD_CHARS non-space characters,
    or of more than MAX_PUNCT_RUN punctuation characters, are left out (no rule matches a
    5,000-character "word", and spaCy's tokenizer takes quadratic time on runs of punctuation:
    20,000 '[' took 25 s, 5 MB of 100-'[' words 53 s), and what remains is cut into pieces
    of at most `limit` characters at a sentence end or a space where there is one, so one
    enormous paragraph (a 5 MB line) is analysed piece by piece."""
    # both kinds of run are runs of non-space characters longer than MAX_PUNCT_RUN
    if len(block.text) <= MAX_WORD_CHARS or max(map(len, block.text.split())) <= MAX_PUNCT_RUN \
            or not _LONG_WORD.search(block.text):
        yield from _by_length(block, limit)
        return
    pos = 0
    for match in _LONG_WORD.finditer(block.text):
        part = _piece(block, pos, match.start())
        if part:
            yield from _by_length(part, limit)
        pos = match.end()
    part = _piece(block, pos, len(block.text))
    if part:
        yield from _by_length(part, limit)


def _by_length(block: Block, limit: int) -> Iterator[Block]:
    text = block.text
    if len(text) <= limit:
        yield block
        return
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start + limit // 2 : end]
            cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
            if cut < 0:
                cut = window.rfind(" ")
            if cut >= 0:
                end = start + limit // 2 + cut + 1
        part = _piece(block, start, end)
        if part:
            yield part
        start = end


def iter_blocks(text: str) -> Iterator[Block]:
    """Paragraphs, list items and heading lines, in order, each cleaned of markdown."""
    start = None
    offset = 0

    def flush(end: int) -> Iterator[Block]:
        if start is not None and text[start:end].strip():
            block = strip_markup(text[start:end], start)
            if block.text:
                yield from split_block(block)

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
