"""Safe YAML with positions: compose (never construct) and keep line/column of every key and value.

PyYAML's loaders silently keep the last of two duplicate keys, read a bare ``no`` as False and
construct Python objects for some tags. Rule files need none of that, so we walk the node graph
ourselves and report each surprise at its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from policylens.errors import Location, RuleError

# libyaml's composer is an order of magnitude faster and keeps the same marks
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
}


def safe_load(text: str) -> Any:
    """yaml.safe_load with libyaml's C loader when PyYAML has it (the same data, several times
    faster: the packaged data files are read in every process that analyses)."""
    return yaml.load(text, Loader=_LOADER)


@dataclass
class Problem:
    location: Location
    message: str
    hint: str = ""
    severity: str = "error"  # error | warning (a warning does not stop rules from loading)

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.location}: {label}{self.message}" + (f" ({self.hint})" if self.hint else "")


@dataclass
class Marked:
    """A YAML value with where it stood; `raw` keeps the source spelling of scalars."""

    value: Any
    location: Location
    raw: str | None = None
    tag: str = ""
    key_locations: dict[str, Location] = field(default_factory=dict)

    def is_bool_word(self) -> bool:
        return self.tag.endswith(":bool") and (self.raw or "").lower() in _BOOL_WORDS


def _loc(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, path: str, problems: list[Problem]) -> Marked:
    loc = _loc(path, node)
    if node.tag not in _STANDARD_TAGS:
        problems.append(Problem(loc, f"YAML tag {node.tag!r} is not allowed in rule files",
                                "rule files hold plain strings, lists and mappings"))
        return Marked(None, loc, tag=node.tag)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Marked] = {}
        keys: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            key_loc = _loc(path, key_node)
            if key in result:
                problems.append(Problem(key_loc, f"duplicate key {key!r}",
                                        f"first defined at line {keys[key].line}; YAML keeps only the last"))
            result[key] = _convert(value_node, path, problems)
            keys[key] = key_loc
        return Marked(result, loc, tag=node.tag, key_locations=keys)
    if isinstance(node, yaml.SequenceNode):
        return Marked([_convert(item, path, problems) for item in node.value], loc, tag=node.tag)
    raw = node.value
    tag = node.tag
    value: Any = raw
    if tag.endswith(":int"):
        try:
            value = int(raw.replace("_", ""), 0)
        except ValueError:
            value = raw
    elif tag.endswith(":float"):
        try:
            value = float(raw)
        except ValueError:
            value = raw
    elif tag.endswith(":bool"):
        value = raw.lower() in {"yes", "on", "y", "true"}
    elif tag.endswith(":null"):
        value = None
    return Marked(value, loc, raw=raw, tag=tag)


def load_marked(text: str, path: str) -> tuple[Marked | None, list[Problem]]:
    """Parse YAML text into Marked values; syntax errors come back as problems, never raised."""
    problems: list[Problem] = []
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        hint = ""
        if exc.context and exc.context_mark and exc.problem_mark:
            ctx = exc.context_mark
            hint = f"{exc.context} at line {ctx.line + 1}, column {ctx.column + 1}"
        problems.append(Problem(loc, f"invalid YAML: {exc.problem or exc}", hint))
        return None, problems
    except yaml.YAMLError as exc:
        problems.append(Problem(Location(path), f"invalid YAML: {exc}"))
        return None, problems
    if node is None:
        return None, problems
    return _convert(node, path, problems), problems


def plain(marked: Marked | None) -> Any:
    """Strip marks (for values that need no further checks)."""
    if marked is None:
        return None
    if isinstance(marked.value, dict):
        return {k: plain(v) for k, v in marked.value.items()}
    if isinstance(marked.value, list):
        return [plain(v) for v in marked.value]
    return marked.value


def fail_on(problems: list[Problem]) -> None:
    if problems:
        first = problems[0]
        raise RuleError(first.message, first.location, first.hint)
