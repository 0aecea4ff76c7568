"""Rule texts already found free of errors, remembered once per install: a process that loads
rules it (or an earlier process) validated skips the two costly checks, each regular
expression's backtracking analysis and spaCy's validation of each token pattern (about 0.15 s
of CPU of a cold start), whose only output is an error that these texts are known not to have.

The record is a small JSON file in the user cache folder (`<cache dir>/rules/`, beside the
language model, untouched by `policylens cache prune|clear`), named by a hash of the rule texts,
policylens' code, spaCy's and Python's versions: edited rules, another policylens, spaCy or
Python are validated afresh. Nothing is read back but the file's presence and its own key, so
a foreign file there can at most skip the checks of texts with that exact hash.

Beside it, the rule set those texts parse to is kept compiled (`compiled-<key>.pickle`): parsing
the YAML of the rule files, their examples included, cost about 0.35 s of CPU in every process
that loads rules, unpickling 0.03 s. It is read only when the validated record names the same
key, and a record that fails to load is ignored and written again. Like Python's own bytecode
cache, it trusts the user's own cache folder: a pickle there runs code when loaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import pickle
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from policylens.running.atomic import write_atomically

if TYPE_CHECKING:
    from policylens.ruleset import RuleSet

RULES = "rules"
KEPT_COMPILED = 8  # compiled rule sets kept in the folder, newest first


def _key(sources: Iterable[tuple[str, str]]) -> str:
    return _key_of(tuple(sources))


@lru_cache(maxsize=4)  # (asked for the record and the compiled rule set of the same texts)
def _key_of(sources: tuple[tuple[str, str], ...]) -> str:
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


def _compiled_path(key: str) -> Path | None:
    record = _record(key)
    return None if record is None else record.with_name(f"compiled-{key}.pickle")


def compiled(sources: list[tuple[str, str]]) -> RuleSet | None:
    """The rule set these texts parsed to, as this install kept it, or None (never kept, or a
    file that does not load: parsed afresh)."""
    from policylens.ruleset import RuleSet

    path = _compiled_path(_key(sources))
    if path is None:
        return None
    try:
        found = pickle.loads(path.read_bytes())
    except Exception:  # missing, truncated, from another version of a class: parse afresh
        return None
    return found if isinstance(found, RuleSet) else None


def remember_compiled(sources: list[tuple[str, str]], rules: RuleSet) -> None:
    """Keep the parsed rule set of these texts (atomically; a failure costs nothing)."""
    path = _compiled_path(_key(sources))
    if path is None:
        return
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        write_atomically(path, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
    _keep_newest(path.parent, KEPT_COMPILED)


def _keep_newest(folder: Path, count: int) -> None:
    """Remove all but the `count` newest compiled rule sets (each edit of the rules or the code
    makes a new one of about 0.5 MB; rule packs and installs sharing the folder keep theirs)."""
    with contextlib.suppress(OSError):
        kept = sorted(folder.glob("compiled-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[count:]:
            old.unlink(missing_ok=True)
