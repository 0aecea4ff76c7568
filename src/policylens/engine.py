"""Rules over sentences -> findings. Builds the spaCy pipeline and matchers once per Analyzer."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import compress, count
from typing import TYPE_CHECKING, Any, overload

from policylens.answers import (
    MAX_LABEL_WORDS,
    STAND_IN_WORDS,
    TOPIC_PRACTICES,
    Answers,
    Pending,
    Sentence,
    has_anaphor,
    inline_label,
    line_kind,
    load_topics,
    topics_in,
)
from policylens.gaps import Split, join, repeats, split
from policylens.literals import (
    Bits,
    Needs,
    WordIndex,
    holds_bits,
    kept_required_words,
    normalize,
    required_words,
    sum_bits,
)
from policylens.models import Attributes, AttrValue, Document, Finding, NearMiss, Report, Section
from policylens.nlp import BLANK, get_nlp
from policylens.polarity import Cue, PolarityDetector
from policylens.ruleset import Pattern, Rule, RuleSet
from policylens.senses import load_senses
from policylens.statements import Extracted, StatementReader
from policylens.statements.lemmas import forms_of, lemma, lemmas_of
from policylens.statements.lexicon import load_lexicon
from policylens.statements.onward import OPENERS as ONWARD_OPENERS
from policylens.statements.replies import ANSWER_OPENING, as_whom_question, names_no_one, opens_reply
from policylens.statements.restated import FIRST_WORDS as RESTATING_OPENERS
from policylens.statements.restated import restates
from policylens.statements.tables import NO, YES, TableReader, TableStatement
from policylens.statements.words import (
    CASE_OPENERS,
    DEFINING,
    FINITE,
    PERSONS,
    QUOTES,
    SHARING_ASKED,
    SUBORDINATORS,
    denied_acts_lead,
    labels_categories,
    names_to_whom,
    without_mark,
)
from policylens.structure.blocks import Block, asks_whom, iter_blocks, outside_contents, points_below
from policylens.structure.sections import parse_sections, section_at
from policylens.verdicts import decide_all
from policylens.verdicts.flows import DECISIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from policylens.structure.sentences import FastSentencizer

# pronouns that open a list item which is a sentence of its own, not its lead-in's continuation
ITEM_SUBJECTS = PERSONS | {"it"}
MAX_SENTENCE_CHARS = 3000  # regexes run on at most this much of one sentence
# a definition of a quoted term: the term within the first words, then a defining verb
DEFINED_TERM_WORDS = 16
# a table cell that answers its row: yes or no
ANSWER_WORDS = YES | NO
# a list's lead-in that denies its items: a negation in a short one ("We will never:")
LEAD_NEGATIONS = frozenset({"not", "never", "n't", "n’t"})
DENYING_LEAD_WORDS = 8
# how far into a sentence a phrase referring back to the one before may stand ("If that happens")
BACK_REFERENCE_WORDS = 6


@lru_cache(maxsize=1)
def _table() -> list[int | str]:
    """The token attributes a block's table holds: LOWER, IDX, LENGTH, ORTH (spaCy's ids; this
    module is imported without spaCy)."""
    from spacy.attrs import IDX, LENGTH, LOWER, ORTH

    return [LOWER, IDX, LENGTH, ORTH]


@lru_cache(maxsize=1)
def _is_title() -> list[int | str]:
    from spacy.attrs import IS_TITLE

    return [IS_TITLE]


@dataclass(frozen=True)
class _Hit:
    start: int  # token span in the block doc
    end: int


def _as_words(tokens: list[dict], nlp: object) -> tuple[list[str], list[dict] | None]:
    """A one-token pattern that only lists lowercase words ({LOWER: {IN: [...]}} or {LOWER: w})
    as the words a PhraseMatcher can find instead (those the tokenizer keeps whole), and the token
    pattern still needed for the rest (None when nothing is left)."""
    if len(tokens) != 1 or set(tokens[0]) != {"LOWER"}:
        return [], tokens
    spec = tokens[0]["LOWER"]
    if isinstance(spec, str):
        listed = [spec]
    elif isinstance(spec, dict) and set(spec) == {"IN"} and isinstance(spec["IN"], list):
        listed = [str(w) for w in spec["IN"]]
    else:
        return [], tokens
    whole = [w for w in listed if w == w.lower() and len(nlp.make_doc(w)) == 1]  # type: ignore[attr-defined]
    rest = [w for w in listed if w not in whole]
    return whole, ([{"LOWER": {"IN": rest}}] if rest else None)


def _words_of(token: dict, strings: object) -> frozenset[int] | None:
    """Hashes of the words a token must be one of, if it must be there (no `?`, `*` or `{0,n}`)
    and lists lowercase words; None when it promises no word (NOT_IN, REGEX, other attributes
    alone, optional), so no test built on it can rule out a sentence that could match."""
    span = repeats(token)
    if span is None or span[0] < 1 or token.get("OP") == "!":  # "!": the word must NOT be there
        return None
    spec = token.get("LOWER")
    if isinstance(spec, str):
        return frozenset([strings.add(spec)])  # type: ignore[attr-defined]
    if isinstance(spec, dict) and isinstance(spec.get("IN"), list) and set(spec) == {"IN"}:
        return frozenset(strings.add(str(w)) for w in spec["IN"])  # type: ignore[attr-defined]
    return None


def _requirements(tokens: list[dict], strings: object) -> tuple[frozenset[int], ...]:
    """For each token a pattern cannot match without, the words it must be one of: a sentence
    can hold a match only if it holds a word of every set."""
    return tuple(w for w in (_words_of(t, strings) for t in tokens) if w is not None)


def _longest(tokens: list[dict]) -> int | None:
    """The most tokens a match of the pattern can span; None when unbounded (`*`, `+`, `{n,}`)."""
    total = 0
    for span in map(repeats, tokens):
        if span is None or span[1] is None:
            return None
        total += span[1]
    return total


class _WordStrings(dict[int, str]):
    """A word's string from its hash, remembered: a dictionary look-up (run at C speed by `map`)
    instead of a call into spaCy's StringStore per token. Cleared when it grows past LIMIT
    entries, so memory stays flat over a corpus."""

    LIMIT = 200_000

    def __init__(self, strings: Any) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        value: str = self.strings[key]
        self[key] = value
        return value


class _Sentence:
    """A sentence's tokens start..end and characters start_char..end_char in its block (what a
    spaCy Span gives, without making one)."""

    __slots__ = ("start", "end", "start_char", "end_char")

    def __init__(self, start: int, end: int, start_char: int, end_char: int) -> None:
        self.start, self.end, self.start_char, self.end_char = start, end, start_char, end_char


class _Sentences:
    """A block's sentences, with the lowercase word hashes of each, worked out once per block.
    With `sentencizer`, the Doc is only tokenized and the sentences are found here (the blank
    pipeline's steps, from the same array as the words); otherwise they are the Doc's."""

    def __init__(self, doc: Doc, text: str | None = None,
                 sentencizer: FastSentencizer | None = None) -> None:
        self.doc = doc
        self.doc_text = doc.text if text is None else text  # Doc.text walks every token
        lows: list[int] = []
        self.char_starts: list[int] = []  # of each token in doc_text
        self.char_ends: list[int] = []
        self.spans: list[Any]
        if sentencizer is not None:
            orths: list[int] = []
            if len(doc):
                lows, self.char_starts, lengths, orths = doc.to_array(_table()).T.tolist()
                self.char_ends = list(map(operator.add, self.char_starts, lengths))
            bounds = sentencizer.starts(doc, orths, self.char_starts, self.char_ends)
            bounds.append(len(doc))
            starts, ends = self.char_starts, self.char_ends
            self.spans = [_Sentence(a, b, starts[a], ends[b - 1])
                          for a, b in zip(bounds, bounds[1:], strict=False)]
        else:
            self.spans = list(doc.sents)
            if len(doc):
                table = doc.to_array(_table()[:3])
                lows, self.char_starts = table[:, 0].tolist(), table[:, 1].tolist()
                self.char_ends = (table[:, 1] + table[:, 2]).tolist()
        self.starts = [s.start for s in self.spans]
        self.lows = lows
        self.words = [set(lows[s.start:s.end]) for s in self.spans]
        # the block's distinct words (the three indexes ask; neither set is ever changed, so a
        # block that is one sentence shares it)
        self.block_words = self.words[0] if len(self.spans) == 1 and self.spans[0].start == 0 \
            and self.spans[0].end == len(lows) else set(lows)
        self.literals: int | None = None  # which words of the rules' expressions occur here
        # and in each sentence (its first MAX_SENTENCE_CHARS, what the expressions read)
        self.sentence_literals: list[int | None] = [None] * len(self.spans)
        self._titles: list[bool] | None = None

    def titles(self) -> list[bool]:
        """Token.is_title of every token, read in one call on first use (not a Token each)."""
        if self._titles is None:
            doc = self.doc
            self._titles = doc.to_array(_is_title()).astype(bool).tolist() if len(doc) else []
        return self._titles

    def text(self, i: int) -> str:
        """Sentence i's text (what Span.text gives, without walking its tokens)."""
        span = self.spans[i]
        return self.doc_text[span.start_char:span.end_char]

    def lower_words(self, i: int, strings: _WordStrings) -> list[str]:
        """Sentence i's lowercase tokens as strings (what the statement reader reads)."""
        span = self.spans[i]
        return list(map(strings.__getitem__, self.lows[span.start:span.end]))

    def tokens_text(self, start: int, end: int) -> str:
        """The text of tokens start..end (what Span.text gives, without making the Span)."""
        return self.doc_text[self.char_starts[start]:self.char_ends[end - 1]] if end > start else ""

    def inside(self, i: int, hits: Iterable[_Hit]) -> list[_Hit]:
        """The hits that lie wholly inside sentence i."""
        span = self.spans[i]
        return [h for h in hits if span.start <= h.start and h.end <= span.end]

    def containing(self, hit: _Hit) -> int | None:
        """The sentence a hit lies wholly inside, if any (a finding never spans two)."""
        i = bisect.bisect_right(self.starts, hit.start) - 1
        return i if i >= 0 and hit.end <= self.spans[i].end else None


# the key under which `_Carried.item_before` keeps a paragraph's last sentence (a list item's is
# its list's lead)
_PARAGRAPH = -1
# what a heading naming the act of sharing ("Disclosures", "Information we share") asks of the
# list right under it, whose items name the recipients
SECTION_QUESTION = ("who", "receives", "your", "information", "?")
# what such a heading says to an item that names a case instead of a recipient ("Disclosures" +
# "* To comply with a court order"): the act, of a closed list, which the item completes as a
# lead-in's items do
SECTION_ACT = ("we", "only", "share", "your", "information")


class _Names(Sequence[bool]):
    """Whether each token the statement reader reads (`head` tokens of a lead-in, then sentence
    tokens start..end) is capitalised next to another capitalised word of the sentence: a name,
    no verb. Worked out only for the tokens the reader asks about (its action words), and the
    block's capitals read only then."""

    def __init__(self, sents: _Sentences, head: int, start: int, end: int) -> None:
        self.sents = sents
        self.head = head
        self.start = start
        self.end = end

    def __len__(self) -> int:
        return self.head + self.end - self.start

    @overload
    def __getitem__(self, j: int) -> bool: ...

    @overload
    def __getitem__(self, j: slice) -> list[bool]: ...

    def __getitem__(self, j: int | slice) -> bool | list[bool]:
        if type(j) is not int or not 0 <= j < len(self):
            return [self[k] for k in range(len(self))][j]
        if j < self.head:
            return False
        k = self.start + j - self.head
        title = self.sents.titles()
        return k > self.start and title[k] and ((k + 1 < self.end and title[k + 1]) or title[k - 1])


class _Needs:
    """The word sets the patterns of an index need, numbered, with the sets each word is in, so
    that which patterns a sentence can hold comes down to set look-ups and subset tests."""

    def __init__(self) -> None:
        self.ids: dict[frozenset[int], int] = {}
        self.sizes: list[int] = []  # by id: how many words meet the set
        self.by_word: dict[int, set[int]] = {}
        self.keys: frozenset[int] = frozenset()

    def pattern(self, needs: tuple[frozenset[int], ...]) -> frozenset[int]:
        """The ids of a pattern's word sets (all must be met)."""
        out = []
        for words in needs:
            if words not in self.ids:
                self.ids[words] = len(self.ids)
                self.sizes.append(len(words))
                for word in words:
                    self.by_word.setdefault(word, set()).add(self.ids[words])
            out.append(self.ids[words])
        return frozenset(out)

    def met(self, words: set[int]) -> set[int]:
        """The ids of the word sets these words meet."""
        out: set[int] = set()
        if len(self.keys) != len(self.by_word):
            self.keys = frozenset(self.by_word)
        for word in words & self.keys:  # set & set walks the smaller one
            out |= self.by_word[word]
        return out


class _Subset:
    """A Matcher of some of a rule's patterns (those split at their gaps run as their parts,
    joined here), with the words their matches can start with and end with (None: any word) and
    the most tokens a match can span (None: no bound)."""

    def __init__(self, vocab: Any, rule_id: str, patterns: list[list[dict]],
                 splits: list[Split | None], firsts: list[frozenset[int] | None],
                 lasts: list[frozenset[int] | None], longest: list[int | None]) -> None:
        from spacy.matcher import Matcher

        # validated when the rules were loaded (ruleset.token_pattern_problem)
        self.matcher = Matcher(vocab, validate=False)
        self.whole = vocab.strings.add(rule_id)
        self.parts: dict[int, tuple[int, int]] = {}  # part's key -> (which split, which part)
        # a part that is one word of a list needs no Matcher (whose IN test is a Python call per
        # token and list): word -> the parts it is
        self.word_parts: dict[int, list[tuple[int, int]]] = {}
        self.splits = [s for s in splits if s is not None]
        whole = [p for p, s in zip(patterns, splits, strict=True) if s is None]
        if whole:
            self.matcher.add(rule_id, whole)
        for n, plan in enumerate(self.splits):
            for k, part in enumerate(plan.parts):
                words = _words_of(part[0], vocab.strings) if len(part) == 1 \
                    and set(part[0]) == {"LOWER"} else None
                if words is not None:
                    for word in words:
                        self.word_parts.setdefault(word, []).append((n, k))
                    continue
                key = f"{rule_id}\x00{n}.{k}"
                self.matcher.add(key, [part])
                self.parts[vocab.strings.add(key)] = (n, k)
        self.firsts = None if any(f is None for f in firsts) else frozenset().union(*firsts)  # type: ignore[arg-type]
        self.lasts = None if any(x is None for x in lasts) else frozenset().union(*lasts)  # type: ignore[arg-type]
        self.longest = None if any(n is None for n in longest) else max(longest)  # type: ignore[type-var]

    def spans(self, doc: Doc, a: int, b: int, lows: list[int]) -> list[tuple[int, int]]:
        """The (start, end) of every match inside tokens a..b of the doc."""
        out: list[tuple[int, int]] = []
        found: list[list[set[tuple[int, int]]]] = [[set() for _ in p.parts] for p in self.splits]
        if self.word_parts:
            for i in range(a, b):
                for n, k in self.word_parts.get(lows[i], ()):
                    found[n][k].add((i, i + 1))
        for key, start, end in self.matcher(doc[a:b]) if len(self.matcher) else ():
            if key == self.whole:
                out.append((a + start, a + end))
            else:
                n, k = self.parts[key]
                found[n][k].add((a + start, a + end))
        for plan, parts in zip(self.splits, found, strict=True):
            out.extend(join(plan, parts, lows, a))
        return out


class _RuleMatcher:
    """One rule's token patterns, with what each needs, and a Matcher for each subset of them
    that some stretch of text can hold (built when first needed, then kept): a sentence where
    only two of a rule's thirty patterns are possible runs those two, not thirty."""

    CACHE = 256  # subsets kept per rule

    def __init__(self, nlp: Any, rule_id: str, patterns: list[list[dict]], needs: _Needs,
                 split_gaps: bool = True) -> None:
        strings = nlp.vocab.strings
        self.vocab = nlp.vocab
        self.rule_id = rule_id
        self.patterns = patterns
        self.needs = tuple(needs.pattern(_requirements(t, strings)) for t in patterns)
        self.firsts = tuple(_words_of(t[0], strings) for t in patterns)
        self.lasts = tuple(_words_of(t[-1], strings) for t in patterns)
        self.longest = tuple(_longest(t) for t in patterns)
        self.splits = tuple(split(t, strings) if split_gaps else None for t in patterns)
        self.everything = frozenset(range(len(patterns)))
        # built when a stretch of text first needs them: a run of one policy meets a few
        self.subsets: dict[frozenset[int], _Subset] = {}

    def possible(self, met: set[int], among: Iterable[int] | None = None) -> frozenset[int]:
        """The patterns (of `among`, or all) whose every word set is met."""
        return frozenset(i for i in (range(len(self.needs)) if among is None else among)
                         if self.needs[i] <= met)

    def subset(self, chosen: frozenset[int]) -> _Subset:
        """A Matcher of just these patterns (built on first use, then kept)."""
        found = self.subsets.get(chosen)
        if found is None:
            picked = sorted(chosen)
            found = _Subset(self.vocab, self.rule_id, [self.patterns[i] for i in picked],
                            [self.splits[i] for i in picked], [self.firsts[i] for i in picked],
                            [self.lasts[i] for i in picked], [self.longest[i] for i in picked])
            if len(self.subsets) >= self.CACHE:
                full = self.subsets.get(self.everything)
                self.subsets.clear()
                if full is not None:
                    self.subsets[self.everything] = full
            self.subsets[chosen] = found
        return found


def _windows(lows: list[int], first: int, last: int, firsts: frozenset[int] | None,
             lasts: frozenset[int] | None, longest: int | None) -> list[tuple[int, int]]:
    """The stretches of tokens first..last where a match can lie: from the first word a match
    can start with to the last it can end with; and, when matches have a bounded length, only
    within that length of a word they can start with (separate stretches, one Matcher call each,
    when that leaves out a good part)."""
    if firsts is not None:
        while first < last and lows[first] not in firsts:
            first += 1
    if lasts is not None:
        while last > first and lows[last - 1] not in lasts:
            last -= 1
    if first >= last:
        return []
    if firsts is None or longest is None or last - first <= 2 * longest:
        return [(first, last)]
    windows: list[tuple[int, int]] = []
    for i in range(first, last):
        if lows[i] in firsts:
            end = min(i + longest, last)
            if windows and i <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((i, end))
    return windows


_Run = tuple[int, int, frozenset[int]]  # first sentence, last sentence, patterns possible there


def _runs(sentences: Iterable[int], possible: Any) -> list[_Run]:
    """Consecutive sentences where some pattern is possible, merged (one Matcher call each)."""
    runs: list[_Run] = []
    for i in sentences:
        patterns = possible(i)
        if not patterns:
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i, runs[-1][2] | patterns)
        else:
            runs.append((i, i, patterns))
    return runs


class _PatternIndex:
    """Token, phrase and regex patterns of one role (trigger, requires, exclude), keyed by rule.

    The spaCy Matcher tries every pattern at every token, so its cost grows with the number of
    patterns and tokens. So one-token word lists are set look-ups (longer phrases go to one
    PhraseMatcher), and each rule's other token patterns run only on the sentences that hold a
    word of every token set they need (consecutive sentences in one call, from the first word a
    match can start with to the last it can end with), only the patterns that can match there,
    and, for requires and exclude, only on the sentences where the rule's triggers fired. Only
    matches inside one sentence ever count, so none that counts is missed.
    """

    def __init__(self, nlp: object, role: str, rules: Iterable[Rule], shortcuts: bool = True,
                 needs: dict[str, Needs | None] | None = None) -> None:
        """`needs`: the words each expression cannot match without, when already known."""
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.shortcuts = shortcuts  # off: every whole pattern on every sentence (tests)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")  # type: ignore[attr-defined]
        self.phrase_rules: set[str] = set()  # the rules with phrases (the others skip them)
        # A one-word phrase is a set look-up (its lowercase hash -> the rules it is a phrase of):
        # the PhraseMatcher, a call per block, is left the longer phrases, and runs only on a
        # block holding a word one of those starts with.
        self.one_word: dict[int, list[str]] = {}
        self.longer_rules: set[str] = set()  # the rules with phrases of two tokens or more
        self.longer_firsts: set[int] = set()  # the words those start with (lowercase hashes)
        self.needs = _Needs()
        self.matchers: list[_RuleMatcher] = []
        self.regexes: list[tuple[str, re.Pattern[str], Needs | None]] = []
        for rule in rules:
            patterns: tuple[Pattern, ...] = getattr(rule, role)
            token_patterns = []
            phrase_texts = [t for p in patterns if p.kind == "phrase" for t in p.value]
            for p in patterns:
                if p.kind != "tokens":
                    continue
                words, rest = _as_words(p.value, nlp)
                phrase_texts.extend(words)
                if rest:
                    token_patterns.append(rest)
            if token_patterns:
                self.matchers.append(_RuleMatcher(nlp, rule.id, token_patterns, self.needs,
                                                  split_gaps=shortcuts))
            if phrase_texts:
                docs = [nlp.make_doc(t) for t in phrase_texts]  # type: ignore[attr-defined]
                self.phrase_rules.add(rule.id)
                # without shortcuts (the reference of tests/test_shortcuts.py) every phrase
                # goes to the PhraseMatcher, which then runs on every block
                for word in dict.fromkeys(d[0].lower for d in docs if len(d) == 1 and shortcuts):
                    self.one_word.setdefault(word, []).append(rule.id)
                longer = [d for d in docs if len(d) != 1 or not shortcuts]
                if longer:
                    self.phrases.add(rule.id, longer)
                    self.longer_rules.add(rule.id)
                    self.longer_firsts.update(d[0].lower for d in longer if len(d))
            for p in patterns:
                if p.kind == "regex":  # with the words it cannot match without, if any
                    self.regexes.append((rule.id, re.compile(p.value, re.I),
                                         needs[p.value] if needs is not None and p.value in needs
                                         else required_words(p.value)))
        # the words its expressions cannot match without (the Analyzer gives the three indexes
        # one WordIndex of all their words, so a block is scanned for them once)
        self.words = WordIndex(frozenset(word for _, _, needs in self.regexes for clause in needs or ()
                                         for word in clause))
        self.regexes_by_rule: dict[str, list[int]] = {}  # for requires and exclude (`only`)
        for k, (rule_id, _, _) in enumerate(self.regexes):
            self.regexes_by_rule.setdefault(rule_id, []).append(k)
        self.regex_bits: list[Bits | None] = []
        self.regex_entries: list[tuple[str, re.Pattern[str], Bits | None]] = []
        self.regex_gates: list[tuple[int, Bits] | None] = []
        # by rule: its screen and its expressions, each with its entry and gate
        self.regex_groups: list[tuple[int | None, list[tuple[tuple[str, re.Pattern[str], Bits | None],
                                                             tuple[int, Bits] | None]]]] = []
        self.use_words(self.words)
        # Each pattern filed under one of its word sets (the one fewest words meet), so the
        # patterns a block can hold are found from the sets it meets, not by testing them all.
        # word set -> (matcher, pattern, the pattern's word sets)
        self.filed: dict[int, list[tuple[int, int, frozenset[int]]]] = {}
        self.unfiled: list[tuple[int, int]] = []  # patterns that need no word
        for m, matcher in enumerate(self.matchers):
            for k, need in enumerate(matcher.needs):
                if need:
                    key = min(need, key=lambda n: (self.needs.sizes[n], n))
                    self.filed.setdefault(key, []).append((m, k, need))
                else:
                    self.unfiled.append((m, k))
        self.filed_keys = frozenset(self.filed)
        # each rule's one-word phrases (for requires and exclude, asked of some rules only)
        by_rule: dict[str, set[int]] = {}
        for word, rule_ids in self.one_word.items():
            for rule_id in rule_ids:
                by_rule.setdefault(rule_id, set()).add(word)
        self.one_word_of = {rule_id: frozenset(words) for rule_id, words in by_rule.items()}
        self.strings = nlp.vocab.strings  # type: ignore[attr-defined]

    def use_words(self, words: WordIndex) -> None:
        """Test the expressions' words with this index (the Analyzer gives its three pattern
        indexes one, so a block is scanned once): each expression's clauses as bits, and each
        rule's screen, the bits of its expressions' first clauses (None: some expression needs
        no word), so a rule none of whose expressions can match is passed over with one AND."""
        self.words = words
        self.regex_bits = [None if needs is None else words.bits_of(needs)
                           for _, _, needs in self.regexes]
        # each expression with its bits, and its gate: its first clause's bits (None: it needs
        # no word), tested inline before the other clauses': most expressions a block meets fail
        # there
        self.regex_entries = [(rule_id, rx, b) for (rule_id, rx, _), b
                              in zip(self.regexes, self.regex_bits, strict=True)]
        self.regex_gates = [(b[0], b[1:]) if b else None for b in self.regex_bits]
        self.regex_groups = []
        for ks in self.regexes_by_rule.values():
            firsts = [self.regex_bits[k] for k in ks]
            screen = None if any(b is None for b in firsts) \
                else sum_bits(b[0] for b in firsts if b is not None)
            self.regex_groups.append((screen, [(self.regex_entries[k], self.regex_gates[k])
                                               for k in ks]))

    def possible(self, met: set[int]) -> dict[int, set[int]]:
        """Matcher position -> its patterns whose every word set is in `met`."""
        out: dict[int, set[int]] = {}
        for m, p in self.unfiled:
            out.setdefault(m, set()).add(p)
        for key in met & self.filed_keys:
            for m, p, need in self.filed[key]:
                if need <= met:
                    out.setdefault(m, set()).add(p)
        return out

    def hits(self, sents: _Sentences, only: dict[str, set[int]] | None = None,
             ) -> dict[str, list[_Hit]]:
        """Matches of each rule that can count; with `only`, of those rules in those sentences."""
        doc = sents.doc
        found: dict[str, list[_Hit]] = {}
        lows = sents.lows
        met: list[set[int] | None] = [None] * len(sents.spans)

        def met_in(i: int) -> set[int]:
            got = met[i]
            if got is None:
                got = met[i] = self.needs.met(sents.words[i])
            return got

        def runs_of(rule: _RuleMatcher, sentences: Iterable[int],
                    among: Iterable[int] | None = None) -> list[_Run]:
            return _runs(sentences, lambda i: rule.possible(met_in(i), among))

        work: list[tuple[_RuleMatcher, list[_Run]]]
        if not self.shortcuts:
            last = len(sents.spans) - 1
            work = [(rule, [(0, last, rule.everything)] if sents.spans else [])
                    for rule in self.matchers if only is None or rule.rule_id in only]
        elif only is None:  # the rules some pattern of which the block can hold, then where
            # the sentences partition the block, and what words meet is a union over the words:
            # the block's words meet what its sentences meet together, in one call
            met_block = self.needs.met(sents.block_words)
            held_by_block = self.possible(met_block)
            if len(sents.spans) == 1:
                work = [(self.matchers[m], [(0, 0, frozenset(among))])
                        for m, among in held_by_block.items()]
            elif not held_by_block:  # (no pattern the block can hold: none its sentences can)
                work = []
            else:
                # what each sentence can hold, of every rule at once (a sentence's words are
                # some of the block's, so its patterns are among the block's): the same runs
                # as each rule's sentences tested in turn
                runs: dict[int, list[_Run]] = {}
                for i in range(len(sents.spans)):
                    for m, held in self.possible(met_in(i)).items():
                        rule_runs = runs.setdefault(m, [])
                        if rule_runs and rule_runs[-1][1] == i - 1:
                            rule_runs[-1] = (rule_runs[-1][0], i, rule_runs[-1][2] | held)
                        else:
                            rule_runs.append((i, i, frozenset(held)))
                work = [(self.matchers[m], runs.get(m, [])) for m in held_by_block]
        else:
            work = [(rule, runs_of(rule, sorted(only[rule.rule_id])))
                    for rule in self.matchers if rule.rule_id in only]
        for rule, rule_runs in work:
            for first_sent, last_sent, patterns in rule_runs:
                subset = rule.subset(patterns)
                first, last = sents.spans[first_sent].start, sents.spans[last_sent].end
                if not self.shortcuts:
                    windows = [(first, last)]
                else:
                    windows = _windows(lows, first, last, subset.firsts, subset.lasts,
                                       subset.longest)
                for a, b in windows:
                    for start, end in subset.spans(doc, a, b, lows):
                        found.setdefault(rule.rule_id, []).append(_Hit(start, end))
        # requires and exclude: only for the rules that fired, if they have phrases
        if only is None or not self.phrase_rules.isdisjoint(only):
            if only is not None and self.shortcuts:
                self._one_word_hits(sents, only, found)
            elif words := self.one_word.keys() & sents.block_words:
                # (the tokens that are one of them, found at C speed, in order)
                for k in compress(count(), map(words.__contains__, lows)):
                    for rule_id in self.one_word[lows[k]]:
                        if only is None or rule_id in only:
                            found.setdefault(rule_id, []).append(_Hit(k, k + 1))
            if (only is None or not self.longer_rules.isdisjoint(only)) \
                    and (not self.shortcuts or not self.longer_firsts.isdisjoint(lows)):
                for key, start, end in self.phrases(doc):
                    rule_id = self.strings[key]
                    if only is None or rule_id in only:
                        found.setdefault(rule_id, []).append(_Hit(start, end))
        if self.regexes:
            self._regex_hits(sents, only, found)
        return found

    def _one_word_hits(self, sents: _Sentences, only: dict[str, set[int]],
                       found: dict[str, list[_Hit]]) -> None:
        """The one-word phrases of the rules in `only`, looked for only in the sentences where
        those rules fired: a hit anywhere else is never read (requires and exclude count only
        inside a sentence that holds a trigger), so the rest of the block is not scanned."""
        lows, spans = sents.lows, sents.spans
        for rule_id, sentences in only.items():
            words = self.one_word_of.get(rule_id)
            if words is None or words.isdisjoint(sents.block_words):
                continue
            for i in sorted(sentences):
                a, b = spans[i].start, spans[i].end
                for k in compress(count(a), map(words.__contains__, lows[a:b])):
                    found.setdefault(rule_id, []).append(_Hit(k, k + 1))

    def _block_mask(self, sents: _Sentences) -> int:
        """The bits of the expressions' words in a block: with several sentences, the union of
        each sentence's (its first MAX_SENTENCE_CHARS, what the expressions read), kept for the
        test by sentence, so the block's text is not scanned twice."""
        if len(sents.spans) < 2:
            return self.words.mask(sents.doc_text)
        out = 0
        for i in range(len(sents.spans)):
            held = sents.sentence_literals[i] = self.words.mask(sents.text(i)[:MAX_SENTENCE_CHARS])
            out |= held
        return out

    def _regex_hits(self, sents: _Sentences, only: dict[str, set[int]] | None,
                    found: dict[str, list[_Hit]]) -> None:
        """The expressions' matches, added to `found`: with `only`, of those rules' expressions
        (found from a table by rule, not by testing all of them) in those sentences."""
        if only is None:
            ks: Iterable[int] = range(len(self.regexes))
        else:
            ks = sorted(k for r in only for k in self.regexes_by_rule.get(r, ()))
            if not ks:
                return
        if self.shortcuts:  # skip the expressions that cannot match in this block
            present = sents.literals
            if present is None:
                present = sents.literals = self._block_mask(sents)
            # (an expression's gate: its first clause's bits, tested inline, and the others')
            if only is None:  # the rules whose screen the block passes, in their order
                regexes = [entry for screen, group in self.regex_groups
                           if screen is None or screen & present for entry, gate in group
                           if gate is None or (gate[0] & present and holds_bits(gate[1], present))]
            else:
                entries, gates = self.regex_entries, self.regex_gates
                regexes = [entries[k] for k in ks if (gate := gates[k]) is None
                           or (gate[0] & present and holds_bits(gate[1], present))]
        else:
            regexes = [(r, rx, None) for r, rx, _ in (self.regexes[k] for k in ks)]
        if not regexes:
            return
        doc = sents.doc
        if only is not None and self.shortcuts:  # only the sentences where those rules fired
            sentences: Iterable[int] = sorted(set().union(*(only[r] for r, _, _ in regexes)))
        else:
            sentences = range(len(sents.spans))
        # a block of several sentences: each expression runs only on those holding its words
        # (the same test on the sentence's words as on the block's above)
        by_sentence = self.shortcuts and len(sents.spans) > 1
        for i in sentences:
            text = sents.text(i)[:MAX_SENTENCE_CHARS]
            held = sents.sentence_literals[i] or 0 if by_sentence else 0
            start_char = sents.spans[i].start_char
            for rule_id, rx, b in regexes:
                if only is not None and self.shortcuts and i not in only[rule_id]:
                    continue
                if by_sentence and b is not None and not holds_bits(b, held):
                    continue
                for m in rx.finditer(text):
                    span = doc.char_span(start_char + m.start(), start_char + m.end(),
                                         alignment_mode="expand")
                    if span is not None and len(span):
                        found.setdefault(rule_id, []).append(_Hit(span.start, span.end))


def _row_answer(block: Block, sents: _Sentences, hit: _Hit) -> tuple[str, Cue] | None:
    """A table row whose first cell names the practice and whose other cell answers yes or no
    ("Targeted advertising through ad networks | No"): the answer is the trigger's polarity, the
    cell its cue (`_answer`). In a header row, a column the
    practice names is answered by its cells below when they are all answers ("Shared for
    targeted advertising" over "No" in every row): one "Yes" affirms."""
    at = sents.char_starts[hit.start]
    if block.column_values:
        return _column_answer(block, sents, at)
    first = block.cells[0]
    if not first[1] <= at < first[2]:
        return None
    answers = [(a, b) for column, a, b in block.cells if column != first[0]
               and block.text[a:b].strip(" .!*").lower() in ANSWER_WORDS]
    if len(answers) != 1:
        return None
    a, b = answers[0]
    return _answer(sents, a, b, block.text[a:b].strip(" .!*"))


def _answer(sents: _Sentences, a: int, b: int, word: str) -> tuple[str, Cue] | None:
    """The polarity a yes or no `word` gives, and its cue over the tokens of characters a..b (a
    "Yes" is an affirming cue, kind "answer"); None where no token starts there."""
    tokens = [k for k, c in enumerate(sents.char_starts) if a <= c < b]
    if not tokens:
        return None
    if word.lower() in NO:
        return "negated", Cue("negation", tokens[0], tokens[-1] + 1, word)
    return "affirmed", Cue("answer", tokens[0], tokens[-1] + 1, word)


def _denying_lead(words: list[str] | None) -> bool:
    """Whether a list's lead-in denies what its items say: a short one of ours ("we", or the
    company named at its start: "This website does not use:") with a negation and no condition
    ("We never:", "We will not:", "Things we don't do:"; not "If you do not want cookies, you
    can:")."""
    if words is None or len(words) > DENYING_LEAD_WORDS or LEAD_NEGATIONS.isdisjoint(words) \
            or not SUBORDINATORS.isdisjoint(words):
        return False
    return "we" in words or "company" in load_lexicon().actors.classes_in(
        lemmas_of(words), 0, min(3, len(words)))


def _column_answer(header: Block, sents: _Sentences, at: int) -> tuple[str, Cue] | None:
    """The answer of the column of a header row's cell holding character `at` (see
    `_row_answer`); its cue is the header cell."""
    cell = next(((column, a, b) for column, a, b in header.cells if a <= at < b), None)
    if cell is None or cell[0] >= len(header.column_values):
        return None
    values = header.column_values[cell[0]]
    if not values or not values <= ANSWER_WORDS:
        return None
    return _answer(sents, cell[1], cell[2], "Yes" if values & YES else "No")


def _earliest(hits: list[_Hit]) -> _Hit:
    """The earliest, then shortest, of some hits."""
    return min(hits, key=lambda h: (h.start, h.end - h.start))


def _requirement_met(sents: _Sentences, i: int, required: list[_Hit], referring: set[int]) -> bool:
    """Whether a rule's requirement is met in sentence i, or in the sentence before when sentence
    i refers back to it (`referring`: "A child under 13 may send us information despite our age
    check. If that happens, we will delete it": the child is the sentence before's)."""
    return bool(sents.inside(i, required)) or (i in referring and bool(sents.inside(i - 1, required)))


def _outranked(f: Finding, over: dict[int, dict[str, set[str | None]]]) -> bool:
    """Whether a rule that outranks the finding's found another value in its sentence (the same
    value is no conflict: both stay, each its rule's evidence)."""
    values = over.get(f.start, {}).get(f.rule_id)
    return values is not None and f.value not in values


def _outside_denials(pairs: list[tuple[int, Finding]]) -> list[tuple[int, Finding]]:
    """The pattern findings less those whose trigger lies inside the trigger of a denial of the
    same practice in the same sentence: "none of your data is used to target or personalise
    advertising" holds "personalise advertising", the same words read without their negation."""
    denials = [f for _, f in pairs if f.polarity == "negated"]
    if not denials:
        return pairs
    return [(i, f) for i, f in pairs
            if f.polarity == "negated" or not any(
                d.practice == f.practice and d.start == f.start and d.value != f.value
                and d.trigger_span[0] <= f.trigger_span[0] and f.trigger_span[1] <= d.trigger_span[1]
                for d in denials)]


def _overlap(a: _Hit, b: _Hit) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass(frozen=True)
class _Place:
    """Where a sentence lies: its text (trimmed), its span and line in the document, its
    section, and the offset its character spans count from."""

    text: str
    start: int
    end: int
    line: int
    section: str
    base: int  # the sentence's first character, in the block's text
    sents: _Sentences

    def span(self, hit: _Hit) -> tuple[int, int]:
        """A token span's characters inside the sentence text."""
        return (self.sents.char_starts[hit.start] - self.base,
                self.sents.char_ends[hit.end - 1] - self.base)


@dataclass
class _Carried:
    """What a block leaves for the blocks after it: list lead-ins by their block's start (see
    `_statement_findings`), headings on sharing waiting for their section to name an allowed
    exception, a question, heading or label on a pattern practice waiting for its answer in the
    next block (see `_answered`), and a question the block ended with, which the next block's
    first sentence may answer for the statement reader."""

    leads: dict[int, list[str]] = field(default_factory=dict)
    # (held by their section's title, or by ("list", the lead-in block's start))
    sections_open: dict[object, Finding] = field(default_factory=dict)
    answering: list[Pending] = field(default_factory=list)
    asked: list[list[str]] = field(default_factory=list)
    # the last sentence of the list item before, by its list's lead: what a pronoun opening the
    # next item stands for ("* Your records stay with us." + "* They are never sold."); or of
    # the paragraph before (key _PARAGRAPH), which the next paragraph's opening may speak of
    item_before: list[tuple[int | None, Callable[[], list[str]]]] = field(default_factory=list)


class _Placer:
    """Places a block's sentences in the document."""

    def __init__(self, sents: _Sentences, block: Block, document: Document | None,
                 sections: tuple[Section, ...]) -> None:
        self.sents = sents
        self.block = block
        self.document = document
        self.sections = sections
        # a list item under a lead-in that denies ("We never:"): its keywords are denied
        self.lead_denies = False

    def __call__(self, i: int) -> _Place:
        # Removed marks can leave two spaces, which spaCy keeps as a whitespace token that may
        # open or close a sentence: the evidence is the sentence without it.
        raw = self.sents.text(i)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        base = self.sents.spans[i].start_char + lead
        return self._located(text, base)

    def enclosing(self, where: _Place) -> list[str]:
        """The titles of the sections that hold the section at `where`, innermost first."""
        sec = section_at(self.sections, where.start) if self.document is not None else None
        titles: list[str] = []
        while sec is not None and sec.parent is not None:
            sec = self.sections[sec.parent]
            titles.append(sec.title)
        return titles

    def row(self) -> _Place:
        """The whole block as one place: a table row, whose cells are its evidence (cut as a
        run-on sentence is, when a row runs into the text after it)."""
        from policylens.structure.sentences import MAX_SENTENCE_CHARS as SENTENCE_LIMIT

        return self._located(self.block.text[:SENTENCE_LIMIT].rstrip(), 0)

    def _located(self, text: str, base: int) -> _Place:
        """The place of `text`, which starts at `base` in the block: its span, line and section."""
        start, end = self.block.span(base, base + len(text))
        line, section = 1, ""
        if self.document is not None:
            line = self.document.line_of(start)
            sec = section_at(self.sections, start)
            section = sec.title if sec else ""
        return _Place(text, start, end, line, section, base, self.sents)


def _decided(rule: Rule, found: Extracted, value: str | None, role: str, where: _Place, hit: _Hit,
             trigger: str, cue: _Hit | None, cue_text: str | None,
             misses: list[NearMiss] | None) -> Finding | None:
    """The finding a statement's decision gives at `where` (a sentence or a table row); a
    decision with no value is a near miss, kept in `misses` with its reason (for `explain`)."""
    if value is None:
        if misses is not None:
            misses.append(NearMiss(rule.id, rule.practice, where.text, where.start, where.line,
                                   where.section, trigger, where.span(hit), "statement: " + role))
        return None
    return Finding(rule.id, rule.practice, value, found.polarity, where.text, where.start,
                   where.end, where.line, where.section, trigger, cue_text, (), where.span(hit),
                   where.span(cue) if cue else None, found.slots, role)


def _statement_marks(found: Extracted, tokens: list[str], lead: int, start: int, end: int,
                     sents: _Sentences) -> tuple[_Hit, str, _Hit | None, str | None]:
    """Where a statement read from sentence tokens start..end (after `lead` tokens of its list's
    lead-in) stands in the block: its trigger's span and text, its cue's span (None when the cue
    is in the lead-in) and text. A verb of the lead-in marks the whole item: the item is the
    evidence."""
    if found.end <= lead:
        hit = _Hit(start, end)
        trigger = sents.tokens_text(start, end)  # the item, as marked
        cue = None
    else:
        shift = start - lead
        hit = _Hit(max(start, shift + found.start), shift + found.end)
        trigger = sents.tokens_text(hit.start, hit.end)
        cue = _Hit(shift + found.cue[0], shift + found.cue[1]) \
            if found.cue and found.cue[0] >= lead else None
    cue_text = sents.tokens_text(cue.start, cue.end) if cue else \
        (" ".join(tokens[found.cue[0]:found.cue[1]]) if found.cue else None)
    return hit, trigger, cue, cue_text


def _fast_sentencizer(nlp: Any) -> FastSentencizer | None:
    """The sentence starts of the blank pipeline's steps found without them (see
    `FastSentencizer`), if the pipeline is the one `get_nlp` builds; else None."""
    from spacy.pipeline import Sentencizer

    from policylens.structure.sentences import COMPONENT, FastSentencizer

    if nlp.pipe_names != ["sentencizer", COMPONENT] \
            or type(nlp.get_pipe("sentencizer")) is not Sentencizer:
        return None
    return FastSentencizer(nlp.vocab, nlp.get_pipe("sentencizer").punct_chars)


def _attribute_expressions(ruleset: RuleSet) -> list[str]:
    return [rx.pattern for r in ruleset.rules for spec in r.attributes.values()
            for rx in ([spec.regex] if spec.regex is not None else [rx for _, rx in spec.values])]


class Analyzer:
    """Holds the pipeline and compiled rules; `analyze` is called once per document."""

    def __init__(self, ruleset: RuleSet, model: str = BLANK, shortcuts: bool = True) -> None:
        self.ruleset = ruleset
        self.model = model
        self.nlp = get_nlp(model)
        self.rules = {r.id: r for r in ruleset.rules}
        # the words every expression cannot match without, kept once per install
        # (and of the attributes' expressions, which ask `required_words` at their first use)
        needs = kept_required_words([p.value for r in ruleset.rules
                                     for p in (*r.patterns, *r.requires, *r.exclude)
                                     if p.kind == "regex"] + _attribute_expressions(ruleset))
        self.triggers = _PatternIndex(self.nlp, "patterns", ruleset.rules, shortcuts, needs)
        self.requires = _PatternIndex(self.nlp, "requires",
                                      [r for r in ruleset.rules if r.requires], shortcuts, needs)
        self.excludes = _PatternIndex(self.nlp, "exclude",
                                      [r for r in ruleset.rules if r.exclude], shortcuts, needs)
        literals = WordIndex(self.triggers.words.words | self.requires.words.words
                             | self.excludes.words.words)
        for index in (self.triggers, self.requires, self.excludes):
            index.use_words(literals)
        self.polarity = PolarityDetector(self.nlp)
        self.semicolon = self.nlp.vocab.strings.add(";")  # the word hash that parts two clauses
        self.colon = self.nlp.vocab.strings.add(":")  # the word hash that ends a topic label
        self.company_subjects = frozenset(self.nlp.vocab.strings.add(w) for w in ("we", "our"))
        self.shortcuts = shortcuts
        self.sentencizer = _fast_sentencizer(self.nlp) if model == BLANK and shortcuts else None
        # Statement rules read clauses with the lexicon; a sentence can hold a statement only if
        # it holds a form of an action word or noun.
        self.statement_rules = [r for r in ruleset.rules if r.statement]
        self.reader = StatementReader() if self.statement_rules else None
        self._titles: dict[str, list[str]] = {}
        # disclosure tables: a header (or a row's label) names the act, a cell answers it
        self.tables = TableReader(self.reader.lex, self.reader.aggregate_only,
                                  lambda text: [t.lower_ for t in self.nlp.make_doc(text)]) \
            if self.reader else None
        strings = self.nlp.vocab.strings
        self.word_strings = _WordStrings(strings)
        # "If that happens", "In that case": a sentence that refers back to the one before
        self.back_references = load_lexicon().back_references
        # "Here are the most common examples": a section on sharing that is no closed list
        self.illustrations = load_lexicon().illustrations
        self._answers = Answers(self._read_alone, self._reply_value)
        self.label_marks = (strings.add("?"), strings.add(":"))
        self.stand_ins = frozenset(map(strings.add, STAND_IN_WORDS))
        self.senses = load_senses()
        self.topic_firsts = frozenset(strings.add(phrase[0]) for topic in load_topics().values()
                                      for phrase in topic.words)
        # the forms of every word a statement needs, as strings (for a lead-in's words) and hashes
        # (and a grant and what it grants, which make an act without an action word: "lets
        # publishers know the e-mail addresses of members": a sentence needs one of each)
        acting: set[str] = set()
        grants: frozenset[str] = frozenset()
        granted: frozenset[str] = frozenset()
        reaching: frozenset[str] = frozenset()
        if self.reader:
            lex = self.reader.lex
            acting, grants, granted = lex.trigger_lemmas() | lex.receiving_lemmas(), lex.grants, lex.granted
            reaching = self.reader.own_ends_after.reaching
        # (one walk of the table)
        forms = forms_of(acting | grants | granted | reaching) if self.reader else set()

        def forms_for(lemmas: set[str] | frozenset[str]) -> frozenset[str]:
            return frozenset(f for f in forms if f in lemmas or lemma(f) in lemmas)

        self.action_words: frozenset[str] = forms_for(acting)
        self.action_forms: frozenset[int] = frozenset(map(strings.add, self.action_words))
        self.grant_forms: frozenset[int] = frozenset(map(strings.add, forms_for(grants)))
        self.granted_forms: frozenset[int] = frozenset(map(strings.add, forms_for(granted)))
        # verbs by which those given data reach the reader with their own offers, in the sentence
        # after ("Those vendors may then contact you with proposals of their own")
        self.reaching_forms: frozenset[int] = frozenset(map(strings.add, forms_for(reaching)))
        self.you = strings.add("you")

    def findings_in_block(self, block: Block, doc: Doc, document: Document | None,
                          sections: tuple[Section, ...] = (),
                          misses: list[NearMiss] | None = None,
                          carried: _Carried | None = None) -> list[Finding]:
        """The findings of one block; with `misses`, the triggers that made none are added to it;
        `carried`: what the blocks before left for this one (a block read alone has none)."""
        sents = _Sentences(doc, block.text, self.sentencizer)
        place = _Placer(sents, block, document, sections)
        statements = self._statement_findings(
            sents, place, block, misses, carried.leads if carried else None,
            carried.sections_open if carried else None,
            carried.asked if carried else None,
            carried.item_before if carried else None) if self.reader else []
        # a sentence a statement rule reads decides its practice there: a keyword pattern of the
        # same practice that says otherwise in it ("Even if we are acquired, we will not transfer
        # your data") is the coarser reading of the same words
        read: dict[tuple[str, int], set[str | None]] = {}
        for f in statements:
            read.setdefault((f.practice, f.start), set()).add(f.value)
        hits = self.triggers.hits(sents)
        if carried is not None and block.lead is not None and hits:
            place.lead_denies = _denying_lead(carried.leads.get(block.lead))
        pairs = [(i, f) for i, f in self._pattern_findings(sents, place, doc, misses, hits)
                 if f.value in read.get((f.practice, f.start), {f.value})]
        pairs = _outside_denials(pairs)
        over = self._outranking(pairs)
        if over:
            pairs = [(i, f) for i, f in pairs if not _outranked(f, over)]
            statements = [f for f in statements if not _outranked(f, over)]
        pairs = self._in_their_sense(pairs, sents, misses)
        if carried is not None:
            return self._answered(sents, place, block, document, hits, pairs, carried.answering) \
                + statements
        return [f for _, f in pairs] + statements

    def _outranking(self, pairs: list[tuple[int, Finding]]) -> dict[int, dict[str, set[str | None]]]:
        """The rules each sentence's pattern findings `outrank` (rule files: "the data will be
        deleted if the club is sold" decides the sentence that names the event, over the
        patterns and the statements that read the event alone), by the sentence's start, with
        the values the outranking findings support there."""
        over: dict[int, dict[str, set[str | None]]] = {}
        for _, f in pairs:
            for rule_id in self.rules[f.rule_id].outranks:
                over.setdefault(f.start, {}).setdefault(rule_id, set()).add(f.value)
        return over

    def _in_their_sense(self, pairs: list[tuple[int, Finding]], sents: _Sentences,
                        misses: list[NearMiss] | None) -> list[tuple[int, Finding]]:
        """The pattern findings less those whose trigger word has another sense in its paragraph
        (`senses.py`: "a free cookie on your birthday"); with `misses`, those are near misses."""
        out: list[tuple[int, Finding]] = []
        block: set[str] | None = None
        for i, f in pairs:
            words = set(f.trigger.lower().split())
            sense = next((s for s in self.senses if not s.words.isdisjoint(words)), None)
            if sense is not None:
                if block is None:
                    block = set(map(self.word_strings.__getitem__, sents.block_words))
                other = sense.is_other(block)
                if other is not None:
                    if misses is not None:
                        misses.append(NearMiss(f.rule_id, f.practice, f.sentence, f.start, f.line,
                                               f.section, f.trigger, f.trigger_span, "sense",
                                               f"{sense.other_sense}: {other}"))
                    continue
            out.append((i, f))
        return out

    def _answered(self, sents: _Sentences, place: _Placer, block: Block,
                  document: Document | None, hits: dict[str, list[_Hit]], pairs: list[tuple[int, Finding]],
                  answering: list[Pending]) -> list[Finding]:
        """The block's pattern findings, with each answer read with the topic of the question,
        heading or label before it (`answers.py`): the next sentence, the rest of a sentence
        after its label ("Advertising: none"), or the next block's first sentence, for which
        `answering` holds a topic that ends its block (its findings held back meanwhile)."""
        out = [f for _, f in pairs]
        n = len(sents.spans)
        heading = block.kind == "heading"
        pending = answering.pop() if answering else None
        if pending is not None and (heading or not n):
            out.extend(pending.held)
            pending = None
        # the sentences that may be topics: those holding a topic word or a topic practice's
        # finding (most blocks hold neither: nothing more is done for them)
        found_in = {i for i, f in pairs if f.practice in TOPIC_PRACTICES}
        # (or, in a short line, a number: "Under-16s", "13+")
        topical = [i for i in range(n) if i in found_in or not self.topic_firsts.isdisjoint(sents.words[i])
                   or (sents.spans[i].end - sents.spans[i].start <= MAX_LABEL_WORDS * 2
                       and any(c.isdigit() for c in sents.text(i)))]
        if pending is None and not topical:
            return out
        lows = sents.lows
        last = n - 1
        original = document.text if document is not None else ""
        first, end = block.span(0, len(block.text))
        lines = "\n" in original[first:end]
        if not (heading or lines):
            # a long statement with no colon near its start is neither a question, a heading
            # nor a label; it is a topic only without a finding, before a stand-in (and not when
            # a rule's exclusion took its trigger: "sites with their own cookie policies. Please
            # read them" speaks of others' policies)
            spans, (question, colon) = sents.spans, self.label_marks
            excluded = {sents.containing(h) for rule_id, rule_hits in hits.items()
                        if self.rules[rule_id].practice in TOPIC_PRACTICES for h in rule_hits} - found_in
            topical = [i for i in topical
                       if spans[i].end - spans[i].start <= MAX_LABEL_WORDS * 2
                       or lows[spans[i].end - 1] == question
                       or colon in lows[spans[i].start:spans[i].start + MAX_LABEL_WORDS + 2]
                       or (i not in found_in and i not in excluded and i < last
                           and not self.stand_ins.isdisjoint(sents.words[i + 1]))]
            if pending is None and not topical:
                return out
        strings = self.word_strings
        needed = sorted({0} | set(topical) | {i + 1 for i in topical if i < last}) if n else []
        tokens = {i: [k for k in range(sents.spans[i].start, sents.spans[i].end)
                      if strings[lows[k]].strip()] for i in needed}
        words = {i: [strings[lows[k]] for k in ks] for i, ks in tokens.items()}
        found_topics: dict[tuple[int, int, int | None], dict[str, tuple[int, int]]] = {}

        def topics_of(i: int, a: int = 0, b: int | None = None) -> dict[str, tuple[int, int]]:
            """The topic phrases of sentence i's words a..b, found once."""
            if (i, a, b) not in found_topics:
                found_topics[i, a, b] = topics_in(words[i][a:b])
            return found_topics[i, a, b]

        # (a first word of a topic phrase alone, "change" or "web", names no topic)
        topical = [i for i in topical if i in found_in or topics_of(i)]
        if pending is None and not topical:
            return out
        kinds = {i: line_kind(words[i], heading) for i in topical}
        # a short first line ends a label ("Cookies" over "None are used on this site.")
        labels = {i: inline_label(words[i], self._line_breaks(sents, block, original, tokens[i])
                                  if lines else ()) for i in topical}
        # (a statement that speaks for a topic practice is about that one: no stand-in needed)
        wanted = [i for i in topical if labels[i] is not None
                  or (i < last and (kinds[i] != "statement"
                                    or ((i not in found_in or len(topics_of(i)) > 1)
                                        and has_anaphor(words[i + 1]))))
                  or (i == last and (heading or n == 1) and kinds[i] != "statement")]
        if pending is None and not wanted:
            return out
        triggered: dict[int, list[tuple[int, str]]] = {}  # sentence -> (trigger start, practice)
        for rule_id, rule_hits in hits.items():
            practice = self.rules[rule_id].practice
            if practice in TOPIC_PRACTICES:
                for hit in rule_hits:
                    if (i := sents.containing(hit)) is not None:
                        triggered.setdefault(i, []).append((hit.start, practice))
        by_sentence: dict[int, list[Finding]] = {}
        for i, f in pairs:
            if f.practice in TOPIC_PRACTICES:
                by_sentence.setdefault(i, []).append(f)

        def sentence(i: int, a: int = 0, b: int | None = None, label: bool = False) -> Sentence:
            """Sentence i, or its words a..b (a label's, with its text only)."""
            where = place(i)
            ks = tokens[i][a:b]
            spans = [(sents.char_starts[k] - where.base, sents.char_ends[k] - where.base) for k in ks]
            text = where.text[:spans[-1][1]] if label and spans else where.text
            # a label's findings are those its own words hold; one that reads on past the colon
            # ("Cookies: none") is the answer's
            findings = [f for f in by_sentence.get(i, [])
                        if (f.trigger_span[1] <= spans[-1][1] if label
                            else not a or f.trigger_span[1] > spans[0][0])]
            named = {p for k, p in triggered.get(i, []) if not a or k >= ks[0]} if ks else set()
            ranges = topics_of(i, a, b)
            topics = {p: text[spans[x][0]:spans[y - 1][1]] for p, (x, y) in ranges.items()}
            for f in findings:
                topics.setdefault(f.practice, f.trigger)
            return Sentence(text, words[i][a:b], spans, findings, topics, where.start, where.end,
                            where.line, where.section, heading, named)

        removed: set[int] = set()

        def settle(topic: Sentence, answer: Sentence) -> None:
            new, dropped = self._answers.answer(topic, answer)
            by_sentence.setdefault(-1, []).extend(new)
            out.extend(new)
            removed.update(id(f) for f in topic.findings if f.practice in dropped)

        if pending is not None:
            settle(pending.topic, sentence(0))
            out.extend(pending.held)
        for i in wanted:
            label = labels[i]
            if label is not None and topics_of(i, 0, label[0]):
                settle(sentence(i, 0, label[0], label=True), sentence(i, label[1]))
            if i < last:
                settle(sentence(i), sentence(i + 1))
            elif kinds[i] != "statement" and (heading or n == 1):
                topic = sentence(i)
                if topic.topics:
                    held = [f for f in topic.findings if id(f) not in removed]
                    removed.update(map(id, held))
                    answering.append(Pending(topic, held))
        return [f for f in out if id(f) not in removed]

    @staticmethod
    def _line_breaks(sents: _Sentences, block: Block, original: str, ks: list[int]) -> list[int]:
        """The indexes of a sentence's first words that a line break follows in the original."""
        out = []
        for j in range(min(len(ks) - 1, MAX_LABEL_WORDS + 1)):
            after = block.span(sents.char_starts[ks[j]], sents.char_ends[ks[j]])[1]
            before = block.span(sents.char_starts[ks[j + 1]], sents.char_ends[ks[j + 1]])[0]
            if "\n" in original[after:before]:
                out.append(j)
        return out

    def _reply_value(self, rule_id: str, polarity: str) -> str | None:
        """The value a rule gives a polarity; None when the rule is not loaded (disabled)."""
        rule = self.rules.get(rule_id)
        return rule.value_for(polarity) if rule is not None else None

    def _read_alone(self, text: str) -> list[Finding]:
        """The pattern findings of a text read alone, placed in that text (the answers' reader)."""
        doc, block = next(self._docs([(text, Block(text, range(len(text) + 1)))]))
        sents = _Sentences(doc, text, self.sentencizer)
        place = _Placer(sents, block, None, ())
        return [f for _, f in self._pattern_findings(sents, place, doc, None,
                                                     self.triggers.hits(sents))]

    def _statement_findings(self, sents: _Sentences, place: _Placer, block: Block,
                            misses: list[NearMiss] | None = None,
                            leads: dict[int, list[str]] | None = None,
                            sections_open: dict[object, Finding] | None = None,
                            asked: list[list[str]] | None = None,
                            item_before: list[tuple[int | None, Callable[[], list[str]]]] | None = None,
                            ) -> list[Finding]:
        """Findings of the statement rules: each statement the reader finds in a sentence that
        its practice's decision function gives a value; with `misses`, the statements that
        support no value are added to it with the decision function's reason (for `explain`).

        A list item is read after its lead-in ("We share your data only in these cases:" +
        "with advertisers"; "We will never:" + "sell your address"): the lead-in's last sentence
        and the item's first sentence are read as one, so the item takes the lead-in's verb,
        negation and conditions. `leads` maps a lead-in block's start to its last sentence.
        A question that ends a block ("## Do we sell your personal information?") is the
        sentence before the next block's first ("No, never."): `asked` carries it."""
        assert self.reader is not None
        strings = self.word_strings
        question = asked.pop() if asked else None  # (a question the block before ended with)
        # (the item before in the same list, which the first sentence of this one may refer back to)
        item = item_before.pop() if item_before else None
        said_before = item[1] if item is not None and block.kind == "list-item" and item[0] == block.lead \
            else None
        # (the paragraph before, which an opening sentence with no act of its own may speak of:
        # "We may pass your details to other firms." + "These firms are limited to our couriers.")
        paragraph_before = item[1] if item is not None and block.kind == "paragraph" \
            and item[0] == _PARAGRAPH else None
        if item_before is not None and block.kind in ("list-item", "paragraph") and sents.spans:
            item_before.append((block.lead if block.kind == "list-item" else _PARAGRAPH,
                                partial(sents.lower_words, len(sents.spans) - 1, strings)))
        if asked is not None and sents.spans and strings[sents.lows[sents.spans[-1].end - 1]] == "?":
            asked.append(sents.lower_words(len(sents.spans) - 1, strings))
        elif asked is not None and block.kind in ("heading", "paragraph") and sents.spans \
                and asks_whom(block.text):
            # (a title asking to whom with no question mark asks the paragraph under it too:
            # "Who we share your data with" + "Our card processor and our accountants.")
            asked.append(as_whom_question(sents.lower_words(len(sents.spans) - 1, strings)) + ["?"])
        findings: list[Finding] = []
        seen: set[tuple[str, int, str | None, str]] = set()
        if leads is not None and sents.spans and (block.text.endswith(":") or points_below(block.text)):
            # (or a full stop after words pointing below: "... with the parties set out below.")
            lead_words = sents.lower_words(len(sents.spans) - 1, strings)
            # (the colon is dropped, except after a label naming to whom, whose items complete it
            # as the words after a colon do: "Categories of third parties to whom we disclose
            # personal information:" + "advertising partners")
            # (and after a label of the categories an act concerns: "Categories of personal
            # information sold in the preceding 12 months:" + "identifiers")
            labelled = block.text.endswith(":") and (names_to_whom(lead_words)
                                                     or labels_categories(lead_words))
            # (what we never do is our denial: "What we will never do with your data:" + "sell it")
            # (a lead-in asking to whom is the question its items answer: "Who receives your
            # data:" + "our hosting firm")
            leads[block.offsets[0]] = lead_words if labelled \
                else as_whom_question(lead_words[:-1]) + ["?"] if asks_whom(block.text) \
                else denied_acts_lead(lead_words[:-1]) or lead_words[:-1]
            if question is not None and len(sents.spans) == 1 \
                    and ({"with", "to"} & set(lead_words) or lead_words[:1] == ["only"]) \
                    and self.action_words.isdisjoint(lead_words) \
                    and not self.action_words.isdisjoint(question):
                # an answer of its own that leads a list, naming to whom or the only cases,
                # completes the act asked about ("Do you share my details? Only with a few
                # organisations:" + "* our card processor"; "When do we share it? Only in these
                # situations:" + "1. when the law requires it")
                leads[block.offsets[0]] = list(SECTION_ACT) + leads[block.offsets[0]]
        elif leads is not None and block.text.endswith("?") and sents.spans:
            # a question over a list: each item answers it ("Who do we share your data with?" +
            # "Affiliates ..." + "Third parties to market their products to you")
            leads[block.offsets[0]] = sents.lower_words(len(sents.spans) - 1, strings)
        elif leads is not None and asks_whom(block.text) and sents.spans:
            # (so does a title that asks to whom with no question mark: "Who we share it with")
            title = sents.lower_words(len(sents.spans) - 1, strings)
            leads[block.offsets[0]] = as_whom_question(title) + ["?"]
        # a heading names a topic and states nothing ("Sharing Information with Third Parties"),
        # except that one naming the act of sharing leads the section under it (the reader's
        # `heading` reading)
        heading = block.kind == "heading"
        lead = leads.get(block.lead) if leads is not None and block.lead is not None else None
        if lead and lead[-1] == "?":
            if self._names_a_case(lead, sents):
                # an item naming a case, not a recipient, completes the act asked about: "When we
                # may share your data" + "* To meet a legal obligation" ("we only share your
                # information to meet a legal obligation")
                lead = list(SECTION_ACT)
            else:
                question, lead = question or lead, None  # (an item answers the question over its list)
        # a table row's cells read with its header; a cell read so is not read again as a sentence
        table = self._table_statements(sents, block) if block.cells else []
        read_cells = {k for t in table for a, b in t.used for k in range(a, b)}
        for i, words in enumerate(sents.words):
            span = sents.spans[i]
            # (the sentence's place and words, found once and kept for its statements below)
            where: _Place | None = place(i) if sections_open and not heading else None
            lows: list[str] | None = None
            if sections_open and where is not None and where.section in sections_open:
                lows = sents.lower_words(i, strings)
                if self.illustrations.find(lows, 0, len(lows)):
                    # (a section on sharing that gives examples is no closed list: "How we share
                    # information" + "Here are the most common examples.")
                    del sections_open[where.section]
            # (under a lead-in that names no act, an item with a subject of its own is a sentence,
            # not the lead-in's fragment: "These are our principles:" + "We don't share your
            # personal information with anyone"; "We do not disclose it except in these cases:" +
            # "We may provide it to ..." stays an exception of the denial)
            # (a table's header row names its columns: no item of the lead-in)
            head = lead if i == 0 and lead and not block.column_values and not (
                span.end > span.start and strings[sents.lows[span.start]] in ITEM_SUBJECTS
                and self.action_words.isdisjoint(lead)) else []
            after_only = False
            if self.action_forms.isdisjoint(words) and not head \
                    and (self.grant_forms.isdisjoint(words) or self.granted_forms.isdisjoint(words)):
                # (a short answer to a question holds no act of its own: "Do you sell my data?
                # No."; the question's last token read alone, not its whole list of words)
                before = sents.spans[i - 1] if i else None
                if not (before is not None and before.end > before.start
                        and strings[sents.lows[before.end - 1]] == "?" or i == 0 and question) \
                        or (span.end - span.start > 8
                            and not opens_reply(opening := self._answer_opening(sents, span))
                            and not self._names_recipients(opening)
                            and not names_no_one(opening)):
                    # (but one that speaks of the sentence before is read for that alone)
                    if not ((i or paragraph_before is not None)
                            and self._speaks_of_before(sents, i, words, lows)):
                        continue
                    after_only = True
            tokens = head + (lows if lows is not None else sents.lower_words(i, strings))
            # (a table row the table reader read is no answer to the heading above it:
            # "Internet activity | Advertising networks; Data brokers | None")
            previous = partial(sents.lower_words, i - 1, strings) if i \
                else (lambda: question) if question and not table \
                else said_before or (paragraph_before if after_only else None)
            names = _Names(sents, len(head), span.start, span.end)
            for found in (self.reader.read_after(tokens, previous) if after_only and previous is not None
                          else self.reader.read(tokens, previous, names, heading=heading)):
                hit, trigger, cue, cue_text = _statement_marks(found, tokens, len(head), span.start,
                                                               span.end, sents)
                if not read_cells.isdisjoint(range(hit.start, hit.end)):
                    continue
                if not heading and self.reader.may_take_title(found):
                    # (the recipient its section's title names: "With advertising platforms";
                    # not a run-in title that is the sentence's own first words)
                    where = where or place(i)
                    if not where.text.lower().startswith(where.section.lower()):
                        found = self.reader.titled(found, self._title_words(where.section))
                for rule in self.statement_rules:
                    if found.slots.action not in rule.statement:
                        continue
                    decision = DECISIONS[rule.practice](found.polarity, found.slots)
                    # one statement per rule, value and polarity in a sentence: two clauses that
                    # say different things both count, and a 5 MB run-on "sentence" of the same
                    # clause repeated makes one finding, not thousands each holding the sentence
                    key = (rule.id, i, decision.value if decision else None, found.polarity)
                    if decision is None or key in seen:
                        continue
                    seen.add(key)
                    where = where or place(i)
                    if decision.allowed and sections_open:
                        # "How we share information" over "We use vendors ...", "We disclose it
                        # to third parties:" over "to our processors": a closed list
                        # (or one of its subsections: "8. Who may receive your data" over "8.1
                        # Group companies" + its paragraph)
                        for held in (where.section, ("list", block.lead), *place.enclosing(where)):
                            if held in sections_open:
                                findings.append(sections_open.pop(held))
                    finding = _decided(rule, found, decision.value, decision.role, where, hit,
                                       trigger, cue, cue_text, misses)
                    if finding is None:
                        continue
                    if heading and found.slots.scope == "section" and leads is not None \
                            and block.offsets[0] not in leads:
                        # a heading naming the act of sharing asks to whom of a list right under
                        # it: "Disclosures" + "* GM dealers, to deliver their products to you"
                        leads[block.offsets[0]] = list(SECTION_QUESTION)
                    if found.restates and i:
                        # the admission this sentence says the recipients of ("We may share it
                        # with our partners. By 'partners' we mean only our processors.") is read
                        # as restated: its vaguer words yield
                        findings = self._restated(findings, rule.id, place(i - 1).start, misses)
                    if not decision.held:
                        findings.append(finding)
                    elif sections_open is not None:
                        # held until a paragraph of its section, or an item of its list, names an
                        # allowed exception
                        sections_open[where.section if found.slots.scope == "section"
                                      else ("list", block.offsets[0])] = finding
        return findings + self._table_findings(table, sents, place, misses)

    def _speaks_of_before(self, sents: _Sentences, i: int, words: set[int], lows: list[str] | None) -> bool:
        """Whether sentence i, with no act of its own, may speak of the data given in the one
        before: that its recipients reach the reader with offers of their own ("Those vendors may
        then contact you with proposals of their own"), or who they are ("We may pass your details
        to other organisations. Those organisations are limited to our couriers.")."""
        first = self.word_strings[sents.lows[sents.spans[i].start]]
        if first in ONWARD_OPENERS and self.you in words and not self.reaching_forms.isdisjoint(words):
            return True  # (opening on those it names: "Those vendors", "They", "Each partner")
        return first in RESTATING_OPENERS \
            and restates(lows if lows is not None else sents.lower_words(i, self.word_strings))

    @staticmethod
    def _restated(findings: list[Finding], rule_id: str, start: int,
                  misses: list[NearMiss] | None) -> list[Finding]:
        """The findings without rule `rule_id`'s admissions in the sentence at `start`, which the
        sentence after restates (kept in `misses`, with why, for `explain`)."""
        out = []
        for f in findings:
            if f.rule_id == rule_id and f.start == start and f.value == "yes":
                if misses is not None:
                    misses.append(NearMiss(f.rule_id, f.practice, f.sentence, f.start, f.line, f.section,
                                           f.trigger, f.trigger_span,
                                           "statement: its recipients restated by the sentence after"))
                continue
            out.append(f)
        return out

    def _title_words(self, title: str) -> list[str]:
        """A section title's lowercase tokens, read once per title."""
        words = self._titles.get(title)
        if words is None:
            words = self._titles[title] = [t.lower_ for t in self.nlp.make_doc(title)] if title else []
        return words

    def _table_statements(self, sents: _Sentences, block: Block) -> list[TableStatement]:
        """A table row's statements (`statements/tables.py`): its tokens, the column of each,
        and its header's texts (the table reader reads a header once per table)."""
        assert self.tables is not None
        words = list(map(self.word_strings.__getitem__, sents.lows))
        starts = [start for _, start, _ in block.cells]
        columns = []
        for at in sents.char_starts:
            k = bisect.bisect_right(starts, at) - 1
            columns.append(block.cells[k][0] if k >= 0 and at < block.cells[k][2] else -1)
        return self.tables.read(words, columns, block.header)

    def _table_findings(self, table: list[TableStatement], sents: _Sentences, place: _Placer,
                        misses: list[NearMiss] | None) -> list[Finding]:
        """Findings of a table row's statements: the row is the evidence, the cell the trigger,
        the header named in the decision."""
        findings: list[Finding] = []
        where = place.row() if table else None
        for statement in table:
            assert where is not None
            found = statement.found
            hit = _Hit(found.start, found.end)
            cue = _Hit(*found.cue) if found.cue else None
            label = where.sents.tokens_text(*statement.used[0]) if statement.column is None \
                else place.block.header[statement.column]
            for rule in self.statement_rules:
                decision = DECISIONS[rule.practice](found.polarity, found.slots) \
                    if found.slots.action in rule.statement else None
                if decision is None:
                    continue
                finding = _decided(rule, found, decision.value,
                                   f"{decision.role} (table: “{label}”)", where, hit,
                                   sents.tokens_text(hit.start, hit.end), cue,
                                   sents.tokens_text(cue.start, cue.end) if cue else None, misses)
                if finding is not None:
                    findings.append(finding)
        return findings

    def _pattern_findings(self, sents: _Sentences, place: _Placer, doc: Doc,
                          misses: list[NearMiss] | None,
                          hits: dict[str, list[_Hit]]) -> list[tuple[int, Finding]]:
        """The pattern rules' findings (`hits`: their triggers in the block), each with the
        index of its sentence."""
        fired: dict[str, set[int]] = {}  # rule -> the sentences holding one of its triggers
        for rule_id, rule_hits in hits.items():
            for hit in rule_hits:
                i = sents.containing(hit)
                if i is not None:
                    fired.setdefault(rule_id, set()).add(i)
        if not fired:
            return []
        # (a sentence that refers back has its requirement looked for in the one before too)
        referring = {i for i in set().union(*fired.values()) if self._refers_back(sents, i)}
        required = self.requires.hits(sents, {r: fired[r] | {i - 1 for i in fired[r] & referring}
                                              for r in fired if self.rules[r].requires})
        for rule_id in [r for r in fired if self.rules[r].requires and self.shortcuts]:
            # a rule whose requirement is missing from a sentence finds nothing there
            kept = {i for i in fired[rule_id]
                    if _requirement_met(sents, i, required.get(rule_id, []), referring)}
            if misses is not None:
                for i in sorted(fired[rule_id] - kept):
                    trigger = _earliest(sents.inside(i, hits[rule_id]))
                    misses.append(self._near_miss(self.rules[rule_id], i, trigger, place,
                                                  "requires"))
            fired[rule_id] &= kept
            if not fired[rule_id]:
                del fired[rule_id]
        excluded = self.excludes.hits(sents, {r: fired[r] for r in fired if self.rules[r].exclude})
        cues = self.polarity.cues(doc, sents.tokens_text)
        findings: list[tuple[int, Finding]] = []
        for rule_id in sorted(fired):
            rule = self.rules[rule_id]
            for i in sorted(fired[rule_id]):
                findings += ((i, finding) for finding in self._finding(
                    rule, i, hits[rule_id], required, excluded, cues, place, referring, misses))
        return findings

    def _finding(self, rule: Rule, i: int, hits: list[_Hit], required: dict[str, list[_Hit]],
                 excluded: dict[str, list[_Hit]], cues: list[Cue], place: _Placer,
                 referring: set[int], misses: list[NearMiss] | None = None) -> list[Finding]:
        sents = place.sents
        triggers = sents.inside(i, hits)
        if not triggers:
            return []
        if rule.requires and not _requirement_met(sents, i, required.get(rule.id, []), referring):
            if misses is not None:
                misses.append(self._near_miss(rule, i, _earliest(triggers), place, "requires"))
            return []
        if self._defines_a_term(sents, i):
            if misses is not None:
                misses.append(self._near_miss(rule, i, _earliest(triggers), place, "definition"))
            return []
        blocked = sents.inside(i, excluded.get(rule.id, []))
        candidates = [h for h in triggers if not any(_overlap(b, h) for b in blocked)]
        if not candidates:
            if misses is not None:
                hit = _earliest(triggers)
                blocker = _earliest([b for b in blocked if _overlap(b, hit)])
                misses.append(self._near_miss(rule, i, hit, place, "exclude", blocker))
            return []
        sent = sents.spans[i]
        where = place(i)
        findings: list[Finding] = []
        said: set[str] = set()
        for hit in self._speaking(candidates, sents.lows, sent.start, sent.end):
            polarity, cue = self.polarity.classify_cue(cues, sent.start, hit.start, hit.end, sent.end)
            if place.block.cells:
                polarity, cue = _row_answer(place.block, sents, hit) or (polarity, cue)
            if place.lead_denies and polarity == "affirmed":
                polarity, cue = "negated", None  # "We never:" + "show ads from other companies"
            if polarity in said:
                continue
            said.add(polarity)
            trigger_span = where.span(hit)
            cue_span = where.span(_Hit(cue.start, cue.end)) if cue is not None else None
            findings.append(Finding(
                rule.id, rule.practice, rule.value_for(polarity), polarity, where.text, where.start,
                where.end, where.line, where.section, sents.tokens_text(hit.start, hit.end),
                cue.text if cue else None, self._attributes(rule, where.text[:MAX_SENTENCE_CHARS]),
                trigger_span, cue_span))
        return findings

    def _refers_back(self, sents: _Sentences, i: int) -> bool:
        """Whether sentence i (not the block's first) opens by referring to the one before."""
        if i == 0:
            return False
        words = sents.lower_words(i, self.word_strings)[:BACK_REFERENCE_WORDS]
        if without_mark(words)[:1] in (["yes"], ["no"]) \
                and sents.lower_words(i - 1, self.word_strings)[-1:] == ["?"]:
            return True  # a question's answer ("Can I join if I'm under 13?" + "Yes, but only ...")
        return bool(self.back_references.find(lemmas_of(words), 0, len(words)))

    def _defines_a_term(self, sents: _Sentences, i: int) -> bool:
        """Whether sentence i defines a quoted term ("“Cross-context behavioral advertising” means
        the targeting of ...", "The term 'sale' refers to ..."): a law's words, no practice."""
        span = sents.spans[i]
        words = [self.word_strings[k]
                 for k in sents.lows[span.start:min(span.end, span.start + DEFINED_TERM_WORDS)]]
        quotes = [k for k, w in enumerate(words) if w in QUOTES]
        if len(quotes) < 2 or quotes[0] > 2:  # (the term opens the sentence, after "The term")
            return False
        close = 1
        while close + 2 < len(quotes) and quotes[close + 1] == quotes[close] + 2 \
                and words[quotes[close] + 1] in {"or", "and"}:
            close += 2  # (a term and its variants: "“Minor” or “minor user” means")
        after = words[quotes[close] + 1:quotes[close] + 4]
        # ("means", "refers to", "includes"; not "mean" after a plural subject of a statement)
        return bool(after) and (after[0].endswith("s") and lemma(after[0]) in DEFINING
                                or after[:2] in (["shall", "mean"], ["is", "defined"])
                                or after[:3] == ["has", "the", "meaning"])

    def _speaking(self, candidates: list[_Hit], lows: list[int], start: int, end: int) -> list[_Hit]:
        """The triggers that speak for a sentence: the earliest (then shortest), and the earliest
        of each later clause after a semicolon, which has a polarity of its own ("We do not use
        persistent cookies; a session cookie is set when you log in"; the finding is made only
        when its polarity differs)."""
        first = _earliest(candidates)
        if first.start == start and first.end + 1 < end and lows[first.end] == self.colon \
                and lows[first.end + 1] in self.company_subjects:
            # a topic label opening a sentence of the company's own ("Cookies: We do not use
            # cookies on our site") names what it is about; the trigger after it speaks (not
            # "Strictly necessary cookies: these are needed ...", whose label is the subject)
            after_label = [h for h in candidates if h.start > first.end]
            if after_label:
                first = _earliest(after_label)
        if self.semicolon not in lows[first.end:end]:
            return [first]
        cuts = [k for k in range(first.end, end) if lows[k] == self.semicolon] + [end]
        later = (hit for a, b in zip(cuts, cuts[1:], strict=False)
                 if (inside := [h for h in candidates if a < h.start < b])
                 and self._clause_of_its_own(lows, a + 1, b) and (hit := _earliest(inside)))
        return [first, *later]

    def _names_a_case(self, asked: list[str], sents: _Sentences) -> bool:
        """Whether a list item under a heading or question on sharing ("Information we share",
        "How we share your data") names a case of the act ("To comply with a court order", "If
        you ask us to") rather than to whom ("To our payment processor")."""
        if not sents.spans or SHARING_ASKED.isdisjoint(lemmas_of(asked)):
            return False
        assert self.reader is not None
        opening = self._answer_opening(sents, sents.spans[0])
        if not opening or opening[0] not in CASE_OPENERS:
            return False
        # ("To advertisers", "To our payment processor": whom, past a determiner)
        named = 2 if opening[1:2] in (["our"], ["the"], ["a"], ["an"], ["any"], ["its"]) else 1
        return opening[0] != "to" or named >= len(opening) \
            or lemma(opening[named]) not in self.reader.lex.recipients.by_first

    def _answer_opening(self, sents: _Sentences, span: Any) -> list[str]:
        """An answer's first words, marks left out: what may open a reply or name its recipients."""
        first = sents.lows[span.start:span.start + ANSWER_OPENING + 2]
        return list(without_mark([self.word_strings[k] for k in first]))[:ANSWER_OPENING]

    def _names_recipients(self, opening: list[str]) -> bool:
        """Whether an answer opens naming to whom ("Advertisers, sponsors and other business
        partners, who ..."; "Our hosting provider and ..."): read whatever its length."""
        assert self.reader is not None
        firsts = self.reader.lex.recipients.by_first
        start = 1 if opening[:1] in (["our"], ["the"]) else 0  # (past a determiner)
        return any(lemma(w) in firsts for w in opening[start:])

    def _clause_of_its_own(self, lows: list[int], start: int, end: int) -> bool:
        """Whether the words after a semicolon open a clause with a verb of its own ("; a session
        cookie is set"), not the next item of a list the first clause governs ("does not use
        advertising cookies; tracking pixels; or web beacons")."""
        words = self.word_strings
        return start < end and words[lows[start]] not in {"or", "and", "nor"} \
            and any(words[k] in FINITE for k in lows[start:end])

    @staticmethod
    def _near_miss(rule: Rule, i: int, trigger: _Hit, place: _Placer, why: str,
                   blocker: _Hit | None = None) -> NearMiss:
        """Sentence i's trigger that made no finding, why, and what excluded it."""
        where = place(i)
        text_of = place.sents.tokens_text
        return NearMiss(rule.id, rule.practice, where.text, where.start, where.line,
                        where.section, text_of(trigger.start, trigger.end), where.span(trigger),
                        why, text_of(blocker.start, blocker.end) if blocker else None)

    def _attributes(self, rule: Rule, sentence: str) -> Attributes:
        """What the rule reads from the sentence, shaped as its practice declares: one value, or a
        sorted tuple for `many` attributes."""
        if not rule.attributes:
            return ()
        practice = self.ruleset.practices.get(rule.practice)
        out: list[tuple[str, AttrValue]] = []
        folded = normalize(sentence)
        for name, spec in sorted(rule.attributes.items()):
            found = spec.read(sentence, folded)
            if not found:
                continue
            decl = practice.attributes.get(name) if practice else None
            out.append((name, tuple(sorted(set(found))) if decl and decl.many else found[0]))
        return tuple(out)

    def _docs(self, blocks: Iterable[tuple[str, Block]]) -> Iterator[tuple[Doc, Block]]:
        """Each block's text through the pipeline. The blank pipeline's steps are called one
        block at a time, as `nlp.pipe` would call them, without its batching machinery (about a
        tenth of the time spaCy takes), or, with `self.sentencizer`, left to `_Sentences`; a
        named model's go through `nlp.pipe` (batched)."""
        if self.model != BLANK:
            yield from self.nlp.pipe(blocks, as_tuples=True)
            return
        make_doc = self.nlp.make_doc
        if self.sentencizer is not None:
            for text, block in blocks:
                yield make_doc(text), block
            return
        steps = [step for _, step in self.nlp.pipeline]
        for text, block in blocks:
            doc = make_doc(text)
            for step in steps:
                doc = step(doc)
            yield doc, block

    def analyze(self, document: Document, sha256: str = "",
                misses: list[NearMiss] | None = None) -> Report:
        """The report of one document; with `misses`, the triggers that made no finding (for
        `explain`) are added to it, in document order."""
        sections = parse_sections(document)
        # Blocks stream through the pipeline (never all in memory at once: a 50 MB policy).
        # (the entries of a table of contents name sections and state nothing)
        blocks = ((b.text, b) for b in outside_contents(iter_blocks(document.text))
                  if b.offsets[0] >= document.body_start)
        findings: list[Finding] = []
        carried = _Carried()
        for doc, block in self._docs(blocks):
            findings.extend(self.findings_in_block(block, doc, document, sections, misses, carried))
        for pending in carried.answering:  # a topic at the very end: nothing answers it
            findings.extend(pending.held)
        findings.sort(key=Finding.sort_key)
        if misses is not None:
            misses.sort(key=lambda m: (m.start, m.rule_id))
        verdicts = decide_all(findings, self.ruleset.practices)
        notes = []
        if not findings:
            notes.append("no practices found: this text may not be a privacy policy")
        return Report(document.path, document.metadata, sections, verdicts,
                      tuple(findings), tuple(notes), sha256, text=document.text,
                      body_start=document.body_start)
