"""The command line as a user meets it: formats, stdin, exit codes, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.practices import load_practices

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False,
                              env={"COLUMNS": "200"})


def test_excerpt_on_stdin_gives_value_and_evidence() -> None:
    result = run("analyze", "-", "--format", "json",
                 input="We do not sell your personal information.\n")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    verdict = data["policies"][0]["practices"]["data-sale"]
    assert verdict["value"] == "no"
    assert verdict["evidence"][0]["sentence"] == "We do not sell your personal information."
    assert verdict["evidence"][0]["line"] == 1


def test_json_has_every_practice_and_schema_version() -> None:
    result = run("analyze", str(FIXTURES / "headings.md"), "-f", "json")
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    policy = data["policies"][0]
    assert set(policy["practices"]) == set(load_practices())
    assert policy["metadata"]["site"] == "example.com"
    assert [s["title"] for s in policy["sections"]][:2] == ["Privacy Policy | Example",
                                                            "Information We Collect"]
    cookies = policy["practices"]["cookies"]
    assert cookies["value"] == "yes"
    assert cookies["evidence"][0]["section"] == "Cookies"
    assert cookies["evidence"][0]["line"] == 15


def test_json_is_byte_identical_across_runs_and_argument_order() -> None:
    a = run("analyze", str(FIXTURES / "headings.md"), str(FIXTURES / "plain.txt"), "-f", "json")
    b = run("analyze", str(FIXTURES / "plain.txt"), str(FIXTURES / "headings.md"), "-f", "json")
    assert a.stdout == b.stdout


def test_table_shows_practices_and_deciding_sentence() -> None:
    result = run("analyze", str(FIXTURES / "plain.txt"), "-f", "table")
    assert result.exit_code == 0
    out = result.stdout
    assert "data-sale" in out and "We do not sell, rent or trade" in out
    assert "Outline" in out and "PRIVACY POLICY" in out


def test_directory_is_read_recursively(tmp_path: Path) -> None:
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "p.md").write_text("We use cookies.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    data = json.loads(run("analyze", str(tmp_path), "-f", "json").stdout)
    assert [Path(p["path"]).name for p in data["policies"]] == ["p.md"]


def test_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path))
    assert result.exit_code == 2 and "no policy files" in result.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("We do not sell your personal information.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    result = run("analyze", str(tmp_path), "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [Path(p["path"]).name for p in data["policies"]] == ["good.txt"]
    assert Path(data["errors"][0]["path"]).name == "bad.txt"
    assert "bad.txt" in result.stderr


def test_bad_rule_file_names_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text("rules:\n  - id: my-rule\n    practice: data-sale\n    message: m\n"
                     "    pattern:\n      - phrase: [x]\n")
    result = run("analyze", "--rules", str(rules), str(FIXTURES / "plain.txt"))
    assert result.exit_code == 2
    assert f"{rules}:5:5: unknown key 'pattern'" in result.stderr
    assert "did you mean 'patterns'" in result.stderr


def test_version_and_help_do_not_import_spacy() -> None:
    code = ("import sys; from policylens.cli import main; sys.argv=['policylens','--help'];\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules, 'spacy imported by --help'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["eval", "--help"]])
def test_help_has_examples(args: list[str]) -> None:
    out = run(*args).stdout
    assert "Example" in out


def test_unknown_model_is_a_clear_error() -> None:
    result = run("analyze", "--model", "xx_no_such_model", str(FIXTURES / "plain.txt"))
    assert result.exit_code == 2
    assert "xx_no_such_model" in result.stderr and "not installed" in result.stderr


def test_installed_pipeline_is_used_when_asked(tmp_path: Path) -> None:
    """A saved pipeline directory stands in for a user's installed model."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "my_pipeline")
    result = run("analyze", "--model", str(tmp_path / "my_pipeline"), "-f", "json", "-",
                 input="We do not sell your personal information.\n")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["policies"][0]["practices"]["data-sale"]["value"] == "no"
