"""The phrase tables' fast paths find what the plain left-to-right walk finds: the longest phrase
at each position, never overlapping, within the stretch asked for (every table of the shipped
lexicon, random runs of its own words among others); and a sentence's lemmas are each word's."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.statements.lemmas import lemma, lemmas_of
from policylens.statements.lexicon import NO_CLASS, Lexicon, PhraseTable, load_lexicon

LEX: Lexicon = load_lexicon()
TABLES = {name: table for name, table in vars(LEX).items() if isinstance(table, PhraseTable)}
# the words the tables' phrases are made of, and a few no phrase starts with
PHRASES = sorted({phrase for t in TABLES.values() for options in t.by_first.values()
                  for phrase, _ in options})
VOCABULARY = sorted({w for phrase in PHRASES for w in phrase}) + ["the", "of", "zebra", "."]
# runs of whole phrases, pieces of phrases and single words: matches that touch, overlap and
# stop short of the stretch's end
PIECES = st.one_of(st.sampled_from(PHRASES).map(list),
                   st.sampled_from(PHRASES).map(lambda p: list(p[1:])),
                   st.sampled_from(VOCABULARY).map(lambda w: [w]))
LEMMAS = st.lists(PIECES, max_size=12).map(lambda parts: [w for p in parts for w in p])


def _walk(table: PhraseTable, lemmas: Sequence[str], start: int, end: int
          ) -> list[tuple[int, int, str]]:
    """The reference: at each position, the longest phrase that fits, else the next position."""
    out = []
    i = start
    while i < end:
        for phrase, name in table.by_first.get(lemmas[i], ()):
            if i + len(phrase) <= end and tuple(lemmas[i:i + len(phrase)]) == phrase:
                out.append((i, i + len(phrase), name))
                i += len(phrase)
                break
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(table=st.sampled_from(sorted(TABLES)),
       lemmas=LEMMAS, bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_find_is_the_longest_match_walk(table: str, lemmas: list[str],
                                        bounds: tuple[int, int]) -> None:
    start, end = min(bounds[0], len(lemmas)), min(bounds[1], len(lemmas))
    found = TABLES[table].find(lemmas, start, end)
    # (a phrase of no class takes its words and is not returned)
    assert found == [m for m in _walk(TABLES[table], lemmas, start, end) if m[2] != NO_CLASS]
    for i in range(start, end):
        hit = TABLES[table].match_at(lemmas, i, end)
        first = _walk(TABLES[table], lemmas, i, end)
        assert hit == ((first[0][1], first[0][2]) if first and first[0][0] == i else None)


def test_a_phrase_is_found_whole_and_longest_first() -> None:
    table = PhraseTable({"provider": ["service provider"], "service": ["service"],
                         "seller": ["provider"]})
    words = ["our", "service", "provider", "and", "service"]
    # "provider" starts a phrase too, but lies inside the longer match
    assert table.find(words, 0, 5) == [(1, 3, "provider"), (4, 5, "service")]
    assert table.find(words, 0, 2) == [(1, 2, "service")]  # the stretch ends inside the phrase
    assert table.find(words, 2, 4) == [(2, 3, "seller")]  # a stretch starting inside it
    assert table.find(words, 3, 4) == []


def test_a_phrase_of_no_class_takes_its_words_from_shorter_ones() -> None:
    table = PhraseTable({NO_CLASS: ["permit by law"], "legal": ["law", "require by law"]})
    words = ["as", "permit", "by", "law", "or", "require", "by", "law"]
    assert table.find(words, 0, 8) == [(5, 8, "legal")]  # "law" inside the first is taken
    assert table.find(words, 3, 8) == [(3, 4, "legal"), (5, 8, "legal")]


def test_lemmas_of_a_sentence_are_each_words_lemma() -> None:
    words = ["we", "sold", "sells", "selling", "brokers", "us", "zebra", "data", "don't"]
    assert lemmas_of(words) == [lemma(w) for w in words]
    assert lemmas_of(words)[:3] == ["we", "sell", "sell"]


def test_a_first_lemma_of_many_phrases_finds_them_by_their_second_too():
    # more phrases under "the" than the table scans one by one: the second lemma picks the few
    many = [f"the shop{k} be sell" for k in range(40)] + ["the", "the clinic be sell", "the clinic"]
    table = PhraseTable({"deal": many})
    lemmas = ["if", "the", "clinic", "be", "sell", ",", "the", "shop7", "be", "sell", "the", "end"]
    assert table.find(lemmas, 0, len(lemmas)) == [(1, 5, "deal"), (6, 10, "deal"), (10, 11, "deal")]
    assert table.match_at(lemmas, 1, 3) == (3, "deal")  # "the clinic": the longest within reach
    assert table.match_at(lemmas, 10, 11) == (11, "deal")  # the last word: the one-word phrase
