"""Rule texts validated once are not validated again (running/validated.py): the same rules
come back, broken or edited rules are still refused, and a foreign record is ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from policylens import ruleset
from policylens.errors import RuleError
from policylens.ruleset import load_ruleset

BAD = Path(__file__).parent / "fixtures" / "bad_rules"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICYLENS_CACHE_DIR", str(tmp_path))
    return tmp_path


def _records(cache: Path) -> list[Path]:
    return sorted((cache / "rules").glob("validated-*.json"))


def _refuse_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> str:
        raise AssertionError("validated again")

    monkeypatch.setattr(ruleset, "regex_problem", refused)
    monkeypatch.setattr(ruleset, "token_pattern_problem", refused)


def test_second_load_gives_the_same_rules_without_validating_again(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_ruleset()
    assert len(_records(cache)) == 1
    _refuse_checks(monkeypatch)
    second = load_ruleset()
    assert second.rules == first.rules
    assert [r.id for r in second.rules] == [r.id for r in first.rules]


def test_broken_rules_are_refused_and_not_recorded(cache: Path) -> None:
    load_ruleset()
    with pytest.raises(RuleError, match="nested quantifiers"):
        load_ruleset([str(BAD / "catastrophic-regex.yaml")])
    with pytest.raises(RuleError, match="invalid spaCy token pattern|unknown token attribute"):
        load_ruleset([str(BAD / "bad-spacy.yaml")])
    assert len(_records(cache)) == 1  # only the shipped rules' record


def test_a_record_that_does_not_name_its_own_key_is_ignored(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_ruleset()
    (record,) = _records(cache)
    record.write_text('{"key": "something else"}', encoding="utf-8")
    _refuse_checks(monkeypatch)
    with pytest.raises(AssertionError, match="validated again"):
        load_ruleset()


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(ruleset, "check_sources", refused)


def test_second_load_comes_back_compiled_without_parsing(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_ruleset()
    assert len(sorted((cache / "rules").glob("compiled-*.pickle"))) == 1
    _refuse_parsing(monkeypatch)
    second = load_ruleset()
    assert second == first


def test_a_compiled_record_that_does_not_load_is_parsed_afresh_and_rewritten(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_ruleset()
    (kept,) = sorted((cache / "rules").glob("compiled-*.pickle"))
    kept.write_bytes(b"not a pickle")
    assert load_ruleset() == first  # parsed again, not an error
    _refuse_parsing(monkeypatch)
    assert load_ruleset() == first  # and kept again


def test_edited_rules_are_not_served_from_the_compiled_record(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_ruleset()
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "rules:\n"
        "  - id: my-extra-rule\n"
        "    practice: cookies\n"
        "    message: a rule of the user's own\n"
        "    patterns:\n"
        "      - phrase: [biscuit jar]\n", encoding="utf-8")
    ids = [r.id for r in load_ruleset([str(extra)]).rules]
    assert "my-extra-rule" in ids


def test_only_the_newest_compiled_rule_sets_are_kept(cache: Path) -> None:
    from policylens.running.validated import KEPT_COMPILED

    folder = cache / "rules"
    folder.mkdir(parents=True)
    for k in range(KEPT_COMPILED + 3):
        (folder / f"compiled-old{k}.pickle").write_bytes(b"x")
    load_ruleset()
    assert len(list(folder.glob("compiled-*.pickle"))) == KEPT_COMPILED
    assert len(list(folder.glob("validated-*.json"))) == 1  # (the records are tiny: all kept)
