"""The tokenizer's cheaper prefix and suffix searches (affixes.py) find what spaCy's plain
`search` finds, so the pipeline makes the same tokens as spaCy's own English tokenizer."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# characters spaCy's affix expressions care about: brackets, quotes, units, currency, dots,
# digits, letters of other scripts, a newline (`$` also matches before a final one)
ALPHABET = list("ab.,;:!?)(]['\"%$\u20ac\u00b0\u00b2kmh/s0123456789\u2026-_\n") + [
    "US", "..", "km\u00b2", "\u0643\u0645", "\u043c\u043c", "\u3002", "'s", "n't"]

texts = st.lists(st.sampled_from(ALPHABET), max_size=16).map("".join)
SPAN_SETTINGS = settings(max_examples=400, deadline=None,
                         suppress_health_check=[HealthCheck.function_scoped_fixture])


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@pytest.fixture(scope="module")
def searches():
    from spacy import util
    from spacy.lang.en import English

    from policylens.affixes import SuffixSearch, prefix_search

    prefixes = util.compile_prefix_regex(English.Defaults.prefixes)
    suffixes = util.compile_suffix_regex(English.Defaults.suffixes)
    suffix = SuffixSearch(list(English.Defaults.suffixes), warm_up=0)
    suffix("word.")
    assert suffix.tail is not None  # spaCy's suffixes have the shape it needs
    return prefixes.search, prefix_search(prefixes), suffixes.search, suffix


@SPAN_SETTINGS
@given(texts)
def test_the_same_prefix_and_suffix_matches(searches, text: str):
    plain_prefix, prefix, plain_suffix, suffix = searches
    assert _span(prefix(text)) == _span(plain_prefix(text))
    assert _span(suffix(text)) == _span(plain_suffix(text))
    assert _span(suffix(text)) == _span(plain_suffix(text))  # remembered


@pytest.mark.parametrize("text", [
    "", ".", "word.", "word...", "a" * 40 + "......", "10km", "5km\u00b2", "US$", "(word)",
    "word'", "end.\n", "e-mail.",
    "wait" + "." * 20,  # a run of dots wider than any other suffix: found by its own search
    "speed:10km/h", "at 5mbar", "5\u0627\u0643\u0648\u0627\u0628",  # the widest suffixes
    "speed:10km/h\n", "5\u0627\u0643\u0648\u0627\u0628\n",  # ... before a final newline
])
def test_the_same_suffix_matches_on_edge_cases(searches, text: str):
    _, _, plain_suffix, suffix = searches
    assert _span(suffix(text)) == _span(plain_suffix(text))


def test_expressions_of_another_shape_are_searched_plainly():
    from policylens.affixes import SuffixSearch, prefix_search

    unanchored = re.compile("a|^b")
    assert prefix_search(unanchored) == unanchored.search
    assert prefix_search(re.compile("^a|^b", re.MULTILINE)).__name__ == "search"
    search = SuffixSearch(["a|b"], warm_up=0)  # "a" is not anchored at the end
    assert _span(search("xab")) == (1, 2) and search.tail is None


def test_the_suffix_search_is_plain_until_warmed_up():
    from spacy.lang.en import English

    from policylens.affixes import SuffixSearch

    search = SuffixSearch(list(English.Defaults.suffixes), warm_up=2)
    assert [_span(search(t)) for t in ("word.", "word", "(word)")] == [(4, 5), None, (5, 6)]
    assert search.tail is not None and len(search.memo) == 1  # analysed at the third


def test_the_pipeline_tokenizes_as_spacy_does():
    import spacy

    from policylens.nlp import get_nlp

    text = ("We share e-mail addresses (and U.S. phone numbers...) with partners' services, "
            "e.g. at https://example.com/a.b?c=1; 10km\u00b2, 5$ and \u20ac5!! Don't we?")
    ours = [(t.text, t.idx, t.whitespace_) for t in get_nlp().make_doc(text)]
    assert ours == [(t.text, t.idx, t.whitespace_) for t in spacy.blank("en").make_doc(text)]
