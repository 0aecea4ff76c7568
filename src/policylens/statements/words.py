"""The closed word classes the statement reader leans on: English grammar, not policy wording.

Policy wording (actions, data, recipients, cues) is data in `data/lexicon.yaml`; these small sets
(determiners, pronouns, forms of "be", clause openers) do not change from one policy to another,
so they live here as code, each with the sentence that needs it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# -- clauses and their openers ---------------------------------------------------------------------

# words that end a clause ("we do not sell your data, but we may share it")
BOUNDARIES = frozenset({";", "but", "however", "whereas", "although", "though", "while"})
# adverbs set off by commas between a subject and its verb: the subject reaches past them ("Your
# e-mail address, on the other hand, may be given to sponsors")
VERB_ASIDES = frozenset({("however",), ("though",), ("on", "the", "other", "hand"), ("by", "contrast"),
                         ("in", "contrast"), ("by", "comparison"), ("in", "turn"), ("moreover",),
                         ("furthermore",), ("likewise",), ("similarly",), ("too",), ("also",)})
# the boundaries that are such adverbs: beside an auxiliary they stand inside one clause ("Your
# interests are, however, provided to partners"; "The details, however, may be rented")
ADVERB_BOUNDARIES = BOUNDARIES & frozenset(aside[0] for aside in VERB_ASIDES if len(aside) == 1)
# the subjects that make ", so" open a clause of the result ("we do not sell it, so there is
# nothing to opt out of", ", so this section does not apply"): its own clause, not the verb's
RESULT_SUBJECTS = frozenset({"there", "it", "this", "that", "these", "those", "nothing", "no"})
# the subjects after ", so that" that make it a purpose ("..., so that they can contact you")
PURPOSE_SUBJECTS = frozenset({"they", "we", "you", "it", "he", "she", "our", "their", "your", "the",
                              "these", "those", "its", "each", "such"})
# the prepositions of a phrase of time or place that may stand before a clause's subject
FRAME_PREPOSITIONS = frozenset({"in", "during", "over", "since", "for", "within", "at", "on"})
# how many words such a phrase may have before the subject
MAX_FRAME_WORDS = 6


def framed_subject(words: Sequence[str], i: int) -> bool:
    """Whether words[i:] open with a phrase of time or place, a comma-less frame, then a
    subject pronoun: "in the last 12 months we disclosed"."""
    if i >= len(words) or words[i] not in FRAME_PREPOSITIONS:
        return False
    for k in range(i + 1, min(i + 1 + MAX_FRAME_WORDS, len(words))):
        if words[k] in {"we", "you", "they"}:
            return True
        if not (words[k].isalnum() or words[k] in {"-", "'s"}) or words[k] in {"that", "which", "who"}:
            return False
    return False


# prepositions that open a phrase put before the clause's subject, as a subordinate clause is
# ("Subject to your right to object, we may disclose ..."; "With your consent, we ...")
FRONTED_PREPOSITIONS = frozenset({"subject", "pursuant", "notwithstanding", "with", "without", "under"})
# words that open a subordinate clause before the main one ("If you opt out, we ...")
SUBORDINATORS = frozenset({"if", "when", "whenever", "where", "unless", "once", "after", "before",
                           "because", "while", "although", "though", "should", "until", "upon"})
# words after which "you" opens a clause as its subject
CLAUSE_OPENERS = frozenset({"if", "when", "whenever", "where", "unless", "because", "once", "until",
                            "after", "before", "while", "whether", "so", "then", "but", "also", "not",
                            "nor", "thank"})
# the last word of a condition's opener that makes the statement a hypothesis ("in the event")
OPENERS_HYPOTHETICAL = frozenset({"if", "event", "case", "should", "unless", "upon", "whenever", "when",
                                  "where", "once"})
# words before a verb that opens an imperative ("Please send ...", "Simply share ...")
IMPERATIVE_OPENERS = frozenset({"please", "simply", "just", "kindly", "then", "also"})
# words that open the main clause after a subordinate one and its comma ("If you prefer ...,
# please write to us", "..., we will ...")
MAIN_CLAUSE_OPENERS = frozenset({"please", "we", "you", "they", "contact", "write", "email", "e-mail",
                                 "call", "tell", "let", "click", "visit", "just", "simply", "kindly"})
# a negated imperative: "Please do not share your password", "Don't ever give out your PIN"
IMPERATIVE_NEGATIONS = frozenset({"do", "not", "n't", "never", "ever"})
# verbs that open advice to the reader: "Be careful not to give out your address"
ADVICE_OPENERS = frozenset({"be", "take", "make", "remember", "try"})
# verbs of working a control: the quoted word after one is a button's label ('tap "Share"')
CONTROL_VERBS = frozenset({"tap", "click", "press", "hit", "select", "touch", "choose", "toggle"})
# the prepositions of a noun whose data is about a manner or a question ("details of how you use
# it", "records about whether you opened our e-mails"): what follows is data, not a framing
DATA_ABOUT = frozenset({"of", "about", "on", "regarding", "concerning"})
# words of a passive's agent that refer or count rather than name ("shared by these", "by any
# means", "by such companies"): no name of the company's own
AGENT_REFERENCES = frozenset({
    "these", "those", "this", "that", "such", "them", "it", "him", "her", "other", "others", "any",
    "some", "certain", "each", "all", "either", "one", "various", "many", "several", "means",
    "way", "ways", "mail", "email", "e-mail", "post", "phone", "telephone", "hand", "default",
    "virtue", "reason", "contract", "agreement", "operation", "law", "order"})

# -- verbs and their forms -------------------------------------------------------------------------

BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "gets", "got"})
PRONOUNS = frozenset({"we", "you", "they", "i", "it", "he", "she"})
MODALS = frozenset({"will", "would", "may", "might", "can", "could", "shall", "should", "must"})
# auxiliaries that stand before their subject after a fronted negation ("Never will we sell")
INVERTED_AUXILIARIES = MODALS | {"do", "does", "did", "have", "has", "had"}
# a verb's helpers: an adverb beside one is inside the verb's clause
AUXILIARIES = INVERTED_AUXILIARIES | BE
# words of which a clause holds one (an auxiliary, a modal, a subject pronoun): a short sentence
# with none is a heading run into its paragraph ("Sale of personal information. We have not ...")
FINITE = INVERTED_AUXILIARIES | {"is", "are", "was", "were", "be", "been"} | PRONOUNS
# the auxiliaries of a perfect ("we have collected, disclosed and sold": a list of active verbs)
PERFECT_AUXILIARIES = frozenset({"have", "has", "had"})
# words between "have" and a participle ("we have never sold"): a verb, not an adjective
PERFECT = PERFECT_AUXILIARIES | frozenset({"not", "never", "n't", "also", "ever", "been", "already",
                                           "recently"})
IRREGULAR_PARTICIPLES = frozenset({"sold", "given", "shown", "sent", "dealt", "made", "bought", "paid",
                                   "told", "held", "kept", "lent", "leased"})
# words that head a verb group read as a passive ("is not for sale", "it is up for sale", "is
# known only to us")
ADJECTIVE_PASSIVES = frozenset({"for", "up", "accessible", "known"})
# "we stopped renting", "we continue sharing": a gerund that is the act
ASPECT_VERBS = frozenset({"stop", "start", "begin", "continue", "keep", "resume", "commence",
                          # (and those that weigh the act: "We'd never consider selling it")
                          "consider", "contemplate"})
# "if you do not want your data shared": a passive whose subject the causative names
CAUSATIVES = frozenset({"want", "wish", "prefer", "like", "would", "rather", "have", "get"})
# verbs after a quoted term that define it ("“sell” means")
DEFINING = frozenset({"mean", "refer", "include", "cover", "encompass"})
# verbs by which a definition or an activity takes in an act ("may include selling ...")
INCLUDES = DEFINING - {"mean", "refer"}
# determiners that deny the object they open, and with it the act ("we sell no data"), or the
# subject that names none of the data ("Nothing you tell us leaves the clinic")
DENIED_OBJECTS = frozenset({"no", "none", "nothing"})
# particles of phrasal verbs ("rent out", "hand over", "pass on")
PARTICLES = frozenset({"out", "over", "on", "along", "away", "up"})
# words that join coordinated verbs ("sell, rent or otherwise share")
COORDINATORS = frozenset({",", "or", "and", "/", "otherwise", "nor", "not", "n't", "to", "and/or",
                          "either"})
# words that join the items of a list (of verbs or of data)
JOINERS = frozenset({",", "or", "and", "/", "nor", "and/or", "either", "otherwise"})

# -- noun phrases ----------------------------------------------------------------------------------

DETERMINERS = frozenset({"a", "an", "the", "this", "that", "your", "our", "their", "its", "his", "her",
                         "any", "such", "each", "every", "my", "'s"})
# words between a copula and the noun a relative clause describes: "your data is not a product
# we sell", "is never something that we share", "is not the kind of thing we rent"
ANTECEDENT_WORDS = frozenset({"not", "never", "no", "a", "an", "the", "one", "kind", "sort", "type",
                              "of", "part", "among", "something", "anything", "thing", "what",
                              "certainly", "simply", "just",
                              # the kind of thing it is: "is not a business asset we would transfer"
                              "business", "commercial", "company", "corporate"})
# verbs that put data into something: "your data may be included in lists we rent" (what the
# data is put into is what is sold)
INCLUDED = frozenset({"include", "contain", "incorporate", "add", "put", "compile", "list"})
# a recipient that is the subject's own members: "we and our affiliates share it with each other"
RECIPROCALS = (["each", "other"], ["one", "another"], ["themselves"])
# a relative clause whose antecedent gives to us: "the partners from whom we license data"
SOURCE_RELATIVES = (["from", "whom"], ["from", "which"])
# verbs of another act of collection that a "through cookies" phrase may belong to
COLLECTING = frozenset({"collect", "allow", "permit", "let", "enable", "gather", "obtain"})
# the acts a heading names when the section under it lists to whom data goes ("Information we
# share", "Disclosure of your information")
HEADING_ACTS = frozenset({"share", "disclose", "disclosure", "sharing", "recipient"})
# the user's own trades on a marketplace ("when you sell an item"): its buyer is another user
USER_TRADES = frozenset({"sell", "buy", "purchase"})
# the other party of such a trade, when it is the only word of a business transfer in the clause
TRADE_PARTIES = frozenset({"buyer", "purchaser", "seller"})
# what a buyer buys when it buys the business, past its determiners ("buyers of all or part of our
# business"); a buyer of anything else is a customer ("buyers of particular types of furniture")
BUSINESS_BOUGHT = frozenset({"business", "businesses", "company", "companies", "asset", "assets",
                             "share", "shares", "stock", "firm", "practice", "brand", "brands",
                             "unit", "division", "us", "part", "substantially",
                             # a small business by its kind, as the lexicon's deals name it ("a
                             # purchaser of our shop")
                             "shop", "store", "studio", "club", "clinic", "charity", "agency",
                             "salon", "site", "website", "app", "service", "platform", "operations",
                             "organisation", "organization", "group", "venture"})
# verbs that name to whom before what ("give those publishers your email address", "provide its
# business partners with contact details")
DITRANSITIVE = frozenset({"give", "send", "pass", "hand", "offer", "sell", "rent", "lend", "show",
                          "provide", "supply", "furnish"})
# the acts a question asking to whom names ("Who receives your data?", "Who has access to it?")
TO_WHOM_ACTS = HEADING_ACTS | {"receive", "transfer", "see", "get", "provide"}
# the acts a heading or question on sharing asks about, whose list items may name its cases
# ("When we may share your data" + "* To meet a legal obligation")
SHARING_ASKED = HEADING_ACTS | {"receive"}
# words before "their" that make a recipient's reaching the reader its own end ("tell you about
# their courses", "invite you to support their work")
OWN_ENDS_OPENERS = frozenset({"about", "support", "join"})
# the words that open examples of what is named before them ("third parties, including insurers",
# "Services to invest (such as buy or sell)")
EXAMPLE_OPENERS = frozenset({"including", "such", "like", "e.g.", "e.g", "eg", "namely", "example"})
# words that open the subject of a clause of its own after a comma, which ends the clause before
# it ("If Fernhill sells its business, your data will not be transferred"; "..., and their use of
# it is governed by their own notices")
CLAUSE_SUBJECT_OPENERS = frozenset({"your", "our", "their", "its", "the", "this", "these", "those",
                                    "such", "all", "any", "no", "we", "it", "they"})
# what opens a purpose infinitive fronted before the main clause ("To run the platform, we ...")
PURPOSE_OPENINGS = (["in", "order", "to"], ["so", "as", "to"], ["to"])
# words after a fronted "to" that open no infinitive ("To the extent ...", "To date, ...", "To
# our customers: ...")
NO_INFINITIVE = frozenset({"the", "a", "an", "our", "your", "their", "its", "this", "that", "these",
                           "those", "us", "you", "them", "whom", "which", "what", "all", "any",
                           "every", "each", "date", "some", "such", "my", "his", "her"})
# words that open a list item naming the case of an act, not to whom ("* To comply with the law",
# "* If you ask us to", "* In connection with a merger"): under a heading naming the act, the
# item completes it
CASE_OPENERS = frozenset({"to", "if", "when", "whenever", "where", "as", "in", "for", "upon",
                          "on", "during", "after", "unless", "because"})
# words that number a heading ("SECTION 3 - DISCLOSURE", "Part IV")
HEADING_NUMBERING = frozenset({"section", "part", "article", "chapter", "clause", "i", "ii", "iii",
                               "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "a", "b", "c",
                               "d", "e", "f"})
# what closes a sentence or a line that is no heading
LINE_ENDS = frozenset({".", "!", ";", ":", ","})
# "your information": an owner, not a subject
POSSESSIVES = frozenset({"your", "our", "their", "its", "his", "her"})
# words skipped before the head of an object ("all of your personal information")
OBJECT_SKIP = DETERMINERS | {"all", "some", "certain", "or", "and", ",", "otherwise", "other",
                             "personal", "such", "these", "those", "more", "additional", "of",
                             "several", "many", "various", "few", "new",
                             # a recipient's praise: "selected partners", "trusted third parties"
                             "selected", "trusted", "reputable", "carefully", "approved", "chosen",
                             "reliable"}
# words that end the run of words before a verb that can be its subject
SUBJECT_STOPS = frozenset({",", "that", "which", "who", "if", "when", "where", "whether", "because",
                           "as", "and", "or", "(", ")", ":", "-", "–", "—", "so", "unless", "once"})
# verbs of handling data that open a list of the acts done with it ("collects, uses, discloses
# and sells")
HANDLING_VERBS = frozenset({"collect", "use", "process", "store", "gather", "obtain", "receive",
                            "retain", "record", "hold", "keep"})
# the people whose data the company holds, named as its owners ("our members' records")
USER_OWNERS = frozenset({"members", "member", "customers", "customer", "users", "user", "subscribers",
                         "subscriber", "clients", "client", "patients", "patient", "readers", "reader",
                         "shoppers", "guests", "visitors", "players", "students", "donors"})
POSSESSIVE_MARKS = frozenset({"'", "'s", "’", "’s"})
# the subordinators of a clause that can stand inside a subject, with a person as its subject
# ("What you tell us when you book a room stays with us")
INNER_SUBORDINATORS = frozenset({"when", "if", "where", "once", "as"})
PERSONS = frozenset({"you", "we", "they", "i"})
# objects that are the reader or other people, not data ("we provide users with ...")
USER_OBJECTS = frozenset({"you", "users", "user", "customers", "visitors", "members", "yourself"})
# adjectives of data about someone, coordinated with an aggregate one
IDENTIFIED = frozenset({"identifiable", "identified", "identifying", "personal", "individual",
                        "personally"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})

# -- prepositions ----------------------------------------------------------------------------------

# prepositions after which a gerund states nothing ("before sharing")
PREPOSITIONS = frozenset({"about", "of", "before", "after", "by", "from", "without", "in", "on", "for",
                          "regarding", "concerning", "against"})
# words that may follow a verb (not a noun it modifies): "shared with", "sold to"
FOLLOWING_PREPOSITIONS = frozenset({"to", "with", "by", "or", "and", "in", "for", "on", "through", "via",
                                    "from", "under", "as", "at", "about", "only", "outside", "any", ",",
                                    ".", ";", ":", "(", ")", "nor", "your", "our", "their", "the", "it",
                                    "them", "personal", "information", "data", "except", "unless",
                                    "without", "publicly", "externally", "back", "over", "out", "along",
                                    "onto", "away"})
# a verb form right after these is a noun: "through licenses with"
NOUN_PREPOSITIONS = frozenset({"through", "under", "via", "with", "of", "about", "regarding", "by",
                               "concerning"})
# prepositions whose object is a topic, not an act ("limits on our disclosure of")
TOPIC_PREPOSITIONS = frozenset({"on", "about", "regarding", "concerning", "against", "over", "re"})
# prepositions whose object is no subject ("we partner with other companies and share ...")
GOVERNING = frozenset({"with", "to", "from", "for", "among", "between", "through", "via", "at", "on",
                       "of", "about", "regarding", "concerning"})

# -- lists of recipients ---------------------------------------------------------------------------

# act-nouns whose colon opens the list of those who receive ("Recipients of your data: ...")
LIST_NOUNS = frozenset({"recipient"})
# words before a colon that make the list after it the whole list of recipients
ENUMERATION_CUES = frozenset({"following", "categories", "category", "whom", "recipients", "recipient"})
# a relative pronoun after "to" or "with" asks to whom ("third parties to whom / to which we sell")
TO_WHOM_RELATIVES = frozenset({"whom", "which"})


def names_to_whom(words: Sequence[str], lo: int = 0, hi: int | None = None) -> bool:
    """Whether a relative pronoun in words[lo:hi] follows "to" or "with" ("to whom", "with
    which"): a label of the recipients its list or predicate names."""
    hi = len(words) if hi is None else hi
    return any(words[k] in TO_WHOM_RELATIVES and words[k - 1] in {"to", "with"}
               for k in range(max(lo, 1), hi))


def opted_out_of(words: Sequence[str], i: int) -> bool:
    """Whether the gerund at i is what the reader may opt out of ("you can opt out of sharing
    with advertising partners", "opt-out of selling"): the company's act, until then."""
    return i >= 3 and words[i - 2:i] == ["out", "of"] \
        and (words[i - 3] == "opt" or words[max(0, i - 4):i - 2] == ["opt", "-"])


# the first word of a label naming categories, and the participles of the acts it names
CATEGORY_WORDS = frozenset({"categories", "category", "types", "kinds"})
LABELLED_ACTS = frozenset({"sold", "shared", "disclosed", "rented", "licensed", "transferred"})


def labels_categories(words: Sequence[str]) -> bool:
    """Whether a list's lead-in is a label of the categories of data an act concerns, its items
    the label's values ("Categories of personal information sold in the preceding 12 months:" +
    "identifiers"): the colon stays, as after a label in a sentence."""
    return bool(words) and words[0] in CATEGORY_WORDS and any(w in LABELLED_ACTS for w in words[1:])


# recipient classes that a phrase saying they act for the company ("on our behalf") makes
# service providers: the unnamed, partners, and named kinds of organisation
ACTING_RECIPIENTS = frozenset({"third-party", "marketing-partner", "organisation"})


# -- questions and their answers, gerunds with a predicate ------------------------------------------

# an answer's first word that replies to the question before it ("Do you sell my data? No.")
REPLIES = frozenset({"no", "yes", "never"})
# a question's auxiliary, dropped to read it as a statement ("does acme sell my data")
QUESTION_AUXILIARIES = frozenset({"do", "does", "did", "will", "would", "can", "may", "is", "are"})
# the reader asks: "Will you sell my data?" is "we sell your data"
ASKER_TO_COMPANY = {"you": "we", "my": "your", "i": "you", "me": "you", "mine": "yours"}
# the predicate of a sentence-opening gerund that says what we do ("Selling data is not something
# we do", "... is not part of our business", "... is prohibited")
# two words before a means that contrast it with what is done: "rather than by selling"
CONTRASTS = (["rather", "than"], ["instead", "of"])
PRACTICE_NOUNS = frozenset({"something", "anything", "what", "part"})
BARRED = frozenset({"prohibited", "forbidden"})
# verbs that bar an act named by a gerund after them ("our rules forbid selling member lists")
BARRING = frozenset({"forbid", "prohibit", "bar", "ban", "preclude"})
# verbs that keep their subject, or "us" after them, from the act after "from" ("we are barred
# from selling it", "our contract prevents us from sharing it", "we refrain from sharing it")
KEEPING_FROM = BARRING | {"prevent", "stop", "refrain", "restrain", "abstain"}
# verbs whose "us to" gives or bars the company the act after them ("does not allow us to sell
# it", "forbids us to share it")
GRANTING_US = BARRING | {"allow", "permit", "authorize", "authorise", "entitle"}
# a company's own rules as a subject ("our bylaws prohibit ...")
RULE_NOUNS = frozenset({"rule", "policy", "bylaw", "by-law", "constitution", "charter", "code",
                        "principle", "term", "statute", "contract", "agreement"})


def is_participle(word: str, lem: str) -> bool:
    """Whether a word is a past participle ("shared", "given", "sold"), told by its form."""
    return word != lem and (word.endswith(("ed", "en")) or word in IRREGULAR_PARTICIPLES)


def causative_before(lemmas: Sequence[str], i: int, lo: int) -> bool:
    """Whether a causative stands before the noun before i (from `lo`): "if you do not want your
    data shared", "have your details shared"."""
    return any(lemmas[k] in CAUSATIVES for k in range(max(lo, i - 5), i - 1))


def past_object_skip(words: Sequence[str], i: int, end: int) -> int:
    """The first position from i (before `end`) that is not an OBJECT_SKIP word: the head of an
    object or a phrase."""
    while i < end and words[i] in OBJECT_SKIP:
        i += 1
    return i


def bought_by(words: Sequence[str], k: int, end: int) -> int | None:
    """Where the head of what the buyer at k buys stands, past "of" and its determiners ("buyers of
    all or part of our business": "business"); None when no "of" follows."""
    return past_object_skip(words, k + 2, end) if words[k + 1:k + 2] == ["of"] else None


def after_last_comma(words: Sequence[str], lo: int, hi: int) -> int:
    """Just past the last comma in words[lo:hi], else `lo`: words before it belong to another
    phrase ("Other than as disclosed in this notice, we ..."; "Where permitted by law, we ...")."""
    return max([lo] + [k + 1 for k in range(lo, hi) if words[k] == ","])


def after_last_label(words: Sequence[str], lo: int, hi: int) -> int:
    """Just past the last colon in words[lo:hi], else `lo`: a label before it ("We have made a
    firm commitment: if ...", "Right to data portability: you can ...") is no part of the clause."""
    return max([lo] + [k + 1 for k in range(lo, hi) if words[k] == ":"])


def clause_of(clauses: Sequence[tuple[int, int]], i: int, n: int) -> tuple[int, int]:
    """The (start, end) of the clause holding token i; the whole sentence of n tokens if none."""
    return next(((a, b) for a, b in clauses if a <= i < b), (0, n))


# words that open a question ("Do we sell ...?", "Who do we share your data with?")
QUESTION_OPENERS = (INVERTED_AUXILIARIES - {"had"}) | {"is", "are", "was", "were", "who", "whom", "whose",
                                                       "what", "which", "when", "where", "why", "how"}


# the marks of a question and its answer in a FAQ ("Q: ...", "A: ...")
DIALOGUE_MARKS = frozenset({"q", "a", "question", "answer"})


def without_mark(words: Sequence[str]) -> Sequence[str]:
    """A FAQ line without its "Q:" or "A:" mark."""
    return words[2:] if len(words) > 2 and words[1] == ":" and words[0] in DIALOGUE_MARKS else words


def asks(words: Sequence[str]) -> bool:
    """Whether a sentence ending with "?" is a question: its first word, or the first after its
    last comma, colon or semicolon (a table row's cells: "Kind of company; Do we sell it to
    them?"), opens one ("Finally, do we sell your data?"); not a statement ending with
    a linked title ("... listed in the section Who do we share your data with?")."""
    cut = max([0] + [k + 1 for k, w in enumerate(words) if w in {",", ":", ";"}])
    # (the clause after the last comma opens it, if there is one: not "Where required by law, we
    # disclose ... in the section How do we share data?")
    firsts = [w for w in words[cut:cut + 1] if w.isalpha()]
    return not firsts or firsts[0] in QUESTION_OPENERS or len(words) <= 6
# participles that say data was taken out of what is given ("with names and addresses removed")
STRIPPED = frozenset({"removed", "stripped", "deleted", "omitted", "redacted", "masked", "excluded",
                      "erased", "hidden"})
# verbs of working with another party: "when we partner with a business, we may share ..." names
# who receives
TEAMING = frozenset({"partner", "team", "collaborate", "cooperate", "co-operate", "contract"})


def denied_acts_lead(lead: Sequence[str]) -> list[str] | None:
    """A lead-in that names what the company never does ("What we will never do with your data",
    "Things we don't do") as the denial its items complete ("we will never", "we do n't"), or None."""
    if list(lead[:1]) not in (["what"], ["things"]) or "do" not in lead[1:]:
        return None
    subject = list(lead[1:len(lead) - 1 - list(reversed(lead)).index("do")])
    return subject if subject[:1] == ["we"] and {"never", "not", "n't"} & set(subject) else None


def in_brackets_after(words: Sequence[str], start: int, a: int, ends: Mapping[int, str]) -> bool:
    """Whether word a stands inside brackets opened right after a named recipient class
    ("affiliates (Acme Insurance Agency, LLC; ...)"), `ends` mapping where each class found so far
    ends to the class (not after "third parties" or "other companies", which the brackets name:
    "other companies (known as our contractors)")."""
    opening = next((k for k in range(a - 1, start - 1, -1) if words[k] in {"(", ")"}), None)
    return opening is not None and words[opening] == "(" and ends.get(opening, "third-party") != "third-party"


def names_cross_context(words: Sequence[str], lo: int, hi: int) -> bool:
    """Whether words[lo:hi] name the CPRA's cross-context (behavioral advertising), its sense of
    "sharing" ("shared for cross-context behavioral advertising")."""
    return any(words[q:q + 3] == ["cross", "-", "context"] for q in range(lo, hi))
