"""Split a Document into blocks (headings, paragraphs, list items, table rows) and strip markdown
and inline HTML marks, keeping a map from every clean character back to its offset in the
original text. A list item or table row knows the lead-in paragraph that introduced its list
("We share your data only in these cases:"), so a negation or condition there reaches the item."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import overload

from policylens.structure.containers import container_lines

MAX_BLOCK_CHARS = 20_000  # longer paragraphs are analysed in pieces (spaCy's limit is 1,000,000)
MAX_WORD_CHARS = 100  # longer runs of non-space characters are not words: left out of analysis
MAX_PUNCT_RUN = 20  # nor are longer runs of punctuation ("=====", "[[[[", "\ufffd\ufffd\ufffd")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}|(?:[^\w\s]|_){{{MAX_PUNCT_RUN + 1},}}")

BLOCK_KINDS = ("heading", "paragraph", "list-item", "table-row")

_BLOCK_START = re.compile(r"^\s{0,3}(?:#{1,6}\s|>)")
_HEADING_LINE = re.compile(r"^\s{0,3}(?:\d+\\?[.)]\s+)?#{1,6}\s")
_BOLD_LINE = re.compile(r"^\s{0,3}\*\*[^*\n]{2,100}\*\*[ \t]*$")
# a plain-text title line: a few words, each long one capitalised, no closing stop ("Sale of
# Personal Information", "SECTION 3 - DISCLOSURE"); it heads the paragraph on the next line
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’&/-]*|[a-z]{1,3}|[-–—&/|:]")
_CLOSING_MARKS = frozenset(".!?,;:)\"”'")
# a sentence-case title is a few words long; words a wrapped line may end on that need the next
SENTENCE_CASE_TITLE_WORDS = 5
SENTENCE_CASE_TITLE_CHARS = 40
_OPEN_ENDINGS = frozenset({"that", "which", "who", "from", "about", "into", "than", "not", "are", "be",
                           "will", "may", "can", "share", "sell", "include", "including", "such", "like",
                           "any", "all", "some", "this", "these", "their", "its", "my", "if", "when"})
_SMALL_WORDS = frozenset({"of", "and", "or", "the", "a", "an", "to", "for", "in", "on", "with", "by",
                          "our", "your", "we", "how", "do", "you", "is", "at", "as", "use"})


def _title_line(content: str, following: str) -> bool:
    """Whether a line heads the one after it: a title line, and the next line a sentence's start
    (not its continuation in lower case, not the next line of an all-capitals paragraph)."""
    if not following or following[:1].islower() or (content.isupper() and following.isupper()):
        return False
    words = content.split()
    if not 1 <= len(words) <= 10 or content.rstrip()[-1:] in _CLOSING_MARKS:
        return False
    if not words[0][:1].isupper():
        return False
    if _sentence_case_title(words, content) and not _LIST_ITEM.match(following):
        return True  # (over a list, a title in sentence case stays the list's topic line)
    return all(_TITLE_WORD.fullmatch(w) and (w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha()
                                             or w.lower() in _SMALL_WORDS) for w in words) \
        and sum(w[:1].isupper() for w in words) >= min(2, len(words)) \
        and (len(words) > 1 or (words[0].isalpha() and len(words[0]) > 3))  # ("Recipients")


def _sentence_case_title(words: list[str], content: str) -> bool:
    """A short title in sentence case ("Business transfers", "How we use cookies") as a
    paragraph's first line, over a line that opens a sentence: a wrapped sentence's first line is
    longer, or ends on a word that needs the next ("We share it with")."""
    return 2 <= len(words) <= SENTENCE_CASE_TITLE_WORDS \
        and len(content.strip()) <= SENTENCE_CASE_TITLE_CHARS \
        and all(w.isalpha() or w in {"&", "-"} for w in words) \
        and words[-1].lower() not in _SMALL_WORDS and words[-1].lower() not in _OPEN_ENDINGS
# A list item's bullet (a word processor's too: "●", "■", "►", "➢"), as a character class.
_BULLETS = r"[*+\-\u2022\u00b7\u25aa\u25e6\u2023\u2013\u25cf\u25a0\u25ba\u27a2\u2043]"
# A list item's opening: a bullet, a number or a letter ("1.", "a)", "(iv)"), then text.
# (the group `bullet` tells a bulleted item from a numbered one)
_LIST_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<bullet>" + _BULLETS + r")|\d{1,3}\\?[.)]|[a-zA-Z][.)]"
    r"|\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)|[ivxIVX]{1,5}[.)])[ \t]+\S")
# A setext heading's underline (after a paragraph line), or a thematic break (alone).
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$")
_THEMATIC = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,}|={3,})$")
# Markdown tables: a row has pipes; the row under the header is only dashes, colons and pipes.
_TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_BREAK = re.compile(r"(?<!\\)\||<br\s*/?>", re.I)
CELL_SEPARATOR = "; "
_SEPARATOR_CELL = re.compile(r":?-{2,}:?$")
# Inline HTML left in markdown: only tags of HTML's own vocabulary are marks ("<email>" is text).
_TAGS = ("a|abbr|b|big|br|center|code|del|div|em|font|h[1-6]|hr|i|img|ins|kbd|label|li|mark|ol|p"
         "|s|section|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul")
# the block-level ones, which part the words around them when left inside a line
BLOCK_TAGS = "p|div|li|h[1-6]|hr|tr|td|th|table|section|ul|ol"
# Markup to drop; a link keeps its text (group "label"), an entity becomes its character
# (group "entity"), a <br> or a block-level tag a space (group "brk"). Neither part of a link
# may hold its own opening bracket, so "[[[[" or "[](" repeated a million times is scanned in
# linear time.
_MARKUP = re.compile(
    r"!?\[(?P<label>[^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)"
    # (a block-level tag inside a line parts words too: "from children<p>Children means ...")
    rf"|(?P<brk><br\s*/?>|</?(?:{BLOCK_TAGS})(?:\s[^<>\n]{{0,500}})?/?>)"
    rf"|</?(?:{_TAGS})(?:\s[^<>\n]{{0,500}})?/?>"
    r"|(?P<entity>&(?:amp|nbsp|lt|gt|quot|apos|#\d{1,6}|#x[0-9a-fA-F]{1,6});)"
    r"|^[ \t]*>[ \t]?"
    r"|^[ \t]*(?:\d+\\?[.)][ \t]+)?#{1,6}[ \t]*"
    r"|^[ \t]*(?:" + _BULLETS + r"|\d{1,3}\\?[.)]|[a-zA-Z][.)]"
    r"|\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)|[ivxIVX]{1,5}[.)])[ \t]+"
    r"|\*+|\\(?=[^\w\s])|(?<!\w)_{1,2}|_{1,2}(?!\w)"
    # a plural's optional ending, dropped ("parent(s) or guardian(s)" reads "parent or guardian")
    r"|(?<=[a-z])\((?:s|es|ies)\)"
    # whitespace to fold: a run that is more than one plain space (a lone space is left in place,
    # which folds it to itself without a match per word)
    r"|[^\S ]\s*| \s+",
    re.I | re.M,
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
    kind: str = "paragraph"  # one of BLOCK_KINDS
    # For a list item or table row introduced by a lead-in paragraph ("... in these cases:"), the
    # original offset where that lead-in starts (its offsets[0]); nested items keep their list's.
    lead: int | None = None
    # For a table row: each cell piece as (column, start, end) in `text` (a <br> breaks a cell
    # into pieces of one column; empty cells have none), so a cell can be paired with its header.
    cells: tuple[tuple[int, int, int], ...] = ()
    # For a row under a table's header row: the header's text by column ("" where it has none).
    header: tuple[str, ...] = ()
    # For a table's header row: the texts of each column's cells in the rows below (lower case),
    # so that a column a practice names can be answered by them ("Shared for advertising" over
    # "No" in every row).
    column_values: tuple[frozenset[str], ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a clean-text span."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


# What a block must hold for _MARKUP to match anywhere but in whitespace at its ends: a mark, two
# spaces, a line break or another space character (not printable), or a list item's opening.
_MARK_CHARS = re.compile(r"[\[>#*\\_<&]|  |\((?:s|es|ies)\)", re.I)
_LIST_OPENING = re.compile(
    r"[ \t]*(?:" + _BULLETS + r"|\d{1,3}\\?[.)]|[a-zA-Z][.)]"
    r"|\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)|[ivxIVX]{1,5}[.)])[ \t]")


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


# (and a number's stop inside a link's text: "[Section 1. What Information We Collect](#x)" names
# a section; no sentence ends in it)
_LABEL_MARK = re.compile(r"\*+|(?<!\w)_{1,2}|_{1,2}(?!\w)|(?<=\d)\.(?=\s)|</?(?:" + _TAGS
                         + r")(?:\s[^<>]{0,200})?/?>", re.I)


def label_pieces(label: str, start: int) -> Iterator[tuple[str, int]]:
    """A link's text without the emphasis, tags or numbers' stops inside it (`[**Cookie
    Policy**](url)`, `[Section 1. Our Data](#s1)`): its pieces and where each starts (start is
    the label's own)."""
    pos = 0
    for mark in _LABEL_MARK.finditer(label):
        if mark.start() > pos:
            yield label[pos:mark.start()], start + pos
        pos = mark.end()
    if pos < len(label):
        yield label[pos:], start + pos


# Where a match of _MARKUP can begin other than where the scan stands (the start of the block, or
# the end of the previous match): the first character of an alternative that is not anchored at a
# line start. A line start needs no entry: the line break before it is always matched (by the
# whitespace fold), and that match ends at the line start or past it.
_MARK_START = re.compile(r"[!\[<&*\\_]|[^\S ]| \s|\((?=(?:s|es|ies)\))", re.I)


def markup_matches(raw: str) -> Iterator[re.Match[str]]:
    """The matches `_MARKUP.finditer(raw)` gives, found three times faster: the scan tries the
    big alternation only where a match can begin (_MARK_START, a search at C speed that skips
    the words between), not at every character."""
    match, search = _MARKUP.match, _MARK_START.search
    at, length = 0, len(raw)
    while at < length:  # no alternative matches the empty string
        found = match(raw, at)  # `^` holds here after a line break, as in finditer
        if found is None:
            candidate = search(raw, at + 1)
            if candidate is None:
                return
            at = candidate.start()
            continue
        yield found
        at = found.end()


def _stripped(raw: str, base: int) -> Block:
    out: list[str] = []
    runs = _MapBuilder()
    pos = 0
    for match in markup_matches(raw):
        out.append(raw[pos : match.start()])
        runs.add(base + pos, match.start() - pos)
        token = match.group(0)
        if match.group("label") is not None:
            for piece, origin in label_pieces(match.group("label"), match.start("label")):
                out.append(piece)
                runs.add(base + origin, len(piece))
        elif match.group("entity") is not None:
            char = html.unescape(token)[:1]
            # an invalid reference ("&#0;", a surrogate) decodes to U+FFFD: no text, a space
            out.append(" " if char.isspace() or char == "\ufffd" else char)
            runs.add(base + match.start(), 1)
        elif token.isspace() or match.group("brk") is not None:
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
    first, last = start + lead, start + lead + len(stripped)
    # a piece of a table row keeps the parts of its cells that lie in it, and its header
    cells = tuple((column, max(a, first) - first, min(b, last) - first)
                  for column, a, b in block.cells if a < last and b > first)
    return Block(stripped, offsets.sub(first, last), block.kind, block.lead, cells, block.header,
                 block.column_values)


# A word processor's bullet inside a line, after a space or a semicolon: a list flattened into one
# paragraph when the policy was captured ("● developers; ● service providers; ● advertising partners")
_INLINE_BULLET = re.compile(r"(?<=[\s;,])[\u25cf\u2022\u25aa\u25a0\u25ba\u27a2][ \t]+")


def inline_items(block: Block) -> Iterator[Block]:
    """A list item holding the next items of its list after inline bullets, as those items, each
    under the same lead-in; any other block as it is."""
    if block.kind != "list-item" or not _INLINE_BULLET.search(block.text):
        yield block
        return
    yield from _pieces_around(block, _INLINE_BULLET)


def _pieces_around(block: Block, pattern: re.Pattern[str]) -> Iterator[Block]:
    """The non-empty pieces of a block between the matches of `pattern`, which are left out."""
    pos = 0
    for match in pattern.finditer(block.text):
        part = _piece(block, pos, match.start())
        if part:
            yield part
        pos = match.end()
    part = _piece(block, pos, len(block.text))
    if part:
        yield part


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
    for part in _pieces_around(block, _LONG_WORD):
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


def _runs(offsets: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(origin, count) runs of a block's map."""
    if isinstance(offsets, OffsetMap):
        starts, origins = offsets._starts, offsets._origins
        for k, start in enumerate(starts):
            stop = starts[k + 1] if k + 1 < len(starts) else offsets._length
            yield origins[k], stop - start
        return
    for i in range(len(offsets) - 1):
        yield offsets[i], 1


def table_row(raw: str, base: int) -> Block:
    """One markdown table row: its cells (and the lines a <br> breaks a cell into) cleaned and
    joined by CELL_SEPARATOR, whose characters map to the pipe or <br> they stand for; `cells`
    says which column each piece came from."""
    runs = _MapBuilder()
    parts: list[str] = []
    cells: list[tuple[int, int, int]] = []
    length = 0
    pos = 0
    delimiter: int | None = None
    # a row opened by a pipe has nothing before it: that empty piece is no column
    column = -1 if raw.lstrip().startswith("|") else 0
    breaks = [(m.start(), m.end()) for m in _CELL_BREAK.finditer(raw)] + [(len(raw), len(raw))]
    for start, end in breaks:
        cell = strip_markup(raw[pos:start], base + pos)
        if _SEPARATOR_CELL.match(cell.text):  # a separator row with text glued on ("| --- |Title")
            cell = Block("", cell.offsets)
        if cell.text:
            if delimiter is not None and parts and parts[-1].endswith("?"):
                # (a question's cell ends its sentence itself, so the next cell may answer it:
                # "| Will my data be included if the clinic is sold? | No. ... |")
                parts.append(" ")
                runs.add(delimiter, 1)
                length += 1
            elif delimiter is not None and parts:
                parts.append(CELL_SEPARATOR[0])
                runs.add(delimiter, 1)
                length += 1
                if delimiter + 1 < cell.offsets[0]:  # the space, where the row has room for it
                    parts.append(CELL_SEPARATOR[1:])
                    runs.add(delimiter + 1, 1)
                    length += len(CELL_SEPARATOR) - 1
            parts.append(cell.text)
            cells.append((max(column, 0), length, length + len(cell.text)))
            length += len(cell.text)
            for origin, count in _runs(cell.offsets):
                runs.add(origin, count)
        if delimiter is None or cell.text:
            delimiter = base + start
        if raw[start:end] == "|":
            column += 1
        pos = end
    text = "".join(parts)
    if not text:
        return Block("", OffsetMap([0], [base], 0, base), "table-row")
    last = runs.origins[-1] + runs.length - runs.starts[-1]
    return Block(text, OffsetMap(runs.starts, runs.origins, runs.length, last), "table-row",
                 cells=tuple(cells))


def column_texts(row: Block) -> tuple[str, ...]:
    """A row's text by column, the pieces of a column joined by a space ("" for an empty one)."""
    if not row.cells:
        return ()
    columns = [""] * (max(column for column, _, _ in row.cells) + 1)
    for column, start, end in row.cells:
        columns[column] = f"{columns[column]} {row.text[start:end]}".strip()
    return tuple(columns)


# the most words of a column title (a cell with more, or a sentence, is a row of content)
_TITLE_WORDS = 8
_BRACKETED = re.compile(r"\([^()]*\)")  # a note in brackets inside a title


def _titles(texts: tuple[str, ...]) -> bool:
    """Whether a row's cells read as column titles: short, none a sentence ("Recipient |
    Purpose"), not content ("Partners and contractors | We work with partners to ...")."""
    # (a title's note in brackets is no sentence: 'Purposes (we may not use each data type in the
    # "Examples" column for each purpose)')
    return all(len(_BRACKETED.sub("", t).split()) <= _TITLE_WORDS and not t.endswith(".") for t in texts)


def _column_values(lines: list[str], first: int) -> tuple[frozenset[str], ...]:
    """The texts of each column's cells in the table rows from line `first` on, in lower case
    and trimmed of emphasis and a final stop."""
    values: list[set[str]] = []
    for line in lines[first:]:
        if not (_is_table_line(line) or _spaced_pipes(line)):
            break
        # (split at the pipes, not read as a row: the answers are single words)
        for column, cell in enumerate(line.strip().strip("|").split("|")):
            while len(values) <= column:
                values.append(set())
            text = cell.strip(" .!*_").lower()
            if text and text not in _EMPTY_CELLS:  # (a dash or "n/a" answers nothing)
                values[column].add(text)
    return tuple(map(frozenset, values))


# cells that stand for no value ("Inferences | None — we don't create them | — | — | —")
_EMPTY_CELLS = frozenset({"—", "–", "-", "--", "n/a", "na", "n.a"})


def _is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|") and "|" in line.strip()[1:]


def _spaced_pipes(line: str) -> int:
    """How many spaced pipes split a line not opened by one ("Couriers | Delivering your order")."""
    return 0 if line.lstrip().startswith("|") else line.count(" | ")


def _opens_bare_table(lines: list[str], number: int) -> bool:
    """Whether line `number` heads a table written without its markdown frame: it and the next
    line split by the same number of spaced pipes ("Recipient | Purpose" over "Couriers |
    Delivering your order", as text copied from a rendered table reads), the line before not."""
    pipes = _spaced_pipes(lines[number])
    return pipes > 0 and number + 1 < len(lines) and _spaced_pipes(lines[number + 1]) == pipes \
        and (number == 0 or _spaced_pipes(lines[number - 1]) != pipes)


# the words that open a title asking to whom, with no question mark ("Who we share your data
# with", "Who gets your data") over its list of recipients
# (and "How we share your information": the items under it say with whom, as answers do; and
# a title naming them, "Recipients of your personal data")
_WHOM_OPENERS = ("who ", "whom ", "with whom ", "to whom ", "how ", "recipients ", "recipient ",
                 "categories of recipients")
_WHOM_PREFIX = max(map(len, _WHOM_OPENERS))
_WHOM_TITLE_WORDS = 8


# a sentence that points to the list below it ("We may share your data with the parties set out
# below.", "... with the following categories of recipients."): a lead-in with a full stop
_POINTS_BELOW = re.compile(r"\b(?:below|the\s+following|as\s+follows)\b[^.:;?!]{0,80}\.$", re.IGNORECASE)


def points_below(text: str) -> bool:
    """Whether a paragraph's last sentence leads the list after it though it ends with a stop."""
    if not text.endswith("."):
        return False
    tail = text[-200:]
    low = tail.lower()  # (the cheap test first: most paragraphs point nowhere)
    return ("below" in low or "follow" in low) and _POINTS_BELOW.search(tail) is not None


def asks_whom(text: str) -> bool:
    """Whether a short line without a stop asks to whom ("Who we share your data with"): a
    question over the list under it."""
    return text[:_WHOM_PREFIX].lower().startswith(_WHOM_OPENERS) and not text.endswith((".", "!")) \
        and len(text.split()) <= _WHOM_TITLE_WORDS


class _Leads:
    """Which lead-in paragraph the list items and table rows being read belong to."""

    def __init__(self) -> None:
        self.offered: int | None = None  # the last paragraph ended with ':' (where it starts)
        self.current: int | None = None  # the lead of the list being read
        self.in_list: str | None = None  # the kind of items being read: list-item or table-row
        # the list levels being read, outermost first: (indent, marker kind, lead of that level);
        # and the item before, if it ended with ':' (where it starts), which leads a list nested
        # under it
        self.levels: list[tuple[int, str, int | None]] = []
        self.item_offered: int | None = None

    def reset(self) -> None:
        """A thematic break or a heading: nothing before it leads what follows."""
        self.offered = self.current = self.in_list = self.item_offered = None
        self.levels = []

    def see(self, block: Block, indent: int, marker: str = "") -> Block:
        """The block with the lead of its list (`marker`: a list item's kind of opening, a
        bullet or a number)."""
        if block.kind in ("list-item", "table-row"):
            if self.in_list != block.kind:  # a new list (or a table after a list)
                self.current, self.offered, self.in_list = self.offered, None, block.kind
                self.levels = [(indent, marker, self.current)]
            elif block.kind == "list-item" and self.levels:
                self._nest(indent, marker)
            self.item_offered = block.offsets[0] if block.text.endswith((":", "\uff1a")) else None
            return replace(block, lead=self.current) if self.current is not None else block
        if block.kind == "paragraph" and indent >= 2 and self.in_list:
            # a paragraph inside a list item: the list goes on (and one ending with ':' leads a
            # list nested under it, as its item would)
            if block.text.endswith((":", "\uff1a")):
                self.item_offered = block.offsets[0]
            return block
        self.in_list, self.current, self.levels, self.item_offered = None, None, [], None
        # (a heading too: "**We do not under any circumstances engage in:**" over its items)
        # (or a question, each item answering it: "Who do we share your data with?" over a list)
        # (any heading is offered: the statement reader tells whether it names the act its list
        # completes, "Disclosures" over "* GM dealers, to deliver their products")
        leads_a_list = block.kind == "heading" or block.kind == "paragraph" and (
            block.text.endswith((":", "\uff1a", "?")) or asks_whom(block.text)
            or points_below(block.text))
        self.offered = block.offsets[0] if leads_a_list else None
        return block

    def _nest(self, indent: int, marker: str) -> None:
        """An item indented under the one before opens a nested list, led by that item when it
        ended with ':' ("We also share your information with:" + its own items), and so do
        bullets after a numbered item that ends with ':' ("1. We may disclose it to:" + "* ...");
        an item back at an outer indent, or with its outer list's marker, returns to that list
        and its lead."""
        outer_indent, outer_marker, outer_lead = self.levels[-1]
        if indent > outer_indent or (indent == outer_indent and marker != outer_marker
                                     and self.item_offered is not None):
            lead = self.item_offered if self.item_offered is not None else outer_lead
            self.levels.append((indent, marker, lead))
        elif indent < self.levels[0][0] and marker != self.levels[0][1]:
            # an item left of the whole list, of another kind, opens a list of its own ("    * to
            # show contextual ads" under a lead-in, then "4. When we share your information"):
            # the lead-in leads only its own items
            self.levels = [(indent, marker, None)]
        else:
            while len(self.levels) > 1 and (indent < self.levels[-1][0] or (
                    indent == self.levels[-1][0] and marker != self.levels[-1][1]
                    and indent == self.levels[-2][0])):
                self.levels.pop()
        self.current = self.levels[-1][2]


def _after_hard_break(before: str, line: str) -> bool:
    """Whether `line` opens a new line of text after a markdown hard break (two trailing spaces
    or a backslash: an HTML <br>) and a capital: "Zendesk Support ticketing USA  " then "Wire will
    disclose ..." are two lines of a table pasted as text, not one sentence. A lower-case line
    goes on the sentence the break cut ("We share it with  " + "advertisers.")."""
    text = line.lstrip()
    return (before.endswith("  ") or before.endswith("\\")) and bool(before.strip()) \
        and bool(text) and (text[0].isupper() or text[0].isdigit())


# a sentence broken over a list ("We do not" + "* sell," + "* rent, or" + "* trade" + "your
# personal information."): its opening, short and with no closing mark, and its items, short
# fragments each but the last ending with a comma or a conjunction
_RUN_OPENING_WORDS = 12
_RUN_ITEM_WORDS = 6
_RUN_ITEM_ENDS = re.compile(r"(?:,|;|\bor|\band|\bnor)$", re.IGNORECASE)
_CLOSED = re.compile(r"[.!?:]$")
# the last words of a paragraph that leave its sentence open, whatever its length ("If you leave
# it blank, we will" + a list that completes it)
# (not "to" or "with", which end titles: "Who we disclose data to")
_DANGLING_ENDS = frozenset({"will", "may", "might", "can", "could", "shall", "should", "would", "must",
                            "not", "never"})
# ... nor, in a sentence of the company's ("we", eight words or more, no question), the
# preposition whose object the items are ("Apart from section 4, we share members' names with" +
# "* the insurer ..., and" + "* the travel company ...")
_DANGLING_PREPOSITIONS = frozenset({"with", "to"})
_DANGLING_SENTENCE_WORDS = 8
_QUESTION_WORDS = frozenset({"who", "whom", "what", "which", "how", "when", "where", "why"})
_DANGLING_ITEMS = 6
_DANGLING_ITEM_WORDS = 40


def _joined(first: Block, rest: list[Block], drop_colon: bool = False) -> Block:
    """The blocks of one sentence as one paragraph, a space between them (and without the
    opening's colon, with `drop_colon`)."""
    text = first.text[:-1] if drop_colon else first.text
    offsets = list(first.offsets[:len(text)])
    for block in rest:
        offsets.append(first.offsets[len(text)] if not offsets else offsets[-1] + 1)
        text += " " + block.text
        offsets.extend(block.offsets[:len(block.text)])
    offsets.append(rest[-1].offsets[len(rest[-1].text)])
    return Block(text, offsets, "paragraph")


# a list of what those under an age must do or may expect ("If you are under 16:" + "* ask a
# parent before you enter ..."): the age and each item are one rule, read as one sentence
_AGE_LEAD = re.compile(r"\b(?:under|below|younger\s+than)\s+(?:the\s+age\s+of\s+)?\d{1,2}\b[^.;:]*:$",
                       re.IGNORECASE)
_AGE_LEAD_WORDS = 10
_AGE_ITEMS = 5
_AGE_ITEM_WORDS = 30


def _opening(block: Block) -> str | None:
    """What kind of opening of a sentence broken over a list a block is: "age" (an age group's
    lead-in), "colon" (a short opening ending with a colon), "dangling" (a paragraph ending on a
    word that cannot end a sentence), "run" (a short opening with no closing mark), else None."""
    # (the cheap tests first: most paragraphs end with a stop and are longer than an opening)
    text = block.text
    if block.kind != "paragraph" or not (text.endswith(":") or text[-1:].isalpha()):
        return None
    short = text.count(" ") < _RUN_OPENING_WORDS
    if text.endswith(":"):
        if not short:
            return None
        return "age" if text.count(" ") < _AGE_LEAD_WORDS and _AGE_LEAD.search(text) else "colon"
    last = text[text.rfind(" ") + 1:].lower()
    if last in _DANGLING_ENDS or (last in _DANGLING_PREPOSITIONS and " we " in text
                                  and text.count(" ") >= _DANGLING_SENTENCE_WORDS
                                  and text.split(" ", 1)[0].lower() not in _QUESTION_WORDS):
        return "dangling"
    return "run" if short and text[-1:].isascii() else None


def _takes(kind: str, pending: list[Block], item: Block) -> bool:
    """Whether a list item goes on the sentence pending (its opening of `kind`, the items so far)."""
    words = len(item.text.split())
    if kind == "dangling":
        return len(pending) <= _DANGLING_ITEMS and not _CLOSED.search(pending[-1].text) \
            and words <= _DANGLING_ITEM_WORDS
    if kind == "age":
        return words <= _AGE_ITEM_WORDS and len(pending) <= _AGE_ITEMS
    # (the last item may run on: "* lease" + "customer information, including ..., to third
    # parties")
    return len(pending) == 1 and words <= _RUN_ITEM_WORDS \
        or len(pending) > 1 and bool(_RUN_ITEM_ENDS.search(pending[-1].text))


def _one_sentence(kind: str, items: list[Block]) -> bool:
    """Whether an opening of `kind` and the blocks after it are one sentence."""
    listed = [b for b in items if b.kind == "list-item"]
    if kind == "dangling" and len(listed) >= 2 and (_CLOSED.search(listed[-1].text) or (
            items[-1].kind == "paragraph" and _CLOSED.search(items[-1].text))):
        # ("If you leave it blank, we will" + "* pass your name" + "* to the brands we partner
        # with," + "* so that they can tell you about their own products."; or its end in a
        # paragraph of its own after the list: "..., so that each can tell you about its own
        # products.")
        return True
    if kind == "age":
        return bool(items)
    # (after a colon, only a sentence that goes on past the list is one: "We do not:" + "* sell,"
    # + "* rent, or" + "* trade" + "your contact details."; else a lead-in's items)
    return len(listed) >= 2 and all(_RUN_ITEM_ENDS.search(b.text) and len(b.text.split()) <= _RUN_ITEM_WORDS
                                    for b in listed[:-1]) \
        and (kind != "colon" or items[-1].kind == "paragraph")


def _sentences_over_lists(blocks: Iterator[Block]) -> Iterator[Block]:
    """The blocks, with a sentence broken over a list, or a list of rules for an age group, joined
    back into one paragraph."""
    pending: list[Block] = []
    kind = ""  # the pending opening's kind (see `_opening`)

    def release() -> Iterator[Block]:
        if _one_sentence(kind, pending[1:]):
            yield _joined(pending[0], pending[1:], drop_colon=kind == "colon")
        else:
            yield from pending
        pending.clear()

    for block in blocks:
        if pending and block.kind == "list-item" and _takes(kind, pending, block):
            pending.append(block)
            continue
        if len(pending) > 2 and kind != "age" and block.kind == "paragraph" and block.text[:1].islower() \
                and not _CLOSED.search(pending[-1].text):
            # (the sentence's end after the list, in a paragraph of its own: "your personal
            # information.")
            pending.append(block)
            yield from release()
            continue
        if pending:
            yield from release()
        opening = _opening(block)
        if opening is not None:
            kind = opening
            pending.append(block)
        else:
            yield block
    if pending:
        yield from release()


# Titles of a table of contents: the entries under one name the policy's sections and state
# nothing ("Contents" + "* Cookies and similar technologies" says nothing of cookies)
CONTENTS_TITLES = frozenset({"contents", "table of contents", "index", "quick links", "jump to",
                             "in this policy", "in this notice", "in this privacy policy",
                             "in this privacy notice", "sections", "summary of contents",
                             # ("What's in this notice": the apostrophe's "s" stands alone)
                             "what s in this notice", "what s in this policy", "what is in this notice",
                             "what is in this policy", "what this notice covers", "what this policy covers",
                             "on this page"})
CONTENTS_ENTRY_WORDS = 12  # an entry is a title: a few words, no closing stop


def _contents_title(block: Block) -> bool:
    """Whether a heading is the title of a table of contents ("Contents", "1. Table of Contents")."""
    title = re.sub(r"[^a-z ]+", " ", block.text.lower()).split()
    return " ".join(title) in CONTENTS_TITLES


def outside_contents(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks less the entries of a table of contents: the titles listed under a heading
    "Contents" (or "Table of contents", "In this policy"), up to the next heading or the first
    block that reads as text (a sentence with its stop, or more words than a title has)."""
    listing = False
    for block in blocks:
        if block.kind == "heading":
            listing = _contents_title(block)
        elif listing and block.kind in ("list-item", "paragraph") \
                and len(block.text.split()) <= CONTENTS_ENTRY_WORDS \
                and not block.text.rstrip().endswith((".", ":", "!")):
            continue
        else:
            listing = False
        yield block


def iter_blocks(text: str) -> Iterator[Block]:
    """Headings, paragraphs, list items and table rows, in order, each cleaned of markdown; a
    sentence broken over a list ("We do not" + "* sell," + "* rent, or" + "* trade ...") is one
    paragraph."""
    return _sentences_over_lists(_blocks(text))


def _blocks(text: str) -> Iterator[Block]:
    """Headings, paragraphs, list items and table rows, in order, each cleaned of markdown.

    A block never spans a blank line, a heading (ATX `#`, setext underline, a line that is one
    bold run), a list item's opening, a table row or a thematic break; setext underlines, thematic
    breaks and table separator rows are never text."""
    start: int | None = None
    kind = "paragraph"
    indent = 0  # the first line's indent of the block being read
    marker = ""  # a list item's kind of opening: a bullet or a number
    offset = 0
    leads = _Leads()
    header: tuple[str, ...] = ()  # the header row of the table being read, by column
    # the header row above the dashes is empty (a table pasted from a web page, its titles in a
    # bold first row): the row right under the dashes heads the columns below
    headless = False
    lines = text.split("\n")
    held = container_lines(lines)  # a heading or underline inside a list item is one too

    def flush(end: int) -> Iterator[Block]:
        if start is not None and text[start:end].strip():
            block = strip_markup(text[start:end], start)
            if block.text:
                block = leads.see(Block(block.text, block.offsets, kind), indent, marker)
                for item in inline_items(block):
                    yield from split_block(item)

    for number, line in enumerate(lines):
        line_start = offset
        offset += len(line) + 1
        line_end = min(offset - 1, len(text))
        if not line.strip():
            yield from flush(line_start)
            start, header, headless = None, (), False
            continue
        content = held[number].content
        if _UNDERLINE.match(content) or _THEMATIC.match(content):
            setext = start is not None and kind in ("paragraph", "list-item") \
                and bool(_UNDERLINE.match(content))
            if setext:
                kind = "heading"  # a setext heading: the paragraph above is its title
                leads.reset()  # (before it: the heading itself may lead the list under it)
            yield from flush(line_start)
            if not setext:
                leads.reset()
            start, kind = None, "paragraph"
            continue
        bare_header = kind != "table-row" and _opens_bare_table(lines, number)
        table_line = _is_table_line(line) or bare_header or (
            "|" in line and number + 1 < len(lines) and "|" in lines[number + 1]
            and bool(_TABLE_SEPARATOR.match(lines[number + 1])))
        if table_line or (kind == "table-row" and "|" in line):
            yield from flush(line_start)
            start, kind = None, "table-row"
            if _TABLE_SEPARATOR.match(line):
                continue
            row = table_row(line, line_start)
            header_row = number + 1 < len(lines) and bool(_TABLE_SEPARATOR.match(lines[number + 1]))
            if header_row or bare_header:
                header = column_texts(row)  # the row above the dashes heads the columns below
                headless = not row.text
                row = replace(row, column_values=_column_values(lines, number + 1 + header_row))
            elif headless and row.text and _titles(column_texts(row)):
                header = column_texts(row)
                row = replace(row, column_values=_column_values(lines, number + 1))
            elif header and row.text:
                row = replace(row, header=header)
            headless = headless and header_row
            if row.text:
                yield from split_block(leads.see(row, 0))
            continue
        if kind == "table-row":
            kind, header, headless = "paragraph", (), False
        item = _LIST_ITEM.match(line)
        heading = bool(_HEADING_LINE.match(content) or _BOLD_LINE.match(content)) or (
            start is None and not item and number + 1 < len(lines)
            and _title_line(content, lines[number + 1].strip()))
        if start is not None and (item or heading or _BLOCK_START.match(line)
                                  or (kind == "paragraph" and _after_hard_break(lines[number - 1], line))):
            yield from flush(line_start)
            start = None
        if start is None:
            start = line_start
            indent = len(line) - len(line.lstrip())
            kind = "heading" if heading else "list-item" if item else "paragraph"
            # (letters and roman numerals, "(i)", "a)", are sub-clauses of a numbered item)
            marker = "" if not item else "bullet" if item.group("bullet") \
                else "number" if line.lstrip().lstrip("(")[:1].isdigit() else "letter"
        if heading:
            yield from flush(line_end)
            start, kind = None, "paragraph"
    yield from flush(len(text))
