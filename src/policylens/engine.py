"""Rules over sentences -> findings. Builds the spaCy pipeline and matchers once per Analyzer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policylens.models import Document, Finding, Report, Section
from policylens.nlp import BLANK, get_nlp
from policylens.polarity import Cue, PolarityDetector
from policylens.ruleset import Pattern, Rule, RuleSet
from policylens.sections import parse_sections, section_at
from policylens.text import Block, iter_blocks
from policylens.verdicts import decide_all

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MAX_SENTENCE_CHARS = 3000  # regexes run on at most this much of one sentence


@dataclass(frozen=True)
class _Hit:
    start: int  # token span in the block doc
    end: int


class _PatternIndex:
    """Token, phrase and regex patterns of one role (trigger, requires, exclude), keyed by rule."""

    def __init__(self, nlp: object, role: str, rules: Iterable[Rule]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.matcher = Matcher(nlp.vocab, validate=True)  # type: ignore[attr-defined]
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")  # type: ignore[attr-defined]
        self.regexes: list[tuple[str, re.Pattern[str]]] = []
        for rule in rules:
            patterns: tuple[Pattern, ...] = getattr(rule, role)
            token_patterns = [p.value for p in patterns if p.kind == "tokens"]
            phrase_texts = [t for p in patterns if p.kind == "phrase" for t in p.value]
            if token_patterns:
                self.matcher.add(rule.id, token_patterns)
            if phrase_texts:
                self.phrases.add(rule.id, [nlp.make_doc(t) for t in phrase_texts])  # type: ignore[attr-defined]
            for p in patterns:
                if p.kind == "regex":
                    self.regexes.append((rule.id, re.compile(p.value, re.I)))
        self.strings = nlp.vocab.strings  # type: ignore[attr-defined]

    def hits(self, doc: Doc) -> dict[str, list[_Hit]]:
        found: dict[str, list[_Hit]] = {}
        for key, start, end in self.matcher(doc):
            found.setdefault(self.strings[key], []).append(_Hit(start, end))
        for key, start, end in self.phrases(doc):
            found.setdefault(self.strings[key], []).append(_Hit(start, end))
        if self.regexes:
            for sent in doc.sents:
                text = sent.text[:MAX_SENTENCE_CHARS]
                for rule_id, rx in self.regexes:
                    for m in rx.finditer(text):
                        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                                             alignment_mode="expand")
                        if span is not None and len(span):
                            found.setdefault(rule_id, []).append(_Hit(span.start, span.end))
        return found


class Analyzer:
    """Holds the pipeline and compiled rules; `analyze` is called once per document."""

    def __init__(self, ruleset: RuleSet, model: str = BLANK) -> None:
        self.ruleset = ruleset
        self.model = model
        self.nlp = get_nlp(model)
        self.rules = {r.id: r for r in ruleset.rules}
        self.triggers = _PatternIndex(self.nlp, "patterns", ruleset.rules)
        self.requires = _PatternIndex(self.nlp, "requires", [r for r in ruleset.rules if r.requires])
        self.excludes = _PatternIndex(self.nlp, "exclude", [r for r in ruleset.rules if r.exclude])
        self.polarity = PolarityDetector(self.nlp)

    def findings_in_block(self, block: Block, doc: Doc, document: Document | None,
                          sections: tuple[Section, ...] = ()) -> list[Finding]:
        hits = self.triggers.hits(doc)
        if not hits:
            return []
        required = self.requires.hits(doc)
        excluded = self.excludes.hits(doc)
        cues = self.polarity.cues(doc)
        sentences = list(doc.sents)
        findings: list[Finding] = []
        for rule_id in sorted(hits):
            rule = self.rules[rule_id]
            for sent in sentences:
                finding = self._finding(rule, sent, hits[rule_id], required, excluded, cues,
                                        block, document, sections)
                if finding:
                    findings.append(finding)
        return findings

    def _finding(self, rule: Rule, sent: Span, hits: list[_Hit], required: dict[str, list[_Hit]],
                 excluded: dict[str, list[_Hit]], cues: list[Cue], block: Block,
                 document: Document | None, sections: tuple[Section, ...]) -> Finding | None:
        def inside(h: _Hit) -> bool:
            return sent.start <= h.start and h.end <= sent.end

        candidates = [h for h in hits if inside(h)]
        if not candidates:
            return None
        if rule.requires and not any(inside(h) for h in required.get(rule.id, [])):
            return None
        blocked = [h for h in excluded.get(rule.id, []) if inside(h)]
        candidates = [h for h in candidates
                      if not any(b.start < h.end and h.start < b.end for b in blocked)]
        if not candidates:
            return None
        # The earliest, then shortest, trigger speaks for the sentence.
        hit = min(candidates, key=lambda h: (h.start, h.end - h.start))
        polarity, cue = self.polarity.classify(cues, sent.start, hit.start, hit.end, sent.end)
        value = rule.value_for(polarity)
        # Removed marks can leave two spaces, which spaCy keeps as a whitespace token that may
        # open or close a sentence: the evidence is the sentence without it.
        sent_text = sent.text
        lead = len(sent_text) - len(sent_text.lstrip())
        sent_text = sent_text.strip()
        start, end = block.span(sent.start_char + lead, sent.start_char + lead + len(sent_text))
        attributes = []
        for name, rx in sorted(rule.attributes.items()):
            m = rx.search(sent_text[:MAX_SENTENCE_CHARS])
            if m:
                attributes.append((name, (m.group(1) if m.groups() else m.group(0)).lower()))
        if document is not None:
            line = document.line_of(start)
            sec = section_at(sections, start)
            section = sec.title if sec else ""
        else:
            line, section = 1, ""
        trigger = sent.doc[hit.start:hit.end].text
        return Finding(rule.id, rule.practice, value, polarity, sent_text, start, end, line,
                       section, trigger, cue, tuple(attributes))

    def analyze(self, document: Document, sha256: str = "") -> Report:
        sections = parse_sections(document)
        # Blocks stream through the pipeline (never all in memory at once: a 50 MB policy).
        blocks = ((b.text, b) for b in iter_blocks(document.text)
                  if b.offsets[0] >= document.body_start)
        findings: list[Finding] = []
        for doc, block in self.nlp.pipe(blocks, as_tuples=True):
            findings.extend(self.findings_in_block(block, doc, document, sections))
        findings.sort(key=Finding.sort_key)
        verdicts = decide_all(findings, self.ruleset.practices)
        notes = []
        if not findings:
            notes.append("no practices found: this text may not be a privacy policy")
        return Report(document.path, document.metadata, sections, verdicts,
                      tuple(findings), tuple(notes), sha256)
