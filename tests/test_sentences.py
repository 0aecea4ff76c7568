"""The engine finds the blank pipeline's sentences without running its steps
(`structure/sentences.FastSentencizer`): the same sentences as spaCy's sentencizer followed by
the long-sentence cuts, on any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.structure.sentences import MAX_SENTENCE_CHARS

# words, every kind of token the sentencizer tells apart (sentence ends, other punctuation, words)
# and the boundaries the long-sentence cuts prefer
PIECES = ["we", "share", "Data", "e-mail", "U.S.", "3.5", "a.m.", "(", ")", '"', "'", ",", ";",
          ":", "-", "\u2022", "\u2014", ".", "!", "?", "...", "\u2026", "\u3002", "\u061f", "!?",
          ".)", "and", "or", "which", "https://example.com/a.b", "x" * 30]
SEPARATORS = [" ", " ", " ", "", "\n", "  "]

token_texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)),
                       max_size=120).map(lambda parts: "".join(p + s for p, s in parts))
# long run-ons (several hundred characters), so that the cuts are exercised
run_ons = st.tuples(token_texts, st.integers(min_value=5, max_value=40)).map(
    lambda t: (t[0] + " ") * t[1])


@pytest.fixture(scope="module")
def nlp():
    from policylens.nlp import get_nlp

    return get_nlp()


def _pipeline_sentences(nlp, text: str) -> list[tuple[int, int, int, int]]:
    return [(s.start, s.end, s.start_char, s.end_char) for s in nlp(text).sents]


def _fast_sentences(nlp, text: str) -> list[tuple[int, int, int, int]]:
    from policylens.engine import _fast_sentencizer, _Sentences

    fast = _fast_sentencizer(nlp)
    assert fast is not None  # the blank pipeline is the one it knows
    sents = _Sentences(nlp.make_doc(text), text, fast)
    return [(s.start, s.end, s.start_char, s.end_char) for s in sents.spans]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(token_texts, run_ons))
def test_the_same_sentences_as_the_pipeline(nlp, text: str):
    assert _fast_sentences(nlp, text) == _pipeline_sentences(nlp, text)


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "No full stop here",
    "...",
    "First. Second! Third? (Fourth.) \"Fifth.\" ...sixth",
    "Lists, etc. to others. Inc. and co. etc. Etc. etc. . x",
    "These purposes include: " + "; ".join(f"to do task {k} for the people who use it"
                                          for k in range(40)) + ".",
    " ".join(["word"] * 400),
    "x" * 700 + " and more",
])
def test_the_same_sentences_on_edge_cases(nlp, text: str):
    got = _fast_sentences(nlp, text)
    assert got == _pipeline_sentences(nlp, text)
    if len(text) > MAX_SENTENCE_CHARS and " " in text.strip() and "x" * 700 not in text:
        assert len(got) > 1  # a run-on is cut


def test_no_sentence_starts_after_a_comma(nlp):
    """A section reference ending in a stop ("5.f.") followed by a comma ends no sentence: the
    clause after it is read with its fronted phrase ("in the cases listed ..., we may provide")."""
    text = "In the cases listed in 5.a to 5.f., we may provide data to others. A second one."
    for sentences in (_fast_sentences(nlp, text), _pipeline_sentences(nlp, text)):
        assert [text[a:b] for _, _, a, b in sentences] == [
            "In the cases listed in 5.a to 5.f., we may provide data to others.", "A second one."]


def test_a_lowercase_word_after_an_abbreviations_stop_goes_on_with_the_sentence(nlp):
    """"etc." and "LLC." end no sentence before a lowercase word: the recipients after "etc." are
    the verb's ("we send your activity, purchases, etc. to advertising platforms")."""
    text = ("We send your activity, purchases, etc. to advertising platforms. "
            "Acme LLC. and its affiliates may see it. We keep logs etc. Nothing more.")
    for sentences in (_fast_sentences(nlp, text), _pipeline_sentences(nlp, text)):
        assert [text[a:b] for _, _, a, b in sentences] == [
            "We send your activity, purchases, etc. to advertising platforms.",
            "Acme LLC. and its affiliates may see it.", "We keep logs etc.", "Nothing more."]
