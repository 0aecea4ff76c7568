"""Patterns split at their gaps find exactly the matches spaCy's Matcher finds for the whole
pattern: the engine relies on it to run gaps in Python instead of in the Matcher."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.gaps import Gap, gap_of, join, repeats, split
from policylens.nlp import get_nlp

WORDS = ["we", "data", ".", "not"]  # few words: most random texts hold matches


@pytest.fixture(scope="module")
def nlp() -> Any:
    return get_nlp()


class Both:
    """One pattern's matches found two ways: by the Matcher on the whole pattern, and by the
    Matcher on its parts joined by `join`."""

    def __init__(self, nlp: Any, pattern: list[dict]) -> None:
        from spacy.matcher import Matcher

        self.nlp = nlp
        self.whole = Matcher(nlp.vocab)
        self.whole.add("p", [pattern])
        self.plan = split(pattern, nlp.vocab.strings)
        self.parts = []
        for part in self.plan.parts if self.plan else ():
            matcher = Matcher(nlp.vocab)
            matcher.add("p", [part])
            self.parts.append(matcher)

    def found(self, words: list[str], a: int, b: int) -> tuple[set, set]:
        from spacy.tokens import Doc

        assert self.plan is not None
        doc = Doc(self.nlp.vocab, words=words)
        whole = {(a + s, a + e) for _, s, e in self.whole(doc[a:b])}
        found = [{(a + s, a + e) for _, s, e in m(doc[a:b])} for m in self.parts]
        lows = [self.nlp.vocab.strings.add(w.lower()) for w in words]
        return join(self.plan, found, lows, a), whole


word_lists = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2, unique=True)
texts = st.lists(st.sampled_from(WORDS + ["We", "DATA"]), min_size=1, max_size=14)
solid = st.one_of(
    word_lists.map(lambda ws: {"LOWER": {"IN": ws}}),
    st.sampled_from(WORDS).map(lambda w: {"LOWER": w}),
    word_lists.map(lambda ws: {"LOWER": {"IN": ws}, "OP": "+"}),
)
optional = word_lists.map(lambda ws: {"LOWER": {"IN": ws}, "OP": "?"})
gap = st.tuples(st.sampled_from(["*", "{0,2}", "{0,3}", "{,4}"]),
                st.sampled_from(["any", "IN", "NOT_IN"]), word_lists).map(
    lambda t: {"OP": t[0]} if t[1] == "any" else {"OP": t[0], "LOWER": {t[1]: t[2]}})


@st.composite
def patterns(draw: st.DrawFn) -> list[dict]:
    tokens: list[dict] = []
    if draw(st.booleans()):
        tokens.append(draw(gap))  # an opening gap
    for i in range(draw(st.integers(1, 3))):
        if i:
            tokens.append(draw(gap))
        tokens.append(draw(solid))
        if draw(st.booleans()):
            tokens.append(draw(st.one_of(optional, solid)))
    return tokens


@settings(max_examples=1000, deadline=None)
@given(pattern=patterns(), words=texts, data=st.data())
def test_split_patterns_find_what_the_whole_pattern_finds(nlp: Any, pattern: list[dict],
                                                          words: list[str], data: Any) -> None:
    a, b = 0, len(words)  # the whole text, or a stretch of it (as the engine searches)
    if data.draw(st.booleans()):
        a = data.draw(st.integers(0, len(words) - 1))
        b = data.draw(st.integers(a + 1, len(words)))
    both = Both(nlp, pattern)
    if both.plan is not None:
        joined, whole = both.found(words, a, b)
        assert joined == whole


SMALL_PATTERNS = [
    [{"LOWER": "we"}, {"OP": op, **test}, {"LOWER": {"IN": ["data", "we"]}}]
    for op in ("{0,2}", "{0,3}", "*")
    for test in ({}, {"LOWER": {"NOT_IN": ["."]}}, {"LOWER": {"IN": ["we", "."]}})
] + [
    [{"OP": "{0,2}", "LOWER": {"IN": ["we", "not"]}}, {"LOWER": "data"}],
    [{"OP": "*", "LOWER": {"NOT_IN": ["."]}}, {"LOWER": "data", "OP": "+"}],
    [{"OP": "*"}, {"LOWER": "we"}, {"OP": "{0,2}"}, {"LOWER": "data"}, {"LOWER": "not", "OP": "?"}],
]


@pytest.mark.parametrize("pattern", SMALL_PATTERNS, ids=str)
def test_every_short_text_gets_the_same_matches(nlp: Any, pattern: list[dict]) -> None:
    """Every text of up to six tokens over a small vocabulary, whole and from each start."""
    from itertools import product

    both = Both(nlp, pattern)
    for size in range(1, 7):
        for words in product(["we", "data", ".", "not"], repeat=size):
            for a in range(0, size, 3):
                joined, whole = both.found(list(words), a, size)
                assert joined == whole, (words, a)


def test_a_gap_is_star_or_zero_to_n_testing_only_the_lowercase_form(nlp: Any) -> None:
    strings = nlp.vocab.strings
    assert gap_of({"OP": "{0,12}", "LOWER": {"NOT_IN": [".", ";"]}}, strings) == \
        Gap(12, None, frozenset({strings["."], strings[";"]}))
    assert gap_of({"OP": "*"}, strings) == Gap(None, None, frozenset())
    assert gap_of({"OP": "{0,3}", "LOWER": {"IN": ["a"]}}, strings).allowed == {strings["a"]}
    assert gap_of({"OP": "?"}, strings) is None  # one optional token: not worth a split
    assert gap_of({"OP": "{1,3}"}, strings) is None  # at least one token: not a gap
    assert gap_of({"OP": "*", "IS_PUNCT": False}, strings) is None  # tests more than LOWER
    assert gap_of({"OP": "*", "LOWER": {"REGEX": "x"}}, strings) is None


def test_gaps_beside_parts_that_can_be_empty_stay_in_the_pattern(nlp: Any) -> None:
    strings = nlp.vocab.strings
    a, b = {"LOWER": "we"}, {"LOWER": "data"}
    maybe = {"LOWER": "not", "OP": "?"}
    any_gap = {"OP": "{0,3}"}
    assert split([a, any_gap, b], strings).parts == ([a], [b])
    assert split([a, any_gap, maybe, any_gap, b], strings).parts == ([a], [maybe, any_gap, b])
    assert split([a, b], strings) is None
    assert split([a, any_gap], strings) is None  # a closing gap ends where the text searched ends
    led = split([any_gap, a], strings)
    assert led is not None and led.parts == ([a],) and led.lead == Gap(3, None, frozenset())


@pytest.mark.parametrize("op, span", [
    ("", (1, 1)), ("!", (1, 1)), ("?", (0, 1)), ("*", (0, None)), ("+", (1, None)),
    ("{3}", (3, 3)), ("{0,12}", (0, 12)), ("{,4}", (0, 4)), ("{2,}", (2, None)),
    ("{1,3}", (1, 3)), ("x", None)])
def test_repeats_reads_every_op_spacy_takes(op: str, span: tuple[int, int | None] | None) -> None:
    assert repeats({"OP": op} if op else {}) == span
