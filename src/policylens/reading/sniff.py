"""What a text is, by its content and not its name: an HTML page or fragment, markdown, or plain
text. Scrapers save HTML fragments (`<p>...</p>`) as .txt and pipes carry no name at all."""

from __future__ import annotations

import re

_PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
# Block-level tags: a text made of them is HTML even without <html>; one stray inline tag or
# "<email>" in a plain policy is not.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|ul|ol|li|table|tr|td|th|section|article|main|span|br|strong|em|b|i|a"
    r"|blockquote|dl|dt|dd|header|footer|nav)(?:\s[^<>]{0,500})?/?>", re.I)
_CLOSING_BLOCK = re.compile(r"</(?:p|div|h[1-6]|ul|ol|li|table|tr|td|section|article)>", re.I)
_MARKDOWN = re.compile(r"^\s{0,3}#{1,6}\s|\*\*\S|^ {0,3}(?:=+|-{3,})[ \t]*$|^\s*\|.*\|\s*$", re.M)
SAMPLE = 20_000


def _skip_comments(head: str) -> str:
    while head.startswith("<!--"):  # comments before the first tag (no regex: no backtracking)
        end = head.find("-->")
        if end < 0:
            return ""
        head = head[end + 3:].lstrip()
    return head


def looks_like_html(text: str) -> bool:
    """A full page (<!doctype>, <html>, <head>, <body> first), or a fragment: it opens with a tag
    and has block-level tags, closing ones among them, at a rate of markup, not of a stray tag."""
    head = _skip_comments(text[:4096].lstrip())
    if _PAGE.match(head):
        return True
    sample = text[:SAMPLE]
    tags = len(_BLOCK_TAG.findall(sample))
    if tags < 2 or not _CLOSING_BLOCK.search(sample):
        return False
    words = max(len(sample.split()), 1)
    return head.startswith("<") or tags * 20 >= words


def sniff(path: str, text: str) -> str:
    """html, markdown or text. An .html/.htm name is HTML whatever it holds."""
    if path.lower().endswith((".html", ".htm")) or looks_like_html(text):
        return "html"
    if _MARKDOWN.search(text[:SAMPLE]):
        return "markdown"
    return "text"
