from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from policylens.engine import Analyzer
from policylens.models import Document, Metadata, Report
from policylens.reading.ingest import load_document
from policylens.ruleset import RuleSet, load_ruleset

# Property tests: in CI the examples are derived from each test (reproducible runs, no flakes);
# locally they are random, so every run explores new inputs.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """Commands the tests run analyse every time (no result cache: a test that breaks the
    analysis on purpose must see it run); the tests of the cache turn it on, into a temporary
    folder. Never the user's cache folder either way."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLICYLENS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.setenv("POLICYLENS_NO_CACHE", "1")
        yield


@pytest.fixture
def refuse(monkeypatch: pytest.MonkeyPatch):
    """Make one call refuse one path, as the file's mode would for a normal user (the tests run
    as root, which reads and writes whatever the mode): `refuse(os, "scandir", path)`."""

    def install(owner: object, name: str, path: str | os.PathLike[str]) -> None:
        real = getattr(owner, name)

        def refused(target: str | os.PathLike[str] = ".", *args: object, **kwargs: object):
            if os.fspath(target) == os.fspath(path):
                raise PermissionError(13, "Permission denied", os.fspath(target))
            return real(target, *args, **kwargs)

        monkeypatch.setattr(owner, name, refused)

    return install


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_ruleset()


@pytest.fixture(scope="session")
def analyzer(ruleset: RuleSet) -> Analyzer:
    return Analyzer(ruleset)


@pytest.fixture
def analyze_text(analyzer: Analyzer):
    """Analyze a literal policy text, as `policylens analyze -` would."""

    def run(text: str) -> Report:
        return analyzer.analyze(Document.build("<test>", text, Metadata()))

    return run


@pytest.fixture
def analyze_file(analyzer: Analyzer):
    def run(path: Path | str) -> Report:
        return analyzer.analyze(load_document(str(path)))

    return run


class Run:
    """The outcome of one CLI invocation: exit code, stdout, stderr lines."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code = code
        self.stdout = stdout
        self.stderr = stderr

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def json(self) -> dict:
        import json

        return json.loads(self.stdout)


@pytest.fixture
def cli():
    """Run `policylens ARGS...` in-process (click's CliRunner), stderr kept apart."""
    from click.testing import CliRunner

    from policylens.cli import cli as group

    def run(*args: str, stdin: bytes | str | None = None) -> Run:
        try:
            runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
        except TypeError:
            runner = CliRunner()
        result = runner.invoke(group, [str(a) for a in args], input=stdin, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run
