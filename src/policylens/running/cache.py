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

Every edit of the code or the rules starts a new analysis-key folder and the old ones are never
read again, so `sweep` (behind `policylens cache info|prune|clear`) walks the layout, counts it and
deletes what is stale. It touches only names of the layout (32-hex key folders, 2-hex buckets,
64-hex entries, `.tmp-` files), never follows a link, and only removes folders it emptied, so a
cache folder pointed at $HOME loses nothing else. A hit refreshes its entry's mtime (at most once
an hour), so `prune --older-than` removes what was not used, not what was written long ago.

Reading the cache needs no spaCy: `analysis_key` reads rule files as text, without parsing or
validating them. That is safe because an entry is only ever written by a run that loaded and
validated exactly those rule files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import struct
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import orjson

from policylens import __version__
from policylens.errors import CacheError, Location
from policylens.models import Report
from policylens.running.atomic import write_atomically
from policylens.serialize import FORMAT, HEAVY, SerializeError, report_from_data, report_to_data

LAYOUT = "v1"
MAGIC = b"PLC1"  # then the length of the first part; two zlib'd JSON parts: what compare
# reads (path, metadata, verdicts with evidence), then the text, outline and findings
ENV_DIR = "POLICYLENS_CACHE_DIR"
TEMP_PREFIX = ".tmp-"  # an entry being written; renamed into place when whole
TOUCH_AFTER = 3600.0  # a hit refreshes its entry's mtime when it is older than this (seconds)
ORPHAN_AGE = 3600.0  # a temporary file this old is no write in progress but a killed run's
DAY = 86400.0


def default_cache_dir() -> str:
    """$POLICYLENS_CACHE_DIR, else the platform's user cache folder (~/.cache/policylens...)."""
    configured = os.environ.get(ENV_DIR)
    if configured:
        return configured
    import platformdirs

    return platformdirs.user_cache_dir("policylens", appauthor=False)


# the policylens package: every stage's code and data (this module is in running/)
PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def fingerprinted_files(root: Path = PACKAGE_ROOT) -> list[Path]:
    """The source and data files whose bytes the fingerprint covers, in a fixed order (not the
    shipped rule files: every key that needs them hashes the rule texts it uses)."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".py", ".yaml", ".yml")
                  and "__pycache__" not in p.parts and p.relative_to(root).parts[0] != "rules")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """policylens' version and a hash of its source and data files (cues, lexicon, practices):
    a changed checkout invalidates the cache even when the version number stays the same."""
    digest = hashlib.sha256(f"{__version__}|{FORMAT}".encode())
    for path in fingerprinted_files():
        digest.update(str(path.relative_to(PACKAGE_ROOT)).encode() + b"\0")
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
    path = os.path.join(folder, f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(6).hex()}")
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
            with open(entry, "rb") as handle:
                raw = handle.read()
                modified = os.fstat(handle.fileno()).st_mtime
        except OSError:
            self.misses += 1
            return None
        try:
            if raw[:4] != MAGIC:
                raise SerializeError("not a policylens cache entry")
            (size,) = struct.unpack(">I", raw[4:8])
            data = orjson.loads(zlib.decompress(raw[8:8 + size]))
            if not slim:
                data.update(orjson.loads(zlib.decompress(raw[8 + size:])))
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
        if time.time() - modified > TOUCH_AFTER:
            with contextlib.suppress(OSError):  # used now: `prune --older-than` keeps it
                os.utime(entry)
        return replace(report, path=path) if path is not None and path != report.path else report

    def put(self, report: Report, name: str) -> None:
        """Store a fresh report (atomically); problems are a warning, once, not an error."""
        if not report.sha256:
            return
        try:
            data = report_to_data(report)
            heavy = {name: data.pop(name) for name in HEAVY}
            head, rest = (zlib.compress(orjson.dumps(part), 1) for part in (data, heavy))
            payload = MAGIC + struct.pack(">I", len(head)) + head + rest
        except (SerializeError, ValueError, TypeError, RecursionError) as exc:
            self._warn(f"warning: cannot cache the report of {report.path}: {exc}")
            return
        entry = self._path(report.sha256, name)
        try:
            write_atomically(entry, payload, _new_file)
        except OSError as exc:
            self._warn(f"warning: cannot write the cache in {self.root.parent.parent}: "
                       f"{exc.strerror or exc} (use --cache-dir DIR or --no-cache)")
            return
        self.writes += 1

    def _warn(self, message: str) -> None:
        if not self._warned and self.warn is not None:
            self.warn(message)
        self._warned = True


# --- the folder as a whole: `policylens cache info|prune|clear` ---------------------------------

_KEY_NAME = re.compile(r"[0-9a-f]{32}\Z")
_BUCKET_NAME = re.compile(r"[0-9a-f]{2}\Z")
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\Z")
_HINT = "check its permissions, or choose another folder with --cache-dir DIR"


@dataclass
class KeyUsage:
    """One analysis key's folder: what stays, and what was (or, in a dry run, would be) removed.
    Bytes count every file policylens wrote (entries and unfinished temporary files)."""

    key: str
    current: bool
    entries: int = 0
    bytes: int = 0
    removed_entries: int = 0
    removed_bytes: int = 0


@dataclass
class Sweep:
    """The cache folder after a walk: per analysis key, what is there and what went."""

    folder: str
    current_key: str
    dry_run: bool = False
    exists: bool = False
    keys: list[KeyUsage] = field(default_factory=list)

    def current(self) -> KeyUsage:
        found = [k for k in self.keys if k.current]
        return found[0] if found else KeyUsage(self.current_key, True)

    def stale(self) -> list[KeyUsage]:
        return [k for k in self.keys if not k.current]

    def total(self, what: str) -> int:
        """The sum of one KeyUsage count (entries, bytes, removed_entries, removed_bytes)."""
        return sum(getattr(k, what) for k in self.keys)


# (the key's usage, whether the file is an entry (else a temporary file), its stat) -> remove it?
Decide = Callable[[KeyUsage, bool, os.stat_result], bool]


def sweep(folder: str | os.PathLike[str], current_key: str, remove: Decide | None = None,
          dry_run: bool = False, tidy: bool = False) -> Sweep:
    """Walk the cache layout under `folder`, count it per analysis key, and delete each file that
    `remove` picks (unless `dry_run`), then the folders that emptied (with `tidy`, the layout
    folder too). A missing folder is an empty cache. Files that vanish meanwhile (another run
    replacing or pruning them) are skipped; a folder that cannot be read or changed is a
    CacheError naming it."""
    root = Path(folder)
    result = Sweep(str(root), current_key, dry_run)
    try:
        if not stat.S_ISDIR(os.stat(root).st_mode):
            raise CacheError("not a folder", Location(str(root)),
                             hint="choose the cache folder with --cache-dir DIR")
    except FileNotFoundError:
        return result
    except OSError as exc:
        raise _problem(root, "read", exc) from None
    result.exists = True
    deleting = remove is not None and not dry_run
    layout = root / LAYOUT
    for key_dir in _folders(layout, _KEY_NAME):
        usage = KeyUsage(key_dir.name, key_dir.name == current_key)
        result.keys.append(usage)
        for bucket in _folders(key_dir, _BUCKET_NAME):
            for item in _scan(bucket):
                _visit(item, bucket, usage, remove, dry_run)
            if deleting:
                _rmdir(bucket)
        if deleting:
            _rmdir(key_dir)
    if deleting and tidy:
        _rmdir(layout)
    result.keys.sort(key=lambda k: k.key)
    return result


def _visit(item: os.DirEntry[str], bucket: Path, usage: KeyUsage, remove: Decide | None,
           dry_run: bool) -> None:
    """Count one file of a bucket as kept or removed (removing it unless a dry run)."""
    is_entry = bool(_ENTRY_NAME.match(item.name)) and item.name.startswith(bucket.name)
    if not is_entry and not item.name.startswith(TEMP_PREFIX):
        return  # not ours
    try:
        info = item.stat(follow_symlinks=False)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        return
    if remove is not None and remove(usage, is_entry, info):
        if not dry_run:
            try:
                os.unlink(item.path)
            except FileNotFoundError:
                return  # gone meanwhile: someone else's to count
            except OSError as exc:
                raise _problem(bucket, "delete from", exc) from None
        usage.removed_entries += is_entry
        usage.removed_bytes += info.st_size
    else:
        usage.entries += is_entry
        usage.bytes += info.st_size


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    """The items of a folder of the layout; none if it is gone (or was never made)."""
    try:
        with os.scandir(folder) as items:
            return list(items)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise _problem(folder, "read", exc) from None


def _folders(folder: Path, name: re.Pattern[str]) -> list[Path]:
    """The real subfolders (never a link) of `folder` whose names fit the layout, sorted."""
    found = []
    for item in _scan(folder):
        with contextlib.suppress(FileNotFoundError):
            if name.match(item.name) and item.is_dir(follow_symlinks=False):
                found.append(Path(item.path))
    return sorted(found)


def _rmdir(folder: Path) -> None:
    """Remove a folder if it is empty; one still in use (a new entry, a file that is not ours)
    stays, and that is no error."""
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def _problem(folder: Path, verb: str, exc: OSError) -> CacheError:
    return CacheError(f"cannot {verb} the cache folder: {exc.strerror or exc}",
                      Location(str(folder)), hint=_HINT)


def survey(folder: str | os.PathLike[str], current_key: str) -> Sweep:
    """What the cache holds, per analysis key; deletes nothing."""
    return sweep(folder, current_key)


def prune(folder: str | os.PathLike[str], current_key: str, older_than_days: float | None = None,
          dry_run: bool = False, now: float | None = None) -> Sweep:
    """Delete every analysis key but `current_key` (reports no run of this install and these
    rules can read) and, with `older_than_days`, the current key's entries not used for that
    long. Temporary files younger than ORPHAN_AGE are writes in progress and stay."""
    now = time.time() if now is None else now
    cutoff = None if older_than_days is None else now - older_than_days * DAY

    def remove(key: KeyUsage, is_entry: bool, info: os.stat_result) -> bool:
        if not is_entry:
            return info.st_mtime < now - ORPHAN_AGE
        return not key.current or (cutoff is not None and info.st_mtime < cutoff)

    return sweep(folder, current_key, remove, dry_run)


def clear(folder: str | os.PathLike[str], current_key: str, dry_run: bool = False) -> Sweep:
    """Delete everything policylens wrote under `folder` (and the layout folder once empty);
    files and folders that are not part of the layout stay."""
    return sweep(folder, current_key, lambda *_: True, dry_run, tidy=True)
