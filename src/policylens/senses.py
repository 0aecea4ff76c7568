"""Which sense an ambiguous trigger word has, told by the words of its paragraph.

"Cookie" is a biscuit as often as a file in the short texts users paste ("Join the Cookie Club
for a free cookie on your birthday"), and "beacon" a harbour light. Patterns cannot list every
food a cookie comes with, so the words of the other sense and of the meant one are data
(`data/senses.yaml`): a pattern finding whose trigger holds such a word is dropped when its
paragraph holds a word of the other sense and none of the meant one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from policylens.yamlmarks import safe_load


@dataclass(frozen=True)
class Sense:
    """An ambiguous word's forms, the sense rules do not mean, and the words of each sense."""

    words: frozenset[str]
    other_sense: str
    meant: frozenset[str]
    other: frozenset[str]

    def is_other(self, block_words: set[str] | frozenset[str]) -> str | None:
        """The other sense's word a paragraph holds when it holds none of the meant sense's."""
        if not self.meant.isdisjoint(block_words):
            return None
        return next((w for w in sorted(self.other) if w in block_words), None)


@lru_cache(maxsize=1)
def load_senses() -> tuple[Sense, ...]:
    text = resources.files("policylens.data").joinpath("senses.yaml").read_text("utf-8")
    raw = safe_load(text)
    return tuple(Sense(frozenset(map(str, spec["words"])), str(spec["other_sense"]),
                       frozenset(map(str, spec["meant"])), frozenset(map(str, spec["other"])))
                 for spec in raw.values())
