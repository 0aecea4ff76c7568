"""Lemmas from spaCy's official English lookup table (spacy-lookups-data), so that a lexicon
names `sell` once and "sold", "sells" and "selling" all find it. No trained model is needed."""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import orjson


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """Lowercase word -> lemma (about 42,000 forms). Words the table does not list are their own
    lemma. Folding the shipped table costs about 0.04 s of CPU, so the folded table is kept once
    per install (running/derived.py) and read back in under 0.01 s."""
    from policylens.running.derived import kept

    shipped = _shipped()
    # (the kept copy is named by the shipped table and our own entries: a change to either
    # derives it afresh)
    return kept("en-lemmas", shipped + orjson.dumps(_OWN_LEMMAS), lambda: _folded(shipped), _is_table)


@lru_cache(maxsize=1)
def _shipped() -> bytes:
    return resources.files("spacy_lookups_data").joinpath("data/en_lemma_lookup.json.gz").read_bytes()


def _folded(shipped: bytes) -> dict[str, str]:
    table: dict[str, str] = orjson.loads(gzip.decompress(shipped))
    # The table is case-sensitive and lists some forms only capitalised; policies are read folded.
    return {k.lower(): v.lower() for k, v in reversed(table.items())} | \
        {k: v.lower() for k, v in table.items() if k == k.lower()} | _OWN_LEMMAS


# Forms the table sends to a contraction's lemma that policies use as words: "AI" ("ai n't")
_OWN_LEMMAS = {"ai": "ai"}


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) and all(type(v) is str for v in value.values())


def lemma(word: str) -> str:
    """The lemma of a lowercase word (curly apostrophes read as straight ones)."""
    word = word.replace("\u2019", "'")
    return lemma_table().get(word, word)


def lemmas_of(words: Sequence[str]) -> list[str]:
    """The lemma of each lowercase word whose curly apostrophes are already straight (what
    `lemma` gives each, with one table look-up per word: the statement reader's hot path)."""
    return list(map(lemma_table().get, words, words))  # get(w, w) for each, at C speed


def forms_of(lemmas: set[str]) -> set[str]:
    """Every lowercase form whose lemma is one of `lemmas` (the lemmas included): the words a
    sentence must hold for a statement about them to be possible."""
    out = set(lemmas)
    for form, lem in lemma_table().items():
        if lem in lemmas:
            out.add(form)
    return out


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every form and lemma the table holds: English words, so a word outside it is likely a
    name ("other Vodafone companies")."""
    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Base forms the table gives an "-ing" form of ("develop" from "developing"): the words
    that can be verbs, to tell "to develop partnerships" from "to partners". Kept once per
    install like the table (a walk over its 42,000 forms, about 0.01 s of a cold start)."""
    from policylens.running.derived import kept

    source = b"verbs-1\0" + _shipped() + orjson.dumps(_OWN_LEMMAS)
    return frozenset(kept("en-verb-lemmas", source, _verb_lemmas, _is_word_list))


def _verb_lemmas() -> list[str]:
    out: set[str] = set()
    for form, lem in lemma_table().items():
        if form.endswith("ing") and lem != form:
            out.update((lem, form[:-3], form[:-3] + "e"))  # (the table has "developing" -> "develope")
    return sorted(out)


def _is_word_list(value: Any) -> bool:
    return isinstance(value, list) and all(type(w) is str for w in value)
