"""What CI users copy: `action.yml` is a valid GitHub Action, the workflows in the docs are valid
GitHub workflows (both against the schemas check-jsonschema ships, offline), and the pre-commit
hook's command, run as pre-commit runs it on a staged policy, fails on a regression."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.test_cli_compare_diff import NEW, OLD, repo, run  # noqa: F401 (repo is a fixture)

ROOT = Path(__file__).parent.parent


def _valid(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           str(path)], capture_output=True, text=True)


def test_action_yml_is_a_valid_github_action() -> None:
    checked = _valid("vendor.github-actions", ROOT / "action.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_schema_check_catches_a_broken_action(tmp_path: Path) -> None:
    broken = yaml.safe_load((ROOT / "action.yml").read_text())
    broken["runs"]["using"] = "no-such-runner"
    (tmp_path / "action.yml").write_text(yaml.safe_dump(broken))
    assert _valid("vendor.github-actions", tmp_path / "action.yml").returncode != 0


@pytest.mark.parametrize("doc", ["README.md", "docs/compare-diff.md"])
def test_workflows_in_the_docs_are_valid_github_workflows(doc: str, tmp_path: Path) -> None:
    blocks = [b for b in re.findall(r"```ya?ml\n(.*?)```", (ROOT / doc).read_text(), re.S)
              if "jobs:" in b]
    assert blocks, f"{doc} shows no workflow"
    for k, block in enumerate(blocks):
        path = tmp_path / f"workflow{k}.yml"
        path.write_text(block)
        checked = _valid("vendor.github-workflows", path)
        assert checked.returncode == 0, f"{doc}, workflow {k + 1}: {checked.stdout}"


def test_the_pre_commit_hook_fails_a_commit_that_makes_a_policy_worse(repo: Path) -> None:  # noqa: F811
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    program, *args = shlex.split(hooks["policylens-diff"]["entry"])
    assert program == "policylens"
    # pre-commit appends the staged files that match the hook's types
    subprocess.run(["git", "reset", "-q", "--hard", "HEAD~1"], check=True)  # back to OLD
    shutil.copy(NEW, repo / "docs" / "privacy.md")
    subprocess.run(["git", "add", "docs/privacy.md"], check=True)
    worse = run(*args, "docs/privacy.md")
    assert worse.exit_code == 1, worse.output
    assert "Regression" in worse.stdout
    shutil.copy(OLD, repo / "docs" / "privacy.md")
    subprocess.run(["git", "add", "docs/privacy.md"], check=True)
    assert run(*args, "docs/privacy.md").exit_code == 0  # unchanged: the commit goes through


def test_the_pre_commit_analyze_hook_fails_on_an_unreadable_policy(tmp_path: Path) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    program, *args = shlex.split(hooks["policylens-analyze"]["entry"])
    assert program == "policylens"
    (tmp_path / "privacy.md").write_bytes(b"%PDF-1.4 binary")
    assert run(*args, OLD).exit_code == 0
    assert run(*args, OLD, str(tmp_path / "privacy.md")).exit_code == 2
