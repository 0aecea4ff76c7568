"""The children decision rule: only the youngest stated age group counts, however the age is spelled."""

from __future__ import annotations

import pytest

from policylens.models import Finding
from policylens.practices import load_practices
from policylens.verdicts import decide


def _finding(value: str, age: str) -> Finding:
    return Finding("r", "children", value, "affirmed", "s", 0, 1, 1, "", "t",
                   attributes=(("age", age),))


def test_spelled_out_age_is_compared_with_digits() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [_finding("not-directed", "thirteen"),
                                _finding("parental-consent", "18")])
    assert verdict.value == "not-directed"
    assert dict(verdict.attributes) == {"age": "13"}


def test_prohibition_outranks_parental_path_for_the_same_group() -> None:
    # "Not intended for persons under 13 ... not without a parent's consent" (LABELS.md)
    children = load_practices()["children"]
    verdict = decide(children, [_finding("parental-consent", "13"),
                                _finding("not-directed", "13")])
    assert verdict.value == "not-directed"


def test_parental_rule_for_the_youngest_group_wins_over_older_prohibition() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [_finding("parental-consent", "13"),
                                _finding("not-directed", "18")])
    assert verdict.value == "parental-consent"


def _ageless(value: str) -> Finding:
    return Finding("r", "children", value, "affirmed", "s", 0, 1, 1, "", "t")


def test_a_service_made_for_children_counts_beside_the_youngest_group() -> None:
    # "Our Kids app is for children. Children under 13 join only with a parent's consent."
    children = load_practices()["children"]
    verdict = decide(children, [_ageless("directed"), _finding("parental-consent", "13")])
    assert verdict.value == "directed"
    assert dict(verdict.attributes) == {}  # no finding that supports `directed` names an age


def test_a_prohibition_still_outranks_a_service_made_for_children() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [_ageless("directed"), _finding("not-directed", "13")])
    assert verdict.value == "not-directed"


def test_an_ageless_prohibition_stays_out_of_an_age_scoped_decision() -> None:
    # only the audience statement is kept whatever the ages; other ageless findings are not
    children = load_practices()["children"]
    verdict = decide(children, [_ageless("not-directed"), _finding("parental-consent", "13")])
    assert verdict.value == "parental-consent"


def _said(value: str, sentence: str, age: str | None = None) -> Finding:
    attributes = (("age", age),) if age else ()
    return Finding("r", "children", value, "affirmed", sentence, 0, 1, 1, "", "t",
                   attributes=attributes)


def test_a_limit_on_one_feature_yields_to_the_whole_service() -> None:
    # "Kids can play all our games. The chat feature is only for users aged 16 and over."
    children = load_practices()["children"]
    verdict = decide(children, [
        _said("directed", "Kids can play all our games."),
        _said("not-directed", "The chat feature is only for users aged 16 and over.", "16")])
    assert verdict.value == "directed"
    assert "one feature set aside" in verdict.reason


def test_a_limit_on_one_feature_does_not_set_the_youngest_group() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [
        _said("parental-consent", "Users under 16 join only with a parent's consent.", "16"),
        _said("not-directed", "Certain features, such as the store, need users to be 13.", "13")])
    assert verdict.value == "parental-consent"


def test_a_limit_on_one_feature_alone_still_decides() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [
        _said("not-directed", "The marketplace is limited to users over 18.", "18")])
    assert verdict.value == "not-directed"


@pytest.mark.parametrize(("audience", "value"), [
    # accounts for children a parent opens, in a service for everyone: a consent path
    ("Youth accounts for children aged 10 to 15 are available.", "parental-consent"),
    # a service made for children stays `directed` beside a parent's consent
    ("Our reading app is made for children.", "directed"),
])
def test_childrens_accounts_a_parent_opens_are_a_consent_path(audience: str, value: str) -> None:
    children = load_practices()["children"]
    verdict = decide(children, [
        _said("directed", audience),
        _said("parental-consent", "Only a parent can open one, and must consent first.")])
    assert verdict.value == value
    assert ("accounts a parent opens set aside" in verdict.reason) == (value == "parental-consent")


def _in_sentence(value: str, sentence: str, trigger: str, age: str) -> Finding:
    at = sentence.index(trigger)
    return Finding("r", "children", value, "affirmed", sentence, 0, len(sentence), 1, "", trigger,
                   attributes=(("age", age),), trigger_span=(at, at + len(trigger)))


def test_each_clause_of_a_sentence_speaks_of_its_own_age_group() -> None:
    # the rule's age attribute is the sentence's first age (18 for both of its findings); the
    # clause that holds each trigger says which group it is about: the under-13s' Kids mode is the
    # youngest group's rule, not the under-16 prohibition of another sentence
    children = load_practices()["children"]
    sentence = "Under-18s need a parent's consent; under-13s may only use our Kids mode."
    verdict = decide(children, [
        _in_sentence("parental-consent", sentence, "a parent's consent", "18"),
        _in_sentence("directed", sentence, "Kids mode", "18"),
        _in_sentence("not-directed", "Children under 16 may not open an account.",
                     "Children under 16", "16")])
    assert verdict.value == "directed"
    assert dict(verdict.attributes) == {"age": "13"}


def test_an_age_range_is_an_older_group_than_those_under_its_lower_bound() -> None:
    # "aged 13 to 15" and "under 13" both state 13; the range is about 13-year-olds and up, so
    # the under-13s' parental rule is the youngest group's and decides
    children = load_practices()["children"]
    verdict = decide(children, [
        _in_sentence("not-directed", "Teens aged 13 to 15 may not register without a school.",
                     "may not register", "13"),
        _in_sentence("parental-consent", "Children under 13 may join with a parent's consent.",
                     "a parent's consent", "13")])
    assert verdict.value == "parental-consent"
    assert "under 13" in verdict.reason


def test_a_group_named_younger_than_the_stated_one_is_the_youngest(analyze_text) -> None:
    # (words written for this test) the age band asks for a parent's consent; those younger are
    # turned away, and they are the youngest group the text speaks of
    text = ("Members aged 14 to 17 can join the rowing club once a parent has signed the form. "
            "The club is closed to anyone younger.")
    verdict = analyze_text(text).practices["children"]
    assert verdict.value == "not-directed"
    assert "anyone younger" in verdict.evidence[0].sentence


# (words written for these tests) how a parent's path, an age to hold an account and a part of
# the offer for the young decide together
CHILDREN_PATHS = [
    pytest.param(
        # "under this age" is the group the age before it names: its parental path and the age to
        # hold an account speak of the same group, and the path says how that group may use the
        # service (round 25: the age alone no longer outranks it; three unread labelled sets and a
        # read one label such text parental-consent)
        "You must be 18 or older to open an account. Individuals under this age may only use "
        "the service with the approval of a parent.", "parental-consent",
        id="a group named under this age is the stated group"),
    pytest.param(
        # the youngest group is barred; the parent's path is for teens
        "You must be at least 13 to use the app. Users under 18 need a parent's permission.",
        "not-directed", id="an age for an account beside a parent's path for an older group still bars"),
    pytest.param(
        # a club for everyone with a section for the young, which they join through their
        # parents: parental-consent, not a service made for children
        "The rugby club has a youth section for players aged 6 to 17. A parent must give consent "
        "before a player under 18 joins.", "parental-consent",
        id="a youth section with a parent's consent is a part, not a service for children"),
    pytest.param(
        # the section's own collection statement is part of the youth section a parent consents
        # to, not a service made for children
        "# Our clubs\n\nWe run fixtures for adult members.\n\n# Junior squads\n\n"
        "Our junior squads are for players aged 7 to 12. We collect from the child only a first "
        "name and a shirt size. A parent must give consent before a child under 13 joins.",
        "parental-consent", id="what a youth section collects follows the section"),
    pytest.param(
        # the whole service is for children
        "Our reading app is made for children aged 4 to 8. Children may use it only once a "
        "parent has given consent.", "directed",
        id="a service made for children with a parent's consent stays directed"),
]


@pytest.mark.parametrize(("text", "value"), CHILDREN_PATHS)
def test_parental_paths_ages_and_parts_for_the_young(analyze_text, text: str, value: str) -> None:
    assert analyze_text(text).practices["children"].value == value


def test_a_section_title_names_the_recipient_a_statement_leaves_vague(analyze_text) -> None:
    # (words written for this test) "these third parties" under a title naming advertisers
    text = ("# How we share\n\n## With advertising partners\n\nWe upload a hashed copy of your "
            "e-mail address to these third parties so that our ads reach you there.")
    assert analyze_text(text).practices["third-party-ads"].value == "yes"
    text = ("# How we share\n\n## Our hosting providers\n\n"
            "We pass your booking details to these third parties.")
    assert analyze_text(text).practices["third-party-sharing"].value != "yes"


def test_a_section_title_that_does_not_name_whom_is_not_a_recipient(analyze_text) -> None:
    # (words written for this test) the title names what is collected, not to whom it goes
    text = "## Information we collect from partner users\n\nWe may share your information with third parties."
    report = analyze_text(text)
    assert all(f.slots is None or f.slots.recipients == ("third-party",)
               for f in report.findings if f.practice == "third-party-sharing")


def test_a_denial_after_a_pause_is_not_the_readers_choice(analyze_text) -> None:
    # (words written for this test) "your device," ends a clause: the next "doesn't" is the tool's
    text = "Our counter stores nothing on your device, doesn't use tracking pixels and can't identify you."
    assert analyze_text(text).practices["cookies"].value == "no"


def _said(value: str, sentence: str, age: str | None = None) -> Finding:
    return Finding("r", "children", value, "affirmed", sentence, 0, 1, 1, "", "t",
                   attributes=(("age", age),) if age else ())


@pytest.mark.parametrize("barring", [
    "Most of our websites are for a general audience and are not directed to children.",
    "Standard accounts are for listeners aged 13 and over.",
    "The rest of our service is not meant for anyone under 13.",
])
def test_a_bar_said_of_the_rest_of_the_service_yields_to_a_part_made_for_children(barring: str) -> None:
    children = load_practices()["children"]
    part = _said("directed", "Our Kids Corner pages are directed to children.")
    verdict = decide(children, [_said("not-directed", barring, "13" if "13" in barring else None), part])
    assert verdict.value == "directed"
    assert "rest of the service set aside" in verdict.reason


def test_a_bar_said_of_the_whole_service_still_outranks_a_part_made_for_children() -> None:
    children = load_practices()["children"]
    verdict = decide(children, [_said("not-directed", "Our websites are not directed to children."),
                                _said("directed", "Our Kids Corner pages are directed to children.")])
    assert verdict.value == "not-directed"


def _sharing(sentence: str, value: str, recipients: tuple[str, ...], only: bool = False,
             polarity: str = "hedged") -> Finding:
    from policylens.models import Slots
    return Finding("third-party-sharing-flow", "third-party-sharing", value, polarity, sentence, 0, 1, 1,
                   "", "t", slots=Slots(action="share", actor="company", data="personal",
                                        recipients=recipients, only=only))


@pytest.mark.parametrize("admission, value", [
    # bare "partners" with no purpose say no more than "third parties"
    ("Some information may be shared with our partners.", "no"),
    # partners of a kind are named on purpose
    ("Some information may be shared with our marketing partners.", "yes"),
    ("We share your email with sponsors of the event.", "yes"),
])
def test_bare_partners_with_no_purpose_yield_to_a_denial(admission: str, value: str) -> None:
    sharing = load_practices()["third-party-sharing"]
    denial = _sharing("We never share your personal information with other companies.", "no",
                      ("third-party",), polarity="negated")
    verdict = decide(sharing, [denial, _sharing(admission, "yes", ("marketing-partner",))])
    assert verdict.value == value


def test_bare_partners_as_an_item_of_a_closed_list_are_named_on_purpose() -> None:
    sharing = load_practices()["third-party-sharing"]
    denial = _sharing("We never share your personal information with other companies.", "no",
                      ("third-party",), polarity="negated")
    item = _sharing("With our partners;", "yes", ("marketing-partner",), only=True, polarity="affirmed")
    assert decide(sharing, [denial, item]).value == "yes"
