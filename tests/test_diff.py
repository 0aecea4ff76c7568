"""diff over Reports: practice changes and the regression order, sections matched by content,
the changed sentences of sections with evidence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from policylens.models import Metadata, PracticeVerdict, Report
from policylens.practices import Practice, load_practices
from policylens.reports.diff import diff_reports, direction

FIXTURES = Path(__file__).parent / "fixtures"
OLD = FIXTURES / "revisions" / "example.com@2018-01-01.md"
NEW = FIXTURES / "revisions" / "example.com@2020-06-01.md"


@pytest.fixture(scope="module")
def pair(analyzer) -> tuple[Report, Report]:  # type: ignore[no-untyped-def]
    from policylens.reading.ingest import load_document

    return analyzer.analyze(load_document(str(OLD))), analyzer.analyze(load_document(str(NEW)))


def test_a_file_against_itself_reports_nothing(pair: tuple[Report, Report]) -> None:
    old, _ = pair
    d = diff_reports(old, old)
    assert d.changes == () and not d.regression
    assert {s.kind for s in d.sections} == {"unchanged"}
    assert not any(s.notable for s in d.sections)


def test_practice_changes_and_regression(pair: tuple[Report, Report]) -> None:
    d = diff_reports(*pair)
    changes = {c.practice.id: (c.old.value, c.new.value, c.direction) for c in d.changes}
    assert changes == {"data-sale": ("no", "yes", "worse"),
                       "third-party-sharing": ("no", "yes", "worse"),  # a sale gives data away
                       "merger-transfer": ("not-mentioned", "yes", "worse")}
    assert d.regression
    sale = next(c for c in d.changes if c.practice.id == "data-sale")
    assert "do not sell" in sale.old.evidence[0].sentence
    assert "may sell" in sale.new.evidence[0].sentence


def test_fail_on_limits_the_gate(pair: tuple[Report, Report]) -> None:
    assert not diff_reports(*pair, fail_on=["cookies"]).regression
    gated = diff_reports(*pair, fail_on=["merger-transfer"])
    assert [c.practice.id for c in gated.regressions] == ["merger-transfer"]
    assert len(gated.changes) == 3  # the other changes are still reported


def test_sections_matched_by_content_not_position(pair: tuple[Report, Report]) -> None:
    d = diff_reports(*pair)
    by_title = {(s.new or s.old).title: s for s in d.sections}  # type: ignore[union-attr]
    # Renumbered and moved (1. -> 2., 2. -> 4., 4. -> 1.) but the same text: not removed.
    assert by_title["2. Information we collect"].kind == "unchanged"
    assert by_title["4. Cookies"].kind == "unchanged" and by_title["4. Cookies"].moved
    assert by_title["4. Cookies"].old.title == "2. Cookies"  # type: ignore[union-attr]
    assert by_title["1. Children"].kind == "unchanged"
    assert by_title["5. Contact us"].kind == "removed"
    assert by_title["5. Business transfers"].kind == "added"
    assert by_title["5. Business transfers"].practices == ("merger-transfer",)
    sharing = by_title["3. Sharing your information"]
    assert sharing.kind == "reworded" and 0 < sharing.similarity < 100
    assert [(s.kind, s.old, s.new) for s in sharing.sentences] == [(
        "changed", "We do not sell, rent or trade your personal information.",
        "We may sell your personal information to our marketing partners.")]
    assert sharing.sentences[0].practices == ("data-sale", "third-party-sharing")


def test_retitled_section_with_the_same_text_is_matched(analyze_text) -> None:  # type: ignore[no-untyped-def]
    body = "We use cookies to remember your settings and to count visits to each page of the site."
    old = analyze_text(f"# Policy\n\n## Cookies\n\n{body}\n\n## Contact\n\nWrite to us.\n")
    new = analyze_text(f"# Policy\n\n## Contact\n\nWrite to us.\n\n## Tracking technology\n\n{body}\n")
    sections = diff_reports(old, new).sections
    moved = [s for s in sections if s.retitled]
    assert len(moved) == 1 and moved[0].kind == "unchanged"
    assert (moved[0].old.title, moved[0].new.title) == ("Cookies", "Tracking technology")  # type: ignore[union-attr]
    assert not [s for s in sections if s.kind in ("added", "removed")]


def test_reworded_section_keeps_its_identity(analyze_text) -> None:  # type: ignore[no-untyped-def]
    old = analyze_text("## Sharing\n\nWe do not sell your personal information to anyone. "
                       "We use service providers to host the site.\n")
    new = analyze_text("## Sharing\n\nWe do not sell your personal information to anyone at all. "
                       "We use service providers to host the site and to send e-mail.\n")
    (section,) = diff_reports(old, new).sections
    assert section.kind == "reworded"
    assert {s.kind for s in section.sentences} == {"changed"}


def test_direction_follows_the_risk_order() -> None:
    sale = load_practices()["data-sale"]
    assert direction(sale, "no", "not-mentioned") == "worse"
    assert direction(sale, "not-mentioned", "yes") == "worse"
    assert direction(sale, "yes", "no") == "better"
    assert direction(sale, "no", "no") == ""
    kids = load_practices()["children"]
    assert direction(kids, "not-directed", "parental-consent") == "worse"
    assert direction(kids, "directed", "parental-consent") == "better"


def _bare(path: str, values: dict[str, str]) -> Report:
    return Report(path, Metadata(), (), {p: PracticeVerdict(p, v) for p, v in values.items()}, ())


def test_a_practice_without_risk_order_changes_but_never_trips_the_gate() -> None:
    retention = Practice("data-retention", "Data retention", "?", ("limited", "indefinite",
                         "not-mentioned"), {}, "precedence", ())
    practices = {**load_practices(), "data-retention": retention}
    old = _bare("a", {"data-retention": "limited"})
    new = _bare("b", {"data-retention": "indefinite"})
    d = diff_reports(old, new, practices)
    assert [(c.practice.id, c.direction) for c in d.changes] == [("data-retention", "changed")]
    assert not d.regression


def test_partial_risk_order_only_ranks_what_it_lists() -> None:
    partial = replace(load_practices()["data-sale"], risk=("no", "yes"))
    assert direction(partial, "no", "yes") == "worse"
    assert direction(partial, "no", "not-mentioned") == "changed"


def test_an_attribute_change_is_a_change_but_never_a_regression(analyze_text) -> None:  # type: ignore[no-untyped-def]
    old = analyze_text("We use cookies to remember your preferences.\n\n"
                       "We do not knowingly collect information from children under 13.\n")
    new = analyze_text("We use cookies and web beacons to remember your preferences.\n\n"
                       "We do not knowingly collect information from children under 16.\n")
    d = diff_reports(old, new)
    changed = {c.practice.id: c for c in d.changes}
    assert set(changed) == {"tracking-technologies", "children"}
    tracking = changed["tracking-technologies"]
    assert (tracking.old.value, tracking.new.value, tracking.direction) == ("yes", "yes", "changed")
    assert not tracking.value_changed and not tracking.regression
    assert tracking.describe_attributes() == "technologies: +web-beacons"
    assert changed["children"].describe_attributes() == "age: 13 → 16"
    assert [a["name"] for a in tracking.to_dict()["attributes"]] == ["technologies"]
    assert not d.regression


def test_attribute_changes_show_in_every_diff_format(analyze_text) -> None:  # type: ignore[no-untyped-def]
    import io

    from policylens.render import github, markdown, sarif, table

    old = analyze_text("We use cookies.\n")
    new = analyze_text("We use cookies and pixel tags.\n")
    d = diff_reports(old, new)
    for render in (markdown.render_diff, github.render_diff, sarif.render_diff, table.render_diff):
        out = io.StringIO()
        render(d, out)
        shown = out.getvalue()
        if render is table.render_diff:  # a narrow table wraps the cell over two lines
            assert "technologies:" in shown and "+pixels" in shown
        else:
            assert "technologies: +pixels" in shown, render.__module__
