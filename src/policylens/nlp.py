"""The one spaCy pipeline of a process: blank English + sentencizer by default, or a named model;
then run-on sentences cut to at most 600 characters (structure/sentences.py)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from policylens.errors import UsageError

if TYPE_CHECKING:
    from spacy.language import Language

BLANK = "blank:en"


@lru_cache(maxsize=4)
def get_nlp(model: str = BLANK) -> Language:
    """Build (once per process and model) the pipeline used to split sentences."""
    from policylens.spacy_import import import_spacy

    spacy = import_spacy()
    from policylens.structure.sentences import COMPONENT  # registers the component (imports spacy)

    if model == BLANK:
        nlp = spacy.blank("en")
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
    return nlp
