"""Statements: who gives which data to whom, under which condition; and what they decide.

Every sentence here is written for these tests (not taken from a policy), one class of wording each.
"""

from __future__ import annotations

import json

import pytest
import yaml

from policylens.explain import near_misses
from policylens.models import Slots
from policylens.statements import StatementReader
from policylens.statements.lexicon import lexicon_text, load_lexicon
from policylens.verdicts.flows import (
    ALLOWED_RECIPIENTS,
    OPEN_RECIPIENTS,
    data_sale,
    merger_transfer,
    third_party_sharing,
)


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="module")
def reader() -> StatementReader:
    return StatementReader()


@pytest.fixture(scope="module")
def read(nlp, reader):
    def run(sentence: str) -> list[tuple[str, str, Slots]]:
        words = [t.lower_ for t in nlp.make_doc(sentence)]
        return [(" ".join(words[e.start:e.end]), e.polarity, e.slots) for e in reader.read(words)]

    return run


def one(read, sentence: str, action: str = "share") -> tuple[str, Slots]:
    found = [(p, s) for _, p, s in read(sentence) if s.action == action]
    assert len(found) == 1, found
    return found[0]


# -- the lexicon is data, and the decision functions name only its classes ---------------------

def test_every_lexicon_entry_is_text() -> None:
    # a bare `no`, `on` or `yes` in a YAML list is a boolean: "no" was silently no negation
    def entries(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from entries(value)
        elif isinstance(node, list):
            yield from node
    assert [e for e in entries(yaml.safe_load(lexicon_text())) if not isinstance(e, str)] == []


def test_every_recipient_class_a_decision_names_is_in_the_lexicon() -> None:
    classes = set(yaml.safe_load(lexicon_text())["recipients"])
    assert (ALLOWED_RECIPIENTS | OPEN_RECIPIENTS) <= classes


def test_a_lexicon_word_is_named_once_and_finds_every_inflection(read) -> None:
    # `rent` is listed once; rents, rented and renting are found through the lemma table
    assert "rent" in yaml.safe_load(lexicon_text())["actions"]["sale"]["words"]
    for sentence in ("The club rents its member list to sponsors.",
                     "Our member list was rented to sponsors.",
                     "We stopped renting our member list to sponsors in 2019."):
        assert [s.action for _, _, s in read(sentence)] == ["sale"], sentence


# -- recipients, actors, data ---------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "recipient"), [
    ("We may pass your phone number to companies that carry out deliveries on our behalf.",
     "service-provider"),
    ("We may pass your profile to members of our corporate family.", "affiliate"),
    ("We hand records to the police when a court orders us to.", "authority"),
    # letting a party have data gives it to them (a grant and what it grants)
    ("We let advertising networks have your e-mail address.", "advertiser"),
    ("We provide your e-mail address to advertising networks.", "advertiser"),
    ("We provide customer lists to list brokers.", "data-broker"),
    # a verb of moving whose subject is the data reads as a passive; someone going is no flow
    ("Your details may go to a purchaser of our shop.", "successor"),
    ("If you go to a partner's shop, show your membership card.", None),
    ("Your details may be transferred to a purchaser of our shop.", "successor"),
    # the company's group by its name; an adjective the lemma table lacks is no name
    ("We share your profile with other Zentra entities that host our servers.", "affiliate"),
    ("Other Brightwave companies may access your account data to help with billing.", "affiliate"),
    ("We may pass your booking history to other reputable companies.", "third-party"),
    # a name in apposition takes the class before it; a class word modifying the head names no one
    ("Our official kit partner, Stridewell, receives the names of season-ticket holders.",
     "marketing-partner"),
])
def test_recipient_classes(read, sentence: str, recipient: str | None) -> None:
    found = [s for _, _, s in read(sentence)]
    if recipient is None:
        assert all(not s.recipients for s in found)
    else:
        assert any(recipient in s.recipients for s in found), found


@pytest.mark.parametrize(("sentence", "actor"), [
    ("We never rent your address to anyone.", "company"),
    ("Sellers on the marketplace may share your address with their couriers.", "third-party"),
    ("You may share your reading list with your friends.", "user"),
])
def test_actor_is_the_subject(read, sentence: str, actor: str) -> None:
    assert [s.actor for _, _, s in read(sentence)][:1] == [actor]


def test_aggregate_data_is_no_personal_data(read) -> None:
    _, slots = one(read, "We share anonymised counts of page visits with sponsors.")
    assert slots.data == "aggregate"
    assert third_party_sharing("affirmed", slots) is not None
    assert third_party_sharing("affirmed", slots).value is None  # type: ignore[union-attr]


# -- government: which verb a negation belongs to -----------------------------------------

@pytest.mark.parametrize(("sentence", "polarity"), [
    ("We will not sell, lease or otherwise hand over your contact details to outside firms.",
     "negated"),
    ("Your phone number is never sold.", "negated"),
    ("At no time will we rent your postal address to anybody.", "negated"),
    ("We do not, and will not, trade your data.", "negated"),
    ("We may sell your postal address to other retailers.", "hedged"),
])
def test_negation_and_hedge_govern_the_verb(read, sentence: str, polarity: str) -> None:
    assert {p for _, p, s in read(sentence) if s.action == "sale"} == {polarity}


def test_a_negation_of_another_verb_does_not_deny(read) -> None:
    """'not ... knowledge that we sell' denies knowing, not selling: no practice at all."""
    _, slots = one(read, "We do not have actual knowledge that we sell data of children.", "sale")
    assert slots.scope == "embedded"
    assert data_sale("affirmed", slots).value is None  # type: ignore[union-attr]


def test_two_clauses_make_two_statements(read) -> None:
    found = read("We never sell your data, but we may share it with our sponsors.")
    assert [(s.action, p) for _, p, s in found] == [("sale", "negated"), ("share", "hedged")]


def test_exceptions_after_a_denial(read) -> None:
    polarity, slots = one(read, "We do not disclose your data to third parties, except to firms "
                                "that process payments for us or when the law requires it.")
    assert polarity == "negated"
    assert {"service-provider", "legal"} <= set(slots.exceptions)
    assert third_party_sharing(polarity, slots).value == "no"  # type: ignore[union-attr]


def test_a_denial_whose_exception_is_a_partner_programme_is_sharing(read) -> None:
    polarity, slots = one(read, "We do not disclose your data to outside firms, except to the "
                                "sponsors of our prize draws.")
    assert third_party_sharing(polarity, slots).value == "yes"  # type: ignore[union-attr]


@pytest.mark.parametrize(("sentence", "value"), [
    ("We do not sell your details, except to our marketing partners.", "yes"),
    ("Unless you opt in to hear from our partners, we will not sell your details to other firms.", "no"),
    ("We do not sell your details to marketing partners, except with your consent.", "no"),
])
def test_a_marketing_exception_under_consent_keeps_the_denial(read, sentence: str, value: str) -> None:
    """LABELS.md: a denial whose only exception is consent is `no`, even when it names marketers."""
    polarity, slots = one(read, sentence, "sale")
    assert data_sale(polarity, slots).value == value  # type: ignore[union-attr]


@pytest.mark.parametrize(("sentence", "read_as_sale"), [
    ("By posting a review you give us a perpetual, worldwide licence to publish it.", False),
    ("We have a partnership with a broker and license your purchase history to it.", True),
])
def test_a_licence_granted_is_no_sale_but_the_verb_is(read, sentence: str, read_as_sale: bool) -> None:
    assert any(s.action == "sale" for _, _, s in read(sentence)) == read_as_sale


@pytest.mark.parametrize(("text", "practice", "value"), [
    ("Shared with advertising partners: Yes\n", "third-party-sharing", "yes"),
    ("Sold to third parties: No\n", "data-sale", "no"),
    ("Categories of personal information sold in the past 12 months: identifiers, inferences\n",
     "data-sale", "yes"),
    ("Categories of personal information sold in the past 12 months: None\n", "data-sale", "no"),
    # a sentence of ours with a colon is no label
    ("We share your data with the following categories of recipients: our processors and our auditors.\n",
     "third-party-sharing", "no"),
])
def test_a_disclosure_label_answered_says_the_act(analyze_text, text: str, practice: str, value: str) -> None:
    """Privacy labels and CCPA disclosures: "LABEL: Yes/No/None" or the categories the label asks for."""
    assert analyze_text(text).practices[practice].value == value


# -- scope: statements that assert no practice of the company -------------------------------

@pytest.mark.parametrize("sentence", [
    "You can ask us whether we share your data with advertisers.",
    "Do Not Sell My Personal Information",
    "You have the right to opt out of the sale of your personal information.",
    "Our printers are not permitted to sell the addresses we give them.",
    "Do we share your information with marketers?",
])
def test_rights_questions_and_other_parties_decide_nothing(read, sentence: str) -> None:
    for _, polarity, slots in read(sentence):
        for decide in (data_sale, third_party_sharing):
            decision = decide(polarity, slots)
            assert decision is None or decision.value is None, (sentence, slots)


def test_business_transfer_routes_to_merger(read) -> None:
    polarity, slots = one(read, "Our customer database may be sold to whoever takes over the "
                                "shop.", "sale")
    assert data_sale(polarity, slots).value is None  # type: ignore[union-attr]
    assert merger_transfer(polarity, slots).value == "yes"  # type: ignore[union-attr]


def test_a_recipient_phrase_may_end_the_line_with_an_ing_word(read) -> None:
    # (an -ing word is checked against the word after it, which a line's last word lacks)
    found = read("we may send your records to the main building")
    assert all(s.recipients != ("third-party",) for _, _, s in found)


def test_a_grant_verb_may_end_the_line(read) -> None:
    # (the reader looks at the words after "allow" for who is let in; a line may have none)
    assert read("we keep your records for as long as the law may allow") == []


def test_words_that_are_not_verbs_here(read) -> None:
    assert read("Contact the Federal Trade Commission.") == [] or all(
        data_sale(p, s) is None or data_sale(p, s).value is None  # type: ignore[union-attr]
        for _, p, s in read("Contact the Federal Trade Commission."))
    assert not [s for _, _, s in read("We sell garden tools and seeds.") if s.action == "sale"]


# -- blocks and reports ------------------------------------------------------------------

def test_list_items_are_read_with_their_lead_in(analyze_text) -> None:
    report = analyze_text("We promise that we will never:\n\n"
                          "- sell your e-mail address\n"
                          "- rent your postal address to other shops\n")
    sale = [f for f in report.findings if f.practice == "data-sale"]
    assert [(f.sentence, f.value) for f in sale] == [("sell your e-mail address", "no"),
                                                    ("rent your postal address to other shops", "no")]


def test_a_heading_that_ends_with_a_colon_leads_its_list(analyze_text) -> None:
    report = analyze_text("# Our promises\n\n**We do not under any circumstances engage in:**\n\n"
                          "- Selling or sharing personal information\n- Sending spam\n")
    assert report.practices["data-sale"].value == "no"
    assert report.practices["data-sale"].evidence[0].sentence == "Selling or sharing personal information"


@pytest.mark.parametrize(("text", "practice", "value"), [
    # a lead-in's filler words reach its items
    ("We will never do the following:\n\n- sell your personal information\n", "data-sale", "no"),
    # under a lead-in that names no act, a full sentence keeps its own denial
    ("These are the principles we follow with your personal information:\n\n- We don't share your "
     "personal information with anyone except to comply with the law.\n- We keep it safe.\n",
     "third-party-sharing", "no"),
    # an item with no stop is still a sentence
    ("Our promises\n\n- We never sell your personal information\n- We do not share your email with "
     "advertisers\n", "data-sale", "no"),
    ("Our promises\n\n- We never sell your personal information\n- We do not share your email with "
     "advertisers\n", "third-party-sharing", "no"),
    # a linked title ending with "?" leaves the sentence a statement
    ("In the past 12 months, we have sold these categories of personal information to the third "
     "parties listed in the section [Who do we share your data with?](#who)\n", "data-sale", "yes"),
    # a later clause after a semicolon has its own polarity
    ("We do not use persistent cookies; a session cookie is set when you log in.", "cookies", "yes"),
    # an answer naming the only ones: the question's act, a closed list
    ("Do you share my information with anybody?\n\nOnly with the payment processor that handles "
     "your card and, if we must, with law enforcement. Nobody else.\n", "third-party-sharing", "no"),
    ("Do you share my information with anybody?\n\nOnly with our marketing partners, who send you "
     "their offers.\n", "third-party-sharing", "yes"),
    # an answer to "who?" that names recipients, no verb: the whole list
    ("Who do we share your information with?\n\nAdvertisers, sponsors and other business partners, "
     "who may use it for their own purposes.\n", "third-party-sharing", "yes"),
    ("Who do we share your information with?\n\nOur hosting provider and our payment processor.\n",
     "third-party-sharing", "no"),
    # a list after a semicolon is the first clause's, not a clause of its own
    ("Our site does not use advertising cookies; tracking pixels; or web beacons.", "cookies", "no"),
    # a long answer naming to whom is read too
    ("Who do we share your information with?\n\nAdvertisers, sponsors, data brokers and other "
     "business partners, who may use it for their own purposes and combine it with other data.\n",
     "third-party-sharing", "yes"),
    # an all-capitals paragraph's first line is no title
    ("WE WILL NEVER SELL YOUR PERSONAL INFORMATION TO ANY\nTHIRD PARTY FOR ANY REASON WHATSOEVER.\n",
     "data-sale", "no"),
], ids=["lead-in filler", "item with its own subject", "item without a stop (sale)",
        "item without a stop (sharing)", "linked title", "semicolon clause", "only-with answer (no)",
        "only-with answer (yes)", "who answer (yes)", "who answer (no)", "semicolon list",
        "long who answer", "capitals paragraph"])
def test_documents_are_read_clause_by_clause(analyze_text, text: str, practice: str, value: str) -> None:
    assert analyze_text(text).practices[practice].value == value


@pytest.mark.parametrize(("last_item", "value"), [
    ("with the police, when the law requires it.", "no"),  # only allowed recipients: closed
    ("with advertisers, for their own campaigns.", "yes"),  # an open recipient decides
])
def test_a_closed_list_is_decided_over_its_items(analyze_text, last_item: str, value: str) -> None:
    report = analyze_text("We share your personal data only in these cases:\n\n"
                          f"- with firms that host our servers for us;\n- {last_item}\n")
    verdict = report.practices["third-party-sharing"]
    assert verdict.value == value
    if value == "yes":
        assert verdict.evidence[0].sentence == last_item


def test_a_policy_that_admits_and_denies_reports_the_conflict(analyze_text) -> None:
    report = analyze_text("We do not sell your personal information. "
                          "Some of our advertising cookies may be considered a sale of personal "
                          "information under state law.")
    verdict = report.practices["data-sale"]
    assert verdict.value == "yes"
    assert [f.value for f in verdict.conflicts] == ["no"]
    assert "conflict" in verdict.reason


def test_json_statements_carry_slots(analyze_text) -> None:
    report = analyze_text("We may share your e-mail address with our sponsors.")
    data = json.loads(json.dumps(report.to_dict()))
    statement = next(s for s in data["statements"] if s["rule"] == "third-party-sharing-flow")
    assert statement["slots"]["recipients"] == ["marketing-partner"]
    assert statement["slots"]["action"] == "share" and statement["value"] == "yes"
    assert statement["decision"]
    assert set(data["practices"]["third-party-sharing"]) >= {"evidence", "conflicts"}


def test_load_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


@pytest.mark.parametrize("sentence", [
    "When necessary, we may share your e-mail address with our sponsors.",
    "Unless otherwise stated, we may share your e-mail address with our sponsors.",
])
def test_a_routine_is_no_condition(read, sentence: str) -> None:
    """'when necessary', 'unless otherwise stated' (lexicon `not_conditions`) open no hypothesis."""
    polarity, slots = one(read, sentence)
    assert polarity == "hedged" and "hypothetical" not in slots.conditions


def test_a_real_condition_still_is_one(read) -> None:
    polarity, slots = one(read, "If you win the prize draw, we may share your address with the sponsor.")
    assert polarity == "conditional" and slots.conditions == ("hypothetical",)


# -- the sharing verdict: vague admissions and explicit denials (specific-over-vague) --------------

DENIAL = "We do not share your personal information with third parties, except our payment processor."


@pytest.mark.parametrize(("admission", "value"), [
    ("We may share information with third parties.", "no"),  # vague: the denial's exceptions
    ("Your data may be transferred to other organisations when needed.", "no"),
    ("We may share your e-mail address with our advertising partners.", "yes"),  # specific
    ("We may share information with third parties for their own marketing purposes.", "yes"),
    ("We may share your details with other companies unless you opt out.", "yes"),
])
def test_specific_over_vague(analyze_text, admission: str, value: str) -> None:
    """A vague admission yields to an explicit denial and is shown as its conflict; an admission
    that names advertisers, a marketing purpose or an opt-out outranks the denial."""
    verdict = analyze_text(f"{DENIAL}\n\n{admission}\n").practices["third-party-sharing"]
    assert verdict.value == value
    if value == "no":
        assert "vague" in verdict.reason
        assert [f.sentence for f in verdict.conflicts] == [admission]  # still shown
    else:
        assert "conflict" in verdict.reason

@pytest.mark.parametrize(("denial", "value"), [
    ("Your details are never passed to other companies unless you have opted in.", "no"),
    (DENIAL, "yes"),  # no consent exception: the partner programme is sharing
])
def test_an_opt_in_programme_is_the_exception_of_a_denial_under_consent(analyze_text, denial: str,
                                                                         value: str) -> None:
    """LABELS.md: "a denial with a consent exception: no"; the programme run with consent is
    that exception, described apart."""
    programme = "With your consent, we may give our partner charities your name and e-mail address."
    assert analyze_text(f"{denial}\n\n{programme}\n").practices["third-party-sharing"].value == value



def test_a_vague_admission_alone_is_yes(analyze_text) -> None:
    assert analyze_text("We may share information with third parties.\n") \
        .practices["third-party-sharing"].value == "yes"


# -- recipients stand in phrases ----------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "recipients"), [
    ("We disclose personal data to the following categories of recipients: hosting providers and "
     "public authorities.", {"service-provider", "authority"}),
    ("We may share your information with third parties such as payment processors.",
     {"service-provider"}),
    ("We may share data with third-party processors.", {"service-provider"}),
    ("We share data with other companies in our group of companies.", {"affiliate"}),
])
def test_recipients_are_read_from_their_phrase(read, sentence: str, recipients: set[str]) -> None:
    _, slots = one(read, sentence)
    assert set(slots.recipients) == recipients


# -- the recipient as subject (statements/receivers.py) ----------------------------------------


@pytest.mark.parametrize(("sentence", "polarity", "recipient"), [
    ("Our advertising partners receive your hashed email address.", "affirmed", "advertiser"),
    ("Brokers may purchase our customer list.", "hedged", "data-broker"),
    ("No outside company has access to the records you give us.", "negated", "third-party"),
    ("Your address is seen only by the carrier that delivers your parcel.", "affirmed",
     "service-provider"),
])
def test_the_subject_that_receives_is_the_recipient(read, sentence: str, polarity: str,
                                                    recipient: str) -> None:
    found = [(p, s) for _, p, s in read(sentence)]
    assert found, sentence
    p, s = found[0]
    assert (p, s.actor) == (polarity, "company")
    assert recipient in s.recipients


@pytest.mark.parametrize("sentence", [
    "You will receive a receipt by email.",                                # the reader receives
    "We receive your details from the event organiser.",                   # the company receives
    "Partners receive a commission for each referral.",                    # no data
    "Partners may receive information about you directly from your browser.",  # their collection
    "Unauthorised third parties could gain access to your data despite our safeguards.",
    "Third-party access to the archive is logged.",                       # a noun
])
def test_a_receiving_verb_that_gives_nothing_makes_no_statement(read, sentence: str) -> None:
    assert read(sentence) == []


def test_data_kept_within_the_company_is_a_denial(read) -> None:
    assert [(p, s.recipients) for _, p, s in read("Your records remain within our company.")] \
        == [("negated", ("third-party",))]
    assert read("Your records remain within the European Union.") == []


@pytest.mark.parametrize("sentence", [
    "Your booking history stays inside Germany.",   # a place of the lexicon: where, not who
    "Your booking history stays inside your phone.",
])
def test_a_place_or_a_thing_after_kept_is_no_company_name(read, sentence: str) -> None:
    assert read(sentence) == []


def test_a_bare_name_after_kept_is_the_company(read) -> None:
    assert [p for _, p, _ in read("Your booking history stays inside Tidewell.")] == ["negated"]


@pytest.mark.parametrize(("sentence", "recipients", "exceptions", "value"), [
    ("Your details may go to our parent company, but never to outside marketers.",
     ("marketing-partner",), ("affiliate",), "no"),
    ("We pass order data to our sister brands and not to anyone else.",
     ("third-party",), ("affiliate",), "no"),
])
def test_recipients_after_a_contrast_are_denied_the_act(read, sentence: str, recipients: tuple[str, ...],
                                                         exceptions: tuple[str, ...], value: str) -> None:
    polarity, slots = one(read, sentence)
    assert (polarity, slots.recipients, slots.exceptions) == ("negated", recipients, exceptions)
    assert third_party_sharing(polarity, slots).value == value


@pytest.mark.parametrize("sentence", [
    "We share your e-mail address with our partners, but not with data brokers.",
    "We share your information with third parties, but never with advertisers.",
    "We share your e-mail address with advertisers, but not to sell it.",
])
def test_a_contrast_after_recipients_who_are_not_allowed_keeps_the_sharing(read, sentence: str) -> None:
    polarity, slots = one(read, sentence)
    assert polarity == "affirmed" and third_party_sharing(polarity, slots).value == "yes"


@pytest.mark.parametrize("sentence", [
    "We promise we will never lend your profile to advertisers, forward your messages to outside firms, "
    "or hand your contacts to other businesses.",
    "No data gathered through the app, such as your location, your contacts and your photos, will be given "
    "to other companies.",
])
def test_a_denial_reaches_every_coordinated_predicate_and_past_a_listing_aside(read, sentence: str) -> None:
    found = [(p, s.actor) for _, p, s in read(sentence) if s.action == "share"]
    assert found and all(f == ("negated", "company") for f in found), found


def test_only_the_named_recipients_is_a_closed_list(read) -> None:
    (_, p, s), = read("Your address is seen only by our staff and our contractors.")
    assert s.only and third_party_sharing(p, s).value == "no"


def test_a_short_answer_takes_the_question_before_it(nlp, reader: StatementReader) -> None:
    def words(text: str) -> list[str]:
        return [t.lower_ for t in nlp.make_doc(text)]

    def answer(question: str, reply: str) -> list[tuple[str, str]]:
        return [(e.polarity, e.slots.action) for e in reader.read(words(reply), lambda: words(question))]

    assert answer("Do you sell my personal information?", "No, we do not.") == [("negated", "sale")]
    assert answer("Do we share your data with advertisers?", "Yes.") == [("affirmed", "share")]
    assert answer("How do we use your data?", "No.") == []  # no act asked about
    assert answer("Do we sell your data.", "No.") == []  # not a question


@pytest.mark.parametrize(("text", "practice", "value"), [
    ("## Do we sell your personal information?\n\nNo, never.\n", "data-sale", "no"),
    ("## Do you share my data with other companies?\n\nYes, with partners who send offers you may "
     "like.\n", "third-party-sharing", "yes"),
    ("## Do you sell my data?\n\nOur shop opens at nine.\n", "data-sale", "not-mentioned"),
    # a question asking to whom: its answer names them all (a closed list)
    ("## Who receives your data?\n\nOur hosting company and our accountant.\n", "third-party-sharing", "no"),
    ("Who receives your information? We give it to advertisers for their own marketing.\n",
     "third-party-sharing", "yes"),
    # data coming to us is no question of to whom
    ("## Who do we receive your data from?\n\nOur payment processor and your bank.\n",
     "third-party-sharing", "not-mentioned"),
])
def test_a_question_heading_is_answered_by_the_block_under_it(analyze_text, text: str,
                                                              practice: str, value: str) -> None:
    """A question that ends a block (a heading, a FAQ line) is the sentence the next block's
    first sentence answers ("No, never." denies the sale the heading asks about)."""
    assert analyze_text(text).practices[practice].value == value


@pytest.mark.parametrize(("text", "value"), [
    # every item of the list under a question answers it, not the first alone
    ("## Who do we share your personal information with?\n\n- **Our affiliates** in our group.\n"
     "- **Service providers** that host our website.\n- **Third parties to market** their products to "
     "you.\n", "yes"),
    # a setext heading leads its list too
    ("Who do you share personal information with?\n---\n\n* Our hosting company.\n\n* Our accountant.\n",
     "no"),
])
def test_each_item_of_a_list_under_a_question_answers_it(analyze_text, text: str, value: str) -> None:
    assert analyze_text(text).practices["third-party-sharing"].value == value


@pytest.mark.parametrize(("sentence", "value"), [
    # a contrast with nothing allowed before it is a plain denial
    ("We share your personal data internally, but not with any third party.", "no"),
    # "No matter what ..." opens no denial
    ("No matter what information you provide, it may be shared with advertisers.", "yes"),
])
def test_review_cases_of_the_contrast_and_the_denied_subject(read, sentence: str, value: str) -> None:
    values = {third_party_sharing(p, s).value for _, p, s in read(sentence)
              if s.action == "share" and third_party_sharing(p, s) is not None}
    assert value in values


def test_an_organisation_by_its_kind_is_the_company_only_unqualified(read) -> None:
    own = one(read, "The Society does not sell its membership records.", "sale")[1]
    other = one(read, "The bank that processes the payment may sell card data to advertisers.", "sale")[1]
    assert (own.actor, other.actor) == ("company", "third-party")


def test_a_party_named_beside_those_acting_for_it_is_the_actor(read) -> None:
    # the aside names who acts for the company, not who sells
    aside = one(read, "The Trust, or anyone acting on its behalf, will never sell your details.", "sale")[1]
    # a contract names its parties by bare role nouns: the one that promises is the company
    party = one(read, "Processor shall not disclose Customer Data to any third party.")[1]
    plain = one(read, "Partners may sell your data.", "sale")[1]
    assert (aside.actor, party.actor, plain.actor) == ("company", "company", "third-party")


def test_a_recipient_subject_is_read_by_its_head_noun(read) -> None:
    # "member" only modifies "gyms": an organisation receives, not a user
    _, slots = one(read, "Member gyms receive your name and phone number.")
    assert slots.recipients == ("organisation",)


@pytest.mark.parametrize(("sentence", "recipients"), [
    ("We may provide our business partners with your contact details.", ("marketing-partner",)),
    ("We never supply outside companies with your e-mail address.", ("third-party",)),
])
def test_provide_someone_with_data_names_the_recipient_first(read, sentence: str,
                                                               recipients: tuple[str, ...]) -> None:
    assert one(read, sentence)[1].recipients == recipients


@pytest.mark.parametrize("sentence", [
    "We give advertisers the number of readers who opened each issue.",
    "Although sponsors may receive anonymous totals, they never see who you are.",
])
def test_counts_of_people_and_a_concession_of_aggregates(read, sentence: str) -> None:
    found = [s for _, _, s in read(sentence) if s.action == "share"]
    assert found and found[0].data == "aggregate"


def test_a_concession_does_not_lend_its_aggregate_data_to_the_main_clause(read) -> None:
    polarity, slots = next((p, s) for w, p, s in read(
        "While partners may receive aggregate statistics, your name is never shared with third parties.")
        if w == "shared")
    assert (polarity, slots.data, third_party_sharing(polarity, slots).value) == ("negated", "personal", "no")


def test_public_before_a_place_is_no_recipient(read) -> None:
    _, slots = one(read, "We may share records of visits to public locations with advertisers.")
    assert "public" not in slots.recipients


@pytest.mark.parametrize(("sentence", "polarity"), [
    ("Member records are never treated as an asset to be sold.", "negated"),
    ("Your answers are not meant to be passed to other organisations.", "negated"),
    # others are, and these too
    ("Customer lists are not the only assets to be sold if we close.", "conditional"),
])
def test_a_denied_verb_denies_the_passive_infinitive_it_governs(read, sentence: str, polarity: str) -> None:
    found = [p for _, p, s in read(sentence) if s.action in {"sale", "share"}]
    assert found == [polarity]


@pytest.mark.parametrize("text", [
    # a kind of organisation with no class of its own, named in the sentence before
    "We have relationships with a small number of online merchants. Each month we provide them with "
    "the registration details of our members.",
    # a verbless line naming them
    "Garden centres that stock our seeds. We share your postcode with them.",
    # the company's partners named after an answer's label
    "A: Our joint marketing partners. We provide them with your name and address.",
])
def test_them_stands_for_the_organisations_named_before(analyze_text, text: str) -> None:
    assert analyze_text(text).practices["third-party-sharing"].value == "yes"


def test_a_deal_word_inside_a_recipient_of_another_kind_is_no_business_transfer(read) -> None:
    _, slots = one(read, "We forward your card details to the credit card acquirer.")
    assert "business-transfer" not in slots.conditions and slots.recipients == ("service-provider",)
    sold = one(read, "If we are sold, the acquirer will receive your data.")[1]
    assert "business-transfer" in sold.conditions


@pytest.mark.parametrize(("text", "value"), [
    ("Cookies: We do not set any cookies on this website.", "no"),
    # the label is the subject the sentence goes on to describe
    ("Strictly necessary cookies: these cannot be switched off.", "yes"),
])
def test_a_topic_label_gives_way_to_the_companys_own_sentence(analyze_text, text: str, value: str) -> None:
    assert analyze_text(text).practices["cookies"].value == value


@pytest.mark.parametrize(("text", "value"), [
    # a FAQ's marks are read past
    ("Q: Who do you share my details with?\nA: Nobody, apart from the companies that host our "
     "servers.", "no"),
    # "which" + a kind of recipient asks to whom
    ("Which third parties receive my data? Advertisers and data brokers.", "yes"),
    # an answer listing phrases: each part says whether its recipients act for us
    ("With whom do we share it? With the firm that hosts our site; and with partner brands for "
     "their own promotions.", "yes"),
    # a passive yes/no question answered "Only with ...", its denied purpose set aside
    ("Is my information shared?\nOnly with the companies that help us run the service, and never "
     "for their own purposes.", "no"),
    # a long answer naming recipients past two modifiers
    ("Who receives your data?\nOur IT support contractors, our professional advisers, and the "
     "authorities when a court orders it.", "no"),
])
def test_answers_to_questions_asking_to_whom(analyze_text, text: str, value: str) -> None:
    assert analyze_text(text).practices["third-party-sharing"].value == value


def test_a_label_naming_to_whom_is_completed_by_its_items(analyze_text) -> None:
    text = ("Categories of third parties to whom we disclose personal information:\n"
            "- service providers;\n- advertising partners;\n")
    assert analyze_text(text).practices["third-party-sharing"].value == "yes"


@pytest.mark.parametrize(("text", "value"), [
    ('Some of the ways our app passes data to ad partners may be considered a "sale".', "yes"),
    ('Some state laws define "sale" broadly to include some of the disclosures described above.', "yes"),
    ('We may have "sold" (as that term is defined by state law) the data listed above to partners.', "yes"),
    # the law's word named, not our act
    ("We have not sold personal information, as 'sell' is defined by state law.", "no"),
    ('Colorado law defines "sale" to include exchanging personal data for money.', "not-mentioned"),
])
def test_our_acts_in_the_laws_word_for_a_sale(analyze_text, text: str, value: str) -> None:
    assert analyze_text(text).practices["data-sale"].value == value


@pytest.mark.parametrize(("sentence", "value"), [
    ("We keep your order history, which we never sell.", "no"),
    ("We hold a list of subscribers, which we rent to other publishers.", "yes"),
])
def test_a_clause_after_a_comma_acts_on_the_noun_before_it(read, sentence: str, value: str) -> None:
    polarity, slots = one(read, sentence, "sale")
    assert data_sale(polarity, slots).value == value


@pytest.mark.parametrize(("sentence", "value"), [
    ("We don't make money from selling your personal information.", "no"),
    ("We do not engage in data mining or selling personal information.", "no"),
    ("We make money by renting our customer list to other companies.", "yes"),
])
def test_a_sale_named_by_what_earns_money_or_what_we_engage_in(read, sentence: str, value: str) -> None:
    polarity, slots = one(read, sentence, "sale")
    assert data_sale(polarity, slots).value == value


@pytest.mark.parametrize("sentence", [
    "There are times when we pass your details to other companies.",
    "There are certain cases where we share your information with partners.",
])
def test_what_is_said_to_happen_at_times_is_no_hypothesis(read, sentence: str) -> None:
    polarity, slots = one(read, sentence)
    assert polarity == "affirmed" and "hypothetical" not in slots.conditions


def test_a_when_clause_stays_a_condition(read) -> None:
    _, slots = one(read, "When we run a joint event, we pass your details to the co-host.")
    assert "hypothetical" in slots.conditions


@pytest.mark.parametrize(("sentence", "recipients"), [
    ("We give your e-mail address to firms that advertise our app to you on other sites.", {"third-party"}),
    ("We hand your e-mail address to the platforms we use to market our shop to you on other websites.",
     {"advertiser"}),
    ("We will disclose the data we hold to you on request.", {"user"}),
])
def test_whom_a_promotion_reaches_receives_nothing(read, sentence: str, recipients: set[str]) -> None:
    _, slots = one(read, sentence)
    assert set(slots.recipients) == recipients


def test_or_not_denies_nothing(read) -> None:
    assert [p for _, p, _ in read("All entries, winners or not, are forwarded to the sponsor.")] \
        == ["affirmed"]


@pytest.mark.parametrize(("sentence", "recipients", "conditions"), [
    # what the law allows is no legal obligation
    ("We may disclose your name to other nonaffiliated third parties as permitted by law.",
     ("third-party",), ()),
    ("We may disclose your name to third parties when required by law.", ("third-party",), ("legal",)),
    # third parties named as "other" after those acting for us are not among them
    ("We may disclose your name to companies that perform marketing services on our behalf, and to "
     "other nonaffiliated third parties.", ("service-provider", "third-party"), ()),
])
def test_permissions_and_other_recipients(read, sentence: str, recipients: tuple[str, ...],
                                          conditions: tuple[str, ...]) -> None:
    _, slots = one(read, sentence)
    assert (slots.recipients, slots.conditions) == (recipients, conditions)


# -- round 16: who uses data given to them, a name's simple past, nouns of acts, the company's if ----

@pytest.mark.parametrize(("sentence", "value"), [
    # the recipient, subject of "use", has the data from us ("the details we pass on")
    ("The insurer may use the contact details we pass on to contact you about its plans.", "yes"),
    # a rule for the recipients, not a practice of ours
    ("Our partners may not use the information we share with them for their own marketing.", None),
])
def test_a_recipient_using_the_data_we_give_it(read, sentence: str, value: str | None) -> None:
    decided = [d.value for _, p, s in read(sentence) if (d := third_party_sharing(p, s)) is not None]
    assert (value in decided) if value else ("yes" not in decided)


def test_a_name_before_a_past_form_and_its_object_is_the_seller(read) -> None:
    polarity, slots = one(read, "In the last 12 months, Fernway sold customer names and email addresses "
                                "to marketing firms.", action="sale")
    assert (polarity, slots.actor, slots.scope) == ("affirmed", "company", "practice")


def test_the_noun_of_an_act_on_a_business_moves_no_data(read) -> None:
    assert [s for _, _, s in read("Your records are deleted before any transfer of the business.")] == []


def test_the_company_named_in_an_if_clause_is_a_hypothesis(read) -> None:
    _, slots = one(read, "If Acme ever starts selling such information, customers will be opted out.",
                   action="sale")
    assert slots.scope == "hypothesis"


def test_a_sale_in_the_cpra_words_is_no_disclosure_for_sharing() -> None:
    # ("Sold or shared? Yes" may be advertising cookies alone: data-sale's, third-party-ads')
    slots = Slots(action="sale", actor="company", data="personal", recipients=("advertiser",),
                  purposes=("cross-context",))
    assert data_sale("affirmed", slots).value == "yes"  # type: ignore[union-attr]
    assert third_party_sharing("affirmed", slots) is None


def test_a_group_named_by_its_name_is_the_company_s_own(read) -> None:
    _, slots = one(read, "We may share your data with other organisations in the Harbourline Group.")
    assert slots.recipients == ("affiliate",)


def test_every_cut_of_a_statement_example_reads_without_error(nlp, reader: StatementReader) -> None:
    """A sentence may end anywhere (a capture cut at the length limit, a line broken mid-phrase):
    every prefix of the statement rules' examples, word by word, reads without an error, so no
    test looks at a word past the sentence's end ("Partners we share your" once raised
    IndexError). Every third example: a few seconds, most of them loading the rules."""
    from policylens.ruleset import load_ruleset

    texts = [e.text for rule in load_ruleset().rules if rule.statement
             for e in (*rule.match_examples, *rule.no_match_examples, *rule.todo_examples)]
    assert len(texts) > 500
    for text in texts[::3]:
        words = [t.lower_ for t in nlp.make_doc(text)]
        for cut in range(1, len(words) + 1):
            reader.read(words[:cut])


# -- a sentence that says who the recipients of the one before are ----------------------------

@pytest.mark.parametrize("before, after, recipients", [
    ("We may pass your details to other organisations.",
     "Those organisations are limited to the couriers that deliver our parcels.", {"service-provider"}),
    ("We share some information with third parties.",
     "These are our hosting provider and our accountants.", {"service-provider", "adviser"}),
    ("We may share your data with our partners.",
     "By 'partners' we mean only the firms that host our website for us.", {"service-provider"}),
])
def test_a_restatement_names_the_recipients_as_a_closed_list(nlp, reader, before, after, recipients) -> None:
    prev = [t.lower_ for t in nlp.make_doc(before)]
    words = [t.lower_ for t in nlp.make_doc(after)]
    found = reader.read(words, lambda: prev)
    assert len(found) == 1 and found[0].restates
    assert set(found[0].slots.recipients) - {"third-party"} == recipients
    assert found[0].slots.only and found[0].slots.action == "share"


@pytest.mark.parametrize("before, after", [
    # an open list: one example among others
    ("We may share your data with other companies.", "These include our payment processor."),
    # others than the allowed exceptions add nothing
    ("We may share your data with third parties.", "These third parties are advertisers and data brokers."),
    # a denial of the saying verb
    ("We may share your data with third parties.", "These third parties are not our processors."),
    # nothing given before
    ("We keep your data on our own servers.", "These are run by our hosting provider."),
])
def test_no_restatement(nlp, reader, before, after) -> None:
    prev = [t.lower_ for t in nlp.make_doc(before)]
    words = [t.lower_ for t in nlp.make_doc(after)]
    assert not [e for e in reader.read(words, lambda: prev) if e.restates]


def test_the_restated_admission_yields_and_explain_says_why(analyzer, analyze_text) -> None:
    text = ("We may share your information with our partners. By 'partners' we mean only the firms "
            "that run our booking system and take payments for us.")
    report = analyze_text(text)
    assert report.practices["third-party-sharing"].value == "no"
    misses = near_misses(report, analyzer)
    assert any("restated by the sentence after" in m.why and m.line == 1 for m in misses)


def test_a_demonstrative_object_stands_for_the_data_before(read) -> None:
    _, slots = one(read, "Your name and e-mail address are another matter; we make these available "
                         "to our partner hotels.")
    assert slots.data == "personal" and slots.recipients == ("marketing-partner",)


@pytest.mark.parametrize("items, value", [
    ("- our bank, to take your payment;\n- our accountant.", "no"),
    ("- our bank, to take your payment;\n- holiday firms that send you their own offers.", "yes"),
])
def test_a_lead_in_asking_to_whom_with_a_colon_is_answered_by_its_items(analyze_text, items, value) -> None:
    report = analyze_text("Who gets your details:\n" + items)
    assert report.practices["third-party-sharing"].value == value


@pytest.mark.parametrize("text, value", [
    # the sentence that speaks of the one before may open the next paragraph
    ("We may pass your details to other organisations.\n\nThose organisations are limited to the "
     "couriers that deliver our parcels.", "no"),
    ("We pass the names of buyers to the artist whose print they bought.\n\nThey may write to you "
     "about new editions of their own.", "yes"),
    # not across a heading
    ("We may pass your details to other organisations.\n\n## Couriers\n\nThose organisations are "
     "limited to the couriers that deliver our parcels.", "yes"),
])
def test_a_paragraph_may_speak_of_the_one_before(analyze_text, text, value) -> None:
    assert analyze_text(text).practices["third-party-sharing"].value == value
