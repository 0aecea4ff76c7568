"""An answer inherits the topic of the question, heading or label before it (answers.py): the
pattern practices read "Do you use cookies? No." and "## Children" + "We don't knowingly collect
data from them." as one statement each."""

from __future__ import annotations

import pytest

from policylens.answers import Sentence, has_anaphor, inline_label, line_kind, rewrite, topics_in


@pytest.mark.parametrize("practice, expected, text", [
    # a question answered by a reply in the next sentence
    ("cookies", "no", "Does the shop's website use cookies? No. Your basket is kept on our servers."),
    ("third-party-ads", "no", "Will I see ads in the app? Never: it is paid for by subscriptions."),
    ("third-party-ads", "yes", "Are there ads in the free plan? Yes, served by outside ad networks."),
    # a wh-question answered by a denial
    ("merger-transfer", "no", "What happens to my data if the club merges with another club? "
                              "It stays with the club and is not handed to anyone else."),
    # a heading, and the paragraph under it, where a word stands for the topic
    ("cookies", "no", "## Cookies\n\nThe library catalogue sets none."),
    ("cookies", "yes", "## Cookies\n\nWe set a few of them to keep you signed in."),
    ("children", "not-directed", "## Children\n\nWe do not knowingly collect data from them."),
    ("third-party-ads", "no", "### Advertising\n\nThere is none in the app."),
    # a heading whose paragraph speaks for itself decides, not the heading's word
    ("cookies", "no", "## Cookies\n\nThis website does not use cookies."),
    # a label ending at a colon or a line break
    ("third-party-ads", "no", "Interest-based advertising: we do not take part in it."),
    ("merger-transfer", "no", "Mergers and acquisitions: member data will never be part of any such deal."),
    ("cookies", "no", "Trackers\nNone are used on these pages."),
    # a statement that names the topic without a finding; a pronoun after it
    ("merger-transfer", "yes",
     "We may be taken over one day. If so, your order history will go to the buyer."),
])
def test_answer_inherits_topic(analyze_text, practice: str, expected: str, text: str) -> None:
    assert analyze_text(text).practices[practice].value == expected


@pytest.mark.parametrize("practice, text", [
    # a yes/no question that no answer settles states nothing
    ("third-party-ads", "Does the app show ads? The app is made by a team of four in Ghent."),
    ("cookies", "Do you use cookies? Our office is open from nine to five."),
])
def test_unanswered_question_states_nothing(analyze_text, practice: str, text: str) -> None:
    assert analyze_text(text).practices[practice].value == "not-mentioned"


def test_answer_is_the_evidence(analyze_text) -> None:
    report = analyze_text("Intro.\n\nDo you use web beacons?\n\nWe do not.")
    verdict = report.practices["cookies"]
    assert verdict.value == "no"
    (evidence,) = verdict.evidence
    assert evidence.sentence == "We do not."
    assert evidence.line == 5
    assert evidence.cue == "not"


def test_heading_before_heading_keeps_its_finding(analyze_text) -> None:
    """A topic nothing answers keeps what it said on its own."""
    alone = analyze_text("## Cookies").practices["cookies"].value
    assert analyze_text("## Cookies\n\n## Contact\n\nWrite to us.").practices["cookies"].value == alone


def _sentence(text: str, words: list[str]) -> Sentence:
    spans, at = [], 0
    for w in words:
        at = text.lower().index(w, at)
        spans.append((at, at + len(w)))
        at += len(w)
    return Sentence(text, words, spans, [], {})


def test_rewrite_puts_the_topic_in_place_of_its_stand_in() -> None:
    answer = _sentence("We use them daily.", ["we", "use", "them", "daily", "."])
    done = rewrite(answer, "cookies", prefix=False)
    assert done is not None and done.text == "We use cookies daily."
    # the topic's words map back to the word they replace
    start = done.text.index("cookies")
    assert done.span(start, start + 7, len(answer.text)) == (7, 11)
    assert rewrite(_sentence("We store data.", ["we", "store", "data", "."]), "cookies",
                   prefix=False) is None
    prefixed = rewrite(_sentence("Owners must be adults.", ["owners", "must", "be", "adults", "."]),
                       "Minors", prefix=True)
    assert prefixed is not None and prefixed.text == "Minors: Owners must be adults."
    assert prefixed.span(0, 6, 22) is None  # wholly in the topic's words


def test_none_and_such_stand_for_the_topic() -> None:
    none = rewrite(_sentence("It sets none.", ["it", "sets", "none", "."]), "cookies", prefix=False)
    assert none is not None and none.text == "cookies sets no cookies."
    such = rewrite(_sentence("Never in any such deal.", ["never", "in", "any", "such", "deal", "."]),
                   "mergers", prefix=False)
    assert such is not None and such.text == "Never in any mergers."


def test_line_kinds() -> None:
    assert line_kind(["do", "you", "use", "cookies", "?"]) == "yes-no"
    assert line_kind(["q", ":", "will", "i", "see", "ads", "?"]) == "yes-no"
    assert line_kind(["how", "do", "we", "use", "cookies", "?"]) == "wh"
    assert line_kind(["advertising", "."]) == "label"
    assert line_kind(["we", "use", "cookies", "."]) == "statement"
    assert line_kind(["children", "'s", "privacy"], heading=True) == "label"
    # a heading that says something is a statement
    assert line_kind(["acme", "does", "not", "collect", "data", "from", "minors"],
                     heading=True) == "statement"


def test_inline_labels() -> None:
    assert inline_label(["cookies", ":", "none", "."]) == (1, 2)
    assert inline_label(["we", "say", ":", "none"]) is None  # a subject of its own
    assert inline_label(["trackers", "none", "are", "used"], breaks=[0]) == (1, 1)
    # a first line that answers itself is no label
    assert inline_label(["under", "13s", "|", "not", "permitted", "13"], breaks=[4]) is None


def test_topics_and_stand_ins() -> None:
    assert topics_in(["under", "18", "?"]) == {"children": (0, 2)}
    assert topics_in(["business", "transfers"]) == {"merger-transfer": (0, 2)}
    assert has_anaphor(["if", "that", "happens"])
    assert not has_anaphor(["these", "cookies", "expire"])


def test_topic_replies_name_shipped_rules(ruleset) -> None:
    """Every reply rule of data/topics.yaml is a shipped rule of that practice that gives a value
    for the reply's polarity."""
    from policylens.answers import load_topics

    rules = {r.id: r for r in ruleset.rules}
    for practice, topic in load_topics().items():
        assert topic.replies, practice
        for polarity, rule_id in topic.replies.items():
            assert rules[rule_id].practice == practice
            assert rules[rule_id].value_for(polarity) is not None, (rule_id, polarity)
