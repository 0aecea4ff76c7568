"""Rule texts already found free of errors, remembered once per install: a process that loads
rules it (or an earlier process) validated skips the two costly checks, each regular
expression's backtracking analysis and spaCy's validation of each token pattern (about 0.15 s
of CPU of a cold start), whose only output is an error that these texts are known not to have.

The record is a small JSON file in the user cache folder (`<cache dir>/rules/`, beside the
language model, untouched by `policylens cache prune|clear`), named by a hash of the rule texts,
policylens' code, spaCy's and Python's versions: edited rules, another policylens, spaCy or
Python are validated afresh. Nothing is read back but the file's presence and its own key, so
a foreign file there can at most skip the checks of texts with that exact hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from policylens.running.atomic import write_atomically

RULES = "rules"


def _key(sources: Iterable[tuple[str, str]]) -> str:
    from policylens.running.cache import _installed_version, code_fingerprint

    # Python's too: `re` decides which expressions compile
    digest = hashlib.sha256(f"{code_fingerprint()}|spacy={_installed_version('spacy')}"
                            f"|python={sys.version}".encode())
    for name, text in sources:
        digest.update(b"\0rule\0" + name.encode() + b"\0" + text.encode())
    return digest.hexdigest()[:32]


def _record(key: str) -> Path | None:
    from policylens.running.cache import default_cache_dir

    try:
        return Path(default_cache_dir()) / RULES / f"validated-{key}.json"
    except Exception:  # no home, no cache folder: validate every time
        return None


def known_valid(sources: list[tuple[str, str]]) -> bool:
    """Whether these rule texts were validated without an error by this install before."""
    path = _record(_key(sources))
    if path is None:
        return False
    try:
        return bool(json.loads(path.read_text(encoding="utf-8")).get("key") == path.stem[10:])
    except (OSError, ValueError, AttributeError):
        return False


def remember_valid(sources: list[tuple[str, str]]) -> None:
    """Record that these rule texts hold no error (atomically; a failure costs nothing)."""
    key = _key(sources)
    path = _record(key)
    if path is None:
        return
    with contextlib.suppress(OSError):
        write_atomically(path, json.dumps({"key": key, "rule_files": len(sources)}).encode("utf-8"))
