"""The recipients' own ends, said in the sentence after the one that gives them the data.

"We share your name and delivery address with that seller. Sellers may also use this information
to send you marketing." / "We give some retail partners a hashed version of your email address.
If they hold the same hash, they can send you their own promotions.": the first sentence names a
recipient that may act for the company; the second says it reaches the reader with offers of its
own, which makes the giving a disclosure for the recipient's own ends (LABELS.md: partners or
other companies that receive personal information for their own purposes). The second sentence
is the evidence; the statement is the first one's act, for the recipient's own use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from policylens.models import Slots
from policylens.statements.extracted import Extracted
from policylens.statements.lemmas import lemmas_of
from policylens.statements.lexicon import Lexicon, first_words
from policylens.statements.words import MODALS

# the words that open the second sentence on those the first names ("Those vendors may then
# contact you ..."): the engine reads a sentence with no act word of its own only then
OPENERS = frozenset({"they", "these", "those", "such", "each", "both", "it", "that"})
# the subject of the second sentence may not be the company or the reader
_NOT_RECIPIENTS = frozenset({"we", "you", "i", "us", "our", "your", "my"})
# words that say the offers are the reacher's own ("their own promotions", "its other products")
_OWNERS = frozenset({"their", "its", "his", "her"})
# recipients that act for the company or are its own: the offers they send are ours unless said
# to be their own
_FOR_US = frozenset({"service-provider", "adviser", "affiliate", "authority"})
# what the reader asked for is no offer of the sender's ("the catalogue you asked for")
_ASKED = frozenset({"ask", "request", "order", "buy", "book", "subscribe"})
# how far after the reaching verb the offers may be named ("market its loyalty programme and
# fares to you"), and how far before it the subject may start
OFFERS_REACH = 10
SUBJECT_REACH = 12


def _own_in_clause(words: Sequence[str], start: int) -> bool:
    """Whether "its own" or "their own" stands in the clause from `start` on ("to email you about
    merchandise, events and other shows of its own")."""
    for m in range(start, len(words) - 1):
        if words[m] in {".", ";", ":"}:
            return False
        if words[m] in _OWNERS and words[m + 1] == "own":
            return True
    return False


class OwnEndsAfter:
    """Reads a sentence that says those given data before reach the reader with their own
    offers."""

    def __init__(self, lexicon: Lexicon, action_lemmas: frozenset[str],
                 aggregate_only: Callable[[Sequence[str], Sequence[str], int, int], bool]) -> None:
        self.lex = lexicon
        self.action_lemmas = action_lemmas
        self.aggregate_only = aggregate_only
        self.reaching = first_words(lexicon.granted_reaching | lexicon.audience)

    def read(self, words: Sequence[str], lemmas: Sequence[str],
             previous: Callable[[], Sequence[str]]) -> list[Extracted]:
        """The statement of `words` when the sentence before gives personal data and this one
        says its recipients reach the reader with offers of their own; none otherwise."""
        reach = self._reach(words, lemmas)
        if reach is None:
            return []
        before = previous()
        before_lemmas = lemmas_of(before)
        if not self._given_before(before, before_lemmas):
            return []
        # (given to those who act for the company, the offers must be said to be the recipients'
        # own: "We pass it to our mailing house. It sends you the offers." are ours)
        if not _FOR_US.isdisjoint(self.lex.recipients.classes_in(before_lemmas, 0, len(before))) \
                and not _OWNERS & set(words[reach + 1:reach + OFFERS_REACH]):
            return []
        modal = next((k for k in range(max(0, reach - 3), reach) if words[k] in MODALS), None)
        slots = Slots(action="share", actor="company", data="personal", recipients=("third-party",),
                      purposes=("own-use",))
        return [Extracted(reach, reach + 1, "hedged" if modal is not None else "affirmed",
                          (modal, modal + 1) if modal is not None else None, slots)]

    def _reach(self, words: Sequence[str], lemmas: Sequence[str]) -> int | None:
        """The verb by which someone other than the company or the reader reaches the reader
        with offers of their own ("they can send you their own promotions", "The bank may use
        that information to market its other products to you")."""
        n = len(words)
        for r in range(1, n - 1):
            if lemmas[r] not in self.reaching or words[r - 1] in _NOT_RECIPIENTS:
                continue
            to_you = words[r + 1] == "you" or "you" in words[r + 1:min(n, r + OFFERS_REACH)]
            offers = to_you and (any(self.lex.names_offer(words, lemmas, r, m) or words[m] in _OWNERS
                                     for m in range(r + 1, min(n, r + OFFERS_REACH)))
                                 or _own_in_clause(words, r + 1))
            asked = any(words[m] == "you" and lemmas[m + 1] in _ASKED
                        for m in range(r + 2, min(n - 1, r + OFFERS_REACH + 3)))
            if not (to_you and offers) or asked:
                continue
            # (the subject: the clause's first words, after a condition's comma)
            start = max([0] + [k + 1 for k in range(max(0, r - SUBJECT_REACH), r) if words[k] == ","])
            if _NOT_RECIPIENTS & set(words[start:start + 2]) or {"we", "us"} & set(words[:r]) \
                    or self.lex.data.find(lemmas, start, min(r, start + 4)) \
                    or self.lex.negations.find(lemmas, start, r):
                # (not the company's or the reader's own act, nor a denied one; nor data used for
                # it, "the information may be used to send you tailored marketing": by whom?)
                continue
            return r
        return None

    def _given_before(self, before: Sequence[str], lemmas: Sequence[str]) -> bool:
        """Whether the sentence before says the company gives personal data ("We give some retail
        partners a hashed version of your email address"), not denies it."""
        n = len(before)
        # (not partners let to collect through their own tools: "we allow advertising partners to
        # place cookies and pixels that collect information about your browsing")
        collecting = not self.lex.grants.isdisjoint(lemmas) and not self.lex.tracking_tools.isdisjoint(lemmas)
        # (a negation in a relative clause after the recipient describes it: "the show's creator,
        # who is an independent business and not part of our company")
        aside = next((k for k in range(1, n) if before[k] in {"who", "which"} and before[k - 1] == ","), n)
        # (or the company's own data, given in a passive: "Your details may be passed on to our
        # partner company")
        return ("we" in before or "our" in before) and not self.action_lemmas.isdisjoint(lemmas) \
            and not collecting \
            and not self.lex.negations.find(lemmas, 0, aside) \
            and "personal" in self.lex.data.classes_in(lemmas, 0, n) \
            and not self.aggregate_only(before, lemmas, 0, n)
