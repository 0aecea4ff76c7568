"""compare and timeline as pure functions over Reports: selection, filters, sorting, counts,
dates, and practices beyond the shipped six (read from the vocabulary, never a fixed list)."""

from __future__ import annotations

import pytest

from policylens.compare import (
    compare,
    parse_where,
    report_date,
    select_practices,
)
from policylens.errors import UsageError
from policylens.models import Metadata, PracticeVerdict, Report
from policylens.practices import Practice, load_practices
from policylens.render import style
from policylens.reports.timeline import policy_key, timelines

RETENTION = Practice("data-retention", "Data retention", "How long is data kept?",
                     ("limited", "indefinite", "not-mentioned"), {}, "precedence", ())


def report(path: str, values: dict[str, str], **meta: str) -> Report:
    return Report(path, Metadata(**meta), (), {p: PracticeVerdict(p, v) for p, v in values.items()}, ())


def test_all_practices_in_file_order_by_default() -> None:
    assert [p.id for p in select_practices()] == list(load_practices())


def test_practice_selection_keeps_order_and_accepts_commas() -> None:
    chosen = select_practices(["cookies,data-sale", "cookies"])
    assert [p.id for p in chosen] == ["cookies", "data-sale"]


def test_unknown_practice_suggests_the_close_one() -> None:
    with pytest.raises(UsageError) as info:
        select_practices(["data-sales"])
    assert "did you mean 'data-sale'" in str(info.value)


@pytest.mark.parametrize("spec, message", [
    ("data-sale", "bad filter"),
    ("data-sale=maybe", "unknown value for data-sale 'maybe'"),
    ("cookie=yes", "unknown practice 'cookie'"),
])
def test_bad_filters_are_usage_errors(spec: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_where([spec])


def test_filter_sort_and_summary() -> None:
    practices = select_practices(["data-sale", "cookies"])
    reports = [
        report("a.md", {"data-sale": "no", "cookies": "yes"}),
        report("b.md", {"data-sale": "yes", "cookies": "yes"}),
        report("c.md", {"data-sale": "not-mentioned", "cookies": "no"}),
    ]
    grid = compare(reports, practices, sort="data-sale")
    assert [r.name for r in grid.rows] == ["b.md", "c.md", "a.md"]  # worst first by the risk order
    assert grid.summary()["data-sale"] == {"yes": 1, "no": 1, "not-mentioned": 1}
    assert grid.summary()["cookies"] == {"yes": 2, "no": 1, "not-mentioned": 0}
    only = compare(reports, practices, where=parse_where(["cookies=yes"]))
    assert [r.name for r in only.rows] == ["a.md", "b.md"]
    both = compare(reports, practices, where=parse_where(["cookies=yes", "data-sale=yes,not-mentioned"]))
    assert [r.name for r in both.rows] == ["b.md"]


def test_filter_on_a_practice_not_shown() -> None:
    reports = [report("a.md", {"data-sale": "no", "cookies": "yes"}),
               report("b.md", {"data-sale": "yes", "cookies": "yes"})]
    grid = compare(reports, select_practices(["cookies"]), where=parse_where(["data-sale=yes"]))
    assert [r.name for r in grid.rows] == ["b.md"]


def test_a_practice_beyond_the_six_is_a_column_like_the_others() -> None:
    practices = (*select_practices(["data-sale"]), RETENTION)
    grid = compare([report("a.md", {"data-sale": "no", "data-retention": "indefinite"})], practices)
    assert [r.cells["data-retention"].value for r in grid.rows] == ["indefinite"]
    assert grid.summary()["data-retention"] == {"limited": 0, "indefinite": 1, "not-mentioned": 0}
    assert style.tone(RETENTION, "indefinite") == "neutral"  # no risk order: no colour judgement


def test_tones_follow_the_risk_order() -> None:
    practices = load_practices()
    assert style.tone(practices["data-sale"], "no") == "safe"
    assert style.tone(practices["data-sale"], "yes") == "risk"
    assert style.tone(practices["data-sale"], "not-mentioned") == "silent"
    assert style.tone(practices["children"], "parental-consent") == "caution"
    assert style.tone(practices["children"], "directed") == "risk"


def test_dates_archive_then_policy_then_file_name() -> None:
    archived = report("x@2015-01-01.md", {}, archived="2014-03-03", snapshot_url="https://w/x")
    assert report_date(archived) == ("2014-03-03", "archive")
    stated = report("x@2015-01-01.md", {}, archived="2015-01-01", policy_date="2013-05-05")
    assert report_date(stated) == ("2013-05-05", "policy")
    named = report("x@2015-01-01.md", {}, archived="2015-01-01")
    assert report_date(named) == ("2015-01-01", "file name")
    assert report_date(report("x.md", {})) == (None, None)


def test_timeline_orders_by_date_and_marks_changes() -> None:
    practices = select_practices(["data-sale", "children"])
    reports = [
        report("s@2019-01-01.md", {"data-sale": "yes", "children": "not-directed"}, site="s.com"),
        report("s@2010-01-01.md", {"data-sale": "no", "children": "not-directed"}, site="s.com"),
        report("undated.md", {"data-sale": "no", "children": "not-mentioned"}, site="s.com"),
        report("t@2012-01-01.md", {"data-sale": "no", "children": "directed"}, site="t.com"),
    ]
    grids = [t.grid for t in timelines(reports, practices)]
    assert [g.title for g in grids] == ["s.com", "t.com"]
    rows = grids[0].rows
    assert [r.name for r in rows] == ["s@2010-01-01.md", "s@2019-01-01.md", "undated.md"]
    assert not any(c.changed for c in rows[0].cells.values())
    sale = rows[1].cells["data-sale"]
    assert (sale.previous, sale.value, sale.direction) == ("no", "yes", "worse")
    assert not rows[1].cells["children"].changed
    assert rows[2].cells["data-sale"].direction == "better"
    assert rows[2].cells["children"].direction == "worse"  # not-directed -> silence
    assert grids[0].changes() == 3


def test_policy_key_without_site_uses_the_name_before_the_date() -> None:
    assert policy_key(report("dir/Shop.com@2014-06-28.md", {})) == "shop.com"
    assert policy_key(report("dir/policy.txt", {})) == "policy"
