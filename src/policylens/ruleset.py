"""Rule files: load with line marks, validate against a closed schema, report every problem.

A rule file holds ``rules:``, a list of rules. Each rule says which practice it speaks to, which
patterns trigger it, and which value each polarity of a trigger supports. See README, "Writing a
rule".
"""

from __future__ import annotations

import difflib
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from policylens.errors import Location, RuleError
from policylens.literals import Needs, may_hold, normalize, required_words
from policylens.models import POLARITIES
from policylens.practices import Practice, load_practices
from policylens.yamlmarks import Marked, Problem, load_marked

with warnings.catch_warnings():  # the regex parser is deprecated as a public module, still the way
    warnings.simplefilter("ignore", DeprecationWarning)  # to inspect a pattern's structure
    import sre_constants
    import sre_parse

RULE_KEYS = ("id", "practice", "message", "patterns", "statement", "requires", "exclude", "values",
             "value", "attributes", "examples", "disabled", "outranks")
STATEMENT_KEYS = ("actions",)
PATTERN_KEYS = ("tokens", "phrase", "regex")
EXAMPLE_KEYS = ("match", "no_match", "todo")
# slot keys an example may assert of a statement rule's finding (one class each; a list slot must
# hold it): `recipient: service-provider`
SLOT_KEYS = ("actor", "data", "recipient", "purpose", "condition", "exception", "scope")
EXAMPLE_ITEM_KEYS = ("text", "value", "polarity", "attributes") + SLOT_KEYS
ATTRIBUTE_KEYS = ("regex", "value", "values")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Pattern:
    kind: str  # tokens | phrase | regex
    value: Any  # list of token dicts | list of phrases | regex source
    location: Location


@dataclass(frozen=True)
class Example:
    text: str
    value: str | None = None
    polarity: str | None = None
    attributes: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    location: Location | None = None
    slots: dict[str, str] = field(default_factory=dict)  # SLOT_KEYS -> class


_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "twenty-one": "21", "thirty": "30", "sixty": "60",
    "ninety": "90",
}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b")


def normalize_capture(text: str) -> str:
    """A value read from the text: lowercase, spaces folded, number words as digits
    ("Thirteen" -> "13", "two  years" -> "2 years", "thirty (30) days" -> "30 days"), so equal
    statements compare equal."""
    folded = " ".join(text.lower().split())
    digits = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(0)], folded)
    return _SPELLED_TWICE.sub(r"\1", digits)  # "thirty (30) days" -> "30 days"


_SPELLED_TWICE = re.compile(r"\b(\d+) \(\1\)")


@dataclass(frozen=True)
class AttributeSpec:
    """How a rule reads one attribute from a matched sentence: exactly one of
    `regex` (the value is group 1, or the whole match), `value` (a constant every finding of the
    rule carries) or `values` (each value whose regex matches somewhere in the sentence)."""

    name: str
    regex: re.Pattern[str] | None = None
    value: str | None = None
    values: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def read(self, sentence: str, folded: str | None = None) -> list[str]:
        """The values in a sentence; `folded` is `literals.normalize(sentence)`, if at hand."""
        if self.value is not None:
            return [self.value]
        if folded is None:  # an expression runs only where its words are (literals.py)
            folded = normalize(sentence)
        if self.regex is not None:
            m = self.regex.search(sentence) if may_hold(self._needs[0], folded) else None
            if not m:
                return []
            return [normalize_capture(m.group(1) if m.groups() and m.group(1) else m.group(0))]
        return [v for (v, rx), needs in zip(self.values, self._needs, strict=True)
                if may_hold(needs, folded) and rx.search(sentence)]

    @cached_property
    def _needs(self) -> tuple[Needs | None, ...]:
        """The words each expression cannot match without."""
        expressions = [self.regex] if self.regex is not None else [rx for _, rx in self.values]
        return tuple(required_words(rx.pattern) for rx in expressions)

    def signature(self) -> tuple[object, ...]:
        return (self.name, self.regex.pattern if self.regex else None, self.value,
                tuple((v, rx.pattern) for v, rx in self.values))


@dataclass(frozen=True)
class Rule:
    id: str
    practice: str
    message: str
    patterns: tuple[Pattern, ...]
    requires: tuple[Pattern, ...] = ()
    exclude: tuple[Pattern, ...] = ()
    values: dict[str, str] = field(default_factory=dict)  # polarity -> value
    attributes: dict[str, AttributeSpec] = field(default_factory=dict)
    match_examples: tuple[Example, ...] = ()
    no_match_examples: tuple[Example, ...] = ()
    todo_examples: tuple[Example, ...] = ()
    location: Location | None = None
    source: str = ""
    # action classes of data/lexicon.yaml whose statements this rule reads (instead of patterns);
    # the practice's decision function (verdicts/flows.py) gives each statement's value
    statement: tuple[str, ...] = ()
    # rules of the same practice whose findings in a sentence this rule's finding there replaces:
    # "If the club is sold, your data will be deleted" names the event (the business-transfer
    # rule) only as the deletion's condition
    outranks: tuple[str, ...] = ()

    def value_for(self, polarity: str) -> str | None:
        return self.values.get(polarity)


def _suggest(word: str, allowed: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(allowed), n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return "allowed: " + ", ".join(allowed)


_ALL = frozenset({"<any>"})  # a first-character set that may be any character
_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": frozenset("0123456789"),
    "CATEGORY_SPACE": frozenset(" \t\n\r\f\v"),
    "CATEGORY_WORD": frozenset("abcdefghijklmnopqrstuvwxyz0123456789_"),
}


def _first_chars(items: Any) -> frozenset[str]:
    """Characters a parsed pattern can start with (lowercased; `_ALL` when it could be anything).
    An approximation, enough to see that two alternatives can start the same way."""
    out: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return frozenset(out | {chr(arg).lower()})
        if name == "NOT_LITERAL" or name == "ANY":
            return _ALL
        if name == "IN":
            for sub_op, sub_arg in arg:
                sub = str(sub_op)
                if sub == "LITERAL":
                    out.add(chr(sub_arg).lower())
                elif sub == "RANGE":
                    out.update(chr(c).lower() for c in range(sub_arg[0], min(sub_arg[1], 0x24F) + 1))
                elif sub == "CATEGORY" and str(sub_arg) in _CATEGORY_CHARS:
                    out.update(_CATEGORY_CHARS[str(sub_arg)])
                else:  # NEGATE, other categories
                    return _ALL
            return frozenset(out)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = arg
            out.update(_first_chars(sub))
            if low > 0:
                return frozenset(out)
            continue  # may match nothing: the next item can come first
        if name == "SUBPATTERN":
            return frozenset(out | _first_chars(arg[-1]))
        if name == "ATOMIC_GROUP":
            return frozenset(out | _first_chars(arg))
        if name == "BRANCH":
            for branch in arg[1]:
                out.update(_first_chars(branch))
            return frozenset(out)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width
        return _ALL
    return frozenset(out) if out else _ALL


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    return a is _ALL or b is _ALL or bool(a & b)


def regex_problem(source: str) -> str | None:
    """Why a regular expression is refused: invalid, matches the empty string (so it would fire on
    every sentence), or can backtrack catastrophically: nested quantifiers (``(a+)+``) or
    alternatives that can start alike under a quantifier (``(a|ab)*``); None when it is fine."""
    try:
        parsed = sre_parse.parse(source)
        compiled = re.compile(source, re.I)
    except (sre_constants.error, re.error, OverflowError, RecursionError) as exc:
        return f"invalid regular expression: {exc}"

    def walk(items: Any, inside_repeat: bool) -> str | None:
        for op, arg in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT"):
                low, high, sub = arg
                unbounded = high == sre_constants.MAXREPEAT or high > 100
                if inside_repeat and (unbounded or high > 1):
                    return "nested quantifiers can backtrack catastrophically"
                if unbounded:
                    for _op, sub_arg in _branches(sub):
                        firsts = [_first_chars(b) for b in sub_arg[1]]
                        if any(_overlap(x, y) for i, x in enumerate(firsts) for y in firsts[i + 1:]):
                            return ("alternatives that can start with the same character under a "
                                    "quantifier can backtrack catastrophically")
                found = walk(sub, inside_repeat or unbounded)
                if found:
                    return found
            elif name == "SUBPATTERN":
                found = walk(arg[-1], inside_repeat)
                if found:
                    return found
            elif name == "BRANCH":
                for branch in arg[1]:
                    found = walk(branch, inside_repeat)
                    if found:
                        return found
            # POSSESSIVE_REPEAT and ATOMIC_GROUP (Python 3.11+) never backtrack into themselves
        return None

    from policylens.regexcheck import polynomial_problem

    found = walk(parsed, False) or polynomial_problem(parsed)
    if found:
        return found
    if compiled.search("") is not None:
        return "regular expression matches the empty string, so it would fire on every sentence"
    return None


def _branches(items: Any) -> list[tuple[Any, Any]]:
    """The alternations a repeated item consists of, looking through plain groups."""
    out = []
    for op, arg in items:
        name = str(op)
        if name == "BRANCH":
            out.append((op, arg))
        elif name == "SUBPATTERN" and len(items) == 1:
            out.extend(_branches(arg[-1]))
    return out


class _Checker:
    """Turns Marked YAML into Rules, collecting every problem instead of stopping at the first."""

    def __init__(self, path: str, practices: dict[str, Practice], known_valid: bool = False) -> None:
        self.path = path
        self.practices = practices
        # texts validated without an error before (running/validated.py): the checks whose only
        # output is an error are skipped
        self.known_valid = known_valid
        self.problems: list[Problem] = []

    def problem(self, loc: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(loc, message, hint))

    def string(self, node: Marked, what: str) -> str | None:
        if node.is_bool_word():
            self.problem(node.location, f"{what} is the YAML boolean {node.raw!r}, not a string",
                         f"quote it: \"{node.raw}\"")
            return None
        if not isinstance(node.value, str | int | float) or isinstance(node.value, bool):
            self.problem(node.location, f"{what} must be a string")
            return None
        return str(node.raw if node.raw is not None else node.value)

    def keys(self, node: Marked, allowed: tuple[str, ...], what: str) -> bool:
        if not isinstance(node.value, dict):
            self.problem(node.location, f"{what} must be a mapping")
            return False
        for key, loc in node.key_locations.items():
            if key not in allowed:
                self.problem(loc, f"unknown key {key!r} in {what}", _suggest(key, allowed))
        return True

    def pattern_list(self, node: Marked | None, what: str) -> tuple[Pattern, ...]:
        if node is None:
            return ()
        items = node.value if isinstance(node.value, list) else None
        if items is None:
            self.problem(node.location, f"{what} must be a list of patterns")
            return ()
        out = []
        for item in items:
            pattern = self.pattern(item, what)
            if pattern:
                out.append(pattern)
        return tuple(out)

    def pattern(self, node: Marked, what: str) -> Pattern | None:
        if not self.keys(node, PATTERN_KEYS, f"a pattern of {what}"):
            return None
        present = [k for k in PATTERN_KEYS if k in node.value]
        if len(present) != 1:
            self.problem(node.location, f"a pattern needs exactly one of {', '.join(PATTERN_KEYS)}",
                         f"found {', '.join(present) or 'none'}")
            return None
        kind = present[0]
        body: Marked = node.value[kind]
        if kind == "regex":
            source = self.string(body, "regex")
            if self.regex(body, source) is None:
                return None
            return Pattern(kind, source, body.location)
        if kind == "phrase":
            phrases = body.value if isinstance(body.value, list) else [body]
            texts = [self.string(p, "phrase") for p in phrases]
            if any(t is None for t in texts) or not texts:
                return None
            return Pattern(kind, [t for t in texts if t], body.location)
        from policylens.yamlmarks import plain

        booleans = list(_bool_words(body))
        for b in booleans:
            self.problem(b.location, f"{b.raw!r} in a token pattern is read by YAML as a boolean",
                         f"quote it: \"{b.raw}\"")
        if booleans:
            return None
        tokens = plain(body)
        if not isinstance(tokens, list) or not tokens or not all(isinstance(t, dict) for t in tokens):
            self.problem(body.location, "tokens must be a non-empty list of token mappings",
                         'e.g. [{LOWER: {IN: [sell, rent]}}, {OP: "{0,6}"}, {LOWER: data}]')
            return None
        if self.token_keys(body):
            return None
        error = None if self.known_valid else token_pattern_problem(tokens)
        if error:
            self.problem(body.location, f"invalid spaCy token pattern: {error}")
            return None
        return Pattern(kind, tokens, body.location)

    def token_keys(self, body: Marked) -> bool:
        """The usual slips in a token pattern, each at its own key: an unknown token attribute
        (LOWR), an unknown predicate (INN), an operator spaCy does not know. True if any."""
        found = False
        for token in body.value:
            for key, loc in token.key_locations.items():
                if key not in TOKEN_ATTRS:
                    self.problem(loc, f"unknown token attribute {key!r}", _suggest(key, TOKEN_ATTRS))
                    found = True
                    continue
                item = token.value[key]
                if key == "OP":
                    if not (isinstance(item.value, str) and _OP.match(item.value)):
                        self.problem(item.location, f"unknown operator {item.raw!r}",
                                     'use +, *, ?, ! or a range such as "{0,6}" (quoted)')
                        found = True
                elif isinstance(item.value, dict):
                    for pred, ploc in item.key_locations.items():
                        if pred not in TOKEN_PREDICATES:
                            self.problem(ploc, f"unknown predicate {pred!r} for {key}",
                                         _suggest(pred, TOKEN_PREDICATES))
                            found = True
        return found

    def example(self, node: Marked, rule_practice: Practice | None) -> Example | None:
        if isinstance(node.value, str):
            return Example(node.value, location=node.location)
        if not self.keys(node, EXAMPLE_ITEM_KEYS, "an example"):
            return None
        values = node.value
        if "text" not in values:
            self.problem(node.location, "an example needs 'text'")
            return None
        text = self.string(values["text"], "example text")
        value = polarity = None
        if "value" in values:
            value = self.string(values["value"], "example value")
            if value and rule_practice and value not in rule_practice.values:
                self.problem(values["value"].location,
                             f"unknown value {value!r} for practice {rule_practice.id!r}",
                             _suggest(value, rule_practice.values))
        if "polarity" in values:
            polarity = self.string(values["polarity"], "polarity")
            if polarity and polarity not in POLARITIES:
                self.problem(values["polarity"].location, f"unknown polarity {polarity!r}",
                             _suggest(polarity, POLARITIES))
        attributes = self.example_attributes(values.get("attributes"), rule_practice)
        slots = {}
        for key in SLOT_KEYS:
            if key in values:
                slot = self.string(values[key], key)
                if slot:
                    slots[key] = slot
        if text is None:
            return None
        return Example(text, value, polarity, attributes, node.location, slots)

    def example_attributes(self, node: Marked | None, practice: Practice | None,
                           ) -> dict[str, str | tuple[str, ...]]:
        """`attributes:` of an example: name -> value, or name -> list of values expected."""
        out: dict[str, str | tuple[str, ...]] = {}
        if node is None or not self.keys(node, tuple(practice.attributes) if practice else (),
                                         "example attributes"):
            return out
        for name, item in node.value.items():
            decl = practice.attributes.get(name) if practice else None
            items = item.value if isinstance(item.value, list) else [item]
            got = [self.string(i, f"attribute {name!r}") for i in items]
            if any(g is None for g in got) or not got:
                continue
            for g, i in zip(got, items, strict=True):
                if decl and decl.values and g not in decl.values:
                    self.problem(i.location, f"unknown value {g!r} for attribute {name!r}",
                                 _suggest(str(g), decl.values))
            out[name] = tuple(g for g in got if g) if isinstance(item.value, list) else str(got[0])
        return out

    def attribute(self, name: str, node: Marked, name_loc: Location, practice: Practice | None,
                  ) -> AttributeSpec | None:
        """One entry of a rule's `attributes:`, checked against what its practice declares."""
        decl = practice.attributes.get(name) if practice else None
        if practice and decl is None:
            declared = tuple(practice.attributes)
            self.problem(name_loc, f"unknown attribute {name!r} for practice {practice.id!r}",
                         _suggest(name, declared) if declared else
                         f"practice {practice.id!r} has no attributes (see data/practices.yaml)")
            return None
        if not self.keys(node, ATTRIBUTE_KEYS, f"attribute {name!r}"):
            return None
        present = [k for k in ATTRIBUTE_KEYS if k in node.value]
        if len(present) != 1:
            self.problem(node.location, f"attribute {name!r} needs exactly one of "
                         f"{', '.join(ATTRIBUTE_KEYS)}", f"found {', '.join(present) or 'none'}")
            return None
        kind = present[0]
        body: Marked = node.value[kind]
        closed = decl.values if decl else ()
        if kind == "value":
            value = self.string(body, f"value of attribute {name!r}")
            if value is None:
                return None
            if closed and value not in closed:
                self.problem(body.location, f"unknown value {value!r} for attribute {name!r}",
                             _suggest(value, closed))
                return None
            return AttributeSpec(name, value=value)
        if kind == "regex":
            if closed:
                self.problem(body.location, f"attribute {name!r} has a closed set of values; "
                             "a regex capture cannot promise one of them",
                             "use `value:` or `values: {value: regex}`")
                return None
            src = self.string(body, "regex")
            rx = self.regex(body, src)
            return AttributeSpec(name, regex=rx) if rx else None
        if not isinstance(body.value, dict) or not body.value:
            self.problem(body.location, f"`values` of attribute {name!r} must map values to regexes",
                         "e.g. values: {analytics: 'analytic|statistic', advertising: 'advertis'}")
            return None
        pairs = []
        for value, rx_node in body.value.items():
            if closed and value not in closed:
                self.problem(body.key_locations[value], f"unknown value {value!r} for attribute "
                             f"{name!r}", _suggest(value, closed))
                continue
            rx = self.regex(rx_node, self.string(rx_node, "regex"))
            if rx:
                pairs.append((value, rx))
        return AttributeSpec(name, values=tuple(pairs))

    def regex(self, node: Marked, source: str | None) -> re.Pattern[str] | None:
        if source is None:
            return None
        why = None if self.known_valid else regex_problem(source)
        if why:
            self.problem(node.location, why)
            return None
        return re.compile(source, re.I)

    def rule(self, node: Marked, source: str) -> Rule | None:
        if not self.keys(node, RULE_KEYS, "a rule"):
            return None
        f = node.value
        needed = ("id", "practice", "message") + (() if "statement" in f else ("patterns",))
        for required in needed:
            if required not in f:
                self.problem(node.location, f"rule is missing {required!r}")
        incomplete = any(k not in f for k in needed if k != "message")
        statement = self.statement(f["statement"], practice_id=self.string(f["practice"], "practice")
                                   if "practice" in f else None) if "statement" in f else ()
        # a rule missing a key is still checked through, so one run reports every problem
        rule_id = self.string(f["id"], "id") if "id" in f else None
        if rule_id and not _ID.match(rule_id):
            self.problem(f["id"].location, f"rule id {rule_id!r} must be lowercase words joined by '-'")
        label = repr(rule_id) if rule_id else "(no id)"
        practice_id = self.string(f["practice"], "practice") if "practice" in f else None
        practice = self.practices.get(practice_id or "")
        if practice_id and practice is None:
            self.problem(f["practice"].location, f"unknown practice {practice_id!r}",
                         _suggest(practice_id, sorted(self.practices)))
        message = self.string(f["message"], "message") if "message" in f else ""
        values: dict[str, str] = dict(practice.polarity_values) if practice else {}
        value_locs: dict[str, Location] = {}
        if "value" in f:
            single = self.string(f["value"], "value")
            if single:
                values = {p: single for p in POLARITIES}
                value_locs = {p: f["value"].location for p in POLARITIES}
        if "values" in f and self.keys(f["values"], POLARITIES, "values"):
            for pol, vnode in f["values"].value.items():
                if pol not in POLARITIES:
                    continue
                if vnode.value is None:
                    values.pop(pol, None)
                    continue
                v = self.string(vnode, f"value for {pol}")
                if v:
                    values[pol] = v
                    value_locs[pol] = vnode.location
        if practice:
            reported: set[str] = set()
            for pol, v in values.items():
                if v not in practice.values and v not in reported:
                    reported.add(v)
                    self.problem(value_locs.get(pol, node.location),
                                 f"unknown value {v!r} for practice {practice.id!r}",
                                 _suggest(v, practice.values))
            if not values and "value" not in f:
                self.problem(node.location, f"rule {label} gives no value for any polarity",
                             f"practice {practice.id!r} has no default values: add `value:` or "
                             "`values: {affirmed: ..., negated: ...}`")
        attributes: dict[str, AttributeSpec] = {}
        if "attributes" in f:
            node_attrs = f["attributes"]
            if not isinstance(node_attrs.value, dict):
                self.problem(node_attrs.location, "attributes must be a mapping of name -> spec",
                             "e.g. attributes: {technologies: {value: pixels}}")
            else:
                for name, spec in node_attrs.value.items():
                    attr = self.attribute(name, spec, node_attrs.key_locations[name], practice)
                    if attr:
                        attributes[name] = attr
        examples: dict[str, list[Example]] = {k: [] for k in EXAMPLE_KEYS}
        if "examples" in f and self.keys(f["examples"], EXAMPLE_KEYS, "examples"):
            for kind, items in f["examples"].value.items():
                if kind not in EXAMPLE_KEYS:
                    continue
                if not isinstance(items.value, list):
                    self.problem(items.location, f"examples.{kind} must be a list")
                    continue
                for item in items.value:
                    ex = self.example(item, practice)
                    if ex:
                        examples[kind].append(ex)
        if practice:
            produced = set(values.values())
            for ex in examples["match"] + examples["todo"]:
                if ex.value and ex.value in practice.values and ex.value not in produced:
                    self.problem(ex.location or node.location,
                                 f"example expects value {ex.value!r}, which rule {label} "
                                 "never gives", "values it gives: " + (", ".join(sorted(produced))
                                                                      or "none"))
        if "examples" not in f or not examples["match"] or not examples["no_match"]:
            lacking = [k for k in ("match", "no_match") if not examples[k]]
            self.problems.append(Problem(
                f["examples"].location if "examples" in f else node.location,
                f"rule {label} has no {' and no '.join(lacking)} examples",
                "every rule should show sentences it must and must not match", "warning"))
        if "disabled" in f:
            if not isinstance(f["disabled"].value, bool):
                self.problem(f["disabled"].location, "disabled must be true or false")
            elif f["disabled"].value:
                return None
        patterns = self.pattern_list(f.get("patterns"), "patterns")
        if "patterns" in f and not patterns and f["patterns"].value == []:
            self.problem(f["patterns"].location, "patterns is empty")
        requires = self.pattern_list(f.get("requires"), "requires")
        exclude = self.pattern_list(f.get("exclude"), "exclude")
        outranks: tuple[str, ...] = ()
        if "outranks" in f:
            listed = f["outranks"]
            if not isinstance(listed.value, list) or not all(isinstance(x.value, str) for x in listed.value):
                self.problem(listed.location, "outranks must be a list of rule ids")
            else:
                outranks = tuple(str(x.value) for x in listed.value)
        if incomplete:
            return None
        return Rule(
            id=rule_id or "",
            practice=practice_id or "",
            message=message or "",
            patterns=patterns,
            requires=requires,
            exclude=exclude,
            values=values,
            attributes=attributes,
            match_examples=tuple(examples["match"]),
            no_match_examples=tuple(examples["no_match"]),
            todo_examples=tuple(examples["todo"]),
            location=node.location,
            source=source,
            statement=statement,
            outranks=outranks,
        )

    def statement(self, node: Marked, practice_id: str | None) -> tuple[str, ...]:
        """`statement: {actions: [sale, share]}`: the action classes the rule reads."""
        from policylens.statements.lexicon import load_lexicon
        from policylens.verdicts.flows import DECISIONS

        if not self.keys(node, STATEMENT_KEYS, "statement"):
            return ()
        if practice_id and practice_id not in DECISIONS:
            self.problem(node.location, f"practice {practice_id!r} has no statement decision function",
                         "allowed: " + ", ".join(sorted(DECISIONS)))
        actions = node.value.get("actions")
        if actions is None or not isinstance(actions.value, list) or not actions.value:
            self.problem(node.location, "statement needs a non-empty list `actions`",
                         "e.g. statement: {actions: [sale]}")
            return ()
        known = load_lexicon().action_words.classes
        out = []
        for item in actions.value:
            name = str(item.value)
            if name not in known:
                self.problem(item.location, f"unknown action class {name!r}", _suggest(name, list(known)))
            else:
                out.append(name)
        return tuple(out)


def _bool_words(node: Marked) -> Any:
    """YAML 1.1 booleans (no, yes, on, off) hidden inside a token pattern where a word is meant;
    flag attributes (IS_ALPHA, LIKE_NUM, SENT_START...) take true/false on purpose."""
    if node.is_bool_word():
        yield node
    elif isinstance(node.value, dict):
        for key, child in node.value.items():
            if key not in _FLAG_ATTRS:
                yield from _bool_words(child)
    elif isinstance(node.value, list):
        for child in node.value:
            yield from _bool_words(child)


_FLAG_ATTRS = frozenset({"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                         "IS_PUNCT", "IS_SPACE", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
                         "IS_RIGHT_PUNCT", "IS_CURRENCY", "IS_STOP", "IS_SENT_START", "SENT_START",
                         "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "SPACY"})


def token_pattern_problem(tokens: list[dict[str, Any]]) -> str | None:
    """spaCy's own validation of a Matcher pattern; the message without its table frame."""
    from policylens.spacy_import import import_spacy

    import_spacy()  # before spacy.matcher: without spacy.cli (spacy_import.py)
    from spacy.matcher import Matcher

    from policylens.nlp import BLANK, get_nlp

    # get_nlp(BLANK), not get_nlp(): the same lru_cache key as the Analyzer's, so the default
    # pipeline (and its English tokenizer, ~0.12 s) is built once per process, not twice
    matcher = Matcher(get_nlp(BLANK).vocab, validate=True)
    try:
        matcher.add("check", [tokens])
    except Exception as exc:  # spaCy raises ValueError or MatchPatternError
        lines = [ln.strip() for ln in str(exc).splitlines()
                 if ln.strip() and "Invalid token" not in ln and not ln.startswith("Pattern ")]
        readable = [_POINTER.sub(lambda m: f"token {int(m.group(1)) + 1}" + (
            f", {m.group(2)}" if m.group(2) else "") + ": ", ln) for ln in lines]
        return "; ".join(readable[:3])[:300]
    return None


_POINTER = re.compile(r"^- \[pattern -> (\d+)(?: -> ([^\]]*?))?\] ")
_OP = re.compile(r"^(?:[+*?!]|\{\d+\}|\{\d+,\d*\}|\{\d*,\d+\})$")
TOKEN_PREDICATES = ("IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "REGEX", "FUZZY",
                    "FUZZY1", "FUZZY2", "FUZZY3", "FUZZY4", "FUZZY5", "FUZZY6", "FUZZY7", "FUZZY8",
                    "FUZZY9", "==", "!=", ">=", "<=", ">", "<")
TOKEN_ATTRS = ("ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "POS", "TAG", "MORPH", "DEP", "SHAPE",
               "PREFIX", "SUFFIX", "LENGTH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID", "SPACY",
               "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
               "IS_SPACE", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT",
               "IS_CURRENCY", "IS_STOP", "IS_SENT_START", "SENT_START", "LIKE_NUM", "LIKE_URL",
               "LIKE_EMAIL", "OP", "_")


def check_rule_text(text: str, path: str, known_valid: bool = False,
                    ) -> tuple[list[Rule], list[Problem], list[tuple[str, Location | None]]]:
    """Every rule in one file and every problem found; the rules it switches off, as (id, where
    the file's `disable:` list names it), or (id, None) for a rule marked `disabled: true`.
    `known_valid`: the text held no error when last checked, so the costly checks are skipped."""
    marked, problems = load_marked(text, path)
    checker = _Checker(path, load_practices(), known_valid)
    checker.problems.extend(problems)
    rules: list[Rule] = []
    disabled: list[tuple[str, Location | None]] = []
    if marked is None:
        if not problems:
            checker.problem(Location(path, 1, 1), "empty rule file", "a rule file holds 'rules:'")
        return rules, checker.problems, disabled
    if not checker.keys(marked, ("rules", "disable"), "the rule file"):
        return rules, checker.problems, disabled
    if "disable" in marked.value:
        node = marked.value["disable"]
        if not isinstance(node.value, list):
            checker.problem(node.location, "'disable' must be a list of rule ids",
                            "e.g. disable: [cookies-use]")
        else:
            for item in node.value:
                rid = checker.string(item, "disabled rule id")
                if rid:
                    disabled.append((rid, item.location))
    if "rules" in marked.value:
        items = marked.value["rules"]
        if not isinstance(items.value, list):
            checker.problem(items.location, "'rules' must be a list of rules")
        else:
            for item in items.value:
                if isinstance(item.value, dict) and "disabled" in item.value:
                    rid = item.value.get("id")
                    if rid is not None and item.value["disabled"].value is True:
                        disabled.append((str(rid.value), None))
                rule = checker.rule(item, path)
                if rule:
                    rules.append(rule)
    return rules, checker.problems, disabled


def rule_files(paths: list[str]) -> list[Path]:
    """YAML files under the given files or directories, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml")))
        elif p.exists():
            files.append(p)
        else:
            raise RuleError("no such rule file or directory", Location(raw))
    return files


def rule_sources(extra: list[str], shipped: bool = True) -> list[tuple[str, str]]:
    """(display path, text) of the shipped rules (unless `shipped` is false) and of the rule files
    under `extra`, in load order. A shipped file named again in `extra` (`rules test rules/x.yaml`
    in a checkout) is read once, under its shipped name."""
    own, unreadable = _read_rule_files(extra, skip_shipped=shipped)
    if unreadable:
        raise RuleError(unreadable[0].message, unreadable[0].location, unreadable[0].hint)
    return (shipped_rule_texts() if shipped else []) + own


def _read_rule_files(paths: list[str], skip_shipped: bool = True,
                     ) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path, text) of the rule files under `paths` (the shipped ones left out when they are
    loaded anyway), and a problem for each file that cannot be read."""
    already = _shipped_files() if skip_shipped else {}
    own: list[tuple[str, str]] = []
    unreadable: list[Problem] = []
    for file in rule_files(paths):
        if _resolved(file) in already:
            continue
        try:
            own.append((str(file), read_rule_file(file)))
        except RuleError as exc:
            unreadable.append(Problem(exc.location or Location(str(file)), exc.message, exc.hint))
    return own, unreadable


def read_rule_file(file: Path) -> str:
    """A rule file's text; not UTF-8, unreadable or not a file -> RuleError at the spot."""
    try:
        if file.exists() and not file.is_file() and not file.is_dir():
            raise RuleError("is not a regular file (a FIFO, device or socket)", Location(str(file)))
        data = file.read_bytes()
    except IsADirectoryError:
        raise RuleError("is a directory, expected a rule file", Location(str(file))) from None
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror or exc}", Location(str(file))) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RuleError(f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded",
                        Location(str(file), line, column), "save the rule file as UTF-8") from None


def display_names(paths: list[str]) -> set[str]:
    """The names rules under `paths` carry as `Rule.source` (shipped files keep `rules/<name>`)."""
    shipped = _shipped_files()
    return {shipped.get(_resolved(f), str(f)) for f in rule_files(paths)}


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _shipped_files() -> dict[Path, str]:
    """Resolved path -> display name of shipped rule files that live on disk."""
    root = resources.files("policylens.rules")
    if not isinstance(root, Path):
        return {}
    return {_resolved(Path(str(e))): f"rules/{e.name}" for e in root.iterdir()
            if e.name.endswith((".yaml", ".yml"))}


def shipped_rule_texts() -> list[tuple[str, str]]:
    """(display path, text) of the rules that ship inside the package."""
    root = resources.files("policylens.rules")
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            out.append((f"rules/{entry.name}", entry.read_text("utf-8")))
    return out


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    practices: dict[str, Practice]

    def fingerprint(self) -> str:
        """A hash of everything in the rule set that can change a result: each rule's patterns,
        values and attributes, the practices' definitions (data/practices.yaml) and the polarity
        cue lexicon (data/cues.yaml)."""
        import hashlib

        digest = hashlib.sha256()
        for rule in self.rules:
            digest.update(repr((rule.id, rule.practice, rule.patterns, rule.statement, rule.requires,
                                rule.exclude,
                                sorted(rule.values.items()),
                                sorted(v.signature() for v in rule.attributes.values()))).encode())
        digest.update(repr(sorted(self.practices.items())).encode())
        data = resources.files("policylens.data")
        for name in ("cues.yaml", "practices.yaml", "lexicon.yaml"):
            digest.update(data.joinpath(name).read_bytes())
        return digest.hexdigest()[:16]


def check_sources(sources: list[tuple[str, str]], known_valid: bool = False,
                  ) -> tuple[list[Rule], list[Problem], list[str]]:
    """Rules of many files, plus problems across files: duplicate ids, and `disable:` entries that
    name no rule. Returns the rules, every problem (errors and warnings) and the ids switched off.
    `known_valid`: these texts held no error when last checked (see check_rule_text)."""
    rules: list[Rule] = []
    problems: list[Problem] = []
    disabled: list[str] = []
    disable_entries: list[tuple[str, Location]] = []
    self_disabled: set[str] = set()  # rules marked `disabled: true` where they are defined
    seen: dict[str, Rule] = {}
    for path, text in sources:
        file_rules, file_problems, file_disabled = check_rule_text(text, path, known_valid)
        problems.extend(file_problems)
        disabled.extend(rid for rid, _ in file_disabled)
        for rid, loc in file_disabled:
            if loc is None:
                self_disabled.add(rid)
            else:
                disable_entries.append((rid, loc))
        for rule in file_rules:
            if rule.id in seen:
                first = seen[rule.id]
                problems.append(Problem(rule.location or Location(path),
                                        f"duplicate rule id {rule.id!r}",
                                        f"first defined at {first.location}"))
                continue
            seen[rule.id] = rule
            rules.append(rule)
    for rule in rules:
        for rid in rule.outranks:
            other = seen.get(rid)
            if other is None or other.practice != rule.practice:
                same = sorted(r.id for r in rules if r.practice == rule.practice)
                problems.append(Problem(rule.location or Location(""),
                                        f"rule {rule.id!r} outranks {rid!r}, which is no rule of "
                                        f"practice {rule.practice!r}", _suggest(rid, same)))
    for rid, loc in disable_entries:
        if rid not in seen and rid not in self_disabled:
            problems.append(Problem(loc, f"'disable' names no rule {rid!r}",
                                    _suggest(rid, sorted(seen)) if seen else "no rules are loaded"))
    return rules, problems, disabled


def errors_of(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def load_ruleset(extra: list[str] | None = None, shipped: bool = True) -> RuleSet:
    """The shipped rules plus users' rule packs; any error raises RuleError (exit 2), carrying
    every error so the CLI prints each on its own line."""
    return ruleset_from_sources(rule_sources(extra or [], shipped))


def ruleset_from_sources(sources: list[tuple[str, str]]) -> RuleSet:
    """Parse and validate rule texts (as `rule_sources` reads them; the result cache keys on
    these texts without loading spaCy); any error raises RuleError (exit 2). Texts this install
    validated before without an error skip the costly checks, and come back as the rule set they
    parsed to then (running/validated.py)."""
    from policylens.running.validated import compiled, known_valid, remember_compiled, remember_valid

    valid_before = known_valid(sources)
    if valid_before:
        kept = compiled(sources)
        if kept is not None:
            return kept  # (parsed by an earlier process of this install: 0.03 s, not 0.35 s)
    rules, problems, disabled = check_sources(sources, valid_before)
    errors = errors_of(problems)
    if errors:
        first = errors[0]
        more = f"; {len(errors) - 1} more problem(s)" if len(errors) > 1 else ""
        raise RuleError(first.message + more, first.location, first.hint,
                        [RuleError(e.message, e.location, e.hint) for e in errors])
    if not valid_before:
        remember_valid(sources)
    off = set(disabled)
    ruleset = RuleSet(tuple(r for r in rules if r.id not in off), load_practices())
    remember_compiled(sources, ruleset)
    return ruleset


@dataclass(frozen=True)
class Validation:
    """What `rules validate` found: how many files and rules it read, and every problem."""

    files: int
    rules: int
    problems: list[Problem]


def validate_paths(paths: list[str]) -> Validation:
    """Every problem in the rule files under `paths` (checked together with the shipped rules, so
    duplicate ids and `disable:` entries resolve), or in the shipped rules when `paths` is empty.
    Never raises for a bad file: a path that cannot be read is a problem too."""
    shipped = shipped_rule_texts()
    if not paths:
        rules, problems, _ = check_sources(shipped)
        return Validation(len(shipped), len(rules), problems)
    unreadable: list[Problem] = []
    readable: list[str] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            unreadable.append(Problem(Location(raw), "no such rule file or directory"))
        elif p.is_dir() and not rule_files([raw]):
            unreadable.append(Problem(Location(raw), "no rule files (.yaml, .yml) in this folder"))
        else:
            readable.append(raw)
    own, unreadable_files = _read_rule_files(readable)
    unreadable.extend(unreadable_files)
    names = display_names(readable)
    rules, problems, _ = check_sources(shipped + own)
    mine = [p for p in problems if p.location.path in names]
    return Validation(len(names), len([r for r in rules if r.source in names]), unreadable + mine)


def catalogue(extra: list[str]) -> list[tuple[Rule, bool]]:
    """Every rule of the shipped rules and `extra`, each with whether it is switched off."""
    rules, problems, disabled = check_sources(rule_sources(extra))
    errors = errors_of(problems)
    if errors:
        raise RuleError(errors[0].message, errors[0].location, errors[0].hint)
    off = set(disabled)
    return [(r, r.id in off) for r in rules]
