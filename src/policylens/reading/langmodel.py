"""py3langid's model, loaded in a tenth of the time: the model ships as an xz-compressed npz
(4.5 MB), and decompressing it costs about 0.4 s of CPU in every process that identifies a
language, more than the analysis of a typical policy. The decompressed npz (68 MB) is kept once
per install in the user cache folder (`<cache dir>/models/`, beside the result cache, untouched
by `policylens cache prune|clear`) and read back with `allow_pickle=False`, so a foreign or
corrupt file there can only fail to load (then the shipped model is used), never run code.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

MODELS = "models"


def cached_model_path(source: Path) -> Path | None:
    """Where the decompressed model of this py3langid install is kept (None: no cache folder)."""
    from policylens.running.cache import default_cache_dir

    try:
        version = metadata.version("py3langid")
        size = source.stat().st_size
    except (metadata.PackageNotFoundError, OSError):
        return None
    return Path(default_cache_dir()) / MODELS / f"py3langid-{version}-{size}.npz"


def _arrays(npz: Any) -> tuple[Any, ...]:
    """What py3langid's own loader (modelio.load_model) returns, from an opened npz."""
    from py3langid.modelio import _to_array

    with npz as data:
        return (data["ptc"], data["pc"], data["classes"].tolist(), _to_array(data["nextmove"]),
                _to_array(data["nextmove_row"]), data["out_feat"].tolist())


def _keep(raw: bytes, target: Path) -> None:
    """Write the decompressed model for the next process (atomically; a failure costs nothing)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        pass


def load_identifier() -> Any:
    """py3langid's LanguageIdentifier with normalised probabilities, as
    `LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)` builds it."""
    import io
    import lzma

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = MODEL_DIR / MODEL_FILE
    kept = cached_model_path(source)
    parts = None
    if kept is not None and kept.is_file():
        try:
            parts = _arrays(np.load(kept, allow_pickle=False))
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # not a whole model
            parts = None
    if parts is None:
        raw = lzma.decompress(source.read_bytes())
        parts = _arrays(np.load(io.BytesIO(raw), allow_pickle=False))
        if kept is not None:
            _keep(raw, kept)
    ptc, pc, classes, nextmove, row, output = parts
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              norm_probs=True, tk_row=row)
