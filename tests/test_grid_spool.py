"""Grids whose rows are kept sorted on disk (spool.SortedSpool) render the very bytes of grids
held in memory, in the order each --sort promises; a run that fails while it writes leaves an
existing report as it was."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policylens.compare import GridSet, compare, parse_where, select_practices
from policylens.models import Metadata, PracticeVerdict, Report
from policylens.reading.ingest import load_document
from policylens.render import GRID_FORMATS, grid_renderers
from policylens.running import spool
from policylens.running.runner import Failure
from policylens.running.spool import SortedSpool
from policylens.serialize import slim

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parent.parent / "corpus"

# --- the spool itself ---------------------------------------------------------------------------


@given(keys=st.lists(st.integers(0, 5), max_size=60), budget=st.sampled_from([0, 50, 10**9]),
       reverse=st.booleans())
def test_the_spool_sorts_like_sorted_whatever_it_keeps_in_memory(keys: list[int], budget: int,
                                                                  reverse: bool) -> None:
    items = [(k, f"item {i}") for i, k in enumerate(keys)]  # equal keys: the order added decides
    spooled: SortedSpool[tuple[int, str]] = SortedSpool(lambda item: item[0], reverse, budget)
    for item in items:
        spooled.add(item)
    spooled.finish()
    ascending = sorted(items, key=lambda item: item[0])
    expected = ascending[::-1] if reverse else ascending
    assert list(spooled) == expected
    assert list(spooled) == expected  # read again: the same
    assert len(spooled) == len(items)
    if budget == 0:  # every item its own run on disk
        assert spooled.spilled == len(items)
    elif budget == 10**9:
        assert spooled.spilled == 0
    spooled.close()


def test_a_spool_refuses_items_after_finish() -> None:
    spooled: SortedSpool[int] = SortedSpool(lambda x: x)
    spooled.add(1)
    spooled.finish()
    with pytest.raises(ValueError):
        spooled.add(2)


# --- grids: spooled and in memory, the same bytes ----------------------------------------------


@pytest.fixture(scope="module")
def reports(analyzer) -> list[Report]:  # type: ignore[no-untyped-def]
    """The bundled corpus and the dated revisions, slimmed as compare keeps them, plus policies
    with no site, no date, or the same site twice (ties for --sort site and date)."""
    paths = sorted(CORPUS.glob("*.txt")) + sorted((FIXTURES / "revisions").glob("*.md"))
    found = [slim(analyzer.analyze(load_document(str(p))), frozenset(["data-sale", "cookies"]))
             for p in paths]
    made = [Report(f"made/{name}.md", Metadata(site=site, policy_date=date), (),
                   {"data-sale": PracticeVerdict("data-sale", value)}, ())
            for name, site, date, value in [("b", None, None, "yes"), ("a", "z.example", None, "no"),
                                            ("c", "z.example", "2019-02-03", "yes"),
                                            ("d", None, "2001-01-01", "not-mentioned")]]
    return found + made


FAILURES = (Failure("gone.md", "no such file or directory"),)
CASES = [("path", False, ()), ("path", True, ()), ("site", False, ()), ("date", False, ()),
         ("date", True, ("cookies=yes,no",)), ("data-sale", False, ()), ("data-sale", True, ()),
         ("cookies", False, ("data-sale=not-mentioned",))]


def render(reports: list[Report], fmt: str, sort: str, reverse: bool, where: tuple[str, ...],
           budget: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(spool, "BUDGET", budget)
    grid = compare(iter(reports), select_practices(["data-sale", "cookies", "children"]),
                   parse_where(where), sort, reverse)
    assert grid.rows.spilled == (len(grid.rows) if budget == 1 else 0)  # type: ignore[attr-defined]
    grids = GridSet("compare", (grid,), FAILURES)
    out = io.StringIO()
    try:
        grid_renderers()[fmt](grids, out)
    finally:
        grids.close()
    return out.getvalue()


@pytest.mark.parametrize("fmt", GRID_FORMATS)
@pytest.mark.parametrize("sort, reverse, where", CASES)
def test_rows_from_disk_render_the_bytes_of_rows_in_memory(
        reports: list[Report], fmt: str, sort: str, reverse: bool, where: tuple[str, ...],
        monkeypatch: pytest.MonkeyPatch) -> None:
    in_memory = render(reports, fmt, sort, reverse, where, 10**9, monkeypatch)
    on_disk = render(reports, fmt, sort, reverse, where, 1, monkeypatch)  # a run per row
    assert on_disk == in_memory


def expected_order(reports: list[Report], sort: str, reverse: bool) -> list[str]:
    """The documented order, computed the plain way: a sort by path, then by the key."""
    from policylens.compare import report_date, value_of
    from policylens.practices import load_practices

    by_path = sorted(reports, key=lambda r: r.path)
    if sort == "site":
        by_path.sort(key=lambda r: (not r.metadata.site, r.metadata.site or ""))
    elif sort == "date":
        by_path.sort(key=lambda r: (report_date(r)[0] is None, report_date(r)[0] or ""))
    elif sort != "path":
        practice = load_practices()[sort]
        worst = list(practice.risk)[::-1]
        by_path.sort(key=lambda r: worst.index(value_of(r, sort)))
    paths = [r.path for r in by_path]
    return paths[::-1] if reverse else paths


@pytest.mark.parametrize("sort, reverse, where", [c for c in CASES if not c[2]])
def test_rows_come_in_the_order_of_the_sort_key(reports: list[Report], sort: str, reverse: bool,
                                                where: tuple[str, ...],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    text = render(reports, "csv", sort, reverse, where, 1, monkeypatch)
    assert [line["path"] for line in csv.DictReader(io.StringIO(text))] == \
        expected_order(reports, sort, reverse)


def test_streamed_json_is_what_one_json_dumps_writes(reports: list[Report],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = render(reports, "json", "date", False, (), 1, monkeypatch)
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert data["errors"] == [{"kind": "input", "message": "no such file or directory",
                               "path": "gone.md"}]
    assert sum(data["summary"]["data-sale"].values()) == len(data["policies"]) == len(reports)


def test_an_empty_grid_renders_in_every_format(monkeypatch: pytest.MonkeyPatch) -> None:
    for fmt in GRID_FORMATS:
        assert render([], fmt, "path", False, (), 1, monkeypatch) == \
            render([], fmt, "path", False, (), 10**9, monkeypatch)
    assert json.loads(render([], "json", "path", False, (), 1, monkeypatch))["policies"] == []


# --- a run that fails while it writes ----------------------------------------------------------


def test_a_failure_while_the_rows_are_written_leaves_the_old_report(
        cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from policylens.render import html_out

    monkeypatch.setattr(spool, "BUDGET", 1)
    calls = []

    def broken(*args):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 8:  # in the evidence panels, the second pass over the rows
            raise RuntimeError("disk on fire")
        return original(*args)

    original = html_out._evidence
    monkeypatch.setattr(html_out, "_evidence", broken)
    target = tmp_path / "grid.html"
    target.write_text("old grid\n")
    run = cli("compare", CORPUS, "-o", target, "-j", "1")
    assert run.code == 3 and "disk on fire" in run.stderr
    assert target.read_text() == "old grid\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grid.html"]


def test_fail_fast_on_stdout_writes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text((CORPUS / "000_44877e42efb355de.txt").read_text())
    (tmp_path / "c.md").write_bytes(b"\x00binary")
    run = cli("compare", tmp_path, "--fail-fast", "-f", "json", "-j", "1")
    assert (run.code, run.stdout) == (2, "")


def test_a_full_disk_under_the_spool_is_one_error_line(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import tempfile

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(spool, "BUDGET", 1)
    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    target = tmp_path / "grid.csv"
    run = cli("compare", CORPUS, "-o", target, "-j", "1")
    assert run.code == 2
    assert run.errors == [f"policylens: error: {tmp_path.resolve()}: cannot write a temporary file: No space "
                          "left on device (free some space there, or write the report elsewhere "
                          "(-o) or set TMPDIR to another folder)"]
    assert not target.exists()
