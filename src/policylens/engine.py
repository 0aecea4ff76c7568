"""Rules over sentences -> findings. Builds the spaCy pipeline and matchers once per Analyzer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policylens.models import Attributes, AttrValue, Document, Finding, Report, Section
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


def _as_words(tokens: list[dict], nlp: object) -> tuple[list[str], list[dict] | None]:
    """A one-token pattern that only lists lowercase words ({LOWER: {IN: [...]}} or {LOWER: w})
    as the words a PhraseMatcher can find instead (those the tokenizer keeps whole), and the token
    pattern still needed for the rest (None when nothing is left)."""
    if len(tokens) != 1 or set(tokens[0]) != {"LOWER"}:
        return [], tokens
    spec = tokens[0]["LOWER"]
    if isinstance(spec, str):
        listed = [spec]
    elif isinstance(spec, dict) and set(spec) == {"IN"} and isinstance(spec["IN"], list):
        listed = [str(w) for w in spec["IN"]]
    else:
        return [], tokens
    whole = [w for w in listed if w == w.lower() and len(nlp.make_doc(w)) == 1]  # type: ignore[attr-defined]
    rest = [w for w in listed if w not in whole]
    return whole, ([{"LOWER": {"IN": rest}}] if rest else None)


def _anchor(tokens: list[dict]) -> frozenset[str] | None:
    """Words one of which must be in a block for the pattern to match there: those of its most
    selective mandatory token that lists lowercase words; None when no token promises that."""
    best: frozenset[str] | None = None
    for token in tokens:
        op = str(token.get("OP", ""))
        if op not in ("", "+", "{1}") and not re.fullmatch(r"\{[1-9]\d*(?:,\d*)?\}", op):
            continue
        spec = token.get("LOWER")
        words: list[str] | None = None
        if isinstance(spec, str):
            words = [spec]
        elif isinstance(spec, dict) and isinstance(spec.get("IN"), list) and set(spec) == {"IN"}:
            words = [str(w) for w in spec["IN"]]
        if words is not None and (best is None or len(words) < len(best)):
            best = frozenset(words)
    return best


class _PatternIndex:
    """Token, phrase and regex patterns of one role (trigger, requires, exclude), keyed by rule.

    The spaCy Matcher tries every pattern at every token, so its cost grows with the number of
    patterns. So one-token word lists go to one PhraseMatcher (a hash lookup), and each rule's
    other token patterns get a Matcher of their own that runs only on blocks holding one of the
    words the rule cannot match without (its anchors), and, for requires and exclude, only for
    the rules whose triggers fired.
    """

    def __init__(self, nlp: object, role: str, rules: Iterable[Rule]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")  # type: ignore[attr-defined]
        self.matchers: list[tuple[str, frozenset[str] | None, Matcher]] = []
        self.regexes: list[tuple[str, re.Pattern[str]]] = []
        for rule in rules:
            patterns: tuple[Pattern, ...] = getattr(rule, role)
            token_patterns = []
            phrase_texts = [t for p in patterns if p.kind == "phrase" for t in p.value]
            for p in patterns:
                if p.kind != "tokens":
                    continue
                words, rest = _as_words(p.value, nlp)
                phrase_texts.extend(words)
                if rest:
                    token_patterns.append(rest)
            if token_patterns:
                # validated when the rules were loaded (ruleset.token_pattern_problem)
                matcher = Matcher(nlp.vocab, validate=False)  # type: ignore[attr-defined]
                matcher.add(rule.id, token_patterns)
                anchors = [_anchor(t) for t in token_patterns]
                union = None if any(a is None for a in anchors) else \
                    frozenset().union(*[a for a in anchors if a is not None])
                self.matchers.append((rule.id, union, matcher))
            if phrase_texts:
                self.phrases.add(rule.id, [nlp.make_doc(t) for t in phrase_texts])  # type: ignore[attr-defined]
            for p in patterns:
                if p.kind == "regex":
                    self.regexes.append((rule.id, re.compile(p.value, re.I)))
        self.strings = nlp.vocab.strings  # type: ignore[attr-defined]

    def hits(self, doc: Doc, only: set[str] | None = None,
             words: set[str] | None = None) -> dict[str, list[_Hit]]:
        """Matches of each rule (of the rules in `only`, if given); `words` are the block's
        lowercase words, if already known."""
        found: dict[str, list[_Hit]] = {}
        if self.matchers:
            present = words if words is not None else {t.lower_ for t in doc}
            sentences: list[tuple[Span, set[str]]] | None = None
            for rule_id, anchors, matcher in self.matchers:
                if only is not None and rule_id not in only:
                    continue
                if anchors is None:
                    for _key, start, end in matcher(doc):
                        found.setdefault(rule_id, []).append(_Hit(start, end))
                    continue
                if anchors.isdisjoint(present):
                    continue
                if sentences is None:  # a finding lives in one sentence: match only where it can
                    sentences = [(s, {t.lower_ for t in s}) for s in doc.sents]
                for sent, sent_words in sentences:
                    if anchors.isdisjoint(sent_words):
                        continue
                    for _key, start, end in matcher(sent):
                        found.setdefault(rule_id, []).append(_Hit(sent.start + start, sent.start + end))
        for key, start, end in self.phrases(doc):
            rule_id = self.strings[key]
            if only is None or rule_id in only:
                found.setdefault(rule_id, []).append(_Hit(start, end))
        regexes = [(r, rx) for r, rx in self.regexes if only is None or r in only]
        if regexes:
            for sent in doc.sents:
                text = sent.text[:MAX_SENTENCE_CHARS]
                for rule_id, rx in regexes:
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
        words = {t.lower_ for t in doc}
        hits = self.triggers.hits(doc, words=words)
        if not hits:
            return []
        fired = set(hits)
        required = self.requires.hits(doc, fired, words)
        excluded = self.excludes.hits(doc, fired, words)
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
        polarity, cue = self.polarity.classify_cue(cues, sent.start, hit.start, hit.end, sent.end)
        value = rule.value_for(polarity)
        # Removed marks can leave two spaces, which spaCy keeps as a whitespace token that may
        # open or close a sentence: the evidence is the sentence without it.
        sent_text = sent.text
        lead = len(sent_text) - len(sent_text.lstrip())
        sent_text = sent_text.strip()
        base = sent.start_char + lead  # spans within the sentence count from its first character
        start, end = block.span(base, base + len(sent_text))
        if document is not None:
            line = document.line_of(start)
            sec = section_at(sections, start)
            section = sec.title if sec else ""
        else:
            line, section = 1, ""
        doc = sent.doc
        trigger = doc[hit.start:hit.end]
        trigger_span = (trigger.start_char - base, trigger.end_char - base)
        cue_span = None
        if cue is not None:
            cue_tokens = doc[cue.start:cue.end]
            cue_span = (cue_tokens.start_char - base, cue_tokens.end_char - base)
        return Finding(rule.id, rule.practice, value, polarity, sent_text, start, end, line,
                       section, trigger.text, cue.text if cue else None,
                       self._attributes(rule, sent_text[:MAX_SENTENCE_CHARS]), trigger_span, cue_span)

    def _attributes(self, rule: Rule, sentence: str) -> Attributes:
        """What the rule reads from the sentence, shaped as its practice declares: one value, or a
        sorted tuple for `many` attributes."""
        if not rule.attributes:
            return ()
        practice = self.ruleset.practices.get(rule.practice)
        out: list[tuple[str, AttrValue]] = []
        for name, spec in sorted(rule.attributes.items()):
            found = spec.read(sentence)
            if not found:
                continue
            decl = practice.attributes.get(name) if practice else None
            out.append((name, tuple(sorted(set(found))) if decl and decl.many else found[0]))
        return tuple(out)

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
                      tuple(findings), tuple(notes), sha256, text=document.text,
                      body_start=document.body_start)
