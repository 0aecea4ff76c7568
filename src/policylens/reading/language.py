"""Which language a policy is written in (py3langid, offline), and what that means for its report:
the rules are English, so a French or German policy is reported `not-assessed`, not silently
`not-mentioned`, unless --lang any asks for the analysis anyway.

py3langid was chosen over langid (unmaintained since 2016), langdetect (non-deterministic
without a seed, slow) and lingua (most accurate on short text, but a wheel of ~100 MB): a 4.5 MB
model, 97 languages, about a millisecond per sample, no network.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from policylens.models import Metadata, PracticeVerdict, Report
from policylens.practices import NOT_ASSESSED

SAMPLE_CHARS = 3000  # clean text taken from the start and the middle of the body
MIN_LETTERS = 200  # a shorter sample is not identified (a title, a "Loading" page)
MIN_CONFIDENCE = 0.9
LANG_CHOICES = ("en", "any")
NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
         "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "sv": "Swedish", "da": "Danish",
         "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "ru": "Russian", "ja": "Japanese",
         "zh": "Chinese", "ko": "Korean", "tr": "Turkish", "ar": "Arabic"}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from policylens.reading.langmodel import load_identifier

    return load_identifier()


def preload() -> None:
    """Load the model now: a process that forks workers loads it once for all of them."""
    _identifier()


def _clean_sample(text: str, start: int) -> str:
    from policylens.structure.blocks import iter_blocks

    taken: list[str] = []
    size = 0
    for block in iter_blocks(text[start:start + 4 * SAMPLE_CHARS]):
        taken.append(block.text)
        size += len(block.text)
        if size >= SAMPLE_CHARS:
            break
    return " ".join(taken)


def body_sample(text: str, body_start: int = 0) -> str:
    """Clean text (no markup) from the start of the body and from its middle: not the whole of a
    50 MB policy, and not only its header."""
    middle = text.find("\n", body_start + (len(text) - body_start) // 2)
    sample = _clean_sample(text, body_start)
    if middle > 0 and len(text) - body_start > 4 * SAMPLE_CHARS:
        sample += " " + _clean_sample(text, middle + 1)
    return sample


def identify(text: str, body_start: int = 0) -> str | None:
    """ISO 639-1 code of the body's language, or None when the sample is too short or the
    identification unsure."""
    sample = body_sample(text, body_start)
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:  # (a generator: 0.3 s over bench/ota)
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= MIN_CONFIDENCE else None


def language_note(metadata: Metadata, lang: str = "en") -> str | None:
    """The note for a report whose text is not in English; None for English or unknown."""
    code = metadata.language
    if code is None or code == "en":
        return None
    name = NAMES.get(code, code)
    if lang == "any":
        return (f"the text is in {name} ({code}), not English: analysed anyway (--lang any) with "
                "English rules, so values may be missed")
    return (f"the text is in {name} ({code}), not English: practices were not assessed "
            "(the rules are English; --lang any analyses it anyway)")


def assess_language(report: Report, lang: str = "en") -> Report:
    """The report as --lang asks: with `en`, a non-English policy's practices are not-assessed
    (no findings); with `any`, the analysis stands. Either way the note says the language."""
    note = language_note(report.metadata, lang)
    if note is None or note in report.notes:
        return report
    notes = tuple(n for n in report.notes if not n.startswith("no practices found")) + (note,)
    if lang == "any":
        return replace(report, notes=report.notes + (note,))
    practices = {pid: PracticeVerdict(pid, NOT_ASSESSED, (), note) for pid in report.practices}
    return replace(report, practices=practices, findings=(), notes=notes)
