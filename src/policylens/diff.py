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
from policylens.text import iter_blocks

PREAMBLE = "(text before the first heading)"
WORSE, BETTER, CHANGED = "worse", "better", "changed"
# A pair of sections is the same section reworded when their texts are this similar (0-100),
# or this much less when their titles agree.
SAME_SECTION = 60.0
SAME_SECTION_SAME_TITLE = 30.0
SAME_TITLE = 90.0
SAME_SENTENCE = 50.0

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
    def words(self) -> frozenset[str]:
        return frozenset(self.body.split())


def _lines(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _clean(chunk: str) -> str:
    return " ".join(b.text for b in iter_blocks(chunk)).lower()


def title_key(title: str) -> str:
    """A title as matching sees it: no numbering, case or punctuation ('3. Cookies:' = 'cookies')."""
    key = _NUMBERING.sub("", title.strip())
    return " ".join(re.sub(r"[^\w\s]", " ", key.lower()).split())


def _in(findings: Iterable[Finding], start: int, end: int) -> tuple[str, ...]:
    return tuple(sorted({f.practice for f in findings if start <= f.start < end}))


def _parts(report: Report) -> list[_Part]:
    text, sections = report.text, report.sections
    lines = _lines(text)
    parts: list[_Part] = []
    first = sections[0].start if sections else len(text)
    if text[report.body_start:first].strip():
        start = report.body_start
        line = bisect.bisect_right(lines, start)
        parts.append(_Part(SectionRef(-1, PREAMBLE, line), start, first, "",
                           _clean(text[start:first]), _in(report.findings, start, first)))
    offset = len(parts)  # part index = section index + offset
    for i, s in enumerate(sections):
        end = min(s.end, sections[i + 1].start) if i + 1 < len(sections) else s.end
        if s.kind == "bold-lead":  # "**Title**: text" -- the heading line is content too
            start = s.start
        else:
            newline = text.find("\n", s.start, end)
            start = newline + 1 if newline >= 0 else end
        parts.append(_Part(SectionRef(s.index, s.title, s.line), start, end, title_key(s.title),
                           _clean(text[start:end]), _in(report.findings, s.start, end),
                           None if s.parent is None else s.parent + offset))
    return parts


def _score(a: _Part, b: _Part) -> float | None:
    """How alike two sections are (higher first), or None when they are not the same section."""
    from rapidfuzz import fuzz

    title = fuzz.ratio(a.key, b.key) if a.key and b.key else 0.0
    if a.body and b.body:
        content = fuzz.ratio(a.body, b.body)
        if content >= SAME_SECTION or (title >= SAME_TITLE and content >= SAME_SECTION_SAME_TITLE):
            return content + title / 100
        (short, short_words), (long, long_words) = sorted(((a.body, a.words), (b.body, b.words)),
                                                          key=lambda item: len(item[0]))
        # Grew around the same text: nearly all its words are in the other, and then its text.
        if len(short) >= 200 and len(short_words & long_words) >= 0.8 * len(short_words) \
                and fuzz.partial_ratio(short, long) >= 90:
            return max(content, SAME_SECTION) + title / 100
        return None
    if title >= SAME_TITLE:  # a heading with no text of its own: its title is all there is
        return title / 100
    return None


def _similarity(a: _Part, b: _Part) -> float:
    from rapidfuzz import fuzz

    if a.body == b.body:
        return 100.0
    return float(fuzz.ratio(a.body, b.body))


def match_sections(old: list[_Part], new: list[_Part]) -> list[tuple[int, int]]:
    """One-to-one pairs (old index, new index) of the same section, by content."""
    pairs: dict[int, int] = {}
    same_text: dict[str, list[int]] = defaultdict(list)
    for j, part in enumerate(new):
        if part.body:
            same_text[part.body].append(j)
    for i, part in enumerate(old):
        if part.body and same_text.get(part.body):
            pairs[i] = same_text[part.body].pop(0)
    used = set(pairs.values())
    candidates = []
    for i, a in enumerate(old):
        if i in pairs:
            continue
        for j, b in enumerate(new):
            if j in used:
                continue
            score = _score(a, b)
            if score is not None:
                distance = abs(i / max(len(old), 1) - j / max(len(new), 1))
                candidates.append((-score, distance, i, j))
    for _, _, i, j in sorted(candidates):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    # A heading with no text of its own whose title changed is the same section when its
    # subsections are: the content of a container is its children.
    for i in reversed(range(len(old))):  # deepest first, so nested containers pair up too
        if i in pairs or old[i].body:
            continue
        shared: dict[int, int] = defaultdict(int)
        for k, j in pairs.items():
            up = new[j].parent
            if old[k].parent == i and up is not None and up not in used and not new[up].body:
                shared[up] += 1
        if shared:
            j = max(sorted(shared), key=lambda n: shared[n])
            pairs[i] = j
            used.add(j)
    return sorted(pairs.items())


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose order is the same in both revisions; the rest moved."""
    tails: list[int] = []  # index into pairs of the smallest tail of each run length
    back: list[int | None] = [None] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left([pairs[t][1] for t in tails], j)
        back[k] = tails[pos - 1] if pos else None
        if pos == len(tails):
            tails.append(k)
        else:
            tails[pos] = k
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


def _sentences(report: Report, part: _Part, lines: list[int]) -> list[_Sentence]:
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
                                   tuple(sorted({f.practice for f in report.findings
                                                 if f.start < end and start < f.end}))))
    return found


def diff_sentences(old: list[_Sentence], new: list[_Sentence]) -> list[SentenceChange]:
    """Sentences removed, added or reworded (paired when at least SAME_SENTENCE similar)."""
    from rapidfuzz import fuzz

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
        for a in left:
            best = max(((fuzz.ratio(a.key, b.key), k) for k, b in enumerate(right) if k not in taken),
                       default=(0.0, -1))
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


def _section_changes(old: Report, new: Report) -> list[SectionChange]:
    a, b = _parts(old), _parts(new)
    lines_a, lines_b = _lines(old.text), _lines(new.text)
    pairs = match_sections(a, b)
    ordered = _in_order(pairs)
    placed: list[tuple[tuple[int, int, int], SectionChange]] = []  # sorted into the new order
    for i, j in pairs:
        pa, pb = a[i], b[j]
        practices = tuple(sorted(set(pa.practices) | set(pb.practices)))
        kind = "unchanged" if pa.body == pb.body else "reworded"
        sentences: tuple[SentenceChange, ...] = ()
        if kind == "reworded" and practices:
            sentences = tuple(diff_sentences(_sentences(old, pa, lines_a), _sentences(new, pb, lines_b)))
        placed.append(((j, 0, 0), SectionChange(kind, pa.ref, pb.ref, _similarity(pa, pb),
                                                (i, j) not in ordered, pa.key != pb.key,
                                                practices, sentences)))
    new_of = dict(pairs)
    for i, pa in enumerate(a):
        if i not in new_of:  # removed: shown after the section that preceded it
            after = max((new_of[k] for k in range(i) if k in new_of), default=-1)
            evidence = tuple(SentenceChange("removed", s.text, None, s.line, None, s.practices)
                             for s in _sentences(old, pa, lines_a) if s.practices)
            placed.append(((after, 1, i), SectionChange("removed", pa.ref, None, 0.0,
                                                        practices=pa.practices, sentences=evidence)))
    matched_new = set(new_of.values())
    for j, pb in enumerate(b):
        if j not in matched_new:
            evidence = tuple(SentenceChange("added", None, s.text, None, s.line, s.practices)
                             for s in _sentences(new, pb, lines_b) if s.practices)
            placed.append(((j, 0, 0), SectionChange("added", None, pb.ref, 0.0,
                                                    practices=pb.practices, sentences=evidence)))
    return [change for _, change in sorted(placed, key=lambda item: item[0])]


def diff_reports(old: Report, new: Report, practices: dict[str, Practice] | None = None,
                 fail_on: Iterable[str] = (), location: str = "") -> Diff:
    """What changed from `old` to `new`; `fail_on` limits the gate to those practice ids."""
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
    return Diff(old, new, tuple(changes), tuple(_section_changes(old, new)), gate, location)
