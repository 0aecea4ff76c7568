"""spaCy's English tokenizer with its prefix and suffix expressions searched more cheaply: the
same expressions, the same matches, so the same tokens.

spaCy joins its prefixes as `^a|^b|...` and its suffixes as `a$|b$|...` and calls `search` on
every chunk of text it has not seen before (the cache, nlp.py, holds the rest). `search` tries
the expression at every position of the chunk, each time with every alternative: the suffixes'
search was a quarter of the tokenizer's time over bench/ota. Here:

- prefixes: when every alternative starts with `^` (no MULTILINE flag), a match can only start
  at position 0, so `match` finds what `search` finds, without trying the other positions;
- suffixes: when every alternative ends with `$`, a match of an alternative at most W characters
  wide starts at most W + 1 characters before the end (`$` also matches before a final newline),
  so the search starts there (`Pattern.search(text, pos)`: look-behinds still see the text
  before `pos`). The few alternatives of no bounded width (`\\.\\.+$`) are searched on their own
  first: only they can match earlier, and if one does, the leftmost of them is what `search`
  finds. A result is remembered per chunk (the same remainder comes back from many chunks).
  This starts after the first 10,000 searches: a run over one policy does not pay for the
  analysis of the expression.

Any expression not of that shape is searched as spaCy does. `tests/test_affixes.py` checks the
matches against the plain searches.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

NAME = "policylens.Tokenizer.v1"
Search = Callable[[str], "re.Match[str] | None"]


_BEGINNING = (sre_constants.AT, sre_constants.AT_BEGINNING)
_END = (sre_constants.AT, sre_constants.AT_END)


def _parsed(pattern: re.Pattern[str]) -> list[Any] | None:
    """An expression's top-level items, parsed; None under MULTILINE (where `^` and `$` match
    at every line) or if it cannot be parsed here."""
    if pattern.flags & re.MULTILINE:
        return None
    try:
        return list(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - an expression this module does not understand
        return None


def _branches(pattern: re.Pattern[str]) -> list[Any] | None:
    """The top-level alternatives of an expression, parsed; None if it is not an alternation."""
    data = _parsed(pattern)
    if data is None or len(data) != 1 or data[0][0] is not sre_constants.BRANCH:
        return None
    return list(data[0][1][1])


def prefix_search(pattern: re.Pattern[str]) -> Search:
    """`pattern.match` where every match must start with `^`, else `pattern.search`. (The
    parser takes the `^` common to all of spaCy's alternatives out in front of them.)"""
    data = _parsed(pattern)
    if data and (data[0] == _BEGINNING or (
            len(data) == 1 and data[0][0] is sre_constants.BRANCH
            and all(b.data and b.data[0] == _BEGINNING for b in data[0][1][1]))):
        return pattern.match
    return pattern.search


class _Tail:
    """Where a suffix match can start: at most `reach` characters before the end, or anywhere
    for a match of `unbounded` (the alternatives of no bounded width, in their order)."""

    def __init__(self, reach: int, unbounded: re.Pattern[str] | None) -> None:
        self.reach = reach
        self.unbounded = unbounded.search if unbounded is not None else None


def _tail(pattern: re.Pattern[str], pieces: list[str]) -> _Tail | None:
    """The tail of spaCy's suffix expression (one alternative per piece, each ending in `$`),
    or None when it is not of that shape."""
    branches = _branches(pattern)
    used = [p + "$" for p in pieces if p.strip()]
    if branches is None or len(branches) != len(used):
        return None
    reach = 0
    unbounded: list[str] = []
    for branch, piece in zip(branches, used, strict=True):
        if not branch.data or branch.data[-1] != _END:
            return None
        width = branch.getwidth()[1]
        if width >= sre_parse.MAXREPEAT:
            unbounded.append(piece)
        else:
            reach = max(reach, width + 1)
    return _Tail(reach, re.compile("|".join(unbounded), pattern.flags) if unbounded else None)


class SuffixSearch:
    """`search` of spaCy's suffix expression (`util.compile_suffix_regex(pieces)`) from where a
    match can start (see the module docstring). The expression is analysed (4 ms: parsing 12,000
    characters) after the first WARM_UP searches, which are plain: a run over one policy does
    not pay for what only pays off over many."""

    MEMO_LIMIT = 50_000
    WARM_UP = 10_000

    def __init__(self, pieces: list[str], warm_up: int = WARM_UP) -> None:
        from spacy import util

        self.pieces = pieces
        self.pattern = util.compile_suffix_regex(pieces)
        self.search = self.pattern.search
        self.warm_up = warm_up
        self.tail: _Tail | None = None
        self.memo: dict[str, re.Match[str] | None] = {}

    def __call__(self, text: str) -> re.Match[str] | None:
        tail = self.tail
        if tail is None:
            if self.warm_up < 0:  # analysed: not of the shape
                return self.search(text)
            self.warm_up -= 1
            if self.warm_up >= 0:
                return self.search(text)
            tail = self.tail = _tail(self.pattern, self.pieces)
            if tail is None:
                return self.search(text)
        memo = self.memo
        found = memo.get(text, memo)
        if found is not memo:
            return found  # type: ignore[return-value]
        start = len(text) - tail.reach
        found = None
        if start <= 0:
            found = self.search(text)
        else:
            if tail.unbounded is not None:
                found = tail.unbounded(text)
                if found is not None and found.start() >= start:
                    found = None  # as leftmost as any bounded match: search from `start`
            if found is None:
                found = self.search(text, start)
        if len(memo) >= self.MEMO_LIMIT:
            memo.clear()
        memo[text] = found
        return found


def create_tokenizer(max_cache_size: int) -> Callable[[Any], Any]:
    """spaCy's `create_tokenizer` factory (spacy/language.py) with the searches above."""
    from spacy import util
    from spacy.tokenizer import Tokenizer

    def tokenizer_factory(nlp: Any) -> Any:
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=prefix_search(util.compile_prefix_regex(prefixes)) if prefixes else None,
            suffix_search=SuffixSearch(list(suffixes)) if suffixes else None,
            infix_finditer=util.compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
            max_cache_size=max_cache_size,
        )

    return tokenizer_factory


def register() -> None:
    """Make NAME known to spaCy's registry (once)."""
    from spacy import registry

    if NAME not in registry.tokenizers:
        registry.tokenizers.register(NAME, func=create_tokenizer)
