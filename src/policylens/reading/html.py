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
