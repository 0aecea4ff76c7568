"""Dogfood: the bundled corpus gets its hand-labelled verdicts, each with evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent.parent / "corpus"
EXPECTED = yaml.safe_load((Path(__file__).parent / "fixtures" / "corpus_expected.yaml").read_text())


# Known misses of the statement reader, kept visible (strict: fixing one fails the test).
KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(reason=KNOWN_MISSES[n], strict=True)])
    if n in KNOWN_MISSES else n
    for n in sorted(EXPECTED)])
def test_corpus_policy_verdicts(analyze_file, name: str) -> None:
    report = analyze_file(CORPUS / name)
    got = {pid: report.practices[pid].value for pid in EXPECTED[name]}
    assert got == EXPECTED[name]
    for pid, value in got.items():
        verdict = report.practices[pid]
        if value != "not-mentioned":
            assert verdict.evidence, f"{pid}: a verdict without evidence"
            first = verdict.evidence[0]
            assert first.line >= 1 and first.sentence


def test_seed_001_mojibake_is_repaired(analyze_file) -> None:
    report = analyze_file(CORPUS / "001_3ce67233d722ec1e.txt")
    assert report.metadata.repaired
    assert report.metadata.site == "audiomicro.com" and report.metadata.archived == "2014-02-09"
