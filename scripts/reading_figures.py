"""Figures for the reader on a folder of markdown policies (issue 10): sections found against
headings present, and how clean the evidence is.

Headings are counted independently of policylens' sections.py, with markdown-it-py (CommonMark:
ATX `#` and setext `===`/`---` headings) plus paragraphs that are one bold run alone
(`**Title**`), the pseudo-heading style policies use most. Evidence is every finding's sentence in
the JSON report that `policylens analyze FOLDER -f json -o REPORT.json` wrote.

    python scripts/reading_figures.py FOLDER REPORT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from markdown_it import MarkdownIt

MARKS = ("|", "**", "<br>", "===", "---")


def headings(text: str) -> list[str]:
    """Titles of the headings of a markdown text, every style counted once: ATX and setext
    headings, a paragraph that is one bold run (`**Title**`), a paragraph led by a short bold run
    (`**Title:** text`, a run-in heading) and a short paragraph in capitals (`DATA WE COLLECT`)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    titles = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            titles.append(tokens[i + 1].content)
        elif token.type == "paragraph_open" and i + 1 < len(tokens) and tokens[i + 1].children:
            children = [c for c in tokens[i + 1].children if c.type != "text" or c.content.strip()]
            content = tokens[i + 1].content
            if len(children) >= 3 and children[0].type == "strong_open" \
                    and children[1].type == "text" and children[2].type == "strong_close" \
                    and len(children[1].content) <= 100 and "\n" not in content.split("**")[1]:
                titles.append(children[1].content)
            elif len(content) <= 72 and "\n" not in content and sum(c.isalpha() for c in content) >= 4 \
                    and content.upper() == content:
                titles.append(content)
    return titles


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
