"""Answers that inherit their topic: a question, heading or label names a practice ("Do you use
cookies?", "## Children", "Advertising."), and the sentence after it says what holds ("No.",
"We don't knowingly collect data from them.", "There is none in the app."). The pattern rules
read one sentence at a time; this module gives the answer its topic back, for the pattern
practices only (the statement reader has its own replies, `statements/replies.py`).

How an answer is read, first that applies:
1. it names the practice itself: it speaks for itself, and a topic that is no statement (a
   question, heading or label) is dropped for that practice;
2. a word in it stands for the topic ("them", "none", "any", "such deals", "if that happens"):
   it is read with the topic's words in place of that word;
3. it is a reply ("Yes", "No", "Never", "None") or its first clause is denied ("It stays with
   us and is not handed to anyone"): a finding of the rule `topics.yaml` names for that
   polarity (a denial before any stand-in word answers before step 2);
4. a topic that is no statement: the answer is read after the topic's words ("Minors: the
   account holder must be an adult").
A yes/no question that no answer settles states nothing for the practice."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from policylens.models import Finding
from policylens.yamlmarks import safe_load


@dataclass(frozen=True)
class Topic:
    """A practice's topic words (`data/topics.yaml`) and the rule each reply is filed under (the
    value is the one that rule gives the reply's polarity)."""

    practice: str
    replies: dict[str, str]  # polarity -> rule id
    words: tuple[tuple[str, ...], ...]
    phrase: str | None = None  # what stands in for the topic's own words when an answer is read
    prohibitions: bool = False  # a prohibition on the reader answers ("Under 18? You can't join")


@lru_cache(maxsize=1)
def load_topics() -> dict[str, Topic]:
    """The shipped topic words, by practice."""
    text = resources.files("policylens.data").joinpath("topics.yaml").read_text("utf-8")
    return {practice: Topic(practice, dict(spec.get("replies") or {}),
                            tuple(tuple(str(w).split()) for w in spec["words"]), spec.get("phrase"),
                            bool(spec.get("prohibitions")))
            for practice, spec in safe_load(text).items()}


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Every topic phrase by its first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for topic in load_topics().values():
        for phrase in topic.words:
            out.setdefault("#" if "#" in phrase[0] else phrase[0], []).append((phrase, topic.practice))
    for phrases in out.values():
        phrases.sort(key=lambda p: -len(p[0]))
    return out


_DIGIT = re.compile(r"\d")


@cache
def _numbered(word: str) -> re.Pattern[str]:
    """A topic word with "#" for a number: "under-#s" matches "under-16s"."""
    return re.compile(re.escape(word).replace(r"\#", r"\d+"))


def topics_in(words: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Each practice's first (then longest) topic phrase in `words`, as a word range."""
    found: dict[str, tuple[int, int]] = {}
    table = _by_first_word()
    for k, word in enumerate(words):
        numbered = table.get("#", ()) if _DIGIT.search(word) else ()
        for phrase, practice in (*table.get(word, ()), *numbered):
            if practice not in found and len(words) - k >= len(phrase) and all(
                    w == p or ("#" in p and _numbered(p).fullmatch(w))
                    for w, p in zip(words[k:k + len(phrase)], phrase, strict=True)):
                found[practice] = (k, k + len(phrase))
    return found


# the pattern practices whose topic an answer inherits
TOPIC_PRACTICES = frozenset(load_topics())
YES_NO_OPENERS = frozenset({"do", "does", "did", "will", "would", "can", "could", "is", "are",
                            "was", "were", "may", "might", "should", "shall", "have", "has", "am"})
AFFIRMING_REPLIES = frozenset({"yes", "yep", "yeah", "sure", "absolutely", "certainly", "correct"})
DENYING_REPLIES = frozenset({"no", "nope", "never", "none", "not", "nothing", "n/a", "zero"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "none", "nothing", "neither", "nor", "nobody",
                       "cannot", "excluded"})
# a denial ends at a clause's end: "It stays with us, but if you ask we will not keep it"
CLAUSE_ENDS = frozenset({",", ";", "but", "however", "except", "unless", "although", "while",
                         "whereas", "if", "when", "which"})
# a negation before these is no denial ("cannot work without them", "not only"; cues.yaml: pseudo)
PSEUDO_AFTER = frozenset({"work", "function", "able", "only", "all", "necessarily", "limited"})
# the reader's own choice, not a denial: "you do not have to accept them"
READER_WORDS = frozenset({"you", "your", "users", "user"})
# "you cannot", "you may not": a prohibition, where the topic's `prohibitions` says so
MODALS = frozenset({"ca", "can", "may", "must", "should", "shall", "will", "wo", "are", "is"})
# a label is a short phrase, not a sentence with a subject of its own
SUBJECT_WORDS = frozenset({"we", "i", "you", "they", "it", "he", "she", "this", "that", "these",
                           "those", "there", "our", "your", "my", "us", "their", "its", "if"})
LABEL_ENDS = frozenset({".", ":", "-", "–", "—", "|"})
# auxiliaries that make a short line a sentence, not a label ("Quietseek does not use cookies.")
# (not "is"/"are", which a label's relative clause may hold: "Patients who are minors")
AUXILIARY_WORDS = frozenset({"do", "does", "did", "will", "would", "may", "might", "can", "could",
                             "shall", "should", "must"})
MAX_LABEL_WORDS = 5
MAX_ANSWER_TOKENS = 40
# words that stand for the topic named before: replaced by its words
PRONOUNS = frozenset({"they", "them", "it"})
# "these" and "those" stand for it alone ("we use these", "these are"), not before a noun
DEMONSTRATIVES = frozenset({"these", "those"})
LINKING_VERBS = frozenset({"are", "were", "may", "can", "will", "help", "helps", "allow", "let",
                           "include"})
STAND_IN_WORDS = PRONOUNS | DEMONSTRATIVES | {"none", "any", "such", "that", "this", "so", "ones"}
# stand-ins for a plural topic ("them" for "cookies")
PLURAL_STAND_INS = frozenset({"they", "them", "these", "those", "ones"})
EVENT_WORDS = frozenset({"happens", "happen", "happened", "occurs", "occur", "occurred",
                         "case", "event", "situation"})
# "any such deal", "such technologies": the nouns a "such" that stands for a topic names
SUCH_NOUNS = EVENT_WORDS | {"deal", "deals", "transaction", "transactions", "events", "cases",
                            "circumstance", "circumstances", "situations", "sale", "change",
                            "changes", "technology", "technologies", "tools", "tool", "files",
                            "tags", "methods", "ads", "advertising", "practice", "practices"}
QUESTION_OPENERS = frozenset({"q", "question", "faq"})


@dataclass
class Sentence:
    """One sentence as the mechanism sees it: its lowercase words, each word's characters in its
    text, its findings of the topic practices, and the topic phrase of each practice named in
    it (its first topic words, else the trigger of its finding)."""

    text: str
    words: list[str]
    spans: list[tuple[int, int]]
    findings: list[Finding]
    topics: dict[str, str]
    start: int = 0  # the sentence's place in the document: its span, line and section
    end: int = 0
    line: int = 1
    section: str = ""
    heading: bool = False
    named: set[str] = field(default_factory=set)  # practices a trigger of a rule names in it

    @property
    def inline(self) -> bool:
        """Whether this is the rest of a sentence after its label."""
        return bool(self.spans) and self.spans[0][0] > 0

    def kind(self) -> str:
        """'yes-no' or 'wh' question, 'label' (a heading or short phrase) or 'statement'."""
        return line_kind(self.words, self.heading)


def line_kind(words: Sequence[str], heading: bool = False) -> str:
    """'yes-no' or 'wh' question, 'label' (a heading or a short phrase without a subject of its
    own: "Advertising.", "Minors") or 'statement'."""
    words = [w for w in words if w not in {"*", "#", "(", ")", "\"", "'"}]
    if words and words[-1] == "?":
        opening = 0
        while opening < len(words) - 1 and (words[opening] in QUESTION_OPENERS
                                            or words[opening] in LABEL_ENDS):
            opening += 1
        return "yes-no" if words[opening] in YES_NO_OPENERS else "wh"
    named = [w for w in words if w[:1].isalnum()]
    # a heading that says something ("NextRoll does not collect data from minors") is a statement
    if heading:
        return "label" if len(named) <= MAX_LABEL_WORDS + 1 and not NEGATIONS.intersection(named) \
            and (not named or named[0] not in SUBJECT_WORDS) else "statement"
    # (not a short sentence with a verb of its own: "Quietseek does not use cookies.")
    if named and len(named) <= MAX_LABEL_WORDS and named[0] not in SUBJECT_WORDS \
            and (words[-1] in LABEL_ENDS or words[-1][:1].isalnum()) \
            and AUXILIARY_WORDS.isdisjoint(named) and NEGATIONS.isdisjoint(named):
        return "label"
    return "statement"


def stand_in(words: Sequence[str], k: int) -> str | None:
    """How word k stands for a topic named before it: 'word' (it, them, these alone, "if so",
    "if that happens"), 'none' ("sets none"), 'any' ("does not use any."), 'such' ("any such
    deal": the word after it goes too), or None."""
    word = words[k]
    after = words[k + 1] if k + 1 < len(words) else ""
    if word in PRONOUNS or word == "ones" or (word in DEMONSTRATIVES and (not after[:1].isalpha()
                                                        or after in LINKING_VERBS)) \
            or (word in {"that", "this"} and after in EVENT_WORDS) \
            or (word == "so" and k > 0 and words[k - 1] == "if"):
        return "word"
    if word == "none" and after != "of":
        return "none"
    if word == "any" and not after[:1].isalnum():
        return "any"
    if word == "such" and after in SUCH_NOUNS:  # not "such data": the data, not the topic
        return "such"
    return None


def has_anaphor(words: Sequence[str]) -> bool:
    """Whether a word of the sentence may stand for a topic named before it (see `rewrite`)."""
    return not STAND_IN_WORDS.isdisjoint(words) and any(stand_in(words, k)
                                                        for k in range(len(words)))


@dataclass
class Pending:
    """A topic that ends its block (a heading, a question or a label alone), waiting for the
    first sentence of the next block; its findings of the topic practices are held meanwhile."""

    topic: Sentence
    held: list[Finding] = field(default_factory=list)


# reads a text alone with the pattern rules
Reader = Callable[[str], list[Finding]]
# the value a rule gives a polarity, None when it gives none or is not loaded
Valuer = Callable[[str, str], str | None]


@dataclass(frozen=True)
class Rewrite:
    """The answer with the topic's words put in: the text read, and for each character range
    of it that came from the answer, where it stands in the answer (the rest stands for the
    replaced word, or for the whole answer when the topic was put in front)."""

    text: str
    pieces: tuple[tuple[int, int, int | None, int | None], ...]  # start, end, answer start, end

    def span(self, start: int, end: int, answer_length: int) -> tuple[int, int] | None:
        """The answer's characters for the rewritten text's start..end; None when they lie
        wholly in the topic's words put in front."""
        out: list[tuple[int, int]] = []
        for a, b, c, d in self.pieces:
            if a < end and start < b:
                if c is None or d is None:
                    continue
                elif b - a == d - c:  # kept as written
                    out.append((c + max(start, a) - a, c + min(end, b) - a))
                else:  # a replaced word
                    out.append((c, d))
        if not out:
            return None
        return (min(x for x, _ in out), max(y for _, y in out))


def rewrite(answer: Sentence, phrase: str, prefix: bool) -> Rewrite | None:
    """The answer with the words that stand for the topic replaced by `phrase` ("we use them"
    -> "we use cookies", "sets none" -> "sets no cookies", "if that happens" -> "if a business
    transfer happens"); with `prefix` and no such word, the answer after the topic's words
    ("Minors: the owner must be an adult"); None when neither applies."""
    pieces: list[tuple[int, int, int | None, int | None]] = []
    out: list[str] = []
    words, spans = answer.words, answer.spans
    # characters of the answer copied so far (the rest of a sentence after its label: from its
    # first word)
    at = spans[0][0] if spans else 0
    length = 0

    def put(text: str, origin: tuple[int, int] | None) -> None:
        nonlocal length
        if text:
            pieces.append((length, length + len(text), origin[0] if origin else None,
                           origin[1] if origin else None))
            out.append(text)
            length += len(text)

    replaced = False
    k = 0
    while k < len(words):
        a, end = spans[k]
        how = stand_in(words, k)
        new = None if how is None else {"word": phrase, "none": "no " + phrase,
                                        "any": "any " + phrase, "such": phrase}[how]
        if how == "such":  # "such deal" goes as a whole
            end = spans[k + 1][1]
            k += 1
        if new is not None:
            put(answer.text[at:a], (at, a))
            put(new, (a, end))
            at, replaced = end, True
        k += 1
    if not replaced:
        if not prefix:
            return None
        put(phrase + ": ", None)
    put(answer.text[at:], (at, len(answer.text)))
    return Rewrite("".join(out), tuple(pieces))


def reply_polarity(answer: Sentence,
                   prohibitions: bool = False) -> tuple[str, tuple[int, int] | None] | None:
    """'affirmed' or 'negated' when the answer is a reply ("Yes, ...", "No.", "Never.") or its
    first clause is denied by its own subject ("It stays with us and is not handed on"), with
    the cue's characters; None when it is neither."""
    words = [w for w in answer.words]
    k = 0
    while k < len(words) and (words[k] in {"a", "answer"} or words[k] in LABEL_ENDS):
        k += 1  # "A: No."
    if k < len(words):
        if words[k] in AFFIRMING_REPLIES:
            return "affirmed", answer.spans[k]
        if words[k] in DENYING_REPLIES:
            return "negated", answer.spans[k]
    if len(words) > MAX_ANSWER_TOKENS:
        return None
    for j in range(k, len(words)):
        if words[j] in CLAUSE_ENDS and j > k:
            return None
        if words[j] in NEGATIONS:
            if _no_denial(words, j):
                continue
            if READER_WORDS.intersection(words[max(k, j - 3):j]) \
                    and not (prohibitions and words[j - 1:j] and words[j - 1] in MODALS):
                return None
            return "negated", answer.spans[j]
    return None


def placed(finding: Finding, answer: Sentence, trigger: tuple[int, int] | None,
           cue: tuple[int, int] | None) -> Finding:
    """A finding moved to the answer: the answer is its evidence, `trigger` and `cue` its
    characters there (the whole answer when the trigger is the topic's)."""
    trigger = trigger or (0, len(answer.text))
    return dataclasses.replace(
        finding, sentence=answer.text, start=answer.start, end=answer.end, line=answer.line,
        section=answer.section, trigger=answer.text[trigger[0]:trigger[1]], trigger_span=trigger,
        cue=answer.text[cue[0]:cue[1]] if cue else None, cue_span=cue)


def _no_denial(words: Sequence[str], j: int) -> bool:
    """Whether the negation at j denies nothing: "cannot work without them", "not only",
    "not be able to" (the pseudo cues of `cues.yaml`), or one "without" cancels ("we do not
    ... without your consent")."""
    after = words[j + 1:j + 3]
    if after[:1] and after[0] in PSEUDO_AFTER or after == ["be", "able"]:
        return True
    for word in words[j + 1:]:
        if word in CLAUSE_ENDS:
            return False
        if word == "without":
            return True
    return False


def _refers_to(topic: Sentence, practice: str, answer: Sentence) -> bool:
    """Whether a word opening the answer stands for the practice the statement before named: its
    only topic, or the only one of the stand-in's number ("We do not use cookies for
    advertising. We use them only to remember your language": "them" is the cookies, not the
    advertising)."""
    # (the stand-in opens the answer; "ones" may stand further on: "we use a handful of
    # strictly necessary ones")
    first = next((k for k in range(len(answer.words)) if (k < 4 or answer.words[k] == "ones")
                  and stand_in(answer.words, k)), None)
    if first is None:
        return False
    if len(topic.topics) == 1:
        return True
    word = answer.words[first]
    if word not in PLURAL_STAND_INS and word != "it":
        return False
    plural = {p for p, text in topic.topics.items() if text.lower().endswith("s")}
    fitting = plural if word in PLURAL_STAND_INS else set(topic.topics) - plural
    return fitting == {practice}


class Answers:
    """Reads each answer with its topic: `read` runs the pattern rules on a text alone, `value`
    gives the value a rule gives a polarity."""

    def __init__(self, read: Reader, value: Valuer) -> None:
        self.read = read
        self.value = value
        self.topics = load_topics()

    def answer(self, topic: Sentence, answer: Sentence) -> tuple[list[Finding], set[str]]:
        """What the answer says of each practice its topic names: the answer's new findings,
        and the practices whose findings in the topic are to be dropped."""
        kind = topic.kind()
        new: list[Finding] = []
        dropped: set[str] = set()
        if len(answer.words) > MAX_ANSWER_TOKENS * 2:
            return new, dropped
        for practice, words in topic.topics.items():
            phrase = self.topics[practice].phrase or words
            if any(f.practice == practice and f.value is not None for f in answer.findings):
                if kind != "statement":  # the answer speaks for itself
                    dropped.add(practice)
                continue
            if kind == "statement":
                # a statement that names one practice in passing and says nothing of it: what
                # stands for it in the next sentence is read ("Cookies are small files. We use
                # them to ..."); one that speaks for a practice is about that one
                # (the stand-in opens the answer: "They are ...", "We use them", "If so"; one
                # further on stands for something nearer: "... protect the data and use it")
                # (one that speaks for another practice may name this one in passing too, and an
                # answer naming the practice itself needs the topic's word for its rule: "We do
                # not use cookies for advertising. We use them only to remember your language")
                if not any(f.practice == practice for f in topic.findings) \
                        and (practice in answer.named or not topic.findings or len(topic.topics) > 1) \
                        and _refers_to(topic, practice, answer):
                    new.extend(self._read(answer, phrase, practice, prefix=False))
                continue
            if practice in answer.named:
                # the rules read it and found nothing in it alone: perhaps for want of the
                # topic's words ("A parent must be present" under "Patients who are minors");
                # the rest of a labelled sentence was read with its label already
                if not answer.inline:
                    read = self._read(answer, phrase, practice, prefix=True)
                    if read:
                        new.extend(read)
                        dropped.add(practice)
                continue
            # a reply or denial that comes before any word standing for the topic answers first
            # ("Your records would not be transferred; they would be returned to you")
            if self._replies_first(answer):
                read = self._reply(topic, answer, practice) \
                    or self._read(answer, phrase, practice, prefix=False)
            else:
                read = self._read(answer, phrase, practice, prefix=False) \
                    or self._reply(topic, answer, practice)
            read = read or self._read(answer, phrase, practice, prefix=True)
            if read:
                new.extend(read)
                dropped.add(practice)
            elif kind == "yes-no":
                dropped.add(practice)  # a question no answer settles states nothing
        return new, dropped

    @staticmethod
    def _replies_first(answer: Sentence) -> bool:
        reply = reply_polarity(answer, prohibitions=True)
        if reply is None or reply[1] is None:
            return False
        first = next((answer.spans[k][0] for k in range(len(answer.words))
                      if stand_in(answer.words, k)), None)
        return first is None or reply[1][0] < first

    def _read(self, answer: Sentence, phrase: str, practice: str, prefix: bool) -> list[Finding]:
        """The answer read with the topic's words in it."""
        rewritten = rewrite(answer, phrase, prefix)
        if rewritten is None:
            return []
        size = len(answer.text)
        # (a trigger wholly in the topic's words put in front is the topic's, not the answer's)
        return [placed(f, answer, trigger, rewritten.span(*f.cue_span, size) if f.cue_span else None)
                for f in self.read(rewritten.text) if f.practice == practice and f.value is not None
                and (trigger := rewritten.span(*f.trigger_span, size)) is not None]

    def _reply(self, topic: Sentence, answer: Sentence, practice: str) -> list[Finding]:
        """A reply's finding, filed under the rule `topics.yaml` names for the reply's polarity,
        with the value that rule gives it."""
        spec = self.topics[practice]
        reply = reply_polarity(answer, spec.prohibitions)
        if reply is None or reply[0] not in spec.replies:
            return []
        polarity, cue = reply
        rule = spec.replies[polarity]
        value = self.value(rule, polarity)
        if value is None:
            return []
        base = Finding(rule, practice, value, polarity, "", 0, 0, 1, "", "")
        return [placed(base, answer, None, cue)]


def inline_label(words: Sequence[str], breaks: Sequence[int] = ()) -> tuple[int, int] | None:
    """Where a label that opens the sentence ends, and where its answer starts: at a colon
    ("Interest-based advertising: we do not take part in it") or at a line break after a short
    first line (`breaks`: the word indexes a line break follows: "Cookies\nNone are used")."""
    for k, word in enumerate(words[:MAX_LABEL_WORDS + 2]):
        if word == ":" or k in breaks:
            end = k + 1 if k in breaks and word != ":" else k
            named = [w for w in words[:end] if w[:1].isalnum()]
            # (a first line that answers itself is no label: "Under 13s | Not permitted")
            if named and len(named) <= MAX_LABEL_WORDS and named[0] not in SUBJECT_WORDS \
                    and k + 1 < len(words) and (word == ":" or not any(
                        w in NEGATIONS or w in {"|", ":"} for w in words[:end])):
                return end, k + 1
            return None
    return None
