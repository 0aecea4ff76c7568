"""Two reports of one policy -> what changed: practice values, sections, and the sentences around
the evidence. Pure functions over `Report`s; no text is analysed again.

Sections are matched by content, not position: identical text first, then the most similar pairs
(rapidfuzz), so a section that was renumbered, renamed or moved is not reported as removed.

A practice change is a regression when the new value stands later than the old one in the
practice's `risk` order (data/practices.yaml, safest to worst); a value the order does not place
can change, but never trips the gate. A practice whose value stays but whose attributes change
(a newly named tracking technology, another age) is a change too, never a regression.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

from policylens.models import AttrValue, Finding, PracticeVerdict, Report, attribute_json
from policylens.practices import NOT_MENTIONED, Practice, load_practices
from policylens.reports.align import CANDIDATES, Budget, OverBudget, ShingleIndex, ratio, shingles
from policylens.structure.blocks import iter_blocks

PREAMBLE = "(text before the first heading)"
WORSE, BETTER, CHANGED = "worse", "better", "changed"
# A pair of sections is the same section reworded when their texts are this similar (0-100),
# or this much less when their titles agree.
SAME_SECTION = 60.0
SAME_SECTION_SAME_TITLE = 30.0
SAME_TITLE = 90.0
SAME_SENTENCE = 50.0
GREW_AROUND = 0.9  # share of a section's word runs found in a longer one that grew around it
SENTENCE_WINDOW = 40  # in a long run of changed sentences, each is compared with this many around it

_NUMBERING = re.compile(
    r"^(?:(?:section|article|part)\s+)?(?:\d+(?:\.\d+)*[.):]?|(?:[ivxlcdm]+|[a-z])[.)])\s+", re.I)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def direction(practice: Practice, old: str, new: str) -> str:
    """'' when equal; worse/better by the practice's risk order; 'changed' when it has no say."""
    if old == new:
        return ""
    a, b = practice.risk_rank(old), practice.risk_rank(new)
    if a is None or b is None:
        return CHANGED
    return WORSE if b > a else BETTER


@dataclass(frozen=True)
class AttributeChange:
    """One attribute of a practice's verdict, before and after (None: not stated)."""

    name: str
    old: AttrValue | None
    new: AttrValue | None

    def describe(self) -> str:
        """'technologies: +pixels, -flash-cookies' for lists, 'age: 13 → 16' for one value."""
        if isinstance(self.old, tuple) or isinstance(self.new, tuple):  # a `many` attribute
            before, after = set(self.old or ()), set(self.new or ())
            parts = [f"+{v}" for v in sorted(after - before)] + [f"-{v}" for v in sorted(before - after)]
            return f"{self.name}: {', '.join(parts)}"
        return f"{self.name}: {self.old or 'none'} → {self.new or 'none'}"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "old": attribute_json(self.old), "new": attribute_json(self.new)}


def attribute_changes(old: PracticeVerdict, new: PracticeVerdict) -> tuple[AttributeChange, ...]:
    before, after = dict(old.attributes), dict(new.attributes)
    return tuple(AttributeChange(name, before.get(name), after.get(name))
                 for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name))


@dataclass(frozen=True)
class PracticeChange:
    practice: Practice
    old: PracticeVerdict
    new: PracticeVerdict
    direction: str  # worse | better | changed
    gated: bool  # the practice is one the gate watches (--fail-on)
    attributes: tuple[AttributeChange, ...] = ()

    @property
    def regression(self) -> bool:
        return self.gated and self.direction == WORSE

    @property
    def value_changed(self) -> bool:
        """False when only attributes changed."""
        return self.old.value != self.new.value

    def describe_attributes(self) -> str:
        return "; ".join(a.describe() for a in self.attributes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "practice": self.practice.id,
            "title": self.practice.title,
            "old": self.old.value,
            "new": self.new.value,
            "direction": self.direction,
            "regression": self.regression,
            "gated": self.gated,
            "old_reason": self.old.reason,
            "new_reason": self.new.reason,
            "old_evidence": [f.to_dict() for f in self.old.evidence],
            "new_evidence": [f.to_dict() for f in self.new.evidence],
            "attributes": [a.to_dict() for a in self.attributes],
        }


@dataclass(frozen=True)
class SectionRef:
    """A section of one revision (index -1: the text before the first heading)."""

    index: int
    title: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "title": self.title, "line": self.line}


@dataclass(frozen=True)
class SentenceChange:
    kind: str  # added | removed | changed
    old: str | None
    new: str | None
    old_line: int | None
    new_line: int | None
    practices: tuple[str, ...]  # practices with a finding in the old or the new sentence

    def to_dict(self) -> dict[str, Any]:
        return {"change": self.kind, "old": self.old, "new": self.new, "old_line": self.old_line,
                "new_line": self.new_line, "practices": list(self.practices)}


@dataclass(frozen=True)
class SectionChange:
    kind: str  # added | removed | reworded | unchanged
    old: SectionRef | None
    new: SectionRef | None
    similarity: float  # of the section texts, 0-100
    moved: bool = False  # its place among the matched sections changed
    retitled: bool = False  # the title changed beyond its numbering
    practices: tuple[str, ...] = ()  # practices with findings in the section, either revision
    sentences: tuple[SentenceChange, ...] = ()

    @property
    def notable(self) -> bool:
        return self.kind != "unchanged" or self.moved or self.retitled

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.kind,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "similarity": round(self.similarity, 1),
            "moved": self.moved,
            "retitled": self.retitled,
            "practices": list(self.practices),
            "sentences": [s.to_dict() for s in self.sentences],
        }


@dataclass(frozen=True)
class Diff:
    old: Report
    new: Report
    changes: tuple[PracticeChange, ...]
    sections: tuple[SectionChange, ...]
    gate: tuple[str, ...]  # practice ids whose regressions fail the run
    location: str = ""  # the file annotations point at (a path in the repository), if not new.path
    unaligned: str = ""  # why the sections were not aligned (too much work), or ""
    work: int = 0  # work units the alignment spent (align.Budget)

    @property
    def aligned(self) -> bool:
        return not self.unaligned

    @property
    def file(self) -> str:
        return self.location or self.new.path

    @property
    def regression(self) -> bool:
        return any(c.regression for c in self.changes)

    @property
    def regressions(self) -> tuple[PracticeChange, ...]:
        return tuple(c for c in self.changes if c.regression)

    def section_counts(self) -> dict[str, int]:
        counts = {"added": 0, "removed": 0, "reworded": 0, "unchanged": 0, "moved": 0, "retitled": 0}
        for s in self.sections:
            counts[s.kind] += 1
            counts["moved"] += s.moved
            counts["retitled"] += s.retitled
        return counts

    def sections_summary(self) -> str:
        """'3 added, 1 removed, ...', or why the sections were not aligned."""
        if self.unaligned:
            return f"not aligned ({self.unaligned}); the practice changes are complete"
        counts = self.section_counts()
        return ", ".join(f"{counts[k]} {k}" for k in
                         ("added", "removed", "reworded", "moved", "retitled", "unchanged"))

    def to_dict(self) -> dict[str, Any]:
        def side(r: Report) -> dict[str, Any]:
            return {"path": r.path, "sha256": r.sha256, "metadata": r.metadata.to_dict()}

        return {
            "file": self.file,
            "old": side(self.old),
            "new": side(self.new),
            "changes": [c.to_dict() for c in self.changes],
            "sections": [s.to_dict() for s in self.sections if s.notable],
            "section_counts": self.section_counts(),
            "sections_aligned": self.aligned,
            "sections_not_aligned_reason": self.unaligned or None,
            "regression": self.regression,
            "gate": {"practices": list(self.gate),
                     "regressions": [c.practice.id for c in self.regressions]},
        }


# --- sections -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """A section's own text (up to its first subsection), normalised for matching."""

    ref: SectionRef
    start: int  # where its body starts in Report.text (after the heading line)
    end: int
    key: str  # title without numbering, lower case
    body: str  # clean body text, lower case
    practices: tuple[str, ...]
    parent: int | None = None  # index (in the list of parts) of the enclosing section

    @cached_property
    def shingles(self) -> frozenset[int]:
        return shingles(self.body)


def _lines(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _clean(chunk: str) -> str:
    return " ".join(b.text for b in iter_blocks(chunk)).lower()


def title_key(title: str) -> str:
    """A title as matching sees it: no numbering, case or punctuation ('3. Cookies:' = 'cookies')."""
    key = _NUMBERING.sub("", title.strip())
    return " ".join(re.sub(r"[^\w\s]", " ", key.lower()).split())


class _Findings:
    """A report's findings sorted by where they start, to find those in a span by bisection
    (a scan of every finding for every section and sentence is quadratic on long policies)."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.items = sorted(findings, key=lambda f: f.start)
        self.starts = [f.start for f in self.items]
        self.longest = max((f.end - f.start for f in self.items), default=0)

    def starting_in(self, start: int, end: int) -> tuple[str, ...]:
        """Practices of the findings that start in [start, end)."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return tuple(sorted({f.practice for f in self.items[lo:hi]}))

    def overlapping(self, start: int, end: int) -> tuple[str, ...]:
        """Practices of the findings that overlap [start, end)."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return tuple(sorted({f.practice for f in self.items[lo:hi] if start < f.end}))


def _parts(report: Report) -> list[_Part]:
    text, sections = report.text, report.sections
    lines = _lines(text)
    findings = _Findings(report.findings)
    parts: list[_Part] = []
    first = sections[0].start if sections else len(text)
    if text[report.body_start:first].strip():
        start = report.body_start
        line = bisect.bisect_right(lines, start)
        parts.append(_Part(SectionRef(-1, PREAMBLE, line), start, first, "",
                           _clean(text[start:first]), findings.starting_in(start, first)))
    offset = len(parts)  # part index = section index + offset
    for i, s in enumerate(sections):
        end = min(s.end, sections[i + 1].start) if i + 1 < len(sections) else s.end
        if s.kind == "bold-lead":  # "**Title**: text" -- the heading line is content too
            start = s.start
        else:
            newline = text.find("\n", s.start, end)
            start = newline + 1 if newline >= 0 else end
        parts.append(_Part(SectionRef(s.index, s.title, s.line), start, end, title_key(s.title),
                           _clean(text[start:end]), findings.starting_in(s.start, end),
                           None if s.parent is None else s.parent + offset))
    return parts


def _score(a: _Part, b: _Part, budget: Budget) -> float | None:
    """How alike two sections are (higher first), or None when they are not the same section."""
    from rapidfuzz import fuzz

    title = fuzz.ratio(a.key, b.key) if a.key and b.key else 0.0
    if a.body and b.body:
        needed = SAME_SECTION_SAME_TITLE if title >= SAME_TITLE else SAME_SECTION
        shortest, longest = sorted((len(a.body), len(b.body)))
        # ratio can be at most 200 * shortest / (shortest + longest): skip what cannot reach it
        content = ratio(a.body, b.body, budget, needed) \
            if 200 * shortest / (shortest + longest) >= needed else 0.0
        if content >= SAME_SECTION or (title >= SAME_TITLE and content >= SAME_SECTION_SAME_TITLE):
            return content + title / 100
        short, long = sorted((a, b), key=lambda part: len(part.body))
        # Grew around the same text: nearly all its word runs are in the other (linear, where a
        # partial edit distance over a long text is not).
        if len(short.body) >= 200 and short.shingles:
            budget.charge(len(short.shingles))
            if len(short.shingles & long.shingles) >= GREW_AROUND * len(short.shingles):
                return max(content, SAME_SECTION) + title / 100
        return None
    if title >= SAME_TITLE:  # a heading with no text of its own: its title is all there is
        return title / 100
    return None


def _similarity(a: _Part, b: _Part, budget: Budget) -> float:
    return ratio(a.body, b.body, budget)


def _candidates(i: int, a: _Part, old: list[_Part], new: list[_Part], index: ShingleIndex,
                used: set[int], budget: Budget) -> set[int]:
    """The few new parts worth scoring against old part `i`: those sharing its rarest word runs,
    those with a similar title, and its neighbours by position."""
    from rapidfuzz import fuzz, process

    found: set[int] = set()
    if a.body:
        found.update(index.candidates(a.shingles, budget, skip=used))
    if a.key:
        keys = [p.key if p.key and j not in used else None for j, p in enumerate(new)]
        budget.charge(len(new) + sum(len(p.key) for p in new) // 8)
        found.update(j for _, _, j in process.extract(a.key, keys, scorer=fuzz.ratio, limit=CANDIDATES,
                                                      score_cutoff=SAME_TITLE, processor=None))
    middle = round(i * len(new) / max(len(old), 1))
    found.update(j for j in range(middle - 2, middle + 3) if 0 <= j < len(new))
    return found - used


def match_sections(old: list[_Part], new: list[_Part], budget: Budget | None = None
                   ) -> list[tuple[int, int]]:
    """One-to-one pairs (old index, new index) of the same section, by content: identical text
    first, then the best-scoring of a few candidates each (see `align`). OverBudget when the
    budget runs out."""
    if budget is None:
        budget = Budget.for_sizes(sum(len(p.body) for p in old), sum(len(p.body) for p in new))
    pairs: dict[int, int] = {}
    same_text: dict[str, list[int]] = defaultdict(list)
    for j, part in enumerate(new):
        if part.body:
            same_text[part.body].append(j)
    for i, part in enumerate(old):
        if part.body and same_text.get(part.body):
            pairs[i] = same_text[part.body].pop(0)
    used = set(pairs.values())
    index = ShingleIndex([part.shingles for part in new])
    candidates = []
    for i, a in enumerate(old):
        if i in pairs:
            continue
        for j in sorted(_candidates(i, a, old, new, index, used, budget)):
            score = _score(a, new[j], budget)
            if score is not None:
                distance = abs(i / max(len(old), 1) - j / max(len(new), 1))
                candidates.append((-score, distance, i, j))
    for _, _, i, j in sorted(candidates):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    # A heading with no text of its own whose title changed is the same section when its
    # subsections are: the content of a container is its children.
    children: dict[int, list[int]] = defaultdict(list)
    for k, part in enumerate(old):
        if part.parent is not None:
            children[part.parent].append(k)
    for i in reversed(range(len(old))):  # deepest first, so nested containers pair up too
        if i in pairs or old[i].body:
            continue
        shared: dict[int, int] = defaultdict(int)
        for k in children.get(i, ()):
            if k not in pairs:
                continue
            up = new[pairs[k]].parent
            if up is not None and up not in used and not new[up].body:
                shared[up] += 1
        if shared:
            j = max(sorted(shared), key=lambda n: shared[n])
            pairs[i] = j
            used.add(j)
    return sorted(pairs.items())


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose order is the same in both revisions; the rest moved."""
    tails: list[int] = []  # index into pairs of the smallest tail of each run length
    tail_values: list[int] = []  # pairs[tails[n]][1], kept beside for bisect
    back: list[int | None] = [None] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tail_values, j)
        back[k] = tails[pos - 1] if pos else None
        if pos == len(tails):
            tails.append(k)
            tail_values.append(j)
        else:
            tails[pos] = k
            tail_values[pos] = j
    keep: set[tuple[int, int]] = set()
    k2 = tails[-1] if tails else None
    while k2 is not None:
        keep.add(pairs[k2])
        k2 = back[k2]
    return keep


# --- sentences ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    text: str
    key: str
    line: int
    practices: tuple[str, ...]


def _sentences(report: Report, part: _Part, lines: list[int], findings: _Findings
               ) -> list[_Sentence]:
    chunk = report.text[part.start:part.end]
    found: list[_Sentence] = []
    for block in iter_blocks(chunk):
        pos = 0
        for piece in _SENTENCE_END.split(block.text):
            begin = block.text.find(piece, pos)
            pos = begin + len(piece)
            if not piece.strip():
                continue
            start, end = block.span(begin, pos)
            start, end = start + part.start, end + part.start
            found.append(_Sentence(piece, " ".join(piece.lower().split()),
                                   bisect.bisect_right(lines, start),
                                   findings.overlapping(start, end)))
    return found


def diff_sentences(old: list[_Sentence], new: list[_Sentence], budget: Budget | None = None
                   ) -> list[SentenceChange]:
    """Sentences removed, added or reworded (paired when at least SAME_SENTENCE similar). In a
    run of changed sentences, each is compared with the SENTENCE_WINDOW sentences around its
    place on the other side (all of them in a short run), so a rewritten policy stays linear."""
    from rapidfuzz import fuzz

    if budget is None:
        budget = Budget.for_sizes(sum(len(s.key) for s in old), sum(len(s.key) for s in new))

    def removed(s: _Sentence) -> SentenceChange:
        return SentenceChange("removed", s.text, None, s.line, None, s.practices)

    def added(s: _Sentence) -> SentenceChange:
        return SentenceChange("added", None, s.text, None, s.line, s.practices)

    changes: list[SentenceChange] = []
    matcher = SequenceMatcher(None, [s.key for s in old], [s.key for s in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left, right = old[i1:i2], new[j1:j2]
        taken: set[int] = set()
        for x, a in enumerate(left):
            middle = x * len(right) // max(len(left), 1)
            best = (0.0, -1)
            for k in range(max(0, middle - SENTENCE_WINDOW), min(len(right), middle + SENTENCE_WINDOW + 1)):
                if k in taken:
                    continue
                budget.charge(len(a.key) + len(right[k].key))
                best = max(best, (fuzz.ratio(a.key, right[k].key, score_cutoff=SAME_SENTENCE), k))
            if best[0] >= SAME_SENTENCE:
                b = right[best[1]]
                taken.add(best[1])
                changes.append(SentenceChange("changed", a.text, b.text, a.line, b.line,
                                              tuple(sorted(set(a.practices) | set(b.practices)))))
            else:
                changes.append(removed(a))
        changes.extend(added(b) for k, b in enumerate(right) if k not in taken)
    return changes


# --- the diff -------------------------------------------------------------------------------


def _section_changes(old: Report, new: Report, budget: Budget) -> list[SectionChange]:
    """Every section's fate, in the new revision's order. OverBudget when aligning them would
    take more work than `budget` allows."""
    a, b = _parts(old), _parts(new)
    budget.charge(len(old.text) + len(new.text))
    lines_a, lines_b = _lines(old.text), _lines(new.text)
    found_a, found_b = _Findings(old.findings), _Findings(new.findings)
    pairs = match_sections(a, b, budget)
    ordered = _in_order(pairs)
    placed: list[tuple[tuple[int, int, int], SectionChange]] = []  # sorted into the new order
    for i, j in pairs:
        pa, pb = a[i], b[j]
        practices = tuple(sorted(set(pa.practices) | set(pb.practices)))
        kind = "unchanged" if pa.body == pb.body else "reworded"
        sentences: tuple[SentenceChange, ...] = ()
        if kind == "reworded" and practices:
            sentences = tuple(diff_sentences(_sentences(old, pa, lines_a, found_a),
                                             _sentences(new, pb, lines_b, found_b), budget))
        placed.append(((j, 0, 0), SectionChange(kind, pa.ref, pb.ref, _similarity(pa, pb, budget),
                                                (i, j) not in ordered, pa.key != pb.key,
                                                practices, sentences)))
    new_of = dict(pairs)
    after = -1  # the new place of the last matched section before this one
    for i, pa in enumerate(a):
        if i in new_of:
            after = max(after, new_of[i])
            continue
        evidence = tuple(SentenceChange("removed", s.text, None, s.line, None, s.practices)
                         for s in _sentences(old, pa, lines_a, found_a) if s.practices)
        placed.append(((after, 1, i), SectionChange("removed", pa.ref, None, 0.0,
                                                    practices=pa.practices, sentences=evidence)))
    matched_new = set(new_of.values())
    for j, pb in enumerate(b):
        if j not in matched_new:
            evidence = tuple(SentenceChange("added", None, s.text, None, s.line, s.practices)
                             for s in _sentences(new, pb, lines_b, found_b) if s.practices)
            placed.append(((j, 0, 0), SectionChange("added", None, pb.ref, 0.0,
                                                    practices=pb.practices, sentences=evidence)))
    return [change for _, change in sorted(placed, key=lambda item: item[0])]


def diff_reports(old: Report, new: Report, practices: dict[str, Practice] | None = None,
                 fail_on: Iterable[str] = (), location: str = "", budget: Budget | None = None
                 ) -> Diff:
    """What changed from `old` to `new`; `fail_on` limits the gate to those practice ids. The
    sections are aligned within `budget` (by default linear in the texts' length, and a few
    seconds); past it the diff says "sections not aligned" and still gives the practice changes."""
    practices = practices if practices is not None else load_practices()
    gate = tuple(fail_on) or tuple(practices)
    changes = []
    for pid, practice in practices.items():
        before = old.practices.get(pid) or PracticeVerdict(pid, NOT_MENTIONED)
        after = new.practices.get(pid) or PracticeVerdict(pid, NOT_MENTIONED)
        attributes = attribute_changes(before, after)
        if before.value != after.value or attributes:
            changes.append(PracticeChange(practice, before, after,
                                          direction(practice, before.value, after.value) or CHANGED,
                                          pid in gate, attributes))
    budget = budget if budget is not None else Budget.for_sizes(len(old.text), len(new.text))
    try:
        sections, unaligned = tuple(_section_changes(old, new, budget)), ""
    except OverBudget as over:
        sections, unaligned = (), str(over)
    return Diff(old, new, tuple(changes), sections, gate, location, unaligned, budget.spent)
