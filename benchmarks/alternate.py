"""Before and after on a shared machine: CPU seconds of two policylens source trees, their runs
alternated (A B, B A, ...) so that other work on the machine weighs on both alike, with the
keyword baseline measured in every round of the corpus runs.

    git worktree add /tmp/before <commit>   # or: git archive <commit> | tar -x -C /tmp/before
    python benchmarks/alternate.py before=/tmp/before/src after=src --corpus DIR

Figures (each the median over the rounds; every command a fresh process, CPU seconds user +
sys of it and its workers, compiled bytecode assumed present: run `python -m compileall -q`
over each tree once, or PYTHONDONTWRITEBYTECODE=1 makes every run compile what it imports):

- "first run of this text": `analyze ONE -f json --no-cache` with an empty cache folder
  holding only the per-install records an earlier run left (the validated-rules record, the
  language model copy, the derived tables, the kept expressions), as any run after a user's
  very first;
- "very first run": the same with an empty cache folder (--very-first);
- with --corpus DIR: `analyze DIR -f json --no-cache --jobs N` and the keyword baseline.

Reports are written to a file in a temporary folder, not to /dev/null: a tree older than the
special-file handling of `output.py` would rename its report over /dev/null.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE = ROOT / "benchmarks" / "sample"  # the default policy is the sample's median-sized one


def _command(src: str, args: list[str]) -> list[str]:
    code = (f"import sys; sys.path.insert(0, {src!r}); from policylens import cli; "
            "sys.argv = ['policylens'] + sys.argv[1:]; getattr(cli, 'run', cli.main)()")
    return [sys.executable, "-c", code, *args]


def _cpu(cmd: list[str], cache: str) -> float:
    """CPU seconds (user + sys) of a command and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "POLICYLENS_CACHE_DIR": cache})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _alternated(rounds: int, names: list[str]) -> list[list[str]]:
    return [names if r % 2 == 0 else names[::-1] for r in range(rounds)]


def cold(trees: dict[str, str], one: str, rounds: int, very_first: bool) -> dict[str, list[float]]:
    """CPU of one cold `analyze` per tree, alternated."""
    work = Path(tempfile.mkdtemp(prefix="policylens-alternate-"))
    args = ["analyze", one, "-f", "json", "--no-cache", "-o", str(work / "report.json")]
    kept: dict[str, Path] = {}
    try:
        for name, src in trees.items():  # an earlier run's per-install records, per tree
            kept[name] = work / f"kept-{name}"
            _cpu(_command(src, args), str(kept[name]))
        out: dict[str, list[float]] = {name: [] for name in trees}
        for order in _alternated(rounds, list(trees)):
            for name in order:
                cache = Path(tempfile.mkdtemp(dir=work))
                if not very_first:
                    shutil.copytree(kept[name], cache, dirs_exist_ok=True)
                out[name].append(_cpu(_command(trees[name], args), str(cache)))
                shutil.rmtree(cache)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def corpus(trees: dict[str, str], folder: str, one: str, jobs: int, rounds: int,
           ) -> tuple[dict[str, list[float]], list[float]]:
    """CPU of `analyze DIR --no-cache --jobs N` per tree, alternated, and of the baseline."""
    work = tempfile.mkdtemp(prefix="policylens-alternate-")
    report = str(Path(work) / "report.json")
    args = ["analyze", folder, "-f", "json", "--no-cache", "--jobs", str(jobs), "-o", report]
    baseline = [sys.executable, str(ROOT / "benchmarks" / "baseline.py"), folder]
    out: dict[str, list[float]] = {name: [] for name in trees}
    base: list[float] = []
    try:
        for src in trees.values():  # the per-install records first, as for any later run
            _cpu(_command(src, ["analyze", one, "-f", "json", "--no-cache", "-o", report]),
                 work)
        for order in _alternated(rounds, list(trees)):
            for name in order:
                out[name].append(_cpu(_command(trees[name], args), work))
            base.append(_cpu(baseline, work))
        return out, base
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _median_sized(folder: Path) -> str:
    files = sorted((p for p in folder.rglob("*") if p.suffix in (".md", ".txt", ".html")),
                   key=lambda p: (p.stat().st_size, p.name))
    if not files:
        raise SystemExit(f"{folder}: no policy files")
    return str(files[len(files) // 2])


def _row(name: str, runs: list[float], note: str = "") -> None:
    print(f"  {name:<10} median {statistics.median(runs):7.3f} CPU s   runs "
          f"{' '.join(f'{x:.2f}' for x in runs)}{note}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", metavar="NAME=SRC",
                        help="a name and a source folder (the one holding policylens/)")
    parser.add_argument("--one", help="the policy of the cold runs (default: the median-sized "
                                      "file of --corpus, else of the shipped sample)")
    parser.add_argument("--rounds", type=int, default=5, help="alternated rounds of cold runs")
    parser.add_argument("--very-first", action="store_true",
                        help="cold runs with an empty cache folder (a user's very first run)")
    parser.add_argument("--corpus", help="folder of policies for the throughput rounds")
    parser.add_argument("--corpus-rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    trees = dict(t.split("=", 1) for t in args.trees)
    if args.one:
        one = args.one
    else:
        one = _median_sized(Path(args.corpus)) if args.corpus else _median_sized(ONE)
    kind = "very first run" if args.very_first else "first run of this text"
    print(f"analyze one policy ({Path(one).name}, {Path(one).stat().st_size / 1000:.0f} KB), "
          f"cold, {kind}:")
    for name, runs in cold(trees, one, args.rounds, args.very_first).items():
        _row(name, runs)
    if args.corpus:
        folder = Path(args.corpus)
        mb = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
        print(f"analyze {folder} ({mb:.2f} MB), --jobs {args.jobs}, no result cache:")
        runs_by_tree, base = corpus(trees, str(folder), one, args.jobs, args.corpus_rounds)
        per_mb_base = statistics.median(base) / mb
        for name, runs in runs_by_tree.items():
            per_mb = statistics.median(runs) / mb
            _row(name, runs, f"   {per_mb:.3f} s/MB, {per_mb / per_mb_base:.2f}x the baseline")
        _row("baseline", base, f"   {per_mb_base:.3f} s/MB")


if __name__ == "__main__":
    main()
