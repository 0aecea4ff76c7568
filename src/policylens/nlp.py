"""The one spaCy pipeline of a process: blank English + sentencizer by default, or a named model;
then run-on sentences cut to at most 600 characters (structure/sentences.py)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from policylens.errors import UsageError

if TYPE_CHECKING:
    from spacy.language import Language

BLANK = "blank:en"
# spaCy's tokenizer remembers the tokens of each whitespace-separated chunk it has split, but only
# its first 10,000 distinct chunks: the 182 policies of bench/ota hold about 39,000, so past the
# first few policies every new chunk ran the affix expressions again, however often it recurred.
# A hit gives exactly the tokens a fresh split would (the cache is spaCy's own); an entry costs
# about 190 bytes, so this bounds the cache near 20 MB per process.
TOKENIZER_CACHE_CHUNKS = 100_000


@lru_cache(maxsize=4)
def get_nlp(model: str = BLANK) -> Language:
    """Build (once per process and model) the pipeline used to split sentences."""
    from policylens.spacy_import import import_spacy

    spacy = import_spacy()
    from policylens.structure.sentences import COMPONENT  # registers the component (imports spacy)

    if model == BLANK:
        from policylens.affixes import NAME, register

        register()  # spaCy's English tokenizer with cheaper affix searches (affixes.py)
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {
            "@tokenizers": NAME, "max_cache_size": TOKENIZER_CACHE_CHUNKS}}})
    else:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except OSError:
            raise UsageError(
                f"spaCy model {model!r} is not installed",
                hint="install it with pip, or leave out --model to use the blank pipeline",
            ) from None
    if not nlp.has_pipe("sentencizer") and not nlp.has_pipe("parser") \
            and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    nlp.add_pipe(COMPONENT)
    if getattr(nlp.tokenizer, "max_cache_size", TOKENIZER_CACHE_CHUNKS) < TOKENIZER_CACHE_CHUNKS:
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS
    return nlp
