"""The compare, diff and timeline commands as a user and a CI job run them: formats, exit codes,
errors in one line, git revisions, stdin."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policylens.cli import cli

REVISIONS = Path(__file__).parent / "fixtures" / "revisions"
OLD = str(REVISIONS / "example.com@2018-01-01.md")
NEW = str(REVISIONS / "example.com@2020-06-01.md")


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def one_error_line(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# --- diff -----------------------------------------------------------------------------------


def test_diff_of_a_file_with_itself_is_empty_and_exits_0() -> None:
    result = run("diff", OLD, OLD, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["changes"] == [] and data["regression"] is False and data["sections"] == []


def test_diff_json_names_practices_and_values_as_analyze_does() -> None:
    result = run("diff", OLD, NEW, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["regression"] is True
    assert [(c["practice"], c["old"], c["new"], c["regression"]) for c in data["changes"]] == [
        ("data-sale", "no", "yes", True), ("third-party-sharing", "no", "yes", True),
        ("merger-transfer", "not-mentioned", "yes", True)]
    sale = data["changes"][0]
    assert sale["old_evidence"][0]["line"] == 17 and "may sell" in sale["new_evidence"][0]["sentence"]
    # selling to marketing partners gives data to third parties: sharing gets worse too
    assert data["gate"]["regressions"] == ["data-sale", "third-party-sharing", "merger-transfer"]


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "markdown"])
def test_machine_formats_are_byte_identical_across_runs(fmt: str) -> None:
    assert run("diff", OLD, NEW, "-f", fmt).stdout == run("diff", OLD, NEW, "-f", fmt).stdout


def test_no_fail_and_fail_on() -> None:
    assert run("diff", OLD, NEW, "--no-fail", "-f", "json").exit_code == 0
    assert run("diff", OLD, NEW, "--fail-on", "cookies,children", "-f", "json").exit_code == 0
    assert run("diff", OLD, NEW, "--fail-on", "cookies", "--fail-on", "data-sale",
               "-f", "json").exit_code == 1


def test_fail_on_an_unknown_practice_is_a_usage_error() -> None:
    result = run("diff", OLD, NEW, "--fail-on", "data-sales")
    assert result.exit_code == 2
    assert "unknown practice 'data-sales'" in one_error_line(result)


def test_diff_reads_one_side_from_stdin() -> None:
    result = run("diff", OLD, "-", "-f", "json", stdin=Path(NEW).read_text())
    assert result.exit_code == 1
    assert json.loads(result.stdout)["new"]["path"] == "<stdin>"


@pytest.mark.parametrize("args, message", [
    ((OLD, "missing.md"), "missing.md: no such file"),
    ((OLD, str(REVISIONS)), "is a directory"),
    (("-", "-"), "only one of OLD and NEW"),
    ((OLD,), "diff takes two files"),
    ((OLD, NEW, NEW), "diff takes two files"),
])
def test_diff_input_errors_are_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run("diff", *args)
    assert result.exit_code == 2
    assert message in one_error_line(result)


def test_sarif_is_2_1_0_with_a_result_per_change() -> None:
    data = json.loads(run("diff", OLD, NEW, "-f", "sarif").stdout)
    assert data["version"] == "2.1.0"
    (run_,) = data["runs"]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert [r["ruleId"] for r in run_["results"]] == ["data-sale", "third-party-sharing",
                                                       "merger-transfer"]
    for r in run_["results"]:
        assert rules[r["ruleIndex"]] == r["ruleId"]
        assert r["level"] == "error"
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == NEW
        assert location["region"]["startLine"] >= 1
    # SARIF 3.49.7 (and Microsoft's SARIF validator, rule SARIF1001): a rule's name, if any,
    # differs from its id
    for rule in run_["tool"]["driver"]["rules"]:
        assert rule["name"].lower() != rule["id"].lower().replace("-", "")


def test_github_annotations_point_at_the_new_evidence() -> None:
    lines = run("diff", OLD, NEW, "-f", "github").stdout.splitlines()
    assert lines[0].startswith(f"::error file={NEW},line=17,title=policylens data-sale::")
    assert lines[1].startswith(f"::error file={NEW},line=17,title=policylens third-party-sharing::")
    assert lines[2].startswith(f"::error file={NEW},line=25,title=policylens merger-transfer::")
    assert lines[-1].startswith("::notice ")
    assert all("\n" not in line for line in lines)


def test_markdown_diff_renders_as_a_table() -> None:
    from markdown_it import MarkdownIt

    markdown = run("diff", OLD, NEW, "-f", "markdown").stdout
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<table>" in html and "<th>practice</th>" in html
    assert html.count("<tr>") >= 3  # header + two changes


def test_output_file_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "result.sarif"
    result = run("diff", OLD, NEW, "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"  # the suffix chose the format
    assert [p.name for p in tmp_path.iterdir()] == ["result.sarif"]  # no temporary left behind


# --- diff --git -----------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    for key, value in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
                       "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}.items():
        monkeypatch.setenv(key, value)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (tmp_path / "docs").mkdir()
    shutil.copy(OLD, tmp_path / "docs" / "privacy.md")
    git("add", ".")
    git("commit", "-q", "-m", "old policy")
    shutil.copy(NEW, tmp_path / "docs" / "privacy.md")
    git("commit", "-q", "-am", "new policy")
    return tmp_path


def test_git_range_compares_two_revisions(repo: Path) -> None:
    result = run("diff", "--git", "HEAD~1..HEAD", "docs/privacy.md", "-f", "json")
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["old"]["path"] == "HEAD~1:docs/privacy.md"
    assert data["file"] == "docs/privacy.md"
    assert [c["practice"] for c in data["changes"]] == ["data-sale", "third-party-sharing",
                                                        "merger-transfer"]


def test_git_single_revision_compares_with_the_working_tree(repo: Path) -> None:
    assert run("diff", "--git", "HEAD", "docs/privacy.md", "-f", "json").exit_code == 0
    shutil.copy(OLD, repo / "docs" / "privacy.md")  # an uncommitted revert: an improvement
    result = run("diff", "--git", "HEAD", "docs/privacy.md", "-f", "json")
    assert result.exit_code == 0
    assert {c["direction"] for c in json.loads(result.stdout)["changes"]} == {"better"}


def test_git_file_added_in_the_new_revision(repo: Path) -> None:
    shutil.copy(NEW, repo / "docs" / "terms.md")
    subprocess.run(["git", "add", "docs/terms.md"], check=True)
    subprocess.run(["git", "commit", "-q", "-m", "terms"], check=True)
    result = run("diff", "--git", "HEAD~1..HEAD", "docs/terms.md", "-f", "json")
    assert result.exit_code == 1  # from nothing to "we may sell"
    assert json.loads(result.stdout)["changes"][0]["old"] == "not-mentioned"


@pytest.mark.parametrize("args, message", [
    (("--git", "nosuchrev", "docs/privacy.md"), "unknown git revision 'nosuchrev'"),
    (("--git", "HEAD~1..nope", "docs/privacy.md"), "unknown git revision 'nope'"),
    (("--git", "HEAD", "docs/missing.md"), "no such file in HEAD nor in working tree"),
    (("--git", "HEAD", "docs"), "is a directory"),
    (("--git", "HEAD", "a.md", "b.md", "-f", "json"), "--format json describes one file"),
    (("--git", "HEAD"), "--git needs a PATH"),
])
def test_git_errors_are_one_line_and_exit_2(repo: Path, args: tuple[str, ...], message: str) -> None:
    result = run("diff", *args)
    assert result.exit_code == 2
    assert message in one_error_line(result)


def test_git_several_paths_one_diff_each(repo: Path) -> None:
    shutil.copy(OLD, repo / "docs" / "cookies.md")
    result = run("diff", "--git", "HEAD", "docs/privacy.md", "docs/cookies.md", "-f", "github")
    assert result.exit_code == 1  # cookies.md is new: from nothing to "we use cookies"
    files = [line.split("file=")[1].split(",")[0] for line in result.stdout.splitlines()
             if "file=" in line]
    assert set(files) == {"docs/cookies.md"}
    assert result.stdout.count("::notice title=policylens diff::") == 2


def test_git_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("diff", "--git", "HEAD", "privacy.md")
    assert result.exit_code == 2
    assert "not inside a git repository" in one_error_line(result)


# --- compare and timeline -------------------------------------------------------------------


def test_compare_json_has_a_row_per_policy_and_the_summary() -> None:
    result = run("compare", str(REVISIONS), "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert result.stdout == run("compare", str(REVISIONS), "-f", "json").stdout  # deterministic
    data = json.loads(result.stdout)
    assert data["kind"] == "compare"
    assert [Path(p["path"]).name for p in data["policies"]] == [Path(OLD).name, Path(NEW).name]
    assert data["summary"]["data-sale"] == {"yes": 1, "no": 1, "not-mentioned": 0}
    assert data["policies"][0]["practices"]["data-sale"]["evidence"][0]["line"] == 17
    assert data["policies"][0]["date"] == "2018-01-01"


def test_compare_csv_with_filter_and_practices() -> None:
    result = run("compare", str(REVISIONS), "-f", "csv", "--where", "data-sale=yes",
                 "-p", "data-sale,merger-transfer")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["path", "site", "date", "date_source", "language", "degraded", "data-sale",
                       "merger-transfer"]
    assert [r[0] for r in rows[1:]] == [NEW]
    assert rows[1][4:] == ["en", "", "yes", "yes"]


def test_compare_markdown_renders_as_a_table() -> None:
    from markdown_it import MarkdownIt

    markdown = run("compare", str(REVISIONS), "-f", "markdown").stdout
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert html.count("<table>") == 1
    assert html.count("<tr>") == 4  # header, two policies, summary


def test_compare_html_by_output_suffix(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert run("compare", str(REVISIONS), "-o", str(target)).exit_code == 0
    page = target.read_text()
    assert page.startswith("<!doctype html>")
    assert 'href="#e0-0-data-sale"' in page and 'id="e0-0-data-sale"' in page


def test_compare_reports_unreadable_inputs_and_exits_2() -> None:
    result = run("compare", str(REVISIONS), "missing-dir/", "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert len(data["policies"]) == 2 and data["errors"][0]["path"] == "missing-dir/"


@pytest.mark.parametrize("args, message", [
    (("--sort", "colour"), "unknown sort key 'colour'"),
    (("--where", "data-sale"), "bad filter"),
    (("-p", "cookie"), "did you mean 'cookies'"),
])
def test_compare_option_errors(args: tuple[str, ...], message: str) -> None:
    result = run("compare", str(REVISIONS), *args)
    assert result.exit_code == 2
    assert message in one_error_line(result)


def test_timeline_json_orders_revisions_and_lists_changes() -> None:
    result = run("timeline", NEW, OLD, "-f", "json")
    assert result.exit_code == 0
    (timeline,) = json.loads(result.stdout)["timelines"]
    assert timeline["policy"] == "example.com"
    dates = [r["date"] for r in timeline["revisions"]]
    assert dates == ["2018-01-01", "2020-06-01"]
    assert "changes" not in timeline["revisions"][0]
    assert timeline["revisions"][1]["changes"] == [
        {"practice": "data-sale", "old": "no", "new": "yes", "direction": "worse"},
        {"practice": "third-party-sharing", "old": "no", "new": "yes", "direction": "worse"},
        {"practice": "merger-transfer", "old": "not-mentioned", "new": "yes", "direction": "worse"}]


def test_timeline_csv_and_markdown() -> None:
    rows = list(csv.reader(io.StringIO(run("timeline", str(REVISIONS), "-f", "csv").stdout)))
    assert rows[0][:2] == ["policy", "path"] and rows[0][-1] == "changes"
    assert rows[2][-1].startswith("data-sale: no -> yes (worse)")
    markdown = run("timeline", str(REVISIONS), "-f", "markdown").stdout
    assert "### example.com" in markdown and "**▲ ✗ yes** (was no)" in markdown
