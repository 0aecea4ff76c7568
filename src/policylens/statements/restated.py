"""Recipients restated by the sentence after the one that gives them the data.

"We may pass your details to other organisations. Those organisations are limited to the couriers
and payment firms that help us deliver your order." / "We share it with our partners. By
'partners' we mean only the firms that host our site.", "... In practice, this means only the
mailing house that posts our newsletter.": the first sentence gives data to "third parties" (or
"partners") in general; the second says who they are, with no act of its own. The
statement is the first one's act, to the recipients the second names, as a closed list, when it
says they are (or are only, or are limited to) the allowed exceptions of LABELS.md (service
providers, the authorities...); the engine then sets the first sentence's admission aside
(`Extracted.restates`). One that says they include them names an example among others; one that
names others adds nothing to the admission's `yes`. The second sentence is the evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from policylens.statements.extracted import Extracted
from policylens.statements.lemmas import lemmas_of
from policylens.statements.lexicon import Lexicon
from policylens.statements.recipients import RecipientFinder

# the words that refer back to the recipients of the sentence before
OPENERS = frozenset({"these", "those", "such", "they", "by"})
# the first words of a sentence that says again what the one before did ("In practice, this
# means ...", "This means ...")
_SAYING_OPENERS = frozenset({"in", "put", "this", "that"})
# the first words of every sentence this reader may read (the engine and the reader ask first)
FIRST_WORDS = OPENERS | _SAYING_OPENERS
# verbs that say who the recipients are: "are", "include", "consist of", "comprise", "are limited to"
_SAYING_WHO = frozenset({"be", "include", "consist", "comprise", "limit", "mean"})
_OPEN_SAYING = frozenset({"include"})  # an open list ("include", not "are")
# a definition's verbs: "By 'partners' we mean ..."
_DEFINING = frozenset({"mean", "refer"})
# phrases before "this means" that say the same again ("In practice, this means only ...")
_LEADS = (["in", "practice"], ["in", "other", "words"], ["in", "short"], ["put", "simply"], ["in", "effect"])
# how many words the back-reference may take before its verb ("These third-party companies are")
_SUBJECT_WORDS = 5
# classes that say no more than the sentence before did
_VAGUE = frozenset({"third-party", "organisation"})
# classes that name no recipient of the company's
_NOT_NAMED = frozenset({"user", "abroad"})


class RestatedRecipients:
    """Reads a sentence that says who the recipients of the sentence before are."""

    def __init__(self, lexicon: Lexicon, recipient_finder: RecipientFinder,
                 read: Callable[[Sequence[str]], list[Extracted]], allowed: frozenset[str]) -> None:
        self.lex = lexicon
        self.recipient_finder = recipient_finder
        self.read_before = read
        self.allowed = allowed

    def read(self, words: Sequence[str], lemmas: Sequence[str],
             previous: Callable[[], Sequence[str]]) -> list[Extracted]:
        """The statement of the sentence before, to the recipients `words` names, when `words`
        opens by referring back to them and says who they are; none otherwise."""
        n = len(words)
        verb = _saying_verb(words, lemmas)
        # (the back-reference alone, "They are ..." / "These are ...", or with a recipient word)
        if verb is None or (verb > 1 and words[verb - 1] not in {"this", "that"}
                            and not self.lex.recipients.find(lemmas, 1, verb)):
            return []
        # (the class the back-reference names may be what the sentence before names: "We share it
        # with our partners. By 'partners' we mean only ...")
        restated = _VAGUE | set(self.lex.recipients.classes_in(lemmas, 1, verb))
        named = [c for c in self.lex.recipients.classes_in(lemmas, verb + 1, n) if c not in _NOT_NAMED]
        # ("the companies that run our booking system for us": those who act for us)
        purposes = self.lex.purposes.classes_in(lemmas, verb + 1, n)
        named, purposes = self.recipient_finder.acting_for_company(lemmas, named, purposes, verb + 1,
                                                                   verb + 1, n)
        # (a negation of the saying verb: "These partners are not advertisers")
        if not set(named) - _VAGUE or self.lex.negations.find(lemmas, 0, min(n, verb + 3)):
            return []
        # (an open list, "These include our payment processor", is one example among others;
        # one naming others than the allowed exceptions adds nothing to a vague admission's
        # `yes`)
        if lemmas[verb] in _OPEN_SAYING and not self.lex.only.find(lemmas, verb, n) \
                or set(named) - _VAGUE - self.allowed:
            return []
        before = previous()
        stated = [e for e in self.read_before(before)
                  if e.slots.action in ("share", "sale") and e.polarity in ("affirmed", "hedged")
                  and e.slots.actor == "company" and e.slots.scope == "practice"
                  and set(e.slots.recipients) <= restated and not e.slots.only]
        if not stated:
            return []
        first = stated[0]
        slots = replace(first.slots, recipients=tuple(named),
                        purposes=tuple(purposes) or first.slots.purposes, only=True)
        return [Extracted(verb, verb + 1, first.polarity, None, slots, restates=True)]


def _saying_verb(words: Sequence[str], lemmas: Sequence[str]) -> int | None:
    """Where the verb that says who the recipients are stands: after a back-reference ("These
    companies are ..."), in a definition ("By 'partners' we mean ...") or after "this" ("In
    practice, this means only our mailing house")."""
    if len(words) < 4:
        return None
    if words[0] in OPENERS:
        return next((k for k in range(1, min(len(words), _SUBJECT_WORDS + 1)) if lemmas[k] in _SAYING_WHO),
                    None)
    start = next((len(lead) + (words[len(lead)] == ",") for lead in _LEADS
                  if list(words[:len(lead)]) == lead and len(words) > len(lead)), 0)
    if words[start:start + 1] in (["this"], ["that"]) and start + 1 < len(words) \
            and lemmas[start + 1] == "mean":
        return start + 1  # "In practice, this means only ...": the act before, its recipients said
    if words[0] == "by":
        we = next((k for k in range(2, min(len(words) - 1, _SUBJECT_WORDS + 2)) if words[k] == "we"), None)
        if we is not None and lemmas[we + 1] in _DEFINING:
            return we + 1
    return None


def restates(words: Sequence[str]) -> bool:
    """Whether a sentence with no act of its own may say who the recipients before are (the
    engine reads it only then)."""
    return bool(words) and words[0] in FIRST_WORDS and _saying_verb(words, lemmas_of(words)) is not None
