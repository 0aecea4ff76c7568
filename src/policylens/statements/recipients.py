"""Who receives: the recipient classes a clause names, and the phrases that name them.

A recipient stands in a phrase opened by "to", "with", "among" and the like, or right after the
verb ("give advertisers access"); a class named anywhere else ("information about our company")
receives nothing. Kept apart from the reader so that the rules for those phrases read in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from policylens.statements.lemmas import known_words, lemma_table
from policylens.statements.lexicon import Lexicon, first_words
from policylens.statements.words import (
    ACTING_RECIPIENTS,
    BARRING,
    COORDINATORS,
    DETERMINERS,
    EXAMPLE_OPENERS,
    JOINERS,
    OBJECT_SKIP,
    OWN_ENDS_OPENERS,
    PRONOUNS,
    in_brackets_after,
    is_participle,
    past_object_skip,
)
from policylens.verdicts.flows import OWN_ENDS, OWN_PURPOSES

# the purpose that makes one said to help us an advertiser (not "marketing": a vendor sending our
# marketing e-mails acts for us), and how soon after "help us" it comes
PROMOTING_PURPOSES = frozenset({"advertising"})
PROMOTION_REACH = 10
# how soon before a "to you" a promoting verb makes "you" its audience ("to market our app to you")
AUDIENCE_REACH = 6


# prepositions after a recipient that introduce what it is given ("provide partners with data")
_GIVING = (["with"], ["for"], ["to"])
# "organisations in the IKEA Group", "companies of the Acme family": the company's own group, by name
_GROUP_WORDS = frozenset({"group", "family"})


def as_marketers(classes: Sequence[str]) -> list[str]:
    """Unnamed recipients given data for their own ends are marketers ("except with charities we
    partner with, which may use it for their own fundraising appeals")."""
    return list(dict.fromkeys("marketing-partner" if c in {"third-party", "organisation"} else c
                              for c in classes))


def names_own_group(words: Sequence[str], a: int, b: int) -> bool:
    """Whether the class words[a:b] names the company's own group by its name: placed inside a
    group ("other organisations in the IKEA Group", "entities within the Telegram group",
    "companies in our group") or
    "other (or the) <name> companies" ("other Vodafone companies", "the CBS companies"; a name is a word
    the lemma table does not know and with no adjective's ending: not "other insurance
    companies", "other reputable companies")."""
    # (a name of up to three words, and "other" before the members' noun: "the other hotels in
    # the Hendry Hotels group")
    at = b + (words[b - 1] == "other" and b < len(words) and words[b].isalpha())
    return _inside_own_group(words, at, len(words)) \
        or (a >= 2 and words[a - 2] in {"other", "the"} and words[a] in _GROUP_MEMBERS
            and words[a - 1].isalpha() and words[a - 1] not in known_words()
            and not words[a - 1].endswith(_ADJECTIVE_ENDINGS))


def _ours(words: Sequence[str], p: int) -> bool:
    """Whether the phrase at p is opened by "our", or is a later item of a list it opens: a kind
    of no known class that is "our" own is the company's ("our support and engineering teams")."""
    return any(words[k] == "our" and all(w.isalpha() for w in words[k + 1:p])
               for k in range(max(0, p - 4), p + 1))


def _inside_own_group(words: Sequence[str], k: int, end: int) -> bool:
    """Whether the words at k, right after whom a phrase names, place them inside a group by its
    name ("the hotels" + "in the Harbourline group", "the clinics" + "within our group")."""
    return k + 2 < end and words[k] in {"in", "of", "within", "across"} and words[k + 1] in {"the", "our"} \
        and any(all(w.isalpha() for w in words[k + 2:g]) and words[g] in _GROUP_WORDS
                for g in range(k + 2, min(k + 6, end)))


# endings of nouns for people or firms ("merchants", "producers", "florists", "vendors")
_AGENT_ENDINGS = ("er", "or", "ist", "ant", "ian", "eer")
# endings of adjectives the lemma table does not list ("other reputable companies")
_ADJECTIVE_ENDINGS = ("able", "ible", "ful", "ous", "ive", "al", "ed", "ing", "ic", "ary", "ant",
                      "ent", "less", "ish", "ile", "ly")
# the members of a company's group named by its name ("other Vodafone companies")
_GROUP_MEMBERS = frozenset({"companies", "company", "entities", "entity", "businesses", "brands",
                            "subsidiaries", "organisations", "organizations", "firms"})

# determiners before a noun the lemma table does not know that make it a common noun
_PLURAL_MARKERS = frozenset({"the", "our", "their", "these", "those", "such", "other", "selected",
                             "some", "certain", "all", "any", "various", "local", "partner"})

# the recipients' own ends, which a later negation or prohibition may deny ("who may not use it
# for their own marketing"), how many words before the purpose it reaches, and what ends its clause
DENIABLE_PURPOSES = frozenset({"own-use", "controller", "marketing", "advertising"})
PURPOSE_DENIAL_REACH = 8
CLAUSE_BREAKS = frozenset({",", ";", "but"})
# words before "outside" that make it an adjective of the recipients ("to outside marketers")
_OUTSIDE_ADJECTIVE = frozenset({"to", "with", "onto", "among", "any", "no", "the", "our", "an", "a",
                                "other", "for", "by", "all", "some", "and", "or", ","})
# relative pronouns that are their clause's subject ("insurers, who may contact you")
RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
# a pronoun that is the recipients when the company is the subject ("and they may email you")
THEY = frozenset({"they", "it", "both", "each"})
# how far after the recipients' pronoun their verb of reaching the reader may stand ("who may
# publish them and contact you")
REACH_AFTER_SUBJECT = 8

# determiners before a singular noun that name one organisation ("the project developer")
_ONE_MARKERS = frozenset({"the", "that", "each", "our", "this"})

# endings of singular words that end in "s" ("bonus", "analysis", "famous")
SINGULAR_ENDINGS = ("ss", "us", "is", "ous", "ics")


def _in_relative_clause(words: Sequence[str], start: int, p: int) -> bool:
    """Whether a relative clause set off by a comma (", which", ", who") opens between `start`
    and the phrase at `p`."""
    return any(words[j] in {"which", "who"} and words[j - 1] == "," for j in range(start + 1, p))


def _unknown_plural(word: str) -> bool:
    """Whether a word ending in "s" that the lemma table does not list (a compound:
    "sportsbooks") has no singular's ending ("bonus", "analysis", "famous")."""
    return word not in lemma_table() and len(word) > 4 and not word.endswith(SINGULAR_ENDINGS)


class RecipientFinder:
    """Finds the recipients of a statement with one lexicon."""

    def __init__(self, lexicon: Lexicon, data_nouns: frozenset[str],
                 verb_lemmas: frozenset[str]) -> None:
        self.lex = lexicon
        self.data_nouns = data_nouns
        # base forms that have an "-ing" form in the lemma table: "to develop" is no recipient
        self.verb_lemmas = verb_lemmas
        self.reaching = first_words(lexicon.granted_reaching | lexicon.reaching_selling)

    def classes(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int) -> list[str]:
        """Recipient classes named where a recipient stands: in a phrase opened by "to", "with",
        "among" and the like (`recipient_phrases` in the lexicon: "to the following categories of
        third parties: advertising networks and data brokers"), or as the first words after the
        verb ("give advertisers access"), not anywhere ("information about our company").

        "Third parties" followed in its phrase by the classes it stands for ("third parties such
        as payment processors", "third-party processors") is those classes."""
        # (the company's own purpose names no recipient: "shared with our sister titles so that
        # we can offer you subscriptions to our other papers")
        end = next((k for k in range(start, end - 2) if words[k] == "so"
                    and words[k + 1 + (words[k + 1] == "that")] == "we"), end)
        first = past_object_skip(words, start, end)
        # "with us, such as ...": the company receives; the phrase names nobody else
        # (a verb phrase may end in its opener: "passed to the draw's sponsor")
        opened = start - 1 if start > 0 and words[start - 1] in {"to", "with", "onto"} else start
        # (not "with us or anyone else": someone besides us is named)
        phrases = [(p, q) for p, q in self.phrases(words, lemmas, opened, end)
                   if words[p:p + 1] != ["us"] or words[p + 1:p + 2] == ["or"]]
        named: list[tuple[int, int, str]] = []
        ends: dict[int, str] = {}  # where each class named ends
        ends_of: dict[int, int] = {}  # the end of the class named at each start
        found = self.lex.recipients.find(lemmas, start, end)
        # ("give third-party advertising companies your data": the object's class after it)
        after_object = next((b for a, b, n in found if a <= first < b and n == "third-party"), None)
        for a, b, name in found:
            # "sell users' personal information": a possessive, not the one who receives
            # (not data after a preposition: "provide advertising companies with identifiers")
            # (not a verb after them: "let selected partners contact you")
            data_after = self.lex.data.find(lemmas, b, min(b + (1 if words[b:b + 1] in _GIVING else 2), end))
            owner = any(w in {"'", "'s"} for w in words[b:b + 2]) \
                or bool(data_after) and words[b + 1:b + 2] != ["you"]
            if name == "user" and owner:
                continue  # "access to your customer account information": whose data, not to whom
            if (data_phrase := self.lex.data.match_at(lemmas, a, end)) is not None and data_phrase[0] > b:
                continue  # "transfer user accounts", "customer lists": the first words of data
            if name == "third-party" and names_own_group(words, a, b):
                name = "affiliate"  # "other organisations in the IKEA Group": the company's group
            if name == "public" and b < end and lemmas[b] in self.lex.not_recipients:
                continue  # "visits to public locations": an adjective of a place, not the public
            if a > start and lemmas[a - 1] in self.lex.audience and b < end \
                    and lemmas[b] in self.lex.not_data_objects:
                continue  # "to advertise third-party products to you": what is promoted
            if any(words[k] == "outside" and words[k - 1] not in _OUTSIDE_ADJECTIVE
                   and all(words[j].isalpha() and words[j] not in COORDINATORS for j in range(k + 1, a))
                   for k in range(max(start + 1, a - 4), a)):
                # "anyone outside Riverbend Public Library": the bounds, the company itself (not
                # the adjective, "to outside marketers")
                continue
            if name == "public" and words[b:b + 1] == ["of"] and words[b + 1:b + 2] in (["our"], ["the"]):
                continue  # "other members of our dealer network": members of an organisation
            # (a class that begins with its own opener: "outside the EEA")
            phrase = next(((p, q) for p, q in phrases if p - 1 <= a < q), None)
            if phrase is None and a <= first < b and not owner:
                phrase = (a, b)
            elif phrase is None and a == after_object and not owner:
                phrase = (first, b)
            if name == "abroad" and phrase is not None and a - phrase[0] > 3:
                continue  # "to bands, such as your email address and country of residence"
            if name == "user" and phrase is not None and self.audience(lemmas, start, phrase[0]):
                continue  # "services we use to market our app to you": whom an ad reaches
            if name == "user" and phrase is not None and _in_relative_clause(words, start, phrase[0]):
                continue  # "with the airline, which may market its fares to you": whom it reaches
            if name == "third-party" and named \
                    and (words[a - 1:a] == ["("] or words[a - 2:a] == ["(", "i.e."]):
                continue  # "our subsidiaries (entities that belong to our group)": what it restates
            if named and in_brackets_after(words, start, a, ends):
                # "our affiliates (Acme Insurance Agency; Acme Wealth Advisors)": the members named
                # of the class before the bracket, no class of their own
                continue
            if phrase is not None:
                named.append((phrase[0], a, name))
            ends[b] = name
            ends_of[a] = b
        # "community partners", "maker-community organisations": a class word right before another
        # one modifies it; the public receives nothing
        named = [(p, a, name) for p, a, name in named
                 if not (name == "public"
                         and any(a2 == ends_of.get(a) for _, a2, n2 in named if n2 != "public"))]
        # "companies, services and employees affiliated with us": a qualifier after a list of
        # nouns qualifies each of them
        qualifiers = [(p, a) for p, a, name in named if name == "affiliate" and words[a] == "affiliated"]
        named = [(p, a, name) for p, a, name in named
                 if not (name in {"third-party", "organisation"} and any(
                     p2 == p and a2 > a and all(words[k].isalpha() or words[k] in JOINERS
                                                for k in range(a, a2))
                     for p2, a2 in qualifiers))]
        # "third parties such as processors": the classes named after it; "group companies": the
        # class of the word before it
        out = [name for p, a, name in named
               if not (name == "third-party" and (ends.get(a, "third-party") != "third-party" or any(
                   p2 == p and a2 > a and n2 not in {"third-party", "user"}
                   # "third-party processors", "third-party AI providers": the class named
                   and (ends_of.get(a, a2) <= a2 <= ends_of.get(a, a2) + 2 and all(
                       words[k].isalpha() and words[k] not in COORDINATORS
                       for k in range(ends_of.get(a, a2), a2)) or any(
                       k0 < a2 for k0, _, _ in self.lex.recipient_keeps.find(lemmas, a, min(end, a2 + 4))))
                   for p2, a2, n2 in named)))]
        if not out and not named:
            # "passed to exhibitors": the verb's own "to" opens the phrase
            spans = phrases + [(first, end)]
            # a named kind of organisation is specific, not "third parties" in general
            unnamed = [(p, q) for p, q in spans if self.unnamed_organisation(words, lemmas, p, q)]
            # (the company's own group by its name: "among the hotels in the Harbourline group")
            out = (["affiliate"] if any(_inside_own_group(words, q, end) for _, q in unnamed)
                   else ["organisation"]) if unnamed else []
        elif any(self.unnamed_organisation(words, lemmas, p, q) for p, q in phrases
                 if not any(p <= a < q for _, a, _ in named)):
            # (and beside a class named in another phrase: "to our service providers, and to the
            # airlines in our partner programme")
            out.append("organisation")
        return list(dict.fromkeys(out))

    def stated_purposes(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int,
                        verb_end: int, recipient_subject: bool = False) -> list[str]:
        """The purpose classes of lemmas[start:end], less the recipients' own ends that a
        negation or a prohibition after the statement's verb (ending at `verb_end`) denies in its
        own clause: "we share it with vendors, who may not use it for their own purposes" names
        no end of theirs (the verb's own negation is the statement's polarity)."""
        found = [name for a, _, name in self.lex.purposes.find(lemmas, start, end)
                 if not (name in DENIABLE_PURPOSES and a > verb_end
                         and self._denied(words, lemmas, a, verb_end))]
        joint = end + (words[end:end + 1] == [","])
        if words[joint - 1] == "," and words[joint:joint + 1] == ["and"] \
                and words[joint + 1:joint + 2] and words[joint + 1] in THEY:
            # (the recipients' own clause after the statement's: "we hand your email to the
            # magazine, and they may email you about subscriptions")
            end = next((k for k in range(joint + 2, len(words)) if words[k] in {".", ";", ","}), len(words))
        if "own-use" not in found and self._reaching_with_offers(words, lemmas, verb_end, end,
                                                                 recipient_subject):
            found.append("own-use")
        return list(dict.fromkeys(found))

    def _reaching_with_offers(self, words: Sequence[str], lemmas: Sequence[str], start: int,
                              end: int, recipient_subject: bool) -> bool:
        """Whether someone else reaches the reader with offers after the verb: the recipient's
        own ends (not "so the courier can call you when it arrives"). Someone else is the subject
        of a "so (that)" clause ("so it can decide whether to send you a pre-approved card
        offer"), a relative pronoun after the recipient ("with insurers, who may contact you with
        offers") or, when the statement's subject is the recipient (`recipient_subject`), that
        subject's own next predicate ("Insurers receive your quote and may contact you with
        offers")."""
        for k in range(start, end - 2):
            if words[k] == "so" and words[k + 1] not in {"as", "far", "much", "long"}:
                subject = k + 2 if words[k + 1] == "that" else k + 1
                if subject >= end or words[subject] in {"we", "us", "you", "your", "our"}:
                    continue
                reach_end = min(subject + 14, end - 1)
            elif (words[k] in RELATIVE_SUBJECTS and not self._our_own(words, lemmas, start, k)) \
                    or (recipient_subject and words[k] == "and"):
                # (the pronoun is the subject: its verb follows, after a modal or an adverb)
                subject, reach_end = k, min(k + REACH_AFTER_SUBJECT, end - 1)
            elif words[k] == "and" and (words[k + 1] in THEY or words[k + 1] in {"these", "those"}):
                # "we hand your email to the magazine, and they may email you about offers", "...,
                # and these vendors may use them to send you news of their products"
                subject = k + 1 + (words[k + 1] in {"these", "those"})
                reach_end = min(subject + REACH_AFTER_SUBJECT, end - 1)
            else:
                continue
            # (whom they reach: the reader, or those the data is about, "tell students about
            # their courses"; after a verb of their own, "which may publish them and contact you")
            reach = next((j for j in range(subject + 1, reach_end)
                          if lemmas[j] in self.reaching
                          and words[j + 1] not in {"we", "us", "our", "it", "them"}), None)
            if reach is not None and lemmas[reach] in self.lex.reaching_selling \
                    and ("you" in words[reach + 1:reach + 4]
                         or words[reach + 1:reach + 2] in (["its"], ["their"])):
                # "who then markets directly to you", "which uses them to promote its lotteries"
                return True
            if reach is not None and any(
                    self.lex.names_offer(words, lemmas, reach, m)
                    or (words[m] in OWN_ENDS_OPENERS
                        and words[m + 1:m + 2] in (["their"], ["its"], ["other"]))
                    for m in range(reach + 2, min(reach + 8, end))):
                return True
        return False

    def _our_own(self, words: Sequence[str], lemmas: Sequence[str], start: int, k: int) -> bool:
        """Whether the phrase a relative pronoun at `k` follows is the company's own ("with our
        sales team, who may call you with offers": its own staff; the verb's own "to" too: "goes to
        our own sales team, who ..."), not others it calls its own ("our vendors, who ...")."""
        opening = next((j for j in range(k - 1, max(start - 1, k - 8, 0) - 1, -1)
                        if words[j] in {"with", "to"}), None)
        return opening is not None and words[opening + 1:opening + 2] == ["our"] \
            and not self.lex.recipients.find(lemmas, opening + 2, k)

    def _denied(self, words: Sequence[str], lemmas: Sequence[str], a: int, verb_end: int) -> bool:
        """Whether a negation or a barring verb ("who are prohibited from using it") stands before
        lemmas[a] in its clause, after the verb."""
        for k in range(a - 1, max(verb_end, a - PURPOSE_DENIAL_REACH) - 1, -1):
            if words[k] in CLAUSE_BREAKS:
                return False
            if lemmas[k] in BARRING or self.lex.negations.match_at(lemmas, k, a):
                return True
        return False

    def illustrated_third_parties(self, words: Sequence[str], lemmas: Sequence[str], start: int,
                                  end: int) -> bool:
        """Whether "third parties" is followed by examples of them ("third parties, including
        insurers", "third parties such as advertisers"), which `classes` names instead of it."""
        def opens_examples(k: int) -> bool:
            return k < len(words) and words[k] in EXAMPLE_OPENERS

        return any(name == "third-party" and (opens_examples(b) or words[b:b + 1] == [","]
                                              and opens_examples(b + 1))
                   for a, b, name in self.lex.recipients.find(lemmas, start, end))

    def audience(self, lemmas: Sequence[str], start: int, p: int) -> bool:
        """Whether the phrase at `p` follows a promoting verb of the clause's own words ("to
        market our products to you", "partners who advertise to you"): whom the promotion
        reaches, not who receives the data."""
        return any(lemmas[k] in self.lex.audience for k in range(max(start, p - AUDIENCE_REACH), p))

    def acting_for_company(self, lemmas: Sequence[str], recipients: list[str], purposes: list[str],
                           lo: int, verb_end: int, end: int, fronted: int = 0) -> tuple[list[str], list[str]]:
        """The recipients and purposes once a recipient said to act for the company ("vendors
        who work on our behalf", "companies we hire") is a service provider; an unnamed one given
        data to run the service ("third parties as needed to deliver your order", or a purpose
        fronted before the sentence's comma at `fronted`: "To run the platform, we share ...")
        acts for it too, a named partner does not. A marketing purpose keeps a service purpose from
        converting ("to provide you with offers that may interest you"), and one who helps us
        advertise is an advertiser."""
        # (not "for us to do so": whom an infinitive's act is for, "consented for us to do so")
        # (nor for us and others: "companies that help us and other websites measure audiences")
        acting = [m for m in self.lex.acting_for_us.find(lemmas, lo, end)
                  if not (lemmas[m[0]] == "for" and lemmas[m[1]:m[1] + 1] == ["to"])
                  and not (lemmas[m[1] - 1] in {"we", "us"} and lemmas[m[1]:m[1] + 1] == ["and"]
                           and lemmas[m[1] + 1:m[1] + 2] in (["other"], ["others"], ["many"], ["third"]))]
        serving = (acting and OWN_ENDS.isdisjoint(purposes)) or (
            (self.lex.for_our_service.find(lemmas, verb_end, end)
             or (fronted and self.lex.for_our_service.find(lemmas, 0, fronted)))
            and OWN_PURPOSES.isdisjoint(purposes))
        # (a kind of organisation said to act for us acts for us: "companies that provide
        # services on our behalf, such as repair shops")
        # (and an unnamed kind of organisation given data to run the service: "with airlines
        # and hotels to complete your booking")
        generic = ACTING_RECIPIENTS if acting else {"third-party", "organisation"}
        # (one who helps us advertise is an advertiser, as a marketing vendor is: "companies
        # that help us with marketing and advertising")
        promoting = any(c in PROMOTING_PURPOSES for m in acting for _, _, c in
                        self.lex.purposes.find(lemmas, m[1], min(m[1] + PROMOTION_REACH, end)))
        if promoting and any(r in generic for r in recipients):
            return list(dict.fromkeys([r for r in recipients if r not in generic] + ["advertiser"])), purposes
        if serving and any(r in generic for r in recipients):
            # (third parties named as "other" after those acting for us are not among them: "to
            # companies that market for us on our behalf, and to other third parties")
            others = ["third-party"] if acting and any(
                c == "third-party" and lemmas[a - 1] == "other"
                for a, _, c in self.lex.recipients.find(lemmas, acting[-1][1], end)) else []
            recipients = list(dict.fromkeys(
                [r for r in recipients if r not in generic] + ["service-provider"] + others))
        if serving:
            purposes = purposes + ["service"]
        return recipients, purposes

    def unnamed_organisation(self, words: Sequence[str], lemmas: Sequence[str], p: int, q: int,
                             opened: bool = False, grantee: bool = False, one: bool = False) -> bool:
        """Whether the phrase words[p:q], opened by "to", "with" or "among" (or, `opened`, a
        subject), is headed by a plural noun of no known class that is not a thing or a place
        ("passed to exhibitors", "licensed to music labels", "mailing houses may buy it"); a
        `grantee` is someone ("permit selected travel companies to contact you"); with `one`, a
        singular noun after a determiner is one too ("the project developer receives your name
        and may tell you about its projects": the caller knows it has ends of its own)."""
        q = min(q, len(words))
        if p >= q or not opened and (p == 0 or words[p - 1] not in {"to", "with", "among"}):
            return False
        j = past_object_skip(words, p, q)
        modifier = j + 1 < q and words[j + 1] != lemmas[j + 1] and lemmas[j + 1].endswith(_AGENT_ENDINGS)
        if p and words[p - 1] == "to" and j < q and words[j] == lemmas[j] and words[j] in self.verb_lemmas \
                and not modifier:
            # "to develop strategic partnerships": an infinitive, not a recipient (but "to wine
            # merchants": a verb's form before a plural noun of people or firms is its modifier)
            return False
        head = None
        # (the head ends where another phrase opens: "to insurance agencies with which we work")
        # (and at a participle after it: "the garden centres listed in our catalogue")
        while j < q and words[j].isalpha() and words[j] not in OBJECT_SKIP \
                and not self.lex.recipient_ends.match_at(lemmas, j, q) \
                and not (j > p and self.lex.recipient_opens.match_at(lemmas, j, q)) \
                and not (head is not None and words[j].endswith("ed") and len(words[j]) > 4):
            head = j
            j += 1
        if head is None or head > p and _ours(words, p):
            return False
        word, lem = words[head], lemmas[head]
        # ("services we use to market our app": a thing said to act for us is an organisation)
        acting = any(self.lex.acting_for_us.match_at(lemmas, k, len(lemmas))
                     for k in range(head + 1, min(head + 3, len(lemmas))))
        # (a word the lemma table does not know is read as a plural only after a determiner: "to
        # the sportsbooks", not a name, "to GQueues")
        plural = word.endswith("s") and not word.endswith("ss") \
            and (lem != word or _unknown_plural(word) and not _PLURAL_MARKERS.isdisjoint(words[p:head]))
        one_named = one and word == lem and not word.endswith(("ing", "s")) and words[p] in _ONE_MARKERS
        return (plural or one_named) \
            and lem not in self.lex.not_recipients \
            and (acting or lem not in self.lex.not_data_objects
                 or grantee and lem in {"company", "business", "firm", "organisation", "organization"}) \
            and lem not in self.data_nouns and not self.lex.data.find(lemmas, head, head + 1) \
            and not self.lex.purposes.find(lemmas, p, q) and not self.lex.condition_classes.find(lemmas, p, q)

    def one_organisation(self, words: Sequence[str], lemmas: Sequence[str], p: int, q: int) -> bool:
        """Whether the phrase words[p:q] after "to" or "with" names one organisation of no known
        class: a singular noun after a determiner ("to the regional league") or a word the lemma
        table does not know before a relative clause of its own ("to LottoWorks, which ..."). The
        caller knows the clause names ends of the recipient's own."""
        if self.unnamed_organisation(words, lemmas, p, q, one=True):
            return True
        return p < q and p + 2 < len(words) and words[p].isalpha() and words[p] not in lemma_table() \
            and words[p + 1] == "," and words[p + 2] in {"which", "who"} \
            and not self.lex.data.find(lemmas, p, p + 1) and not self.lex.purposes.find(lemmas, p, p + 1)

    def to_the_company(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int) -> bool:
        """Whether a recipient phrase names the company: "share with us", "shared to us"."""
        # (not "the information provided to us": a participle's phrase describes the data)
        # (and our own machines: "never uploaded to our servers")
        return any((words[b:b + 1] == ["us"] or (words[b:b + 1] == ["our"] and b + 1 < end
                                                  and lemmas[b + 1] in {"server", "system", "database"}))
                   and not (b - 2 >= start and is_participle(words[b - 2], lemmas[b - 2]))
                   for b, _ in self.phrases(words, lemmas, start, end))

    def phrases(self, words: Sequence[str], lemmas: Sequence[str], start: int,
                end: int) -> list[tuple[int, int]]:
        """The spans of the phrases that name to whom: each runs from a word that opens one to
        the first word that ends it (a relative pronoun, a verb's auxiliary, a purpose's "for",
        a gerund), over lists, "of" and a colon."""
        lex = self.lex
        spans: list[tuple[int, int]] = []
        for _, b, _ in lex.recipient_opens.find(lemmas, start, end):
            if b < end and words[b] not in PRONOUNS and lex.infinitives.match_at(words, b, end):
                continue  # "to prevent unauthorised third parties": an infinitive, not a recipient
            k = b + 1  # the first word is always part of it: "to you"
            while k < end and k - b < 40 and words[k] not in {".", ";"}:
                kept = lex.recipient_keeps.match_at(lemmas, k, end)
                if kept:
                    k = kept[0]
                    continue
                if words[k] in {"'s", "’s"} and words[k - 1] not in PRONOUNS:
                    k += 1  # a possessive, not "is" or "has": "to the draw's sponsor"
                    continue
                # (an -ing word before a recipient noun modifies it: "our dating partners", "the
                # landscaping and fencing firms")
                if lex.recipient_ends.match_at(lemmas, k, end) or (
                        words[k].endswith("ing") and not lex.recipients.match_at(lemmas, k, end)
                        and words[k - 1] not in DETERMINERS  # ("to the training colleges": a modifier)
                        and not any(j < end and lex.recipients.match_at(lemmas, j, end)
                                    # (past a hyphened pair after the "and": "the coaching and
                                    # singles-events companies")
                                    for j in (range(k + 1, k + 6) if words[k + 1:k + 2] in (["and"], ["or"])
                                              else (k + 1,)))):
                    break
                k += 1
            spans.append((b, k))
        return spans
