"""Polarity of a trigger in its sentence: affirmed, negated, hedged or conditional.

ConText-style: cue phrases come from data/cues.yaml; a cue reaches a trigger only inside the same
clause (terminators such as "but", "however", ";" end a clause) and within `window` tokens before
it. Pseudo cues ("not limited to") are no cues, and a negation whose subject is the reader
("if you do not accept cookies") is the reader's choice, not the company's practice.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from policylens.yamlmarks import safe_load

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CUE_KINDS = ("negation", "past", "predicates", "summing", "post_negations", "hedge", "conditional",
             "pseudo", "terminators", "user_subjects", "clause_joins", "verb_negations", "pauses",
             "asides", "verb_asides")
# word lists of cues.yaml that qualify a cue kind rather than being cues themselves
CUE_WORD_LISTS = ("denied_participles", "post_purposes")


class Cue(NamedTuple):
    """A cue phrase found in a block (a named tuple: made for every cue of every block with a
    finding, for about half what a frozen dataclass costs)."""

    kind: str
    start: int  # token indices in the block Doc
    end: int
    text: str


@lru_cache(maxsize=1)
def load_cues() -> dict[str, object]:
    text = resources.files("policylens.data").joinpath("cues.yaml").read_text("utf-8")
    data = safe_load(text)
    unknown = set(data) - set(CUE_KINDS) - set(CUE_WORD_LISTS) - {"window", "verb_negation_reach"}
    if unknown:
        raise ValueError(f"cues.yaml: unknown sections {sorted(unknown)}")
    for kind in CUE_KINDS + CUE_WORD_LISTS:  # a bare `no` in YAML is False, which would never match a word
        odd = [c for c in data.get(kind) or [] if not isinstance(c, str)]
        if odd:
            raise ValueError(f"cues.yaml: {kind} entries must be strings (quote them): {odd}")
    return dict(data)


def _list_comma(doc: Doc, k: int) -> bool:
    """Whether the token at k is the comma of a list's items ("your browsing, location or call
    data"; "your contacts, your precise location, or your advertising identifier"): no pause in
    a negated verb's reach."""
    # (the cheapest test first: most commas have no "or" two words on)
    if k + 3 < len(doc) and doc[k + 2].lower_ in {"or", "and"} and doc[k].text == "," \
            and doc[k + 1].is_alpha and doc[k + 3].is_alpha and doc[k + 3].lower_ not in LIST_BREAKERS:
        return True
    if k + 2 < len(doc) and doc[k + 1].lower_ in {"or", "and"} and doc[k + 2].lower_ in _ITEM_OPENERS:
        return _opened_before(doc, k, doc[k + 2].lower_)  # the last item: ", or your identifier"
    opener = doc[k + 1].lower_ if k + 1 < len(doc) else ""
    return opener in _ITEM_OPENERS and _opened_before(doc, k, opener) and _last_item_after(doc, k, opener)


def _opened_before(doc: Doc, k: int, opener: str) -> bool:
    """Whether an item opened by `opener` stands before the comma at k, in its clause."""
    for j in range(k - 1, max(-1, k - PARALLEL_ITEM_WORDS), -1):
        word = doc[j].lower_
        if word in {".", ";", ":"}:
            return False
        if word == opener:
            return True
    return False


def _last_item_after(doc: Doc, k: int, opener: str) -> bool:
    """Whether a last item opened by "or"/"and" and `opener` follows the comma at k."""
    for j in range(k + 2, min(len(doc) - 1, k + 3 * PARALLEL_ITEM_WORDS)):
        word = doc[j].lower_
        if word in {".", ";", ":"}:
            return False
        if word in {"or", "and"} and doc[j + 1].lower_ == opener:
            return True
    return False


def _verb_aside(doc: Doc, comma: int, text_of: Callable[[int, int], str]) -> Cue | None:
    """The aside that opens at the comma after an auxiliary or a negation and closes at the next
    comma, a verb after it ("We will not, at any point while you browse, place cookies"): the
    words between stand outside the clause, so a negation before reaches the verb after."""
    for k in range(comma + 2, min(len(doc), comma + VERB_ASIDE_WORDS)):
        text = doc[k].text
        if text == ",":
            return Cue("verb_asides", comma, k + 1, text_of(comma, k + 1)) \
                if k + 1 < len(doc) and doc[k + 1].is_alpha else None
        if text in {".", ";", ":", "!", "?"}:
            return None
    return None


def _outside_asides(asides: list[Cue], start: int, end: int) -> int:
    """How many tokens of doc[start:end] lie outside the verb asides."""
    return (end - start) - sum(min(end, a.end) - max(start, a.start) for a in asides
                               if a.start < end and start < a.end)


RELATIVE_OPENERS = frozenset({"which", "who", "whom"})
# how far a relative clause set off by commas may run before its closing comma
RELATIVE_ASIDE_MOST = 12


def _relative_aside(doc: Doc, opener: int, text_of: Callable[[int, int], str]) -> Cue | None:
    """The relative clause that opens with ", which" (or ", who") at `opener` and closes at the
    next comma: from the opener to the closing comma."""
    if opener == 0 or doc[opener - 1].text != ",":
        return None
    for k in range(opener + 1, min(len(doc), opener + RELATIVE_ASIDE_MOST)):
        text = doc[k].text
        if text == ",":
            return Cue("relative_asides", opener, k + 1, text_of(opener, k + 1))
        if text in {".", ";", ":", "!", "?"}:
            return None
    return None


def _stops(in_sentence: list[Cue]) -> list[int]:
    """Where a verb negation's reach ends: a pause or a clause of its own, except the commas
    that open and close an aside of examples (", including your history,")."""
    asides = {c.start for c in in_sentence if c.kind == "asides"}
    pauses = sorted(c.start for c in in_sentence if c.kind == "pauses")
    skipped = set(asides)
    for a in asides:  # (and the comma that closes it)
        closing = next((p for p in pauses if p > a), None)
        if closing is not None:
            skipped.add(closing)
    return [p for p in pauses if p not in skipped] \
        + [c.start for c in in_sentence if c.kind == "clause_joins"]


def _negated_passive(in_sentence: list[Cue], trig_end: int) -> list[Cue]:
    """The negation of a passive right after the trigger ("your advertising ID is never read"):
    `PolarityDetector.cues` keeps only those a denied participle follows with no purpose after
    it ("cookies are not used to identify you" is no denial)."""
    return [c for c in in_sentence if c.kind == "post_negations" and trig_end <= c.start <= trig_end + 1][:1]


def _later_denials(in_sentence: list[Cue], clause_start: int, trig_end: int, clause_end: int) -> list[Cue]:
    """The cues that deny a trigger from beyond the usual reach, in the order tried: a time bound
    in the past anywhere in its clause ("The site used cookies until 2022"; "Until 2022, the game
    was supported by an ad network"), a predicate right after it ("... is not something we do",
    "... is something you won't find"), a denial after a colon that sums up the list it ends
    ("Ad networks, retargeting pixels: none of these does our clinic use"), and a negated
    passive after it ("your advertising ID is never read")."""
    past = [c for c in in_sentence if c.kind == "past" and clause_start <= c.start < clause_end]
    summed = [c for c in in_sentence if c.kind == "summing" and c.start >= trig_end and not any(
        t.kind == "terminators" and trig_end <= t.start < c.start for t in in_sentence)][:1]
    return past + _denying_predicate(in_sentence, trig_end, clause_end) + summed \
        + _negated_passive(in_sentence, trig_end)


def _denying_predicate(in_sentence: list[Cue], trig_end: int, clause_end: int) -> list[Cue]:
    """The negation a predicate right after the trigger carries ("... is not something we do")
    or that follows it in the clause ("... is something you won't find here")."""
    predicate = next((c for c in in_sentence if c.kind == "predicates"
                      and trig_end <= c.start <= trig_end + 1), None)
    if predicate is None:
        return []
    if not DENYING_WORDS.isdisjoint(predicate.text.lower().split()):
        return [predicate]
    return [c for c in in_sentence if c.kind == "negation"
            and predicate.end <= c.start <= min(clause_end, predicate.end + PREDICATE_REACH)][:1]


def _fronted(cue: Cue, clause_start: int) -> bool:
    """Whether a negation cue opens its clause ("Neither ...", "Never will we ...", "Under no
    circumstances ...", "At no time ..."; not "No personal data is ...", whose "no" denies its
    noun): it governs the clause's verb."""
    text = cue.text.lower()
    if text == "no":
        return cue.start == clause_start + 1  # ("at no time", "in no case")
    return text in FRONTED_NEGATIONS and cue.start - clause_start <= 1


# the cue kinds that deny from beyond a negation's usual reach (`_later_denials`)
LATER_KINDS = frozenset({"past", "predicates", "summing", "post_negations"})
# the words of a predicate that deny by themselves ("is not something", "has no place")
DENYING_WORDS = frozenset({"not", "no", "nothing"})
# how far after "is something" its negation may stand ("is something you won't find")
PREDICATE_REACH = 4
# how long an aside inside a verb group may be ("will not, at any point while you browse, place")
VERB_ASIDE_WORDS = 14

# the words that open each item of a list of noun phrases ("your contacts, your location, or your
# identifier"), and how far apart two openers may stand
_ITEM_OPENERS = frozenset({"your", "the", "any", "their", "his", "her"})
PARALLEL_ITEM_WORDS = 6

# words after "A, B or" that open a clause of its own, not a list's last item
LIST_BREAKERS = frozenset({"we", "they", "you", "it", "i", "he", "she", "our", "not", "never", "if",
                           "then", "also", "so", "therefore", "may", "will", "can"})

# negations that govern their clause's verb when they open it
# (and "None of our products, including the free trial, is meant for ...": its clause's verb)
FRONTED_NEGATIONS = frozenset({"neither", "never", "under no circumstances", "in no event", "none"})


class PolarityDetector:
    """Finds cues once per block and decides the polarity of each trigger span."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        cues = load_cues()
        self.window = int(cues.get("window", 8))  # type: ignore[call-overload]
        self.verb_negation_reach = int(cues.get("verb_negation_reach", 4))  # type: ignore[call-overload]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in CUE_KINDS:
            phrases = [str(p) for p in cues.get(kind, [])]  # type: ignore[attr-defined]
            # Typeset text writes "don’t" with a curly apostrophe; the lexicon spells it "n't".
            phrases = list(dict.fromkeys(phrases + [p.replace("'", "\u2019") for p in phrases]))
            self.matcher.add(kind, [nlp.make_doc(p) for p in phrases])
        self.strings = nlp.vocab.strings
        # a match's key is its kind's hash: the kind by its key, without a StringStore call each
        self.kinds = {self.strings.add(kind): kind for kind in CUE_KINDS}
        self.pause_key = self.strings.add("pauses")
        self.post_key = self.strings.add("post_negations")
        self.verb_aside_key = self.strings.add("verb_asides")
        self.denied_participles = frozenset(str(w) for w in cues.get("denied_participles", []))  # type: ignore[attr-defined]
        self.post_purposes = frozenset(str(w) for w in cues.get("post_purposes", []))  # type: ignore[attr-defined]

    def cues(self, doc: Doc, text_of: Callable[[int, int], str] | None = None) -> list[Cue]:
        """Every cue in the doc; `text_of(start, end)` gives the text of tokens start..end."""
        if text_of is None:
            text_of = lambda start, end: doc[start:end].text  # noqa: E731
        kinds = self.kinds
        matches = self.matcher(doc)
        # (a pause matters only to a verb negation's reach: most blocks have none)
        pause = self.pause_key if not any(kinds[key] == "verb_negations" for key, _, _ in matches) else None
        found = [Cue(kinds[key], start, end, text_of(start, end))
                 for key, start, end in matches if key != pause and key != self.verb_aside_key
                 and (key != self.pause_key or not _list_comma(doc, start))
                 and (key != self.post_key or self._denies_passive(doc, end))]
        found += [aside for key, start, end in matches if key == self.verb_aside_key
                  if (aside := _verb_aside(doc, end - 1, text_of)) is not None]
        if any(c.kind == "negation" for c in found):
            # (a relative clause matters only to a negation inside it)
            found += [aside for c in found if c.kind == "terminators" and c.text.lower() in RELATIVE_OPENERS
                      if (aside := _relative_aside(doc, c.start, text_of)) is not None]
        pseudo = [c for c in found if c.kind == "pseudo"]
        if not pseudo:
            return found
        return [
            c for c in found
            if c.kind == "pseudo"
            or not any(p.start <= c.start < p.end or c.start <= p.start < c.end for p in pseudo)
        ]

    def _denies_passive(self, doc: Doc, end: int) -> bool:
        """Whether a negated auxiliary ending at `end` ("is never") is followed by a participle
        that denies the practice, with no purpose after it ("used to identify you")."""
        if end >= len(doc) or doc[end].lower_ not in self.denied_participles:
            return False
        after = " ".join(t.lower_ for t in doc[end + 1:end + 3])
        return not any(after == p or after.startswith(p + " ") for p in self.post_purposes)

    def classify(
        self, cues: list[Cue], sent_start: int, trig_start: int, trig_end: int, sent_end: int
    ) -> tuple[str, str | None]:
        """Polarity of the trigger doc[trig_start:trig_end] and the text of the cue that set it."""
        polarity, cue = self.classify_cue(cues, sent_start, trig_start, trig_end, sent_end)
        return polarity, cue.text if cue else None

    def classify_cue(
        self, cues: list[Cue], sent_start: int, trig_start: int, trig_end: int, sent_end: int
    ) -> tuple[str, Cue | None]:
        """Polarity of the trigger doc[trig_start:trig_end] and the cue that set it (its span is
        what `explain` marks)."""
        in_sentence = [c for c in cues if sent_start <= c.start and c.end <= sent_end]
        asides = [c for c in in_sentence if c.kind == "verb_asides" and c.end <= trig_start]
        if asides:
            # (a clause inside a verb's aside is none of the verb's: "will not, at any point while
            # you browse, place cookies")
            in_sentence = [c for c in in_sentence if c.kind == "verb_asides"
                           or not any(a.start < c.start < a.end for a in asides)]
        relatives = [c for c in in_sentence if c.kind == "relative_asides" and c.end <= trig_start]
        if relatives:
            # (a negation inside a relative clause set off by commas is the clause's own, not the
            # main verb's: "In that case, which we hope never arises, a buyer could receive it")
            in_sentence = [c for c in in_sentence
                           if not any(r.start < c.start and c.end < r.end for r in relatives)]
        clause_start = sent_start
        # (a terminator inside a negation is none: "pages, none of which set cookies")
        phrases = [c for c in in_sentence if c.kind == "negation" and c.end - c.start > 1]
        for c in in_sentence:
            if c.kind == "terminators" and c.end <= trig_start \
                    and not any(n.start < c.start < n.end for n in phrases):
                clause_start = max(clause_start, c.end)
        # (a fronted negation denies whatever its clause's verb does, however far, up to a clause
        # joined after it: "Neither we nor any third party will use what you share to target
        # ads", "At no point, whether you are donating or reading, does this site place cookies")
        joins = [c.start for c in in_sentence if c.kind == "clause_joins"]
        reach = [c for c in in_sentence
                 if c.start >= clause_start and c.start < trig_end
                 and ((trig_start - c.end if not asides else _outside_asides(asides, c.end, trig_start))
                      <= self.window
                      or (_fronted(c, clause_start) and not any(c.end <= j < trig_start for j in joins)))]
        # (a negation of the clause's own verb right after its subject denies the whole clause
        # up to a pause: "Roblox does not track its customers over time and across third-party
        # websites to provide targeted advertising")
        verb_negations = [c for c in in_sentence if c.kind == "verb_negations"
                          and clause_start <= c.start <= clause_start + self.verb_negation_reach
                          and c.end <= trig_start]
        stops = _stops(in_sentence) if verb_negations else []
        governing = [c for c in verb_negations if not any(c.end <= j < trig_start for j in stops)]
        users = [c for c in in_sentence if c.kind == "user_subjects"]
        later: list[Cue] = []
        if any(c.kind in LATER_KINDS for c in in_sentence):
            clause_end = min((c.start for c in in_sentence if c.kind in ("terminators", "clause_joins")
                              and c.start >= trig_end), default=sent_end)
            later = _later_denials(in_sentence, clause_start, trig_end, clause_end)
        breaks = [c.start for c in in_sentence if c.kind in ("pauses", "terminators")]
        for c in [c for c in reach if c.kind == "negation"] + governing + later:
            # (not across a pause: "stores nothing on your device, doesn't use pixels")
            if any(u.end <= c.start and c.start - u.end <= 3 and u.start >= clause_start
                   and not any(u.end <= b < c.start for b in breaks) for u in users):
                continue  # "you do not", "if you choose not to": the reader's choice
            return "negated", c
        for c in in_sentence:
            if c.kind == "conditional":
                return "conditional", c
        for c in reach:
            if c.kind == "hedge":
                return "hedged", c
        return "affirmed", None
