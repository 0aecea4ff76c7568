"""Read a policy file as it was in a git revision, for `policylens diff --git REV[..REV] PATH`.

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


def read_at(side: Side, path: str, max_bytes: int) -> bytes | None:
    """The file's bytes in a revision; None when the revision does not have the file."""
    if side.rev is None:
        return None  # the caller reads the working tree through the ordinary path
    relative = os.path.relpath(path).replace(os.sep, "/")  # git reads ./x and ../x from the cwd
    spec = f"{side.rev}:{relative}" if relative.startswith("../") else f"{side.rev}:./{relative}"
    kind = _git("cat-file", "-t", spec)
    if kind.returncode != 0:
        return None
    if kind.stdout.strip() != b"blob":
        found = kind.stdout.decode().strip()
        what = {"tree": "a directory", "commit": "a submodule"}.get(found, f"a git {found}")
        raise InputError(f"is {what} in {side.label}, expected a policy file", Location(path))
    size = _git("cat-file", "-s", spec)
    if size.returncode == 0 and int(size.stdout.strip() or 0) > max_bytes:
        raise InputError(f"is over the limit of {max_bytes} bytes in {side.label}", Location(path),
                         "raise it with --max-bytes")
    done = _git("cat-file", "blob", spec)
    if done.returncode != 0:
        raise InputError(f"cannot read it from {side.label}: {_first_line(done.stderr)}", Location(path))
    return done.stdout
