"""py3langid's model, loaded in a tenth of the time: the model ships as an xz-compressed npz
(4.5 MB), and decompressing it costs about 0.4 s of CPU in every process that identifies a
language, more than the analysis of a typical policy. Its six arrays are kept decompressed once
per install in the user cache folder (`<cache dir>/models/py3langid-<version>-<size>/`, one
`.npy` file each, beside the result cache, untouched by `policylens cache prune|clear`) and
mapped into memory, not read: the scorer touches only the rows of the features a sample holds,
so a process reads a few pages of the 68 MB (0.01 s, where reading the whole took 0.11 s).
They are opened with `allow_pickle=False`, so a foreign or corrupt file there can only fail to
load (then the shipped model is used and the copy written again), never run code.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

MODELS = "models"
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cached_model_path(source: Path) -> Path | None:
    """The folder where this py3langid install's model is kept (None: no cache folder)."""
    from policylens.running.cache import default_cache_dir

    try:
        version = metadata.version("py3langid")
        size = source.stat().st_size
    except (metadata.PackageNotFoundError, OSError):
        return None
    return Path(default_cache_dir()) / MODELS / f"py3langid-{version}-{size}"


def _parts(arrays: dict[str, Any]) -> tuple[Any, ...]:
    """What LanguageIdentifier takes, as py3langid's own loader (modelio.load_model) gives it:
    the transition table as a flat sequence of ints (a memoryview of the mapped array indexes
    as fast as py3langid's array.array), the output features and row offsets as lists."""
    import numpy as np

    nextmove = arrays["nextmove"]
    table = memoryview(nextmove.data) if isinstance(nextmove, np.memmap) else nextmove
    return (arrays["ptc"], np.asarray(arrays["pc"]), arrays["classes"].tolist(), table,
            arrays["nextmove_row"].tolist(), arrays["out_feat"].tolist())


def _mapped(folder: Path) -> tuple[Any, ...]:
    import numpy as np

    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
              for name in _ARRAYS}
    if arrays["nextmove"].dtype != np.uint32 or arrays["nextmove"].ndim != 1:
        raise ValueError("not py3langid's transition table")
    return _parts(arrays)


def _keep(arrays: dict[str, Any], target: Path) -> None:
    """Write the decompressed arrays for the next process (a folder renamed into place whole;
    a failure costs nothing)."""
    import numpy as np

    try:
        shutil.rmtree(target, ignore_errors=True)  # a corrupt copy
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
        try:
            for name in _ARRAYS:
                np.save(temp / f"{name}.npy", arrays[name], allow_pickle=False)
            os.rename(temp, target)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
    except OSError:  # unwritable, or another process kept it first
        pass


def _decompressed(source: Path) -> dict[str, Any]:
    import io
    import lzma

    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(io.BytesIO(lzma.decompress(source.read_bytes())), allow_pickle=False) as data:
        arrays = {name: data[name] for name in _ARRAYS}
    arrays["nextmove"] = np.ascontiguousarray(arrays["nextmove"], dtype=np.uint32)
    arrays["nextmove_table"] = _to_array(arrays["nextmove"])
    return arrays


def load_identifier() -> Any:
    """py3langid's LanguageIdentifier with normalised probabilities, as
    `LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)` builds it."""
    import zipfile

    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = MODEL_DIR / MODEL_FILE
    kept = cached_model_path(source)
    parts = None
    if kept is not None and kept.is_dir():
        try:
            parts = _mapped(kept)
        except (OSError, ValueError, KeyError, EOFError, TypeError, zipfile.BadZipFile):
            parts = None  # not a whole model: replaced below
    if parts is None:
        arrays = _decompressed(source)
        if kept is not None:
            _keep(arrays, kept)
        parts = _parts({**arrays, "nextmove": arrays["nextmove_table"]})
    ptc, pc, classes, nextmove, row, output = parts
    from policylens.reading.dfawalk import KNOWN_MODELS, FeatureWalk

    try:
        sync = KNOWN_MODELS.get((metadata.version("py3langid"), source.stat().st_size))
    except (metadata.PackageNotFoundError, OSError):
        sync = None
    if sync is None:  # a model whose walk is not known to synchronise: walked byte by byte
        return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    identifier = _vectorised()(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    identifier.walk = FeatureWalk(nextmove, identifier._rowbase, output, sync)
    return identifier


@lru_cache(maxsize=1)
def _vectorised() -> Any:
    """LanguageIdentifier with the feature counts of `dfawalk.FeatureWalk` (given as `walk`)."""
    import numpy as np
    from py3langid.langid import RAW_FLOOR, LanguageIdentifier

    class Vectorised(LanguageIdentifier):
        def _raw_score(self, text: bytes) -> Any:
            visits = self.walk(text)  # the rest as LanguageIdentifier._raw_score
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    return Vectorised
