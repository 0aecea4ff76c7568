"""Figures for the reader on a folder of markdown policies (issue 10): sections found against
headings present, and how clean the evidence is.

Headings are counted independently of policylens' sections.py, with markdown-it-py (CommonMark:
ATX `#` and setext `===`/`---` headings, also inside list items) plus the pseudo-heading styles
policies use: bold runs, capitals, numbered headings (see `headings`). Evidence is every finding's sentence in
the JSON report that `policylens analyze FOLDER -f json -o REPORT.json` wrote.

    python scripts/reading_figures.py FOLDER REPORT.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt

MARKS = ("|", "**", "<br>", "===", "---")


def _strong_lead(children: list) -> str | None:
    """The text of the bold run an inline content opens with (`**Title**`, `**_Title_**`), a
    section number before it allowed (`2.1. **From you.**`)."""
    kids = [c for c in children if c.type != "text" or c.content.strip()]
    if kids and kids[0].type == "text" and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.?\s*", kids[0].content):
        kids = kids[1:]
    if not kids or kids[0].type != "strong_open":
        return None
    text = []
    for child in kids[1:]:
        if child.type == "strong_close":
            return "".join(text)
        if child.type in ("softbreak", "hardbreak"):
            return None
        text.append(child.content)
    return None


def _is_caps(line: str) -> bool:
    return len(line) <= 72 and sum(c.isalpha() for c in line) >= 4 and line.upper() == line


def _first_line(children: list) -> str | None:
    """The first line of an inline content when a hard line break ends it (`TITLE  ` + newline)."""
    for k, child in enumerate(children):
        if child.type == "hardbreak":
            return "".join(c.content for c in children[:k]).strip()
        if child.type == "softbreak":
            return None
    return None


def _numbered_title(tokens: list, i: int) -> str | None:
    """An ordered-list item used as a numbered heading (`1. Introduction` alone on its line): its
    first paragraph is one short line with no closing punctuation, and either more blocks follow
    it in the item or the item is its list's only one."""
    item = tokens[i]
    if item.type != "list_item_open" or i + 3 >= len(tokens) or tokens[i + 1].type != "paragraph_open":
        return None
    parent = next((t for t in reversed(tokens[:i]) if t.level == item.level - 1
                   and t.type.endswith("_list_open")), None)
    if parent is None or parent.type != "ordered_list_open":
        return None
    content = tokens[i + 2].content
    if "\n" in content or len(content) > 80 or not content[:1].isupper() \
            or content.rstrip().endswith((".", ",", ";", ":")):
        return None
    more_blocks = tokens[i + 4].type != "list_item_close"
    siblings = 0
    for t in tokens[tokens.index(parent) + 1:]:
        if t.level == parent.level and t.type == "ordered_list_close":
            break
        siblings += t.type == "list_item_open" and t.level == item.level
    return content if more_blocks or siblings == 1 else None


def headings(text: str) -> list[str]:
    """Titles of the headings of a markdown text, every style counted once: ATX and setext
    headings; a paragraph that is one bold run (`**Title**`, `**_Title_**`); a paragraph led by a
    short bold run (`**Title:** text`, a run-in heading); a short paragraph in capitals
    (`DATA WE COLLECT`), or such a bold or capitals line closed by a hard line break; and a
    numbered heading, which CommonMark reads as an ordered-list item (see _numbered_title)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    titles = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            titles.append(tokens[i + 1].content)
        elif token.type == "list_item_open" and (title := _numbered_title(tokens, i)):
            titles.append(title)
        elif token.type == "paragraph_open" and i + 1 < len(tokens) and tokens[i + 1].children:
            if i > 0 and tokens[i - 1].type == "list_item_open" and _numbered_title(tokens, i - 1):
                continue  # counted as its item
            children = tokens[i + 1].children
            content = tokens[i + 1].content
            lead = _strong_lead(children)
            first = _first_line(children)
            if lead is not None and 0 < len(lead) <= 100:
                titles.append(lead)
            elif "\n" not in content and _is_caps(content):
                titles.append(content)
            elif first is not None and _is_caps(first):
                titles.append(first)
    return [t for t in titles if t.strip()]  # an empty `#` or a bold image is no heading


def main(folder: str, report_path: str) -> None:
    data = json.loads(Path(report_path).read_text("utf-8"))
    reports = {Path(r["path"]).name: r for r in data["policies"]}
    within = total = 0
    worst: list[tuple[float, str, int, int]] = []
    sentences: list[tuple[int, str, str]] = []
    for path in sorted(Path(folder).glob("*.md")):
        report = reports.get(path.name)
        if report is None:
            print(f"{path.name}: no report", file=sys.stderr)
            continue
        found = len(report["sections"])
        present = len(headings(path.read_text("utf-8", errors="replace")))
        total += 1
        off = abs(found - present) / max(present, 1)
        if off <= 0.2:
            within += 1
        worst.append((off, path.name, found, present))
        for finding in report["statements"]:
            sentences.append((len(finding["sentence"]), path.name, finding["sentence"]))
    print(f"files: {total}; sections within 20% of headings: {within} "
          f"({100 * within / max(total, 1):.0f}%)")
    print(f"sections found / headings present, all files: "
          f"{sum(w[2] for w in worst)} / {sum(w[3] for w in worst)}")
    print("furthest off (file: sections/headings):",
          ", ".join(f"{n}: {f}/{p}" for _, n, f, p in sorted(worst, reverse=True)[:8]))
    longest = max(sentences, default=(0, "", ""))
    print(f"evidence sentences: {len(sentences)}; longest: {longest[0]} chars ({longest[1]})")
    print(f"over 600 chars: {sum(1 for s in sentences if s[0] > 600)}")
    for mark in MARKS:
        print(f"evidence containing {mark!r}: {sum(1 for s in sentences if mark in s[2])}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
