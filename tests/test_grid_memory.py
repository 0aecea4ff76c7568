"""compare's memory does not grow with the number of policies (issue 5).

The test runs the command in this process on N and then 4N small generated policies,
served from a warm result cache (so no spaCy runs while memory is traced), and compares the
peak of the memory Python allocated during each run: before the rows were spooled, the main
process kept every policy's report until the end (30 to 70 KB a policy, by format, even for
these).
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from policylens.running import spool

FEW = 40  # policies in the small run; the big one has 4x as many
PER_POLICY = 1024  # bytes the peak may grow by for each added policy (paths, counters)

SENTENCES = [
    "We do not sell your personal information to anyone.",
    "We may sell your personal information to our partners.",
    "We share your personal information with third parties such as advertisers.",
    "We use cookies and web beacons to track your visits.",
    "Our service is not directed to children under 13.",
    "In a merger or acquisition, your information may be transferred to the buyer.",
    "Third-party advertising networks may show you ads based on your interests.",
]


def write_policies(folder: Path, first: int, count: int) -> None:
    """Small policies (a few KB), each different, with evidence for several practices."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        picked = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(0, len(SENTENCES), 2)]
        body = "\n\n".join(f"## Section {k}\n\n{s} This is clause {i}.{k} of the policy of site "
                           f"{i}, which explains how the service handles your data."
                           for k, s in enumerate(picked * 3))
        (folder / f"site{i:05d}.md").write_text(f"# Privacy policy of site {i}\n\n{body}\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """FEW policies in few/, 3 * FEW in more/, and a result cache in cache/ (the first test
    fills it)."""
    root = tmp_path_factory.mktemp("memory")
    write_policies(root / "few", 0, FEW)
    write_policies(root / "more", FEW, 3 * FEW)
    return root


def peak_of(cli, *args: object) -> int:  # type: ignore[no-untyped-def]
    """Peak bytes allocated by Python during one in-process run."""
    tracemalloc.start()
    try:
        run = cli(*args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert run.code == 0, run.stderr
    return peak


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "html"])
def test_peak_memory_does_not_grow_with_the_number_of_policies(
        cli, corpus: Path, fmt: str, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    few, more = corpus / "few", corpus / "more"
    monkeypatch.delenv("POLICYLENS_NO_CACHE")
    monkeypatch.setenv("POLICYLENS_CACHE_DIR", str(corpus / "cache"))
    monkeypatch.setattr(spool, "BUDGET", 64 * 1024)  # rows past 64 KB go to disk
    out = tmp_path / f"grid.{fmt}"
    # one process; a read buffer of 64 KB, not the 50 MB (--max-bytes) Python reserves per file
    options = ("-f", fmt, "-o", out, "-j", "1", "--max-bytes", "65536")
    assert cli("compare", few, more, *options).code == 0  # fills the cache (the first time)
    # pathlib interns every part of a path it parses (file names, cache entries); those strings
    # die with each run, and now and then Python rebuilds a table (of interned strings, or
    # another of its caches), a few MB at once, in whichever run that happens to be, depending on
    # what the tests before this one left. Holding the parts, and taking the smaller peak of two
    # runs of each size (a table grown once stays grown), keeps that out of the measure.
    held = [part for path in corpus.rglob("*") for part in path.parts]
    small = min(peak_of(cli, "compare", few, *options) for _ in range(2))
    big = min(peak_of(cli, "compare", few, more, *options) for _ in range(2))
    growth = (big - small) / (3 * FEW)
    del held
    assert growth < PER_POLICY, f"{fmt}: {growth:.0f} bytes more per policy ({small} -> {big})"

