"""Verdicts on short excerpts of privacy policies (children, ads, mergers, cookies, sale, sharing)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

EXCERPTS = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "practice_excerpts.yaml").read_text(encoding="utf-8"))


def _case(item: dict) -> object:
    marks = [pytest.mark.xfail(reason=item["miss"], strict=True)] if "miss" in item else []
    return pytest.param(item["p"], item["v"], item["t"], marks=marks, id=f"{item['p']}:{item['t'][:40]}")


@pytest.mark.parametrize("practice, expected, text", [_case(i) for i in EXCERPTS])
def test_excerpt_verdict(analyze_text, practice: str, expected: str, text: str) -> None:
    assert analyze_text(text).practices[practice].value == expected
