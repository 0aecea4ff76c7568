from __future__ import annotations

from pathlib import Path

import pytest

from policylens.engine import Analyzer
from policylens.ingest import load_document
from policylens.models import Document, Metadata, Report
from policylens.ruleset import RuleSet, load_ruleset

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """Every command the tests run caches into a fresh temporary folder, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLICYLENS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("POLICYLENS_NO_CACHE", raising=False)
        yield


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
