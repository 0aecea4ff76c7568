"""The lemma table folded once per install (statements/lemmas.py, running/derived.py): a later
process reads the same table back; a corrupt or foreign copy, or no usable cache folder, only
means folding it again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from policylens import literals
from policylens.literals import kept_required_words, required_words
from policylens.statements import lemmas
from policylens.statements.lemmas import lemma, lemma_table


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("POLICYLENS_CACHE_DIR", str(tmp_path))
    lemma_table.cache_clear()
    yield tmp_path
    lemma_table.cache_clear()


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "models").glob("en-lemmas-*.json"))


def _folded_afresh() -> dict[str, str]:
    lemma_table.cache_clear()
    return lemmas._folded(lemmas.resources.files("spacy_lookups_data").joinpath(
        "data/en_lemma_lookup.json.gz").read_bytes())


def test_the_kept_table_is_the_folded_one(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = lemma_table()
    assert len(_kept(cache)) == 1
    lemma_table.cache_clear()

    def refused(shipped: bytes) -> dict[str, str]:
        raise AssertionError("folded again")

    monkeypatch.setattr(lemmas, "_folded", refused)
    second = lemma_table()
    assert second == first
    assert lemma("sold") == "sell" and lemma("sells") == "sell"


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"sold": 3}'],
                         ids=["corrupt", "a list", "not words"])
def test_a_corrupt_or_foreign_copy_is_folded_again_and_replaced(cache: Path, content: bytes) -> None:
    lemma_table()
    (path,) = _kept(cache)
    path.write_bytes(content)
    lemma_table.cache_clear()
    assert lemma_table() == _folded_afresh()
    assert path.read_bytes() != content


def test_no_usable_cache_folder_still_gives_the_table(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("POLICYLENS_CACHE_DIR", str(blocked))
    lemma_table.cache_clear()
    try:
        assert lemma_table() == _folded_afresh()
    finally:
        lemma_table.cache_clear()


def test_the_kept_verb_forms_are_the_derived_ones(cache: Path) -> None:
    lemmas.verb_lemmas.cache_clear()
    try:
        first = lemmas.verb_lemmas()
        assert (kept := sorted((cache / "models").glob("en-verb-lemmas-*.json")))
        lemmas.verb_lemmas.cache_clear()
        assert lemmas.verb_lemmas() == first == frozenset(lemmas._verb_lemmas())
        assert {"develop", "share"} <= first
        kept[0].write_bytes(b'{"develop": 1}')  # a foreign copy: derived again
        lemmas.verb_lemmas.cache_clear()
        assert lemmas.verb_lemmas() == first
    finally:
        lemmas.verb_lemmas.cache_clear()


_EXPRESSIONS = [r"\bsell(?:s|ing)?\s+(?:your\s+)?data", r"(?:rent|lease)s?", r"\d+", "kids|children"]


def test_the_kept_expression_words_are_what_reading_each_expression_gives(cache: Path) -> None:
    """The words each rule expression cannot match without are read once per install: a later
    process, or one whose copy is corrupt, gets what `required_words` gives each."""
    first = kept_required_words(_EXPRESSIONS)
    assert first == {source: literals._derived_words(source) for source in _EXPRESSIONS}
    # and `required_words` (the rules' attribute expressions ask it) answers what was kept
    assert all(required_words(source) == first[source] for source in _EXPRESSIONS)
    assert first[r"\d+"] is None and first["kids|children"] == (frozenset({"kids", "children"}),)
    (path,) = sorted((cache / "models").glob("regex-words-*.json"))
    assert kept_required_words(reversed(_EXPRESSIONS)) == first  # read back
    for content in (b"{not json", b'{"kids|children": [[]]}', b"[]"):
        path.write_bytes(content)
        assert kept_required_words(_EXPRESSIONS) == first
        assert path.read_bytes() != content
