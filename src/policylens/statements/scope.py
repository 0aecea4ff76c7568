"""A statement's scope: whether the clause states the company's own practice ("practice") or,
read but asserting none, a list's lead-in, a statement embedded under knowing or asking or a
description of the policy, a user's right, a description of data (a relative clause), or a rule
for others about data so described."""

from __future__ import annotations

from collections.abc import Sequence

from policylens.statements.lexicon import Lexicon
from policylens.statements.subjects import SubjectFinder
from policylens.statements.words import (
    BE,
    DATA_ABOUT,
    DETERMINERS,
    MODALS,
    PREPOSITIONS,
    PRONOUNS,
    after_last_comma,
    framed_subject,
    names_to_whom,
    opted_out_of,
)

# words that open a clause a passive's subject cannot hold ("you may ask whether data is sold")
SUBORDINATE_OPENERS = frozenset({"whether", "that", "if", "how"})
# a subordinator of cause or concession opens a clause of its own: an embedding word before it
# ("requests", "know") does not reach the verb after it
CAUSES = frozenset({"because", "since", "although", "though", "whereas"})
# words that open a coordinated clause's own subject: ", and some of our disclosures may ..."
_CLAUSE_SUBJECTS = DETERMINERS | PRONOUNS | {"some", "all", "many", "certain", "these", "those"}
# verbs whose subject receives what their object names ("who receive the following")
_RECEIVING = frozenset({"receive", "get", "obtain"})


def _own_clause(words: Sequence[str], before: int) -> int:
    """Where the last clause joined by ", and"/", but" with a subject of its own starts before
    `before` (0: none): words before it are another clause's ("the CCPA defines 'sell' broadly,
    and some of our disclosures may be considered a sale")."""
    joined = [k + 2 for k in range(min(before, len(words) - 2))
              if words[k] == "," and words[k + 1] in {"and", "but", "so", "yet"}
              and (words[k + 2] in _CLAUSE_SUBJECTS or framed_subject(words, k + 2)
                   # (a gerund's phrase as the subject: ", and allowing partners to
                   # collect cookie identifiers may be considered a sale")
                   or (words[k + 2].endswith("ing") and words[k + 3:k + 4] != [","]))]
    # (and after a colon, a clause with its own subject: "Yes, as California law uses the term:
    # we disclose identifiers to partners for valuable consideration")
    colons = [k + 1 for k in range(min(before, len(words) - 1))
              if words[k] == ":" and words[k + 1] in _CLAUSE_SUBJECTS]
    return max([0] + joined + colons)



def _received_below(words: Sequence[str], lemmas: Sequence[str]) -> bool:
    """Whether the lead-in says its recipients receive what follows ("festival sponsors, who
    receive the following so that they can send you their own offers:"): its list is of the data,
    the recipients are named already."""
    return any(words[k] == "following" and words[k - 1] == "the" and lemmas[k - 2] in _RECEIVING
               for k in range(2, len(words)))

class ScopeReader:
    """Reads a clause's scope with the lexicon's embedding, describing and rights phrases."""

    def __init__(self, lexicon: Lexicon, subjects: SubjectFinder, data_nouns: frozenset[str],
                 reporting: frozenset[str]) -> None:
        self.lex = lexicon
        self.subjects = subjects
        self.data_nouns = data_nouns
        self.reporting = reporting

    def scope(self, words: Sequence[str], lemmas: Sequence[str], cs: int, subject_start: int,
               walk: int, g_start: int, g_end: int, body_end: int, presupposed: bool = False,
               passive: bool = False) -> str:
        """Whether the statement is the company's own practice ("practice") or, read but asserting
        none: a list's lead-in, embedded under knowing or asking, a right or a link label, a
        description of data (a relative clause). The last that applies wins."""
        lex = self.lex
        n = len(words)
        scope = "practice"
        if words and words[-1] == ":" and not lex.negations.find(lemmas, walk, g_start) \
                and not self._lists_data(words, lemmas, g_end, n - 1) \
                and not self._lists_data(words, lemmas, subject_start, walk) \
                and not _received_below(words, lemmas):
            scope = "lead-in"  # "Info we share with third parties:": its list items speak
            # (not a list of the data the act moves: "We have sold the following categories of
            # personal information in the last 12 months:", "The following types of personal
            # information may have been sold:" state the sale itself)
        # ("Other than as disclosed in this Privacy Notice, we do not ...": words before a comma
        # belong to another phrase)
        own_clause = _own_clause(words, subject_start)
        before = max(after_last_comma(words, max(cs, subject_start - 6), subject_start), own_clause)
        told = [(a, b) for a, b, _ in lex.asserting.find(lemmas, max(cs, before - 4), walk)]
        if any(c == "share" for _, _, c in lex.action_words.find(lemmas, g_start, g_end)):
            # "You can ask us not to share your data with partners": the company's opt-out (of
            # sharing: "ask us not to sell" is the CCPA's right, stated by those who sell nothing)
            told += [(a, b) for a, b, _ in lex.opting_out.find(lemmas, cs, g_start)]
        # (not a relative clause's verb inside a passive's subject: "Names of people who request
        # our brochure are shared with our dealers", "Insurance quotes you request are shared")
        # ("How we disclose the information: to our service providers; to advertisers": a
        # label whose answer follows its colon states the act)
        colon = next((k for k in range(g_end, body_end) if words[k] == ":"), None)
        answered = colon is not None and bool(lex.recipients.find(lemmas, colon + 1, min(colon + 6, n)))
        # (an embedding word inside the data named is none: "what the app knows about you ...
        # is passed to data brokers")
        named = told + [(a, b) for a, b, _ in lex.data.find(lemmas, before, walk)]
        if passive and not any(words[k] in SUBORDINATE_OPENERS for k in range(subject_start, walk)):
            # (a passive's subject is the data it describes: "Details you enter when requesting a
            # quote are sold as leads")
            named.append((subject_start, walk))
        embedded = [] if answered else [m for m in lex.embedding.find(lemmas, before, walk)
                    if not any(a <= m[0] < b for a, b in named)
                    # (not past a subordinator opening the verb's own clause: "Number of requests
                    # to opt out Because we do not sell personal information, this is not applicable")
                    and not any(words[k] in CAUSES for k in range(m[1], walk))
                    # (nor a reference to another part of the text: "As explained above, some of
                    # our activities may constitute selling")
                    and not (m[0] > 0 and words[m[0] - 1] == "as")
                    # (nor the means a "by" phrase names: "By requesting a quote you agree that we
                    # may forward your details to local dealers")
                    and not (m[0] > 0 and words[m[0] - 1] == "by" and words[m[0]].endswith("ing"))
                    # (nor a name's "-ing" word right before the verb: "Lumo Learning shares")
                    and not (m[1] == walk and m[1] - m[0] == 1 and words[m[0]].endswith("ing"))
                    # (nor data about a manner: "Details of how you use your thermostat ... may be
                    # provided to utilities")
                    and not (m[0] > cs and words[m[0] - 1] in DATA_ABOUT)
                    and not (m[0] > cs and words[m[0] - 1] in {"who", "that", "which", "you", "we", "they"}
                             and m[0] < walk and any(words[k] in BE for k in range(walk, g_start)))]
        # (a policy's self-description runs over its clauses: "This Policy describes what we
        # collect; how it is used; when it may be disclosed")
        # ("By 'sell' we mean": a "by" phrase defines a term only where it opens the sentence;
        # elsewhere it is a means, "we fund the app by selling your data")
        # (not past a clause of its own: "the CCPA defines 'sell' broadly, and some of our
        # disclosures may be considered a sale")
        described = [a for a, _, _ in lex.describes.find(lemmas, own_clause, g_end)
                     if words[a] != "by" or not any(w.isalpha() for w in words[:a])]
        if embedded or described:
            scope = "embedded"
        # a right named in a clause before the subject's comma ("If you opt out of the sale,
        # we will stop selling it"; "the right to opt out of the sale of your data, which we
        # sell to brokers") is that clause's; the statement after it is the company's
        own = self.subjects.after_comma(words, cs, subject_start)
        # (a label before a colon names a section, not the clause's right: "Right to Opt Out of
        # Sale: As part of our services, we provide your personal information to ...")
        own = max([own] + [k + 1 for k in range(own, subject_start) if words[k] == ":"])
        # (not the words of an opt-out the company offers: "You may request that we not share
        # it with third parties for their marketing")
        rights = [m for m in lex.rights.find(lemmas, own, g_start)
                  if not any(a <= m[0] < b for a, b in told)]
        # (a right to stop what the company names as its own does presuppose it: "to opt out of
        # our sale or sharing of your personal data, use the cookie settings")
        # (and so does an opt-out of the act: "you can opt out of sharing with ad partners")
        ours = g_start > 0 and words[g_start - 1] == "our" \
            or (opted_out_of(words, g_start)
                and bool(set(self.lex.recipients.classes_in(lemmas, g_end, body_end)) - {"user", "public"}))
        if not ours and (rights or "my" in words[g_end:body_end] or (
                cs > 0 and lex.rights.find(lemmas, 0, cs) and words[cs] == ";")):
            scope = "rights"
        # a "we" after a noun opens a relative clause: "the information we collect and share",
        # "cases where we disclose". Unless an auxiliary of "be" stands between it and the verb:
        # then the relative clause is the subject of a passive ("data we collect is never sold"),
        # and so with a modal ("the records we hold would pass to the buyer")
        # (a sale to others named after it is presupposed, not described: "the lists we rent to
        # other companies")
        # (not "data we cannot send": there "we" is the verb's own subject)
        modal = any(words[k] in MODALS for k in range(walk, g_start))
        # (nor with a verb whose subject is the data that moves: "the email we hold goes only to
        # our processor")
        moves = passive and lemmas[g_start] in lex.moving
        # (nor when the verb has an object of its own, no gap a relative clause would leave:
        # "When we ... derive an email address we may license that data to our customers")
        object_of_its_own = not passive and g_end < body_end and (
            words[g_end] in {"it", "them"}
            or words[g_end] in {"that", "this", "these", "those", "such", "your"} and g_end + 1 < body_end
            and lex.data.match_at(lemmas, g_end + 1, body_end) is not None)
        if not moves and not object_of_its_own \
                and not any(words[k] in BE for k in range(walk, g_start)) and any(
                words[k] == "we" and k > cs and not (modal and k < walk - 1)
                and ((lemmas[k - 1] in self.data_nouns and not presupposed) or (
                    k > cs + 1 and words[k - 1] in {"that", "which", "where"}
                    and words[k - 2].isalpha() and lemmas[k - 2] not in self.reporting
                    # ("a subscriber list that we may lease to publishers": a sale that may
                    # happen, to others named, is stated, not described; so is a denial, "a list
                    # that we never rent to anyone")
                    and not ((presupposed and modal or lex.negations.find(lemmas, k, g_start))
                             and lex.recipients.find(lemmas, g_end, body_end))
                    and words[k - 2] not in PREPOSITIONS
                    # ("to which we sell": asks to whom, read below)
                    and not names_to_whom(words, k - 1, k)
                    # "it is our policy that we never sell data": a "that" clause with its own
                    # object is a noun's content, not a relative clause
                    and not (words[k - 1] == "that" and lemmas[k - 2] not in self.data_nouns
                             and lex.data.find(lemmas, g_end, body_end))))
                for k in range(subject_start, walk + 1) if k < len(words)):
            scope = "description"  # names data or cases, asserts nothing
        if scope == "description" and colon is not None and not presupposed and not rights \
                and lex.data.find(lemmas, colon + 1, min(colon + 4, body_end)) \
                and not lex.negations.find(lemmas, colon + 1, min(colon + 3, body_end)):
            # "Categories of personal information we sold in the past 12 months: identifiers,
            # sold to data brokers; ...": a label whose colon lists the data states the act
            scope = "practice"
        if subject_start == walk and subject_start - 1 > cs \
                and words[subject_start - 1] in {"that", "which"} \
                and any(words[k] in BE for k in range(walk, g_start)) \
                and words[subject_start - 2].isalpha() and lemmas[subject_start - 2] not in self.reporting:
            scope = "description"  # "information that is not disclosed to third parties": its antecedent
        if any(words[k] in {"whom", "which"} and k > cs and words[k - 1] in {"to", "with", "for"}
               for k in range(max(cs, subject_start - 2), walk + 1) if k < n) \
                and ":" not in words[g_end:body_end]:
            # "third parties to whom the information was sold"; not a label whose list follows
            # ("Categories of third parties to whom we disclose data: advertising networks; ...")
            scope = "description"
        if scope == "description" and (denied := lex.negations.find(lemmas, cs, walk)) \
                and denied[0][0] > cs and words[denied[0][0] - 1] not in BE \
                and "company" not in self.subjects.actor_classes(words, lemmas, cs, denied[0][0]):
            # "partners may not use the information we share with them for their own ends": the
            # data described is given, and what the others may do with it is a rule for them
            scope = "restriction"
        return scope

    def _lists_data(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int) -> bool:
        """Whether the verb's object (or its passive's subject) is the list of data that follows
        the colon ("sold the following categories of personal information (to third parties):"),
        not the list of those who get it ("shared your data with the following:")."""
        following = next((k for k in range(start, end) if words[k] == "following"), None)
        return following is not None and following - start <= 3 \
            and not any(words[k] in {"to", "with"} for k in range(start, following)) \
            and bool(self.lex.data.find(lemmas, following + 1, min(following + 6, end)))

    def deemed(self, words: Sequence[str], lemmas: Sequence[str], cs: int, g_start: int,
               scope: str) -> str:
        """The scope of an act the clause deems ("may be considered a sale"): a relative clause
        or an embedding word inside its subject is the subject's ("disclosures that we make to
        third parties constitute the sale of your data", "the ways we work with partners could
        be regarded as sales"); the deeming is the main verb. An embedding word that frames the
        clause ("we do not know whether ...", "Nevada law defines a sale as ...") keeps it."""
        # (an embedding word opening a relative clause, "the ways we ...", names the subject)
        own = _own_clause(words, g_start)
        # ("Some of the ways our website passes information to partners may be considered a sale")
        framing = [a for a, b, _ in self.lex.embedding.find(lemmas, max(cs, own), g_start)
                   if words[b:b + 1] not in (["we"], ["our"])]
        if scope == "description" or (scope == "embedded" and not framing
                                      and not self.lex.describes.find(lemmas, own, g_start)):
            return "practice"
        if scope == "rights" and any(words[k] == "we" and words[k - 1] in {"that", "which"}
                                     for k in range(max(cs + 1, own), g_start)):
            # "You may opt out of activities that we engage in that may constitute 'sales'": the
            # right presupposes activities of ours, which the clause deems sales
            return "practice"
        return scope
