"""`make bench`: every performance figure of policylens, each the median of several runs, with
the keyword baseline measured in the same run; prints a table and writes benchmarks/results.md.

Every policylens figure is the wall time of a whole command in a fresh process (start-up, rule
loading and spaCy included), as a user or a CI job meets it, with the CPU seconds of all its
processes. The corpus is real text: the sample shipped in benchmarks/sample/ (unpacked into
bench-results/, which git ignores), or any folder of policies given with --corpus.

    python benchmarks/run.py [--corpus DIR] [--runs 3] [--out benchmarks/results.md]
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
SAMPLE = ROOT / "benchmarks" / "sample"
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
# the command's own entry point (cli.run, which skips the interpreter's teardown; cli.main
# before it had one)
MEASURED = [sys.executable, "-c", _REPORT + "from policylens import cli\n"
            "sys.argv = ['policylens'] + sys.argv[1:]\ngetattr(cli, 'run', cli.main)()\n"]
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


POLICY_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def corpus_files(folders: list[Path]) -> list[Path]:
    """The policy files policylens would read under these folders (not MANIFEST.tsv)."""
    return sorted(p for f in folders for p in f.rglob("*")
                  if p.is_file() and p.name.lower().endswith(POLICY_SUFFIXES)
                  and not p.name.startswith("."))


def corpus_size(folders: list[Path]) -> tuple[int, int]:
    files = corpus_files(folders)
    return len(files), sum(p.stat().st_size for p in files)


def unpack_sample(target: Path) -> Path:
    """The shipped real-text sample (benchmarks/sample/), unpacked once into bench-results/."""
    import tarfile

    folder = target / "ota-sample"
    archive = SAMPLE / "ota-sample.tar.xz"
    stamp = target / ".ota-sample.stamp"
    wanted = f"{archive.stat().st_size} {archive.stat().st_mtime_ns}"
    if folder.is_dir() and stamp.exists() and stamp.read_text() == wanted:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:xz") as tar:
        tar.extractall(target, filter="data")
    stamp.write_text(wanted)
    return folder


SPIN = "x = 0\nfor i in range(20_000_000):\n    x += i\n"


def spin_efficiency(processes: int) -> float:
    """How well this machine runs `processes` CPU-bound processes at once right now: a pure
    Python loop timed alone and then in that many processes side by side (1.0: each gets a
    core). Cores shared with other work (a VM's neighbours, other jobs) show here, and bound any
    scaling figure measured at the same time."""
    def wall(n: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(n)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start

    alone = min(wall(1) for _ in range(2))
    together = min(wall(processes) for _ in range(2))
    return alone / together


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
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of policies (default: the shipped real-text sample)")
    parser.add_argument("--runs", type=int, default=3, help="runs per corpus figure (median)")
    parser.add_argument("--quick-runs", type=int, default=7, help="runs per start-up figure")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()

    started = time.perf_counter()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if args.corpus is None:
        corpus = unpack_sample(WORK)
        source = ("the shipped real-text sample (benchmarks/sample/: current privacy policies "
                  "recorded by Open Terms Archive contributors, ODC-BY 1.0)")
    else:
        corpus = args.corpus.resolve()
        source = f"`{args.corpus}`"
    n_files, n_bytes = corpus_size([corpus])
    if not n_files:
        raise SystemExit(f"{corpus}: no policy files (.txt, .md, .markdown, .html, .htm)")
    mb = n_bytes / 1e6
    sizes = sorted(corpus_files([corpus]), key=lambda p: (p.stat().st_size, p.name))
    one = str(sizes[len(sizes) // 2])  # the median-sized policy
    revisions = sorted(str(p) for p in (ROOT / "tests" / "fixtures" / "revisions").glob("*.md"))
    cache_dir = WORK / "cache"
    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: str, note: str = "") -> None:
        rows.append((name, value, note))
        print(f"  {name:<52} {value:>12}  {note}", flush=True)

    print(f"corpus: {corpus}: {n_files} policies, {mb:.2f} MB; {cores} cores; {rules_summary()}")
    # Start-up and one policy.
    for what in ("--version", "--help"):
        t, _, _ = median_of(args.quick_runs, [*POLICYLENS, what])
        row(f"policylens {what}", f"{t:.3f} s", "target < 0.2 s")
    size_one = f"{Path(one).stat().st_size / 1000:.0f} KB policy"
    fresh = WORK / "cache-fresh"
    t, _, rss = median_of(args.quick_runs, [*MEASURED, "analyze", one, "-f", "json",
                                            "--cache-dir", str(fresh)],
                          before=["rm", "-rf", str(fresh)])
    row("analyze one policy, cold process, empty cache", f"{t:.2f} s",
        f"{size_one}; {rss[2]:.2f} CPU s; target < 1.0 s; peak {rss[0]} MiB")
    shutil.rmtree(cache_dir, ignore_errors=True)
    cached = ["--cache-dir", str(cache_dir)]
    t, _, _ = median_of(args.quick_runs, [*POLICYLENS, "analyze", one, "-f", "json", *cached],
                        warm=True)
    row("analyze one policy, cached", f"{t:.3f} s", "target < 0.3 s; no spaCy import")
    t, _, _ = median_of(args.quick_runs, [*POLICYLENS, "diff", *revisions, "-f", "json", *cached],
                        warm=True)
    row("diff two revisions, cached", f"{t:.3f} s", "target < 0.4 s")

    # Throughput and scaling: the whole corpus, no cache, 1, 2 and all cores.
    if cores > 1:
        row(f"a pure CPU loop in {cores} processes at once", f"{spin_efficiency(cores):.2f}",
            "efficiency this machine gives right now (1.0: a free core each); bounds the "
            "scaling figures below")
    nocache = ["--no-cache"]
    by_jobs: dict[int, tuple[float, float]] = {}
    for jobs in sorted({1, min(2, cores), cores}):
        t, _, rss = median_of(args.runs, [*MEASURED, "analyze", str(corpus), "-f", "json",
                                          "--jobs", str(jobs), *nocache])
        by_jobs[jobs] = (t, rss[2])
        scaling = "" if jobs == 1 else \
            f"; {by_jobs[1][0] / t:.2f}x 1 job, efficiency {by_jobs[1][0] / (jobs * t):.2f}"
        row(f"analyze, {jobs} job{'s' if jobs > 1 else ''}", f"{t:.2f} s",
            f"{mb / t:.2f} MB/s; {rss[2]:.1f} CPU s, {mb / rss[2]:.2f} MB per CPU-second{scaling}; "
            f"peak {rss[0]} MiB")
    t, _, rss = median_of(args.runs, [*MEASURED, "compare", str(corpus), "-f", "json",
                                      "--jobs", str(cores), *nocache])
    row(f"compare, {cores} jobs", f"{t:.2f} s",
        f"{mb / t:.2f} MB/s; {rss[2]:.1f} CPU s; peak {rss[0]} MiB, largest worker {rss[1]} MiB")
    shutil.rmtree(cache_dir, ignore_errors=True)
    t_cached, _, rssc = median_of(args.runs, [*MEASURED, "compare", str(corpus), "-f", "json",
                                              "--jobs", str(cores), *cached], warm=True)
    row("compare, second run (cached)", f"{t_cached:.2f} s",
        f"{t / t_cached:.1f}x faster than uncached; peak {rssc[0]} MiB")

    # The keyword baseline, on the same files in the same run.
    baseline = [*SCRIPT, str(ROOT / "benchmarks" / "baseline.py"), str(corpus)]
    tb, _, rssb = median_of(args.runs, baseline)
    cpu_b = rssb[2]
    row("keyword baseline (1 process)", f"{tb:.2f} s",
        f"{mb / tb:.2f} MB/s; {cpu_b:.2f} CPU s, {mb / cpu_b:.2f} MB per CPU-second")
    two = min(2, cores)
    t2, cpu2 = by_jobs[two]
    row(f"CPU per MB: policylens ({two} jobs) / baseline", f"{cpu2 / cpu_b:.1f}x",
        f"{cpu2 / mb:.2f} against {cpu_b / mb:.2f} CPU s per MB; target <= 2x")
    row(f"wall time: policylens ({two} jobs) / baseline", f"{t2 / tb:.1f}x", "")
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    total = time.perf_counter() - started
    print(f"done in {total:.0f} s")

    header = [
        "# policylens benchmark results",
        "",
        f"Written by `make bench` (benchmarks/run.py) in {total:.0f} s on: {machine()}, {cores} cores; "
        f"{versions()}; {rules_summary()}.",
        f"Load average before and after: {load_before:.1f} / {load_after:.1f} "
        "(other work on the machine slows every wall-clock figure, the baseline's too; CPU "
        "seconds are less affected).",
        "",
        f"Corpus: {n_files} policies, {mb:.2f} MB, {source}. Times are wall-clock medians of "
        f"{args.runs} runs ({args.quick_runs} for start-up and one policy), each a whole command "
        "in a fresh process; CPU seconds are all its processes' (workers included). Efficiency is "
        "the 1-job time over N times the N-job time (1.0: perfect scaling). Peak RSS as reported "
        "by the kernel (ru_maxrss) for the main process and the largest worker.",
        "",
        "| Figure | Value | Notes |",
        "|---|---:|---|",
    ]
    lines = header + [f"| {n} | {v} | {note} |" for n, v, note in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
