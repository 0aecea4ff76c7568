"""The prefilter (matchers only on sentences that hold the words a pattern needs, trimmed to where
a match can start and end; expressions only where their required words occur) changes no
finding: reports with it and without it are equal, on real policies and on generated ones."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.engine import Analyzer
from policylens.literals import WordIndex, holds, holds_bits, normalize, required_words, runs_of
from policylens.models import Document, Metadata, Report
from policylens.reading.ingest import content_hash, load_document
from policylens.ruleset import RuleSet

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
POLICIES = sorted((ROOT / "corpus").glob("*.txt")) + sorted(FIXTURES.glob("*.md")) + \
    sorted(FIXTURES.glob("*.html")) + sorted(FIXTURES.glob("*.txt")) + \
    sorted((FIXTURES / "revisions").glob("*.md"))


@pytest.fixture(scope="module")
def exhaustive(ruleset: RuleSet) -> Analyzer:
    """Every matcher and expression on every sentence: the reference the prefilter must equal."""
    return Analyzer(ruleset, shortcuts=False)


def _same(a: Report, b: Report) -> None:
    assert a.to_dict() == b.to_dict()
    assert a.findings == b.findings


@pytest.mark.parametrize("path", POLICIES, ids=[p.name for p in POLICIES])
def test_policies_get_the_same_report_with_and_without_the_prefilter(
        analyzer: Analyzer, exhaustive: Analyzer, path: Path) -> None:
    data = path.read_bytes()
    document = load_document(str(path), data)
    _same(analyzer.analyze(document, content_hash(data)),
          exhaustive.analyze(document, content_hash(data)))


def test_generated_variants_get_the_same_reports(analyzer: Analyzer, exhaustive: Analyzer,
                                                 tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus import generate
    finally:
        sys.path.pop(0)
    generate(tmp_path / "variants", 12, seed=7)
    for path in sorted((tmp_path / "variants").iterdir()):
        document = load_document(str(path))
        _same(analyzer.analyze(document), exhaustive.analyze(document))


def _example_sentences(ruleset: RuleSet) -> list[str]:
    return sorted({ex.text for r in ruleset.rules
                   for ex in (*r.match_examples, *r.no_match_examples, *r.todo_examples)})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_policies_of_rule_examples_get_the_same_report(
        analyzer: Analyzer, exhaustive: Analyzer, ruleset: RuleSet, data: st.DataObject) -> None:
    """Rule examples (sentences made to trigger, and not to trigger, every rule) glued together
    in random order with random joints, casing and headings."""
    pool = _example_sentences(ruleset)
    picked = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=25))
    joints = data.draw(st.lists(st.sampled_from([" ", "\n\n", "; ", "\n\n## Section\n\n", ", and ",
                                                 " - ", "\n* ", " But "]),
                                min_size=len(picked), max_size=len(picked)))
    upper = data.draw(st.booleans())
    text = "".join(s + j for s, j in zip(picked, joints, strict=True))
    if upper:
        text = text.upper()
    document = Document.build("<random>", text, Metadata())
    _same(analyzer.analyze(document), exhaustive.analyze(document))


# --- words an expression cannot match without ----------------------------------------------------


def _shipped_regexes(ruleset: RuleSet) -> list[str]:
    """Every expression of the shipped rules: patterns, and those that read attributes."""
    patterns = {p.value for r in ruleset.rules for role in (r.patterns, r.requires, r.exclude)
                for p in role if p.kind == "regex"}
    attributes = {rx.pattern for r in ruleset.rules for spec in r.attributes.values()
                  for rx in ([spec.regex] if spec.regex else []) + [rx for _, rx in spec.values]}
    return sorted(patterns | attributes)


def test_the_case_folding_table_is_every_letter_ignorecase_reads_as_ascii() -> None:
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for char in set(re.findall("[a-z]", everything, re.I)):
        folded = normalize(char)
        assert len(folded) == 1 and "a" <= folded <= "z", hex(ord(char))


@pytest.mark.parametrize("source, clauses", [
    (r"\b(?:sell|rent)s?\b", [{"sell", "rent"}]),
    (r"\b(?:many|most)\s+(?:other\s+)?sites", [{"sites"}, {"many", "most"}, {"any", "ost"}, {"m"}]),
    (r"(?:we|you)?\s*data", [{"data"}]),
    (r"a?b*", None),
    (r"[0-9]+ years", [{"years"}]),
    (r"(?:1[0-9]|21) (?:or|and) (?:older|up)", [{"and", "or"}, {"up", "older"}, {"1", "21"}]),
])
def test_required_words(source: str, clauses: list[set[str]] | None) -> None:
    found = required_words(source)
    assert (sorted(map(sorted, found)) if found is not None else None) == \
        (sorted(map(sorted, clauses)) if clauses is not None else None)


def test_every_match_of_a_shipped_expression_holds_one_of_its_words(ruleset: RuleSet) -> None:
    rng = random.Random(3)
    regexes = [src for src in _shipped_regexes(ruleset) if required_words(src)]
    assert regexes

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        source = data.draw(st.sampled_from(regexes))
        needs = required_words(source)
        assert needs is not None
        match = data.draw(st.from_regex(re.compile(source, re.I)))
        found = re.search(source, match, re.I)
        if found is None:
            return
        words = frozenset().union(*needs)
        assert holds(needs, WordIndex(words).present(found.group(0))), (source, found.group(0))

    check()
    for source in regexes:  # and the words stay found inside longer words, in any case
        needs = required_words(source)
        assert needs is not None
        words = frozenset().union(*needs)
        for word in words:
            inside = "x" + "".join(c.upper() if rng.random() < .5 else c for c in word) + "ing"
            assert word in WordIndex(words).present(inside)


def test_a_word_is_found_as_ignorecase_finds_it() -> None:
    index = WordIndex(frozenset({"sell", "kids", "child"}))
    assert index.present("We reSELLing ſell \u212aIDS and ch\u0130ld") == {"sell", "kids", "child"}
    assert index.present("We do not sel data") == set()


_RUN_PIECES = ["sell", "Data", "\u0130n", "\u0131", "\u017f", "\u212a", "é", "ß", "ǅ", "\ud800", "\U0001f600",
               "n't", "’s", " ", "\n", "-", "_", "9", "x", "?", "ﬀ"]


@given(st.one_of(st.text(), st.lists(st.sampled_from(_RUN_PIECES), max_size=30).map("".join)))
def test_the_word_scan_finds_the_runs_the_expression_finds(text: str) -> None:
    """`WordIndex` reads a text's runs of letters and digits from its bytes (`runs_of`): the
    same runs, in the same order, as the expression over the folded text."""
    assert [r.decode() for r in runs_of(text)] == re.findall(r"[a-z0-9]+", normalize(text))


def test_the_engines_bit_test_agrees_with_a_plain_substring_test(ruleset: RuleSet) -> None:
    """The engine screens a block or sentence with bits (`WordIndex.mask`, `holds_bits`): that
    test says the same as looking for each word in the folded text (a word of letters and
    digits found there lies inside a run of them), on texts made of the expressions' words."""
    rng = random.Random(5)
    needs_list = [n for n in map(required_words, _shipped_regexes(ruleset)) if n]
    words = frozenset().union(*(c for n in needs_list for c in n))
    index = WordIndex(words)
    vocabulary = sorted(words) + ["\u0130n", "re", "x", "-", "ſell", "ING", ".", "n't"]
    for _ in range(300):
        text = "".join(rng.choice(vocabulary) + rng.choice(["", " ", "", "-"])
                       for _ in range(rng.randint(0, 8)))
        folded = normalize(text)
        present = {w for w in words if w in folded}
        assert {w for w in words if index.bits[w] & index.mask(text)} == present, text
        for needs in needs_list:
            assert holds_bits(index.bits_of(needs), index.mask(text)) == holds(needs, present)


# --- whitespace folding -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\xa0\u2003ab_*#>-1.)[]()\\", max_size=120))
def test_blocks_are_as_if_every_whitespace_run_were_folded(text: str) -> None:
    """A lone space is left in place instead of being replaced by itself: same blocks, same
    offsets as folding every run of whitespace."""
    import policylens.structure.blocks as text_module

    fast = [(b.text, tuple(b.offsets)) for b in text_module.iter_blocks(text)]
    every_run = re.compile(text_module._MARKUP.pattern.replace(r"|[^\S ]\s*| \s+", r"|\s+"), re.M)
    assert every_run.pattern != text_module._MARKUP.pattern
    original = text_module._MARKUP
    try:
        text_module._MARKUP = every_run
        reference = [(b.text, tuple(b.offsets)) for b in text_module.iter_blocks(text)]
    finally:
        text_module._MARKUP = original
    assert fast == reference
