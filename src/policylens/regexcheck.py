r"""Polynomial backtracking in a rule's regular expression, found before it runs.

Nested quantifiers (``(a+)+``) are exponential and refused by `ruleset.regex_problem`. Quantifiers
in a row over the same characters are polynomial: ``\\w*\\w*\\w*!`` tries every way to share a word
among three runs, n**3 steps on an n-character word, and Python's regex engine cannot be
interrupted while it does. A rule regex runs on up to 3,000 characters of every sentence of every
file, so three or more unbounded quantifiers that can hand characters to each other across words
(all sharing a space: ``.*a.*b.*c``) are refused; two are n**2, fine at that length. Runs that
stay inside words (``\S+@\S+\.\S+``) meet at most 100 characters, so four are refused.
Bounded gaps (``.{0,60}``) are always fine.
"""

from __future__ import annotations

import re
import string
import warnings
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as c

CHAIN = 3  #: this many chained unbounded quantifiers that can span words are refused
CHAIN_IN_WORDS = 4  #: within words (at most 100 characters, see text.MAX_WORD_CHARS): this many
_PROBES = string.ascii_letters + string.digits + string.punctuation + " \t\n\u00a0\u00e9\u2019"
_CATEGORIES = {
    c.CATEGORY_DIGIT: re.compile(r"\d"), c.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    c.CATEGORY_SPACE: re.compile(r"\s"), c.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    c.CATEGORY_WORD: re.compile(r"\w"), c.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _char_matches(op: Any, av: Any, ch: str) -> bool | None:
    """Whether one single-character item matches `ch` (case-insensitively, as rules compile);
    None when the item is not a single-character matcher."""
    code = ord(ch)
    if op == c.LITERAL:
        return chr(av).lower() == ch.lower()
    if op == c.NOT_LITERAL:
        return chr(av).lower() != ch.lower()
    if op == c.ANY:
        return ch != "\n"
    if op == c.IN:
        negate = False
        hit = False
        for kind, value in av:
            if kind == c.NEGATE:
                negate = True
            elif kind == c.LITERAL:
                hit = hit or chr(value).lower() == ch.lower()
            elif kind == c.RANGE:
                low, high = value
                hit = hit or low <= code <= high or low <= ord(ch.swapcase()) <= high
            elif kind == c.CATEGORY:
                pattern = _CATEGORIES.get(value)
                if pattern is None:
                    return None
                hit = hit or bool(pattern.match(ch))
            else:
                return None
        return hit != negate
    return None


def _char_set(items: Any) -> frozenset[str] | None:
    """The probe characters a single-character item list matches; None if it is anything else."""
    items = list(items)
    if len(items) == 1 and items[0][0] == c.SUBPATTERN:
        return _char_set(items[0][1][-1])
    if len(items) != 1:
        return None
    op, av = items[0]
    found = set()
    for ch in _PROBES:
        hit = _char_matches(op, av, ch)
        if hit is None:
            return None
        if hit:
            found.add(ch)
    return frozenset(found)


def _unbounded(op: Any, av: Any) -> frozenset[str] | None:
    """The character set of an unbounded quantifier over one character class, else None."""
    if op == c.SUBPATTERN:
        inner = list(av[-1])
        return _unbounded(*inner[0]) if len(inner) == 1 else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, sub = av
        if high == c.MAXREPEAT or high > 100:
            return _char_set(sub)
    return None


def _nullable(op: Any, av: Any) -> bool:
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        return bool(av[0] == 0)
    return bool(op == c.AT)  # anchors and \b match no character


def _chain(items: Any, across: str = "") -> int:
    """The longest run of unbounded quantifiers in one sequence that can pass characters along
    (sharing one of `across`, when given: " " for runs that can span words)."""
    longest = length = 0
    current: frozenset[str] | None = None
    for op, av in items:
        chars = _unbounded(op, av)
        if chars is not None:
            shared = chars & current if current is not None else frozenset()
            passes = bool(shared) and (not across or bool(shared & set(across)))
            length = length + 1 if passes else 1
            current = chars
        elif _nullable(op, av):
            continue
        elif current is not None and (single := _char_set([(op, av)])) is not None and single <= current:
            continue  # a literal the previous run could also take: "\w*a\w*" still shares
        else:
            length, current = 0, None
        longest = max(longest, length)
    return longest


def polynomial_problem(parsed: Any) -> str | None:
    """Why a parsed pattern (sre_parse) can backtrack polynomially, or None."""

    def walk(items: Any) -> bool:
        if _chain(items, across=" ") >= CHAIN or _chain(items) >= CHAIN_IN_WORDS:
            return True
        for op, av in items:
            if op in (c.MAX_REPEAT, c.MIN_REPEAT) and walk(av[2]):
                return True
            if op == c.SUBPATTERN and walk(av[-1]):
                return True
            if op == c.BRANCH and any(walk(branch) for branch in av[1]):
                return True
        return False

    if walk(parsed):
        return ("unbounded quantifiers in a row over the same characters can backtrack "
                "polynomially (bound the gaps, e.g. .{0,60})")
    return None
