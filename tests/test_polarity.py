"""Polarity of a trigger: the cue lexicon and its scope, tested through the whole pipeline."""

from __future__ import annotations

import pytest


def _sale(report):
    return [f for f in report.findings if f.practice == "data-sale"]


@pytest.mark.parametrize("text, polarity", [
    ("We sell your personal information to data brokers.", "affirmed"),
    ("We do not sell your personal information.", "negated"),
    ("We don't sell your personal information.", "negated"),
    ("We never sell your personal information.", "negated"),
    ("Your personal information will never be sold.", "negated"),
    ("We may sell your personal information to partners.", "hedged"),
    ("We will sell your personal information only with your consent.", "conditional"),
    ("We will not sell your personal information without your consent.", "negated"),
])
def test_polarity_of_a_sale_statement(analyze_text, text: str, polarity: str) -> None:
    findings = _sale(analyze_text(text))
    assert findings, text
    assert findings[0].polarity == polarity


def test_terminator_ends_negation_scope(analyze_text) -> None:
    text = "We do not collect your name, but we may sell your personal information to partners."
    findings = _sale(analyze_text(text))
    assert findings and findings[0].polarity == "hedged"


def test_pseudo_cue_is_not_a_negation(analyze_text) -> None:
    text = "We may use cookies, including but not limited to session cookies."
    report = analyze_text(text)
    assert report.practices["cookies"].value == "yes"


def test_readers_own_negation_is_not_a_denial(analyze_text) -> None:
    report = analyze_text("If you do not accept cookies, some parts of the site may not work.")
    assert report.practices["cookies"].value == "yes"


def test_negation_far_before_trigger_does_not_reach(analyze_text) -> None:
    text = ("We do not ask for your address when you visit the pages of this site or read the "
            "articles we publish and we use cookies.")
    assert analyze_text(text).practices["cookies"].value == "yes"


def test_cue_lexicon_is_data() -> None:
    from policylens.polarity import load_cues

    cues = load_cues()
    assert "not" in cues["negation"] and "may" in cues["hedge"]
    assert "not limited to" in cues["pseudo"]


def test_readers_choices_are_not_a_denial() -> None:
    """"your choices about not having it used to target ads" is the reader's option."""
    from policylens.nlp import get_nlp
    from policylens.polarity import PolarityDetector

    nlp = get_nlp()
    doc = nlp("Learn about your choices about not having this information used to target ads.")
    ads = next(t.i for t in doc if t.text == "ads")
    detector = PolarityDetector(nlp)
    assert detector.classify(detector.cues(doc), 0, ads, ads + 1, len(doc))[0] == "affirmed"


def test_neither_opening_a_clause_reaches_its_verb_however_far(analyze_text) -> None:
    """ "Neither ... nor ..." as the subject denies the clause's act, past the window."""
    text = ("Neither we nor any of the companies we work with will use what you read on our pages "
            "to target ads.")
    findings = [f for f in analyze_text(text).findings if f.practice == "third-party-ads"]
    assert findings and all(f.polarity == "negated" for f in findings)
    assert analyze_text(text).practices["third-party-ads"].value == "no"


def test_neither_does_not_reach_a_clause_joined_after_it(analyze_text) -> None:
    text = ("Neither our editors nor our volunteers read your private messages, and advertisers use "
            "cookies on our site.")
    assert analyze_text(text).practices["cookies"].value == "yes"


@pytest.mark.parametrize(("text", "value"), [
    ("At no point, whether you are shopping, browsing or just reading, does this site place cookies on "
     "your device.", "no"),
    ("At no time do we, or any partner acting for us, place a cookie on your browser.", "no"),
    # a "no" that denies its own noun governs no later clause's verb
    ("No personal information is collected when you browse our pages, and cookies are used to count "
     "visits.", "yes"),
])
def test_a_fronted_negation_governs_its_clause(analyze_text, text: str, value: str) -> None:
    assert analyze_text(text).practices["cookies"].value == value


@pytest.mark.parametrize(("text", "value"), [
    # a negation of the clause's own verb right after its subject denies the whole clause
    ("Our club does not follow its members over time and across other websites in order to show "
     "them interest-based ads.", "no"),
    # not past a comma, which may open a clause about others
    ("We do not give our ad networks your name, which they could use to show you interest-based ads.",
     "yes"),
    # nor past a clause with its own subject
    ("We do not ask for your address when you visit the pages of this site and we work with ad networks "
     "that show interest-based ads.", "yes"),
])
def test_a_negation_after_the_subject_denies_its_clause_up_to_a_pause(analyze_text, text: str,
                                                                       value: str) -> None:
    assert analyze_text(text).practices["third-party-ads"].value == value


@pytest.mark.parametrize("text, value", [
    # a negation inside a relative clause set off by commas is the clause's own
    ("If the shop is sold, which we hope never happens, the buyer may receive your order history.", "yes"),
    ("Our mailing list, which we built over many years, is never sold.", None),
])
def test_a_negation_inside_a_relative_aside_is_the_asides_own(analyze_text, text: str, value) -> None:
    report = analyze_text(text)
    if value == "yes":
        assert report.practices["merger-transfer"].value == "yes"
    else:
        # (the trigger after the aside is negated by its own clause's "never")
        assert report.practices["data-sale"].value == "no"
