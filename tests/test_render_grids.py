"""Grid renderers on hand-made reports: hostile policy text stays text, a practice beyond the
shipped six renders like the others, and every format agrees on the rows."""

from __future__ import annotations

import csv
import io
import json

from policylens.compare import GridSet, compare, select_practices
from policylens.models import Finding, Metadata, PracticeVerdict, Report
from policylens.practices import Practice
from policylens.render import grid_renderers

RETENTION = Practice("data-retention", "Data retention", "How long is data kept?",
                     ("limited", "indefinite", "not-mentioned"), {}, "precedence", (),
                     ("limited", "not-mentioned", "indefinite"))
HOSTILE = 'We <script>alert("x")</script> may sell | your *data* [here](http://x).'


def _report() -> Report:
    finding = Finding("data-sale-statement", "data-sale", "yes", "hedged", HOSTILE, 0, len(HOSTILE), 3,
                      "Sharing & <b>sale</b>", "sell", "may")
    practices = {"data-sale": PracticeVerdict("data-sale", "yes", (finding,), "1 finding(s)"),
                 "data-retention": PracticeVerdict("data-retention", "indefinite")}
    return Report("odd <name>.md", Metadata(site="odd.example", archived="2020-01-01"), (),
                  practices, (finding,))


def _render(fmt: str) -> str:
    practices = (*select_practices(["data-sale"]), RETENTION)
    grids = GridSet("compare", (compare([_report()], practices),))
    out = io.StringIO()
    grid_renderers()[fmt](grids, out)
    return out.getvalue()


def test_html_escapes_policy_text_and_marks_the_trigger() -> None:
    page = _render("html")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<mark>sell</mark>" in page
    assert "odd &lt;name&gt;.md" in page and "Sharing &amp; &lt;b&gt;sale&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # ours only
    assert "http://" not in page.replace("http://x", "")  # no asset fetched from anywhere


def test_markdown_cells_cannot_break_the_table() -> None:
    from markdown_it import MarkdownIt

    from policylens.render import markdown
    from policylens.reports.diff import diff_reports

    new = _report()
    old = Report("old.md", Metadata(), (), {"data-sale": PracticeVerdict("data-sale", "no")}, ())
    out = io.StringIO()
    markdown.render_diff(diff_reports(old, new, {"data-sale": select_practices(["data-sale"])[0]}), out)
    html = MarkdownIt("commonmark").enable("table").render(out.getvalue())
    table = html.split("<table>")[1].split("</table>")[0]
    rows = table.split("<tr>")[1:]
    assert len(rows) == 2
    assert rows[0].count("<th>") == 6 and rows[1].count("<td>") == 6
    assert "<script>" not in html and "&lt;script&gt;" in rows[1]


def test_every_format_shows_the_extra_practice() -> None:
    data = json.loads(_render("json"))
    assert [p["id"] for p in data["practices"]] == ["data-sale", "data-retention"]
    assert data["policies"][0]["practices"]["data-retention"]["value"] == "indefinite"
    assert data["summary"]["data-retention"] == {"limited": 0, "indefinite": 1, "not-mentioned": 0}
    rows = list(csv.reader(io.StringIO(_render("csv"))))
    assert rows[0][-1] == "data-retention" and rows[1][-1] == "indefinite"
    assert "✗ indefinite" in _render("markdown")  # the worst of its own risk order
    assert "indefinite" in _render("table")


def test_table_falls_back_to_symbols_when_values_do_not_fit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    values = {"data-sale": "yes", "third-party-sharing": "no", "cookies": "yes",
              "children": "parental-consent", "third-party-ads": "yes", "merger-transfer": "no"}
    reports = [Report(f"site{i}.md", Metadata(site=f"site{i}.example"), (),
                      {p: PracticeVerdict(p, v) for p, v in values.items()}, ()) for i in range(2)]
    grids = GridSet("compare", (compare(reports, select_practices(list(values))),))
    for columns, compact in (("200", False), ("80", True)):
        monkeypatch.setenv("COLUMNS", columns)
        out = io.StringIO()
        grid_renderers()["table"](grids, out)
        text = out.getvalue()
        assert ("symbols only" in text) is compact
        assert ("parental-consent" in text) is not compact
        row = next(line for line in text.splitlines() if "site0.example" in line)
        assert row.count("✗") == 3 and row.count("✓") == 2 and row.count("!") == 1  # no column lost


def test_html_tags_are_balanced() -> None:
    from html.parser import HTMLParser

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []
            self.problems: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
            if tag not in ("meta", "br", "input"):
                self.open.append(tag)

        def handle_endtag(self, tag: str) -> None:
            if self.open and self.open[-1] == tag:
                self.open.pop()
            else:
                self.problems.append(f"</{tag}> closes {self.open[-1:]}")

    checker = Checker()
    checker.feed(_render("html"))
    assert checker.problems == [] and checker.open == []
