"""Who acts: where a statement's subject starts, and which actor class it names.

A subject is read backwards from the verb group: over the bridge words between them ("we may also
not"), over a list of other verbs coordinated with ours ("we collect, use, and share"), and up to a
word that stops a subject (a comma, "that", "if"). Kept apart from the reader so that the many
small tests of "is this noun the subject?" read in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from policylens.polarity import load_cues
from policylens.statements.lexicon import Lexicon
from policylens.statements.words import (
    ADVICE_OPENERS,
    AGENT_REFERENCES,
    BE,
    CLAUSE_OPENERS,
    CLAUSE_SUBJECT_OPENERS,
    COORDINATORS,
    FRONTED_PREPOSITIONS,
    GOVERNING,
    HANDLING_VERBS,
    IMPERATIVE_NEGATIONS,
    IMPERATIVE_OPENERS,
    INNER_SUBORDINATORS,
    MODALS,
    OBJECT_SKIP,
    PERFECT_AUXILIARIES,
    PERSONS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    SUBJECT_STOPS,
    SUBORDINATORS,
    VERB_ASIDES,
    after_last_comma,
)

# words that open an aside added to a subject, and how long it may be
SUBJECT_ASIDES = (("together", "with"), ("along", "with"), ("as", "well", "as"), ("in", "addition", "to"),
                  ("including",), ("plus",), ("and", "any"), ("or", "any"), ("such", "as"),
                  ("for", "example"), ("e.g.",), ("like",),
                  # a relative clause set off by commas: "Our accountants, who act as independent
                  # controllers, see your file"
                  ("who",), ("which",))
SUBJECT_ASIDE_WORDS = 16
# words that close an aside added to a subject (", race times included,", ", your photos too,")
SUBJECT_ASIDE_CLOSERS = frozenset({"included", "too", "alike", "inclusive"})
CLOSED_ASIDE_WORDS = 6
# the longest aside in brackets between a subject and its verb ("data (name, email) goes to")
BRACKET_WORDS = 30
# how far a summing denial's colon may stand from the first act it sums up
POST_LIST_REACH = 16
# the longest aside between two bridge words ("will not, under any circumstances, share"), and
# the longest one of exceptions or conditions ("is, save where the law requires it or where you
# have asked us to, never passed")
ASIDE_WORDS = 12
CONDITION_ASIDE_WORDS = 24
# what opens such an aside of exceptions or conditions
CONDITION_ASIDE_OPENERS = frozenset({"save", "except", "unless", "other", "apart", "where", "if",
                                     "when", "whether", "without", "barring", "excluding"})


def _aside_opening(words: Sequence[str], cs: int, closing: int) -> int | None:
    """The comma that opens the aside a comma at `closing` ends, if the aside is short (or, one
    of exceptions or conditions, not too long)."""
    for k in range(closing - 2, max(cs, closing - CONDITION_ASIDE_WORDS - 1) - 1, -1):
        if words[k] == ",":
            return k if closing - k <= ASIDE_WORDS + 1 or words[k + 1] in CONDITION_ASIDE_OPENERS \
                else None
    return None


# quantities that open a subject naming others of a kind ("Many charities swap donor lists")
OTHERS_QUANTIFIERS = frozenset({"many", "most", "some", "several", "few", "numerous", "other"})
# the dashes that set an aside apart ("Survey sponsors — the brands that commission our studies
# — receive ...")
DASHES = frozenset({"—", "–", "--"})


def _bracket_opening(words: Sequence[str], cs: int, closing: int) -> int | None:
    """The "(" that the ")" at `closing` closes (or the dash that a closing dash pairs with), if
    the aside is short and after `cs`."""
    opener = "(" if words[closing] == ")" else words[closing]
    for k in range(closing - 1, max(cs, closing - BRACKET_WORDS) - 1, -1):
        if words[k] == opener:
            return k if k > cs else None
        if words[k] in {")", ".", ";"}:
            return None
    return None


def aside_before(words: Sequence[str], walk: int) -> bool:
    """Whether an aside added to the subject opens at `walk` (", including ...", ", along with
    ..."; or one closed by its own word: ", race times included,"): the subject ends there, the
    aside runs to the verb."""
    if walk >= len(words) or words[walk] != ",":
        return False
    if any(tuple(words[walk + 1:walk + 1 + len(o)]) == o for o in SUBJECT_ASIDES):
        return True
    closing = next((k for k in range(walk + 2, min(len(words), walk + 2 + CLOSED_ASIDE_WORDS))
                    if not words[k].isalpha()), None)
    return closing is not None and words[closing] == "," and words[closing - 1] in SUBJECT_ASIDE_CLOSERS


def post_list_denial(words: Sequence[str], start: int) -> int | None:
    """Where a denial after a colon or dash sums up the acts listed before it ("Sell it, rent it,
    trade it: none of these is something we do"), if the sentence opens with them: the denials of
    cues.yaml's `summing`, which the keyword rules' polarity reads too."""
    mark = next((k for k in range(start + 1, min(len(words), start + POST_LIST_REACH))
                 if words[k] in {":", "-", "–", "—"}), None)
    if mark is None or not any(tuple(words[mark:mark + len(d)]) == d for d in _summing_denials()):
        return None
    return mark + 1


@lru_cache(maxsize=1)
def _summing_denials() -> frozenset[tuple[str, ...]]:
    """The summing denials of cues.yaml as words, each with its colon or dash."""
    return frozenset(tuple(str(p).split()) for p in load_cues()["summing"])  # type: ignore[attr-defined]


# the company's products, named as the subject of its acts ("the weather app sells ...")
PRODUCT_NOUNS = frozenset({"app", "application", "site", "website", "service", "platform", "marketplace"})
# the same in the plural, after a word picking some of them out by the brand ("certain CBS
# Services", "some Acme apps")
PRODUCT_NOUN_PLURALS = frozenset({"apps", "applications", "sites", "websites", "services", "platforms",
                                  "brands", "properties"})
# what a party does to data it then holds as its own ("the information they collect")
COLLECTING_THEMSELVES = frozenset({"collect", "gather", "obtain", "receive", "hold", "acquire"})
# prepositions after which a name is a tool the reader uses ("pay with PayQuick", "log in via
# Gplus")
TOOL_PREPOSITIONS = frozenset({"with", "through", "via", "using"})
# words that pick some of the company's products out ("certain CBS Services")
SOME_OF_OURS = frozenset({"certain", "some", "select", "selected"})
# kinds of service, not brands ("some cloud services")
GENERIC_SERVICE_KINDS = frozenset({
    "cloud", "hosting", "email", "e-mail", "online", "web", "internet", "mobile", "digital", "other",
    "external", "outside", "independent", "affiliated", "partner", "payment", "messaging", "streaming",
    "social", "video", "news", "financial", "delivery", "booking", "travel", "health"})

# actor words that are no contract party's name when bare ("Other may ..." is not English)
_NOT_A_PARTY = frozenset({"they", "other", "others", "anyone", "hacker", "attacker", "staff", "employee"})


def _own_product(words: Sequence[str], a: int, x: int, y: int) -> bool:
    """Whether "the <kind> app" at the subject's start names the company's own product ("the
    weather app sells device identifiers"): a singular product noun after "the", "this" or "our"
    and a modifier or two, with no relative clause picking out another's."""
    if words[x] not in PRODUCT_NOUNS or y != x + 1:
        return False
    # (a name of a few words, "the Stretch & Breathe app")
    opener = next((k for k in range(x - 1, max(a, x - 4) - 1, -1)
                   if words[k] in {"the", "this", "our"}), None)
    return opener is not None and opener <= a + 1 \
        and all(words[k].isalpha() or words[k] in {"&", "-"} for k in range(opener + 1, x)) \
        and words[y:y + 1] not in (["that"], ["which"], ["who"], ["you"], ["we"])


def _another_of_its_kind(words: Sequence[str], lemmas: Sequence[str], x: int, y: int) -> bool:
    """Whether "the <kind>" at words[x:y] ("the bank", "the school"), which names the company
    by its kind, names others instead: a plural ("the charities we work with") or one a relative
    clause picks out ("the bank that processes the payment")."""
    return words[x] == "the" and (words[y - 1] != lemmas[y - 1]
                                  or words[y:y + 1] in (["that"], ["which"], ["who"]))


def _before_aside(words: Sequence[str], cs: int, walk: int) -> int:
    """Where the subject ends when an aside added to it stands before the verb ("Your e-mail
    address, along with any preferences you set, is never sold"): at the aside's opening comma."""
    closing = walk if words[walk] == "," else walk - 1  # (a comma is a bridge word)
    if closing <= cs or words[closing] != "," or words[closing + 1:closing + 2] in (["and"], ["or"]):
        return walk  # (", and is not lent to anyone": a coordinated predicate, no aside)
    # (an aside may hold a list of its own: "No information collected here, including your name,
    # e-mail address and any messages you send us, will be shared")
    for k in range(closing - 2, max(cs, closing - SUBJECT_ASIDE_WORDS) - 1, -1):
        if words[k] in {";", ":"}:
            break
        if aside_before(words, k):
            return k
    return walk


def _verb_aside(words: Sequence[str], cs: int, closing: int) -> int | None:
    """The comma that opens an adverb's aside closed at `closing` (", on the other hand,")."""
    k = _aside_opening(words, cs, closing)
    return k if k is not None and tuple(words[k + 1:closing]) in VERB_ASIDES else None


def _clause_in_subject(words: Sequence[str], cs: int, subject_start: int, g_start: int) -> bool:
    """Whether words[subject_start:g_start] open a subordinate clause with its own subject and
    verb ("when you book a room") inside a subject that opens before it: a person as its subject,
    a word after it, and words before the subordinator."""
    return g_start - subject_start >= 2 and subject_start - 1 > cs \
        and words[subject_start - 1] in INNER_SUBORDINATORS and words[subject_start] in PERSONS \
        and words[subject_start - 2].isalpha()


def _phrase_start(words: Sequence[str], lemmas: Sequence[str], cs: int, a: int) -> int:
    """Where the noun phrase whose head word is at `a` starts, past up to two uninflected
    modifiers ("to our delivery contractors", "to service providers"): where a preposition
    governs it."""
    k = a
    while k > max(cs, a - 2) and words[k - 1].isalpha() and words[k - 1] == lemmas[k - 1] \
            and words[k - 1] not in SUBJECT_STOPS and words[k - 1] not in PRONOUNS \
            and words[k - 1] not in GOVERNING and words[k - 1] not in OBJECT_SKIP and words[k - 1] != "by":
        k -= 1
    if k - 2 > cs and words[k - 1] in {"'s", "’s", "'"} and words[k - 2].isalpha():
        # ("to a partner's website": the owner's phrase, whose determiner a preposition governs)
        return _phrase_start(words, lemmas, cs, k - 2)
    return k


# verbs whose "that" opens what is told, a clause of its own
_TELLING = frozenset({"know", "tell", "inform", "notify", "confirm", "say", "show"})


class SubjectFinder:
    """Finds the subject and the actor of a statement with one lexicon."""

    def __init__(self, lexicon: Lexicon, data_nouns: frozenset[str], reporting: frozenset[str]) -> None:
        self.lex = lexicon
        self.data_nouns = data_nouns
        # "the law requires businesses that sell": a reporting verb's "that" opens no relative clause
        self.reporting = reporting

    def walk_back(self, words: Sequence[str], lemmas: Sequence[str], cs: int, start: int) -> int:
        """Where the run of bridge words before `start` begins (no earlier than `cs`)."""
        spans = self.lex.bridges.find(lemmas, cs, start)
        ends = {b: a for a, b, _ in spans}
        j = start
        while j > cs:
            if j < start and words[j] == "," and (k := _aside_opening(words, cs, j)) is not None \
                    and k in ends:
                # "is not, without your consent, disclosed", "is not, whether in a sale of the
                # practice or otherwise, passed": an aside inside the verb (before its own bridges)
                j = ends[k]
            elif j < start and words[j] == "," and (k := _verb_aside(words, cs, j)) is not None:
                j = k  # "The details you give us, however, may be rented": the adverb's aside
            elif j in ends:
                if words[ends[j]] == "," and j < len(words) and words[j] in PRONOUNS:
                    break  # "Unless you tell us not to, we pass ...": the comma ends a clause
                j = ends[j]
            elif j < start and words[j] in {"or", "and", "rather"} and (j - 1) in ends:
                # "do not publish or distribute": another verb coordinated with ours; "will be
                # deleted rather than handed to the buyer": set against it
                j -= 1
            elif (words[j - 1] == ")" or words[j - 1] in DASHES) \
                    and (k := _bracket_opening(words, cs, j - 1)) is not None:
                j = k  # "learner data (name, email and country) goes to ...": the subject's aside
            else:
                break
        return j

    def fronted_exception(self, words: Sequence[str], lemmas: Sequence[str], cs: int,
                          subject_start: int) -> tuple[int | None, int | None]:
        """Where an exception put before the subject opens ("Apart from the service providers
        listed above, we do not ...") and where it ends: at its last comma ("Apart from the cases
        above, which involve our vendors, we ..."), or at the parenthesis that closes it ("Beyond
        three cases (..., and a buyer) your details are never handed over"); None for either."""
        front = next((a for a, _, _ in self.lex.exceptions_in(words, lemmas, cs, subject_start)
                      if a <= cs + 1), None)
        if front is None:
            return None, None
        if words[subject_start - 1] == ")":
            return front, subject_start - 1
        return front, next((k for k in range(subject_start - 1, front, -1) if words[k] == ","), None)

    @staticmethod
    def after_comma(words: Sequence[str], cs: int, subject_start: int) -> int:
        """Where the statement's own clause starts: after a comma right before its subject
        ("If you opt out, we ..."; "..., which we sell"), else at `cs`."""
        k = subject_start - 1
        relative = k > cs and words[k] in {"which", "that"}
        if relative:
            k -= 1
        # only after a subordinate clause or before a relative one: "California residents have
        # the right to request, once per year, information regarding our disclosure" is one clause
        first = next((w for w in words[cs:k] if w.isalpha()), "")
        subordinate = relative or first in SUBORDINATORS or first in FRONTED_PREPOSITIONS
        return k + 1 if k > cs and words[k] == "," and subordinate else cs

    def candidates(self, words: Sequence[str], lemmas: Sequence[str], cs: int, end: int) -> list[int]:
        """Where the words that can be a subject ("we", "our partners", "bands") start in
        words[cs:end]; not possessives ("your information")."""
        return [a for a, b, c in self.lex.actors.find(lemmas, cs, end)
                # (not "your information"; but "our app", "our company": the company by a name)
                if (words[a] not in POSSESSIVES or c == "company" and words[a] == "our")
                and not self._owner(words, lemmas, a, b)
                and not self._object_or_agent(words, lemmas, cs, a)
                and not (a > cs and words[a - 1] in {"we", "you", "they", "i"})  # "we partner": a verb
                # "the pages we show you": "you" after a verb is its object
                and not (words[a] == "you" and a > cs and words[a - 1].isalpha()
                         and words[a - 1] not in SUBJECT_STOPS and words[a - 1] not in CLAUSE_OPENERS)
                and not self.complement(words, cs, a)]

    def _object_or_agent(self, words: Sequence[str], lemmas: Sequence[str], cs: int, a: int) -> bool:
        """Whether the noun phrase whose head is at `a` is a preposition's object ("we partner
        with other companies") or a passive's agent ("marketing sent to you by sellers"): no
        subject."""
        start = _phrase_start(words, lemmas, cs, a)
        return self.governed(words, cs, start) or words[start - 1:start] == ["by"]

    @staticmethod
    def complement(words: Sequence[str], cs: int, a: int) -> bool:
        """Whether the noun phrase at `a` follows "be" ("we are not a data broker"): it says
        what the subject is, it is no subject."""
        for j in range(a - 1, max(cs, a - 5) - 1, -1):
            if words[j] in {"is", "are", "am", "was", "were", "be", "been", "'re", "'m"}:
                return True
            if not words[j].isalpha() or words[j] in SUBJECT_STOPS or words[j] in PRONOUNS:
                return False
        return False

    def actor_classes(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int,
                      heads: bool = False) -> list[str]:
        """The actor classes named in words[a:b] outside a preposition's object ("advertisers on
        our site": advertisers); with `heads`, not a word that only modifies the noun after it
        ("member clubs")."""
        return list(dict.fromkeys(
            "third-party" if c == "company" and _another_of_its_kind(words, lemmas, x, y)
            else "company" if c == "third-party" and (_own_product(words, a, x, y)
                                                     or self._brand_products(words, lemmas, a, x, y)) else c
            for x, y, c in self.lex.actors.find(lemmas, a, b)
            if not self.governed(words, a, x) and not (heads and self._modifier(words, lemmas, y, b))
            and not self._owner(words, lemmas, x, y)))

    def _brand_products(self, words: Sequence[str], lemmas: Sequence[str], a: int, x: int, y: int) -> bool:
        """Whether "certain <Brand> Services" at the subject's start names some of the company's
        own products by its brand ("certain CBS Services may share"): a word picking some out, a
        name of no known class (not "some analytics services"), a plural product noun."""
        return words[x] in PRODUCT_NOUN_PLURALS and y == x + 1 and x - 2 >= a \
            and words[x - 2] in SOME_OF_OURS and words[x - 1].isalpha() \
            and words[x - 1] not in GENERIC_SERVICE_KINDS \
            and not any(table.find(lemmas, x - 1, x) for table in (self.lex.recipients, self.lex.actors,
                                                                  self.lex.data, self.lex.purposes))

    def _theirs(self, words: Sequence[str], lemmas: Sequence[str], subject: tuple[int, int], g_end: int,
                body_end: int) -> bool:
        """Whether the company is named in the subject only by the "we" of a clause inside it ("Sites
        we link to", "Partners we work with") and the object is what the subject collects itself
        ("the information they collect")."""
        we = [k for k in range(*subject) if words[k] == "we"]
        # (a plural noun right before "we": not "Occasionally we", "that we")
        return bool(we) and all(k > subject[0] and words[k - 1].isalpha() and words[k - 1] != lemmas[k - 1]
                                and words[k - 1] not in COORDINATORS and not words[k - 1].endswith("ly")
                                for k in we) \
            and not any(words[k] == "our" for k in range(*subject)) \
            and any(words[k] == "they" and lemmas[k + 1] in COLLECTING_THEMSELVES
                    for k in range(g_end, body_end - 1))

    @staticmethod
    def _tool_named_before(words: Sequence[str], subject: tuple[int, int]) -> bool:
        """Whether the subject's name (one or two words) stands earlier in the sentence after
        "with", "through", "via" or "using" ("When you pay with PayQuick, PayQuick may share"):
        a service the reader uses, not the company."""
        name = list(words[subject[0]:subject[1]])
        if not 1 <= len(name) <= 2 or not all(w.isalpha() for w in name):
            return False
        return any(words[k] in TOOL_PREPOSITIONS and list(words[k + 1:k + 1 + len(name)]) == name
                   for k in range(0, subject[0] - len(name)))

    def _owner(self, words: Sequence[str], lemmas: Sequence[str], x: int, y: int) -> bool:
        """Whether the actor noun words[x:y] names whose data or whose word it is, not who acts:
        "processes End User data ... and does not disclose it", "on the Customer's instructions"
        (a possessive pronoun, "your", is read as before)."""
        if words[x] in POSSESSIVES or y >= len(words):
            return False
        return words[y] in {"'s", "'", "’s"} or (
            words[y] not in PRONOUNS and self.lex.data.match_at(lemmas, y, len(words)) is not None)

    def _modifier(self, words: Sequence[str], lemmas: Sequence[str], y: int, b: int) -> bool:
        """Whether the actor word ending at `y` only modifies the plural noun after it, the head
        of the phrase: "member clubs", "customer panels" are organisations, not users."""
        if y >= b or words[y - 1] != lemmas[y - 1] or not words[y].isalpha() \
                or words[y - 1] in PRONOUNS or words[y - 1] in POSSESSIVES:
            return False  # ("your posts": whose, not a kind)
        word, lemma = words[y], lemmas[y]
        return word != lemma and word.endswith("s") and not word.endswith("ss") \
            and lemma not in self.data_nouns and not self.lex.actors.match_at(lemmas, y, b) \
            and not self.lex.data.match_at(lemmas, y, b)

    def _with_its_group(self, words: Sequence[str], lemmas: Sequence[str], subject: tuple[int, int]) -> bool:
        """Whether the subject names someone together with "its affiliates" or those acting for
        it ("Neither Maple Ridge Credit Union nor any of its affiliates sells", "Acme and its
        subsidiaries may share", "Neither Harlow & Finch nor any company acting on our behalf
        will sell"): a company with its own group or agents, the company by its name."""
        start, end = subject
        joined = next((k for k in range(start + 1, end) if words[k] in {"and", "nor", "or"}), None)
        if joined is None:
            return False
        return any(c == "affiliate" and words[x - 1] == "its" and x - 1 > joined
                   for x, _, c in self.lex.recipients.find(lemmas, joined, end)) \
            or any({"behalf", "agent"} & set(words[a:b])
                   for a, b, _ in self.lex.acting_for_us.find(lemmas, joined, end))

    @staticmethod
    def _party_of_contract(words: Sequence[str], lemmas: Sequence[str], cs: int,
                           subject: tuple[int, int]) -> bool:
        """Whether the subject is a bare singular role noun opening its clause, as a contract
        names its parties ("Provider shall not disclose Customer Data", "Processor will"): the
        party that makes the promise, the company (plain English would say "the provider")."""
        start, end = subject
        return end - start == 1 and start == cs and words[start] == lemmas[start] \
            and words[start].isalpha() and words[start] not in _NOT_A_PARTY \
            and words[end:end + 1] != ["'s"]

    def _acting_for_named_company(self, words: Sequence[str], lemmas: Sequence[str], cs: int,
                                  subject: tuple[int, int]) -> bool:
        """Whether the subject is an aside naming who acts for the company named before it ("the
        Council, or anyone acting on its behalf, will never sell"): the company acts."""
        start, end = subject
        if start > cs and words[start - 1] in {"or", "and"}:
            start -= 1
        if start < cs + 2 or words[start - 1] != "," or not self.lex.acting_for_us.find(lemmas, start, end):
            return False
        opening = max([k + 1 for k in range(cs, start - 1) if words[k] in {",", ";", ":"}], default=cs)
        return "company" in self.actor_classes(words, lemmas, opening, start - 1)

    @staticmethod
    def governed(words: Sequence[str], cs: int, a: int) -> bool:
        """Whether the noun phrase at `a` is a preposition's object ("we partner with other
        companies"): no subject."""
        j = a - 1
        while j >= cs and words[j] in OBJECT_SKIP:
            j -= 1
        if j >= cs and words[j] == "for" and words[a] == "us" and words[a + 1:a + 2] in (["to"], ["not"]):
            return False  # "you can choose for us not to share it": the infinitive's subject
        return j >= cs and words[j] in GOVERNING

    def verb_list_start(self, words: Sequence[str], lemmas: Sequence[str], cs: int,
                         walk: int) -> int:
        """Where a list of other verbs coordinated with ours begins ("we collect, use, and share":
        the subject of the first is ours), past the bridges before it; else `walk`."""
        j = walk
        while j - 2 > cs and words[j - 2] in {",", "and", "or"} and words[j - 1].isalpha() \
                and lemmas[j - 1] not in self.data_nouns and words[j - 1] not in SUBJECT_STOPS \
                and words[j - 1] not in PRONOUNS:
            j -= 2
        if j - 1 > cs and words[j - 1].isalpha() and lemmas[j - 1] not in self.data_nouns \
                and words[j - 1] not in SUBJECT_STOPS and words[j - 1] not in PRONOUNS:
            first = j - 1  # the list's first verb: a pronoun or an auxiliary before it
            start = self.walk_back(words, lemmas, cs, first)
            # (or a perfect's auxiliary: "we have collected, disclosed and sold"; or a noun
            # before a list of verbs of handling data: "what that company collects, uses,
            # discloses and sells")
            if words[first - 1] in PRONOUNS or (start < first and j < walk) \
                    or (start < first and words[first - 1] in PERFECT_AUXILIARIES) \
                    or (j < walk and lemmas[first] in HANDLING_VERBS and lemmas[first] != words[first]):
                return start
        return walk


    def span(self, words: Sequence[str], lemmas: Sequence[str], cs: int, walk: int,
             g_start: int) -> tuple[int, int]:
        """Where the subject of the verb group at `g_start` starts, and where the words between it
        and the verb begin, given where the bridges begin (`walk`): the run of words before
        `walk` up to a word that stops a subject; a coordinated predicate ("Bands are ... and may
        not share") takes the subject of the verb before it."""
        walk = _before_aside(words, cs, walk)
        subject_start = walk
        while subject_start > cs and walk - subject_start < 8 \
                and (words[subject_start - 1] not in SUBJECT_STOPS
                     # ("the brands featured in that month's leaflet": a determiner after a
                     # preposition)
                     or (words[subject_start - 1] == "that" and subject_start - 2 >= cs
                         and words[subject_start - 2] in PREPOSITIONS)):
            subject_start -= 1
        if _clause_in_subject(words, cs, subject_start, g_start):
            # "What you tell us when you book a room stays with us": the words before the verb
            # are a clause of their own inside the subject; the subject is the data before it
            # (not "Your data is kept private when we ... share it": a clause of its own)
            inner = outer = subject_start - 1
            while outer > cs and inner - outer < 8 and words[outer - 1] not in SUBJECT_STOPS:
                outer -= 1
            if self.lex.data.find(lemmas, outer, inner) \
                    and not any(w in BE or w in MODALS for w in words[outer:inner]):
                subject_start, walk = outer, inner
        if subject_start - 2 >= cs and words[subject_start - 1] in {"and", "or"} \
                and words[subject_start - 2] == "we":
            subject_start -= 2  # "we and our partners share": we are among the subjects
        if walk < g_start and (words[walk] in {"and", "or", "and/or", "rather"} or (
                words[walk] == "," and words[walk + 1:walk + 2] in (["and"], ["or"], ["and/or"])
                and walk + 2 <= g_start)):
            # a coordinated predicate ("Bands are ... and may not share"; "we never rent it to
            # advertisers, pass it on, or give it away") shares the subject of the verb before
            # it: the nearest one who acts ("when you sign up or share a list")
            first_be = next((k for k in range(cs, walk) if words[k] in BE), None) \
                if any(words[k] in BE for k in range(walk, g_start)) else None
            if first_be is not None and first_be > cs and self.lex.data.find(lemmas, cs, first_be):
                # a coordinated passive's subject is the clause's data ("This list is used only for
                # club business, such as rent reminders, and is not lent to anyone")
                return cs, first_be
            actors = self.candidates(words, lemmas, cs, walk)
            # (not the subject of an object relative clause after an earlier one: "Websites that
            # we link to may collect it and share it": the websites)
            actors = [a for a in actors
                      if not (words[a] in {"we", "you"} and words[a - 1] in {"that", "which"}
                              and any(b < a - 1 for b in actors))] or actors
            # "Cookies are small files that are stored on your device and transmit ...": with no
            # one named, the subject is the relative pronoun's antecedent
            pronoun = next((k for k in range(walk - 1, cs, -1) if words[k] in {"that", "which", "who"}), None)
            subject_start = actors[-1] if actors else (pronoun + 1 if pronoun is not None else cs)
            while subject_start < walk and words[subject_start] in SUBJECT_STOPS:
                subject_start += 1
            # (the subject is the actor's phrase: "Company may disclose it ..., or sell it" names
            # the company as a contract does, not "Company may disclose your")
            named = [b for a, b, _ in self.lex.actors.find(lemmas, subject_start, walk) if a == subject_start]
            walk = min(walk, max(named) if actors and named else subject_start + 4)
        return subject_start, walk

    @staticmethod
    def _negated_imperative(words: Sequence[str], cs: int, subject_start: int, walk: int,
                            g_start: int) -> bool:
        """"Please do not share your password", "Don't ever give out your PIN": a "do" that opens
        its clause (not "we collect it and do not share it", nor a list item under "We will:",
        "not share your data with third parties")."""
        if words[walk] == "never" and walk == cs and g_start == walk + 1:
            return True  # "Never share your password with anyone"
        return words[walk] == "do" and (subject_start == cs or words[subject_start - 1] in {":", ";"}) \
            and all(words[k] in IMPERATIVE_NEGATIONS for k in range(walk, g_start))

    def _own_name(self, words: Sequence[str], lemmas: Sequence[str], k: int, end: int) -> bool:
        """Whether the passive's agent at words[k:] is a name of no known class followed by to
        whom or ending the clause ("sold by RoamCo to analytics firms", "made available by The
        Northgate Courier to selected organisations"): a policy names others by their kind ("by
        our partners") and itself by its name. Not a referring word ("by these", "by such
        companies") nor a tool ("by cookies")."""
        if k < end and words[k] == "the":
            k += 1
        while end > k and not words[end - 1].isalnum():
            end -= 1  # (the clause's closing stop)
        # (or the clause ends after it: "is never sold, leased or traded by BrightSteps")
        stop = next((j for j in range(k, min(k + 5, end)) if words[j] in {"to", "with"}),
                    end if end - k <= 3 else None)
        return stop is not None and stop > k and all(
            words[j].isalpha() and words[j] not in AGENT_REFERENCES
            and lemmas[j] not in self.lex.tracking_tools and not self.lex.data.match_at(lemmas, j, stop)
            for j in range(k, stop))

    @staticmethod
    def _listed_act(words: Sequence[str], opening: int, g_start: int) -> bool:
        """A bare verb opening an item that ends in a semicolon ("Disclose personal data to our
        partners when running joint events;"): one of a list under a lead-in ("We may:"), the
        company's act, not an order to the reader; or one of acts that a denial after a colon
        sums up ("Sell it, rent it, trade it: none of these is something we do")."""
        return g_start == opening and (words[-1:] == [";"] or post_list_denial(words, g_start) is not None)

    def purpose_of_use(self, words: Sequence[str], lemmas: Sequence[str], cs: int,
                       g_start: int) -> int | None:
        """Where the company's "use" stands whose purpose infinitive the verb at `g_start` is ("we
        use the information you provide to rent it ..."; a list's lead-in "... to:" + its item),
        if it is."""
        if g_start - 2 <= cs or words[g_start - 1] not in {"to", ":"}:
            return None
        use = next((k for k in range(g_start - 2, max(cs, g_start - 12) - 1, -1) if lemmas[k] == "use"), None)
        if use is None or use == cs or {"you", "your", "they", "their"} & set(words[cs:use]):
            return None
        found = self.actor_classes(words, lemmas, cs, use)
        # (and only a purpose that names others it goes to: not "we use the email address you
        # enter only to send that one message")
        end = min(len(words), g_start + 12)
        others = set(self.lex.recipients.classes_in(lemmas, g_start, end)) - {"user"}
        return use if others and ("company" in found or not found) else None

    def actor(self, words: Sequence[str], lemmas: Sequence[str], cs: int, subject_start: int, walk: int,
              g_start: int, g_end: int, body_end: int, passive: bool) -> tuple[str, tuple[int, int]]:
        """Who does the act of the verb group words[g_start:g_end], and the span of words that
        names them: the company unless a "by" phrase, the reader ("you provide", an imperative) or
        a subject (or a relative pronoun's antecedent) names someone else."""
        lex = self.lex
        actor = "company"
        if not passive and words[cs] in SUBORDINATORS \
                and (comma := after_last_comma(words, subject_start, g_start)) > walk:
            # the subject after a fronted clause: "Once your profile is complete, Vowline makes
            # your details available to ..." (the fronted clause's "your" names no actor)
            subject_start, walk = comma, g_start
        subject = (subject_start, walk)
        # (a clause opening on its boundary: "...; please do not share")
        opening = subject_start + 1 if subject_start < walk and words[subject_start] in {";", ":"} \
            else subject_start
        # an act-noun's doer follows "by", as a passive's does: "monetization of data by others"
        noun_form = lex.action_words.match_at(lemmas, g_start, g_end) is None
        if g_start > cs and words[g_start - 1] == "our" and (noun_form or words[g_start].endswith("ing")):
            return "company", (g_start - 1, g_start)  # "opt out of our sale of your data": ours
        use = self.purpose_of_use(words, lemmas, cs, g_start) if not passive else None
        if use is not None:
            # "We may use the information you provide to rent it to other companies" (or a list
            # of purposes: "... to:" + "rent it to other companies"): the user of the data acts,
            # not the "you" of its relative clause
            return "company", (cs, use)
        noun_act = noun_form and "by" in words[g_end:body_end]
        if passive or noun_act:
            # (not the "by" of a relative clause after it: "would move to the new company, which
            # would remain bound by this policy")
            # (nor of a predicate coordinated after it: "will be transferred to that entity and
            # will remain protected by this notice")
            # (nor of a clause of its own after a comma: "..., and their use of it is governed by
            # their own notices")
            # (nor of what someone is told: "let an advertiser know that a Pin has been saved by
            # certain people")
            relative = next((i for i in range(g_end, body_end) if words[i] in {"which", "who", "whom"}
                             or (words[i] == "that" and lemmas[i - 1] in _TELLING)
                             or words[i] in {"and", "but"} and words[i + 1:i + 2] and (
                                 words[i + 1] in MODALS
                                 or (words[i - 1] == "," and words[i + 1] in CLAUSE_SUBJECT_OPENERS))),
                            body_end)
            # (not the "by" of a purchase: "made available for purchase by exhibitors" names
            # the buyers)
            by = [i for i in range(g_end, relative) if words[i] == "by"
                  and words[i - 1] not in {"purchase", "sale", "download", "subscription"}]
            if by:
                # (the agent ends where to whom begins: "passed by Brightline to advertisers")
                agent_end = next((j for j in range(by[0] + 2, min(by[0] + 5, body_end))
                                  if words[j] in {"to", "with"}), min(by[0] + 5, body_end))
                found = lex.actors.classes_in(lemmas, by[0] + 1, agent_end)
                legal = lex.condition_classes.classes_in(lemmas, by[0] + 1, min(by[0] + 4, body_end))
                # "shared by these cookies", "sold by the seller": someone else acts; "sold by
                # RoamCo to analytics firms": the company by its own name
                actor = "company" if "company" in found or (not found and (
                    "legal" in legal or by[0] + 1 >= body_end
                    or self._own_name(words, lemmas, by[0] + 1, body_end))) \
                    else (found[0] if found else "third-party")
            elif passive and any(words[k] == "you" and lex.action_words.match_at(lemmas, k + 1, walk)
                                 and "to" in words[k + 2:min(k + 5, walk)]
                                 and "us" not in words[k + 2:min(k + 6, walk)]
                                 # (to someone else: not "Nothing you upload to Ledgerly is shared",
                                 # the company by its name)
                                 and self.actor_classes(words, lemmas, k + 2, min(k + 6, walk))
                                 for k in range(subject_start, walk)):
                # "Information you provide to a linked site is provided directly to a third party":
                # the reader gives it
                actor = "user"
        elif any(words[k] == "we" and not (words[k - 1] in {"that", "which", "whom"}
                                           and {"and", "or"} & set(words[k + 1:g_start]))
                 for k in range(walk, g_start)):
            # "if you would rather we did not share": we, in the bridge (not a relative clause's
            # "we" inside a predicate coordinated before ours: "Websites that we link to may
            # collect it and share it")
            actor = "company"
        elif g_start > 1 and words[g_start - 2:g_start] == ["us", "to"]:
            actor = "company"  # "if you would like us to pass your details to partners": we act
        elif g_start > 1 and words[g_start - 1] == "to" and (
                "you" in words[max(cs, g_start - 5):g_start - 1]
                # ("You can use sharing functionality in our service to disclose ...": the
                # reader's purpose)
                or (words[cs:cs + 1] == ["you"] and {"we", "us"}.isdisjoint(words[cs:g_start]))):
            actor = "user"  # "give you the ability to share", "allow you to share": the reader acts
        elif any(words[k:k + 2] == ["you", "to"] and not {"we", "us", "they"} & set(words[k + 2:g_start])
                 for k in range(cs, g_start - 1)):
            actor = "user"  # "This lets you to: post questions, upload photos": each verb of its list
        elif (all(words[k] in IMPERATIVE_OPENERS for k in range(opening, walk))
              and (walk == g_start and not self._listed_act(words, opening, g_start)
                   or self._negated_imperative(words, cs, subject_start, walk, g_start))
              or (words[walk:walk + 2] == ["not", "to"] and g_start == walk + 2
                  and words[opening] in ADVICE_OPENERS and walk - opening <= 3)
              # "Make sure to provide accurate data", "Remember to give us ...": advice too
              or (words[opening] in ADVICE_OPENERS and words[g_start - 1] == "to"
                  and 2 <= g_start - opening <= 4
                  and all(words[k].isalpha() and words[k] not in PRONOUNS
                          for k in range(opening, g_start)))) \
                and lex.action_words.match_at(lemmas, g_start, g_end) is not None \
                and words[g_end:g_end + 1] != ["of"]:  # not "Transfer of data ... does not take place"
            # "Please send your objection to ...": an imperative, the reader acts; "Be careful not
            # to give out personal information in the chat": advice to the reader
            actor = "user"
        elif walk > cs and words[walk - 1] in {"you", "they"} and walk - 1 >= subject_start \
                and words[walk] not in {"and", "or"}:
            # the pronoun right before the verb is its subject: "the information you provide"
            actor = "user" if words[walk - 1] == "you" else "third-party"
        else:
            after_relative = subject_start - 1 > cs and words[subject_start - 1] in {"who", "which", "that"}
            found = self.actor_classes(words, lemmas, *subject)
            # "advertising companies who may share", "networks that receive data from many
            # websites may share": the relative pronoun's antecedent acts
            # (a short name after "that" is the subject of a content clause: "to clarify that
            # ASUS does not sell")
            # (and an object relative clause whose own verb ends before ours: "Websites that we
            # link to may share it", "Partners that we work with may ...": the antecedent acts)
            relative = after_relative and (subject_start == walk or (not found and walk - subject_start > 2)
                                           or (words[subject_start] in {"we", "you"}
                                               and walk - subject_start > 1 and not passive))
            # the antecedent's head, before a bracketed aside: "a value (typically a long string
            # of characters) that cannot reveal"
            head = subject_start - 2
            if after_relative and head > cs and words[head] == ")" \
                    and (k := _bracket_opening(words, cs, head)) is not None:
                head = k - 1
            if relative:
                subject = (max(cs, head - 4), head + 1)
                found = self.actor_classes(words, lemmas, *subject)
            if "company" in found or self._acting_for_named_company(words, lemmas, cs, subject) \
                    or found == ["third-party"] and self._party_of_contract(words, lemmas, cs, subject) \
                    or self._with_its_group(words, lemmas, subject):
                actor = "company"
            elif found:
                actor = found[0]
            elif relative and words[head].isalpha() \
                    and lemmas[head] not in self.data_nouns \
                    and lemmas[head] not in self.reporting:
                actor = "third-party"  # "the law requires businesses that sell data to ..."
            elif not passive and subject_start < walk and words[subject_start] in OTHERS_QUANTIFIERS \
                    and walk - subject_start <= 3 and words[walk - 1] != lemmas[walk - 1]:
                # "Many charities swap donor lists with one another": a quantity of a kind of
                # organisation, others, not the company by its name
                actor = "third-party"
            elif not found and not passive and self._tool_named_before(words, subject):
                # "When you pay with PayQuick, PayQuick may share your information with its own
                # partners": a name the reader uses as a tool, earlier in the sentence, is others
                actor = "third-party"
        if actor == "company" and not passive and self._theirs(words, lemmas, (subject_start, g_start), g_end,
                                                              body_end):
            # "Sites we link to may sell the information they collect": the "we" of a clause
            # inside the subject, and data the subject collects itself; others act
            actor = "third-party"
        return actor, subject
