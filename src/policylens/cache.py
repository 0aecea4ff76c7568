"""The result cache: a policy's report, kept under a key of everything that decides it.

A report depends on the policy's bytes, its file name (the site and date can come from it), the
rules, the cue lexicon and practice definitions, the code of policylens itself, the spaCy version
and the model. The key covers all of them (`analysis_key` hashes the text of every rule file and
every source file of the package, so even an edited checkout without a version bump never reads
an old report), so a hit is the report a fresh run would make, byte for byte.

Entries are JSON (see serialize.py) in two zlib-compressed parts (what compare reads first, so
it never inflates the text and findings), one file each under
``<cache dir>/v1/<analysis key>/<2 hex>/<entry key>``, written to a temporary file and renamed
into place, so readers never see half an entry and parallel writers of the same entry are
harmless. A corrupt, truncated or foreign entry reads as a miss and is rewritten; a cache folder
that cannot be written costs one warning, never the run.

Reading the cache needs no spaCy: `analysis_key` reads rule files as text, without parsing or
validating them. That is safe because an entry is only ever written by a run that loaded and
validated exactly those rule files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from policylens import __version__
from policylens.models import Report
from policylens.serialize import FORMAT, HEAVY, SerializeError, report_from_data, report_to_data

LAYOUT = "v1"
MAGIC = b"PLC1"  # then the length of the first part; two zlib'd JSON parts: what compare
# reads (path, metadata, verdicts with evidence), then the text, outline and findings
ENV_DIR = "POLICYLENS_CACHE_DIR"


def default_cache_dir() -> str:
    """$POLICYLENS_CACHE_DIR, else the platform's user cache folder (~/.cache/policylens...)."""
    configured = os.environ.get(ENV_DIR)
    if configured:
        return configured
    import platformdirs

    return platformdirs.user_cache_dir("policylens", appauthor=False)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """policylens' version and a hash of its source and data files (cues, practices): a changed
    checkout invalidates the cache even when the version number stays the same."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{__version__}|{FORMAT}".encode())
    files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".yaml", ".yml")
                   and "__pycache__" not in p.parts)
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _installed_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"
    except ValueError:  # not a valid distribution name (e.g. a path to a model folder)
        return "?"


def analysis_key(rule_sources: Iterable[tuple[str, str]], model: str) -> str:
    """One hash of everything besides the policy that decides a report."""
    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(f"|spacy={_installed_version('spacy')}|model={model}".encode())
    if not model.startswith("blank:"):
        model_path = Path(model)
        version = _installed_version(model) if not model_path.exists() else _folder_hash(model_path)
        digest.update(f"@{version}".encode())
    for name, text in rule_sources:
        digest.update(b"\0rule\0" + name.encode() + b"\0" + text.encode())
    return digest.hexdigest()[:32]


def _folder_hash(folder: Path) -> str:
    """A model given as a folder: the names, sizes and times of its files."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        with contextlib.suppress(OSError):
            st = path.stat()
            digest.update(f"{path.relative_to(folder)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def _new_file(folder: Path) -> tuple[int, str]:
    """A new, uniquely named temporary file in `folder` (then renamed into place)."""
    path = os.path.join(folder, f".tmp-{os.getpid()}-{os.urandom(6).hex()}")
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), path


def entry_key(sha256: str, name: str) -> str:
    """A policy's entry: its content hash and its file name (which metadata is read from)."""
    return hashlib.sha256(f"{sha256}\0{name}".encode()).hexdigest()


class ResultCache:
    """Reports on disk under one analysis key; `get` and `put` never raise for cache trouble."""

    def __init__(self, folder: str | os.PathLike[str], key: str,
                 warn: Callable[[str], None] | None = None) -> None:
        self.root = Path(folder) / LAYOUT / key
        self.warn = warn
        self.hits = self.misses = self.writes = 0
        self._warned = False

    def usable(self) -> bool:
        """Whether the folder can be written; if not, say so once (the run goes on uncached)."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, probe = _new_file(self.root)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            self._warn(f"warning: cannot use the cache folder {self.root.parent.parent}: "
                       f"{exc.strerror or exc}; going on without it (--cache-dir DIR or --no-cache)")
            return False
        return True

    def _path(self, sha256: str, name: str) -> Path:
        key = entry_key(sha256, name)
        return self.root / key[:2] / key

    def get(self, sha256: str, name: str, path: str | None = None, slim: bool = False,
            evidence_for: frozenset[str] | None = None) -> Report | None:
        """The cached report of these bytes under this name (its path set to `path`; only what
        compare reads, if `slim`, with the evidence of `evidence_for` if given), or None."""
        from dataclasses import replace

        entry = self._path(sha256, name)
        try:
            raw = entry.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            if raw[:4] != MAGIC:
                raise SerializeError("not a policylens cache entry")
            (size,) = struct.unpack(">I", raw[4:8])
            data = json.loads(zlib.decompress(raw[8:8 + size]))
            if not slim:
                data.update(json.loads(zlib.decompress(raw[8 + size:])))
            report = report_from_data(data, slim_only=slim, evidence_for=evidence_for)
            if report.sha256 != sha256:
                raise SerializeError("entry belongs to other content")
        except (ValueError, zlib.error, struct.error, SerializeError, RecursionError,
                AttributeError):
            with contextlib.suppress(OSError):  # corrupt: drop it; the fresh report replaces it
                entry.unlink()
            self.misses += 1
            return None
        self.hits += 1
        return replace(report, path=path) if path is not None and path != report.path else report

    def put(self, report: Report, name: str) -> None:
        """Store a fresh report (atomically); problems are a warning, once, not an error."""
        if not report.sha256:
            return
        try:
            data = report_to_data(report)
            heavy = {name: data.pop(name) for name in HEAVY}
            head, rest = (zlib.compress(json.dumps(part, ensure_ascii=False, separators=(",", ":"))
                                        .encode("utf-8"), 1) for part in (data, heavy))
            payload = MAGIC + struct.pack(">I", len(head)) + head + rest
        except (SerializeError, ValueError, TypeError, RecursionError) as exc:
            self._warn(f"warning: cannot cache the report of {report.path}: {exc}")
            return
        entry = self._path(report.sha256, name)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _new_file(entry.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                os.replace(tmp, entry)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            self._warn(f"warning: cannot write the cache in {self.root.parent.parent}: "
                       f"{exc.strerror or exc} (use --cache-dir DIR or --no-cache)")
            return
        self.writes += 1

    def _warn(self, message: str) -> None:
        if not self._warned and self.warn is not None:
            self.warn(message)
        self._warned = True
