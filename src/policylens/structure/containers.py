"""Lines seen from inside the list items that hold them. Converted policies put whole sections in
a numbered list: `1.  Introduction` over an indented `    ------------` underline, or
`    ### Services` four spaces in. Read as bare lines these are a list item and an indented code
line; read as CommonMark reads them (the item's content, its indentation removed) they are a
setext and an ATX heading. Headings (sections.py) and blocks (blocks.py) both look at the
content a line has inside its list items."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A list item's opening: its indentation, a bullet or a number, one to four spaces, then text.
_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?:[*+\-]|\d{1,9}[.)])(?P<gap>[ \t]{1,4})(?=\S)")
_TAB = "    "


@dataclass(frozen=True)
class Line:
    """One line as its list items hold it."""

    content: str  # the line without the indentation or list marker of the items it is in
    prefix: int  # characters of the line before `content`
    depth: int  # how many list items hold the line (its own, for an opening line, included)
    opens: bool  # the line opens a list item: `content` is the item's first line


def container_lines(lines: list[str]) -> list[Line]:
    """Each line's content inside the list items open there. An item stays open while the lines
    after it are blank or indented at least to its content's column; a less indented line closes
    it. (CommonMark's lazy continuation lines are left out: they never hold a heading.)"""
    columns: list[int] = []  # content column of each open item, outermost first
    out: list[Line] = []
    for line in lines:
        expanded = line.replace("\t", _TAB) if "\t" in line[:16] else line
        if not expanded.strip():
            out.append(Line("", len(line), len(columns), False))
            continue
        indent = len(expanded) - len(expanded.lstrip(" "))
        while columns and indent < columns[-1]:
            columns.pop()
        opening = _OPENING.match(expanded)
        if opening and "\t" not in line[:opening.end()] and not _is_rule(expanded):
            column = opening.end()
            columns.append(column)
            out.append(Line(line[column:], column, len(columns), True))
            continue
        prefix = columns[-1] if columns and "\t" not in line[:columns[-1]] else 0
        out.append(Line(line[prefix:], prefix, len(columns), False))
    return out


_RULE = re.compile(r"^ *(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,})$")


def _is_rule(line: str) -> bool:
    """`* * *` or `---` is a thematic break (or an underline), not an item opening."""
    return bool(_RULE.match(line))
