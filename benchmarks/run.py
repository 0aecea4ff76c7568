"""`make bench`: every performance figure of policylens, each the median of several runs, with
the keyword baseline measured in the same run; prints a table and writes benchmarks/results.md.

Every policylens figure is the wall time of a whole command in a fresh process (start-up, rule
loading and spaCy included), as a user or a CI job meets it. The corpus is generated from the
bundled policies (benchmarks/corpus.py) into bench-results/, which git ignores.

    python benchmarks/run.py [--count 2000] [--runs 3] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench-results"
BIN = Path(sys.executable).parent
POLICYLENS = [str(BIN / "policylens")] if (BIN / "policylens").exists() else \
    [sys.executable, "-m", "policylens"]
# A process that reports its peak memory (and its largest child's) and its CPU seconds (its
# own and its children's) when it exits, then runs `tail`.
_REPORT = (
    "import atexit, json, os, resource, sys\n"
    "def report():\n"
    "    me = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    kids = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime\n"
    "    with open(os.environ['BENCH_RSS'], 'w') as f:\n"
    "        json.dump([me.ru_maxrss, kids.ru_maxrss, cpu], f)\n"
    "atexit.register(report)\n")
MEASURED = [sys.executable, "-c", _REPORT + "from policylens.cli import main\n"
            "sys.argv = ['policylens'] + sys.argv[1:]\nmain()\n"]
SCRIPT = [sys.executable, "-c", _REPORT + "import runpy\nsys.argv = sys.argv[1:]\n"
          "runpy.run_path(sys.argv[0], run_name='__main__')\n"]
SCALE = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, list[float]]:
    """Wall time of one command (its output discarded) and, for the measured CLI, its peak RSS
    in MiB [self, largest worker] and its CPU seconds (all processes)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        rss_file = handle.name
    full_env = {**os.environ, "BENCH_RSS": rss_file, **(env or {})}
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr.decode()}")
    rss: list[float] = []
    try:
        me, kids, cpu = json.loads(Path(rss_file).read_text() or "[]")
        rss = [round(me / SCALE), round(kids / SCALE), cpu]
    except (OSError, ValueError):
        pass
    finally:
        os.unlink(rss_file)
    return elapsed, rss


def median_of(runs: int, cmd: list[str], env: dict[str, str] | None = None,
              before: list[str] | None = None, warm: bool = False,
              ) -> tuple[float, list[float], list[float]]:
    """(median seconds, all times, [peak RSS self, worker, median CPU seconds]); with `warm`,
    one untimed run first (to fill a cache)."""
    times = []
    rss: list[float] = []
    cpus = []
    if warm:
        timed(cmd, env)
    for _ in range(runs):
        if before:
            subprocess.run(before, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed, rss = timed(cmd, env)
        times.append(elapsed)
        if len(rss) == 3:
            cpus.append(rss[2])
    if cpus:
        rss[2] = statistics.median(cpus)
    return statistics.median(times), times, rss


def corpus_size(folders: list[Path]) -> tuple[int, int]:
    files = [p for f in folders for p in f.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return cpu


def versions() -> str:
    from importlib import metadata

    import policylens

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    return (f"policylens {policylens.__version__} ({commit}), Python {platform.python_version()}, "
            f"spaCy {metadata.version('spacy')}")


def rules_summary() -> str:
    from policylens.ruleset import load_ruleset

    rs = load_ruleset()
    patterns = sum(len(r.patterns) + len(r.requires) + len(r.exclude) for r in rs.rules)
    return f"{len(rs.rules)} rules, {patterns} patterns, {len(rs.practices)} practices"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="policies in the generated corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs per corpus figure (median)")
    parser.add_argument("--quick-runs", type=int, default=7, help="runs per start-up figure")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate

    started = time.perf_counter()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    corpus = WORK / "corpus"
    generate(corpus, args.count, seed=1, parts=2)
    half, full = [corpus / "part1"], [corpus / "part1", corpus / "part2"]
    n_half, b_half = corpus_size(half)
    n_full, b_full = corpus_size(full)
    one = str(max((ROOT / "corpus").glob("*.txt"), key=lambda p: p.stat().st_size))
    revisions = sorted(str(p) for p in (ROOT / "tests" / "fixtures" / "revisions").glob("*.md"))
    cache_dir = WORK / "cache"
    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: str, note: str = "") -> None:
        rows.append((name, value, note))
        print(f"  {name:<48} {value:>16}  {note}", flush=True)

    print(f"corpus: {n_full} policies, {b_full / 1e6:.1f} MB; {cores} cores; {rules_summary()}")
    # Start-up and one policy.
    for what in ("--version", "--help"):
        t, _, _ = median_of(args.quick_runs, [*POLICYLENS, what])
        row(f"policylens {what}", f"{t:.3f} s", "target < 0.2 s")
    nocache = ["--no-cache"]
    t, _, rss = median_of(args.quick_runs, [*MEASURED, "analyze", one, "-f", "json", *nocache])
    row("analyze one policy, cold process, no cache", f"{t:.2f} s",
        f"{Path(one).stat().st_size / 1000:.0f} KB policy; target < 1.5 s; peak {rss[0]} MiB")
    shutil.rmtree(cache_dir, ignore_errors=True)
    cached = ["--cache-dir", str(cache_dir)]
    t, _, _ = median_of(args.quick_runs, [*POLICYLENS, "analyze", one, "-f", "json", *cached],
                        warm=True)
    row("analyze one policy, cached", f"{t:.3f} s", "target < 0.4 s; no spaCy import")
    t, _, _ = median_of(args.quick_runs, [*POLICYLENS, "diff", *revisions, "-f", "json", *cached],
                        warm=True)
    row("diff two revisions, cached", f"{t:.3f} s", "target < 0.4 s")

    # Throughput.
    def compare(folders: list[Path], jobs: int, extra: list[str], runs: int = args.runs
                ) -> tuple[float, list[float], list[int]]:
        return median_of(runs, [*MEASURED, "compare", *map(str, folders), "-f", "json",
                                "--jobs", str(jobs), *extra])

    def rate(n: int, size: int, seconds: float) -> str:
        return f"{n / seconds:.0f} policies/s, {size / 1e6 / seconds:.2f} MB/s"

    t1, _, rss1 = compare(full, 1, nocache)
    row("compare, 1 job", f"{t1:.2f} s", rate(n_full, b_full, t1) + f"; {rss1[2]:.1f} CPU s; "
        f"peak {rss1[0]} MiB")
    tn, times_n, rssn = compare(full, cores, nocache)
    row(f"compare, {cores} jobs (all cores)", f"{tn:.2f} s",
        rate(n_full, b_full, tn) + f"; {rssn[2]:.1f} CPU s; target >= 1.5 MB/s")
    row("CPU per MB of policy text", f"{rssn[2] / (b_full / 1e6):.2f} s",
        f"all processes of the {cores}-job run: {b_full / 1e6 / rssn[2]:.2f} MB per CPU-second")
    th, _, rssh = compare(half, cores, nocache)
    row(f"compare, half the corpus, {cores} jobs", f"{th:.2f} s", rate(n_half, b_half, th))
    # The fixed cost of a run (imports, rules, pipeline, workers) does not double with the
    # corpus: measured on two policies, it is taken out of the ratio that tests linearity.
    two = WORK / "two"
    shutil.rmtree(two, ignore_errors=True)
    two.mkdir()
    for path in sorted(half[0].iterdir())[:2]:
        shutil.copy(path, two / path.name)
    t0, _, _ = compare([two], cores, nocache, runs=args.quick_runs)
    row(f"compare, 2 policies, {cores} jobs (fixed cost of a run)", f"{t0:.2f} s",
        "start-up, rules, pipeline, workers")
    row("cost of double the corpus", f"{(tn - t0) / (th - t0):.2f}x",
        f"beyond the fixed cost; target 2x within 15% (1.7-2.3); with it: {tn / th:.2f}x")
    row("peak RSS, half / full corpus",
        f"{rssh[0]} / {rssn[0]} MiB", f"main process; largest worker {rssh[1]} / {rssn[1]} MiB; "
        "target < 500 MB, flat")

    # Cache.
    shutil.rmtree(cache_dir, ignore_errors=True)
    tc1, _, _ = compare(full, cores, cached, runs=1)
    row("compare, empty cache (analyse and store)", f"{tc1:.2f} s", rate(n_full, b_full, tc1))
    tc, _, rssc = compare(full, cores, cached)
    row("compare, second run (cached)", f"{tc:.2f} s",
        f"{tn / tc:.1f}x faster than uncached; target >= 10x; peak {rssc[0]} MiB")
    # The same pair with CSV output: without the 23 MB JSON grid to write, which both runs do.
    csv_fresh, _, _ = median_of(args.runs, [*MEASURED, "compare", *map(str, full), "-f", "csv",
                                            "--jobs", str(cores), *nocache])
    csv_cached, _, _ = median_of(args.runs, [*MEASURED, "compare", *map(str, full), "-f", "csv",
                                             "--jobs", str(cores), *cached])
    row("compare to CSV: uncached / cached", f"{csv_fresh:.2f} / {csv_cached:.2f} s",
        f"{csv_fresh / csv_cached:.1f}x faster from the cache")

    # The keyword baseline, on the same files in the same run.
    baseline = [*SCRIPT, str(ROOT / "benchmarks" / "baseline.py"), *map(str, full)]
    tb, _, rssb = median_of(args.runs, baseline)
    row("keyword baseline (1 process)", f"{tb:.2f} s", rate(n_full, b_full, tb) +
        f"; {rssb[2]:.1f} CPU s")
    row(f"policylens ({cores} jobs) / baseline, wall time", f"{tn / tb:.1f}x", "target <= 2x")
    row("policylens (1 job) / baseline, wall time", f"{t1 / tb:.1f}x", "")
    row("policylens / baseline, CPU time", f"{rssn[2] / rssb[2]:.1f}x",
        "the same ratio without the effect of other work on the machine")
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    total = time.perf_counter() - started
    print(f"done in {total:.0f} s")

    header = [
        "# policylens benchmark results",
        "",
        f"Written by `make bench` (benchmarks/run.py) in {total:.0f} s on: {machine()}, {cores} cores; "
        f"{versions()}; {rules_summary()}.",
        f"Load average before and after: {load_before:.1f} / {load_after:.1f} "
        "(other work on the machine slows every figure, the baseline too).",
        "",
        f"Corpus: {n_full} policies, {b_full / 1e6:.1f} MB, generated from the bundled policies by "
        "`python benchmarks/corpus.py` (shuffled sections, concatenations, mixtures; seeded). "
        f"Times are wall-clock medians of {args.runs} runs ({args.quick_runs} for start-up and one "
        "policy), each a whole command in a fresh process. Peak RSS as reported by the kernel "
        "(ru_maxrss) for the main process and for the largest worker process.",
        "",
        "| Figure | Value | Notes |",
        "|---|---:|---|",
    ]
    lines = header + [f"| {n} | {v} | {note} |" for n, v, note in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
