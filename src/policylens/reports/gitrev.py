"""Read a policy file as it was in git revisions: `policylens diff --git REV[..REV] PATH` and
`policylens timeline --git PATH` (every commit that touched it).

`A..B` compares A with B, `A...B` the merge base of A and B with B (as `git diff` does), and a
single `A` compares A with the file in the working tree. Every failure is one clear InputError.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from policylens.errors import InputError, Location, UsageError


@dataclass(frozen=True)
class Side:
    """One side of a git diff: a revision (None: the working tree) and its label for output."""

    rev: str | None
    label: str


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("git is not installed (needed for --git)") from None


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text.splitlines()[-1] if text else "git failed"


def _commit(rev: str) -> str:
    if not rev or rev.startswith("-"):
        raise UsageError(f"bad git revision {rev!r}")
    done = _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if done.returncode != 0:
        raise InputError(f"unknown git revision {rev!r}",
                         hint="check the name; in CI fetch enough history (fetch-depth: 0)")
    return done.stdout.decode().strip()


def parse_range(spec: str) -> tuple[Side, Side]:
    """`A..B`, `A...B` or `A` -> (old side, new side), each revision checked to exist."""
    check_repository()
    if "..." in spec:
        a, b = spec.split("...", 1)
        a, b = a or "HEAD", b or "HEAD"
        _commit(a), _commit(b)
        base = _git("merge-base", a, b)
        if base.returncode != 0:
            raise InputError(f"{a!r} and {b!r} have no common ancestor")
        return Side(base.stdout.decode().strip(), f"merge-base({a}, {b})"), Side(b, b)
    if ".." in spec:
        a, b = spec.split("..", 1)
        a, b = a or "HEAD", b or "HEAD"
        _commit(a), _commit(b)
        return Side(a, a), Side(b, b)
    _commit(spec)
    return Side(spec, spec), Side(None, "working tree")


def check_repository() -> None:
    done = _git("rev-parse", "--is-inside-work-tree")
    if done.returncode != 0 or done.stdout.strip() != b"true":
        raise InputError("not inside a git repository (--git reads revisions of the repository "
                         "the command runs in)")


def _spec(rev: str, path: str) -> str:
    """`rev:path` with the path as git reads it from the current folder (./x, ../x)."""
    relative = os.path.relpath(path).replace(os.sep, "/")
    return f"{rev}:{relative}" if relative.startswith("../") else f"{rev}:./{relative}"


def read_at(side: Side, path: str, max_bytes: int) -> bytes | None:
    """The file's bytes in a revision; None when the revision does not have the file."""
    if side.rev is None:
        return None  # the caller reads the working tree through the ordinary path
    return read_blob(_spec(side.rev, path), path, side.label, max_bytes)


def read_blob(spec: str, path: str, label: str, max_bytes: int) -> bytes | None:
    """The bytes of `rev:path` (the one reader of `diff --git` and `timeline --git`); None when
    the revision does not have the file; an InputError naming `path` and `label` otherwise."""
    kind = _git("cat-file", "-t", spec)
    if kind.returncode != 0:
        return None
    if kind.stdout.strip() != b"blob":
        found = kind.stdout.decode().strip()
        what = {"tree": "a directory", "commit": "a submodule"}.get(found, f"a git {found}")
        raise InputError(f"is {what} in {label}, expected a policy file", Location(path))
    size = _git("cat-file", "-s", spec)
    if size.returncode == 0 and int(size.stdout.strip() or 0) > max_bytes:
        raise InputError(f"is over the limit of {max_bytes} bytes in {label}", Location(path),
                         "raise it with --max-bytes")
    done = _git("cat-file", "blob", spec)
    if done.returncode != 0:
        raise InputError(f"cannot read it from {label}: {_first_line(done.stderr)}", Location(path))
    return done.stdout


@dataclass(frozen=True)
class Revision:
    """One commit that changed a file: the file's path in that commit (from the repository's
    top: it follows renames) and the commit's date."""

    commit: str
    date: str  # committer date, ISO 8601
    path: str

    @property
    def spec(self) -> str:
        return f"{self.commit}:{self.path}"

    @property
    def label(self) -> str:
        return f"{self.commit[:10]}:{self.path}"


def history(path: str) -> list[Revision]:
    """Every commit that touched `path` and left it in the tree, oldest first (`git log
    --follow`: through renames). An InputError when there is none."""
    check_repository()
    done = _git("log", "--follow", "--diff-filter=d", "--format=%x00%H %cI", "--name-only",
                "--end-of-options", "--", path)
    if done.returncode != 0:
        raise InputError(f"git log failed: {_first_line(done.stderr)}", Location(path))
    revisions = []
    for record in done.stdout.decode("utf-8", "surrogateescape").split("\0")[1:]:
        head, *names = [line for line in record.split("\n") if line.strip()]
        commit, date = head.split(" ", 1)
        if names:
            revisions.append(Revision(commit, date.strip(), names[-1]))
    if not revisions:
        raise InputError("no commit of this file in the repository (is it committed?)", Location(path))
    return revisions[::-1]
