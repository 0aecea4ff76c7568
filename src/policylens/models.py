"""The data that flows one way through policylens: Document -> sections -> findings -> Report."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

POLARITIES = ("affirmed", "negated", "hedged", "conditional")

# An attribute of a finding or verdict: a single value ("age": "13") or, for attributes a practice
# declares `many`, a sorted tuple of values ("technologies": ("cookies", "pixels")).
AttrValue = str | tuple[str, ...]
Attributes = tuple[tuple[str, AttrValue], ...]


def attribute_json(value: AttrValue | None) -> Any:
    """JSON shape of one attribute value: a string, or a list of strings for `many` ones."""
    return list(value) if isinstance(value, tuple) else value


def attributes_dict(attributes: Attributes) -> dict[str, Any]:
    """JSON shape of attributes: name -> its value (`attribute_json`)."""
    return {k: attribute_json(v) for k, v in attributes}


@dataclass(frozen=True)
class Metadata:
    """What is known about where a policy came from."""

    site: str | None = None
    archived: str | None = None  # ISO date of the Wayback snapshot
    snapshot_url: str | None = None
    policy_date: str | None = None  # ISO date the policy says it was updated / effective
    title: str | None = None
    source_format: str = "text"  # text | markdown | html
    encoding: str = "utf-8"
    repaired: bool = False  # mojibake was repaired
    language: str | None = None  # ISO 639-1 code of the text's language, when identified
    degraded: str | None = None  # why this capture is not a usable policy (login page, ...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "archived": self.archived,
            "snapshot_url": self.snapshot_url,
            "policy_date": self.policy_date,
            "title": self.title,
            "source_format": self.source_format,
            "encoding": self.encoding,
            "repaired": self.repaired,
            "language": self.language,
            "degraded": self.degraded,
        }


@dataclass(frozen=True)
class Document:
    """Clean text of one policy plus a line index, so any offset maps back to a line."""

    path: str
    text: str
    metadata: Metadata
    line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    body_start: int = 0  # where the policy starts, after an archive header line

    @classmethod
    def build(cls, path: str, text: str, metadata: Metadata, body_start: int = 0) -> Document:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", text))
        return cls(path=path, text=text, metadata=metadata, line_starts=tuple(starts),
                   body_start=body_start)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self.line_starts, offset)

    def column_of(self, offset: int) -> int:
        """1-based column of a character offset."""
        return offset - self.line_starts[self.line_of(offset) - 1] + 1


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs, up to the next heading of the same or higher level."""

    index: int
    title: str
    level: int
    kind: str  # markdown | setext | numbered | bold-lead | bold-line | caps | html | document
    start: int  # character span of the whole section in Document.text
    end: int
    line: int
    parent: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "title": self.title,
            "level": self.level,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "parent": self.parent,
        }


@dataclass(frozen=True)
class Slots:
    """Who gives which data to whom, for what, under which condition: a statement's typed slots,
    each a class named in data/lexicon.yaml."""

    action: str  # sale | share
    actor: str = "company"  # company | user | third-party
    data: str = "unspecified"  # personal | sensitive | public | aggregate | unspecified
    recipients: tuple[str, ...] = ()  # service-provider, affiliate, advertiser, third-party, ...
    purposes: tuple[str, ...] = ()  # marketing | advertising | own-use | legal | service | our-users | ...
    # consent | direction (the user's own instruction) | opt-out | legal | business-transfer | hypothetical
    conditions: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()  # recipients and conditions after "except", "unless"
    scope: str = "practice"  # practice | embedded | rights | restriction | description | lead-in | section
    #                          | minors | hypothesis
    only: bool = False  # "only with ...": what it names is all there is

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "actor": self.actor,
            "data": self.data,
            "recipients": list(self.recipients),
            "purposes": list(self.purposes),
            "conditions": list(self.conditions),
            "exceptions": list(self.exceptions),
            "scope": self.scope,
            "only": self.only,
        }


@dataclass(frozen=True)
class Finding:
    """One rule matching one sentence: the trigger, its polarity and the value it implies."""

    rule_id: str
    practice: str
    value: str | None  # practice value this finding supports; None when polarity maps to nothing
    polarity: str
    sentence: str
    start: int  # sentence span in Document.text
    end: int
    line: int
    section: str
    trigger: str
    cue: str | None = None  # the polarity cue word(s), if any
    attributes: Attributes = ()
    trigger_span: tuple[int, int] = (0, 0)  # character span of the trigger inside `sentence`
    cue_span: tuple[int, int] | None = None  # character span of the cue inside `sentence`
    slots: Slots | None = None  # for statements read by the statement reader
    decision: str = ""  # the decision function's words on why the statement supports its value

    def sort_key(self) -> tuple[int, str]:
        return (self.start, self.rule_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "value": self.value,
            "polarity": self.polarity,
            "sentence": self.sentence,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "trigger": self.trigger,
            "cue": self.cue,
            "trigger_span": list(self.trigger_span),
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "attributes": attributes_dict(self.attributes),
            "slots": self.slots.to_dict() if self.slots else None,
            "decision": self.decision,
        }


@dataclass(frozen=True)
class NearMiss:
    """A trigger that matched a sentence but made no finding, and why: what `explain` shows a
    rule author wondering why a rule stayed silent."""

    rule_id: str
    practice: str
    sentence: str
    start: int  # sentence span in Document.text
    line: int
    section: str
    trigger: str
    trigger_span: tuple[int, int]  # inside `sentence`
    why: str  # requires | exclude | definition | sense
    blocker: str | None = None  # for exclude: the text the exclude pattern matched; for sense: the word

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "sentence": self.sentence,
            "line": self.line,
            "start": self.start,
            "section": self.section,
            "trigger": self.trigger,
            "trigger_span": list(self.trigger_span),
            "why": self.why,
            "blocker": self.blocker,
        }


@dataclass(frozen=True)
class PracticeVerdict:
    """The policy-level value of one practice and the findings that decided it."""

    practice: str
    value: str
    evidence: tuple[Finding, ...] = ()
    reason: str = ""
    attributes: Attributes = ()
    # statements that support a value the decision rule outranked: the policy says both
    conflicts: tuple[Finding, ...] = ()

    def to_dict(self, all_findings: bool = False) -> dict[str, Any]:
        return {
            "value": self.value,
            "reason": self.reason,
            "attributes": attributes_dict(self.attributes),
            "evidence": [f.to_dict() for f in self.evidence],
            "conflicts": [f.to_dict() for f in self.conflicts],
        }


@dataclass(frozen=True)
class Report:
    """Everything policylens says about one policy; compare and diff read only this."""

    path: str
    metadata: Metadata
    sections: tuple[Section, ...]
    practices: dict[str, PracticeVerdict]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    sha256: str = ""
    # The clean text that section and finding offsets index into, and where the policy starts
    # after an archive header: diff reads section contents from here instead of re-reading files.
    text: str = field(default="", repr=False, compare=False)
    body_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "metadata": self.metadata.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "practices": {k: self.practices[k].to_dict() for k in sorted(self.practices)},
            "statements": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
        }
