"""Cue lexicon behaviour that rules rely on, checked through the whole pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "We don't sell your personal information.",
    "We don’t sell your personal information.",  # curly apostrophe, as pasted from web pages
    "We won’t sell your personal information.",
])
def test_contractions_negate_with_either_apostrophe(analyze_text, text: str) -> None:
    report = analyze_text(text)
    sale = [f for f in report.findings if f.practice == "data-sale"]
    assert sale and all(f.polarity == "negated" for f in sale), sale
    assert report.practices["data-sale"].value == "no"


def test_no_negates(analyze_text) -> None:
    report = analyze_text("At this site, no cookies are used.")
    cookies = [f for f in report.findings if f.practice == "cookies"]
    assert cookies and cookies[0].polarity == "negated" and cookies[0].cue.lower() == "no"


def test_a_new_clause_ends_the_negation(analyze_text) -> None:
    """'and we' starts a clause of its own: the denial before it does not reach its verb."""
    report = analyze_text("We do not sell your data, and we share it with our marketing partners.")
    assert report.practices["data-sale"].value == "no"
    assert report.practices["third-party-sharing"].value == "yes"


def test_the_readers_request_is_no_denial(analyze_text) -> None:
    """'if you prefer that we not share ...' is an opt-out offer: the company does share."""
    report = analyze_text("If you prefer that we not share your name and address with other "
                          "companies, please let us know.")
    assert report.practices["third-party-sharing"].value == "yes"


def test_unless_otherwise_is_no_gate(analyze_text) -> None:
    """'unless otherwise stated' qualifies the text; it is not a consent or law gate."""
    report = analyze_text("Unless otherwise stated, we may sell your personal information to our partners.")
    sale = [f for f in report.findings if f.practice == "data-sale"]
    assert sale and sale[0].polarity == "hedged"
    assert report.practices["data-sale"].value == "yes"
