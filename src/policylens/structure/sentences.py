"""Run-on sentences cut to a readable size. A policy's list written as one sentence ("to provide
our Services; to verify your identity; ...") or a table row of long cells would otherwise be one
2,000-character "deciding sentence". A spaCy component after the sentencizer cuts every sentence
longer than MAX_SENTENCE_CHARS, only by marking new sentence starts, so the text and every offset
stay exactly as they were."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import IDX, SENT_START
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_SENTENCE_CHARS = 600
COMPONENT = "long_sentences"
# A piece shorter than this is not cut off at a weak boundary when a stronger one comes later.
_MIN_PIECE_CHARS = 120

# Where a run-on sentence can be cut, strongest first: the end of an item of a run-on list
# ("...; ", " - ", " • ", a colon that opens an enumeration), then the end of a clause (", ",
# before "and"/"or"/"but"), then any space.
_ITEM_ENDS = frozenset({";", ":"})
_ITEM_STARTS = frozenset({"\u2022", "\u00b7", "\u25aa", "\u25e6", "-", "\u2013", "\u2014"})
_CLAUSE_WORDS = frozenset({"and", "or", "but", "which", "including", "where", "while"})


def _strength(doc: Doc, k: int) -> int:
    """How good a sentence start token k is (0: not one; 3 the best): the previous token ends a
    list item, this one opens one, a clause ends or begins here, or there is only a space."""
    before, token = doc[k - 1], doc[k]
    if not before.whitespace_ and not token.is_punct and not before.is_punct:
        return 0  # inside a word ("e-mail")
    if before.text in _ITEM_ENDS or (token.text in _ITEM_STARTS and before.whitespace_
                                     and token.whitespace_):
        return 3
    if before.text == "," or (token.lower_ in _CLAUSE_WORDS and before.whitespace_):
        return 2
    return 1 if before.whitespace_ else 0


def _cut(doc: Doc, start: int, end: int, limit: int) -> None:
    """Mark sentence starts inside tokens start..end so that no piece exceeds `limit` characters:
    each cut at the strongest boundary within reach, the latest of that strength."""
    while doc[end - 1].idx + len(doc[end - 1]) - doc[start].idx > limit:
        origin = doc[start].idx
        best = [0, 0, 0, 0]  # latest token of each strength that keeps the piece within limit
        for k in range(start + 1, end):
            if doc[k - 1].idx + len(doc[k - 1]) - origin > limit:
                break
            strength = _strength(doc, k)
            if strength and doc[k].idx - origin >= (_MIN_PIECE_CHARS if strength < 3 else 1):
                best[strength] = k
        cut = best[3] or best[2] or best[1]
        if not cut:  # one 600-character token: the tokenizer's problem, not a sentence's
            return
        doc[cut].is_sent_start = True
        start = cut


@Language.component(COMPONENT)
def split_long_sentences(doc: Doc) -> Doc:
    """Cut every sentence longer than MAX_SENTENCE_CHARS (see the module docstring)."""
    if not len(doc) or doc[-1].idx + len(doc[-1]) <= MAX_SENTENCE_CHARS:  # (Doc.text walks
        return doc  # every token: most blocks are shorter than one long sentence)
    # sentence starts and their characters from one array, not a Span per sentence
    table = doc.to_array([SENT_START, IDX])
    starts = [0, *(k for k in (table[:, 0] == 1).nonzero()[0].tolist() if k), len(doc)]
    chars = table[:, 1].tolist()
    for first, stop in zip(starts, starts[1:], strict=False):
        if stop > first and doc[stop - 1].idx + len(doc[stop - 1]) - chars[first] > MAX_SENTENCE_CHARS:
            _cut(doc, first, stop, MAX_SENTENCE_CHARS)
    return doc
