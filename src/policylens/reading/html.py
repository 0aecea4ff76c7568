"""HTML page -> markdown-like text: headings kept as '#', blocks on their own lines, chrome dropped."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

# Page furniture that is never the policy's text. Not <form>: ASP.NET pages and old sites wrap
# the whole body in one, so dropping it dropped the policy (inputs carry no text anyway).
_DROP = "script, style, noscript, template, nav, header, footer, iframe, svg, select, button, textarea, head"
_BLOCKS = {
    "p", "div", "section", "article", "main", "aside", "table", "tr", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "address", "figure", "center", "body", "html", "hr", "br", "li", "td", "th",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A <table> becomes a markdown table (its header row paired with its cells by the structure layer)
# only when it holds data, not a page's layout: two rows or more, two cells in a row, no table
# inside it, no heading in a cell, no cell longer than this.
MAX_CELL_CHARS = 3000
_CELL_BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "address",
                "section", "article"}


def _cell_text(cell: Node) -> str:
    """A cell's text on one line: its lines and list items kept apart by <br> (the row's break
    of a cell into pieces), its pipes escaped."""
    out: list[str] = []
    stack: list[Node | str] = [cell]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        if item.tag == "-text":
            out.append((item.text_content or "").replace("|", "\\|"))
            continue
        if item.tag == "br" or item.tag in _CELL_BLOCKS:
            out.append(" <br> ")
            if item.tag in _CELL_BLOCKS:
                stack.append(" <br> ")
        children: list[Node] = []
        child = item.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend(reversed(children))
    pieces = [" ".join(piece.split()) for piece in "".join(out).replace("\xa0", " ").split("<br>")]
    return " <br> ".join(piece for piece in pieces if piece)


def _cells(row: Node) -> list[Node]:
    cells = []
    child = row.child
    while child is not None:
        if child.tag in ("td", "th"):
            cells.append(child)
        child = child.next
    return cells


def table_markdown(table: Node) -> str | None:
    """A data table as markdown rows, its header row (a row of <th>, or the first row where no
    row is headed by a <th> of its own) above the dashes; None for a layout table."""
    inside = [node.tag for node in table.traverse(include_text=False)]
    if inside.count("table") > 1 or not _HEADINGS.keys().isdisjoint(inside):
        return None
    rows = [_cells(row) for row in table.css("tr")]
    rows = [row for row in rows if row]
    if len(rows) < 2 or max(map(len, rows)) < 2:
        return None
    texts = [[_cell_text(cell) for cell in row] for row in rows]
    if any(len(text) > MAX_CELL_CHARS for row in texts for text in row):
        return None
    lines = ["| " + " | ".join(row) + " |" for row in texts]
    all_headed = all(cell.tag == "th" for cell in rows[0])
    row_headed = all(row[0].tag == "th" for row in rows[1:]) and not all_headed
    if not row_headed:  # (a table headed down its first column has no header row)
        lines.insert(1, "|" + " --- |" * len(rows[0]))
    return "\n".join(lines)


def html_to_text(html: str) -> str:
    """Flatten a page to text; iterative so 10,000 nested elements cannot overflow the stack."""
    tree = HTMLParser(html)
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []
    # Iterative depth-first walk; ("close", tag) markers end blocks.
    stack: list[tuple[str, Node | str]] = [("open", root)]
    while stack:
        action, item = stack.pop()
        if action == "close":
            out.append("\n\n" if item in _BLOCKS and item not in {"br", "td", "th"} else
                       ("\n" if item == "br" else " "))
            continue
        assert isinstance(item, Node)
        node = item
        tag = node.tag
        if tag == "-text":
            out.append(node.text_content or "")
            continue
        if tag in _HEADINGS:
            title = " ".join((node.text(deep=True, separator=" ") or "").split())
            if title:
                out.append(f"\n\n{'#' * _HEADINGS[tag]} {title}\n\n")
            continue
        if tag == "table":
            table = table_markdown(node)
            if table is not None:
                out.append(f"\n\n{table}\n\n")
                continue
        if tag == "li":
            out.append("\n  * ")
        elif tag in _BLOCKS:
            out.append("\n\n" if tag != "br" else "\n")
        stack.append(("close", tag or ""))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        for c in reversed(children):
            stack.append(("open", c))
    text = "".join(out).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line not in {"*", "|"}]
    text = "\n".join(("  " + line) if line.startswith("* ") else line for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
