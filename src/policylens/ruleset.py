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
from importlib import resources
from pathlib import Path
from typing import Any

from policylens.errors import Location, RuleError
from policylens.models import POLARITIES
from policylens.practices import Practice, load_practices
from policylens.yamlmarks import Marked, Problem, load_marked

with warnings.catch_warnings():  # the regex parser is deprecated as a public module, still the way
    warnings.simplefilter("ignore", DeprecationWarning)  # to inspect a pattern's structure
    import sre_constants
    import sre_parse

RULE_KEYS = ("id", "practice", "message", "patterns", "requires", "exclude", "values", "value",
             "attributes", "examples", "disabled")
PATTERN_KEYS = ("tokens", "phrase", "regex")
EXAMPLE_KEYS = ("match", "no_match", "todo")
EXAMPLE_ITEM_KEYS = ("text", "value", "polarity", "attributes")
ATTRIBUTE_KEYS = ("regex",)
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
    attributes: dict[str, str] = field(default_factory=dict)
    location: Location | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    practice: str
    message: str
    patterns: tuple[Pattern, ...]
    requires: tuple[Pattern, ...] = ()
    exclude: tuple[Pattern, ...] = ()
    values: dict[str, str] = field(default_factory=dict)  # polarity -> value
    attributes: dict[str, re.Pattern[str]] = field(default_factory=dict)
    match_examples: tuple[Example, ...] = ()
    no_match_examples: tuple[Example, ...] = ()
    todo_examples: tuple[Example, ...] = ()
    location: Location | None = None
    source: str = ""

    def value_for(self, polarity: str) -> str | None:
        return self.values.get(polarity)


def _suggest(word: str, allowed: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(allowed), n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return "allowed: " + ", ".join(allowed)


def regex_problem(source: str) -> str | None:
    """Why a regular expression is refused: invalid, or nested quantifiers that can backtrack
    catastrophically (``(a+)+``); None when it is fine."""
    try:
        parsed = sre_parse.parse(source)
    except (sre_constants.error, re.error) as exc:
        return f"invalid regular expression: {exc}"

    def walk(items: Any, inside_repeat: bool) -> str | None:
        for op, arg in items:
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                low, high, sub = arg
                unbounded = high == sre_constants.MAXREPEAT or high > 100
                if inside_repeat and (unbounded or high > 1):
                    return "nested quantifiers can backtrack catastrophically"
                found = walk(sub, inside_repeat or unbounded)
                if found:
                    return found
            elif op == sre_constants.SUBPATTERN:
                found = walk(arg[-1], inside_repeat)
                if found:
                    return found
            elif op == sre_constants.BRANCH:
                for branch in arg[1]:
                    found = walk(branch, inside_repeat)
                    if found:
                        return found
        return None

    from policylens.regexcheck import polynomial_problem

    return walk(parsed, False) or polynomial_problem(parsed)


class _Checker:
    """Turns Marked YAML into Rules, collecting every problem instead of stopping at the first."""

    def __init__(self, path: str, practices: dict[str, Practice]) -> None:
        self.path = path
        self.practices = practices
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
            if source is None:
                return None
            why = regex_problem(source)
            if why:
                self.problem(body.location, why)
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
        error = token_pattern_problem(tokens)
        if error:
            self.problem(body.location, f"invalid spaCy token pattern: {error}")
            return None
        return Pattern(kind, tokens, body.location)

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
        attributes: dict[str, str] = {}
        if "attributes" in values and isinstance(values["attributes"].value, dict):
            for key, item in values["attributes"].value.items():
                attributes[key] = str(item.value)
        if text is None:
            return None
        return Example(text, value, polarity, attributes, node.location)

    def rule(self, node: Marked, source: str) -> Rule | None:
        if not self.keys(node, RULE_KEYS, "a rule"):
            return None
        f = node.value
        for required in ("id", "practice", "message", "patterns"):
            if required not in f:
                self.problem(node.location, f"rule is missing {required!r}")
        if any(k not in f for k in ("id", "practice", "patterns")):
            return None
        rule_id = self.string(f["id"], "id")
        if rule_id and not _ID.match(rule_id):
            self.problem(f["id"].location, f"rule id {rule_id!r} must be lowercase words joined by '-'")
        practice_id = self.string(f["practice"], "practice")
        practice = self.practices.get(practice_id or "")
        if practice_id and practice is None:
            self.problem(f["practice"].location, f"unknown practice {practice_id!r}",
                         _suggest(practice_id, sorted(self.practices)))
        message = self.string(f["message"], "message") if "message" in f else ""
        values: dict[str, str] = dict(practice.polarity_values) if practice else {}
        if "value" in f:
            single = self.string(f["value"], "value")
            if single:
                values = {p: single for p in POLARITIES}
        if "values" in f and self.keys(f["values"], POLARITIES, "values"):
            for pol, vnode in f["values"].value.items():
                if vnode.value is None:
                    values.pop(pol, None)
                    continue
                v = self.string(vnode, f"value for {pol}")
                if v:
                    values[pol] = v
        if practice:
            for v in values.values():
                if v not in practice.values:
                    self.problem(f.get("values", f.get("value", node)).location,
                                 f"unknown value {v!r} for practice {practice.id!r}",
                                 _suggest(v, practice.values))
        attributes: dict[str, re.Pattern[str]] = {}
        if "attributes" in f and isinstance(f["attributes"].value, dict):
            for name, spec in f["attributes"].value.items():
                if self.keys(spec, ATTRIBUTE_KEYS, f"attribute {name!r}") and "regex" in spec.value:
                    src = self.string(spec.value["regex"], "regex")
                    why = regex_problem(src) if src else None
                    if why:
                        self.problem(spec.value["regex"].location, why)
                    elif src:
                        attributes[name] = re.compile(src, re.I)
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
        if f.get("disabled") is not None and f["disabled"].value is True:
            return None
        patterns = self.pattern_list(f["patterns"], "patterns")
        if not patterns and f["patterns"].value == []:
            self.problem(f["patterns"].location, "patterns is empty")
        return Rule(
            id=rule_id or "",
            practice=practice_id or "",
            message=message or "",
            patterns=patterns,
            requires=self.pattern_list(f.get("requires"), "requires"),
            exclude=self.pattern_list(f.get("exclude"), "exclude"),
            values=values,
            attributes=attributes,
            match_examples=tuple(examples["match"]),
            no_match_examples=tuple(examples["no_match"]),
            todo_examples=tuple(examples["todo"]),
            location=node.location,
            source=source,
        )


def _bool_words(node: Marked) -> Any:
    """YAML 1.1 booleans (no, yes, on, off) hidden inside a token pattern."""
    if node.is_bool_word():
        yield node
    elif isinstance(node.value, dict):
        for child in node.value.values():
            yield from _bool_words(child)
    elif isinstance(node.value, list):
        for child in node.value:
            yield from _bool_words(child)


def token_pattern_problem(tokens: list[dict[str, Any]]) -> str | None:
    """spaCy's own validation of a Matcher pattern; the message without its table frame."""
    from spacy.matcher import Matcher

    from policylens.nlp import get_nlp

    matcher = Matcher(get_nlp().vocab, validate=True)
    try:
        matcher.add("check", [tokens])
    except Exception as exc:  # spaCy raises ValueError or MatchPatternError
        lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip() and "Invalid token" not in ln]
        return "; ".join(lines[-3:])[:300]
    return None


def check_rule_text(text: str, path: str) -> tuple[list[Rule], list[Problem], list[str]]:
    """Every rule in one file and every problem found; ids of rules switched off (`disabled`)."""
    marked, problems = load_marked(text, path)
    checker = _Checker(path, load_practices())
    checker.problems.extend(problems)
    rules: list[Rule] = []
    disabled: list[str] = []
    if marked is None:
        if not problems:
            checker.problem(Location(path, 1, 1), "empty rule file", "a rule file holds 'rules:'")
        return rules, checker.problems, disabled
    if not checker.keys(marked, ("rules", "disable"), "the rule file"):
        return rules, checker.problems, disabled
    if "disable" in marked.value:
        for item in marked.value["disable"].value or []:
            s = checker.string(item, "disabled rule id")
            if s:
                disabled.append(s)
    if "rules" in marked.value:
        items = marked.value["rules"]
        if not isinstance(items.value, list):
            checker.problem(items.location, "'rules' must be a list of rules")
        else:
            for item in items.value:
                if "disabled" in (item.value or {}) and isinstance(item.value, dict):
                    rid = item.value.get("id")
                    if rid is not None and item.value["disabled"].value is True:
                        disabled.append(str(rid.value))
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
        import hashlib

        digest = hashlib.sha256()
        for rule in self.rules:
            digest.update(repr((rule.id, rule.practice, rule.patterns, rule.requires, rule.exclude,
                                sorted(rule.values.items()),
                                sorted((k, v.pattern) for k, v in rule.attributes.items()))).encode())
        return digest.hexdigest()[:16]


def check_sources(sources: list[tuple[str, str]]) -> tuple[list[Rule], list[Problem], list[str]]:
    """Rules of many files, plus problems across files (duplicate ids)."""
    rules: list[Rule] = []
    problems: list[Problem] = []
    disabled: list[str] = []
    seen: dict[str, Rule] = {}
    for path, text in sources:
        file_rules, file_problems, file_disabled = check_rule_text(text, path)
        problems.extend(file_problems)
        disabled.extend(file_disabled)
        for rule in file_rules:
            if rule.id in seen:
                first = seen[rule.id]
                problems.append(Problem(rule.location or Location(path),
                                        f"duplicate rule id {rule.id!r}",
                                        f"first defined at {first.location}"))
                continue
            seen[rule.id] = rule
            rules.append(rule)
    return rules, problems, disabled


def load_ruleset(extra: list[str] | None = None, shipped: bool = True) -> RuleSet:
    """The shipped rules plus users' rule packs; any problem raises RuleError (exit 2)."""
    sources = shipped_rule_texts() if shipped else []
    for file in rule_files(extra or []):
        sources.append((str(file), read_rule_file(file)))
    rules, problems, disabled = check_sources(sources)
    if problems:
        first = problems[0]
        more = f"; {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
        raise RuleError(first.message + more, first.location, first.hint,
                        [RuleError(p.message, p.location, p.hint) for p in problems])
    off = set(disabled)
    return RuleSet(tuple(r for r in rules if r.id not in off), load_practices())
