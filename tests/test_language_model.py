"""py3langid's model, decompressed once and kept in the cache folder (mapped, not read, by later
processes): every load gives the identifier py3langid itself builds, and a missing, corrupt or
unwritable copy only costs time."""

from __future__ import annotations

import lzma
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.reading import langmodel

SAMPLES = [
    "We do not sell your personal information to third parties, and we never will.",
    "Nous ne vendons pas vos données personnelles à des tiers.",
    "Wir verkaufen Ihre personenbezogenen Daten nicht an Dritte.",
    "No vendemos su información personal a terceros.",
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICYLENS_CACHE_DIR", str(tmp_path))
    return tmp_path


def _shipped() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _kept_file(cache_dir: Path) -> Path:
    (kept,) = (cache_dir / langmodel.MODELS).glob("py3langid-*")
    return kept


def test_the_kept_model_classifies_as_the_shipped_one(cache_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = _shipped()
    first = langmodel.load_identifier()  # decompresses, and keeps the result
    kept = _kept_file(cache_dir)

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the kept model should be read, not the compressed one")

    monkeypatch.setattr(lzma, "decompress", refuse)
    second = langmodel.load_identifier()
    assert kept.is_dir()
    for text in SAMPLES:
        expected = shipped.classify(text)  # type: ignore[attr-defined]
        assert first.classify(text) == expected and second.classify(text) == expected


def test_a_corrupt_kept_model_is_replaced(cache_dir: Path) -> None:
    langmodel.load_identifier()
    table = _kept_file(cache_dir) / "ptc.npy"
    table.write_bytes(table.read_bytes()[:1000])  # cut short
    identifier = langmodel.load_identifier()
    assert identifier.classify(SAMPLES[0])[0] == "en"
    assert table.stat().st_size > 1_000_000  # written again, whole
    assert langmodel.load_identifier().classify(SAMPLES[2])[0] == "de"


def test_a_cache_folder_that_cannot_be_written_costs_nothing(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("POLICYLENS_CACHE_DIR", str(blocker))
    assert langmodel.load_identifier().classify(SAMPLES[1])[0] == "fr"


@given(st.one_of(st.binary(max_size=300), st.text(max_size=200).map(
    lambda t: t.encode("utf-8", "surrogatepass"))))
@settings(max_examples=300, deadline=None)
def test_the_vectorised_walk_counts_what_py3langid_counts(data: bytes) -> None:
    """The feature counts of the vectorised walk (reading/dfawalk.py) are py3langid's own, in the
    same order, so every score is the same float."""
    from py3langid.langid import visit_counts

    from policylens.reading.language import _identifier

    identifier = _identifier()
    expected = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
    found = identifier.walk(data)
    assert (found is None and expected is None) or list(found.items()) == list(expected.items())


@pytest.mark.slow
def test_the_shipped_models_walk_synchronises_as_recorded() -> None:
    """Every state of the shipped model's automaton reaches, after SYNC bytes, the state the same
    bytes reach from the start: what makes the vectorised walk exact (about 20 s, 1 GB)."""
    from importlib import metadata

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from policylens.reading.dfawalk import KNOWN_MODELS, synchronising_length
    from policylens.reading.language import _identifier

    key = (metadata.version("py3langid"), (MODEL_DIR / MODEL_FILE).stat().st_size)
    if key not in KNOWN_MODELS:
        pytest.skip("another py3langid model: walked byte by byte")
    identifier = _identifier()
    assert synchronising_length(identifier.tk_nextmove, identifier._rowbase) == KNOWN_MODELS[key]
