"""Statements whose subject is the one data goes to.

"Our marketing partners receive your e-mail address", "no one outside our company has access to
your personal data", "partner firms may buy your contact details from us", "your details are seen
only by our staff and the contractors who host our servers": the company gives (or sells) the
data, and the words that name the recipient stand before the verb (or after "by" in a passive),
where the main reader looks for who acts. The verbs (`receiving` in the lexicon) are common
words, so a statement is made only where the subject names a recipient class (or no one) and the
verb's object names data, and never where the data reaches the recipient from elsewhere ("from
you", "through their cookies": collection, the business of cookies and third-party-ads) or the
clause is about keeping data safe ("unauthorised third parties may gain access").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from policylens.models import Slots
from policylens.statements.extracted import Extracted
from policylens.statements.lemmas import lemmas_of
from policylens.statements.lexicon import Lexicon
from policylens.statements.recipients import RecipientFinder, as_marketers, names_own_group
from policylens.statements.subjects import SubjectFinder
from policylens.statements.words import (
    ACTING_RECIPIENTS,
    AUXILIARIES,
    BE,
    BUSINESS_BOUGHT,
    DENIED_OBJECTS,
    MODALS,
    OBJECT_SKIP,
    POSSESSIVE_MARKS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    TRADE_PARTIES,
    USER_OWNERS,
    after_last_comma,
    bought_by,
    clause_of,
    is_participle,
    past_object_skip,
)
from policylens.verdicts.flows import OWN_ENDS

# words that end the head of a subject: what follows qualifies it ("no one outside our company",
# "partners who ...")
_HEAD_ENDS = frozenset({"outside", "except", "besides", "beyond", "apart", "than", "who", "that",
                        "which", "whom", "whose", "(", "but"})
# words before a subject that make it a relative clause's or a condition's: no practice stated
_NOT_STATED = SUBORDINATORS | {"whether", "which", "who", "whom"}
# "no one can access": ability, said of security, not of giving
_ABILITY = frozenset({"can", "could", "able"})
# an agent that is everyone: what the user posts ("can be seen by anyone") is public
_EVERYONE = frozenset({"anyone", "anybody", "everyone", "everybody"})
# words that are no name of the company, but an article, a pronoun, "here" or "other" ("from
# their partners", "stays on your device"); places are the lexicon's (`receiving: places`)
_NOT_NAMES = frozenset({"the", "a", "an", "your", "our", "their", "this", "that", "these", "those",
                        "us", "you", "here", "there", "it", "them", "its", "other", "another"})
# words that end a name after "from" ("from PulseBand unless you ask")
_NAME_STOPS = frozenset({"unless", "except", "without", "if", "when", "or", "and", "but", "in", "for"})
# words that start a clause of their own inside the verb's phrase
_CLAUSE_STARTS = frozenset({"who", "whom", "that", "which", "when", "whenever", "if", "so", "because"})
# nouns of quantity before "of" and the organisations counted ("a small number of merchants")
_QUANTITIES = frozenset({"number", "few", "couple", "handful", "range", "variety", "group", "set",
                         "network", "list", "panel"})
# how far after the verb its object's data word may stand ("receives Northern Chess Federation
# members' personal data": a name and a possessive before it)
DATA_REACH = 8
# the words that open a second predicate after "and" ("stays with us and will not be passed on")
_SECOND_PREDICATE = AUXILIARIES | {"not", "never"}

# subjects of a verb of staying that are people, not data ("wherever you stay with us")
_PEOPLE = frozenset({"you", "we", "i", "they", "he", "she", "guests", "visitors", "members"})
# words without one of which no recipient's own end is named ("their own", "its offers")
# words that open a clause before its subject ("but", "and yet")
CLAUSE_LINKS = frozenset({"but", "yet", "however"})
_OWN_ENDS_WORDS = frozenset({"their", "its", "own", "controller", "controllers"})


# what the reader does in giving data straight to someone ("the messages you send them")
READER_GIVES = frozenset({"send", "give", "provide", "share", "post", "submit", "hand", "tell", "write",
                          "email", "show", "pass"})


def _sent_by_reader(words: Sequence[str], lemmas: Sequence[str], start: int, end: int) -> bool:
    """Whether the data words[start:end] is what the reader gives the recipient directly ("the
    enquiry messages you send them", "the details you give to them"): the reader's act."""
    return any(words[k] == "you" and lemmas[k + 1] in READER_GIVES
               and "them" in words[k + 2:k + 6]  # ("you send them", "you pass on to them")
               for k in range(start, min(end, len(words) - 2)))


def _buyer_of_business(words: Sequence[str], lemmas: Sequence[str], start: int, end: int) -> bool:
    """Whether words[start:end] name a buyer of the business ("A buyer of all or part of our
    business"): a successor, not the reader as a customer who buys."""
    return any(lemmas[k] in TRADE_PARTIES and (head := bought_by(words, k, end)) is not None
               and words[head] in BUSINESS_BOUGHT
               for k in range(start, end - 2))


def _own_copy(words: Sequence[str], b: int) -> bool:
    """Whether the verb's object at b is a copy of the subject's own data ("obtain a copy of
    their personal data", "receive copies of your records"): the right of access, no giving."""
    k = b + (words[b:b + 1] in (["a"], ["an"]))
    return words[k:k + 1] in (["copy"], ["copies"]) and words[k + 1:k + 2] == ["of"] \
        and words[k + 2:k + 3] in (["their"], ["your"], ["his"], ["her"])


def _users_data(words: Sequence[str], b: int, ce: int) -> bool:
    """Whether the object at b is the data of the company's users: "your details", "our
    members' records", "loyalty customers' names"."""
    return words[b:b + 1] in (["your"], ["our"]) or any(
        words[k] in USER_OWNERS and words[k + 1] in POSSESSIVE_MARKS for k in range(b, min(b + 3, ce - 1)))


# what follows a passive with one object, not two ("are sent to your address", "are sent by email")
_NOT_OBJECTS = PREPOSITIONS | {"to", "via", "through", "with", "at", "onto", ".", ",", ";", ":"}


class ReceiverReader:
    """Reads the statements whose subject (or passive agent) receives the data."""

    def __init__(self, lexicon: Lexicon, subjects: SubjectFinder, recipients: RecipientFinder,
                 data_nouns: frozenset[str],
                 aggregate_only: Callable[[Sequence[str], Sequence[str], int, int], bool]) -> None:
        self.lex = lexicon
        self.subjects = subjects
        self.recipients = recipients
        self.data_nouns = data_nouns
        self.aggregate_only = aggregate_only  # the main reader's test of a clause's data
        # (the verbs read only in a passive with "only" are screened apart: "use" is everywhere)
        self.closed = lexicon.receiving_closed_only
        self.verbs = frozenset(lexicon.receiving_lemmas()) - self.closed
        # the first lemmas of the acts of giving: "the details we pass on" (see `_given_by_us`)
        self.giving = frozenset(lexicon.action_words.words())

    def read(self, words: Sequence[str], lemmas: Sequence[str], clauses: Sequence[tuple[int, int]],
             previous: Callable[[], Sequence[str]] | None = None) -> list[Extracted]:
        """The statements of one sentence (lowercase words, their lemmas and clause spans);
        `previous()` gives the sentence before, which a subject "they" refers to."""
        if self.verbs.isdisjoint(lemmas) and (self.closed.isdisjoint(lemmas) or (
                "by" not in words and ("we" not in words or self.giving.isdisjoint(lemmas))
                and _OWN_ENDS_WORDS.isdisjoint(words))):
            return []  # ("use" is read only in a passive with "by", of data we give, or for the
            # user's own ends, "partners may use your details to send you their own offers":
            # most sentences hold it)
        out: list[Extracted] = []
        for a, b, action in self.lex.receiving.find(lemmas, 0, len(words)):
            given = lemmas[a] in self.lex.receiving_agent_only \
                and (self._given_by_us(words, lemmas, b, len(words))
                     or self._for_their_own_ends(words, lemmas, b))
            if lemmas[a] in self.closed and not is_participle(words[a], lemmas[a]) and not given:
                continue  # "partners use the data they collect": their own act
            cs, ce = clause_of(clauses, a, len(words))
            participle = is_participle(words[a], lemmas[a])
            only_ones = None if participle else self._only_ones(words, lemmas, a, b, action, cs, ce)
            if words[a].endswith("ing") or (a > 0 and words[a - 1] == "to") \
                    or (b - a == 1 and words[b:b + 1] == ["to"]) \
                    or self.lex.receiving_elsewhere.find(
                        lemmas, cs, own_end := self._own_end(words, lemmas, b, ce)) \
                    or any(words[k] == "from" and words[k + 1:k + 2] != ["us"]
                           and words[k - 1] not in {"apart", "aside"}  # ("apart from": an exception)
                           and not self._from_the_company(words, lemmas, cs, a, k + 1, ce)
                           for k in range(b, min(own_end, self._phrase_end(words, b, ce)))) \
                    or (self._opens_list(words, b, ce) and only_ones is None):
                # a gerund or participle ("the entities receiving data"), an infinitive, a noun
                # ("third-party access to"), data from elsewhere ("partners we receive data from"),
                # a list's lead-in ("Third parties may receive information as follows:"; not its
                # agents listed, "is received only by: ...")
                continue
            if _own_copy(words, b):
                continue  # "residents may ... obtain a copy of their personal data": a right
            found = self._agent(words, lemmas, a, b, action, cs, ce) if participle \
                else only_ones or self._subject(words, lemmas, a, b, action, cs, ce, previous, given)
            if found is not None:
                out.append(found)
        if "access" in lemmas:
            found = self._access_restricted(words, lemmas, clauses)
            if found is not None:
                out.append(found)
        for table, named, by_none in ((self.lex.receiving_kept, True, False),
                                      (self.lex.receiving_internal, False, False),
                                      (self.lex.receiving_kept_by_none, True, True)):
            for a, b, _ in table.find(lemmas, 0, len(words)):
                cs, ce = clause_of(clauses, a, len(words))
                found = self._kept(words, lemmas, a, b, cs, ce, named, by_none)
                if found is not None:
                    out.append(found)
        for a, b, _ in self.lex.receiving_left_only.find(lemmas, 0, len(words)):
            found = self._left_only(words, lemmas, a, b, *clause_of(clauses, a, len(words)))
            if found is not None:
                out.append(found)
        return out

    def _kept(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int, cs: int,
              ce: int, named: bool, by_none: bool) -> Extracted | None:
        """"Your details stay within our company", "your data never leaves our organisation", "is
        for internal use only": the data is given to no one outside the company (`named`: the
        company must be named after the verb; `by_none`: the subject must name none of the data,
        "Nothing you tell us leaves the clinic")."""
        if named and "company" not in self.subjects.actor_classes(words, lemmas, b, min(b + 4, ce)) \
                and not self._bare_name(words, lemmas, b, ce) and not self._kept_in(words, lemmas, b, ce):
            return None  # "stays within the EEA": where, not with whom
        before = next((k for k in range(a - 1, cs - 1, -1) if words[k] not in MODALS
                       and words[k] not in {"never", "not", "always", "only"}), None)
        if before is not None and words[before] in _PEOPLE:
            return None  # "wherever you stay with us": a person stays, no data
        subject = self._data_subject(words, lemmas, cs, a)
        if subject is None or (subject[0] > cs and words[subject[0] - 1] in _NOT_STATED) \
                or (by_none and words[subject[0]] not in DENIED_OBJECTS):
            return None
        # (whoever it stays with, after the verb, keeps it: the exceptions of the denial, "your
        # details stay with us and the processors who work for us")
        found = self._statement(words, lemmas, a, b, "share", cs, ce, b, ["third-party"], (a, b), False,
                                data_span=subject, lead=subject)
        # (not past a colon, whose words say whom it is not given to: "keeps member records to
        # itself: they are not made available to sponsors or partners")
        # (nor past a second predicate, which says something of its own: "your details will stay
        # with us and will not be passed to the buyer")
        keep_end = next((k for k in range(b, ce) if words[k] == ":" or (
            words[k] == "and" and words[k + 1:k + 2] and words[k + 1] in _SECOND_PREDICATE)), ce)
        keepers = tuple(dict.fromkeys(c for c in self.lex.recipients.classes_in(lemmas, b, keep_end)
                                      if c not in {"user", "third-party"}))  # ("our company": us)
        if not OWN_ENDS.isdisjoint(found.slots.purposes):
            # (those it also goes to for their own ends are marketers: "We keep it to ourselves,
            # except:" + "with outside publishers, who may write to you with offers of their own")
            keepers = tuple(as_marketers(keepers))
        return replace(found, slots=replace(found.slots, exceptions=keepers))

    def _left_only(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int, cs: int,
                   ce: int) -> Extracted | None:
        """"Your information leaves our platform only when you tell it to, or when a court orders
        us to hand it over": the data leaves the company (named after the verb) only in the cases
        the clause names, a closed list (a denial, "never leaves", is `_kept`'s)."""
        if "only" not in words[cs:ce] or self.lex.negations.find(lemmas, cs, b) \
                or ("company" not in self.subjects.actor_classes(words, lemmas, b, min(b + 4, ce))
                    and not self._kept_in(words, lemmas, b, ce)):
            return None
        subject = self._data_subject(words, lemmas, cs, a)
        if subject is None:
            return None
        return self._statement(words, lemmas, a, b, "share", cs, ce, b, ["third-party"], None, True,
                               data_span=subject, lead=subject)

    def _data_subject(self, words: Sequence[str], lemmas: Sequence[str], cs: int,
                      a: int) -> tuple[int, int] | None:
        """The span of the subject before the verb at `a` when it names data ("Your details stay
        ...", "Member records leave ..."), else None."""
        walk = self.subjects.walk_back(words, lemmas, cs, a)
        start, walk = self.subjects.span(words, lemmas, cs, walk, a)
        if start == walk or not self.lex.data.find(lemmas, start, walk):
            return None
        return start, walk

    def _access_restricted(self, words: Sequence[str], lemmas: Sequence[str],
                           clauses: Sequence[tuple[int, int]]) -> Extracted | None:
        """"Access to customer records is restricted to our support staff and the data centre
        that hosts them": the data after "access to", given only to those named after the
        restriction (a closed list)."""
        a = next((k for k in range(len(words) - 1) if lemmas[k] == "access" and words[k + 1] == "to"), None)
        if a is None:
            return None
        cs, ce = clause_of(clauses, a, len(words))
        limit = self.lex.access_restricted.find(lemmas, a + 2, ce)
        if not limit or not self.lex.data.find(lemmas, a + 2, limit[0][0]):
            return None
        recipients = self._named(words, lemmas, limit[0][1], ce, False)
        if not recipients:
            return None
        return self._statement(words, lemmas, a, a + 1, "share", cs, ce, ce, recipients, None, True,
                               data_span=(a + 2, limit[0][0]), lead=(a, a + 1))

    def _only_ones(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int, action: str,
                   cs: int, ce: int) -> Extracted | None:
        """"The only parties that receive your data are our payment processor and our mail
        service": the verb is a relative clause's, "the only ..." its antecedent, and the main
        verb's complement names every recipient (a closed list)."""
        pronoun = a - 1
        while pronoun > cs and words[pronoun] in {"ever", "also", "actually", "currently", "will", "may",
                                                  "can", "normally", "ordinarily"}:
            pronoun -= 1  # "the only outside companies that ever see your order details"
        if pronoun < 2 or words[pronoun] not in {"that", "which", "who"}:
            return None
        only = next((k for k in range(max(cs, pronoun - 5), pronoun) if words[k] == "only"), None)
        be = next((k for k in range(b, ce) if words[k] in {"is", "are"}), None)
        if only is None or be is None or only == cs or words[only - 1] != "the" \
                or not self.lex.data.find(lemmas, b, be):
            return None
        recipients = self._named(words, lemmas, be + 1, ce, False)
        colon = next((k for k in range(be + 1, len(words)) if words[k] == ":"), None)
        if not recipients and colon is not None:
            # "... are the ones that help us run the shop: our card processor and the courier"
            recipients = self._named(words, lemmas, colon + 1, len(words), False)
        if not recipients:
            return None
        return self._statement(words, lemmas, a, b, action, cs, ce, ce, recipients, None, True,
                               data_span=(b, be), lead=(only - 1, pronoun))

    def _from_the_company(self, words: Sequence[str], lemmas: Sequence[str], cs: int, verb: int,
                          k: int, ce: int) -> bool:
        """Whether "from" + a name at words[k:] is the company, in a denial that no one receives
        ("No third party receives your information from PulseBand unless you ask"): a name of
        no known class where "us" would stand."""
        # (the subject after a fronted phrase: "Beyond our sub-processors, no outside organisation
        # receives personal data from Keyfold")
        opening = after_last_comma(words, cs, verb)
        return any(lemmas[j] in {"no", "none", "nobody", "neither"}
                   for j in range(opening, min(opening + 2, verb))) \
            and self._bare_name(words, lemmas, k, ce, _NAME_STOPS)

    def _bare_name(self, words: Sequence[str], lemmas: Sequence[str], k: int, ce: int,
                   stops: frozenset[str] = frozenset()) -> bool:
        """Whether words[k:] open with a name of one to three words (up to a word of `stops`) and
        no article, of no known class, place or thing ("stays inside Zipride, with three
        exceptions"): the company."""
        end = next((j for j in range(k, ce) if not words[j].isalpha() or words[j] in stops), ce)
        return 0 < end - k <= 3 and _NOT_NAMES.isdisjoint(words[k:end]) \
            and self.lex.places.isdisjoint(words[k:end]) \
            and not self.lex.recipients.find(lemmas, k, end) and not self.lex.data.find(lemmas, k, end) \
            and not self.lex.actors.find(lemmas, k, end) and lemmas[k] not in self.lex.not_data_objects

    def _kept_in(self, words: Sequence[str], lemmas: Sequence[str], k: int, ce: int) -> bool:
        """Whether words[k:] name where the company keeps data ("our office", "the surgery", "our
        own servers"): the company, as its name would."""
        k += words[k:k + 1] in (["within"], ["in"], ["on"], ["inside"])  # ("stays on our servers")
        if words[k:k + 1] not in (["our"], ["the"]):
            return False
        k += 1 + (words[k + 1:k + 2] == ["own"])
        return k < ce and lemmas[k] in self.lex.kept_in

    @staticmethod
    def _opens_list(words: Sequence[str], b: int, ce: int) -> bool:
        """Whether a colon after the verb makes the clause a list's lead-in ("Third parties may
        receive information as follows:"): not agents listed after "by:" ("is received only by:
        ..."), nor denials after it ("Nobody else gets it: not the band, not anybody")."""
        colon = next((k for k in range(b, ce) if words[k] == ":"), None)
        return colon is not None and words[colon - 1] != "by" and words[colon + 1:colon + 2] != ["not"]

    @staticmethod
    def _phrase_end(words: Sequence[str], start: int, end: int) -> int:
        """Where the verb's own phrase ends, before a clause of its own ("the names of customers
        who opt in to hear from them": that "from" is not where the data comes from)."""
        return next((k for k in range(start, end) if words[k] in _CLAUSE_STARTS), end)

    @staticmethod
    def _relative_subject(words: Sequence[str], cs: int, walk: int) -> tuple[int, int] | None:
        """The subject's head (start, end) when a relative clause stands between it and the verb
        ("partners who co-host events with us receive", "the firms that we work with get"): a
        short noun phrase opening the clause, then "who"/"that"/"which" and a clause of its own
        whose last word is not a pronoun (not "sources that we receive data from")."""
        start = cs + 1 if cs < walk and not words[cs].isalpha() else cs
        r = next((k for k in range(start + 1, min(start + 6, walk))
                  if words[k] in {"who", "that", "which", "where"}), None)
        if r is None or walk - r < 3 or walk - r > 12 or words[walk - 1] in PRONOUNS \
                or any(not w.isalpha() and w != "-" for w in words[start:walk]):
            return None
        if words[r + 1:r + 2] in (["you"], ["your"]) and words[r] != "where":
            # "the apps that you connect to your account": at the user's direction (not "each
            # retailer where you collect points": a place; nor "organisers who run the events
            # you sign up for", whose clause's subject is the recipient)
            return None
        return start, r

    def _coordinated(self, words: Sequence[str], lemmas: Sequence[str], cs: int, start: int) -> int:
        """Where a coordinated subject starts: "data brokers and list providers may receive" (the
        noun phrase before "and"/"or" naming a recipient too), else `start`."""
        # (and over a list's comma: "no advertiser, data broker or other outside company")
        while start - 1 > cs and (words[start - 1] in {"and", "or"} or (
                words[start - 1] == "," and not {"and", "or"}.isdisjoint(words[start:start + 5]))):
            first = start - 1
            while first > cs and first > start - 5 and words[first - 1].isalpha() \
                    and words[first - 1] not in {"and", "or", "that", "which", "who"}:
                first -= 1
            # (a modifier coordinated right after a relative pronoun shares the head: "a dataset
            # that research and marketing firms can buy")
            shared_head = first > cs and words[first - 1] in {"that", "which", "who"} \
                and start - 1 - first <= 2
            named = shared_head or bool(self.lex.recipients.find(lemmas, first, start - 1))
            if first == start - 1 or not named or (
                    words[start - 1] == "," and not PRONOUNS.isdisjoint(words[first:start - 1])):
                break  # (a list's item, not a clause before the comma: "When you buy a ticket, ...")
            start = first
        return start

    def _own_end(self, words: Sequence[str], lemmas: Sequence[str], b: int, ce: int) -> int:
        """Where the receiving verb's own predicate ends: before a predicate coordinated after it
        ("brands receive your email address and may email you directly"; "and uses it to send you
        offers from its partner brands": a verb of its own), else at the clause's end."""
        return next((k for k in range(b, ce - 1)
                     if words[k] in {"and", "but"} and (words[k + 1] in MODALS or (
                         words[k + 1].endswith("s") and self.lex.action_words.match_at(
                             lemmas, k + 1, k + 2) is not None) or lemmas[k + 1] == "use")), ce)

    def _for_their_own_ends(self, words: Sequence[str], lemmas: Sequence[str], b: int) -> bool:
        """Whether the object after "use" is the reader's data used for the recipient's own ends ("the
        sponsor may use your information for its own purposes"): data they were given."""
        # (or data the sentence before names: "Each retailer uses this information as an
        # independent controller")
        if words[b:b + 1] != ["your"] and not (words[b:b + 1] in (["this"], ["that"], ["such"], ["these"])
                                               and lemmas[b + 1:b + 2] and lemmas[b + 1] in self.data_nouns):
            return False
        end = next((k for k in range(b, len(words)) if words[k] in {".", ";"}), len(words))
        return not OWN_ENDS.isdisjoint(self.recipients.stated_purposes(words, lemmas, b, end, b))

    def _given_by_us(self, words: Sequence[str], lemmas: Sequence[str], b: int, end: int) -> bool:
        """Whether the object after a verb is data a relative clause says the company gives ("the
        contact details we send with the results", "the information that we share with them"):
        whoever uses it has it from us, not from its own collection."""
        stop = next((k for k in range(b, min(b + 8, end)) if words[k] in {",", ";", "."}),
                    min(b + 8, end))
        for k in range(b + 1, stop):
            if words[k] == "we" and lemmas[k - 1] in self.data_nouns | {"that", "which"}:
                verb = next((j for j in range(k + 1, min(k + 4, end))
                             if words[j] not in MODALS and words[j] not in {"also", "then"}), None)
                return verb is not None \
                    and self.lex.action_words.match_at(lemmas, verb, min(verb + 3, end)) is not None
        return False

    def _subject(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int, action: str,
                 cs: int, ce: int, previous: Callable[[], Sequence[str]] | None = None,
                 given: bool = False) -> Extracted | None:
        """"Our partners receive your e-mail address", "partners are given access to it": the
        subject receives, the object is the data. With `given`, the object is data the company
        gives ("the insurer may use the details we pass on to contact you about its plans")."""
        walk = self.subjects.walk_back(words, lemmas, cs, a)
        relative = self._relative_subject(words, cs, walk)
        if relative is not None:
            start, walk = relative  # "event organisers who co-host a webinar with us receive"
        else:
            if walk == a and a > 0 and words[a - 1] in OBJECT_SKIP \
                    and not (words[a - 1] == "that" and a - 2 >= cs and words[a - 2].isalpha()):
                return None  # "records of other purchases": a noun (not "companies that pay")
            if any(words[k] in PRONOUNS for k in range(walk, a)):
                return None  # "sources that we receive data from": we receive
            start, walk = self.subjects.span(words, lemmas, cs, walk, a)
            start = self._coordinated(words, lemmas, cs, start)
        if start > cs and start + 1 < walk and words[start] == lemmas[start] \
                and words[start] in self.recipients.verb_lemmas and words[start - 1] in {",", "and", "or"} \
                and not self.lex.recipients.find(lemmas, start, walk):
            return None  # "you can pause your account, change notification settings, download your
            # data": the object of the reader's verb before it, in a run of the reader's acts
        while start < walk and words[start] in CLAUSE_LINKS:
            start += 1  # (the word that opens the clause is no part of its subject: "..., but no company
            # outside the group receives it")
        opening = after_last_comma(words, cs, start)
        if opening < start and self.lex.receiving_nobody.match_at(lemmas, opening, start):
            start = opening  # "nobody but you and our processor has access": no one else
        # "compiled into a list that exhibitors may purchase": the data is the relative clause's
        # antecedent, the verb's object
        antecedent = start - 2 >= cs and words[start - 1] in {"that", "which"} and start < walk \
            and lemmas[start - 2] in self.data_nouns and not self.lex.data.find(lemmas, b, min(b + 3, ce))
        if start == walk and start - 1 > cs and words[start - 1] in {"who", "that", "which"}:
            # "we work with data partners who receive your purchase history": the antecedent of
            # a relative clause, named as the company's partner
            start, walk = max(cs, start - 7), start - 1
            if walk - 1 > start and words[walk - 1] == ",":
                walk -= 1  # "the insurers on our panel, which receive ..."
            start = max([start] + [k + 1 for k in range(start, walk) if words[k] in {",", "with", "to"}])
            # (named as ours, "data partners who receive", or receiving the reader's data: "the
            # insurers on our panel, which receive your details")
            # (or the data named before: "The categories of third parties that may receive this
            # information for targeted advertising include ...")
            if not self.lex.recipients.find(lemmas, start, walk) \
                    or ("company" not in self.subjects.actor_classes(words, lemmas, cs, start)
                        and "our" not in words[start:walk] and not _users_data(words, b, ce)
                        and not (words[b:b + 1] in (["this"], ["such"], ["these"])
                                 and lemmas[b + 1:b + 2] and lemmas[b + 1] in self.data_nouns)):
                return None
        elif not antecedent and (start == walk or (start > cs and words[start - 1] in _NOT_STATED) or (
                start - 1 > cs and words[start - 1] == "that"
                and lemmas[start - 2] not in self.subjects.reporting)):
            # no subject; a relative or conditional clause's; "it's creepy that ..." (not "please
            # note that our partners receive")
            return None
        if words[cs:cs + 1] == ["we"] and words[start - 1:start] == [","]:
            return None  # "We, the Makers, get your information": an apposition of the company
        # (a participle after the subject's noun describes it: "Brands sold in our app receive
        # your purchase history")
        if a > 0 and words[a - 1] in {"'", "'s"} or any(
                (lemmas[k] in self.lex.grants or self.lex.action_words.match_at(lemmas, k, a))
                and not (k > start and is_participle(words[k], lemmas[k])
                         and words[k + 1:k + 2] in (["in"], ["on"], ["at"], ["through"], ["via"], ["by"]))
                for k in range(min(start, after_last_comma(words, cs, start)), walk)):
            return None  # "third parties' access", "give ad servers access": a noun, another verb's
        # (a pronoun after the head opens a relative clause: "the charities we work with")
        head = next((k for k in range(start + 1, walk)
                     if words[k] in _HEAD_ENDS or words[k] in {"we", "you"}), walk)
        if {"company", "user"} & set(self.subjects.actor_classes(words, lemmas, start, head, heads=True)) \
                and not _buyer_of_business(words, lemmas, start, head):
            return None  # "we receive", "you get": not a recipient (but "member clubs receive")
        if words[start:start + 1] == ["neither"] and (nor := next(
                (k for k in range(start + 2, min(start + 5, head)) if words[k] == "nor"), None)) is not None \
                and self._bare_name(words, lemmas, start + 1, nor):
            return None  # "Neither Telegram nor the merchants have access": the company has none either
        ex = self.lex.exceptions_in(words, lemmas, b, ce)
        body_end = ex[0][0] if ex else ce
        object_end = next((k for k in range(b, body_end) if words[k] == ","), body_end)
        first = past_object_skip(words, b, object_end)
        data_span = (b, object_end)
        if antecedent:
            data_span = (max(cs, start - 5), start - 1)
        elif not any(k == first or words[k] not in {"it", "them", "this", "that"}
                     for k, _, _ in self.lex.data.find(lemmas, b, min(b + DATA_REACH, object_end))):
            return None  # "partners receive compensation", "is provided with a switch": no data
        if not antecedent and lemmas[first] in self.lex.not_data_objects \
                and not self.lex.data.find(lemmas, first + 1, min(first + 5, object_end)):
            return None  # "advertisers buy ad space based on your interests": no data bought
        if not antecedent and _sent_by_reader(words, lemmas, b, object_end):
            return None  # "landlords receive the messages you send them": the reader gives them
        if action == "sale" and {"our", "us"}.isdisjoint(words[b:object_end]) and lemmas[a] != "pay" \
                and not antecedent:
            # bought from us or ours ("our subscriber list"), not from someone else (paying to
            # receive it is paying us: "brands pay a fee to receive customers' names")
            return None
        nobody = self.lex.receiving_nobody.find(lemmas, start, head) \
            or ([(start, start + 1, "x")] if words[start] in DENIED_OBJECTS | {"neither"} else [])
        # (a passive with two objects has the company as its giver: "Local shops that sponsor
        # the race are given the names of runners")
        recipients = self._named(words, lemmas, start, head, bool(nobody),
                                 ours=not {"our", "us", "we"}.isdisjoint(words[cs:ce])
                                 or "your" in words[b:min(b + 3, object_end)] or antecedent
                                 or (lemmas[a] == "be" and words[b:b + 1] != []
                                     and words[b] not in _NOT_OBJECTS))
        if not recipients and start - 2 > cs and words[start - 1] == "," and head - start <= 3:
            # a name in apposition: "Our official kit partner, Stridewell, receives ...": the
            # class is named before it
            before = after_last_comma(words, cs, start - 1)
            recipients = self._named(words, lemmas, before, start - 1, bool(nobody))
        # "no company apart from our hosting contractor ever receives it": everyone else is
        # denied; those after the exception word are its exceptions
        excepted = self.lex.exceptions_in(words, lemmas, head, walk) if nobody else []
        kept_by = tuple(self._named(words, lemmas, excepted[0][1], walk, False)) if excepted else ()
        if not recipients and not nobody \
                and not OWN_ENDS.isdisjoint(self.recipients.stated_purposes(words, lemmas, b, ce, b,
                                                                             recipient_subject=True)) \
                and self.recipients.unnamed_organisation(words, lemmas, start, head, opened=True, one=True):
            # "the project developer receives your name and may use it to tell you about its
            # projects": one organisation of no known class, with ends of its own
            recipients = ["organisation"]
        if not recipients and words[start:head] in (["they"], ["it"]) and previous is not None:
            recipients = self.antecedents(previous())  # "We work with ad partners. They receive ..."
        # "only our staff" (a clause may open on its boundary word: "; only the processor sees")
        only = bool(self.lex.only.find(lemmas, max(cs, start - 2), min(start + 2, head)))
        if not recipients or (lemmas[a] in self.lex.receiving_agent_only and not nobody and not only
                              and not given
                              and (words[b:b + 1] != ["your"] or recipients == ["public"])):
            # (active "see" only with no one, a closed list or the user's own data named: "no one
            # else sees it", "partner airlines see your booking"; not "see our cookie policy")
            return None
        if nobody and action != "sale" and any(words[k] in _ABILITY for k in range(start, a)):
            # "no one can read or access the data in transit": security, not sharing ("no one
            # can buy your data from us" is a sale denied)
            return None
        cue = self._cue(lemmas, walk, a, nobody) or (
            (b, b + 1) if b < len(words) and words[b] in DENIED_OBJECTS else None)  # "receive no data"
        if given and cue is not None and lemmas[a] in self.closed:
            return None  # "partners may not use the data we share with them for ...": a rule for them
        if self.lex.only.find(lemmas, walk, a):
            # "these companies will only access the data to translate it": for us, on our terms
            recipients = ["service-provider" if r in ACTING_RECIPIENTS else r for r in recipients]
        found = self._statement(words, lemmas, a, b, action, cs, ce, body_end, recipients, cue, only,
                                data_span=data_span, lead=(start, walk))
        if kept_by:  # (the words of the exceptions make no one of the denied act for us)
            found = replace(found, slots=replace(found.slots, recipients=tuple(recipients), exceptions=tuple(
                dict.fromkeys(found.slots.exceptions + kept_by))))
        return found

    def _agent(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int, action: str,
               cs: int, ce: int) -> Extracted | None:
        """"Your details are seen only by our staff and our hosting contractors": a passive whose
        agent receives and whose subject is the data."""
        walk = self.subjects.walk_back(words, lemmas, cs, a)
        if not any(words[k] in BE for k in range(walk, a)):
            return None  # "information received from partners": a participle describing a noun
        k = b
        only = False
        while k < ce and (limit := self.lex.only.match_at(lemmas, k, ce)):
            only, k = True, limit[0]  # "seen only by"
        if k >= ce or words[k] != "by":
            return None
        if k + 1 < ce and words[k + 1] == ":":
            k += 1  # "received only by: hosting providers ...; our auditors": a list of agents
        ex = self.lex.exceptions_in(words, lemmas, k, ce)
        body_end = ex[0][0] if ex else ce
        agent_end = next((j for j in range(k + 1, body_end)
                          if words[j] in {",", "for", "to", "when", "if", "(", "such", "other"}), body_end)
        if {"company", "user"} & set(self.lex.actors.classes_in(lemmas, k + 1, min(k + 4, agent_end))) \
                and not self.lex.recipients.classes_in(lemmas, k + 1, agent_end):
            return None  # "received by us" (not "used only by us and our agents")
        # the data is the subject, with any relative clause of its own ("details that you
        # provide are not accessed by ...")
        start = after_last_comma(words, cs, walk)
        # (the subject of the passive's own clause: "... not something we would pass on if the
        # club were taken over by another organisation" names no data taken over)
        start = max([start] + [b for _, b, _ in self.lex.condition_opens.find(lemmas, start, walk)])
        if not self.lex.data.find(lemmas, start, walk) or "public" in words[start:walk]:
            return None  # (what is public is seen by anyone: "public information can be viewed")
        nobody = self.lex.receiving_nobody.find(lemmas, k + 1, agent_end)
        recipients = ["public"] if words[k + 1:k + 2] and words[k + 1] in _EVERYONE \
            and words[k + 2:k + 3] not in (["outside"], ["else"], ["other"], ["but"], ["except"]) \
            else self._named(words, lemmas, k + 1, agent_end, bool(nobody))  # "can be seen by anyone"
        if not recipients or (lemmas[a] in self.closed and not only and not nobody):
            return None  # ("is used by partners": whose act, and whether we gave it, unsaid)
        cue = self._cue(lemmas, walk, a, nobody)
        return self._statement(words, lemmas, a, b, action, cs, ce, body_end, recipients, cue, only,
                               data_span=(start, walk), lead=(start, walk))

    def antecedents(self, before: Sequence[str], ours_only: bool = True) -> list[str]:
        """The recipient classes a sentence before names as the company's partners ("We work with
        a few advertising partners."), which "they" then stands for; `ours_only` False: any it
        names, which an object "them" stands for ("Brands and retailers that use our ads
        services. We share data with them")."""
        lemmas = lemmas_of(before)
        found = [(a, c) for a, _, c in self.lex.recipients.find(lemmas, 0, len(before))
                 if c not in {"user", "public", "abroad"}]
        if not found:
            # ("We have relationships with a few online merchants. We provide them with ...": a
            # kind of organisation the lexicon has no class for)
            # (or, for an object "them", a verbless line that names them: "Garden centres that
            # stock our seeds. We share your postcode with them")
            found = [(k + 1, "organisation") for k in range(-1 if not ours_only else 0, len(before) - 1)
                     if (k < 0 or before[k] in {"with", "to"} or before[k] == "of" and k > 0
                         and before[k - 1] in _QUANTITIES)
                     and self.recipients.unnamed_organisation(before, lemmas, k + 1, len(before),
                                                              opened=True)]
        if ours_only and "company" not in self.subjects.actor_classes(before, lemmas, 0, min(3, len(before))):
            # ("The newsletter is free because our sponsors pay for it. In return, they receive
            # ...": the company's own partners, named with "our", "our joint marketing partners")
            # (or partners the sentence's subject, by its own name, works with: "Healthwise
            # Pharmacy works with Careway, an independent rewards company")
            named_subject = not self.lex.recipients.find(lemmas, 0, min(3, len(before)))
            found = [(a, c) for a, c in found if "our" in before[max(0, a - 3):a]
                     or (named_subject and "with" in before[max(0, a - 6):a]
                         and not self.lex.actors.find(lemmas, 0, min(3, len(before))))]
        return list(dict.fromkeys(c for _, c in found))

    def _cue(self, lemmas: Sequence[str], walk: int, a: int,
             nobody: list[tuple[int, int, str]]) -> tuple[int, int] | None:
        """What denies the act: a negation before the verb, else a subject or agent that names no
        one ("no third party will receive it", "is seen by no one")."""
        negation = self.lex.negations.find(lemmas, walk, a) or nobody[:1]
        return (negation[-1][0], negation[-1][1]) if negation else None

    def _named(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int,
               nobody: bool, ours: bool = False) -> list[str]:
        """The recipient classes a subject or agent names; "no one" is anyone else; "others" who
        see something are the other users; with `ours` (the clause names the company), a plural
        noun of no known class is a kind of organisation ("lenders in our network")."""
        if words[start:start + 1] == ["others"]:
            return ["public"]
        found = self.lex.recipients.find(lemmas, start, end)
        # (a class word that modifies the head after it names no one: "our official kit partner")
        modifiers = {(a, b) for a, b, _ in found
                     if any(a < a2 and a2 - b <= 2 and not {",", "and", "or", "/"} & set(words[b:a2])
                            for a2, _, _ in found)}
        # (the company's group by its name: "other Vodafone companies")
        heads = ["affiliate" if c == "third-party" and names_own_group(words, a, b) else c
                 for a, b, c in found if (a, b) not in modifiers]
        named = [c for c in dict.fromkeys(heads) if c not in {"user", "abroad"}]
        if len(named) > 1:  # "companies within our corporate family": the class named
            named = [c for c in named if c != "third-party"]
        if not named and not nobody and ours \
                and self.recipients.unnamed_organisation(words, lemmas, start, end, opened=True):
            named = ["organisation"]  # "lenders in our network", "mailing houses buy our list"
        return named or (["third-party"] if nobody else [])

    def _statement(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int, action: str,
                   cs: int, ce: int, body_end: int, recipients: list[str],
                   cue: tuple[int, int] | None, only: bool, data_span: tuple[int, int],
                   lead: tuple[int, int]) -> Extracted:
        """The statement, its slots filled from the clause as the main reader fills them."""
        lex = self.lex
        kinds = lex.data.classes_in(lemmas, *data_span)
        data = "aggregate" if self.aggregate_only(words, lemmas, *data_span) else (
            "sensitive" if "sensitive" in kinds else "personal" if "personal" in kinds else "unspecified")
        # (the subject's own clause: not "Companies that host our servers see it only for that
        # work, and no other party receives it")
        lo = min(lead[0], after_last_comma(words, cs, lead[0]))
        purposes = self.recipients.stated_purposes(words, lemmas, lo, ce, b, recipient_subject=True)
        # (the exceptions after the body are not the recipients: "nobody ... other than the firm
        # that hosts it for us")
        recipients, purposes = self.recipients.acting_for_company(lemmas, recipients, purposes, lo, b,
                                                                  body_end)
        # ("Apart from a buyer, should we be sold, and the police, no third party will receive
        # it": an exception put before the subject is the denial's exception, as in the main
        # reader)
        front, front_end = self.subjects.fronted_exception(words, lemmas, cs, lead[0])
        conditions = lex.condition_classes.classes_in(lemmas, front_end or cs, ce)
        fronted = [] if front is None or front_end is None else \
            lex.recipients.classes_in(lemmas, front, front_end) + lex.condition_classes.classes_in(
                lemmas, front, front_end)
        if any(words[k] == "if" and words[k + 1:k + 2] == ["you"] for k in range(cs, lead[0])):
            # "If you use third-party features, the third party may have access": at the user's
            # direction
            conditions = conditions + ["direction"]
        after = self.recipients.classes(words, lemmas, body_end, ce) \
            + lex.condition_classes.classes_in(lemmas, body_end, ce) if body_end < ce else []
        exceptions = fronted + after
        scope = "practice"
        # (words of asking inside the fronted exception are its own: "Apart from authorities
        # with a legal right to ask, no one else receives it")
        own = front_end or cs
        if lex.embedding.find(lemmas, own, lead[0]) or lex.rights.find(lemmas, own, a):
            scope = "embedded"
        elif lex.restrictions.find(lemmas, lead[1], a):
            scope = "restriction"  # "partners are not permitted to access it": a rule for them
        elif lex.minors.find(lemmas, *data_span):
            scope = "minors"
        hedge = lex.hedges.find(lemmas, lead[1], a)
        if cue is not None:
            polarity = "negated"
        elif set(conditions) & {"consent", "direction", "opt-out"}:
            polarity = "conditional"
        elif hedge:
            polarity, cue = "hedged", (hedge[-1][0], hedge[-1][1])
        else:
            polarity = "affirmed"
        slots = Slots(action=action, actor="company", data=data, recipients=tuple(recipients),
                      purposes=tuple(dict.fromkeys(purposes)), conditions=tuple(conditions),
                      exceptions=tuple(dict.fromkeys(exceptions)), scope=scope, only=only)
        return Extracted(a, b, polarity, cue, slots)
