"""One sentence's tokens -> the statements it makes about giving data to others.

No parser is needed; the reading follows the shape of policy sentences:
1. Clauses: `;`, "but", "however", "whereas", "although" end a clause; a statement's slots come
   from its own clause, so "we do not sell your data, but we may share it with partners" makes a
   denial of sale and a sharing statement.
2. Actions by lemma (`actions` in the lexicon): "sold", "sells" and "selling" are `sell`; nouns
   ("the sale of personal information") need their "of". Coordinated verbs ("sell, rent, lease or
   otherwise make available") are one group: they share the negation before them and the object
   and recipients after them.
3. Government: walking back from the group over `bridges` (auxiliaries, adverbs, "and will") finds
   the cues that govern it; a negation past any other word governs another verb ("we have no
   knowledge that we sell" does not deny selling). The words before form the subject: the actor,
   and, in a passive, the data.
4. Slots from the clause: data (personal, aggregate), recipients, purposes, conditions, and the
   exceptions after "except"/"unless"; a recipient that acts for the company ("vendors who work
   on our behalf") is a service provider.
5. Scope: a statement embedded under knowing or asking ("you may ask whether we share"), a
   user's right or a link label ("Do Not Sell My Personal Information") or a rule for other
   parties ("vendors are not permitted to sell") is read but asserts no practice of the company.

Its parts live beside it: `subjects` finds who acts (step 3), `recipients` who receives (step 4),
`receivers` reads a recipient as the subject, `owned` a gerund the company names as its act,
`replies` an answer to a question or a table's label; `words` holds the closed grammar sets they
all lean on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from policylens.models import Slots
from policylens.polarity import load_cues
from policylens.statements.extracted import Extracted
from policylens.statements.lemmas import lemma, lemmas_of, verb_lemmas
from policylens.statements.lexicon import Lexicon, load_lexicon
from policylens.statements.onward import OwnEndsAfter
from policylens.statements.owned import OwnedActs
from policylens.statements.receivers import ReceiverReader
from policylens.statements.recipients import RecipientFinder, as_marketers
from policylens.statements.replies import ReplyReader, names_no_one, opens_reply
from policylens.statements.restated import FIRST_WORDS as RESTATING_OPENERS
from policylens.statements.restated import RestatedRecipients
from policylens.statements.scope import ScopeReader
from policylens.statements.subjects import ASIDE_WORDS, SubjectFinder, aside_before, post_list_denial
from policylens.statements.words import (
    ACTING_RECIPIENTS,
    ADJECTIVE_PASSIVES,
    ADVERB_BOUNDARIES,
    ANTECEDENT_WORDS,
    ASPECT_VERBS,
    AUXILIARIES,
    BARRING,
    BE,
    BOUNDARIES,
    BUSINESS_BOUGHT,
    CLAUSE_SUBJECT_OPENERS,
    COLLECTING,
    CONTROL_VERBS,
    COORDINATORS,
    DEFINING,
    DENIED_OBJECTS,
    DETERMINERS,
    DIALOGUE_MARKS,
    DITRANSITIVE,
    ENUMERATION_CUES,
    EXAMPLE_OPENERS,
    FINITE,
    FOLLOWING_PREPOSITIONS,
    GRANTING_US,
    HANDLING_VERBS,
    HEADING_ACTS,
    HEADING_NUMBERING,
    IDENTIFIED,
    INCLUDED,
    INCLUDES,
    INVERTED_AUXILIARIES,
    JOINERS,
    LINE_ENDS,
    LIST_NOUNS,
    MAIN_CLAUSE_OPENERS,
    MODALS,
    NO_INFINITIVE,
    NOUN_PREPOSITIONS,
    OBJECT_SKIP,
    OPENERS_HYPOTHETICAL,
    PARTICLES,
    PERFECT,
    PERFECT_AUXILIARIES,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    PURPOSE_OPENINGS,
    PURPOSE_SUBJECTS,
    QUOTES,
    RECIPROCALS,
    RESULT_SUBJECTS,
    SOURCE_RELATIVES,
    STRIPPED,
    SUBJECT_STOPS,
    SUBORDINATORS,
    TEAMING,
    TOPIC_PREPOSITIONS,
    TRADE_PARTIES,
    USER_OBJECTS,
    USER_OWNERS,
    USER_TRADES,
    after_last_comma,
    after_last_label,
    asks,
    bought_by,
    causative_before,
    clause_of,
    framed_subject,
    is_participle,
    names_cross_context,
    names_to_whom,
    opted_out_of,
    past_object_skip,
    without_mark,
)
from policylens.verdicts.flows import (
    ALLOWED_CONDITIONS,
    ALLOWED_RECIPIENTS,
    LAW_DEFINED,
    OPEN_RECIPIENTS,
    OWN_ENDS,
)

# words after which an action word is a verb ("we trade names", "do not trade names", "we also
# provide partners with")
VERB_HELPERS = AUXILIARIES | PRONOUNS | {"not", "never", "n't", "to", "also", "only", "then", "sometimes",
                                           "occasionally", "routinely", "regularly", "often"}
# endings of adjectives between a possessive and a noun that looks like a verb ("your
# professional licenses"; not "our processors disclose")
ADJECTIVE_ENDINGS = ("al", "ive", "ic", "ous", "ful", "ary")
# words at which a passive's subject run stops though its head lies before them
SUBJECT_JOINS = frozenset({"that", "which", "who", "and", "or"})
# words that end the object of a verb of selling ("we sell furniture and ship it")
SOLD_OBJECT_ENDS = frozenset({",", ";", ".", "and", "or", "to", "with", "for", "in", "on", "at", "from",
                              "across", "through", "via", "as", "but"})
# words that end an act-noun's "of" phrase ("the sale of license packages, we ...")
OF_PHRASE_ENDS = frozenset({",", ";", ":", "(", ".", "to", "with", "by", "for", "is", "are", "was", "were",
                            "may", "will", "can", "we", "you", "they"})
# words before a removing verb's -ing form that make the removal come first ("after removing")
REMOVAL_OPENERS = frozenset({"after", "once", "by", "upon", "without", "having", "first"})
# how far before "is a sale" the act it names may stand ("giving delivery addresses to our
# marketing partners in exchange for payment is a sale")
COPULA_REACH = 24
# how far after "exchange" or "swap" the list or names traded may stand ("our members' postal
# addresses")
TRADED_OBJECT_REACH = 6
# the words that open a condition set off inside a verb group ("may, if you have not ..., be")
ASIDE_CONDITIONS = frozenset({"if", "unless", "when", "where", "whenever", "while", "once"})
# verbs of holding data: what "we collect" or "you give us" is data
GATHERING = frozenset({"collect", "gather", "hold", "keep", "receive", "store", "obtain", "have",
                       "record", "process", "get", "give", "provide", "share", "enter", "submit",
                       "upload", "tell", "send", "learn", "know", "maintain", "track", "log",
                       "capture", "compile", "acquire"})
# granted verbs of passing data on: what the grantee does with data it holds
ONWARD_GRANTED = frozenset({"sell", "rent", "license", "trade", "share", "disclose"})
# the words after which a comma opens an aside inside the verb group ("will not, ..., sell"):
# cues.yaml's `verb_asides`, read by the keyword rules' polarity too
_ASIDE_CUES = [str(phrase).split()[0] for phrase in load_cues()["verb_asides"]]  # type: ignore[attr-defined]
VERB_ASIDE_OPENERS = frozenset(_ASIDE_CUES + [word.replace("'", "’") for word in _ASIDE_CUES])
# how far into the sentence before a subject "they" looks for the data it stands for
PRONOUN_DATA_REACH = 8
# what may stand between "and" and a second verb ("make candles and then sell them")
_BEFORE_SECOND_VERB = MODALS | {"then", "also", "later"}
# words that add everyone else to the minors named ("children's or anyone else's")
_EVERYONE_ELSE = frozenset({"anyone", "anybody", "everyone", "everybody", "adults", "adult"})
# how far apart a removing verb and an identifying word may be ("after removing the names and
# other identifying details")
STRIP_REACH = 8
# statistics tied to the reader are the reader's ("reading statistics linked to your account")
TIED = frozenset({"tied", "linked", "associated", "connected", "attached"})
# what someone holds when an act is theirs to choose ("the option to share it with others")
OPTION_NOUNS = frozenset({"option", "opportunity", "ability", "choice", "chance"})
# adverbs between a passive's auxiliary and its participle ("is only disclosed when you agree")
PASSIVE_ADVERBS = frozenset({"only", "never", "not", "also", "always", "ever", "solely", "usually",
                             "generally", "normally", "sometimes", "occasionally", "strictly"})
# how many words the subject of an act may hold after "does not mean (that)"
MEANT_SUBJECT_WORDS = 5
# how far a bracket that defines aggregate data may run ("de-identified data (information from
# which names, contact details and other identifiers have been removed)")
ASIDE_REACH = 30
# the words before a data noun that name all data besides a kind ("or any other information")
ANY_OTHER = (["any", "other"], ["all", "other"])
# how far "available" may stand from its "make": past a long object with an aside of its own
# ("make information about our readers, including the subjects of articles they have read,
# available to selected third parties": 16 words)
MADE_AVAILABLE_REACH = 28
# how many words may name whom a grant lets act ("let the independently owned hotels in the
# Heritage network receive"), past a relative clause set off by commas
GRANTEE_WORDS = 12
# a licence granted or held is a right to content, no data sold ("you grant us a worldwide,
# royalty-free license to display them")
LICENCE_NOUNS = frozenset({"license", "licence"})
LICENCE_GRANTS = frozenset({"grant", "give", "receive", "obtain", "hold", "have"})
# a heading or question on sharing: the lead of a section whose paragraphs say to whom
_SECTION_LEAD = Slots(action="share", actor="company", data="personal", scope="section", only=True)
# the most words of a heading that leads its section (a marked heading), and of a line with no
# closing stop read as one (in plain text, where a longer line is more often a sentence)
HEADING_WORDS = 12
LINE_HEADING_WORDS = 8
# prepositions through which a denied verb reaches a gerund ("make no money from selling")
GERUND_PREPOSITIONS = frozenset({"from", "in", "of", "by", "into", "through"})
# the prepositions through which a denied verb is about an act-noun ("not involved in the sale
# of", "not tied to the sale of"), and the words that make "not ... to" an inclusion
NOUN_ACT_PREPOSITIONS = GERUND_PREPOSITIONS | {"to"}
INCLUSIVE_AFTER_NOT = frozenset({"limited", "limit", "restricted", "only"})
# the words of a consideration said in a clause of its own ("..., and in return we receive ...")
_IN_RETURN = frozenset({"return", "exchange"})
# subject words that stand for data they do not name ("everything you tell us is passed on")
STANDING_FOR_DATA = frozenset({"everything", "anything", "all", "what", "whatever", "this", "that",
                               "these", "those", "such", "none", "nothing", "something", "any"})
# words between ", which" and its verb when the company acts on the noun before the comma ("which
# we may also never sell")
WHICH_BRIDGES = frozenset({"we", "also", "sometimes", "occasionally", "then", "never", "not", "do",
                           "does", "n't", "only", "regularly", "routinely"})
# words that open a concession before the main clause ("while ..., ...")
CONCESSIONS = frozenset({"while", "whilst", "although", "though", "whereas"})
# words between two verbs beyond which the first has a phrase of its own ("passes your name to
# the council, gives ..."), not one list of verbs ("collect, use, and share")
PREDICATE_PHRASE = 3
# the words between a comma and a coordinated predicate's verb ("..., and may also pass")
_PREDICATE_BRIDGES = frozenset({"and", "or", "then", "also", "sometimes", "occasionally", "not", "never"}) \
    | AUXILIARIES
# the nouns of cases a clause may say there are ("There are a number of circumstances in which")
CASE_NOUNS = frozenset({"circumstances", "situations", "cases", "instances", "occasions", "scenarios"})
# words that open a sentence's fronted condition ("If you opt out, we ...")
_FRONT_CONDITIONS = frozenset({"if", "once", "when", "after", "unless"})
# the words that name data of any kind
_ANY_DATA = frozenset({"data", "information", "info", "datum"})
# a condition's passive of a deal ("if the title is sold", "should the studio be acquired"), and its
# active verbs ("if the college ever sells the bookstore business")
_DEALT = frozenset({"sold", "acquired", "bought", "purchased"})
_DEAL_VERBS = frozenset({"sell", "buy", "acquire"})
# words of a condition's subject that name the reader or stand for data, no business sold ("if your
# data is sold", "if it is sold")
_NOT_THE_BUSINESS = frozenset({"you", "your", "i", "my", "it", "they", "this", "these"})
# what the company sells as a whole in a deal, although it also names products ("if the business
# is sold"; not "if a ticket is sold")
_SOLD_WHOLE = frozenset({"business", "company", "asset", "operation", "app", "platform", "website", "site",
                         "stock", "share"})
# how far past the verb its object's head noun is looked for; past an indirect object, further
OBJECT_REACH = 3
DITRANSITIVE_REACH = 6


def _perfect_of_ours(words: Sequence[str], cs: int, g_start: int) -> bool:
    """Whether the participle at g_start is one verb of a list in a perfect the clause opens with
    its subject: "we have used, disclosed and sold", "we have collected, disclosed for a business
    purpose, and sold ..." (no other subject, passive auxiliary or clause between)."""
    have = next((k for k in range(cs + 1, g_start) if words[k] in PERFECT_AUXILIARIES
                 and words[k - 1] in {"we", "they", "i"}), None)
    return have is not None and not any(
        words[k] in PRONOUNS or words[k] in BE or words[k] in SUBJECT_STOPS - JOINERS
        for k in range(have + 1, g_start))


def _plural_markers(words: list[str]) -> list[str]:
    """"service(s)", "third party(ies)": the tokenizer leaves "service(s" and ")"; read as the
    plural noun and an empty word, so that a subject does not end at the bracket ("People who
    can see your activity on our service(s) have the option to share it")."""
    if ")" not in words:
        return words
    out = list(words)
    for k in range(len(out) - 1):
        w = out[k]
        if out[k + 1] == ")" and w.endswith(("(s", "(es", "(ies")) and w[0].isalpha():
            stem = w[:w.rindex("(")]
            out[k] = stem[:-1] + "ies" if w.endswith("(ies") and stem.endswith("y") else stem + "s"
            out[k + 1] = ""
    return out


def _business_of(words: Sequence[str], lemmas: Sequence[str], j: int) -> bool:
    """Whether words[j] is the preposition of "the business of", "the practice of", "engage
    in" or "make money from": the -ing form after it is the act ("we are not in the business of
    selling", "we do not engage in selling personal information"), not a gerund naming a topic."""
    # (and "of" after a noun or verb of meaning to: "we have no intention of selling", "we'd
    # never dream of passing it on")
    return j > 0 and ((words[j] == "of" and lemmas[j - 1] in {"business", "practice", "intention",
                                                                 "dream", "think", "habit"})
                      or (words[j] == "in" and lemmas[j - 1] in {"engage", "participate"})
                      # "we don't make money from selling your data", "we profit by renting lists"
                      or (words[j] in {"from", "by"}
                          and lemmas[j - 1] in {"money", "profit", "revenue", "income"}))


def _term_named(words: Sequence[str], i: int) -> bool:
    """Whether the quoted word at i is a term named ('the definitions of "sell" and "share"',
    'the terms "sale" or "sharing"') or a button's label ('tap "Share"'), not a verb in
    quotes ('we do not "sell" your data')."""
    k = i
    while k > 3 and words[k - 2] in {"and", "or", ","} and words[k - 3] in QUOTES:
        k -= 4  # back over the quoted terms coordinated before it
    return k > 1 and words[k - 1] in QUOTES and (
        words[k - 2] in {"of", "term", "terms", "word", "words"}
        # a control the reader works: 'Tap "Share" to send a recipe card', 'press the "Share" button'
        or words[k - 2] in CONTROL_VERBS
        or (k > 2 and words[k - 2] == "the" and words[k - 3] in CONTROL_VERBS))


# the longest section title whose recipient class a statement under it takes ("3.2 With our
# advertising partners")
TITLE_WORDS = 8

# how many words the object of a deeming verb may hold before "as" ("treat our brand-partner
# programme as a 'sale'")
DEEMED_OBJECT_WORDS = 12

# verbs whose object may be an act with its doer before it ("This includes us sharing ...",
# "which involves us passing your details to ...")
_GERUND_CONTENT = frozenset({"include", "involve", "mean", "require", "cover", "entail"})

# words before a quoted title that cite it ('See "Mailing list rental and exchange" above', 'under
# "Who we share with"'): the title's words are a place in the text, no act
_CITING = frozenset({"see", "under", "section", "heading", "headed", "entitled", "titled", "read"})


def _cited_title(words: Sequence[str], i: int) -> bool:
    """Whether word i stands inside a quoted title that the words before it cite."""
    opening = next((k for k in range(i - 1, max(-1, i - 9), -1) if words[k] in QUOTES), None)
    return opening is not None and opening > 0 and words[opening - 1] in _CITING \
        and any(words[k] in QUOTES for k in range(i + 1, min(len(words), i + 10)))


# words that open a gloss in brackets: what the word before means, no act of its own
_GLOSS_OPENERS = (("that", "is"), ("i.e.",), ("ie",), ("i.e",), ("meaning",), ("namely",),
                  ("in", "other", "words"))


def _glossed(words: Sequence[str], i: int) -> bool:
    """Whether word i stands inside a bracketed gloss ("has not sold your information (that is,
    exchanged it for money, as the law puts it)"): it explains the word before, no act."""
    opening = next((k for k in range(i - 1, max(-1, i - 6), -1) if words[k] in {"(", ")"}), None)
    if opening is None or words[opening] != "(":
        return False
    return any(tuple(words[opening + 1:opening + 1 + len(g)]) == g for g in _GLOSS_OPENERS)


def _in_conditional_aside(words: Sequence[str], walk: int, k: int, g_start: int) -> bool:
    """Whether the word at k stands in a conditional aside set off by commas inside the verb
    group ("may, if you have not switched it off, be disclosed", "may, where local law allows,
    be licensed"): a negation or a permission there is the aside's own verb's."""
    opening = next((j for j in range(k - 1, walk - 1, -1) if words[j] == ","), None)
    return opening is not None and opening + 1 < k and words[opening + 1] in ASIDE_CONDITIONS \
        and "," in words[k + 1:g_start]


def _gathered(words: Sequence[str], lemmas: Sequence[str], start: int, end: int) -> bool:
    """Whether the object words[start:end] is what we or you gather, a relative clause of a verb
    of holding data ("the readings we collect", "what you tell us"), not of anything else ("the
    books we review": books)."""
    return any(words[k] in {"we", "you"} and next(
        (lemmas[j] in GATHERING for j in range(k + 1, min(end, k + 4)) if words[j] not in AUXILIARIES), False)
        for k in range(start, end))


def _inside_verb_aside(words: Sequence[str], i: int) -> bool:
    """Whether words[i] stands in an aside between an auxiliary (or a negation) and its verb,
    set off by commas ("will not, at any point while you browse, place ...")."""
    opening = next((k for k in range(i - 1, max(0, i - 6), -1) if words[k] == ","), None)
    closing = next((k for k in range(i + 1, min(len(words) - 1, i + 10)) if words[k] == ","), None)
    return opening is not None and closing is not None and opening > 0 \
        and words[opening - 1] in VERB_ASIDE_OPENERS and words[closing + 1].isalpha() \
        and not any(words[k] in {";", ":", "."} for k in range(opening, closing))


def _beside_auxiliary(words: Sequence[str], i: int) -> bool:
    """Whether the adverb at i (commas around it skipped) follows or precedes an auxiliary: it
    sits inside the verb's clause ("are, however, provided", "however, may be rented")."""
    before = i - 1 - (i > 0 and words[i - 1] == ",")
    after = i + 1 + (i + 1 < len(words) and words[i + 1] == ",")
    return any(0 <= k < len(words) and words[k] in AUXILIARIES for k in (before, after))


def _fronted_purpose(words: Sequence[str], g_start: int) -> int:
    """Where a purpose infinitive fronted before the statement's verb ends ("To run the booking
    platform, we may share ..."; "In order to comply with the law, ..."): its comma, or 0 when the
    sentence opens with none ("To the extent the law allows, ..." is no purpose)."""
    opening = next((len(o) for o in PURPOSE_OPENINGS if list(words[:len(o)]) == o), 0)
    if not opening or opening >= g_start or not words[opening].isalpha() \
            or words[opening] in NO_INFINITIVE:
        return 0
    return next((k for k in range(opening + 1, g_start) if words[k] == ","), 0)


def _names_the_cases(words: Sequence[str], cs: int, subject_start: int) -> bool:
    """Whether the clause opens by saying there are cases of the act it then states ("There are a
    number of circumstances in which we may share your data with other parties", followed by
    them): the cases it goes on to name are all there are, as after "In the following cases"."""
    opening = words[cs:subject_start]
    return opening[:2] in (["there", "are"], ["there", "is"]) and any(
        opening[k] in CASE_NOUNS and (opening[k + 1:k + 3] == ["in", "which"]
                                      or opening[k + 1:k + 2] in (["where"], ["when"]))
        for k in range(2, min(len(opening) - 1, 8)))


def _either_way(words: Sequence[str], match: tuple[int, int, str]) -> bool:
    """Whether a negation is an "or not" aside, which denies nothing: "all entries, winners or
    not, are forwarded"."""
    a, b, _ = match
    return a > 0 and words[a - 1] == "or" and (b >= len(words) or not words[b].isalnum())


# words that open an apposition defining the data before them ("..., meaning data that ...")
APPOSING = frozenset({"meaning", "i.e.", "ie", "namely", "defined"})


def _granting_us(words: Sequence[str], lemmas: Sequence[str], cs: int, g_start: int) -> int | None:
    """Where the verb stands that permits or bars "us" the act at g_start ("does not allow us to
    share", "forbids us to sell", "won't let us pass it on"), if one does."""
    if g_start - 3 >= cs and words[g_start - 2:g_start] == ["us", "to"] \
            and lemmas[g_start - 3] in GRANTING_US:
        return g_start - 3
    if g_start - 2 >= cs and words[g_start - 1] == "us" and lemmas[g_start - 2] == "let":
        return g_start - 2
    return None


def _past_aside(words: Sequence[str], k: int, end: int) -> int:
    """The first word at or after k past an aside between commas (", in some cases,")."""
    if k < end and words[k] == ",":
        close = next((j for j in range(k + 1, min(k + 7, end)) if words[j] == ","), None)
        if close is not None:
            return close + 1
    return k


def _contrast(words: Sequence[str], start: int, end: int) -> int | None:
    """Where the negation opening a denied recipient phrase after the verb stands ("but never
    to", ", and not with", ", not to")."""
    return next((k + 1 for k in range(start, min(end, len(words) - 2)) if words[k] in {"but", "and", ","}
                 and words[k + 1] in {"not", "never"} and words[k + 2] in {"to", "with"}), None)


# what may follow a demonstrative that is a verb's whole object ("share these with", "make those
# available to"), not its determiner ("share these reports")
DEMONSTRATIVE_FOLLOWERS = frozenset({"available", "accessible", "to", "with", "on", "over", "out", ".",
                                     ",", ";"})


class StatementReader:
    """Reads statements from sentences with one lexicon."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.data_nouns = self.lex.data.single_words("personal")
        # the first words of the aggregate data phrases (a clause without one names none)
        self.aggregate_firsts = frozenset(first for first, options in self.lex.data.by_first.items()
                                          if any(name == "aggregate" for _, name in options))
        # (a moving verb that is also one of these has an object: "the provider passes data on")
        self.share_verbs = self.lex.action_words.single_words("share")
        self.reporting = self.lex.reporting_verbs.single_words("x")
        # who receives; verb_lemmas tells an infinitive after "to" from a recipient
        self.recipient_finder = RecipientFinder(self.lex, self.data_nouns, verb_lemmas())
        # who acts
        self.subject_finder = SubjectFinder(self.lex, self.data_nouns, self.reporting)
        # statements whose subject receives ("our partners receive your e-mail address")
        self.receivers = ReceiverReader(self.lex, self.subject_finder, self.recipient_finder,
                                        self.data_nouns, self.aggregate_only)
        self.action_lemmas = frozenset(self.lex.trigger_lemmas() | self.lex.grants)
        # the lemmas at which `_actions` reads anything: the rest it passes over
        self.action_starts = self.action_lemmas | {"make"}
        # gerunds the company names as its own act; answers to a question or a table's label
        self.owned = OwnedActs(self.lex, self.subject_finder)
        # whether a clause states a practice or is embedded, a right, a description (scope.py)
        self.scopes = ScopeReader(self.lex, self.subject_finder, self.data_nouns, self.reporting)
        self.replies = ReplyReader(self.lex, self.recipient_finder, self.aggregate_only, self.read)
        self.own_ends_after = OwnEndsAfter(self.lex, self.action_lemmas, self.aggregate_only)
        self.restated = RestatedRecipients(self.lex, self.recipient_finder, self.read, ALLOWED_RECIPIENTS)

    def conditions_of(self, lemmas: Sequence[str]) -> tuple[str, ...]:
        """The condition classes a sentence names anywhere (for a back-reference to it)."""
        return tuple(self.lex.condition_classes.classes_in(lemmas, 0, len(lemmas)))

    @staticmethod
    def may_take_title(found: Extracted) -> bool:
        """Whether a statement may take its recipient from its section's title (`titled`): it
        names none but third parties or an organisation of no known class, and denies nothing (a
        denial to "anyone else" is one to all)."""
        return found.slots.action in ("share", "sale") and found.polarity != "negated" \
            and set(found.slots.recipients) <= {"third-party", "organisation"}

    def titled(self, found: Extracted, title: Sequence[str]) -> Extracted:
        """The statement with the recipient its section's title names ("With advertising
        platforms" over "We upload a hashed version of your email address to social media
        platforms"; "Service providers" over "We share it with companies that help us"), when it
        `may_take_title` and the title is short and names one class other than those."""
        if not title or len(title) > TITLE_WORDS or not self.may_take_title(found):
            return found
        lemmas = lemmas_of(title)
        # (a title that names whom, ending on the class: "3.2 Advertising partners", not
        # "Information we collect from partner users")
        last = max((k for k, w in enumerate(title) if w.isalpha()), default=-1)
        found_classes = self.lex.recipients.find(lemmas, 0, len(title))
        named = {c for _, _, c in found_classes if c not in {"third-party", "organisation", "user", "abroad"}}
        if len(named) != 1 or self.lex.negations.find(lemmas, 0, len(title)) or "from" in title \
                or not any(b == last + 1 for _, b, _ in found_classes):
            return found
        if "organisation" in found.slots.recipients and named <= ALLOWED_RECIPIENTS:
            # (a kind of organisation the sentence names keeps its own ends under a title of
            # allowed recipients: "Service providers." + "... we let magazine publishers write to
            # you"; under a title of advertisers it is one: "social media platforms")
            return found
        return replace(found, slots=replace(found.slots, recipients=tuple(named)))

    def read(self, words: Sequence[str], previous: Callable[[], Sequence[str]] | None = None,
             names: Sequence[bool] | None = None, heading: bool = False) -> list[Extracted]:
        """The statements of one sentence, given its lowercase tokens. `previous()` gives the
        lowercase tokens of the sentence before, which a back-reference ("In that case, ...")
        takes its conditions from (asked for only then); `names[i]` is true where token i is
        capitalised inside the sentence next to another capitalised word ("Federal Trade
        Commission"): a name, no verb. A `heading` states nothing but may lead its section
        (`_heading_lead`)."""
        if len(words) > 2 and words[1] == ":" and words[0] in DIALOGUE_MARKS:
            # "Q: Who receives my data?" / "A: Our payment processor.": read past the mark (and
            # the sentence before past its own), then put the statements back in place
            before = previous
            unmarked = None if before is None else (lambda: without_mark(before()))
            return [replace(e, start=e.start + 2, end=e.end + 2,
                            cue=None if e.cue is None else (e.cue[0] + 2, e.cue[1] + 2))
                    for e in self.read(words[2:], unmarked, None if names is None else names[2:],
                                       heading)]
        if words and words[-1] == "?" and asks(words):
            # a question ("Do we disclose any information to outside parties?") states nothing;
            # one that asks to whom ("Who receives your data?") leads its answer, as a heading
            lead = self._to_whom_lead(words)
            return [lead] if lead is not None else []
        words = _plural_markers([w.replace("\u2019", "'") for w in words])
        # "naming", "listed", "contacted" are acts, not the data nouns the table makes them
        data_nouns = self.data_nouns
        lemmas = [w if lem in data_nouns and w.endswith(("ing", "ed")) else lem
                  for w, lem in zip(words, lemmas_of(words), strict=True)]
        # a heading, or a line with no closing stop that reads as one ("Information we share" in
        # a plain-text policy), may lead its section; a heading states nothing else
        lead = self._heading_lead(words, lemmas, HEADING_WORDS if heading else LINE_HEADING_WORDS) \
            if heading or not (words and words[-1] in LINE_ENDS) else None
        if lead is not None or heading:
            return [lead] if lead is not None else []
        n = len(words)
        lex = self.lex
        inherited: tuple[str, ...] = ()
        if previous is not None and lex.back_references.find(lemmas, 0, min(n, 6)):
            inherited = self.conditions_of([lemma(w) for w in previous()])
        clauses = self._clauses(words, lemmas)
        out: list[Extracted] = []
        # (a reply of any length opened by "Yes," or "No,": "Yes, with partners who ...", read
        # as one when it states nothing of its own)
        replying = previous is not None and opens_reply(words)
        if previous is not None and n <= 8 and self.action_lemmas.isdisjoint(lemmas):
            reply = self.replies.reply(words, lemmas, previous)
            if reply:
                return reply
        if not self.action_lemmas.isdisjoint(lemmas):
            answered = self.replies.answered_label(words, lemmas)
            out = self._given(words, lemmas, clauses, inherited, names, previous)
            if answered is not None:
                # the row's earlier cells keep their own statements ("shared with partners;
                # sold: no")
                denial, label = answered
                return [s for s in out if s.end < label] + [denial]
        # a verb the main reading took is not read again as received
        out += [r for r in self.receivers.read(words, lemmas, clauses, previous)
                if not any(s.start < r.end and r.start < s.end for s in out)]
        if not out and previous is not None and names_no_one(words):
            return self.replies.nobody_reply(words, lemmas, previous)
        if not out and previous is not None and not self.own_ends_after.reaching.isdisjoint(lemmas):
            # ("We give partners a hash of your email. They can then send you their own offers.")
            out = self.own_ends_after.read(words, lemmas, previous)
        if not out and previous is not None and words[0] in RESTATING_OPENERS:
            # ("We may pass your details to other organisations. Those organisations are limited
            # to our couriers.")
            out = self.restated.read(words, lemmas, previous)
        if (replying or self.replies.names_recipients(words, lemmas)) and not out and previous is not None:
            # (a reply, or an answer that opens naming to whom: "Advertisers and sponsors.")
            return self.replies.reply(words, lemmas, previous)
        return out

    def read_after(self, words: Sequence[str], previous: Callable[[], Sequence[str]]) -> list[Extracted]:
        """The statements of a sentence with no act of its own that speaks of the one before: its
        recipients reach the reader with their own offers ("Those vendors may then contact you
        with proposals of their own"), or it says who they are ("These are our couriers")."""
        words = [w.replace("\u2019", "'") for w in words]
        lemmas = lemmas_of(words)
        if not self.own_ends_after.reaching.isdisjoint(lemmas):
            found = self.own_ends_after.read(words, lemmas, previous)
            if found:
                return found
        return self.restated.read(words, lemmas, previous) if words[0] in RESTATING_OPENERS else []

    def _to_whom_lead(self, words: Sequence[str]) -> Extracted | None:
        """A question that asks who is given the data ("Who receives your data?", "With whom do
        we share your information?") or whether anyone is ("Do we share your data with other
        companies?"): its answer names them all, a closed list, as under a heading on sharing."""
        act = self.replies.to_whom_act(words) if len(words) <= 10 else None
        if act is None:
            act = self.replies.whether_act(words)  # ("Do we share your data with other companies?")
        return None if act is None else Extracted(act, act + 1, "affirmed", None, _SECTION_LEAD)

    def _heading_lead(self, words: Sequence[str], lemmas: Sequence[str], most: int) -> Extracted | None:
        """A heading that names the act of sharing ("Information we share", "How we share your
        information", "Disclosure of personal information"): the lead-in of the section under it,
        a closed list whose paragraphs say to whom (LABELS.md: a closed list of the allowed
        exceptions alone is `no`; one paragraph naming partners makes `yes`). A heading may be
        a clause of `most` words ("Other instances where Signal may need to share your data").
        One naming recipients leads nothing ("Sharing with advertisers"), but the owner of the
        data names none ("Disclosure of customer information")."""
        n = len(words)
        if not 1 <= n <= most:
            return None
        act = next((k for k in range(n) if lemmas[k] in HEADING_ACTS), None)
        # ("SECTION 3 - DISCLOSURE": the act alone, past the heading's numbering)
        bare = [w for w in words if w.isalpha() and w not in HEADING_NUMBERING] == [words[act]] \
            if act is not None else False
        if act is None or not ({"we", "information", "data"} & set(words) or bare
                               or lemmas[act] == "recipient") \
                or self.lex.negations.find(lemmas, 0, n) \
                or any(c != "third-party" and not (c == "user" and lemmas[b:b + 1]
                                                    and lemmas[b] in self.data_nouns)
                       for _, b, c in self.lex.recipients.find(lemmas, 0, n)) \
                or "sale" in self.lex.action_words.classes_in(lemmas, 0, n):
            return None
        return Extracted(act, act + 1, "affirmed", None, _SECTION_LEAD)

    def _given(self, words: Sequence[str], lemmas: Sequence[str], clauses: list[tuple[int, int]],
               inherited: tuple[str, ...], names: Sequence[bool] | None,
               previous: Callable[[], Sequence[str]] | None = None) -> list[Extracted]:
        """The statements whose verb gives: "we share", "is sold to", "the sale of"."""
        n = len(words)
        owners: dict[int, tuple[int, int] | None] = {}
        occurrences = [o for o in self._actions(words, lemmas, owners) if not (names and names[o[0]])]
        out: list[Extracted] = []
        groups = self._groups(occurrences, words, lemmas)
        for g, (group_start, group_end, actions) in enumerate(groups):
            cs, ce = clause_of(clauses, group_start, n)
            clause_end = ce
            if g + 1 < len(groups) and groups[g + 1][0] < ce:
                # the next verb group starts this one's successor: "we collect X and share it"
                nxt = groups[g + 1][0]
                inside = self._describes_data(words, lemmas, nxt) \
                    or words[nxt - 1] == "to" \
                    or words[group_end:nxt].count("(") > words[group_end:nxt].count(")")
                # ("any information you provide", "to provide": ours; "(your age, if you provide
                # it)": an aside inside this one's object)
                if not inside:
                    ce = max(group_end, self.subject_finder.walk_back(words, lemmas, group_end, nxt))
                    # (and before the next verb's own subject after a comma: "If Glasshouse sells
                    # its business, your personal data will not be transferred": not its object)
                    comma = next((k for k in range(ce - 1, group_end - 1, -1) if words[k] == ","), None)
                    if comma is not None and comma + 1 < ce and words[comma + 1] in CLAUSE_SUBJECT_OPENERS:
                        ce = comma
            if actions == ["share"] and self._defined_as_sale(words, lemmas, cs, group_start):
                actions = ["share", "sale"]
            predicate = self._own_predicate(words, groups, g, cs, clauses)
            for action in actions:
                statement = self._statement(words, lemmas, action, group_start, group_end, cs, ce,
                                            inherited, clause_end, owners, previous, predicate)
                if statement is not None:
                    out.append(statement)
        return out

    def _simple_past(self, words: Sequence[str], lemmas: Sequence[str], cs: int, g_start: int,
                     g_end: int) -> bool:
        """Whether a past form is a verb with its object ("In the past year Brightbasket sold
        personal information to third parties"), not a participle ("the information sold to
        them"): a name before it and the object's determiner or data right after it."""
        if words[g_start] in {"given", "shown", "paid"} or g_end != g_start + 1 or g_end >= len(words) \
                or g_start <= cs:
            return False
        before, after = words[g_start - 1], words[g_end]
        return before.isalpha() and before not in BE and lemmas[g_start - 1] not in self.data_nouns \
            and before not in PREPOSITIONS and before not in {"than", "and", "or", "but", "not", "never"} \
            and (after in DETERMINERS or after in {"these", "those", "some", "personal"}
                 # (data named right after it, or past one modifier: "sold customer names"; not a
                 # preposition's pronoun, "spaces sold through them")
                 # (not past a comma: "if Brightwave, Inc. is ever sold, your account data ...")
                 or (after not in PREPOSITIONS and after not in {"it", "them", ","} and any(
                     self.lex.data.match_at(lemmas, j, len(words)) is not None
                     and words[j] not in {"it", "them"} for j in (g_end, g_end + 1) if j < len(words))))

    @staticmethod
    def _own_predicate(words: Sequence[str], groups: list[tuple[int, int, list[str]]], g: int, cs: int,
                       clauses: list[tuple[int, int]]) -> tuple[int, int] | None:
        """For a verb coordinated after another predicate of the same subject that has a phrase of
        its own ("passes your name to the council when we apply for consent, gives your address
        to the recycler, and hands your details to the firms we recommend"): where the subject's
        part ends (the first verb) and where this predicate starts (the comma before it). Its
        conditions and "only" are its own and the fronted ones, not the predicate's before it."""
        if not g or clause_of(clauses, groups[g - 1][0], len(words))[0] != cs:
            return None
        before_start, before_end, start = groups[g - 1][0], groups[g - 1][1], groups[g][0]
        commas = [k for k in range(before_end, start) if words[k] == ","]
        if not commas or start - before_end <= PREDICATE_PHRASE \
                or not set(words[commas[-1] + 1:start]) <= _PREDICATE_BRIDGES \
                or (before_start > 0 and words[before_start - 1] in DETERMINERS | {"of", "in", "for"}):
            # ("we collect, use and share it": one list of verbs; "whether in a sale of the
            # practice or otherwise, passed to ...": a noun, no predicate; "which you can enable
            # to notify websites not to sell": a clause of its own)
            return None
        first = next(a for a, _, _ in groups if clause_of(clauses, a, len(words))[0] == cs)
        return first, commas[-1]

    def _granted_to_users(self, words: Sequence[str], lemmas: Sequence[str], cs: int, g_start: int,
                          g_end: int, granted: bool) -> bool:
        """Whether the act is one the company grants its users, theirs: the grantee between the
        grant verb and the act (or its "to") names only users, inside the verb group ("we allow
        the players to share their data directly with these parties") or before it ("we let
        members share their race photos with sponsors", "allows users to share their posts")."""
        spans: list[tuple[int, int]] = []
        if granted and (to := next((k for k in range(g_end - 1, g_start, -1) if words[k] == "to"), None)):
            spans.append((g_start, to))
        end = g_start - 1 if words[g_start - 1:g_start] == ["to"] else g_start
        spans += [(grant, end) for grant in range(end - 4, end - 1)
                  if grant >= cs and lemmas[grant] in self.lex.grants]
        return any(set(self.lex.actors.classes_in(lemmas, grant + 1, stop)) == {"user"}
                   for grant, stop in spans)

    def _describes_data(self, words: Sequence[str], lemmas: Sequence[str], verb: int) -> bool:
        """Whether the verb at `verb` is a relative clause's that describes data: "any information
        you provide", "information that you provide", "information that we collect or you
        provide" (its object, and a phrase after it, stay the main verb's: "We may disclose
        information that we collect or you provide to our affiliates")."""
        k = verb - 1
        if k < 1 or words[k] not in {"you", "we", "they"}:
            return False
        if words[k - 1] in {"or", "and"}:
            # (the second of two coordinated relative clauses: its pronoun follows the first's verb)
            k = next((j for j in range(k - 2 - (words[k - 2] == ","), max(0, k - 6), -1)
                      if words[j] in {"you", "we", "they"}), 0)
            if k < 1:
                return False
        if words[k - 1] in {"that", "which"} and k >= 2:
            k -= 1
        return lemmas[k - 1] in self.data_nouns

    # -- structure -------------------------------------------------------------------------------

    def _clauses(self, words: Sequence[str], lemmas: Sequence[str]) -> list[tuple[int, int]]:
        cuts = [0]
        listing = False  # after "the following recipients:", "only:": semicolons part its items
        for i, w in enumerate(words):
            if w == ":" and (any(v in ENUMERATION_CUES or v == "only" for v in words[cuts[-1]:i])
                             or words[i + 1:i + 2] in (["to"], ["with"])
                             or words[i - 1:i] in (["to"], ["with"], ["except"], ["unless"])
                             or words[i - 2:i] in (["except", "for"], ["except", "to"], ["except", "with"])):
                listing = True  # (or a list of recipients: "We disclose it: to ...; to ...",
                # "your data may be shared with: (i) operators ...; (ii) ...", or of exceptions:
                # "to no third party except: (a) our processors; ...; (d) a buyer of our business")
            if w in BOUNDARIES and i > 0 and not (listing and w == ";"):
                # "including but not limited to", "not only ... but also": no new clause
                if w == "but" and (words[i + 1:i + 3] == ["not", "limited"]
                                   or words[i + 1:i + 2] in (["also"], ["only"])
                                   or words[i - 1] in {"nobody", "one", "none", "anyone", "nothing"}):
                    continue  # ("nobody but you and our processor": an exception)
                if w in ADVERB_BOUNDARIES and (_beside_auxiliary(words, i)
                                               or words[i + 1:i + 3] == [",", "that"]):
                    continue  # (an aside before a "that" clause: "Please note, though, that ...")
                if w == "while" and (_inside_verb_aside(words, i) or words[i - 1] != ","):
                    # "We will not, at any point while you shop, sell ...", "anything we learn
                    # while you use the app will not be passed on": a time (a contrast follows a
                    # comma: "..., while our partners may")
                    continue
                cuts.append(i)
            elif w in {"and", "or"} and words[i - 1:i] == [","] and (words[i + 1:i + 2] in (
                    ["we"], ["you"], ["they"], ["it"]) or framed_subject(words, i + 1)) \
                    and not self._describes_data(words, lemmas, i + 2):
                # ", and we have no knowledge of ...", ", and in the last year we disclosed ...":
                # a new clause with its subject (not a second relative clause on data: "information
                # that we collect, or you provide")
                cuts.append(i)
            elif w == "and" and i > 1 and words[i + 1:i + 2] == ["we"] and i + 2 < len(words) \
                    and words[i + 2] in AUXILIARIES and words[i - 1].isalpha() \
                    and words[i - 1] not in PRONOUNS | {"us"}:
                # "... that does not include your name and we may disclose ...": a new clause
                # (not the subjects "you and we may")
                cuts.append(i)
            elif w == "so" and words[i - 1:i] == [","] and words[i + 1:i + 2] \
                    and words[i + 1] in RESULT_SUBJECTS \
                    and not (words[i + 1] == "that" and words[i + 2:i + 3]
                             and words[i + 2] in PURPOSE_SUBJECTS):
                # ", so there is nothing to opt out of": the result, a clause (not ", so that
                # they can promote their offers to you": the purpose of the act before it)
                cuts.append(i)
        cuts.append(len(words))
        return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]

    def _any_other_data(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int) -> bool:
        """Whether the clause names, besides a kind of data, "any other" personal data ("your
        health records or any other personal information")."""
        return any(c == "personal" and (words[max(start, a - 2):a] in ANY_OTHER
                                        or words[max(start, a - 3):a - 1] in ANY_OTHER)
                   for a, _, c in self.lex.data.find(lemmas, start, end))

    def _guarded(self, lemmas: Sequence[str], i: int) -> bool:
        """Whether the act at `i` is the object of a verb that safeguards or governs it ("we
        protect transfers with standard contractual clauses", "we safeguard all such transfers"):
        how it is protected, not that it happens."""
        k = i - 1
        while k >= 0 and lemmas[k] in {"such", "this", "these", "that", "those", "all", "any", "the", "our"}:
            # (lemmas: "these" is "this")
            k -= 1
        return k >= 0 and lemmas[k] in self.lex.guarding \
            and (k == 0 or lemmas[k - 1] in {"we", "to", "will", "also"})

    @staticmethod
    def _someone_elses_option(words: Sequence[str], lemmas: Sequence[str], cs: int, g_start: int) -> bool:
        """Whether the act is an option someone other than the company has or is given ("other
        members have the option to share it", "services that provide the option to share it"):
        the holder's act; "we have the option to share it" stays ours."""
        if g_start - 2 <= cs or words[g_start - 1] != "to" or words[g_start - 2] not in OPTION_NOUNS:
            return False
        k = g_start - 3
        while k > cs and words[k] in {"the", "an", "a", "also", "always"}:
            k -= 1
        return not (lemmas[k] == "have" and "we" in words[cs:k])

    @staticmethod
    def _second_predicate_of_we(words: Sequence[str], cs: int, g_start: int) -> bool:
        """Whether the verb at g_start follows ", and" (past modals and adverbs) in a clause whose
        subject is "we" ("We work with partners, such as travel firms, and may give them ...")."""
        k = g_start - 1
        while k > cs and (words[k] in MODALS or words[k] in PASSIVE_ADVERBS or words[k] in {"then", "also"}):
            k -= 1
        return k - 1 > cs and words[k] == "and" and words[k - 1] == "," and words[cs] == "we"

    def _bracketed_example(self, words: Sequence[str], lemmas: Sequence[str], i: int) -> bool:
        """Whether the act at i is an example in brackets ("(such as buy or sell)", "(e.g.
        trading)") of a word before them that names no act of giving data ("Services to invest
        (such as buy or sell)"): a kind of that, no act of the company's."""
        opening = next((k for k in range(i - 1, max(-1, i - 6), -1) if words[k] in {"(", ")"}), None)
        if opening is None or words[opening] != "(" or opening == 0 \
                or EXAMPLE_OPENERS.isdisjoint(words[opening + 1:i]):
            return False
        # (an act with data of its own in the brackets is one: "(such as selling it to brokers)")
        closing = next((k for k in range(i + 1, len(words)) if words[k] in {")", "("}), len(words))
        return self.lex.action_words.match_at(lemmas, opening - 1, opening) is None \
            and self.lex.action_nouns.match_at(lemmas, opening - 1, opening) is None \
            and not self.lex.data.find(lemmas, opening - 1, opening) \
            and not self.lex.data.find(lemmas, i + 1, closing)

    def _meaning_denied(self, words: Sequence[str], lemmas: Sequence[str], cs: int,
                        walk: int) -> list[tuple[int, int, str]]:
        """The negation of "mean" before the act's subject ("It does not mean we give your
        information to other companies", "this doesn't mean that your data is sold"), else none."""
        k = next((j for j in range(walk - 1, cs, -1) if lemmas[j] == "mean"), None)
        if k is None or walk - k > MEANT_SUBJECT_WORDS:
            return []
        return [m for m in self.lex.negations.find(lemmas, max(cs, k - 3), k) if m[1] >= k - 1][-1:]

    def _asked_first(self, words: Sequence[str], lemmas: Sequence[str], cs: int, g_end: int) -> bool:
        """Whether the act's if- or before-clause is followed by the company asking the reader's
        leave ("If we ever wish to share your details with another organisation, we will ask for
        your permission first"; "Before we pass them on, we will seek your consent"): the act
        happens only with consent, a closed case."""
        if words[cs] not in {"if", "before", "should"}:
            return False
        comma = next((k for k in range(g_end, len(words)) if words[k] in {",", ";", "."}), None)
        return comma is not None and words[comma] == "," and any(
            "we" in words[comma + 1:a] for a, _, _ in self.lex.asking_consent.find(
                lemmas, comma + 1, min(len(words), comma + 10)))

    def _fronted_negation(self, words: Sequence[str], lemmas: Sequence[str],
                          i: int) -> tuple[int, int, str] | None:
        """The negation fronted before an auxiliary and the subject of the verb at `i` ("Under no
        circumstances is your personal data sold", "At no point, whatever your plan, are member
        lists rented", "Not once have customer addresses been sold"), if there is one: the subject
        between them is a few plain words, the negation opens the clause before the auxiliary."""
        for k in range(i - 1, max(-1, i - 10), -1):
            if words[k] in INVERTED_AUXILIARIES or words[k] in {"is", "are", "was", "were"}:
                # (a subject between the auxiliary and the verb: not "while it is being sent";
                # none before it: not "we may also share")
                if all(w in AUXILIARIES or w in {"been", "being", "ever", "also"} for w in words[k + 1:i]) \
                        or not (words[k - 1] == "," or words[k - 1].isalpha()) or words[k - 1] in PRONOUNS:
                    return None
                opening = max([0] + [j + 1 for j in range(max(0, k - 30), k)
                                     if words[j] in {".", ";", ":"}])
                # (not "Not only do we use it, we also share it": an addition, no denial)
                return next((m for m in self.lex.negations.find(lemmas, opening, k)
                             if m[0] <= opening + 1 and words[m[1]:m[1] + 1] != ["only"]), None)
            if not (words[k].isalpha() or words[k] in {"'s", "'"}):
                return None
        return None

    def _actions(self, words: Sequence[str], lemmas: Sequence[str],
                 owners: dict[int, tuple[int, int] | None]) -> list[tuple[int, int, str]]:
        """(start, end, action class) of every verb or act-noun in the sentence; `owners` gets the
        gerunds the company is said to do or not to do (see `owned.OwnedActs.act`), with their negation."""
        lex = self.lex
        out: list[tuple[int, int, str]] = []
        i = 0
        n = len(words)
        # a short line with no closing stop is a title: its act-nouns name topics; so is a short
        # sentence no clause could be ("Sale of personal information. We have not sold ...")
        title = n <= 10 and (not words or words[-1] not in {".", "!", "?", ";", ":"}) \
            or (n <= 8 and FINITE.isdisjoint(words) and not lex.negations.find(lemmas, 0, n)
                and not lex.happens.find(lemmas, 0, n))
        starts = self.action_starts
        while i < n:
            if lemmas[i] not in starts:
                i += 1  # no action word, act-noun, "make" or grant starts here: nothing to read
                continue
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < n else "."
            verb = lex.action_words.match_at(lemmas, i, n)
            noun = lex.action_nouns.match_at(lemmas, i, n)
            if (verb or noun) and (after == "-" or before == "-"):
                i += 1  # "hand-made furniture", "share-based pay", "on a going-forward basis":
                continue  # part of a compound word
            if (verb or noun) and any(a <= i < b and b - a > 1 and not (a == i and before in VERB_HELPERS)
                                      for a, b, _ in lex.not_verbs.find(lemmas, max(0, i - 1), i + 2)):
                i += 1  # "revenue share payments", "share buttons": part of a noun (not "we
                continue  # do not trade names": a verb after a subject or an auxiliary)
            if before in QUOTES and after in QUOTES and _term_named(words, i):
                i += 1  # 'the definitions of "sell" and "share"': terms named, no act
                continue
            if (verb or noun) and _cited_title(words, i):
                i += 1  # 'See "Mailing list rental and exchange" above': a title cited, no act
                continue
            if (verb or noun) and self._bracketed_example(words, lemmas, i):
                i += 1  # "Services to invest (such as buy or sell)": kinds of what is named before
                continue
            if (verb or noun) and self._guarded(lemmas, i):
                i += 1  # "We protect transfers with contractual commitments": their safeguard, no act
                continue
            if (verb or noun) and _glossed(words, i):
                i += 1  # "has not sold it (that is, exchanged it for money)": the word explained
                continue
            if noun and not verb and i > 1 and lemmas[i - 2] in lex.grants and words[i - 1] in DETERMINERS:
                i = noun[0]  # "enables the sharing of information with your friends": others' act
                continue
            found = verb or noun
            if verb and i > 1 and words[i - 2:i] == ["from", "being"]:
                i = verb[0]  # "prevents your queries from being revealed": kept from happening
                continue
            if found and before in QUOTES and found[0] + 1 < n and words[found[0]] in QUOTES \
                    and lemmas[found[0] + 1] in DEFINING:
                i = found[0]  # "“sell” means exchanging ...": the term a definition defines
                continue
            # "Sale of personal information: we do not sell ...": a label before a colon
            label = noun and ":" in words[noun[0]:noun[0] + 6] \
                and not any(w.isalpha() for w in words[:i] if w not in DETERMINERS) \
                and lemmas[i] not in LIST_NOUNS  # "Recipients of your data: ..." lists them
            # (in a title, a verb after a subject or an auxiliary is a verb: a list item with no
            # stop, "We never sell your personal information")
            if noun and (after in lex.compounds or label
                         or (title and not (verb and not FINITE.isdisjoint(words[:i]))
                             # (a short label and its list: "Recipients: data brokers.")
                             and not (lemmas[i] in LIST_NOUNS and after == ":"))):
                i = noun[0]  # "the trading name of": a name; "Sale of Personal Information": a title
                continue
            # (or coordinated with another act-noun: "our sale or sharing of your data")
            if noun and (after == "of" or (i + 2 < n and words[i + 2] == "of")
                         or (after in {"or", "and"} and i + 3 < n and words[i + 3] == "of"
                             and before not in QUOTES  # (not a label: 'the “Sale or Sharing of ...” toggle')
                             and lex.action_nouns.match_at(lemmas, i + 2, n) is not None)
                         # "Recipients: ...", "Categories of recipients: ..." (a field's label,
                         # not a verb's phrase: "we disclose it to these recipients: ...")
                         or (lemmas[i] in LIST_NOUNS and after == ":" and not out)
                         or words[max(0, i - 2):i] == ["subject", "to"]) \
                    and (verb is None or i == 0 or before in DETERMINERS or before in {"no", "in", "to"}) \
                    and not self._topic(words, i):
                out.append((i, noun[0], noun[1]))
                i = noun[0]
                continue
            if noun and verb is None and (lex.deemed.find(lemmas, max(0, i - 4), i)
                                          or self._named_by_copula(words, lemmas, i)):
                # "may be considered a 'sale'", "does not constitute a sale" (CCPA wording)
                out.append((i, noun[0], noun[1]))
                i = noun[0]
                continue
            quoted = before in QUOTES or (before in {"or", "and", ","}
                                          and not QUOTES.isdisjoint(words[max(0, i - 4):i]))
            if (noun or verb) and quoted and self._deemed_terms(words, lemmas, i) is not None:
                # 'may be considered "targeted advertising", "sharing" or "selling"': each term
                # of the list the law's words deem
                found = noun or verb
                assert found is not None
                out.append((i, found[0], found[1]))
                i = found[0]
                continue
            made = self._made_available(words, i) if verb is None and lemmas[i] == "make" else None
            if made is not None:
                # "make our customer list available to ..."; "... available for rental": a sale
                sold = lex.action_words.match_at(lemmas, made + 1, n) if made + 1 < n else None
                verb = (i + 1, "sale" if sold and sold[1] == "sale" else "share")
            if verb is None and lemmas[i] in lex.grants:
                granted = self._granted(words, lemmas, i)
                if granted:  # "allow other companies to use": the whole phrase is the act
                    # "to buy access to our audience data": letting them buy it is a sale
                    out.append((i, granted, "sale" if lemmas[granted - 1] in lex.granted_sale
                                else "share"))
                    i = granted
                    continue
            if verb:
                single = verb[0] == i + 1
                # (not after its subject: "we sold device identifiers")
                adjectival = single and is_participle(words[i], lemmas[i]) \
                    and before not in BE and before not in PERFECT and before not in PRONOUNS \
                    and not (i > 1 and before in PASSIVE_ADVERBS
                             and (words[i - 2] in BE or words[i - 2] in PERFECT)) \
                    and after.isalpha() \
                    and after not in DETERMINERS and after not in OBJECT_SKIP \
                    and after not in FOLLOWING_PREPOSITIONS and lemmas[i + 1] not in self.data_nouns \
                    and lex.data.match_at(lemmas, i + 1, n) is None  # (not "sold customer names")
                # (between a determiner and its data noun a participle describes the data: "the
                # transmitted data", "any shared information")
                adjectival = adjectival or (single and is_participle(words[i], lemmas[i])
                                            and before in DETERMINERS and i + 1 < n
                                            and lemmas[i + 1] in self.data_nouns)
                # (also after a possessive and its adjective: "your professional licenses")
                as_noun = single and (before in DETERMINERS or after == "of"
                                      or (i > 1 and words[i - 2] in POSSESSIVES
                                          and before.endswith(ADJECTIVE_ENDINGS)
                                          and not is_participle(words[i], lemmas[i]))
                                      or any(w in {"a", "an"} for w in words[max(0, i - 2):i])) \
                    and not is_participle(words[i], lemmas[i])
                # "the data provided to us", "information disclosed to them": a participle right
                # after a noun, with no auxiliary, describes the noun (a reduced relative clause)
                wanted = i > 1 and causative_before(lemmas, i, 0)
                relative = single and i > 0 and before not in BE and (
                    (is_participle(words[i], lemmas[i]) and lemmas[i - 1] in self.data_nouns
                     and not wanted  # not "if you do not want your data shared"
                     # (nor a passive inverted after a negative: "At no point is your data sold")
                     and self._fronted_negation(words, lemmas, i) is None)
                    # "companies transferring personal data": an -ing form after who does it
                    or (words[i].endswith("ing") and lex.recipients.match_at(lemmas, i - 1, i) is not None))
                # "before sharing", "the purpose for collecting, selling or sharing": a gerund
                # after a preposition (past other gerunds of its list) states nothing
                j = i - 1
                # (and past a noun before one of them: "engage in data mining or selling")
                while j > 0 and (words[j] in {",", "or", "and", "/"} or words[j].endswith("ing")
                                 or (lemmas[j] in self.data_nouns and words[j + 1].endswith("ing")
                                     and j + 1 < i)):
                    j -= 1
                gerund = single and words[i].endswith("ing") and (i == 0 or (
                    j >= 0 and words[j] in PREPOSITIONS and not _business_of(words, lemmas, j)))
                # (a gerund opening the sentence is its topic or a title: "Sharing Information
                # with Third Parties")
                # "trade union", "license plate" (not after a subject or an auxiliary: "we provide
                # partners with your name")
                named = single and after in lex.compounds and before not in VERB_HELPERS
                # a verb form right after a preposition is a noun: "through licenses with"
                named = named or (single and before in NOUN_PREPOSITIONS
                                  and not _business_of(words, lemmas, i - 1))
                # an -ing form is a verb only after "be" ("we are not selling"); else a gerund, a
                # participle or a name ("TV Licensing", "companies transferring data")
                bare = single and words[i].endswith("ing") and not gerund \
                    and not any(words[k] in BE or words[k] in {"'re", "’re"}
                                for k in range(max(0, i - 3), i)) \
                    and not (i and lemmas[i - 1] in ASPECT_VERBS) \
                    and not (j >= 0 and _business_of(words, lemmas, j))
                named = (named or bare) and not (
                    # "the definition of a sale may include disclosing identifiers to ad partners"
                    lemmas[i - 1] in INCLUDES and self._defined_as_sale(words, lemmas, 0, i))
                owned = self.owned.act(words, lemmas, i, j) \
                    if single and words[i].endswith("ing") and (gerund or bare) else None
                if single and words[i].endswith("ing") and opted_out_of(words, i) \
                        and set(self.recipient_finder.classes(words, lemmas, i + 1, n)) - {"user", "public"}:
                    # "you can opt out of sharing with advertising partners": the act the reader
                    # may stop is the company's, done until then (not a right named alone, "to
                    # opt out of selling or sharing your personal information")
                    owned = (None,)
                if single and before == "our" and words[i].endswith("ing") and (
                        after == "of" or not {"activity", "activities"}.isdisjoint(words[i + 1:i + 4])):
                    # "our selling and sharing activity", "our selling of your data": the company's
                    # act by its own possessive (not a topic: "our sharing practices are below")
                    owned = (None,)
                if single and before == "us" and words[i].endswith("ing") and i > 1 \
                        and lemmas[i - 2] in _GERUND_CONTENT:
                    # "This includes us sharing the ads you were shown": the company's act, named
                    # by its subject before the gerund
                    owned = (None,)
                if owned is not None:
                    out.append((i, verb[0], verb[1]))
                    owners[i] = owned[0]
                elif not adjectival and not as_noun and not relative and not gerund and not named:
                    out.append((i, verb[0], verb[1]))
                i = verb[0]
                continue
            i += 1
        return out

    def _antecedent(self, words: Sequence[str], lemmas: Sequence[str], cs: int, subject_start: int,
                    g_start: int, k: int, body_end: int) -> int | None:
        """Where the copula stands in "<data> is (not) a product (that) we sell", when the verb's
        object is that relative clause's antecedent (nothing after the verb is its object)."""
        if k < body_end and words[k].isalpha() and words[k] not in PREPOSITIONS \
                and not self.lex.recipient_opens.match_at(lemmas, k, body_end) \
                and not self.lex.condition_opens.match_at(lemmas, k, body_end):
            return None  # (a condition is no object: "... is not an asset we would sell if ...")
        we = next((j for j in range(g_start - 1, max(subject_start, g_start - 4) - 1, -1)
                   if words[j] == "we"), None)
        if we is None:
            return None
        r = we - 1
        if r > cs and words[r] in {"that", "which"}:
            r -= 1
        be = next((j for j in range(r - 1, max(cs, r - 6) - 1, -1) if words[j] in BE), None)
        if be is not None and r > cs and words[r].isalpha() and be + 2 < r \
                and lemmas[be + 1] in INCLUDED and words[be + 2] in {"in", "into", "on", "to"} \
                and all(w.isalpha() for w in words[be + 3:r]) \
                and "personal" in self.lex.data.classes_in(lemmas, cs, be):
            return be  # "your details may be included in lists we rent to other companies"
        if r <= cs or not words[r].isalpha() or lemmas[r] in self.data_nouns:
            return None
        be = next((j for j in range(r - 1, max(cs, r - 5) - 1, -1) if words[j] in BE), None)
        if be is None or "personal" not in self.lex.data.classes_in(lemmas, cs, be) \
                or not all(w in ANTECEDENT_WORDS for w in words[be + 1:r]):
            return None  # (not "is used to improve the service we provide")
        return be

    def _other_data_after(self, words: Sequence[str], lemmas: Sequence[str], head: int, end: int) -> bool:
        """Whether a list the object at `head` opens ends in "or other information" ("sharing the
        Pins or ads you were shown ..., or other information about your activity"): what it lists
        is data, examples of the data it ends on."""
        return any(words[j] in {"or", "and"} and words[j + 1] == "other"
                   and self.lex.data.match_at(lemmas, j + 2, end) is not None
                   for j in range(head + 1, end - 2))

    def _goods_before(self, words: Sequence[str], lemmas: Sequence[str], g_start: int) -> bool:
        """Whether a verb coordinated before the act at g_start has an object that is no data
        ("We make candles and sell them", "we bake bread and sell it to cafés"): the noun right
        before "and", with no data named earlier in the sentence."""
        k = g_start - 1
        while k > 0 and words[k] in _BEFORE_SECOND_VERB:
            k -= 1
        return k > 1 and words[k] == "and" and words[k - 1].isalpha() \
            and words[k - 1] not in PRONOUNS | {"us", "it", "them"} \
            and (lemmas[k - 1] not in self.action_lemmas and lemmas[k - 1] not in HANDLING_VERBS
                 or words[k - 2] in NOUN_PREPOSITIONS) \
            and not self.lex.data.find(lemmas, 0, k)

    def _pronoun_data(self, words: Sequence[str], lemmas: Sequence[str], cs: int, start: int, end: int,
                      previous: Callable[[], Sequence[str]] | None) -> list[str]:
        """The data a subject "they" (or "these", "those") at words[start:end] stands for: what the
        clause before it names, else the sentence before ("We keep your records. If the practice
        is sold, they will not pass to the new owners")."""
        start = after_last_comma(words, start, end)  # (past a fronted clause: "If it is sold, they")
        if [w for w in words[start:end] if w not in {";", ":", ","}] not in (["they"], ["these"], ["those"]):
            return []
        if cs > 0:
            return self.lex.data.classes_in(lemmas, 0, cs)
        return self._data_before(previous)

    def _data_before(self, previous: Callable[[], Sequence[str]] | None) -> list[str]:
        """The data the sentence before names in its first clause, a few words long ("Patient
        records are not treated as an asset", "We keep your treatment notes on our server"; not
        "We work with partners who get your email", whose "they" are the partners)."""
        if previous is None:
            return []
        before = previous()
        end = next((k for k in range(min(len(before), PRONOUN_DATA_REACH))
                    if before[k] in {",", ";", ":", "who", "which", "that", "whom"}),
                   min(len(before), PRONOUN_DATA_REACH))
        return self.lex.data.classes_in(lemmas_of(before[:end]), 0, end)

    @staticmethod
    def _listing(words: Sequence[str], start: int, end: int) -> int | None:
        """Where the list after a main verb that lists ("include", "are", "consist of") begins
        in words[start:end], if one follows: "... with whom we share data include ad networks"."""
        for k in range(start, min(end - 1, start + 10)):
            if words[k] in {"include", "includes", "are", "is"} or words[k:k + 2] in (
                    ["consist", "of"], ["consists", "of"]):
                return k + (2 if words[k].startswith("consist") else 1)
            if words[k] in {"can", "may", "will", "could", "should", "must", ",", ";", "("}:
                return None  # "... is shared can be found in Section 4": another predicate
        return None

    def _granted(self, words: Sequence[str], lemmas: Sequence[str], i: int) -> int | None:
        """The end of "allow <someone> to use" starting at the grant verb at i, if it is one:
        someone named between (not "allowed to use": a rule for the subject)."""
        if any(words[k] in BE for k in range(max(0, i - 3), i)):
            return None  # "bands are authorized to use": a rule for the subject, not a grant
        k = i - 1
        while k > 0 and words[k] in MODALS:
            k -= 1
        if k > 0 and words[k] in {"that", "which"} and lemmas[k - 1] in self.data_nouns:
            return None  # "information that might allow others to locate you": what data enables
        granted_to = words[i + 1:i + 3]  # (none at a sentence's end: "... as the law may allow")
        if granted_to[:1] in (["us"], ["yourself"]) or (granted_to and granted_to[0] in USER_OBJECTS) \
                or (granted_to[:1] in (["our"], ["other"], ["all"]) and granted_to[1:]
                    and granted_to[1] in USER_OBJECTS):
            # "permits you to receive our newsletter", "allows us to view", "allows members to
            # share their posts": no one else
            return None
        j, end = i + 2, min(i + GRANTEE_WORDS + 2, len(words))
        while j < end:
            # (a granted verb first: "contact" is also a noun of data)
            if lemmas[j] in self.lex.granted and (words[j - 1] == "to" or lemmas[i] == "let"):
                return j + 1 if words[j - 1] != "to" or j - 1 > i + 1 else None
            if words[j] == "," and words[j + 1:j + 2] in (["which"], ["who"]):
                # "let the hotels in our network, which we do not own, receive": the grantee's
                # relative clause, set off by commas
                close = next((k for k in range(j + 2, min(j + ASIDE_WORDS, len(words)))
                              if words[k] in {",", ".", ";"}), None)
                if close is None or words[close] != ",":
                    return None
                j, end = close + 1, min(end + close + 1 - j, len(words))
                continue
            if words[j] in {".", ";", ",", "by"} or words[j] in MODALS \
                    or (lemmas[j] in self.data_nouns and words[j + 1:j + 2] != ["of"]):
                # (a modal is the grant's own predicate: "allowing cookies may amount to"; "a
                # number of partners" is a quantity, no data)
                return None
            j += 1
        return None

    @staticmethod
    def _topic(words: Sequence[str], i: int) -> bool:
        """Whether the act-noun at i is the topic of a preposition ("limits on our collection, use
        or disclosure of", "information about the sale of"): it names the act, states none."""
        j = i - 1
        while j >= 0 and (words[j] in {",", "or", "and", "/", "our", "the", "your", "its", "any"}
                          or (j < i - 1 and words[j].isalpha() and words[j + 1] in {",", "or", "and"})):
            j -= 1
        return j >= 0 and (words[j] in TOPIC_PREPOSITIONS or (
            words[j] == "to" and j > 0 and words[j - 1] in {"regard", "respect", "relating", "related",
                                                            "pertaining", "reference"}))

    def _groups(self, occurrences: list[tuple[int, int, str]], words: Sequence[str],
                lemmas: Sequence[str]) -> list[tuple[int, int, list[str]]]:
        """Coordinated actions ("sell, rent or share") as one group with each class once."""
        groups: list[tuple[int, int, list[str]]] = []
        traded: list[bool] = []  # whether every share word of the group trades ("exchange")
        for start, end, action in occurrences:
            trades = action == "share" and lemmas[start] in self.lex.traded_by
            if groups:
                g_start, g_end, actions = groups[-1]
                between = range(g_end, start)
                # joined by a coordinator, not only by an auxiliary ("the data you provide is
                # given": two verbs of two clauses)
                # (a verb's particle too: "rent out or trade")
                # (not past a comma and a subject of its own: "if the company is sold, we will not
                # share it": two clauses)
                joined = len(between) <= 4 and all(
                    words[k] in COORDINATORS or words[k] in PARTICLES
                    or self.lex.bridges.match_at(lemmas, k, start)
                    for k in between) and (not between or any(words[k] in JOINERS for k in between)) \
                    and not any(words[k] == "," and words[k + 1] in PRONOUNS for k in between)
                # "sell, market, rent": one word of a comma list that is no action of ours
                listed = len(between) <= 4 and any(words[k] == "," for k in between) and all(
                    words[k] in COORDINATORS or words[k].isalpha() for k in between) \
                    and sum(words[k].isalpha() and words[k] not in COORDINATORS for k in between) <= 1
                if joined or listed:
                    if action not in actions:
                        actions.append(action)
                    groups[-1] = (g_start, end, actions)
                    traded[-1] = traded[-1] and (action != "share" or trades)
                    continue
            groups.append((start, end, [action]))
            traded.append(action != "share" or trades)
        # "we do not sell, rent or exchange your details": beside a sale, an exchange is a trade
        return [(a, b, ["sale"] if traded[g] and "sale" in actions else actions)
                for g, (a, b, actions) in enumerate(groups)]

    # -- one statement ---------------------------------------------------------------------------

    def aggregate_only(self, words: Sequence[str], lemmas: Sequence[str], cs: int, end: int) -> bool:
        """Whether the clause's data is all aggregate ("aggregate statistics", "information in
        anonymised form", "non-personal, summary information"): not when another data phrase is
        coordinated with the aggregate one ("aggregate information and personally identifiable
        information", "your email address and anonymous usage data")."""
        if self._stripped_of_identity(words, lemmas, cs, end):
            return True
        found = self.lex.data.find(lemmas, cs, end)
        marks = [(a, b) for a, b, c in found if c == "aggregate"]
        if not marks:
            return False
        if any(words[k] in TIED and words[k + 1:k + 2] in (["to"], ["with"])
               and words[k + 2:k + 3] in (["you"], ["your"])
               for _, b in marks for k in range(b, min(b + 3, end - 2))):
            return False  # "reading statistics tied to your account": about the reader
        # (not the data an apposition after the aggregate phrase defines it as: "de-identified
        # information, meaning information that can no longer be linked to you")
        defined = [(k, next((j for j in range(k + 1, end) if words[j] in {",", ";", "."}), end))
                   for b in (b for _, b in marks) for k in range(b, min(b + 3, end))
                   if words[k] in APPOSING]
        # (nor the data an aside says is taken out: "de-identified data, with names and addresses
        # removed, ...", "..., from which names have been removed, ...", "usage data, without
        # your name, ...")
        for _, mark_end in marks:
            # (past the rest of its noun phrase: "de-identified | data", "anonymised | trial results")
            b = next((j for j in range(mark_end, min(end, mark_end + 3))
                      if not words[j].isalpha() or words[j] in JOINERS), mark_end)
            if words[b:b + 1] == ["("]:
                # (a bracket after it defines it: "de-identified data (information from which
                # names and other identifiers have been removed)")
                close = next((j for j in range(b + 1, min(end, b + ASIDE_REACH)) if words[j] == ")"), None)
                if close is not None:
                    defined.append((b, close))
                continue
            # (also "..., from which names and addresses have been removed, ...")
            if words[b:b + 1] == [","] and (words[b + 1:b + 2] in (["with"], ["without"])
                                            or words[b + 1:b + 3] == ["from", "which"]):
                stops = (",", ";", ".")
                # (the aside runs to its comma; but for "without", it must say the data is removed)
                taken = b + 1 if words[b + 1] == "without" else \
                    next((j for j in range(b + 2, min(end, b + 20)) if words[j] in STRIPPED), None)
                close = None if taken is None else \
                    next((j for j in range(taken + 1, min(end, taken + 10)) if words[j] in stops), None)
                if close is not None:
                    defined.append((b, close))
        nouns = [a for a, _, c in found if c == "personal" and not any(x < a < y for x, y in defined)]
        closers = self.data_nouns | {"statistic", "statistics"}
        if any(words[k] in JOINERS and (m := _past_aside(words, k + 1, end)) < end
               and words[m] in IDENTIFIED
               for b in (b for _, b in marks) for k in range(b, min(b + 2, end))):
            # "anonymized and identifiable customer data", "aggregated and, in some cases,
            # individual-level data": both kinds
            return False
        if any(a - 2 >= cs and words[a - 1] in JOINERS and words[a - 2] in IDENTIFIED
               and not any(x <= a - 2 < y for x, y in marks) for a, _ in marks):
            return False  # "personally identifiable or non-personally identifiable information"
        for p in nouns:
            before = [b for a, b in marks if a < p]
            if before:  # "aggregate statistics and personally identifiable information"
                b = max(before)
                if any(words[c] in JOINERS and lemmas[c - 1] in closers for c in range(b, p)) \
                        and not self.lex.recipient_keeps.find(lemmas, b, p):  # not "such as"
                    return False
            elif any(words[c] in JOINERS
                     for c in range(max(p + 1, min(a for a, _ in marks) - 3), min(a for a, _ in marks))):
                return False  # "your email address and anonymous usage data"
        return True

    def _about_topic(self, words: Sequence[str], lemmas: Sequence[str], b: int, end: int) -> int | None:
        """Where the topic ends if the data phrase ending at b is information about a topic, not
        about anyone ("exhaustive information about all the data processing activities",
        "information regarding our practices"): a topic noun comes after "about", "regarding" or
        "concerning" before any word for a person ("information about you", "about your use"; not
        "on", a place as often: "no sale of personal information on this website")."""
        if b >= end or words[b] not in {"about", "regarding", "concerning"}:
            return None
        for k in range(b + 1, min(end, b + 7)):
            if not words[k].isalpha() or words[k] in PRONOUNS or words[k] in {"your", "his", "her", "my"}:
                return None
            if lemmas[k] in self.lex.about_topics:
                return k + 1
        return None

    def _named_by_copula(self, words: Sequence[str], lemmas: Sequence[str], i: int) -> bool:
        """Whether the act-noun at `i` is what an act before it is said to be ("giving addresses
        to partners for payment is a sale", "our disclosure of cookie data may be a sale"): the
        law's name for that act, as "considered a sale" is. Not an event ("if there is a sale of
        the business") nor a thing with no act ("this is a sale between you and the seller")."""
        lex = self.lex
        # (a sale "of" data is the act's name too: "... is a sale of personal information"; not
        # "a sale of the business")
        if not (i >= 2 and words[i - 1] == "a" and words[i - 2] in {"is", "be", "are"}
                and words[i - 3:i - 2] != ["there"]
                and (words[i + 1:i + 2] != ["of"] or lex.data.find(lemmas, i + 2, min(len(words), i + 5)))):
            return False
        # (or lets others have it: "letting partners have your e-mail address is a sale")
        return any(lex.action_words.match_at(lemmas, k, i - 2) or lex.action_nouns.match_at(lemmas, k, i - 2)
                   or lemmas[k] in lex.grants for k in range(max(0, i - COPULA_REACH), i - 2))

    def _deemed_terms(self, words: Sequence[str], lemmas: Sequence[str], i: int) -> int | None:
        """Where the deeming word stands ("considered", "constitute") whose list of quoted terms
        holds the one at i ('may be considered "targeted advertising" "sharing" or "selling"'),
        if it does: back over quotes, commas, "or", "and" and at most three other words."""
        k, others = i - 1, 0
        while k > 0 and i - k <= 12:
            w = words[k]
            if w not in QUOTES and w not in {",", "or", "and", "/"}:
                if self.lex.deemed.find(lemmas, max(0, k - 2), k + 1):
                    return k
                others += 1
                if others > 3 or not w.isalpha():
                    return None
            k -= 1
        return None

    def _object_head(self, words: Sequence[str], lemmas: Sequence[str], k: int, end: int,
                     ditransitive: bool) -> int | None:
        """The head noun of the object that starts at k, data or a thing that is not data: within
        OBJECT_REACH words, or, past an indirect object, a direct object opened by its article
        ("the law gives California residents the right to ask"); not a verb's "-ing" form that
        modifies the noun after it ("your viewing behaviour")."""
        lex = self.lex
        reach = min(k + (DITRANSITIVE_REACH if ditransitive else OBJECT_REACH), end)
        return next((j for j in range(k, reach)
                     if (lemmas[j] in lex.not_data_objects or lemmas[j] in self.data_nouns)
                     # (a data noun that names a kind of goods is no data: "photo prints")
                     and not (j + 1 < reach and lemmas[j] in self.data_nouns
                              and lemmas[j + 1] in lex.not_data_objects and words[j + 1].isalpha())
                     # (an indirect object, the direct one after it: "send advertising platforms
                     # a hashed version of your email address")
                     and not (ditransitive and j + 1 < end and words[j + 1] in {"a", "an", "the", "your"}
                              and lemmas[j] not in self.data_nouns)
                     and not (words[j].endswith("ing") and words[j] != lemmas[j] and j + 1 < end
                              and words[j + 1].isalpha() and lemmas[j + 1] not in FOLLOWING_PREPOSITIONS)
                     # (nor another act joined to ours: "‘selling or sharing’" sells no shares)
                     and not (words[j].endswith("ing") and j > k and words[j - 1] in {"or", "and"})
                     and (j < k + OBJECT_REACH or words[j - 1] in {"the", "a", "an"})), None)

    def _items_recipients(self, words: Sequence[str], lemmas: Sequence[str], start: int,
                          cases: bool = False) -> list[str]:
        """The recipients the items of an inline list name, from `start` to the sentence's end,
        items apart at ";" ("(a) booking platforms that act on our behalf; (b) the police"): each
        item's head class, one said to act for us a service provider; with `cases`, an item naming
        a case names it instead ("(c) in connection with a merger of our business")."""
        out: list[str] = []
        item = start
        for k in range(start, len(words) + 1):
            if k < len(words) and words[k] != ";":
                continue
            named_cases = self.lex.condition_classes.classes_in(lemmas, item, k) if cases else []
            if named_cases:
                out += named_cases
                item = k + 1
                continue
            named = [c for c in self.lex.recipients.classes_in(lemmas, item, k) if c != "user"]
            named, _ = self.recipient_finder.acting_for_company(lemmas, named, [], item, item, k)
            specific = [c for c in named if c != "third-party"]
            out += (specific or named)[:1]
            item = k + 1
        return out

    def _sold_in_condition(self, words: Sequence[str], lemmas: Sequence[str], cs: int,
                           subject_start: int) -> bool:
        """Whether a condition before the subject says that something of the company's, not data,
        not the reader's and no product, is sold or bought ("If the Gazette title is sold to
        another publisher, subscriber records ... may go to the new publisher"): a deal, whatever
        the lexicon's deal words miss; what the main clause says of the data happens in it."""
        if words[cs] not in _FRONT_CONDITIONS | {"should"}:
            return False
        if any(lemmas[k] in _DEAL_VERBS and words[k - 1] not in {"you", "i"}
               and any(words[j] in BUSINESS_BOUGHT for j in range(k + 1, min(k + 5, subject_start)))
               and not self.lex.data.find(lemmas, k + 1, min(k + 5, subject_start))
               for k in range(cs + 1, subject_start)):
            return True  # "If Westbrook College ever sells the Bookstore business or ...": the business
        sold = next((k for k in range(cs + 2, subject_start) if words[k] in _DEALT
                     and (words[k - 1] in BE or words[k - 1] == "ever" and words[k - 2] in BE)), None)
        if sold is None:
            return False
        subject = range(cs + 1, sold - 1 - (words[sold - 1] == "ever"))
        return bool(subject) and USER_OWNERS.isdisjoint(words[k] for k in subject) \
            and _NOT_THE_BUSINESS.isdisjoint(words[k] for k in subject) \
            and not self.lex.data.find(lemmas, subject.start, subject.stop) \
            and not any(lemmas[k] in self.lex.not_data_objects and lemmas[k] not in _SOLD_WHOLE
                        for k in subject)

    def _without_false_deal(self, words: Sequence[str], lemmas: Sequence[str], cs: int, end: int,
                            conditions: list[str], recipients: list[str], inherited: bool,
                            previous: Callable[[], Sequence[str]] | None) -> tuple[list[str], list[str]]:
        """The conditions and recipients once words of a business transfer that name no deal of
        ours are set aside: growth ("user acquisition"), the user's own trade on a marketplace
        ("When you sell an item, we share your username with the buyer": another user), or,
        unless the deal is `inherited` from the sentence before, a word inside a recipient of
        another kind ("the credit card acquirer": the bank that takes card payments), or a word
        that refers back to a deal ("the transaction") where neither this sentence nor the one
        before names one (a purchase: "we pass your card details to the transaction")."""
        lex = self.lex
        deals = [(a, b) for a, b, c in lex.condition_classes.find(lemmas, cs, end)
                 if c == "business-transfer"]
        others = [c for c in conditions if c != "business-transfer"]
        growth = lex.not_deals.find(lemmas, cs, end)
        if deals and not inherited and all(any(a0 <= a < b0 for a0, b0, _ in growth) for a, _ in deals):
            return others, recipients  # "our user acquisition efforts": growth, no deal
        references = {a for a, _, _ in lex.deal_references.find(lemmas, cs, end)}
        if deals and not inherited and all(a in references for a, _ in deals) and (
                previous is None or "business-transfer" not in self.conditions_of(
                    [lemma(w) for w in previous()])):
            return others, [r for r in recipients if r != "successor"] or recipients
        if any(words[k] == "you" and lemmas[k + 1] in USER_TRADES
               for k in range(cs, min(end, len(words) - 1))) \
                and all(lemmas[a] in TRADE_PARTIES or (lemmas[a] in USER_TRADES and words[a - 1:a] == ["you"])
                        for a, _ in deals):
            return others, ["user" if r == "successor" else r for r in recipients]
        # ("dealers who have asked to be told about buyers of particular types of furniture")
        bought = [bought_by(words, b - 1, len(words)) for _, b in deals]
        customers = [(a, b) for (a, b), head in zip(deals, bought, strict=True)
                     if lemmas[a] in TRADE_PARTIES and head is not None and head < len(words)
                     and words[head] not in BUSINESS_BOUGHT
                     # (one buyer of one thing of ours is the business's: "a buyer of the hostel";
                     # not "buyers of our products", "the buyer of the car you listed")
                     and not (words[a] == lemmas[a] and words[head - 1] in {"the", "our", "this", "its"}
                              and words[head] == lemmas[head] and words[head].isalpha()
                              and lemmas[head] not in lex.not_data_objects
                              and not PRONOUNS & set(words[head + 1:head + 3]))]
        if deals and not inherited and len(customers) == len(deals):
            return others, [r for r in recipients if r != "successor"]
        # ("our lists of trade buyers", "the names of purchasers": whose data, no deal)
        listed = [(a, b) for a, b in deals if any(words[j] == "of" and lemmas[j - 1] in self.data_nouns
                                                  for j in range(max(cs + 1, a - 3), a))]
        if deals and not inherited and len(listed) == len(deals):
            return others, [r for r in recipients if r != "successor"]
        named = [(a, b) for a, b, c in lex.recipients.find(lemmas, cs, end) if c != "successor"]
        if deals and not inherited and all(any(a0 <= a and b <= b0 for a0, b0 in named) for a, b in deals):
            return others, [r for r in recipients if r != "successor"] or recipients
        return conditions, recipients

    def _contrasted_data(self, words: Sequence[str], lemmas: Sequence[str], start: int,
                         end: int) -> int | None:
        """Where "not" or "never" sets data against the goods a sale names, if it does: "We sell
        tickets and gift-shop items, but never the personal information of the people who buy
        them", "We sell wine, not information about the people who buy it"."""
        for j in range(start, min(end - 1, start + 12)):
            if words[j] in {".", ";"}:
                return None
            if words[j] in {"not", "never"} and words[j - 1] in {",", "but", "-", "–", "—"} \
                    and self.lex.data.find(lemmas, j + 1, min(j + 6, end)):
                return j
        return None

    def _covers_our_acts(self, words: Sequence[str], lemmas: Sequence[str], g_end: int, ce: int) -> bool:
        """Whether a law's sale word is said to include the company's own acts ('Some privacy
        laws define "sale" broadly to include some of the data disclosures described in Section
        6 above'): "include" soon after it, then an act named as ours ("our", "described",
        "above", "below", "this policy"). A sale as the law defines it (LABELS.md)."""
        include = next((k for k in range(g_end, min(ce, g_end + 6)) if lemmas[k] in INCLUDES), None)
        if include is None:
            return False
        span = range(include + 1, min(ce, include + 10))
        acts = any(self.lex.action_nouns.match_at(lemmas, k, ce)
                   or self.lex.action_words.match_at(lemmas, k, ce) for k in span)
        return acts and bool({"our", "described", "above", "below", "this"} & {words[k] for k in span})

    def _defined_as_sale(self, words: Sequence[str], lemmas: Sequence[str], cs: int, g_start: int) -> bool:
        """Whether a law's definition of a sale is said to include the act ("the definitions of
        'sell' and 'share' under the CCPA are broad and may include sharing information with our
        advertising partners"): "definition(s) of" a sale word before it, "include" or "cover"
        right before it. The act is then a sale as the law defines it (LABELS.md)."""
        includes = next((k for k in range(g_start - 1, max(cs, g_start - 3) - 1, -1)
                         if lemmas[k] in INCLUDES), None)
        if includes is None or self.lex.negations.find(lemmas, max(cs, includes - 3), includes):
            return False  # (not "the definition of 'sale' does not cover the transfer of ...")
        return any(words[k] in {"definition", "definitions"} and words[k + 1] == "of"
                   and "sale" in {*self.lex.action_words.classes_in(lemmas, k + 2, min(k + 6, g_start)),
                                  *self.lex.action_nouns.classes_in(lemmas, k + 2, min(k + 6, g_start))}
                   for k in range(cs, g_start - 2))

    def _after_opting_out(self, words: Sequence[str], lemmas: Sequence[str], cs: int, g_end: int,
                          end: int) -> bool:
        """Whether the statement's condition is the user's opting out ("if you opt out", "once
        you have opted out"): a condition word with "you" after it and an opt-out within a few
        words, in the statement's own clause (not after ", and": "We do not sell your data, and
        if you want you can opt out of our newsletter")."""
        for k in range(cs, end - 1):
            if words[k] not in {"if", "once", "after", "until"} or "you" not in words[k + 1:k + 3] \
                    or (k > cs and words[k - 1] == "even") \
                    or any(words[j] in {"and", "but"} and words[j - 1] == "," for j in range(g_end, k)):
                continue  # (not "even if you unsubscribe": the denial holds regardless)
            for _, b, c in self.lex.condition_classes.find(lemmas, k, min(k + 8, end)):
                # an opt-out of the act itself, or of nothing named ("if you opt out"), not
                # "if you unsubscribe from our newsletter"
                named = words[b:b + 1] in (["of"], ["from"])
                if c == "opt-out" and (not named or self.action_lemmas & set(lemmas[b:b + 5])
                                       or {"marketing", "advertising"} & set(
                                           self.lex.purposes.classes_in(lemmas, b, min(b + 5, end)))):
                    return True  # (or of the partners' ends: "after you opt out of marketing")
        return False

    def _denied_subject(self, words: Sequence[str], lemmas: Sequence[str], cs: int, subject_start: int,
                        walk: int) -> int | None:
        """Where the word that denies a passive's data subject stands: "no" before the data
        ("Please note no mobile information will be shared"; "nothing you enter in the app is
        passed on": the word is the data), "Neither ... nor" however long the pair ("Neither your
        contact details nor anything about the courses you took will be disclosed"), or the
        clause's first word before its long subject ("No personal data that you provide to the
        Council ... will be sold", "None of the information collected from visitors, whether ...,
        is ever given")."""
        data = self.lex.data
        for k in range(subject_start, walk):
            if words[k] in {"no", "none", "neither", "nothing"} and data.find(lemmas, k, min(k + 4, walk)):
                return k
        for k in range(cs, walk):
            if words[k] == "neither" and "nor" in words[k + 1:walk] and data.find(lemmas, k, walk):
                return k
        if words[cs] in {"no", "none", "nothing"} \
                and words[cs + 1:cs + 2] not in (["matter"], ["doubt"], ["longer"]) \
                and data.find(lemmas, cs, min(cs + 6, walk)):
            return cs
        if words[cs:cs + 3] in (["not", "a", "single"], ["not", "one", "of"], ["not", "any", "of"]) \
                and data.find(lemmas, cs, min(cs + 9, walk)):
            return cs  # "Not a single piece of the information our students submit ... is sold"
        return None

    def _restricts(self, words: Sequence[str], lemmas: Sequence[str], a: int, b: int, g_end: int,
                   ce: int, recipients: Sequence[str]) -> bool:
        """Whether the "only" at words[a:b], after the verb ending at g_end, restricts the
        statement: not "read-only", not "only to charge your card" (a purpose; "only to
        employees" is a recipient), not a condition on named allowed recipients, which restricts
        them alone ("We disclose it to the police only when we receive a court order"; the
        recipients as named before it: "to third parties only if necessary to provide the
        service" is a closed list)."""
        n = len(words)
        if words[a - 1:a] == ["-"]:
            return False
        if any(words[k] in {"which", "who", "whom"} and "," not in words[k:a]
               and (words[k + 1:k + 2] in (["they"], ["it"]) or k + 1 == a or words[k + 1] in MODALS)
               for k in range(g_end, a)):
            # "we give them your address, which they may use only for that mailing": a limit on
            # the recipients' use, in a clause of its own, not on to whom
            return False
        if a == g_end and b < n and (words[b] in DETERMINERS or self.lex.data.match_at(lemmas, b, ce)):
            return False  # "gives only your address to the recycler": which data, not to whom
        if words[b:b + 1] == ["to"] and b + 1 < n and words[b + 1] not in OBJECT_SKIP \
                and lemmas[b + 1] not in self.lex.recipients.words() \
                and words[b + 1] in self.recipient_finder.verb_lemmas:
            return False
        if not (words[b:b + 1] and words[b] in SUBORDINATORS) or not {"nobody", "no"}.isdisjoint(words[a:b]):
            # ("with nobody else unless the law demands it": the list is closed; what follows
            # is its exception)
            return True
        named = self.recipient_finder.classes(words, lemmas, g_end, a) or list(recipients)
        if not named and not self.recipient_finder.classes(words, lemmas, b, ce) \
                and not ALLOWED_CONDITIONS & set(self.lex.condition_classes.classes_in(lemmas, b, ce)):
            # "Your documents will only be shared if the position is similar": when, not to
            # whom, and no allowed case (not "only if the law requires it": a closed list)
            return False
        return not (named and not set(named) & OPEN_RECIPIENTS
                    and not self.recipient_finder.classes(words, lemmas, b, ce))

    @staticmethod
    def _made_available(words: Sequence[str], i: int) -> int | None:
        """Where "available" or "accessible" completes the "make" at `i`, past a long object with
        its asides ("make information about our readers, including the articles they read,
        available to"); not past a clause of its own ("make sure your data is available")."""
        for k in range(i + 1, min(i + MADE_AVAILABLE_REACH, len(words))):
            if words[k] in {"available", "accessible"}:
                return k
            if words[k] in {".", ";", ":", "that"} or words[k] in BE or (k == i + 1 and words[k] == "sure"):
                return None
        return None

    def _stripped_of_identity(self, words: Sequence[str], lemmas: Sequence[str], cs: int, end: int) -> bool:
        """Whether the clause gives data once what identifies people is removed ("after removing
        anything that could identify you", "from which we have deleted all details that identify
        individual customers", "once every field that identifies a respondent has been stripped
        out"): a removing verb and an identifying word within a few words, in either order."""
        if self.lex.identifying.isdisjoint(lemmas[cs:end]):
            return False  # (the cheap test first: most clauses name no identifying word)
        # (the removal done, or done first: "after removing", "has been stripped out", "from
        # which we have deleted"; not a bare verb, "partners who help us remove fraudulent accounts")
        removals = [a for a, _, _ in self.lex.removing.find(lemmas, cs, end)
                    if words[a].endswith(("ed", "en")) or (a > cs and words[a - 1] in REMOVAL_OPENERS)
                    or (a > cs + 1 and words[a - 2] in REMOVAL_OPENERS and words[a - 1] in {"we", "they"})]
        if not removals:
            return False
        return any(abs(k - a) <= STRIP_REACH for k in range(cs, end)
                   if lemmas[k] in self.lex.identifying for a in removals)

    def _identity_withheld_after(self, words: Sequence[str], lemmas: Sequence[str], clause_end: int) -> bool:
        """Whether the clause after this one ("but ...") denies that what is given includes what
        identifies anyone ("..., but any such reporting shall not include information which may
        identify an individual customer"): the data given is de-identified."""
        n = len(words)
        lex = self.lex
        if words[clause_end:clause_end + 1] != ["but"] or lex.identifying.isdisjoint(lemmas[clause_end:n]):
            return False
        return any(lemmas[k] in lex.withheld and lex.negations.find(lemmas, max(clause_end, k - 3), k)
                   and not lex.identifying.isdisjoint(lemmas[k + 1:k + 1 + STRIP_REACH])
                   for k in range(clause_end, n))

    def _statement(self, words: Sequence[str], lemmas: Sequence[str], action: str, g_start: int,
                   g_end: int, cs: int, ce: int, inherited: tuple[str, ...],
                   clause_end: int, owners: dict[int, tuple[int, int] | None],
                   previous: Callable[[], Sequence[str]] | None = None,
                   predicate: tuple[int, int] | None = None) -> Extracted | None:
        lex = self.lex
        subjects = self.subject_finder
        n = len(words)
        if lemmas[g_start] in LICENCE_NOUNS and g_start > 0 \
                and words[g_start - 1] not in {"to", "and", "or", "we", "they"} | MODALS \
                and any(words[k] in {"a", "an"} for k in range(max(cs, g_start - 10), g_start)) \
                and any(lemmas[k] in LICENCE_GRANTS for k in range(max(cs, g_start - 12), g_start)):
            # "you grant us a non-exclusive, royalty-free license to display them": a right to
            # content, no data sold
            return None
        if self._someone_elses_option(words, lemmas, cs, g_start):
            return None  # "People who can see your posts have the option to share them with others"
        walk = subjects.walk_back(words, lemmas, cs, g_start)
        if not any(words[k] in BE for k in range(walk, g_start)):
            # (a passive's auxiliary starts no list: "the topics you pick, are at no time sold")
            walk = subjects.verb_list_start(words, lemmas, cs, walk)
        # "we do not rent lists or share them", "we won't save your number, share it, sell it"
        either = any(words[k] in {"or", "nor"} for k in range(walk, g_start)) or (
            walk < g_start and words[walk] == "," and walk > cs
            # a noun after the comma is a new subject ("..., and any transmission of data is")
            and not any(words[k] in DETERMINERS for k in range(walk, g_start)))
        either = either and not any(words[k] in PRONOUNS for k in range(walk, g_start))  # "and we"
        subject_start, walk = subjects.span(words, lemmas, cs, walk, g_start)
        # exceptions: "except", "unless", "other than" after the verb close the statement's body
        denial = bool(lex.negations.find(lemmas, walk, g_start))
        # "outside of" and "beyond" open the exceptions of a denial ("we share nothing outside of
        # our group"); after an affirmed verb they name the recipient ("companies outside of
        # Google", "third parties beyond our service providers")
        ex = [m for m in lex.exceptions_in(words, lemmas, g_end, ce)
              if denial or words[m[0]] not in {"outside", "beyond"}]
        body_end = ex[0][0] if ex else ce
        # "passed to our sister companies, but never to outside parties": the recipients after
        # the contrast are denied the act, the ones before it are the denial's exceptions
        # (the contrast may open the next, verbless clause, "..., but never with outside parties":
        # its phrase then runs to that clause's end)
        contrast = None if denial or action != "share" else _contrast(
            words, g_end, min(n, body_end + 1) if body_end == ce else body_end)
        denied_end = body_end if contrast is None or contrast <= ce else next(
            (j for j in range(contrast + 2, n) if words[j] in {",", ";", ".", ":", "!"}), n)
        if words[cs] in SUBORDINATORS and "," not in words[cs:g_start]:
            # "If you would prefer that we not rent your name, please write to us": the clause
            # after the comma is the main one, with its own objects (the verb inside the if-clause)
            main = next((k for k in range(g_end, body_end - 1) if words[k] == ","
                         and words[k + 1] in MAIN_CLAUSE_OPENERS), None)
            body_end = main if main is not None else body_end
        # "we sold identifiers": a simple past after its subject, not a participle; "your data
        # is not for sale" is a passive
        participle = (is_participle(words[g_start], lemmas[g_start])
                      and not (g_start > cs and words[g_start - 1] in {"we", "they", "i"})
                      and not self._simple_past(words, lemmas, cs, g_start, g_end)) \
            or words[g_start] in ADJECTIVE_PASSIVES \
            or words[max(0, g_start - 2):g_start] == ["subject", "to"]  # "is not subject to disclosure"
        # "want your information shared": a passive whose subject the causative names
        wanted = participle and g_start > 1 and lemmas[g_start - 1] in self.data_nouns \
            and causative_before(lemmas, g_start, cs)
        if wanted:
            walk = subject_start = max(cs, g_start - 3)
        # "Identifiers and internet activity: sold to advertising networks": a table cell whose
        # label is the passive's subject
        labelled = participle and g_start - 1 > cs and words[g_start - 1] in {":", "–", "—"}
        if labelled:
            subject_start, walk = cs, g_start - 1
        # "your contact details go to our partners": the data is the subject, as in a passive
        # (the subject right before it: not "delete the data, go to Settings"; nor after a
        # pronoun, its subject: "records are not assets we would transfer")
        moving_verb = lemmas[g_start] in lex.moving and not participle
        # (the subject may be a later item of a list whose data an earlier one names: "the account
        # email and payment token we hold go ...", "personal details such as your name, phone
        # number or individual routes are never passed to third parties")
        listed = subject_start > cs and words[subject_start - 1] in {",", "or", "and"}
        data_from = cs if listed else subject_start
        # ("We keep your records. If the practice is sold, they will not pass to the new owners":
        # the pronoun stands for the data named before)
        pronoun_data = moving_verb and self._pronoun_data(words, lemmas, cs, subject_start, walk, previous)
        moving = moving_verb and not words[g_start].endswith("ing") \
            and (bool(lex.data.find(lemmas, data_from, walk)) or bool(pronoun_data)) \
            and not any(words[k] in {"we", "they", "i"} and not pronoun_data
                        # (a pronoun with a verb of its own before ours opens a relative clause:
                        # "the account email we hold goes only to our processor")
                        and all(words[j] in AUXILIARIES or words[j] in {"not", "never", "also", "only"}
                                for j in range(k + 1, g_start))
                        for k in range(max(cs, walk - 1), g_start)) \
            and all(w.isalnum() or w in {"-", "'s", "'"} for w in words[
                subject_start:walk if aside_before(words, walk) or words[walk:walk + 1] == ["("]
                else g_start])
        if moving_verb and not moving and lemmas[g_start] not in self.share_verbs:
            return None  # "if you go to our settings page", "by going to Settings": not data
        # ("Under no circumstances is your personal data sold": the auxiliary before the subject;
        # the negation is the statement's polarity below)
        fronted_denial = self._fronted_negation(words, lemmas, g_start)
        inverted_passive = participle and fronted_denial is not None
        passive = moving or participle and (
            wanted or labelled or inverted_passive or any(words[k] in BE for k in range(walk, g_start)))
        if passive and any(c != "user" for _, _, c in lex.recipients.find(lemmas, subject_start, walk)) \
                and not lex.data.find(lemmas, data_from, walk) \
                and not (subject_start > cs and words[subject_start - 1] == "of"
                         and lex.data.find(lemmas, cs, subject_start)):
            # (but an owner after "of" names whose data it is: "the donor list of the society")
            return None  # "partners are given access to it": the subject receives (receivers.py)
        if participle and not wanted and not labelled and not inverted_passive \
                and not any(lemmas[k] in {"be", "have", "get"}
                                                 for k in range(walk, g_start)) \
                and not _perfect_of_ours(words, cs, g_start):
            return None  # "information received or transferred under ...": describes a noun
        # (the data may be a relative clause's antecedent: "Personal information that you provide
        # through the Service, including ..., is not disclosed")
        if passive and any(lemmas[k] in lex.not_data_objects for k in range(subject_start, walk)) \
                and not lex.data.find(lemmas, cs, walk):
            return None  # "if the company is sold": not a flow of data
        # (past a label's colon: "We have made a firm commitment: if StrideLoop, Inc. is sold, ...")
        opener = after_last_label(words, cs, subject_start)
        # ("Even if Ardent is sold, ...")
        opener = opener + 1 if words[opener] == "even" and opener + 1 < n else opener
        # (an opener of more words: "In the event that the club is sold, ...")
        opened = lex.condition_opens.match_at(lemmas, opener, subject_start) if passive else None
        # (the main clause after the if-clause's comma is none: "If Glasshouse is acquired, your
        # data and your library will not be transferred"; a name's comma closes nothing: "if
        # StrideLoop, Inc. is ever sold")
        closed = next((k for k in range(subject_start - 1, opener, -1) if words[k] == ","), None)
        closed_if = closed is not None and any(words[k] in BE or is_participle(words[k], lemmas[k])
                                               for k in range(opener + 1, closed))
        # ("if we are acquired": the company itself, a pronoun the subject's words leave out)
        we_befallen = walk == subject_start and words[walk:walk + 1] == ["we"]
        if passive and (words[opener] in SUBORDINATORS or opened is not None) and not closed_if \
                and (we_befallen or walk > subject_start
                     and all(words[k] not in PRONOUNS for k in range(subject_start, walk))
                     and any(words[k].rstrip(".").isalpha() for k in range(subject_start, walk))
                     and not lex.data.find(lemmas, subject_start, walk)):
            # "If ExampleCo is ever sold, ...", "If the shop is sold, ...", "if we are acquired":
            # an event befalling whatever the subject names, no flow of data
            return None

        presupposed = action == "sale" and ":" not in words[g_end:] and bool(
            OPEN_RECIPIENTS & set(self.recipient_finder.classes(words, lemmas, g_end, body_end)))
        scope = self.scopes.scope(words, lemmas, cs, subject_start, walk, g_start, g_end, body_end,
                                  presupposed, passive)
        if wanted and scope == "rights" \
                and "opt-out" in lex.condition_classes.classes_in(lemmas, cs, g_start) \
                and "right" not in lemmas[cs:ce] \
                and "legal" not in lex.condition_classes.classes_in(lemmas, cs, ce):
            # "you may opt out of having your data shared": it is shared otherwise (not a right
            # the law gives: "you have the right to opt out of having your data sold as defined
            # in the CCPA")
            scope = "practice"
        # -- the object: a flow of data, or of something else ("sell products", "give you") --
        contrasted: int | None = None  # the "not" of data set against the goods sold
        k = past_object_skip(words, g_end, body_end)
        # "Your data is not a product we sell": the object is a relative clause's antecedent
        antecedent = None if passive \
            else self._antecedent(words, lemmas, cs, subject_start, g_start, k, body_end)
        # (an act-noun has no object but an "of" phrase: "may be considered sales or targeted
        # advertising"; not "a sale of our products")
        phrase = lex.action_words.match_at(lemmas, g_start, g_end)  # (None: an act-noun)
        act_noun = phrase is None and words[g_end:g_end + 1] != ["of"]
        label_colon = next((j for j in range(g_start - 1, cs - 1, -1) if words[j] == ":"), None)
        if label_colon is not None and words[g_start - 1] == "," and words[g_end:g_end + 1] == [","] \
                and "of" not in words[g_end:ce] and PRONOUNS.isdisjoint(words[label_colon + 1:g_start]):
            # "Financial information: deposits, withdrawals, transfers, loan payments": an item of
            # a list of data after its label, no act
            return None
        # (a verb's form after a determiner is its noun: "before any transfer of the business")
        if words[g_end:g_end + 1] == ["of"] and (phrase is None or (
                g_start > cs and words[g_start - 1] in DETERMINERS | {"any", "no", "each", "every"})):
            # the act-noun's "of" phrase is what is sold or given: "As part of the sale of license
            # packages, we collect your email" sells a product
            of_end = next((j for j in range(g_end + 1, body_end) if words[j] in OF_PHRASE_ENDS), body_end)
            of_head = past_object_skip(words, g_end + 1, of_end)
            if not lex.data.find(lemmas, g_end + 1, of_end) and (
                    not lex.data.find(lemmas, max(cs, g_start - 4), g_start)
                    # (a business named as what passes: "your data is deleted before any transfer
                    # of the business")
                    or (of_head < of_end and lemmas[of_head] in lex.not_data_objects)):
                return None
        if k < body_end and not passive and antecedent is None and not act_noun:
            if words[k] in {"you", "yourself"} or (
                    words[k] in USER_OBJECTS and not lex.data.find(lemmas, k + 1, min(k + 5, body_end))
                    and lex.data.match_at(lemmas, k, body_end) is None):  # (not "user accounts")
                return None  # given to the reader: "we provide you with ..."
            # (no object after the verb when a recipient phrase follows it: "which we also
            # supply to sponsoring companies" has its object before)
            head = None if words[k] in {"to", "with"} else \
                self._object_head(words, lemmas, k, body_end, lemmas[g_start] in DITRANSITIVE)
            if head is not None and lemmas[head] in lex.not_data_objects \
                    and not lex.data.find(lemmas, head + 1, min(head + 5 + words[head:head + 5].count("-"),
                                                                 body_end)) \
                    and not self._other_data_after(words, lemmas, head, body_end):
                # "sell garden tools", "provide the service" (but not "sell tickets, but never
                # the personal information of the people who buy them")
                contrasted = self._contrasted_data(words, lemmas, head + 1, n) if action == "sale" else None
                if contrasted is None:
                    return None
            if action == "sale" and not words[g_start].endswith("ing") \
                    and not {"or", "and", ","} & set(words[g_end:k]) \
                    and words[k].isalpha() and words[k] not in PREPOSITIONS \
                    and words[k] not in SOLD_OBJECT_ENDS and words[k] not in PRONOUNS and phrase \
                    and "business-transfer" not in lex.condition_classes.classes_in(lemmas, cs, clause_end):
                # a sold object with no data in it, up to the next coordinator or preposition:
                # "We sell hand-made furniture and ship it across the EU" (not another verb's
                # object, "we never sell or profit from your data"; not the business sold, "Should
                # we sell off a brand, the customer records for that brand will go to the buyer")
                object_end = next((j for j in range(k, body_end) if words[j] in SOLD_OBJECT_ENDS), body_end)
                if object_end < body_end and words[object_end] in {"or", "and"} \
                        and words[object_end - 1] == lemmas[object_end - 1] and any(
                        words[j] not in PRONOUNS | {"them"} and lex.data.match_at(lemmas, j, body_end)
                        for j in range(object_end + 1, min(object_end + 4, body_end))):
                    # nouns coordinated before their head: "a client or guest list" (a singular
                    # noun before the "or": not "books and vinyl records")
                    object_end = min(object_end + 4, body_end)
                if object_end + 1 < body_end and words[object_end] == "," \
                        and words[object_end + 1] in EXAMPLE_OPENERS:
                    # the object's examples are the object: "we sell your request, including your
                    # contact details, to insurance agents"
                    object_end = next((j for j in range(object_end + 2, body_end) if words[j] in {",", ";"}),
                                      body_end)
                # (a data word before a plural noun of no data names the goods: "photo books")
                # (not "data sets": data of any kind, whatever it is sold as)
                data_words = [b for _, b, _ in lex.data.find(lemmas, k, object_end)
                              if not (b < object_end and words[b].isalpha() and words[b] != lemmas[b]
                                      and words[b].endswith("s")
                                      and lemmas[b] not in self.data_nouns and lemmas[b - 1] not in _ANY_DATA
                                      and not lex.data.match_at(lemmas, b, object_end))]
                if not data_words and not _gathered(words, lemmas, k, object_end):
                    # (what "we collect" or "you give" is data: "the readings we collect"), unless
                    # data is set against the goods: "We sell wine, not information about the
                    # people who buy it"
                    contrasted = self._contrasted_data(words, lemmas, object_end, n)
                    if contrasted is None:
                        return None
        # -- actor --
        actor, subject = subjects.actor(words, lemmas, cs, subject_start, walk, g_start, g_end, body_end,
                                        passive)
        if g_start == cs and lemmas[g_start] in LIST_NOUNS and words[g_end:g_end + 1] == [":"]:
            actor = "company"  # "Recipients: your data is processed by our host": whom we give it
        opening = after_last_label(words, cs, g_start)
        if actor == "company" and g_start - 1 > opening and words[g_start - 1] == "to" \
                and words[opening:opening + 1] == ["you"] and "us" not in words[opening:g_start]:
            # "You can request a copy of your data to transfer it to another organisation": the
            # infinitive is the reader's, its clause's subject
            actor = "user"
        if actor != "company" and not passive and self._second_predicate_of_we(words, cs, g_start):
            # "We work with chosen partners, such as insurers, and may give them your details":
            # the verb after "and" shares the clause's subject, not the list before it
            actor = "company"
        if predicate is not None and actor != "company" and not passive:
            # a later predicate's subject is the first verb's ("We post it to the courier when you
            # order, and hand your email to ..."), not one inside the phrase before it
            first = predicate[0]
            first_walk = subjects.walk_back(words, lemmas, cs, first)
            first_start, first_walk = subjects.span(words, lemmas, cs, first_walk, first)
            first_actor, first_subject = subjects.actor(words, lemmas, cs, first_start, first_walk, first,
                                                        first + 1, body_end, False)
            if first_actor == "company":
                actor, subject = first_actor, first_subject
        # the if-clause itself: "If we sell your data, we will tell you", "Were we to sell it",
        # and the company by its name ("If Verizon ever starts selling such information, customers
        # will be opted out")
        if_clause = subject_start > cs and words[subject_start - 1] == "if"
        # ("the categories of personal information, if any, that we share with ...": whether we
        # do is left open)
        if_any = subject_start - 4 >= cs and words[subject_start - 1] in {"that", "which"} \
            and words[subject_start - 4:subject_start - 1] == ["if", "any", ","]
        if if_any or (if_clause and words[subject_start:subject_start + 1] == ["we"]) \
                or (walk == cs and words[walk:walk + 1] in (["were"], ["should"])) \
                or (if_clause and scope == "practice" and actor == "company" and not passive
                    and 0 < walk - subject_start <= 4
                    and all(words[k].isalpha() and words[k] not in DETERMINERS and words[k] not in PRONOUNS
                            for k in range(subject_start, walk))
                    and not lex.data.find(lemmas, subject_start, walk)):
            scope = "hypothesis"
        asked_first = self._asked_first(words, lemmas, cs, g_end)
        if asked_first and scope == "hypothesis":
            scope = "practice"  # (the act with the reader's leave: see `_asked_first`)
        # "may be considered a sale", "may be treated as selling or sharing": the CCPA's terms
        # ("Some state laws treat our partner programme as a 'sale'": the deeming verb before a
        # longer object, the act-noun after "as")
        as_at = g_start - 1 - (g_start > 0 and words[g_start - 1] in QUOTES)
        as_at -= as_at > cs and words[as_at] in {"a", "an"}
        deemed_as = as_at > cs and words[as_at] == "as" \
            and bool(lex.deemed.find(lemmas, max(cs, as_at - DEEMED_OBJECT_WORDS), as_at))
        deemed = (bool(lex.deemed.find(lemmas, max(0, g_start - 4), g_start)
                       or self._named_by_copula(words, lemmas, g_start) or deemed_as) and (
            (g_end - g_start == 1 and lex.action_nouns.match_at(lemmas, g_start, g_end) is not None)
            or (words[g_start].endswith("ing") and words[g_start - 1] in {"as", "to"}))) or (
            g_start > 0 and words[g_start - 1] in QUOTES
            and (self._deemed_terms(words, lemmas, g_start) is not None
                 # 'We may have "sold" (as that term is defined by U.S. privacy laws)': our act,
                 # in the law's word (not "as 'sell' is defined", "businesses that 'sell'")
                 or (g_end < n and words[g_end] in QUOTES and "we" in words[max(cs, g_start - 5):g_start - 1]
                     and bool(lex.deemed.find(lemmas, g_end, min(n, g_end + 14))))))
        if deemed:
            actor = "company"  # "our disclosure of data to ad partners may be considered a sale"
            scope = self.scopes.deemed(words, lemmas, cs, g_start, scope)
        # 'the law defines "sale" to include the disclosures described above': our acts, in the
        # law's word (what "described above" names is no closed list)
        covers = action == "sale" and scope == "embedded" and self._covers_our_acts(words, lemmas, g_end, ce)
        if covers or (action == "sale" and scope == "embedded"
                      and self._defined_as_sale(words, lemmas, cs, g_start)):
            scope = "practice"  # "the definition of a sale may include sharing it with ad partners"
            actor = "company"  # (whatever names the law's words: "... broad enough that they include")
        # (not past a predicate of its own: "We have not sold any personal information and have
        # no knowledge of selling that of consumers under 16")
        own_end = next((k for k in range(g_end, body_end - 1) if words[k] in {"and", "but"}
                        and words[k + 1] in INVERTED_AUXILIARIES), body_end)
        minors = [a for a, _, _ in lex.minors.find(lemmas, g_end, own_end)] \
            + [a for a, _, _ in lex.minors.find(lemmas, *subject)]
        if scope == "practice" and minors and not any(  # not "including users under 16"
                # (nor "(including Personal Information of minors)")
                # ("including the personal information of consumers under 16")
                w in {"including", "even", "also", "incl"} for a in minors for w in words[max(0, a - 8):a]) \
                and not any(w in _EVERYONE_ELSE for a in minors for w in words[a + 1:a + 5]):
            # (nor the minors' and everyone else's: "children's or anyone else's")
            scope = "minors"  # "the personal information of consumers under 16": a children's rule
        ours = "company" in subjects.actor_classes(words, lemmas, *subject) or actor == "company" and not (
            subject[1] > subject[0] and any(words[k].isalpha() for k in range(*subject)))
        # (a restriction word in a clause before the subject's comma is that clause's: "Where
        # permitted by law, we may share ...")
        rule_from = after_last_comma(words, max(cs, subject_start - 8), subject_start)
        # (a permission given to us is no rule for others: "some services allow us to reach
        # users by sending ...")
        # (not a permission inside a condition set off in the verb group: "may, where local law
        # allows, be licensed")
        def restricting(lo: int, hi: int) -> list[int]:
            return [b for a, b, _ in lex.restrictions.find(lemmas, lo, hi)
                    if not _in_conditional_aside(words, rule_from, a, g_start)]
        # (a gerund the company is kept from is its own denial: "we are prohibited from selling it")
        if not deemed and g_start not in owners and (restricting(walk, g_start) and not ours
                           or any(words[b:b + 1] != ["us"] and not (b == g_start and words[b].endswith("ing"))
                                  for b in restricting(rule_from, walk))):
            scope = "restriction"  # "vendors may not sell", "a platform that allows artists to sell"
        # -- data --
        membership: list[tuple[int, int, str]] = []
        # (an action phrase may name its data: "exchange customer lists")
        # (not the one a grant names: "enabling them to sell more to their customers" names no
        # data; "allow partners to buy your data" names it after the act)
        # (not information about a topic: "information about our data processing activities")
        # (nor a pronoun after a preposition, whom it goes to: "the listings we sell to them")
        data_named = [(a, b, c) for a, b, c in lex.data.find(
                          lemmas, g_end if lemmas[g_start] in lex.grants and g_end - g_start > 2
                          else g_start, body_end)
                      if not (b - a == 1 and words[a] in {"them", "it"}
                              and words[a - 1] in {"to", "with", "for", "from"})]
        topics = [(b, t) for _, b, c in data_named if c == "personal"
                  and (t := self._about_topic(words, lemmas, b, body_end)) is not None]
        kinds = list(dict.fromkeys(c for a, b, c in data_named if c != "personal" or not any(
            x <= a < y or x == b for x, y in topics)))
        if not passive and words[g_end:g_end + 1] in (["it"], ["them"]) and len(data_named) == 1 \
                and self._goods_before(words, lemmas, g_start):
            kinds = []  # "We make candles and sell them": the pronoun stands for the goods
        if wanted:  # "opt out of having your personal information shared": the causative's object
            kinds += lex.data.classes_in(lemmas, max(cs, g_start - 5), g_start)
        if passive:  # the subject of a passive is the data; a pronoun there ("it is") is not
            kinds += [c for a, b, c in lex.data.find(lemmas, *subject)
                      if not (b - a == 1 and words[a] in {"it", "them", "what", "this", "that"})]
            # (the head before its "of" phrase: "the contact details of registered trade-fair
            # visitors are made available to exhibitors")
            of = next((j for j in range(subject[0] - 1, max(cs, subject[0] - 6), -1)
                       if words[j] == "of" or not (words[j].isalpha() or words[j] == "-")), None)
            if of is not None and words[of] == "of":
                head_from = max([cs] + [j + 1 for j in range(max(cs, of - 8), of)
                                        if words[j] in {",", ":", ";", "—"}])
                kinds += lex.data.classes_in(lemmas, head_from, of)
            if aside_before(words, subject[1]):
                # "Gameplay telemetry, together with the device identifiers attached to it, is
                # licensed to ...": the aside adds to the subject's data
                kinds += lex.data.classes_in(lemmas, subject[1], g_start)
            inverted = next((k for k in range(cs, g_start - 1) if words[k] in INVERTED_AUXILIARIES
                             and words[k + 1] in DETERMINERS | POSSESSIVES), None) if not kinds else None
            if inverted is not None:
                # "At no time will the membership list of the association be sold": the subject
                # after the auxiliary a fronted negation put first
                kinds += [c for a, b, c in lex.data.find(lemmas, inverted + 1, g_start)
                          if words[a] not in {"it", "them"}]
            if not kinds and subject[0] - 1 > cs and (
                    (words[subject[0] - 1] in SUBJECT_STOPS and "," not in words[cs:subject[0]])
                    or words[cs] in {"no", "none"}):  # ("None of the information collected ..., is")
                # "Personal information you provide when entering our sweepstakes may be sold":
                # the subject's head opens the clause, before the clause inside it
                kinds += lex.data.classes_in(lemmas, cs, min(cs + 4, subject[0]))
            if not kinds and subject[0] - 1 > cs and words[subject[0] - 1] in SUBJECT_JOINS:
                # "Contact details that you enter are never sold", "Your phone number and the
                # areas you have searched may be sold": the subject reaches back past a relative
                # pronoun or a coordinator to the data it names
                kinds += lex.data.classes_in(lemmas, max(cs, subject[0] - 8), subject[0] - 1)
            if subject[0] == subject[1] and subject[0] - 1 > cs \
                    and words[subject[0] - 1] in {"that", "which"}:
                # "customer information is one of the assets that would be transferred": the
                # antecedent's clause names the data; "is not among the assets": denies it
                kinds += lex.data.classes_in(lemmas, cs, subject[0] - 1)
                if {"among", "one", "part", "asset"} & set(words[cs:subject[0] - 1]):
                    membership = lex.negations.find(lemmas, cs, subject[0] - 1)
        if not kinds and passive:
            # "Application details are used only to run the market; they are never sold": the
            # pronoun stands for the data the clause (or the sentence) before names
            kinds += self._pronoun_data(words, lemmas, cs, subject[0], subject[1], previous)
        if not kinds and not passive and g_start - 2 > cs and words[g_start - 1] in {"we", "i"} \
                and lemmas[g_start - 2] in self.data_nouns:
            # "include your name in lists we rent to other businesses": the relative clause's
            # object is the noun it follows
            kinds += lex.data.classes_in(lemmas, max(cs, g_start - 5), g_start - 1)
        if not kinds and not passive:
            # "our subscriber mailing list, which we rent to selected publishers": a clause set off
            # by a comma says what is done to the noun before it, its object; so does one right
            # after a data noun ("a subscriber list that we may lease to publishers")
            which = next((j for j in range(g_start - 1, max(0, g_start - 4) - 1, -1)
                          if words[j] in {"which", "that"}), None)
            if which is not None and which > 1 \
                    and (words[which - 1] == "," and words[which] == "which"
                         or lemmas[which - 1] in self.data_nouns) \
                    and all(words[j] in WHICH_BRIDGES or words[j] in MODALS
                            for j in range(which + 1, g_start)):
                kinds += lex.data.classes_in(lemmas, max(0, which - 7), which)
        if not kinds and not passive and words[g_end:g_end + 1] in (["these"], ["those"]) \
                and (g_end + 1 == len(words) or words[g_end + 1] in DEMONSTRATIVE_FOLLOWERS):
            # "Your name and e-mail are another matter: we make these available to our partners":
            # a demonstrative object stands for the data named before it
            kinds += self.lex.data.classes_in(lemmas, 0, cs) if cs > 0 else self._data_before(previous)
        if antecedent is not None:  # (the copula's negation denies the act)
            kinds += lex.data.classes_in(lemmas, cs, antecedent)
            membership = lex.negations.find(lemmas, antecedent, g_start)
            if scope == "description":
                scope = "practice"
        # (a concession before the subject speaks of its own data: "while partners may receive
        # aggregate data, your personal information will not be shared")
        data_from = cs if words[cs] not in CONCESSIONS else max(
            [k + 1 for k in range(cs, subject_start) if words[k] == ","], default=cs)
        if self.aggregate_only(words, lemmas, data_from, body_end) \
                or self._identity_withheld_after(words, lemmas, clause_end) \
                or (not passive and not self.aggregate_firsts.isdisjoint(lemmas[g_end:body_end])
                    and self.aggregate_only(words, lemmas, g_end, body_end)) \
                or (not passive and words[g_end:g_end + 1] in (["it"], ["them"])
                    and (self.aggregate_only(words, lemmas, data_from, g_start)
                         or cs > 0 and self.aggregate_only(words, lemmas, 0, cs))) \
                or (not passive and words[g_end:g_end + 1] in (["these"], ["those"], ["such"])
                    and self.aggregate_only(words, lemmas, 0, g_start)):
            # ("we may aggregate anonymized user information and provide it to partners": the
            # pronoun stands for the data of the predicate before; "We publish aggregate
            # statistics, and we share these reports with councils": so does a demonstrative)
            # (the object alone may be: "we may strip any personal information of what
            # identifies you and share that aggregated data")
            data = "aggregate"
        elif kinds[:1] == ["sensitive"] and not self._any_other_data(words, lemmas, data_from, body_end):
            # a kind of personal data named first: a denial confined to it says little (not "your
            # genetic data or any other personal information": all of it; nor "No data
            # gathered through the app, such as your location, ...": data, its examples after it)
            data = "sensitive"
        elif kinds[:1] == ["public"] and not deemed:
            # "we may provide public information about you, such as your username, to others"
            data = "public"
        elif "personal" in kinds or deemed:
            # "may be considered a sale": of personal information, whatever else the clause names
            data = "personal"
        else:
            data = "unspecified"
        if data == "unspecified" and not passive and words[g_end:g_end + 1] in (["to"], ["with"]) \
                and (use := subjects.purpose_of_use(words, lemmas, cs, g_start)) is not None \
                and "personal" in lex.data.classes_in(lemmas, use, g_start):
            # a purpose with no object of its own: "We may use the information you provide to:"
            # + "rent to other companies": the data used
            data = "personal"
        if lemmas[g_start] in lex.needs_data and data == "unspecified" and not passive \
                and k < body_end and words[k].isalpha() and not lex.recipients.match_at(lemmas, k, body_end):
            return None  # "we provide audience activation to businesses": no data is given
        if lemmas[g_start] in lex.needs_data and data == "unspecified" and passive and walk > subject_start \
                and not any(words[k] in PRONOUNS or words[k] in STANDING_FOR_DATA or words[k] in POSSESSIVES
                            or words[k] in {"'", "'s"} for k in range(subject_start, walk)):
            return None  # "Brightbeam is provided to schools": the product is given, no data
        if lemmas[g_start] in lex.needs_data and not passive and data_named:
            # "we will give schools 60 days to export their data": the data is the infinitive's,
            # what is given is no data
            verbs = self.recipient_finder.verb_lemmas
            infinitive = next((j for j in range(g_end, body_end - 1) if words[j] == "to"
                               and words[j + 1] == lemmas[j + 1] and words[j + 1] in verbs
                               and not lex.recipients.match_at(lemmas, j + 1, body_end)), None)
            if infinitive is not None and all(a > infinitive for a, _, _ in data_named):
                return None
        # -- recipients, purposes, conditions, exceptions --
        given = lex.recipients.match_at(lemmas, k, body_end) if k < body_end else None
        # (not what a grant lets them reach the reader with: "permit partners to contact you with
        # offers")
        granted = lemmas[g_start] in lex.grants and g_end - g_start > 2
        if given and given[0] < body_end and words[given[0]] == "with" and not granted:
            w = past_object_skip(words, given[0] + 1, body_end)
            if (w < body_end and lemmas[w] in lex.not_data_objects
                    and not lex.data.find(lemmas, w, min(w + 2, body_end))) \
                    or not lex.data.find(lemmas, given[0] + 1, min(given[0] + 6, body_end)):
                return None  # "provide individuals with control": no data is given
        if self._granted_to_users(words, lemmas, cs, g_start, g_end, granted):
            actor = "user"
        recipients = self.recipient_finder.classes(words, lemmas, g_start + 1 if granted else g_end, body_end)
        if granted and not recipients:
            # "We let a small number of hand-picked charities see ...": the words between the two
            # verbs name the grantee, past a quantity and its adjectives
            recipients = [c for c in lex.recipients.classes_in(lemmas, g_start + 1, g_end - 1) if c != "user"]
        if granted and lemmas[g_end - 1] in ONWARD_GRANTED and recipients \
                and set(recipients) <= {"service-provider"} and scope == "practice":
            # "we do not permit our service providers to sell the data we share with them": a
            # term of their contract, what they may do with it, not an act of ours
            scope = "restriction"
        if granted and not recipients and lemmas[g_end - 1] in lex.granted_reaching \
                and self.recipient_finder.unnamed_organisation(
                words, lemmas, g_start + 1, g_end, opened=True, grantee=True):
            recipients = ["organisation"]  # "permit selected tour operators to contact you"
        if not recipients and not SUBORDINATORS.isdisjoint(words[cs:subject_start]):
            # "When we partner with a business, we may share your advertising identifier", "If we
            # team up with another charity, we may share your name with it": the partner the
            # fronted clause names receives
            teamed = next((k + 2 + (words[k + 1] == "up") for k in range(cs + 1, subject_start - 2)
                           if lemmas[k] in TEAMING and "with" in words[k + 1:k + 3]), None)
            if teamed is not None:
                recipients = [c for c in self.recipient_finder.classes(words, lemmas, teamed - 1,
                                                                         subject_start) if c != "user"]
        whom = next((j for j in range(max(cs + 1, subject_start - 2), min(walk + 1, n))
                     if words[j] in {"whom", "which"} and words[j - 1] in {"to", "with"}), None) \
            if scope == "description" and not recipients else None
        if whom is not None:
            # "the service providers and business partners to whom we may disclose your personal
            # information": the antecedent receives it
            recipients = lex.recipients.classes_in(lemmas, max(cs, whom - 9), whom - 1)
        if not recipients and lemmas[g_start] in DITRANSITIVE and g_end < body_end:
            # "We may also give those publishers your email address": an indirect object before
            # the data names to whom
            head = past_object_skip(words, g_end, body_end)
            given_to = lex.recipients.match_at(lemmas, head, body_end) if head < body_end else None
            if given_to is not None and given_to[1] == "third-party" and given_to[0] < body_end \
                    and (class_after := lex.recipients.match_at(lemmas, given_to[0], body_end)) is not None:
                given_to = class_after  # "third-party advertising companies": the class named after it
            if given_to is not None and given_to[1] != "user" \
                    and lex.data.find(lemmas, given_to[0], min(given_to[0] + 6, body_end)):
                recipients = [given_to[1]]
        if action == "sale" and "user" in recipients \
                and not any(words[k] in {"you", "yourself"} for k in range(g_end, body_end)):
            # "we have sold business e-mail addresses to Customers": whoever buys personal data is
            # no reader getting their own back, but a buyer
            recipients = ["third-party" if r == "user" else r for r in recipients]
        spared: list[str] = []
        if contrast is not None:
            # (only allowed recipients before it: not "with third parties, but never with
            # advertisers", which still shares; and a recipient after it: not "not to sell it")
            before = self.recipient_finder.classes(words, lemmas, g_start + 1 if granted else g_end,
                                                   contrast - 1)
            denied = self.recipient_finder.classes(words, lemmas, contrast + 1, denied_end)
            if denied and not set(before) & OPEN_RECIPIENTS:
                spared, recipients = before, denied  # ("internally, but not with any third party")
            else:
                recipients, contrast = before, None
        we_and = words[cs:cs + 2] == ["we", "and"]  # "we and our partners exchange ..."
        if any(words[k:k + len(r)] == r and words[k - 1] in {"with", "between", "among", "amongst"}
               for k in range(g_end + 1, body_end) for r in RECIPROCALS) or (
                we_and and not recipients and not passive and lemmas[g_start] in lex.traded_by):
            # "Valve and its subsidiaries may share data with each other", "we and our partners
            # exchange information about your interests": among the subject's members
            members = cs if we_and else subject_start
            recipients = [c for c in lex.recipients.classes_in(lemmas, members, walk) if c != "user"]
        # ("... include ..." names some of them: not a closed list)
        listed_recipients = lemmas[g_start] in LIST_NOUNS \
            and not any(lemmas[k] == "include" for k in range(g_end, body_end))
        if listed_recipients:
            # "The recipients of your data are advertising partners and data brokers": the
            # classes the clause names after it, all there are
            recipients = [c for c in lex.recipients.classes_in(lemmas, g_end, body_end) if c != "user"]
        if passive and not recipients and lemmas[g_start] in lex.needs_data \
                and not (phrase and phrase[0] > g_start + 1):  # (not "offered for sale")
            return None  # "if some personal data is not provided": the user gives it to us
        if not recipients and any(
                words[f] == "from" and set(lex.recipients.classes_in(lemmas, f + 1, min(f + 6, body_end)))
                - {"user", "public"} and not any(words[k] in PRONOUNS or is_participle(words[k], lemmas[k])
                                                 for k in range(g_end, f))
                for f in range(g_end, body_end)):
            # "we rent mailing lists from list brokers": data coming to us (not "data we
            # receive from partners", a relative clause describing what is sold)
            return None
        if not passive and any(words[k] in PRONOUNS and words[k - 2:k] in SOURCE_RELATIVES
                               for k in range(max(cs + 2, subject_start), g_start)):
            return None  # "partners from whom we license data": data coming to us
        # (up to a relative clause: not "to the colleges that advertise with us")
        # (nor past a clause of its own after a comma: "..., whether they book with us or not")
        relative = next((k for k in range(g_end, body_end) if words[k] in {"that", "who", "which", "whom"}
                         and {"to", "with"} & set(words[g_end:k])
                         or words[k - 1] == "," and (words[k] in SUBORDINATORS or words[k] == "whether")),
                        body_end)
        if (not passive and words[g_end:g_end + 1] == ["us"]) \
                or (not recipients and self.recipient_finder.to_the_company(words, lemmas, g_end, relative)):
            return None  # data coming to us: "clients may provide us with", "shared with us"
        ex_end = body_end if ex else clause_end
        # "Apart from the service providers listed above, we do not give anyone access": an
        # exception put before the subject names no recipient of the statement and is its exception
        front, front_end = subjects.fronted_exception(words, lemmas, cs, subject_start)
        lo = front_end if front_end is not None else cs
        # "Within our group, personal data is shared with the entities responsible for billing":
        # a fronted phrase naming the group makes its unnamed recipients affiliates
        comma = next((k for k in range(cs, subject_start) if words[k] == ","), None)
        if comma is not None and "affiliate" in lex.recipients.classes_in(lemmas, cs, comma) \
                and front is None:
            recipients = ["affiliate" if r == "third-party" else r for r in recipients]
        # ("provide them with the details of our members": the indirect object receives, the
        # phrase after it names the data and whose it is)
        indirect_them = words[g_end:g_end + 1] == ["them"] and lemmas[g_start] in DITRANSITIVE \
            and set(recipients) <= {"user"}
        # the first words of the recipient phrases after the verb ("with them", "with these
        # companies"), when a pronoun or a demonstrative may stand for the recipients
        referring = not recipients or indirect_them \
            or (previous is not None and set(recipients) <= {"third-party", "organisation"})
        openers = {words[p] for p, _ in self.recipient_finder.phrases(words, lemmas, g_end, body_end)
                   if p < n} if referring else set()
        pronoun_recipient = (not recipients or indirect_them) and (
            words[g_end:g_end + 1] == ["them"] or "them" in openers)
        if pronoun_recipient:
            # "we partner with other companies and may share your email with them", "we allow
            # other companies to send offers, and we may give them your address": the pronoun
            # stands for the recipients named before the verb, in its clause or the sentence
            # (not the reader: "them" is never "you", "Unless you object, we let ...")
            recipients = [c for c in self.recipient_finder.classes(words, lemmas, cs, g_start) if c != "user"]
            if not recipients and words[g_end:g_end + 1] == ["them"]:
                # ("give them your address": an indirect object, named in the clause before)
                recipients = [c for c in lex.recipients.classes_in(lemmas, 0, cs)
                              if c not in {"user", "public"}]
            if not recipients and previous is not None:
                # "We work with a few partner brands. We pass them your name and postcode": the
                # company's partners the sentence before names
                recipients = self.receivers.antecedents(previous(), ours_only=False)
        if previous is not None and set(recipients) <= {"third-party", "organisation"} \
                and openers & {"these", "those"}:
            # "We use couriers to deliver orders. We share your address with these companies":
            # the ones the sentence before names
            recipients = self.receivers.antecedents(previous(), ours_only=False) or recipients
        if lemmas[g_start] == "transfer" and "abroad" not in recipients \
                and "abroad" in lex.recipients.classes_in(lemmas, g_end, ce):
            # "we may transfer your data to our partners located in other countries": where
            recipients = recipients + ["abroad"]
        if not passive and not recipients and ":" in words[lo:subject_start]:
            # "Service providers: we share ... with them" (what stands before the colon, not
            # "Heads up: when you sign up, we ...")
            label_end = lo + words[lo:subject_start].index(":")
            recipients = [c for c in lex.recipients.classes_in(lemmas, lo, label_end) if c != "third-party"]
        listing = self._listing(words, g_end, body_end) if scope == "description" else None
        if listing is not None and names_to_whom(words, cs, walk):
            # "The third parties with whom we share data include ad networks and analytics
            # providers": the relative clause names the act, the main verb its recipients
            named = [c for c in self.recipient_finder.classes(words, lemmas, listing, body_end)
                     or lex.recipients.classes_in(lemmas, listing, body_end) if c != "user"]
            if named:  # (not "... are bound by confidentiality", "... are listed below")
                scope, recipients = "practice", named
        closed = listing is not None and scope == "practice" and words[listing - 1] in BE
        purposes = self.recipient_finder.stated_purposes(words, lemmas, cs, ex_end, g_end)
        # (the purpose a fronted infinitive names is the statement's: "To run the platform, we
        # share your details with other companies")
        # (a clause that opens the sentence holds that purpose already)
        fronted = _fronted_purpose(words, g_start)
        if fronted and cs > 0:
            purposes = list(dict.fromkeys(
                purposes + self.recipient_finder.stated_purposes(words, lemmas, 0, fronted, g_end)))
        tools = [a for a, _, c in lex.purposes.find(lemmas, cs, ex_end) if c == "their-tools"]
        if tools and (any(lemmas[k] in COLLECTING for k in range(g_end, tools[0]))
                      or all(a < g_start for a in tools)):
            # "we provide info to partners, or allow them to collect it via cookies": the cookies
            # are the other act's; "we use cookies to share identifiers with partners": the
            # company's means; the disclosure stands
            purposes = [p for p in purposes if p != "their-tools"]
        if deemed and not recipients and not lex.tracking_tools.isdisjoint(lemmas[cs:g_start]):
            # "the use of third-party advertising cookies on our website may be considered a
            # sale": partners' tools collecting, which a law calls a sale (LABELS.md, modern
            # wording: third-party-ads, and no disclosure of the company's)
            purposes = purposes + ["their-tools"]
        if lemmas[g_start] in lex.grants and "their-tools" not in purposes \
                and not lex.tracking_tools.isdisjoint(lemmas[cs:g_start]):
            # "These web beacons are provided by our ad partners and allow them to obtain your IP
            # address": the partners' tools collect it (third-party-ads), no disclosure of ours
            purposes = purposes + ["their-tools"]
        if pronoun_recipient and not recipients \
                and not OWN_ENDS.isdisjoint(lex.purposes.classes_in(lemmas, g_end, len(words))):
            # "we give them your details, and they may tell you about their other products":
            # whoever "them" is gets the data for its own ends, a third party
            recipients = ["third-party"]
        if not recipients and not OWN_ENDS.isdisjoint(purposes) and any(
                self.recipient_finder.one_organisation(words, lemmas, p, q)
                for p, q in self.recipient_finder.phrases(
                    words, lemmas, g_end - (words[g_end - 1] in {"to", "with"}), body_end)):
            # "your name is passed to the regional league, which may write to you about its
            # events", "to LottoWorks, which uses them to promote its lotteries": one organisation
            # of no known class, with ends of its own
            recipients = ["organisation"]
        if not recipients and "advertising" in purposes and "we" in words[subject_start:g_start] and any(
                words[a - 1] in {"to", "with"} or (a == g_end and lemmas[g_start] in DITRANSITIVE)
                for a, _, _ in lex.ad_platforms.find(lemmas, g_end, body_end)):
            # (or the verb's indirect object: "we also send Meta a hashed copy of your email")
            # "we may upload it in hashed form to Meta and Google" for advertising: advertisers
            # (what we give them, not what others give a platform: "these sites may share your
            # activity with Google")
            recipients = ["advertiser"]
        # (who acts for us before the verb is among its subjects, unless the recipients are named
        # there: "Under no circumstances will we, or anyone acting for us, pass it to others")
        recipients, purposes = self.recipient_finder.acting_for_company(
            lemmas, recipients, purposes, lo if pronoun_recipient else max(lo, g_start), g_end, ex_end,
            fronted)
        # (a predicate after "but" with no subject of its own shares the sentence's opening
        # condition: "If you opt out, we will continue to disclose it for your orders but will not
        # disclose it to partners")
        cond_start = 0 if words[cs] == "but" and words[cs + 1:cs + 2] and words[cs + 1] in AUXILIARIES \
            and words[0] in _FRONT_CONDITIONS else cs
        # (a later predicate's conditions: its own and those before the first verb)
        spans = [(cond_start, ex_end)] if predicate is None \
            else [(cond_start, predicate[0]), (predicate[1], ex_end)]
        conditions = [c for a, b in spans for c in lex.condition_classes.classes_in(lemmas, a, b)]
        if "business-transfer" not in conditions \
                and self._sold_in_condition(words, lemmas, cs, subject_start):
            conditions.append("business-transfer")
        if "consent" in conditions and lex.blanket_consent.find(lemmas, cs, g_start):
            # "By using the site you agree that we may share": using is no consent to sharing
            conditions = [c for c in conditions if c != "consent"]
        # (the condition word opens the phrase, "when necessary", or ends it, "there are
        # situations when")
        routine = {k for a, b, _ in lex.not_conditions.find(lemmas, cs, body_end) for k in (a, b - 1)}
        # (not an "if" inside an aside about the data: "your age (if you provide it)"; nor a
        # "where" or "when" that a noun's "of" or "about" takes: "records of where you have been")
        opens = [words[a:b] for a, b, _ in lex.condition_opens.find(lemmas, cs, body_end)
                 if a not in routine and words[cs:a].count("(") <= words[cs:a].count(")")
                 and not (a > cs and words[a - 1] in {"of", "about"})
                 and (predicate is None or not predicate[0] <= a < predicate[1])]
        hypothetical = any(w[-1] in OPENERS_HYPOTHETICAL for w in opens)
        conditions = list(dict.fromkeys(list(inherited) + conditions))
        if "business-transfer" in conditions:
            conditions, recipients = self._without_false_deal(words, lemmas, cs, ex_end, conditions,
                                                              recipients, "business-transfer" in inherited,
                                                              previous)
        if "opt-out" in conditions and lex.withdrawals.find(lemmas, cs, ex_end):
            # "If you no longer wish to have your data shared, you can opt out": consent withdrawn
            conditions = list(dict.fromkeys("consent" if c == "opt-out" else c for c in conditions))
        if hypothetical and not conditions:
            conditions = ["hypothetical"]
        exceptions: list[str] = []
        if front_end is not None and front is not None:
            exceptions = lex.recipients.classes_in(lemmas, front, front_end) \
                + lex.condition_classes.classes_in(lemmas, front, front_end)
        if ex:
            # the exceptions run to the clause's end (past a verb of their own: "except ..., such
            # as if part of our business is sold to prospective purchasers") or a new condition
            # (", if you click ...")
            # (not one the list of exceptions goes on past: "except to our providers, when the law
            # requires it, and to the airlines in our partner programme")
            ex_stop = next((k for k in range(body_end + 2, clause_end)
                            if words[k] in {"if", "when", "whenever"} and words[k - 1] == ","
                            and not any(words[j] in {"and", "or"} and words[j + 1] in {"to", "with"}
                                        for j in range(k + 1, clause_end - 1))), clause_end)
            exceptions += self.recipient_finder.classes(words, lemmas, body_end, ex_stop) \
                + lex.condition_classes.classes_in(lemmas, body_end, ex_stop)
            if lex.acting_for_us.find(lemmas, body_end, ex_stop) \
                    or lex.for_our_service.find(lemmas, body_end, ex_stop):
                exceptions = [e if e not in ACTING_RECIPIENTS else "service-provider" for e in exceptions]
            elif not OWN_ENDS.isdisjoint(lex.purposes.classes_in(lemmas, body_end, ex_stop)):
                # "except with charities we partner with, which may use it for their own
                # fundraising appeals": those excepted get the data for their own ends
                exceptions = as_marketers(exceptions)
            elif "advertising" in lex.purposes.classes_in(lemmas, body_end, ex_stop) \
                    and not lex.negations.find(lemmas, body_end, ex_stop):
                # "We never share your email address with third parties, except in hashed form
                # for targeted advertising": the exception is a disclosure for ads, consent or not
                exceptions = exceptions + ["advertising"]
        exceptions = list(dict.fromkeys(exceptions + spared))
        # "only with ...", "only in these cases"; not "only to charge your card" (a purpose)
        only_from = walk if predicate is None else max(walk, predicate[1])
        # (not "will only be shared if the position is similar": when, to no one named, in no
        # allowed case)
        only_before = any(words[a - 1:a] != ["-"] for a, _, _ in lex.only.find(lemmas, only_from, g_end)) \
            and (bool(recipients) or not conditions or bool(ALLOWED_CONDITIONS & set(conditions)))
        only = only_before or any(self._restricts(words, lemmas, a, b, g_end, ce, recipients)
                                  for a, b, _ in lex.only.find(lemmas, g_end, ce))
        # a fronted phrase naming a list: "In the following cases, we may provide personal data
        # to third parties" (not "As described above, ...": what it refers to is no closed list)
        only = only or closed or any({"following", "below"} & set(words[a:b]) and a <= cs + 2
                                     for a, b, _ in lex.only.find(lemmas, cs, subject_start)) \
            or _names_the_cases(words, cs, subject_start)
        # ("... with whom we share data are our processors": all of them)
        colon = next((k for k in range(g_end, body_end) if words[k] == ":"), None)
        listed = colon is not None and any(w in ENUMERATION_CUES for w in words[cs:colon]) and any(
            c != "user" for c in lex.recipients.classes_in(lemmas, colon + 1, min(colon + 4, body_end)))
        if colon is not None and words[colon - 1] in {"to", "with"}:
            # "We may disclose it to: (a) our processors; (b) the police; ...": the items after
            # the colon, to the sentence's end, are every recipient there is
            recipients = list(dict.fromkeys(recipients + self._items_recipients(words, lemmas, colon + 1)))
            # (one naming only the company's own group says nothing of third parties: "with: (1)
            # our parent company; and (2) a group member in Dubai")
            listed = listed or bool(set(recipients) - {"affiliate"})
        elif colon is not None and any(
                b == colon and c == "third-party"
                for _, b, c in lex.recipients.find(lemmas, max(g_end, colon - 3), colon)):
            # "with third parties: our mailing house and our auditors": the items after the
            # colon say who the third parties are
            # (not examples of them: "third parties: for example, advertisers")
            named = [] if EXAMPLE_OPENERS & set(words[colon + 1:colon + 4]) \
                else self._items_recipients(words, lemmas, colon + 1)
            if named:
                recipients = list(dict.fromkeys([r for r in recipients if r != "third-party"] + named))
                listed = True
        if colon is not None and front_end is not None and words[colon - 1] not in {"to", "with"} \
                and front is not None \
                and not {"below", "following", "follows"}.isdisjoint(words[front:front_end]):
            # "Except as described below, we do not disclose your data: (a) to our printers; (b)
            # to comply with the law": the items after the colon are the exceptions the fronted
            # phrase points to, not the recipients
            exceptions = list(dict.fromkeys(
                exceptions + self._items_recipients(words, lemmas, colon + 1, cases=True)))
            recipients = self.recipient_finder.classes(words, lemmas, g_end, colon)
            only = listed = False
        if recipients and (listed or listed_recipients):
            only = True  # "the following categories of recipients: ...": the whole list
        if scope == "lead-in" and words[-2:-1] in (["to"], ["with"]):
            only = True  # "We may provide your information to:" + items: every recipient there is
        only = (only or asked_first) and not covers
        # -- polarity --
        cue: tuple[int, int] | None = None
        negation = [m for m in lex.negations.find(lemmas, walk, g_start)
                    if not _either_way(words, m) and not _in_conditional_aside(words, walk, m[0], g_start)] \
            or membership
        if contrast is not None:
            negation = [(contrast, contrast + 1, "x")]
        nobody = g_end + 1 if words[g_end:g_end + 1] in (["to"], ["with"]) else g_end
        if not negation and nobody < body_end and (words[nobody] in {"nobody", "noone"}
                                                   or words[nobody:nobody + 2] == ["no", "one"]):
            # "Those emails go to nobody but the captain and our app's provider": given to no one,
            # those after "but" excepted
            negation = [(nobody, nobody + 1, "x")]
            rest = [k for k in range(nobody, body_end) if words[k] in {"but", "except", "besides"}]
            if rest:
                exceptions = list(dict.fromkeys(exceptions + [
                    c for c in lex.recipients.classes_in(lemmas, rest[0] + 1, ce) if c != "user"]))
            recipients = ["third-party"]
        if not negation and lex.action_nouns.match_at(lemmas, g_start, g_end):
            # "Transfer of data to third parties does not take place": the noun's predicate
            happens = lex.happens.find(lemmas, g_end, body_end)
            if happens:
                negation = lex.negations.find(lemmas, max(g_end, happens[0][0] - 3), happens[0][0])
        if g_start in owners:  # "Selling your data is not something we do": the predicate says
            actor = "company"
            found = owners[g_start]
            negation = [(found[0], found[1], "x")] if found else []
        if not negation and contrasted is not None:
            negation = [(contrasted, contrasted + 1, "x")]  # "We sell wine, not information ..."
        if not negation and g_end < body_end:
            # "we sell no data", "we pass on none of it", "we share nothing with advertisers":
            # a determiner that denies the object denies the act
            first = g_end + (words[g_end] in PARTICLES and g_end + 1 < body_end)
            if words[first] in DENIED_OBJECTS and words[first + 1:first + 2] != ["matter"]:
                negation = [(first, first + 1, "x")]
        # (past the mark that opened the clause: "...; nothing about you is handed to")
        subject_first = subject_start + (subject_start < g_start and words[subject_start] in {";", ":", ","})
        if not negation and passive and subject_first < g_start and words[subject_first] in DENIED_OBJECTS \
                and words[subject_first + 1:subject_first + 2] != ["matter"]:
            # "Nothing we learn is passed to other firms": a passive's subject that names none
            negation = [(subject_first, subject_first + 1, "x")]
        if not negation and either:
            # "We do not rent these lists or share them": the negation of the first predicate
            # governs every one joined by "or"; the nearest subject's first ("We pledge that we
            # will never rent it, pass it on, or give it away")
            for head in reversed(subjects.candidates(words, lemmas, cs, walk) or [subject_start]):
                negation = lex.negations.find(lemmas, head, min(walk, head + 5))
                if negation:
                    break
        # (a noun after its determiner or a list's "or": "the sale", "the collection or sale")
        noun_of_act = not words[g_start].endswith("ing") \
            and not is_participle(words[g_start], lemmas[g_start]) \
            and words[g_start - 1] in DETERMINERS | {"or", "and"} \
            and lex.action_nouns.match_at(lemmas, g_start, g_end) is not None
        if not negation and (words[g_start].endswith("ing") or noun_of_act) and g_start - 1 > cs:
            # "We don't make money from selling your personal information", "we do not engage in
            # data mining or selling personal information": the gerund is what the denied verb
            # is about, through its preposition; so is an act-noun ("We are not involved in the
            # sale of personal information", "credits are not tied to the collection or sale of")
            prepositions = NOUN_ACT_PREPOSITIONS if noun_of_act else GERUND_PREPOSITIONS
            prep = next((j for j in range(g_start - 1, max(cs, g_start - 5) - 1, -1)
                         if words[j] in prepositions), None)
            if prep is not None and all(words[j].isalpha() and words[j] not in PRONOUNS
                                        for j in range(prep + 1, g_start)):
                # (not "including but not limited to the sale of ...": an inclusion)
                negation = [m for m in lex.negations.find(lemmas, max(cs, prep - 6), prep)
                            if not any(words[j] in SUBORDINATORS or words[j] in PRONOUNS - {"we"}
                                       or words[j] in INCLUSIVE_AFTER_NOT for j in range(m[1], prep))]
        if not negation and g_start - 2 > cs and words[g_start - 2:g_start] == ["to", "be"]:
            # "are never treated as an asset to be sold", "is not meant to be shared": the verb
            # the passive infinitive completes is denied, and with it the act
            governing = lex.negations.find(lemmas, max(cs, g_start - 10), g_start - 2)
            # (not "are not the only assets to be transferred": others are, and these too)
            negation = [m for m in governing if not any(
                words[k] in SUBORDINATORS or words[k] in PRONOUNS or words[k] == "only"
                for k in range(m[1], g_start - 2))]
        if not negation and (granting := _granting_us(words, lemmas, cs, g_start)) is not None:
            # "Our policy does not allow us to share it", "our contract forbids us to sell it": a
            # permission to us denied, or a bar on us, denies our act
            refused = lex.negations.find(lemmas, max(cs, granting - 4), granting)
            negation = refused if lemmas[granting] not in BARRING \
                else [] if refused else [(granting, granting + 1, "x")]
        if not negation and lemmas[subject_start:subject_start + 1] in (["no"], ["none"], ["neither"]):
            negation = [(subject_start, subject_start + 1, "x")]
        if not negation and words[cs:cs + 1] == ["neither"] and "nor" in words[cs + 1:g_start]:
            # "Neither we nor any of the vendors that host our site sell customer data": the
            # subjects' "neither ... nor" denies the verb past a relative clause in the subject
            negation = [(cs, cs + 1, "x")]
        if not negation and passive:
            denier = self._denied_subject(words, lemmas, cs, subject_start, walk)
            negation = [(denier, denier + 1, "x")] if denier is not None else []
        if not negation:
            negation = [m for m in lex.negations.find(lemmas, cs, walk) if m[1] - m[0] >= 3]
        if not negation and words[cs + 1:cs + 2] != ["only"] and (
                (g_start - 2 > cs and words[g_start - 2] in INVERTED_AUXILIARIES
                 and words[g_start - 1] in {"we", "they", "i"})
                or any(words[k] in INVERTED_AUXILIARIES and words[k + 1] in DETERMINERS | POSSESSIVES
                       and words[k - 1].isalpha() for k in range(cs + 2, walk))):
            # "Not even in the event of a merger will we pass ...", "Never will we sell", "Not
            # even if we are acquired will the records of your donations be handed over": a
            # negation opening the clause, its auxiliary before the subject
            negation = [m for m in lex.negations.find(lemmas, cs, cs + 2) if m[0] == cs]
        if not negation and any(words[k - 1] == "," and words[k] in INVERTED_AUXILIARIES
                                and words[k + 1] in DETERMINERS | POSSESSIVES | {"we", "they", "i"}
                                for k in range(max(cs, 1), g_start - 1)):
            # "At no point, whether while your membership is active or after you have cancelled
            # it, will the list be sold": the sentence's opening negation, past its aside, with
            # the auxiliary before the subject
            negation = [m for m in lex.negations.find(lemmas, 0, 3)
                        if m[0] == 0 and words[m[1]:m[1] + 1] == [","]]
        if not negation and g_start - 2 > cs and words[g_start - 2] == "what" and words[g_start - 1] in BE:
            # "your data will not form part of what is transferred": the act a free relative
            # names, denied by its clause's own negation
            clause = max([cs] + [k + 1 for k in range(cs, g_start - 2) if words[k] in {",", ";"}])
            negation = lex.negations.find(lemmas, clause, g_start - 2)[-1:]
        if not negation and fronted_denial is not None:
            # "Under no circumstances is your data sold", "Not once have addresses been sold": the
            # negation fronted before the auxiliary and its subject
            negation = [fronted_denial]
        if negation and action == "sale" and lex.plain_sense.find(lemmas, g_end, ce):
            # "While we do not sell your data in the conventional sense, ...": the denial keeps
            # to the plain sense and concedes a sale as a law defines it
            negation = []
            conditions = list(dict.fromkeys(conditions + ["legal"]))
            purposes = list(dict.fromkeys(list(purposes) + [LAW_DEFINED]))
        if not negation:
            # "This does not mean that we sell your data": the act a denied meaning embeds is
            # denied (the policy's way of saying it does not happen)
            negation = self._meaning_denied(words, lemmas, cs, walk)
        if not negation and g_start == cs and (summed := post_list_denial(words, g_start)) is not None:
            negation = [(summed, summed + 1, "x")]  # "Sell it, rent it: none of these do we do"
        if not negation:
            # "Until 2021, the policy allowed your data to be transferred in a sale": what was,
            # not what is (a time bound in the past dates its whole clause)
            negation = lex.past.find(lemmas, cs, ce)
        if negation and recipients and "third-party" not in recipients \
                and self.recipient_finder.illustrated_third_parties(words, lemmas, g_end, body_end):
            # "will not share it with third parties, including insurers and employers": a denial
            # holds for the whole class its examples illustrate
            recipients = ["third-party", *recipients]
        hedge = lex.hedges.find(lemmas, walk, g_start)
        own = subjects.after_comma(words, cs, subject_start)
        # (a clause that concedes is no condition: "Although the law gives you the right to opt
        # out of the sale, we do not sell personal information")
        if own > cs and lex.rights.find(lemmas, cs, own) and "opt-out" in lex.condition_classes.classes_in(
                lemmas, cs, own) and scope == "practice" and words[cs] not in CONCESSIONS:
            conditions = list(dict.fromkeys(conditions + ["opt-out"]))
            if negation:  # "if you opt out, we will not sell it": it sells otherwise
                negation = []
                hypothetical = False
        if negation and "opt-out" in conditions \
                and self._after_opting_out(words, lemmas, cond_start, g_end, ex_end):
            # "If you opt out, we will not sell your data", "we shall not sell your personal
            # information after you click that button": it is sold until the user opts out
            negation = []
            hypothetical = False
        if negation and g_start not in owners and (
                # (not the company's own choice: "We have chosen not to: our patrons' names are
                # never traded")
                any("we" not in words[max(cs, a - 3):a]
                    for a, _, _ in lex.preferences.find(lemmas, max(cs, subject_start - 4), walk))
                # (of sharing only: "you can ask us not to sell" is the CCPA's right, stated by
                # businesses that sell nothing)
                or (action == "share"
                    and any(b >= g_start - 1 for _, b, _ in lex.opting_out.find(lemmas, cs, g_start)))):
            negation = []  # "if you prefer that we not share": an opt-out the company offers
            conditions = list(dict.fromkeys(conditions + ["opt-out"]))
            hypothetical = False
        if contrasted is not None and data == "unspecified":
            data = "personal"  # (the data set against the goods: "but never the names of buyers")
        if negation and data == "unspecified" and not recipients and k < body_end \
                and words[k].isalpha() and words[k] not in FOLLOWING_PREPOSITIONS \
                and words[k] not in {"anything", "nothing", "any", "this", "that", "these", "those"} \
                and not lex.recipient_opens.match_at(lemmas, k, body_end):
            return None  # "cookies cannot transmit viruses": a denial of no data flow
        if negation:
            polarity, cue = "negated", (negation[-1][0], negation[-1][1])
        elif conditions and (hypothetical or inherited
                             or set(conditions) & {"consent", "direction", "opt-out"}):
            polarity = "conditional"
            cue = next(((a, b) for a, b, _ in lex.condition_opens.find(lemmas, cs, body_end)), None)
        elif hedge:
            polarity, cue = "hedged", (hedge[-1][0], hedge[-1][1])
        else:
            polarity = "affirmed"
        # (the act's word quoted itself, not a name that opens with it: the “Share this” button)
        # (not a quotation that opens after it: "says we share “for our marketing purposes”")
        quoted = g_end < n and words[g_end] in QUOTES \
            and sum(w in QUOTES for w in words[:g_start]) % 2 == 1 or (
            g_start > 0 and words[g_start - 1] in QUOTES
            and (g_end >= n or words[g_end] in QUOTES or not words[g_end].isalpha()
                 or words[g_end] in {"or", "and"}))
        if action == "share" and (quoted or names_cross_context(words, g_end, min(g_end + 4, ex_end))):
            # "we do not “sell” or “share” personal information", "we have not shared (for
            # cross-context behavioural advertising)": the CPRA term, sharing for cross-context
            # behavioral advertising
            purposes = list(dict.fromkeys(list(purposes) + ["cross-context"]))
        # (past an owner: "we exchange our supporters' postal addresses")
        # (a passive's subject with its "of" phrase: "names and postal addresses of
        # season-ticket holders may be exchanged")
        subject_from = max(cs, min(subject[0], walk - TRADED_OBJECT_REACH))
        traded = lemmas[g_start] in lex.traded_by and (
            lex.traded_objects.find(lemmas, g_end, min(g_end + TRADED_OBJECT_REACH, body_end))
            or (passive and lex.traded_objects.find(lemmas, subject_from, min(subject[0] + 4, walk))))
        # (paid for the act, not a fee the user pays in a fronted phrase: "For a fee, you can
        # have a nonpublished number, which means that we will not provide your name")
        paid = "payment" in lex.purposes.classes_in(lemmas, subject_start, ex_end) or any(
            c == "payment" and not {"you", "they"} & set(words[b:subject_start])
            for _, b, c in lex.purposes.find(lemmas, cs, subject_start)) or any(
            # (what we get back, in a clause of its own: "..., and in return we receive the
            # names of other members' customers")
            c == "payment" and words[a + 2:a + 3] == ["we"]
            for a, _, c in (lex.purposes.find(lemmas, ex_end, len(words))
                            if not _IN_RETURN.isdisjoint(words[ex_end:]) else ()))
        if action == "share" and (paid or traded):
            action = "sale"  # shared for money, or a list exchanged: a sale
        slots = Slots(action=action, actor=actor, data=data, recipients=tuple(recipients),
                      purposes=tuple(dict.fromkeys(purposes)), conditions=tuple(conditions),
                      exceptions=tuple(exceptions), scope=scope, only=only)
        return Extracted(g_start, g_end, polarity, cue, slots)

