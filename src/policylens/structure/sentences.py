"""Run-on sentences cut to a readable size. A policy's list written as one sentence ("to provide
our Services; to verify your identity; ...") or a table row of long cells would otherwise be one
2,000-character "deciding sentence". A spaCy component after the sentencizer cuts every sentence
longer than MAX_SENTENCE_CHARS, only by marking new sentence starts, so the text and every offset
stay exactly as they were."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress, count
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDX, LENGTH, SENT_START
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
_ITEM_STARTS = frozenset({"\u2022", "\u00b7", "\u25aa", "\u25e6", "\u25cf", "\u25a0", "-", "\u2013",
                          "\u2014"})
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


def _cuts(doc: Doc, start: int, end: int, limit: int) -> list[int]:
    """Sentence starts inside tokens start..end so that no piece exceeds `limit` characters:
    each cut at the strongest boundary within reach, the latest of that strength."""
    cuts: list[int] = []
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
            break
        cuts.append(cut)
        start = cut
    return cuts


def long_sentence_cuts(doc: Doc, starts: list[int], char_starts: list[int],
                       char_ends: list[int]) -> list[int]:
    """The new sentence starts that cut every sentence (tokens starts[i]..starts[i + 1], the
    last up to the end) longer than MAX_SENTENCE_CHARS, in order; token offsets given."""
    cuts: list[int] = []
    if not starts or char_ends[-1] <= MAX_SENTENCE_CHARS:
        return cuts
    bounds = [*starts, len(doc)]
    for first, stop in zip(bounds, bounds[1:], strict=False):
        if stop > first and char_ends[stop - 1] - char_starts[first] > MAX_SENTENCE_CHARS:
            cuts.extend(_cuts(doc, first, stop, MAX_SENTENCE_CHARS))
    return cuts


# A sentence never starts right after a comma: "in the cases 5.a to 5.f., we may" is one
# sentence (the tokenizer leaves the stop of "5.f." apart; a comma follows no sentence's end).
# Not a semicolon: it joins a table row's cells ("Identifiers.; A real name, ..."), each its own.
JOINERS = (",",)
# Nor right after the stop of an abbreviation the tokenizer leaves apart when a lowercase word
# follows: "names, e-mail addresses, etc. to our partners", "Acme LLC. and its affiliates".
ABBREVIATIONS = frozenset({"etc", "approx", "incl", "esp", "cf", "viz", "sec", "llc", "inc", "ltd",
                           "corp", "co", "dept", "resp", "excl"})


def _abbreviation_forms() -> frozenset[str]:
    """The spellings of ABBREVIATIONS a text may hold: lowercase, capitalised, upper case."""
    return frozenset(f for a in ABBREVIATIONS for f in (a, a.capitalize(), a.upper()))


ABBREVIATION_FORMS = _abbreviation_forms()


def _continues(before: str, stop: str, after: str) -> bool:
    """Whether a sentence goes on past a stop: "etc" + "." + "to" (see ABBREVIATIONS)."""
    return stop == "." and before in ABBREVIATION_FORMS and after[:1].islower()


def sentence_starts(orths: list[int], ends: frozenset[int], is_punct: Callable[[int], bool],
                    joiners: frozenset[int] = frozenset(),
                    continues: Callable[[int, int, int], bool] | None = None) -> list[int]:
    """The first token of each sentence, as spaCy's sentencizer marks them, from the tokens'
    ORTH ids: a sentence starts at the first token that is neither punctuation nor one of the
    sentence-ending characters (`ends`, their ids) after one of those characters, unless the
    token before it is one of `joiners` (their ids) or `continues` says the sentence goes on
    past an abbreviation (the ids of the word before the stop, the stop and the next word)."""
    if not orths:
        return []
    starts = [0]
    n = len(orths)
    reach = 0  # the ends before it lead to the start already found
    for i in compress(count(), map(ends.__contains__, orths)):  # (found at C speed)
        if i < reach:
            continue
        j = i + 1
        while j < n and (orths[j] in ends or is_punct(orths[j])):
            j += 1
        reach = j
        if j < n and orths[j - 1] not in joiners and not (
                continues is not None and j == i + 1 and i > 0
                and continues(orths[i - 1], orths[i], orths[j])):
            starts.append(j)
    return starts


class FastSentencizer:
    """The sentence starts of the blank pipeline's two steps (spaCy's sentencizer, then the cuts
    above) worked out from one array of the tokens' ids instead of a Token object per token; the
    same starts, which the Doc is then not given (only the engine reads them).
    `tests/test_sentences.py` checks them against the pipeline's own."""

    def __init__(self, vocab: Any, punct_chars: Iterable[str]) -> None:
        self.vocab = vocab
        self.ends = frozenset(vocab.strings[c] for c in punct_chars)
        self.joiners = frozenset(vocab.strings.add(c) for c in JOINERS)
        self.abbreviations = frozenset(vocab.strings.add(c) for c in ABBREVIATION_FORMS)
        self.punct: dict[int, bool] = {}

    def is_punct(self, orth: int) -> bool:
        """Lexeme.is_punct of a token id, remembered."""
        found = self.punct.get(orth)
        if found is None:
            found = self.punct[orth] = bool(self.vocab[orth].is_punct)
        return found

    def continues(self, before: int, stop: int, after: int) -> bool:
        """`_continues` on token ids; the strings looked up only after an abbreviation."""
        if before not in self.abbreviations:
            return False
        strings = self.vocab.strings
        return _continues(strings[before], strings[stop], strings[after])

    def starts(self, doc: Doc, orths: list[int], char_starts: list[int],
               char_ends: list[int]) -> list[int]:
        """The first token of each sentence of a tokenized (not sentencized) Doc."""
        starts = sentence_starts(orths, self.ends, self.is_punct, self.joiners, self.continues)
        cuts = long_sentence_cuts(doc, starts, char_starts, char_ends)
        return sorted(starts + cuts) if cuts else starts


@Language.component(COMPONENT)
def split_long_sentences(doc: Doc) -> Doc:
    """Join a sentence that starts after a comma to the one before (JOINERS), then cut every
    sentence longer than MAX_SENTENCE_CHARS (see the module docstring)."""
    for k in range(1, len(doc)):
        if doc[k].is_sent_start and (doc[k - 1].text in JOINERS or (
                k > 1 and _continues(doc[k - 2].text, doc[k - 1].text, doc[k].text))):
            doc[k].is_sent_start = False
    if not len(doc) or doc[-1].idx + len(doc[-1]) <= MAX_SENTENCE_CHARS:  # (Doc.text walks
        return doc  # every token: most blocks are shorter than one long sentence)
    # sentence starts and their characters from one array, not a Span per sentence
    table = doc.to_array([SENT_START, IDX, LENGTH])
    starts = [0, *(k for k in (table[:, 0] == 1).nonzero()[0].tolist() if k)]
    chars = table[:, 1].tolist()
    ends = (table[:, 1] + table[:, 2]).tolist()
    for cut in long_sentence_cuts(doc, starts, chars, ends):
        doc[cut].is_sent_start = True
    return doc
