"""The slot vocabularies of `data/lexicon.yaml`, as phrase tables over lemmas.

A phrase table finds, in a run of lemmas, the phrases of each class: longest first, so "service
provider" is a service provider and not a provider of something else. Lexicons are data: this
module only reads them and knows no word of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress, count
from typing import Any

from policylens.polarity import load_cues
from policylens.statements.lemmas import lemma
from policylens.yamlmarks import safe_load

Phrase = tuple[str, ...]


def as_phrase(text: str, lemmatize: bool = True) -> Phrase:
    """A lexicon entry as lemmas: "sold to" -> ("sell", "to"); "third-party" -> third, -, party.
    With `lemmatize` off, the words as written (split the same way)."""
    if not lemmatize:
        return tuple(w for part in str(text).lower().split()
                     for w in (part.replace("-", " - ").split() if part != "-" else [part]))
    words: list[str] = []
    for part in str(text).lower().split():
        if "-" in part and part.strip("-") and part != "-":
            pieces = part.split("-")
            for k, piece in enumerate(pieces):
                if k:
                    words.append("-")
                if piece:
                    words.append(lemma(piece))
        else:
            words.append(lemma(part))
    return tuple(words)


# the class of phrases that hold a class word but name no class: found, so that their words are
# taken, and never returned ("as permitted by law" holds "law" but is no legal obligation)
NO_CLASS = "none"


# how many phrases a first lemma opens before they are also sorted by their second lemma
SECOND_INDEX_OPTIONS = 16


class PhraseTable:
    """Phrases of named classes, found by their first lemma; longest match first. Phrases of
    the class `none` (NO_CLASS) take their words from shorter phrases and are never returned."""

    def __init__(self, classes: Mapping[str, Iterable[str]]) -> None:
        self.by_first: dict[str, list[tuple[Phrase, str]]] = {}
        self.classes = tuple(classes)
        for name, entries in classes.items():
            for entry in entries:
                # the lookup table sends some base forms elsewhere ("broker" -> "broke", "us" ->
                # "we"): an entry matches text lemmas in its lemma form or as written
                for phrase in dict.fromkeys((as_phrase(entry), as_phrase(entry, lemmatize=False))):
                    if phrase:
                        self.by_first.setdefault(phrase[0], []).append((phrase, name))
        for options in self.by_first.values():
            options.sort(key=lambda p: -len(p[0]))  # longest first; stable: file order on ties
        # the same, with each phrase's length worked out once (the statement reader asks
        # hundreds of thousands of times per megabyte of text)
        self.sized: dict[str, tuple[tuple[int, Phrase, str], ...]] = {
            first: tuple((len(p), p, name) for p, name in options)
            for first, options in self.by_first.items()}
        # a first lemma that opens many phrases ("the" of "the clinic be sell", ...) has them
        # sorted by their second lemma too, so a word opens only the few its next word may go on
        # with (each list keeps longest first, the one-word phrase last)
        self.by_second: dict[str, tuple[dict[str, tuple[tuple[int, Phrase, str], ...]],
                                        tuple[tuple[int, Phrase, str], ...]]] = {}
        for first, sized in self.sized.items():
            if len(sized) > SECOND_INDEX_OPTIONS:
                singles = tuple(o for o in sized if o[0] == 1)
                seconds: dict[str, list[tuple[int, Phrase, str]]] = {}
                for option in sized:
                    if option[0] > 1:
                        seconds.setdefault(option[1][1], []).append(option)
                self.by_second[first] = ({k: tuple(v) + singles for k, v in seconds.items()}, singles)


    def match_at(self, lemmas: Sequence[str], i: int, end: int) -> tuple[int, str] | None:
        """The longest phrase starting at lemmas[i] (ending by `end`): (its end, its class)."""
        options = self.sized.get(lemmas[i], ())
        if len(options) > SECOND_INDEX_OPTIONS:
            options = self._narrowed(lemmas, i, min(end, len(lemmas)))
        for size, phrase, name in options:
            stop = i + size
            # a one-word phrase is its first lemma, the key it was found by: no slice to compare
            if stop <= end and (size == 1 or tuple(lemmas[i:stop]) == phrase):
                return stop, name
        return None

    def _narrowed(self, lemmas: Sequence[str], i: int, limit: int) -> tuple[tuple[int, Phrase, str], ...]:
        """The phrases of a first lemma that opens many, less those whose second lemma is not the
        word after it (one-word phrases only, at `limit`)."""
        seconds, singles = self.by_second[lemmas[i]]
        return seconds.get(lemmas[i + 1], singles) if i + 1 < limit else singles

    def find(self, lemmas: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, class) matches in lemmas[start:end] (start >= 0), left
        to right."""
        sized = self.sized
        window = lemmas[start:end]
        if start >= end or sized.keys().isdisjoint(window):
            return []  # most stretches hold no first lemma: one scan at C speed
        out: list[tuple[int, int, str]] = []
        i = start  # where the next match may start: a match is never overlapped
        limit = min(end, len(lemmas))
        # (the positions holding a first lemma, found at C speed)
        for k in compress(count(start), map(sized.__contains__, window)):
            if k < i:
                continue
            options = sized[lemmas[k]]
            if len(options) > SECOND_INDEX_OPTIONS:
                options = self._narrowed(lemmas, k, limit)
            for size, phrase, name in options:
                if size == 1:  # its first lemma, the key it was found by
                    if name != NO_CLASS:
                        out.append((k, k + 1, name))
                    i = k + 1
                    break
                stop = k + size
                # the second lemma compared before a slice of them all is made
                if stop <= limit and lemmas[k + 1] == phrase[1] and tuple(lemmas[k:stop]) == phrase:
                    if name != NO_CLASS:
                        out.append((k, stop, name))
                    i = stop
                    break
        return out

    def classes_in(self, lemmas: Sequence[str], start: int, end: int) -> list[str]:
        """The classes found in lemmas[start:end], in order of first appearance, each once."""
        return list(dict.fromkeys(c for _, _, c in self.find(lemmas, start, end)))

    def words(self) -> set[str]:
        """Every lemma that can start a phrase."""
        return set(self.by_first)

    def single_words(self, name: str) -> frozenset[str]:
        """The one-word entries of a class (the nouns of `data: personal`, say)."""
        return frozenset(p[0] for options in self.by_first.values() for p, c in options
                         if c == name and len(p) == 1)


@dataclass(frozen=True)
class Lexicon:
    """Every slot vocabulary, ready to match."""

    action_words: PhraseTable  # verbs and verb phrases -> action class
    action_nouns: PhraseTable  # nouns standing for the act -> action class
    not_data_objects: frozenset[str]
    about_topics: frozenset[str]  # "information about our processing activities": a topic
    traded_objects: PhraseTable  # objects that make a verb of `traded_by` a sale
    traded_by: frozenset[str]
    not_verbs: PhraseTable  # "revenue share": an action word inside a noun
    happens: PhraseTable  # "takes place": an act-noun's predicate
    needs_data: frozenset[str]  # general verbs that give data only with a data object
    moving: frozenset[str]  # verbs whose subject is the data that moves ("your details go to")
    granted_sale: frozenset[str]  # granted verbs that make the grant a sale ("buy")
    granted_reaching: frozenset[str]  # granted verbs of reaching the reader ("contact")
    reaching_offers: frozenset[str]  # what reaching the reader brings that is the reacher's own
    reaching_selling: frozenset[str]  # verbs of reaching the reader that are offers themselves
    grants: frozenset[str]  # "allow": with a granted verb after, the act of sharing
    granted: frozenset[str]  # "use", "access"
    compounds: frozenset[str]
    data: PhraseTable
    actors: PhraseTable
    recipients: PhraseTable
    recipient_opens: PhraseTable  # words that open a phrase naming to whom
    recipient_ends: PhraseTable  # words that end it
    infinitives: PhraseTable  # verbs after "to" that make it an infinitive, no recipient
    recipient_keeps: PhraseTable  # words inside it that hold an end word ("such as")
    not_recipients: frozenset[str]  # plural nouns after "to" that are things, not organisations
    audience: frozenset[str]  # promoting verbs: "to market our app to you" names no recipient
    acting_for_us: PhraseTable
    for_our_service: PhraseTable
    purposes: PhraseTable
    condition_classes: PhraseTable
    condition_opens: PhraseTable
    not_deals: PhraseTable  # "user acquisition": a deal word naming no deal
    deal_references: PhraseTable  # "the transaction": a deal only where one was named before
    back_references: PhraseTable
    illustrations: PhraseTable  # "here are the most common examples": an open list
    partner_kinds: tuple[str, ...]  # "marketing", "sponsor": partners of a kind (the sharing verdict)
    bridges: PhraseTable
    negations: PhraseTable
    hedges: PhraseTable
    embedding: PhraseTable
    asserting: PhraseTable  # phrases with an embedding word that assert ("we want you to know")
    describes: PhraseTable
    minors: PhraseTable
    rights: PhraseTable
    only: PhraseTable
    exceptions: PhraseTable
    restrictions: PhraseTable
    preferences: PhraseTable
    guarding: frozenset[str]  # "we protect transfers with ...": a safeguard of the act, no act
    asking_consent: PhraseTable  # "we will ask for your permission first": the act only with consent
    opting_out: PhraseTable  # "ask us not to": the reader's opt-out
    not_conditions: PhraseTable
    withdrawals: PhraseTable  # "if you no longer wish ...": an opt-out that withdraws consent
    past: PhraseTable  # "until 2022": a clause dated in the past (cues.yaml's `past`)
    blanket_consent: PhraseTable  # "by using the site you agree": no consent to a practice
    reporting_verbs: PhraseTable
    deemed: PhraseTable
    plain_sense: PhraseTable  # "in the conventional sense": a denial that concedes the law's sense
    receiving: PhraseTable  # verbs whose subject receives ("partners receive") -> action class
    receiving_nobody: PhraseTable  # "no one", "nobody": a subject that names no one
    access_restricted: PhraseTable  # "access to X is restricted to": a closed list of recipients
    receiving_kept: PhraseTable  # "stays within our company": given to no one
    receiving_internal: PhraseTable  # "for internal use only": given to no one, no one named
    receiving_kept_by_none: PhraseTable  # "nothing ... leaves our office": after such a subject
    receiving_left_only: PhraseTable  # "leaves our platform only when ...": a closed list
    kept_in: frozenset[str]  # where the company keeps data: "never leaves our office"
    receiving_agent_only: frozenset[str]  # "seen by": read only in the passive
    receiving_closed_only: frozenset[str]  # "used only by": only in the passive, with "only"
    receiving_elsewhere: PhraseTable  # data reaching the subject from elsewhere, or kept from it
    places: frozenset[str]  # "stays inside Europe": a place, not the company's name
    removing: PhraseTable  # "after removing ...": with an identifying word near, de-identified data
    identifying: frozenset[str]
    withheld: frozenset[str]  # "but the reports shall not include information which may identify you"
    tracking_tools: frozenset[str]  # "these web beacons allow our partners to obtain ...": theirs
    ad_platforms: PhraseTable  # "upload hashed emails to Meta and Google" for ads: advertisers

    def exceptions_in(self, words: Sequence[str], lemmas: Sequence[str], lo: int,
                      hi: int) -> list[tuple[int, int, str]]:
        """The words that open a denial's exceptions in words[lo:hi]: uninflected ("save our
        processors", not the participle "their saved words", whose lemma is the same)."""
        return [(a, b, c) for a, b, c in self.exceptions.find(lemmas, lo, hi)
                if not (b - a == 1 and words[a] != lemmas[a] and words[a].endswith(("ed", "es")))]

    def names_offer(self, words: Sequence[str], lemmas: Sequence[str], reach: int, m: int) -> bool:
        """Whether word m, after the verb at `reach` by which someone reaches the reader, names
        what they bring ("offers", "a quote", "news"), not the company's own ("sending you our
        newsletter")."""
        return lemmas[m] in self.reaching_offers and "our" not in words[reach + 1:m]

    def trigger_lemmas(self) -> set[str]:
        """Lemmas a sentence must hold (one of) for an action to be found in it."""
        return self.action_words.words() | self.action_nouns.words()

    def receiving_lemmas(self) -> set[str]:
        """Lemmas a sentence must hold (one of) for a receiving verb to be found in it: each
        phrase's words but its auxiliaries ("have access to": "access")."""
        return {w for table in (self.receiving, self.receiving_kept, self.receiving_internal,
                                 self.receiving_kept_by_none, self.receiving_left_only)
                for options in table.by_first.values() for phrase, _ in options
                for w in phrase} - {"be", "have", "gain", "to", "with", "within", "inside", "by", "not",
                                    "never", "for", "only", "solely", "exclusively", "our", "between", "in",
                                    "on", "us", "a", "an", "the", "it", "them", "of", "any"}


def _table(entries: Iterable[str], name: str = "x") -> PhraseTable:
    return PhraseTable({name: list(entries)})


def _with_kinds(conditions: Mapping[str, Any]) -> dict[str, list[str]]:
    """The condition classes, each phrase of `<name>_phrases` made once for each word of
    `<name>_kinds` and added to the class `kinds_of` names ("buy our KIND" -> "buy our clinic",
    "buy our magazine", ... in business-transfer; "KIND you choose" -> "partner you choose", ...
    in direction)."""
    classes = {name: list(entries) for name, entries in conditions["classes"].items()}
    for name, target in conditions["kinds_of"].items():
        classes[target] += [phrase.replace("KIND", kind) for phrase in conditions[f"{name}_phrases"]
                            for kind in conditions[f"{name}_kinds"]]
    return classes


def lexicon_text() -> str:
    return resources.files("policylens.data").joinpath("lexicon.yaml").read_text("utf-8")


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The first word of each phrase: a verb of more words is known by it ("write to")."""
    return frozenset(p.split()[0] for p in phrases)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read data/lexicon.yaml once per process."""
    raw = safe_load(lexicon_text())
    actions = raw["actions"]
    verbs = {name: list(spec.get("words", [])) + list(spec.get("phrases", []))
             for name, spec in actions.items() if isinstance(spec, dict)}
    nouns = {name: list(spec.get("nouns", [])) for name, spec in actions.items()
             if isinstance(spec, dict)}
    data = {name: list(spec.get("words", [])) + list(spec.get("phrases", []))
            for name, spec in raw["data"].items()}
    return Lexicon(
        action_words=PhraseTable(verbs),
        action_nouns=PhraseTable(nouns),
        not_data_objects=frozenset(lemma(w) for w in actions["not_data_objects"]),
        about_topics=frozenset(lemma(w) for w in actions["about_topics"])
        | frozenset(lemma(w) for w in actions["not_data_objects"]),
        traded_objects=_table(actions["sale"].get("traded_objects", [])),
        traded_by=frozenset(lemma(w) for w in actions["sale"].get("traded_by", [])),
        not_verbs=_table(actions.get("not_verbs", [])),
        happens=_table(actions.get("happens", [])),
        needs_data=frozenset(lemma(w) for w in actions.get("needs_data", [])),
        moving=frozenset(lemma(w) for w in actions["share"].get("moving", [])),
        granted_sale=frozenset(lemma(w) for w in actions["sale"].get("granted", [])),
        granted_reaching=frozenset(lemma(w) for w in actions["share"].get("reaching", [])),
        reaching_offers=frozenset(lemma(w) for w in actions["share"].get("reaching_offers", [])),
        reaching_selling=frozenset(lemma(w) for w in actions["share"].get("reaching_selling", [])),
        grants=frozenset(lemma(w) for w in actions["share"].get("grants", [])),
        granted=frozenset(lemma(w) for w in actions["share"].get("granted", [])
                          + actions["share"].get("reaching", [])),
        compounds=frozenset(str(w) for w in actions["compounds"]),
        data=PhraseTable(data),
        actors=PhraseTable(raw["actors"]),
        recipients=PhraseTable(raw["recipients"]),
        recipient_opens=_table(raw["recipient_phrases"]["opens"]),
        recipient_ends=_table(raw["recipient_phrases"]["ends"]),
        # (whoever buys the business, "a company that buys our studio", keeps its phrase open)
        recipient_keeps=_table(raw["recipient_phrases"]["keeps"] + [
            entry for entry in raw["recipients"]["successor"]
            if entry.split()[0] in {"that", "who", "which"}]),
        not_recipients=frozenset(lemma(w) for w in raw["recipient_phrases"]["not_recipients"]),
        infinitives=_table(raw["recipient_phrases"]["infinitives"]),
        audience=frozenset(lemma(w) for w in raw["recipient_phrases"]["audience"]),
        acting_for_us=_table(raw["acting_for_us"]),
        for_our_service=_table(raw["for_our_service"]),
        purposes=PhraseTable(raw["purposes"]),
        condition_classes=PhraseTable(_with_kinds(raw["conditions"])),
        condition_opens=_table(raw["conditions"]["opens"]),
        not_deals=_table(raw["conditions"]["not_deals"]),
        deal_references=_table(raw["conditions"]["deal_references"]),
        back_references=_table(raw["back_references"]),
        illustrations=_table(raw["illustrations"]),
        partner_kinds=tuple(str(w) for w in raw["partner_kinds"]),
        bridges=_table(raw["bridges"]),
        negations=_table(raw["negations"]),
        hedges=_table(raw["hedges"]),
        embedding=_table(raw["embedding"]),
        asserting=_table(raw["asserting"]),
        describes=_table(raw["describes"]),
        minors=_table(raw["minors"]),
        rights=_table(raw["rights"]),
        only=_table(raw["only"]),
        exceptions=_table(raw["exceptions"]),
        restrictions=_table(raw["restrictions"]),
        preferences=_table(raw["preferences"]),
        guarding=frozenset(lemma(w) for w in raw["guarding"]),
        asking_consent=_table(raw["asking_consent"]),
        opting_out=_table(raw["opting_out"]),
        not_conditions=_table(raw["not_conditions"]),
        withdrawals=_table(raw["withdrawals"]),
        past=_table(str(p) for p in load_cues()["past"]),  # type: ignore[attr-defined]
        blanket_consent=_table(raw["blanket_consent"]),
        reporting_verbs=_table(raw["reporting_verbs"]),
        deemed=_table(raw["deemed"]),
        plain_sense=_table(raw["plain_sense"]),
        receiving=PhraseTable({name: raw["receiving"][name] for name in ("share", "sale")}),
        receiving_nobody=_table(raw["receiving"]["nobody"]),
        access_restricted=_table(raw["receiving"]["restricted"]),
        receiving_kept=_table(raw["receiving"]["kept"]),
        receiving_internal=_table(raw["receiving"]["internal"]),
        receiving_kept_by_none=_table(raw["receiving"]["kept_by_none"]),
        receiving_left_only=_table(raw["receiving"]["left_only"]),
        kept_in=frozenset(lemma(w) for w in raw["receiving"]["kept_in"]),
        receiving_agent_only=frozenset(lemma(w) for w in raw["receiving"]["agent_only"]),
        receiving_closed_only=frozenset(lemma(w) for w in raw["receiving"]["closed_only"]),
        receiving_elsewhere=_table(raw["receiving"]["elsewhere"]),
        places=frozenset(str(w) for w in raw["receiving"]["places"]),
        removing=_table(raw["deidentified"]["removing"]),
        identifying=frozenset(lemma(w) for w in raw["deidentified"]["identifying"]),
        withheld=frozenset(lemma(w) for w in raw["deidentified"]["withheld"]),
        tracking_tools=frozenset(str(w) for w in raw["tracking_tools"]),
        ad_platforms=_table(raw["ad_platforms"]),
    )
