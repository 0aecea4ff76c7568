"""Words a regular expression cannot match without, so the engine can skip the sentences that
hold none of them without running the expression at all.

`required_words(source)` reads the expression's syntax tree and returns a set of lowercase
letter strings one of which occurs in every match (``\\b(?:sell|rent)s?\\b`` -> {sell, rent}),
or None when it cannot promise one (then the expression always runs). `WordIndex` tells which of
those words occur in a text. The test is a necessary condition, never a sufficient one: a
sentence it keeps may still not match; a sentence it skips cannot match. Two details keep it
sound: under IGNORECASE Python matches four non-ASCII letters to ASCII ones (U+0130 and U+0131
to i, U+017F to s, the Kelvin sign to k), which `normalize` maps the same way; and a word is
looked for inside runs of letters, so "sell" is found in "reselling".
"""

from __future__ import annotations

import re
import warnings
from typing import Any

with warnings.catch_warnings():  # deprecated as a public module, still the way to read a pattern
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as _c
    import sre_parse

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# What IGNORECASE matches to an ASCII letter besides its two cases (checked by a test against
# every code point); lower() then maps the Kelvin sign to k.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_RUN = re.compile(r"[a-z]+")
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_c, name))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


def normalize(text: str) -> str:
    """Lowercase text in which every letter an IGNORECASE expression reads as an ASCII letter
    is that letter."""
    return text.translate(_FOLD).lower()


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest word, then fewer words."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _spelled(items: Any) -> str | None:
    """The letters a sequence spells, if it is nothing but lowercase-able ASCII letters."""
    out = []
    for op, arg in items:
        if not (op is _c.LITERAL and chr(arg).isascii() and chr(arg).lower() in _LETTERS):
            return None
        out.append(chr(arg).lower())
    return "".join(out)


def _sequence(items: Any) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []
    items = list(items)

    def flush() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is _c.LITERAL and chr(arg).lower() in _LETTERS and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        prefix = "".join(run)
        flush()
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            found = _sequence(arg[-1])
        elif _ATOMIC is not None and op is _ATOMIC:
            found = _sequence(arg)
        elif op is _c.BRANCH:
            branches = [_sequence(b) for b in arg[1]]
            if branches and all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
            words = [_spelled(b) for b in arg[1]]
            if prefix and all(w for w in words):  # the parser's m(?:any|ost) for many|most
                found = _better(found, frozenset(prefix + w for w in words if w))
        elif op in _REPEATS:
            low, _high, sub = arg
            if low >= 1:
                found = _sequence(sub)
        # anything else (classes, any, assertions, back references) promises no word
        best = _better(best, found)
    flush()
    return best


def required_words(source: str) -> frozenset[str] | None:
    """Lowercase words, one of which is in every match of `source`; None if none is certain."""
    try:
        return _sequence(sre_parse.parse(source))
    except (re.error, RecursionError, ValueError, TypeError):
        return None


class WordIndex:
    """Which of a fixed set of words occur in a text, as substrings of its runs of letters.

    What each run holds is remembered, so the cost per text is a regular-expression scan and a
    dictionary look-up per distinct run (policies repeat their vocabulary)."""

    MEMO_LIMIT = 200_000

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.lengths = sorted({len(w) for w in words})
        self.memo: dict[str, frozenset[str]] = {}

    def _inside(self, run: str) -> frozenset[str]:
        found = self.memo.get(run)
        if found is None:
            hits = set()
            for size in self.lengths:
                if size > len(run):
                    break
                for i in range(len(run) - size + 1):
                    piece = run[i:i + size]
                    if piece in self.words:
                        hits.add(piece)
            found = frozenset(hits)
            if len(self.memo) >= self.MEMO_LIMIT:
                self.memo.clear()
            self.memo[run] = found
        return found

    def present(self, text: str) -> set[str]:
        """The words that occur in `text`."""
        out: set[str] = set()
        for run in set(_RUN.findall(normalize(text))):
            out |= self._inside(run)
        return out
