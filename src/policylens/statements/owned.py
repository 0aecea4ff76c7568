"""Acts the company names as its own with no finite verb of theirs: a gerund whose predicate says
what we do ("Selling your data is not something we do", "... is prohibited"), a means ("we fund
the app by licensing your profile to brands"), a contrast ("with fees, not by selling your data",
"rather than by selling it"). The reader's `_actions` asks here before it drops a gerund."""

from __future__ import annotations

from collections.abc import Sequence

from policylens.statements.lexicon import Lexicon
from policylens.statements.subjects import SubjectFinder
from policylens.statements.words import (
    BARRED,
    BARRING,
    CONTRASTS,
    DENIED_OBJECTS,
    INCLUDES,
    KEEPING_FROM,
    PRACTICE_NOUNS,
    RULE_NOUNS,
)

# words of earning that frame a contrast of acts ("makes its money selling tickets, not selling
# data")
MONEY_WORDS = frozenset({"money", "revenue", "revenues", "income", "living", "profit", "profits"})
# an aside between "include" and its gerund ("This may include, for example, sharing ...")
_ASIDES = frozenset({",", "for", "example", "instance", "e.g.", "among", "other", "things"})
# a subject that stands for the practice the sentence before described ("This may include selling")
_DEMONSTRATIVES = frozenset({"this", "these", "that", "such"})
# what such a practice takes in, besides including it ("Usually this means sharing your email
# address with our advertising partners"; not after a quoted term: "“sell” means ..." defines)
_TAKES_IN = INCLUDES | {"mean", "involve", "entail"}


class OwnedActs:
    """Tells a gerund the company says it does (or not) from one that names a topic."""

    def __init__(self, lexicon: Lexicon, subjects: SubjectFinder) -> None:
        self.lex = lexicon
        self.subjects = subjects

    def act(self, words: Sequence[str], lemmas: Sequence[str], i: int,
            j: int) -> tuple[tuple[int, int] | None] | None:
        """Whether the gerund at i (its list reaching back to j) is an act the company says it
        does or not, and the negation that says it is not (None inside: affirmed): a contrast
        ("We make money from subscriptions, not from selling your data", "rather than by selling
        it"), a deeming ("may amount to selling your data"), a means of ours ("we fund the app by
        licensing your profile"), or a sentence-opening gerund whose predicate is what we do
        ("Selling or renting your details is something we have never done")."""
        if j > 0 and words[j] in {"from", "by", "through"} and words[j - 1] in {"not", "never"}:
            return ((j - 1, j),)
        if j > 0 and words[j] in {"not", "never"} and words[j - 1] == "," \
                and not MONEY_WORDS.isdisjoint(words[:j - 1]):
            # "SeatFinder makes its money selling tickets, not selling information about buyers":
            # the act set against how the company earns
            return ((j, j + 1),)
        if j > 1 and words[j] == "from":
            # "we are prohibited from selling it", "our contract prevents us from sharing it", "we
            # refrain from passing it on": the company kept from the act (not "nothing prevents
            # us from sharing it", nor a rule for others: "vendors are barred from selling it")
            bar = j - 2 if words[j - 1] == "us" else j - 1
            if lemmas[bar] in KEEPING_FROM and (words[j - 1] == "us" or self._our_rules(words, lemmas, bar)):
                # (its subject's own denial, within its clause: "Nothing in our terms stops us")
                opening = max([k + 1 for k in range(max(0, bar - 8), bar) if words[k] in {",", ";", ":"}],
                              default=max(0, bar - 8))
                kept = not self.lex.negations.find(lemmas, opening, bar) \
                    and DENIED_OBJECTS.isdisjoint(words[opening:bar])
                return ((bar, bar + 1) if kept else None,)
        if j > 0 and lemmas[j] in BARRING and self._our_rules(words, lemmas, j):
            # "our rules forbid handing member data to any buyer": the company's own bar
            return ((j, j + 1),)
        deemed_at = self.lex.deemed.find(lemmas, max(0, j - 3), j + 1) \
            if j > 0 and words[j] in {"to", "as"} else []
        deemed = deemed_at[-1][0] if deemed_at else None
        if deemed is not None:
            # "allowing advertising cookies may amount to selling your data" (not: "sharing with
            # processors does not amount to selling it")
            negation = self.lex.negations.find(lemmas, max(0, deemed - 4), deemed)
            return ((negation[-1][0], negation[-1][1]) if negation else None,)
        # "with fees rather than by selling your data", "instead of renting it"
        contrast = next((k for k in (j - 1, j) if k > 0 and words[k - 1:k + 1] in CONTRASTS), None)
        if contrast is not None and (self.company_subject(words, lemmas, contrast - 1) is not None or (
                contrast == 1 and self.company_subject(words, lemmas, len(words)) is not None)):
            # (ours: not "some apps let the third party collect data instead of sending it")
            return ((contrast - 1, contrast + 1),)
        # "We fund the app by licensing your profile to brands", "we protect you by never
        # selling it": a means the company names for what it does is its own act
        negated = j > 0 and words[j] in {"not", "never"}
        means = j - 1 if negated else j
        head = self.company_subject(words, lemmas, means) \
            if means > 0 and words[means] in {"by", "through", "for"} else None
        if head is not None and words[means] == "for" \
                and "payment" not in self.lex.purposes.classes_in(lemmas, head, means):
            head = None  # ("we receive valuable consideration for disclosing it": paid for the act)
        if head is not None:
            # ("we do not monetise your data by selling it": the main verb's negation governs)
            main = self.lex.negations.find(lemmas, head, means)
            return ((j, j + 1) if negated else (main[0][0], main[0][1]) if main else None,)
        # "we fund the app through data partnerships, which may include selling your history":
        # an act that an activity of ours takes in is ours
        k = j
        while k > 0 and j - k < 5 and words[k] in _ASIDES:
            k -= 1  # ("This may include, for example, sharing ...")
        head = None
        if k > 0 and lemmas[k] in _TAKES_IN:
            head = self.company_subject(words, lemmas, k) if lemmas[k] in INCLUDES else None
            # (the clause's first words, past an adverb: "Usually this means", "; in practice
            # this means")
            opening = max([m + 1 for m in range(k) if words[m] in {";", ":"}], default=0)
            if head is None and not _DEMONSTRATIVES.isdisjoint(words[opening:opening + 3]) \
                    and k - opening <= 5 and not self.lex.negations.find(lemmas, opening, k):
                # ("Company and its providers may use your data to deliver ads. This may include
                # sharing an advertising identifier with ad-tech companies": what "this" takes
                # in is the practice just described, ours)
                head = opening
        if head is not None:
            main = self.lex.negations.find(lemmas, head, j)
            return ((main[-1][0], main[-1][1]) if main else None,)
        # (a gerund opening the sentence, or its part after a colon: "We are not a data broker:
        # trading in personal details is not something we do")
        opens = i == 0 or words[i - 1] in {":", ";"} or (j == 0 and words[0].endswith("ing"))
        if not opens:
            return None
        n = len(words)
        # ("... is not something we do", "... has never been part of how we make money")
        be = next((k for k in range(i + 1, n)
                   if words[k] in {"is", "are", "was", "has", "have", "plays", "play", "played",
                                   ";", ".", ","}), None)
        if be is None or words[be] in {";", ".", ","}:
            return None
        barred = next((k for k in range(be + 1, min(be + 3, n))
                       if words[k] in BARRED), None)
        if barred is not None:  # "Selling users' data is prohibited by our rules"
            return ((barred, barred + 1),)
        noun = next((m for m in range(be + 1, min(be + 4, n))
                     if words[m] in PRACTICE_NOUNS), None)
        # ("... is not something we do"; "... plays no part in how Acme makes money": the
        # company's own business, by whatever name)
        if noun is None or not ({"we", "our"} & set(words[noun + 1:noun + 4])
                                or words[noun + 1:noun + 3] in (["in", "how"], ["of", "how"])):
            return None  # ("... is not part of our business model")
        negation = self.lex.negations.find(lemmas, be + 1, min(noun + 8, n))
        return ((negation[0][0], negation[0][1]) if negation else None,)

    def _our_rules(self, words: Sequence[str], lemmas: Sequence[str], verb: int) -> bool:
        """Whether the subject of the verb at `verb` is the company or its own rules ("we",
        "our policy", "the co-operative's rules")."""
        subject = words[max(0, verb - 3):verb]
        owned_rules = bool(RULE_NOUNS & set(lemmas[max(0, verb - 3):verb])) and (
            "our" in subject or any(w.endswith(("'s", "’s")) for w in subject))
        return owned_rules or self.company_subject(words, lemmas, verb) is not None

    def company_subject(self, words: Sequence[str], lemmas: Sequence[str], end: int) -> int | None:
        """Where the last subject before words[end] stands if it is the company ("we ... by
        selling")."""
        heads = [h for h in self.subjects.candidates(words, lemmas, 0, end) if words[h] != "us"]
        # (the last subject pronoun, else the first noun: "we fund the app by ...")
        head = next((h for h in reversed(heads) if words[h] in {"we", "i", "you", "they"}),
                    heads[0] if heads else None)
        # "Some services allow us to reach users by sending ...": "us" after a grant is who acts
        granted = next((k for k in range(end - 1, 0, -1)
                        if words[k] == "us" and lemmas[k - 1] in self.lex.grants), None)
        if granted is not None and (head is None or granted > head):
            return granted
        # (with the words before the head: "Our free loyalty app is funded by ...", the company's
        # own product)
        if head is None or "company" not in self.subjects.actor_classes(words, lemmas, max(0, head - 4),
                                                                        min(head + 3, end)):
            return None
        return head
