"""Words a regular expression cannot match without, so the engine can skip the sentences that
hold none of them without running the expression at all.

`required_words(source)` reads the expression's syntax tree and returns clauses of lowercase
words, a word of each occurring in every match (``(?:sell|rent)s?\\s+data`` gives {sell, rent}
and {data}), or None when it cannot promise one (then the expression always runs). `WordIndex`
tells which of those words occur in a text. The test is a necessary condition, never a
sufficient one: a sentence it keeps may still not match; a sentence it skips cannot match. Two
details keep it sound: under IGNORECASE Python matches four non-ASCII letters to ASCII ones
(U+0130 and U+0131 to i, U+017F to s, the Kelvin sign to k), which `normalize` maps the same
way; and a word is looked for inside runs of letters and digits, so "sell" is found in
"reselling".
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterable
from typing import Any

with warnings.catch_warnings():  # deprecated as a public module, still the way to read a pattern
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as _c
    import sre_parse

_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# What IGNORECASE matches to an ASCII letter besides its two cases (checked by a test against
# every code point); lower() then maps the Kelvin sign to k.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_RUN = re.compile(r"[a-z0-9]+")
# The same runs, found at C speed: in the folded text's ASCII bytes (every other character one
# "?" byte) each byte but a letter or digit becomes a space, and the runs are split out.
_RUN_BYTES = bytes(c if chr(c) in _CHARS else 32 for c in range(256))
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_c, name))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


def normalize(text: str) -> str:
    """Lowercase text in which every letter an IGNORECASE expression reads as an ASCII letter
    is that letter."""
    # translate() looks up every character in a dict: only text with a non-ASCII one can hold
    # the three letters it maps (isascii() is a flag on the string, no scan)
    return (text if text.isascii() else text.translate(_FOLD)).lower()


Clause = frozenset[str]  # one of these words is in every match
Needs = tuple[Clause, ...]  # and so is one of each clause's


def _best(clauses: list[Clause]) -> Clause | None:
    """The most selective clause (longest shortest word, then fewest words)."""
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _spelled(items: Any) -> str | None:
    """The text a sequence spells, if it is nothing but letters and digits."""
    out = []
    for op, arg in items:
        if not (op is _c.LITERAL and chr(arg).isascii() and chr(arg).lower() in _CHARS):
            return None
        out.append(chr(arg).lower())
    return "".join(out)


def _sequence(items: Any) -> list[Clause]:
    """Every clause the items in a row require (all of them hold in any match)."""
    clauses: list[Clause] = []
    run: list[str] = []
    items = list(items)

    def flush() -> None:
        if run:
            clauses.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is _c.LITERAL and chr(arg).isascii() and chr(arg).lower() in _CHARS:
            run.append(chr(arg).lower())
            continue
        prefix = "".join(run)
        flush()
        if op is _c.SUBPATTERN:
            clauses.extend(_sequence(arg[-1]))
        elif _ATOMIC is not None and op is _ATOMIC:
            clauses.extend(_sequence(arg))
        elif op is _c.BRANCH:
            # one clause per alternative, joined: some alternative's words are in the match
            picked = [_best(_sequence(b)) for b in arg[1]]
            if picked and all(c is not None for c in picked):
                clauses.append(frozenset().union(*picked))  # type: ignore[arg-type]
            words = [_spelled(b) for b in arg[1]]
            if prefix and all(w for w in words):  # the parser's m(?:any|ost) for many|most
                clauses.append(frozenset(prefix + w for w in words if w))
        elif op in _REPEATS:
            low, _high, sub = arg
            if low >= 1:
                clauses.extend(_sequence(sub))
        # anything else (classes, any, assertions, back references) promises no word
    flush()
    return clauses


_KEPT: dict[str, Needs | None] = {}  # what `kept_required_words` read back, by expression


def required_words(source: str) -> Needs | None:
    """Clauses of lowercase words (letters and digits) such that every match of `source` holds
    a word of each clause; None when no word is certain. An expression `kept_required_words`
    was given is not parsed again (the rules' attribute expressions ask at their first use)."""
    if source in _KEPT:
        return _KEPT[source]
    return _derived_words(source)


def _derived_words(source: str) -> Needs | None:
    try:
        clauses = _sequence(sre_parse.parse(source))
    except (re.error, RecursionError, ValueError, TypeError):
        return None
    unique = tuple(sorted(set(clauses), key=lambda c: (-min(map(len, c)), sorted(c))))
    return unique or None


def kept_required_words(sources: Iterable[str]) -> dict[str, Needs | None]:
    """`required_words` of each expression, worked out once per install and kept as JSON
    (running/derived.py; named by the expressions, policylens' code and Python's version, since
    `sre_parse` reads them): reading some 200 syntax trees was about 0.05 s of every cold start."""
    from policylens.running.cache import code_fingerprint
    from policylens.running.derived import kept

    wanted = sorted(set(sources))
    key = f"{code_fingerprint()}|python={sys.version}".encode() + b"".join(
        b"\0" + source.encode("utf-8", "surrogatepass") for source in wanted)

    def derive() -> dict[str, list[list[str]] | None]:
        return {source: _as_lists(_derived_words(source)) for source in wanted}

    table = kept("regex-words", key, derive, lambda value: _is_words_table(value, wanted))
    found = {source: _as_needs(table[source]) for source in wanted}
    _KEPT.update(found)
    return found


def _as_lists(needs: Needs | None) -> list[list[str]] | None:
    return None if needs is None else [sorted(clause) for clause in needs]


def _as_needs(lists: list[list[str]] | None) -> Needs | None:
    return None if lists is None else tuple(frozenset(clause) for clause in lists)


def _is_words_table(value: Any, wanted: list[str]) -> bool:
    """Whether a kept table has the shape `kept_required_words` writes, for every expression."""
    return isinstance(value, dict) and all(
        source in value and (value[source] is None or (
            isinstance(value[source], list) and value[source] and all(
                isinstance(clause, list) and clause and all(type(w) is str for w in clause)
                for clause in value[source])))
        for source in wanted)


def may_hold(needs: Needs | None, folded: str) -> bool:
    """Whether a text (as `normalize` gives it) holds a word of every clause, anywhere in it:
    if not, the expression cannot match it."""
    if needs is None:
        return True
    for clause in needs:  # loops, not all(any(...)): no generator per clause (a hot path)
        for word in clause:
            if word in folded:
                break
        else:
            return False
    return True


def holds(needs: Needs, present: set[str]) -> bool:
    """Whether text with these words can match."""
    for clause in needs:
        if clause.isdisjoint(present):
            return False
    return True


Bits = tuple[int, ...]  # a clause per int, a bit per word (`WordIndex.bits_of`)


def sum_bits(masks: Iterable[int]) -> int:
    """The union of some masks of bits."""
    out = 0
    for mask in masks:
        out |= mask
    return out


def holds_bits(clauses: Bits, present: int) -> bool:
    """`holds` on bits: whether text whose words are the bits of `present` can match."""
    for clause in clauses:
        if not clause & present:
            return False
    return True


def runs_of(text: str) -> list[bytes]:
    """The runs of letters and digits of `normalize(text)`, what `_RUN.findall` finds there, as
    ASCII bytes: the text is encoded and translated in C, not scanned by an expression (about
    ten times faster). lower() is done first, as in `normalize`, since it maps a few non-ASCII
    characters to ASCII letters; any character left outside ASCII separates runs either way."""
    return normalize(text).encode("ascii", "replace").translate(_RUN_BYTES).split()


class WordIndex:
    """Which of a fixed set of words occur in a text, as substrings of its runs of letters and
    digits: as a set, or as an int with a bit per word (`mask`), which is cheaper to make (an
    OR per run, not a set union) and to test (an AND per clause).

    What each run holds is remembered, so the cost per text is a regular-expression scan, a set
    difference (the runs known to hold no word) and a dictionary look-up per other distinct run
    (policies repeat their vocabulary)."""

    MEMO_LIMIT = 200_000

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.bits = {word: 1 << i for i, word in enumerate(sorted(words))}
        self.lengths = sorted({len(w) for w in words})
        # (runs are ASCII bytes, `runs_of`; a word with another character is in no run)
        self.byte_bits = {word.encode(): bit for word, bit in self.bits.items() if word.isascii()}
        self.memo: dict[bytes, int] = {}  # runs holding some of the words -> their bits
        self.empty: set[bytes] = set()  # runs holding none of them

    def bits_of(self, needs: Needs) -> Bits:
        """A clause's words as one int each (every word must be one of this index's)."""
        return tuple(sum(self.bits[word] for word in clause) for clause in needs)

    def _inside(self, run: bytes) -> int:
        found = 0
        bits = self.byte_bits
        for size in self.lengths:
            if size > len(run):
                break
            for i in range(len(run) - size + 1):
                found |= bits.get(run[i:i + size], 0)
        if len(self.memo) + len(self.empty) >= self.MEMO_LIMIT:
            self.memo.clear()
            self.empty.clear()
        if found:
            self.memo[run] = found
        else:
            self.empty.add(run)
        return found

    def mask(self, text: str) -> int:
        """The words that occur in `text`, a bit each."""
        out = 0
        memo = self.memo
        # the runs known to hold none of the words are taken out at C speed
        for run in set(runs_of(text)) - self.empty:
            found = memo.get(run)
            if found is None:
                found = self._inside(run)
            out |= found
        return out

    def present(self, text: str) -> set[str]:
        """The words that occur in `text`."""
        found = self.mask(text)
        return {word for word, bit in self.bits.items() if found & bit}
