"""timeline over real revision histories: capture order (not the policy's own date), degraded
captures skipped, --changes-only, and every commit of a file with --git."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.compare import select_practices
from policylens.errors import EXIT_INPUT, EXIT_OK
from policylens.models import Metadata, PracticeVerdict, Report
from policylens.reports.history import good_revisions
from policylens.reports.timeline import capture_date, dated, timeline

PRACTICES = select_practices(["data-sale"])
FULL = "We do not sell your personal information. " * 50


def report(path: str, sale: str, text: str = FULL, **meta: str) -> Report:
    return Report(path, Metadata(**meta), (), {"data-sale": PracticeVerdict("data-sale", sale)}, (),
                  text=text)


def test_capture_date_comes_before_the_date_the_policy_states() -> None:
    later = report("s@2021-03-01.md", "yes", policy_date="2019-01-01")
    earlier = report("s@2020-05-01.md", "no", policy_date="2020-04-01")
    assert capture_date(later) == ("2021-03-01", "file name")
    grid = timeline([dated(later), dated(earlier)], PRACTICES, "s").grid
    assert [r.name for r in grid.rows] == ["s@2020-05-01.md", "s@2021-03-01.md"]
    assert grid.rows[1].cells["data-sale"].previous == "no"
    assert capture_date(report("s.md", "no", policy_date="2019-01-01")) == ("2019-01-01", "policy")


def test_a_broken_capture_between_two_full_ones_is_skipped() -> None:
    revisions = [report("s@2020-01-01.md", "no"),
                 report("s@2020-02-01.md", "not-mentioned", text="Loading..."),
                 report("s@2020-03-01.md", "no")]
    result = timeline([dated(r) for r in revisions], PRACTICES, "s")
    assert [r.name for r in result.grid.rows] == ["s@2020-01-01.md", "s@2020-03-01.md"]
    assert result.grid.changes() == 0  # no flip-flop no -> not-mentioned -> no
    [(skipped, why)] = result.skipped
    assert skipped.path == "s@2020-02-01.md"
    assert why.startswith("lost 100% of its text compared with s@2020-01-01.md")


def test_a_capture_the_reader_marked_degraded_is_skipped() -> None:
    revisions = [report("a", "no"), report("b", "yes", degraded="a login page"), report("c", "no")]
    good, skipped = good_revisions(revisions)
    assert [r.path for r in good] == ["a", "c"]
    assert skipped == [(revisions[1], "degraded capture: a login page")]


def test_a_policy_that_got_shorter_and_stayed_so_is_not_degraded() -> None:
    short = "We sell your data. " * 10
    revisions = [report("a", "no"), report("b", "yes", text=short), report("c", "yes", text=short),
                 report("d", "yes", text=short)]
    good, skipped = good_revisions(revisions)
    assert [r.path for r in good] == ["a", "b", "c", "d"] and skipped == []


def test_alternating_variants_are_compared_with_their_own_earlier_capture() -> None:
    """Two regional variants served in turn (EU, US, EU, US): one change, at the first switch,
    not a change and its reversal at every capture."""
    eu = " ".join(f"Under the GDPR you may object to processing number {n}." for n in range(60))
    us = " ".join(f"California residents may opt out of sale number {n}." for n in range(60))
    texts = [(eu, "no"), (us, "yes"), (eu + " Minor wording.", "no"), (us, "yes")]
    revisions = [dated(report(f"s@2020-0{k + 1}-01.md", sale, text)) for k, (text, sale) in enumerate(texts)]
    result = timeline(revisions, PRACTICES, "s")
    changed = [(r.name, r.cells["data-sale"].previous) for r in result.grid.rows
               if r.cells["data-sale"].changed]
    assert changed == [("s@2020-02-01.md", "no")]
    assert [(a.path, b.path) for a, b in result.returned] == [("s@2020-03-01.md", "s@2020-01-01.md"),
                                                              ("s@2020-04-01.md", "s@2020-02-01.md")]


def test_changes_only_keeps_the_revisions_where_a_value_changed() -> None:
    values = ["no", "no", "yes", "yes", "no"]
    revisions = [dated(report(f"s@2020-0{k + 1}-01.md", v)) for k, v in enumerate(values)]
    grid = timeline(revisions, PRACTICES, "s", changes_only=True).grid
    assert [r.name for r in grid.rows] == ["s@2020-03-01.md", "s@2020-05-01.md"]
    assert grid.title == "s (2 of 5 revisions: those where a value changed)"


# --- timeline --git ---------------------------------------------------------------------------

SELLS = "# Privacy\n\nWe sell your personal information to advertisers.\n"
NO_SALE = "# Privacy\n\nWe do not sell your personal information.\n"


def _commit(repo: Path, date: str, message: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date,
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


@pytest.fixture
def history_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four commits of a policy, renamed on the way; the policy states dates that disagree with
    the commit order (as real captures do)."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "other.md").write_text("unrelated\n")
    (tmp_path / "privacy.md").write_text(NO_SALE + "Last updated: 2023-01-01\n")
    _commit(tmp_path, "2020-01-01T10:00:00+00:00", "first")
    (tmp_path / "privacy.md").write_text(SELLS + "Last updated: 2019-01-01\n")
    _commit(tmp_path, "2020-02-01T10:00:00+00:00", "sells")
    (tmp_path / "other.md").write_text("unrelated, changed\n")
    _commit(tmp_path, "2020-02-15T10:00:00+00:00", "not the policy")
    subprocess.run(["git", "mv", "privacy.md", "policy.md"], cwd=tmp_path, check=True)
    _commit(tmp_path, "2020-03-01T10:00:00+00:00", "renamed")
    (tmp_path / "policy.md").write_text(NO_SALE + "Last updated: 2018-01-01\n")
    _commit(tmp_path, "2020-04-01T10:00:00+00:00", "no sale again")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _timeline(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["timeline", "--git", "policy.md", "-f", "json", "-p",
                                      "data-sale", *args], catch_exceptions=False)
    assert result.exit_code == EXIT_OK, result.stderr
    (found,) = json.loads(result.stdout)["timelines"]
    return found


def test_timeline_git_lists_every_commit_of_the_file_in_commit_order(history_repo: Path) -> None:
    found = _timeline()
    assert found["policy"] == "policy.md"
    revisions = found["revisions"]
    assert [(r["date"], r["date_source"]) for r in revisions] == [
        ("2020-01-01", "commit"), ("2020-02-01", "commit"), ("2020-03-01", "commit"),
        ("2020-04-01", "commit")]
    assert [r["practices"]["data-sale"]["value"] for r in revisions] == ["no", "yes", "yes", "no"]
    assert revisions[0]["path"].startswith("privacy.md@")  # followed through the rename
    assert revisions[0]["metadata"]["policy_date"] == "2023-01-01"  # stated, shown, not ordered by


def test_timeline_git_changes_only(history_repo: Path) -> None:
    revisions = _timeline("--changes-only")["revisions"]
    assert [(r["date"], r["changes"][0]["new"]) for r in revisions] == [
        ("2020-02-01", "yes"), ("2020-04-01", "no")]


def test_timeline_git_of_a_file_never_committed(history_repo: Path) -> None:
    result = CliRunner().invoke(cli, ["timeline", "--git", "nothing.md"])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.strip() == ("policylens: error: nothing.md: no commit of this file in "
                                     "the repository (is it committed?)")


# --- diff and degraded captures -------------------------------------------------------------

def test_diff_refuses_a_broken_capture_unless_asked(tmp_path: Path) -> None:
    full, broken = tmp_path / "full.md", tmp_path / "broken.md"
    full.write_text("# Privacy\n\n" + "We do not sell your personal information. " * 40)
    broken.write_text("# Privacy\n\nLoading...\n")
    result = CliRunner().invoke(cli, ["diff", str(full), str(broken)])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"policylens: error: {broken}: not compared, ")
    assert "compare it anyway with --no-capture-check" in result.stderr
    anyway = CliRunner().invoke(cli, ["diff", str(full), str(broken), "--no-capture-check",
                                      "-f", "json"])
    assert anyway.exit_code == 1  # data-sale: no -> not-mentioned is worse
    assert json.loads(anyway.stdout)["regression"] is True


# --- compare: what was skipped, and where each policy is -------------------------------------

def test_compare_names_skipped_files_and_shows_paths_under_the_folder(tmp_path: Path) -> None:
    for sub in ("eu", "us"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "privacy.md").write_text(NO_SALE)
    (tmp_path / "eu" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "report.json").write_text("{}")
    result = CliRunner().invoke(cli, ["compare", str(tmp_path), "-f", "markdown", "-p", "data-sale"])
    assert result.exit_code == EXIT_OK
    assert "eu/privacy.md" in result.stdout and "us/privacy.md" in result.stdout
    assert result.stderr == ("policylens: skipped 2 files that are not .txt, .md or .html "
                             "(.json, .pdf); --verbose lists them\n")
    verbose = CliRunner().invoke(cli, ["compare", str(tmp_path), "-f", "csv", "--verbose"])
    assert verbose.stderr.splitlines()[1:] == [f"policylens: skipped: {tmp_path / 'report.json'}",
                                               f"policylens: skipped: {tmp_path / 'eu' / 'scan.pdf'}"]
