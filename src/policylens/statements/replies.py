"""Answers whose statement stands elsewhere: a short reply to the question before it ("Do you
sell my data? No, we do not."), and a disclosure table's row answered "None" ("Categories of
personal information sold in the past 12 months: None")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from policylens.models import Slots
from policylens.statements.extracted import Extracted
from policylens.statements.lemmas import lemmas_of
from policylens.statements.lexicon import Lexicon
from policylens.statements.recipients import RecipientFinder
from policylens.statements.words import (
    ASKER_TO_COMPANY,
    FINITE,
    QUESTION_AUXILIARIES,
    REPLIES,
    TO_WHOM_ACTS,
    without_mark,
)


def opens_reply(words: Sequence[str]) -> bool:
    """Whether lowercase words open with "Yes," or "No:", or name the only ones ("Only with the
    payment processor ..."): a reply of any length ("Yes, with partners who ...", "Yes: with the
    publishers in our scheme")."""
    return len(words) > 1 and ((words[0] in REPLIES and words[1] in REPLY_MARKS) or _only_with(words))


def _only_with(words: Sequence[str]) -> bool:
    """ "Only with the payment processor that handles your card", "Only our own staff and the
    laboratory that makes crowns for us": the only ones, no verb."""
    return len(words) > 1 and words[0] == "only" and words[1] in _ONLY_OPENINGS


# what may follow "only" in an answer naming the only ones ("Only with ...", "Only our staff"),
# or the only cases ("Only where the law requires it", "Only if you ask us to")
_ONLY_OPENINGS = frozenset({"with", "to", "by", "our", "the", "where", "when", "if", "as", "in"})


# how many opening words of an answer may name its recipients ("Wellness and insurance partners,
# who ...": a class word after a coordinated modifier)
ANSWER_OPENING = 4
# what may follow a reply's first word ("Yes, ...", "No: ...", "Never - ...")
REPLY_MARKS = frozenset({",", ":", "-", "–", "—"})
# the words that open a question asking to whom ("Who receives ...?", "With whom do we ...?",
# "Which third parties receive my data?")
# (and "How we share your information", a heading whose list says with whom)
TO_WHOM_OPENERS = frozenset({"who", "whom", "with", "to", "which", "what", "how"})
# the words that open a question asking whether data is given to others ("Does Vodafone share my
# data with other companies?", "Is my information disclosed to third parties?"), and its acts
_WHETHER_OPENERS = frozenset({"do", "does", "will", "would", "is", "are"})
_WHETHER_ACTS = frozenset({"share", "disclose", "transfer", "pass", "give"})
# the words of an answer that names no one ("Nobody, apart from the companies that host our servers.")
_NOBODY = frozenset({"nobody", "noone", "none"})


# a title naming those who receive data, and the words before what they receive ("Recipients of
# your personal data", "Categories of recipients")
_RECIPIENT_TITLES = (["categories", "of", "recipients"], ["recipients"], ["recipient"])


def as_whom_question(words: list[str]) -> list[str]:
    """A title asking to whom, as its question: one that names the recipients ("Recipients of
    your personal data") asks who receives it ("who receives your personal data")."""
    for opening in _RECIPIENT_TITLES:
        if words[:len(opening)] == opening:
            rest = words[len(opening):]
            return ["who", "receives", *(rest[1:] if rest[:1] == ["of"] else rest or ["your", "data"])]
    return words


def names_no_one(words: Sequence[str]) -> bool:
    """Whether an answer opens naming no one ("Nobody, ...", "No one, apart from ...")."""
    return bool(words) and (words[0] in _NOBODY or list(words[:2]) == ["no", "one"])
# the act a question asking to whom is about ("Who receives your data?")
_GIVEN = Slots(action="share", actor="company", data="personal")
# the words of a disclosure label that asks for kinds of data ("Categories of personal information
# sold in the past 12 months: identifiers, inferences")
_CATEGORY_WORDS = frozenset({"category", "type", "kind"})
# an adverb before a table's answer: "Other recipients: usually none"
_USUALLY = frozenset({"usually", "currently", "generally", "normally", "typically", "presently"})


class ReplyReader:
    """Reads answers with the main reader (`read_sentence`) and its test of aggregate data."""

    def __init__(self, lexicon: Lexicon, recipients: RecipientFinder,
                 aggregate_only: Callable[[Sequence[str], Sequence[str], int, int], bool],
                 read_sentence: Callable[[Sequence[str]], list[Extracted]]) -> None:
        self.lex = lexicon
        self.recipient_finder = recipients
        self.aggregate_only = aggregate_only
        self.read_sentence = read_sentence

    def to_whom_act(self, words: Sequence[str]) -> int | None:
        """Where the act stands in a question that asks who is given the data ("Who receives your
        data?", "With whom do we share your information?"); None for any other question, and for
        data coming to us ("Who do we receive your information from?")."""
        words = without_mark(words)
        if not words or words[0] not in TO_WHOM_OPENERS \
                or (words[0] in {"with", "to"} and words[1:2] != ["whom"]):
            return None
        lemmas = lemmas_of(words)
        act = next((k for k in range(len(words)) if lemmas[k] in TO_WHOM_ACTS), None)
        if act is not None and words[0] in {"which", "what"} \
                and not self.lex.recipients.find(lemmas, 1, act):
            return None  # ("Which data do we share?": what, not to whom)
        if act is None or not (self.lex.data.find(lemmas, 0, len(words))
                               or {"it", "them"} & set(words[act:])) \
                or self.lex.negations.find(lemmas, 0, len(words)) \
                or words[-2:-1] == ["from"] or words[-3:-1] == ["to", "us"]:
            return None
        return act

    def whether_act(self, words: Sequence[str]) -> int | None:
        """Where the act stands in a question asking whether the company gives data to others at
        all ("Does Vodafone share my personal data with other companies?", "Do you disclose my
        information to third parties?"): its answer names them all, a closed list. None for one
        naming a kind of recipient ("Do you share my data with advertisers?"), a sale, the
        user's own act ("Can I share my list?") or data coming to us."""
        words = without_mark(words)
        if not 3 <= len(words) <= 14 or words[0] not in _WHETHER_OPENERS or words[1] == "i":
            return None
        lemmas = lemmas_of(words)
        act = next((k for k in range(1, len(words)) if lemmas[k] in _WHETHER_ACTS), None)
        if act is None \
                or not (self.lex.data.find(lemmas, 0, len(words)) or {"it", "them"} & set(words[act:])) \
                or self.lex.negations.find(lemmas, 0, len(words)) \
                or set(self.lex.recipients.classes_in(lemmas, act + 1, len(words))) - {"third-party"} \
                or words[-2:-1] == ["from"] or words[-3:-1] == ["to", "us"]:
            return None
        return act

    def nobody_reply(self, words: Sequence[str], lemmas: Sequence[str],
                     previous: Callable[[], Sequence[str]]) -> list[Extracted]:
        """An answer naming no one to a question asking to whom ("Who do you share my information
        with? Nobody, apart from the companies that host our servers."): sharing denied, the
        ones after "apart from" its exceptions."""
        if not names_no_one(words):
            return []
        asked = list(without_mark(previous()))
        if not asked or asked[-1] != "?" or self.to_whom_act(asked) is None:
            return []
        end = len(words) - 1 if words[-1] in {".", "!"} else len(words)
        excepted = self.lex.exceptions_in(words, lemmas, 1, end)
        exceptions: list[str] = []
        if excepted:
            after = excepted[0][1]
            exceptions = [c for c in self.lex.recipients.classes_in(lemmas, after, end) if c != "user"] \
                or (["organisation"] if self.recipient_finder.unnamed_organisation(
                    words, lemmas, after, end, opened=True) else [])
            # ("the companies that host our servers": they act for us)
            exceptions, _ = self.recipient_finder.acting_for_company(lemmas, exceptions, [], after,
                                                                     after, end)
        return [Extracted(0, 1, "negated", (0, 1), replace(
            _GIVEN, recipients=("third-party",), exceptions=tuple(dict.fromkeys(exceptions))))]

    def names_recipients(self, words: Sequence[str], lemmas: Sequence[str]) -> bool:
        """Whether an answer opens naming to whom ("Who do we share your information with?
        Advertisers, sponsors and other business partners."), past a determiner."""
        first = 1 if words[0] in {"with", "to"} and len(words) > 1 else 0  # ("With the companies ...")
        first += 1 if words[first] in {"our", "the", "your", "its", "their"} and len(words) > first + 1 else 0
        # (past modifiers too: "Our IT support contractors, payment processors, ..."; the first
        # words of recipients tested first, cheaply: most answers name none)
        firsts = self.lex.recipients.by_first
        near = range(first, min(first + ANSWER_OPENING, len(words)))
        return words[0] not in REPLIES and any(lemmas[k] in firsts for k in near) and any(
            self.lex.recipients.match_at(lemmas, k, len(words)) is not None for k in near)

    def reply(self, words: Sequence[str], lemmas: Sequence[str],
              previous: Callable[[], Sequence[str]]) -> list[Extracted]:
        """A short answer to the question before it ("Do we sell your personal information? No,
        we do not."): the question's statements, denied by "no" or a negation, asserted by "yes";
        the answer is the evidence."""
        closed = _only_with(words)
        replied = words[0] in REPLIES or closed or bool(self.lex.negations.find(lemmas, 0, len(words)))
        names = self.names_recipients(words, lemmas)
        if not replied and not names:
            return []  # (the question is asked for only when the answer may be one)
        asked = list(previous())
        if not asked or asked[-1] != "?" or len(asked) > 30:
            return []
        to_whom = names and asked[0] in TO_WHOM_OPENERS
        if not replied and not to_whom:
            return []
        if words[0] == "yes" and self.whether_act(asked) is not None \
                and self.recipient_finder.classes(words, lemmas, 1, len(words)):
            # "Do we give your data to other organisations? Yes, to the firms that host our
            # site": a yes that names them names them all, as an answer to "who" does
            closed = True
        # "does acme sell my data ?" -> "acme sell my data": the question read as a statement
        start = 1 if asked[0] in QUESTION_AUXILIARIES else 0
        # "is my information shared ?" -> "my information is shared": a passive's auxiliary goes
        # back before its participle (or the phrase of an act: "is my data for sale?" -> "my data
        # is for sale"); "does hartwell sell guest data ?" -> "hartwell does sell guest data": a
        # subject by its name keeps the auxiliary before its verb (a bare "hartwell sell" reads as
        # a noun)
        if asked[0] in {"is", "are", "was", "were"} \
                or (start == 1 and len(asked) > 3 and asked[1] not in {"we", "you", "i", "they"}):
            asked_lemmas = lemmas_of(asked)
            verb = next((k for k in range(2, len(asked))
                         if self.lex.action_words.match_at(asked_lemmas, k, len(asked))), None)
            if verb is not None:
                asked = [*asked[1:verb], asked[0], *asked[verb:]]
                start = 0
        if asked[start].endswith("ing"):
            asked_lemmas = lemmas_of(asked)
            if self.lex.action_words.match_at(asked_lemmas, start, start + 1):
                # "Selling customer data? Never.": a gerund asks about the company's act
                asked = [*asked[:start], "we", asked_lemmas[start], *asked[start + 1:]]
        denied = words[0] != "yes" and not closed
        end = len(words) - 1 if words[-1] in {".", "!"} else len(words)
        # (the reader asks: "Will you sell my data?" -> "we sell your data")
        asked_as_said = self.read_sentence([ASKER_TO_COMPANY.get(w, w) for w in asked[start:-1]] + ["."])
        if (to_whom or closed) and not asked_as_said and self.to_whom_act(asked) is not None:
            # "Who receives your details? Our payment processor and our mail house.": the
            # company gives them to those the answer names
            asked_as_said = [Extracted(0, 1, "affirmed", None, _GIVEN)]
        if to_whom or closed:
            # "Who do we share your information with? Advertisers, sponsors and other business
            # partners, who may use it for their own purposes." / "Do you share my information?
            # Only with the payment processor and, if we must, with law enforcement.": the act
            # asked about, given to those the answer names, the whole list (a closed one)
            # (not a purpose the answer denies: "and never for their own purposes")
            purposes = tuple(c for a, _, c in self.lex.purposes.find(lemmas, 0, end)
                             if not self.lex.negations.find(lemmas, max(0, a - 3), a))
            if closed and words[0] == "only" and words[1] not in {"with", "to", "by"}:
                # "Only our own staff, the laboratory that makes crowns for us, and the police
                # when the law requires": each item names one of them, by its class or as an
                # organisation said to act for us
                named = self._named_items(words, lemmas, 1, end, purposes)
            elif to_whom and words[0] not in {"with", "to"}:  # (up to the first relative pronoun)
                cut = next((k for k in range(len(words)) if words[k] in {"who", "which", "that"}), end)
                named = tuple(dict.fromkeys(c for c in self.lex.recipients.classes_in(lemmas, 0, cut)
                                            if c != "user"))
            else:
                # "With the companies that host our site; with the police ...; and with partner
                # brands for their own promotions": each part names some of them, and those said to
                # act for us ("that host our site", "that help us run the service") do
                cuts = [0] + [k + 1 for k in range(end) if words[k] == ";"] + [end + 1]
                named = ()
                for a, b in zip(cuts, cuts[1:], strict=False):
                    part = [c for c in self.recipient_finder.classes(words, lemmas, a, b - 1) if c != "user"]
                    part, _ = self.recipient_finder.acting_for_company(
                        lemmas, part, [c for c in purposes if c != "service"], a, a, b - 1)
                    named += tuple(part)
                named = tuple(dict.fromkeys(named))
            conditions = tuple(self.lex.condition_classes.classes_in(lemmas, 1, end))
            # (an answer that leads a list, "Only with a few organisations:", is its lead-in: the
            # items say who)
            return [Extracted(0, 1 if to_whom else 2, "affirmed", None, replace(
                        found.slots, recipients=named, only=True,
                        scope="lead-in" if words[-1] == ":" else "practice",
                        purposes=tuple(dict.fromkeys(found.slots.purposes + purposes)),
                        conditions=tuple(dict.fromkeys(found.slots.conditions + conditions))))
                    for found in asked_as_said
                    if found.slots.actor == "company" and found.polarity != "negated"
                    and (named or (closed and conditions))]
        return [Extracted(0, end, "negated" if denied else "affirmed", (0, 1) if denied else None,
                          found.slots)
                for found in asked_as_said
                if found.slots.actor == "company" and found.polarity != "negated"]

    def _named_items(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int,
                     purposes: Sequence[str]) -> tuple[str, ...]:
        """The recipients each item of a list with no verb names (items apart at ";", "," and
        "and"): its class before a relative pronoun, or an organisation of no known class, and
        one said to act for us a service provider."""
        named: list[str] = []
        cuts = [start - 1] + [k for k in range(start, end) if words[k] in {";", ",", "and"}] + [end]
        for a, b in zip(cuts, cuts[1:], strict=False):
            a += 1
            head = next((k for k in range(a, b) if words[k] in {"who", "which", "that"}), b)
            part = [c for c in self.lex.recipients.classes_in(lemmas, a, head) if c != "user"]
            if not part and self.recipient_finder.unnamed_organisation(words, lemmas, a, head,
                                                                       opened=True, one=True):
                part = ["organisation"]
            part, _ = self.recipient_finder.acting_for_company(
                lemmas, part, [c for c in purposes if c != "service"], a, a, b)
            named += part
        return tuple(dict.fromkeys(named))

    def answered_label(self, words: Sequence[str],
                      lemmas: Sequence[str]) -> tuple[Extracted, int] | None:
        """A disclosure label answered "None", "No" or "Yes" ("Categories of personal information
        sold in the past 12 months: None"; "Shared with advertising partners: Yes"): the act the
        label names, denied or asserted, and where the label starts."""
        end = len(words) - 1 if words[-1:] in (["."], [";"]) else len(words)
        colon = end - 2  # the label, its colon, the answer, and a closing stop or none
        if colon > 2 and words[colon] in _USUALLY:
            colon -= 1  # "Other recipients: usually none"
        listed = None
        if colon < 1 or words[colon] not in {":", "-", "–", "—"} \
                or words[end - 1] not in {"none", "no", "n/a", "nothing", "yes"}:
            # "Categories of personal information sold: identifiers, inferences": the categories
            # the label asks for, named (the act asserted)
            if _CATEGORY_WORDS.isdisjoint(lemmas) or (":" not in words and "):" not in words):
                return None  # (the cheap tests first: most sentences name no category)
            listed = next((k for k in range(end - 1, 0, -1) if words[k] in {":", "):"}), None)
            # (a label, no sentence of ours; kinds of data after it, no recipients: not "We share
            # your data with the following categories of recipients: ...")
            if listed is None or not _CATEGORY_WORDS & set(lemmas[:listed]) \
                    or FINITE & set(words[:listed]) \
                    or not self.lex.data.find(lemmas, listed + 1, end) \
                    or self.lex.recipients.find(lemmas, listed + 1, end) \
                    or {"none", "no", "n/a", "nothing"} & set(words[listed + 1:end]):
                return None
            colon = listed
        denied = listed is None and words[end - 1] != "yes"
        # (the label is the last clause before the colon: "Shared with partners; sold: no")
        label = max([0] + [k + 1 for k in range(colon) if words[k] in {";", ":"}])
        act = next(iter(self.lex.action_words.find(lemmas, label, colon)), None) \
            or next(iter(self.lex.action_nouns.find(lemmas, label, colon)), None)
        if act is None or (not denied and (self.lex.negations.find(lemmas, label, colon)
                                           or self.lex.rights.find(lemmas, label, colon))):
            return None  # (not "Right to opt out of the sale: Yes", "Categories not sold: ...")
        kinds = self.lex.data.classes_in(lemmas, 0, colon)
        # (a label that names no data speaks of the user's: "Shared with advertising partners: Yes")
        data = "aggregate" if self.aggregate_only(words, lemmas, 0, colon) else (
            "personal" if "personal" in kinds or (not denied and not kinds) else "unspecified")
        # the label's own words name a place or a class too: "Third Country Transfers: None"
        named = self.lex.recipients.classes_in(lemmas, 0, act[0])
        recipients = tuple(dict.fromkeys(named + self.recipient_finder.classes(words, lemmas, act[1], colon)))
        slots = Slots(action=act[2], data=data, recipients=recipients)
        if not denied:
            return Extracted(act[0], act[1], "affirmed", None, slots), label
        return Extracted(act[0], act[1], "negated", (end - 1, end), slots), label
