"""The reader view (`analyze -f html`, `compare -f html -o DIR/`): one element per statement of the
JSON report, the policy's whole text in the page, everything escaped, the verdict's roles shown,
the same bytes every run; compare's heatmap cells open the views beside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser

from policylens.cli import cli
from policylens.engine import Analyzer
from policylens.models import Report
from policylens.practices import load_practices
from policylens.reading.ingest import load_document
from policylens.render.reader_layout import Span, events

FIXTURES = Path(__file__).parent / "fixtures"
READER = FIXTURES / "reader"
CORPUS = Path(__file__).parent.parent / "corpus"
SEED = CORPUS / "003_31bd11473371562c.txt"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def view_of(path: Path) -> LexborHTMLParser:
    code, out, err = run("analyze", str(path), "-f", "html")
    assert code == 0, err
    return LexborHTMLParser(out)


def statements_of(path: Path) -> list[dict]:
    code, out, err = run("analyze", str(path), "-f", "json")
    assert code == 0, err
    return json.loads(out)["policies"][0]["statements"]  # type: ignore[no-any-return]


def report_of(analyzer: Analyzer, path: Path) -> Report:
    return analyzer.analyze(load_document(str(path)))


@pytest.mark.parametrize("path", [SEED, READER / "hostile.md", READER / "adroll-excerpt.md",
                                  FIXTURES / "page.html"], ids=lambda p: p.name)
def test_one_highlight_per_statement_of_the_json_report(path: Path) -> None:
    page = view_of(path)
    statements = statements_of(path)
    marks = page.css("mark[data-statement]")
    assert sorted(int(m.attributes["data-statement"] or -1) for m in marks) == list(range(len(statements)))
    assert statements, "a fixture with no statement tests nothing"
    for hidden in page.css(".mu"):  # markdown the view hides: not part of what a reader sees
        hidden.decompose()
    for mark in marks:
        assert mark.attributes["tabindex"] == "0"  # Tab reaches every highlight
        statement = statements[int(mark.attributes["data-statement"] or -1)]
        # the highlight holds its statement's trigger, marked (up to where a statement nested in
        # it starts)
        triggers = [t.text() for t in mark.css(".trigger")]
        assert any(statement["trigger"].startswith(t) for t in triggers)


@pytest.mark.parametrize("path", [SEED, READER / "hostile.md", READER / "adroll-excerpt.md"],
                         ids=lambda p: p.name)
def test_the_page_holds_the_whole_policy_text(path: Path, analyzer: Analyzer) -> None:
    policy = view_of(path).css_first("div.policy")
    assert policy is not None
    assert policy.text(deep=True) == report_of(analyzer, path).text


def test_headings_are_headings_and_markdown_marks_are_hidden() -> None:
    page = view_of(READER / "hostile.md")
    headings = [h.text() for h in page.css("div.policy h2, div.policy h3")]
    assert "## Sharing" in headings and "## Children" in headings
    hidden = [s.text() for s in page.css("div.policy .mu")]
    assert "## " in hidden and "**" in hidden and "](https://example.com/cookies?a=1&b=\"2\")" in hidden


def test_policy_text_is_escaped() -> None:
    code, html, err = run("analyze", str(READER / "hostile.md"), "-f", "html")
    assert code == 0, err
    page = LexborHTMLParser(html)
    assert len(page.css("script")) == 1  # the view's own
    assert "alert" not in page.css_first("script").text()
    assert page.css("img") == []
    assert '<script>alert("x")</script>' in page.css_first("div.policy").text()


def test_no_network_assets() -> None:
    page = view_of(SEED)
    assert page.css("link, img, iframe, object, embed, script[src], style[src]") == []
    external = [a.attributes["href"] for a in page.css("a[href]")
                if not (a.attributes["href"] or "").startswith("#")]
    assert external == ["https://web.archive.org/web/20190625030217id_/http%3A//www.joytunes.com/privacy"]


def test_byte_identical_across_runs() -> None:
    first = run("analyze", str(READER / "adroll-excerpt.md"), "-f", "html")
    second = run("analyze", str(READER / "adroll-excerpt.md"), "-f", "html")
    assert first[0] == 0 and first[1] == second[1]


def test_conflict_is_called_out_in_card_and_text() -> None:
    page = view_of(READER / "hostile.md")
    statements = statements_of(READER / "hostile.md")
    sales = [(i, s["value"]) for i, s in enumerate(statements) if s["rule"] == "data-sale-flow"]
    denies = next(i for i, value in sales if value == "no")
    admits = next(i for i, value in sales if value == "yes")
    assert "conflict" in (page.css_first(f'mark[data-statement="{denies}"]').attributes["class"] or "")
    assert "decides" in (page.css_first(f'mark[data-statement="{admits}"]').attributes["class"] or "")
    row = page.css_first("tr#p-data-sale")
    assert "conflict" in row.text()
    assert f"#s{denies}" in [a.attributes["href"] for a in row.css("a")]
    assert "Sale of personal information" in page.css_first(".card > p.conflict-note").text()


def test_card_shows_the_core_six_and_links_each_to_its_deciding_statement() -> None:
    page = view_of(SEED)
    code, out, _ = run("analyze", str(SEED), "-f", "json")
    report = json.loads(out)["policies"][0]
    practices = load_practices()
    core = [pid for pid, p in practices.items() if p.core]
    shown = [tr.attributes["id"] for tr in page.css(".card > table tr[id]")]
    assert shown == [f"p-{pid}" for pid in core]
    assert len(page.css(".card details tr[id]")) == len(practices) - len(core)
    for pid, verdict in report["practices"].items():
        link = page.css_first(f"tr#p-{pid} a[data-practice]")
        if not verdict["evidence"]:
            assert link is None
            continue
        deciding = report["statements"].index(verdict["evidence"][0])
        assert link.attributes["href"] == f"#s{deciding}"
        assert verdict["value"] in link.text()
        # the symbol of the value stands beside its colour
        assert link.text().split()[0] in ("✓", "!", "✗", "–", "•", "?")


def test_focus_details_name_slots_and_role() -> None:
    page = view_of(SEED)
    detail = page.css_first("#d0")  # WE DO NOT SELL ...: a statement with slots
    text = detail.text()
    assert "Sale of personal information" in text
    assert "decides the verdict" in text
    for slot in ("actor", "company", "action", "sale", "data", "personal", "recipients", "third-party"):
        assert slot in text
    assert "cue “NOT”" in text


def test_metadata_is_shown() -> None:
    meta = view_of(SEED).css_first("header").text()
    for fact in ("joytunes.com", "archived 2019-06-25", "policy dated 2015-09-07", "language en"):
        assert fact in meta


def test_stdin_policy() -> None:
    code, html, err = run("analyze", "-", "-f", "html", stdin=(READER / "hostile.md").read_text())
    assert code == 0, err
    marks = LexborHTMLParser(html).css("mark[data-statement]")
    assert len(marks) == len(statements_of(READER / "hostile.md"))


def test_output_file_suffix_picks_html(tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    code, _, err = run("analyze", str(SEED), "-o", str(target))
    assert code == 0, err
    assert target.read_text().startswith("<!doctype html>")


def test_many_policies_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    code, _, err = run("analyze", str(CORPUS), "-f", "html", "-o", str(target))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "one policy" in err
    assert not target.exists()


def test_compare_folder_writes_index_and_a_view_per_policy(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run("compare", str(CORPUS), "--format", "html", "-o", f"{out}/")
    assert code == 0, err
    views = sorted(p.name for p in out.iterdir() if p.name != "index.html")
    assert len(views) == len(list(CORPUS.glob("*.txt")))
    index = LexborHTMLParser((out / "index.html").read_text())
    cells = index.css("table.heatmap td.v a")
    assert cells
    for a in cells:
        page, anchor = (a.attributes["href"] or "").split("#")
        assert page in views
        assert LexborHTMLParser((out / page).read_text()).css_first(f"#{anchor}") is not None
    # the views are the same pages analyze writes
    seed_view = next(v for v in views if v.startswith(SEED.stem))
    assert len(LexborHTMLParser((out / seed_view).read_text()).css("mark[data-statement]")) \
        == len(statements_of(SEED))


def test_compare_folder_needs_html(tmp_path: Path) -> None:
    code, _, err = run("compare", str(CORPUS), "--format", "json", "-o", f"{tmp_path}/")
    assert code == 2
    assert "only --format html" in err


def test_crossing_spans_nest_and_keep_every_character() -> None:
    text = "0123456789"
    spans = [Span(0, 6, "statement", 0), Span(3, 9, "statement", 1), Span(4, 8, "markup")]
    html = []
    for event in events(text, spans):
        if event.kind == "text":
            html.append(event.text)
        else:
            assert event.span is not None
            html.append(("<" if event.kind == "open" else "</") + f"{event.span.kind}>")
    joined = "".join(html)
    assert re.sub(r"</?\w+>", "", joined) == text
    assert joined == ("<statement>012<statement>3<markup>45</markup></statement></statement>6789")
