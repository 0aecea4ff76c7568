"""Hypothesis strategies for policy-like text: real rule-example sentences mixed with markdown
and HTML marks, legacy encodings and noise, so properties are tested where findings happen."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from policylens.ruleset import load_ruleset

SENTENCES = sorted({ex.text for rule in load_ruleset().rules
                    for ex in (*rule.match_examples, *rule.no_match_examples, *rule.todo_examples)})

MARKS = ["# ", "## ", "### ", "**", "*", "_", "__", "> ", "- ", "* ", "1. ", "2) ", "\\", "[", "]",
         "(", ")", "](", "[link](http://x.y/z)", "`", "|", "---", "\n", "\n\n", "\r\n", "\r", "\t",
         "  ", "PRIVACY POLICY", "**Cookies**", "**Sale.** ", "1. Information We Collect", ":",
         "\u00a0", "\u2019", "\ufffd", "\u00c3\u00a9", "\u00e2\u20ac\u2122", "\x0c", "\x1b[31m", "<",
         ">", "&amp;", "\u200b", "\ufeff", "\n| Data | Sold |\n", "| --- | --- |\n", "| ", " |",
         "<br>", "<br/>", "<b>", "</span>", "&nbsp;", "&#8217;", "\n===\n", "\n---\n", "\n* * *\n",
         "\u2022 ", "a) ", "(iv) ", "in these cases:\n\n- ", "\n  - ",
         # headings inside list items, numbered bold headings, run-on list separators
         "\n1.  Introduction\n    ------------\n", "\n    ### Services\n", "\n    ---\n",
         "**1.** **Our Service**\n", "2.1. **From you.**\n", "| --- |Title\n", "; ", " - ",
         "; to verify your identity and keep our services safe for everyone who uses them"]

TAGS = ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<h2>", "</h2>", "<h3>", "</h3>", "<li>",
        "<ul>", "</ul>", "<br>", "<b>", "</b>", "<script>", "</script>", "<style>", "</style>",
        "<table><tr><td>", "</td></tr></table>", "<!-- x -->", "<nav>", "</nav>", "<a href='#'>",
        "</a>", "<", ">", "&nbsp;", "&lt;", "<html>", "<body>", "</body>", "</html>", "<pre>"]

_plain_chars = st.characters(codec="utf-8", exclude_categories=("Cs",))
noise = st.text(_plain_chars, max_size=40)

# Plain text without any markdown mark: spans must equal the sentence modulo whitespace (so
# the rule examples written as lists, tables or headings are left out of it)
PLAIN_SENTENCES = [s for s in SENTENCES
                   if not re.search(r"[*_`|#<>\\\[\]]|^\s*(?:[-+\u2022]|\d+[.)]|[a-z]\))\s", s, re.M)]
plain_piece = st.one_of(st.sampled_from(PLAIN_SENTENCES),
                        st.text(st.sampled_from("abcdefghij ,.;'\n"), max_size=30))
plain_text = st.lists(plain_piece, max_size=12).map(lambda parts: " ".join(parts))

markdown_text = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(MARKS), noise),
                         max_size=30).map("".join)

html_text = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(TAGS),
                               st.sampled_from(MARKS), noise), max_size=30).map(
    lambda parts: "<html><body>" + "".join(parts))

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"]


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    """What a scraper may save: encoded text, random bytes, or a mix."""
    kind = draw(st.sampled_from(["text", "bytes", "mixed"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    text = draw(st.one_of(markdown_text, html_text))
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if kind == "mixed":
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=20)) + data[cut:]
    return data
