"""diff on long revisions: section matching near-linear in the number of sections and the size of
the texts (measured by the alignment's deterministic work counter, not by a clock), and a budget
that degrades to "sections not aligned" instead of hanging."""

from __future__ import annotations

import io
import random

import pytest

from policylens.models import Document, Metadata, Report
from policylens.render import diff_renderers
from policylens.reports.align import WORK_FLOOR, WORK_PER_CHARACTER, Budget
from policylens.reports.diff import diff_reports

WORDS = ("account address advertising analytics browser contact content cookies customer data "
         "delete device email identifier information location marketing partners payment "
         "personal preferences profile provide purchase request rights security service "
         "settings share third usage").split()
TEMPLATES = (
    "We collect your {0} and {1} when you use the {2}.",
    "We may share {0} with {1} partners for {2} purposes.",
    "We do not sell your personal information to {0} or {1}.",
    "You can ask us to delete your {0} at any time from your {1} {2}.",
    "Our {0} providers process {1} on our behalf to deliver the {2}.",
)


def _paragraphs(count: int, seed: int) -> list[str]:
    """Distinct policy-like paragraphs (no headings), reproducible from the seed."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(TEMPLATES).format(*rng.sample(WORDS, 3)) + f" Clause {seed}-{n}-{k}."
                     for k in range(4))
            for n in range(count)]


@pytest.fixture(scope="module")
def long_pair(analyzer) -> tuple[Report, Report]:  # type: ignore[no-untyped-def]
    """About 140 KB and 70 KB with no headings at all: the new revision keeps every other
    paragraph, a few of them reworded (the shape of the 17-minute diff in issue 12)."""
    paragraphs = _paragraphs(400, seed=12)
    kept = [p.replace("We ", "We now ", 1) if n % 10 == 0 else p for n, p in enumerate(paragraphs)
            if n % 2 == 0]
    old_text, new_text = "\n\n".join(paragraphs), "\n\n".join(kept)
    assert 130_000 < len(old_text) < 150_000 and 60_000 < len(new_text) < 80_000
    return (analyzer.analyze(Document.build("old.md", old_text, Metadata())),
            analyzer.analyze(Document.build("new.md", new_text, Metadata())))


def test_long_policies_without_headings_align_within_a_linear_budget(long_pair) -> None:  # type: ignore[no-untyped-def]
    old, new = long_pair
    assert old.sections == () and new.sections == ()
    diff = diff_reports(old, new, budget=Budget.for_sizes(len(old.text), len(new.text), seconds=None))
    assert diff.aligned
    assert diff.work <= WORK_FLOOR + WORK_PER_CHARACTER * (len(old.text) + len(new.text))
    [whole] = diff.sections  # the text before the first heading: all of it
    assert whole.kind == "reworded"
    kinds = {s.kind for s in whole.sentences}
    assert {"removed", "changed"} <= kinds  # half the paragraphs went, some were reworded
    changed = next(s for s in whole.sentences if s.kind == "changed")
    assert changed.new and changed.new.startswith("We now ")


def test_many_sections_are_paired_with_few_comparisons() -> None:
    """2,000 sections moved around and reworded: every one is found again, and the work done is
    a small multiple of the text's length (comparing all pairs would be 4,000,000 comparisons)."""
    paragraphs = _paragraphs(2000, seed=7)
    old_text = "\n\n".join(f"## Part {n}\n\n{p}" for n, p in enumerate(paragraphs))
    order = list(range(2000))
    random.Random(3).shuffle(order)
    new_text = "\n\n".join(f"## Article {n}\n\n{paragraphs[n].replace('We ', 'We also ', 1)}"
                           for n in order)
    old, new = _report("old.md", old_text), _report("new.md", new_text)
    diff = diff_reports(old, new, budget=Budget.for_sizes(len(old_text), len(new_text), seconds=None))
    assert diff.aligned
    counts = diff.section_counts()
    assert counts["added"] == counts["removed"] == 0
    assert counts["reworded"] + counts["unchanged"] == 2000
    paired = {(s.old.title, s.new.title) for s in diff.sections if s.old and s.new}
    assert ("Part 17", "Article 17") in paired and ("Part 1999", "Article 1999") in paired
    assert diff.work < 40 * (len(old_text) + len(new_text))


def test_over_budget_the_sections_are_not_aligned_but_the_practices_are_diffed(long_pair) -> None:  # type: ignore[no-untyped-def]
    old, new = long_pair
    full = diff_reports(old, new)
    starved = diff_reports(old, new, budget=Budget(limit=10_000))
    assert not starved.aligned and starved.sections == ()
    assert starved.changes == full.changes
    assert starved.to_dict()["sections_aligned"] is False
    out = io.StringIO()
    diff_renderers()["text"](starved, out)
    assert "Sections: not aligned (the work budget of 10,000 units ran out); the practice " \
           "changes are complete" in " ".join(out.getvalue().split())


def _report(path: str, text: str) -> Report:
    from policylens.structure.sections import parse_sections

    document = Document.build(path, text, Metadata(source_format="markdown"))
    return Report(path, document.metadata, parse_sections(document), {}, (), text=text)


@pytest.mark.parametrize("columns, stacked", [("80", True), ("140", False)])
def test_narrow_output_stacks_old_and_new_evidence(analyze_text, monkeypatch, columns: str,  # type: ignore[no-untyped-def]
                                                   stacked: bool) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    old = analyze_text("# Privacy\n\nWe do not sell your personal information.\n")
    new = analyze_text("# Privacy\n\nWe may sell your personal information to advertisers.\n")
    out = io.StringIO()
    diff_renderers()["text"](diff_reports(old, new), out)
    text = out.getvalue()
    assert ("old evidence" not in text) is stacked
    assert ("  old: We do not sell your personal information." in text) is stacked
    assert max(len(line) for line in text.splitlines()) <= int(columns)
