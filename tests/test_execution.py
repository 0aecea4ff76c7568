"""The result cache, worker processes and the Dask backend: every way of running gives the same
bytes, a cached run reads no text and imports no spaCy, and cache trouble never breaks a run."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policylens.cli import cli
from policylens.models import Report
from policylens.reading.ingest import content_hash, load_document
from policylens.ruleset import rule_sources
from policylens.running import execute
from policylens.running.cache import PACKAGE_ROOT, ResultCache, analysis_key, fingerprinted_files
from policylens.running.execute import AnalysisSpec, Execution, run
from policylens.running.runner import Failure
from policylens.serialize import SerializeError, report_from_data, report_to_data

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parent.parent / "corpus"
# Text, markdown, HTML, archive headers, dated file names: every kind of input the cache keeps.
INPUTS = sorted(str(p) for p in CORPUS.glob("*.txt")) + [
    str(FIXTURES / "headings.md"), str(FIXTURES / "page.html"), str(FIXTURES / "plain.txt"),
    str(FIXTURES / "revisions" / "example.com@2018-01-01.md"),
    str(FIXTURES / "revisions" / "example.com@2020-06-01.md")]


def cli_run(*args: str, stdin: str | None = None) -> Result:
    """The CLI with the result cache on (the test session turns it off by default)."""
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False,
                              env={"POLICYLENS_NO_CACHE": None})


@pytest.fixture
def policies(tmp_path: Path) -> Path:
    """A folder of the inputs above, plus one that cannot be read (binary)."""
    folder = tmp_path / "policies"
    folder.mkdir()
    for path in INPUTS:
        (folder / Path(path).name).write_bytes(Path(path).read_bytes())
    (folder / "broken.txt").write_bytes(b"%PDF-1.4 not a policy")
    return folder


# --- serialize ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INPUTS, ids=[Path(p).name for p in INPUTS])
def test_a_report_survives_the_round_trip_through_json_whole(analyzer, path: str) -> None:
    data = Path(path).read_bytes()
    report = analyzer.analyze(load_document(path, data), sha256=content_hash(data))
    back = report_from_data(json.loads(json.dumps(report_to_data(report))))
    assert back == report
    assert back.text == report.text and back.body_start == report.body_start
    assert back.to_dict() == report.to_dict()
    assert [f.practice for f in back.findings] == [f.practice for f in report.findings]


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("format"),
    lambda d: d["report"].pop("metadata"),
    lambda d: d["report"].update(findings="many"),
    lambda d: d["report"]["metadata"].update(site=3),
    lambda d: d["report"]["practices"]["data-sale"].update(evidence=[{"rule": "x"}]),
])
def test_data_that_does_not_fit_the_model_is_refused(analyze_text, damage) -> None:
    data = report_to_data(analyze_text("We do not sell your personal information.\n"))
    damage(data)
    with pytest.raises(SerializeError):
        report_from_data(data)


# --- the cache ----------------------------------------------------------------------------------


def test_cache_returns_the_report_under_the_new_path_and_misses_for_another_name(
        analyzer, tmp_path: Path) -> None:
    data = (FIXTURES / "plain.txt").read_bytes()
    report = analyzer.analyze(load_document("a/plain.txt", data), sha256=content_hash(data))
    cache = ResultCache(tmp_path, "k")
    cache.put(report, "plain.txt")
    hit = cache.get(content_hash(data), "plain.txt", "b/plain.txt")
    assert hit is not None and hit.path == "b/plain.txt" and hit.practices == report.practices
    assert cache.get(content_hash(data), "other.txt") is None  # the name can change metadata
    assert cache.get(content_hash(b"other bytes"), "plain.txt") is None


def test_the_key_changes_with_the_rules_and_the_model(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules: []\n")
    base = analysis_key(rule_sources([str(rules)]), "blank:en")
    assert base == analysis_key(rule_sources([str(rules)]), "blank:en")
    assert base != analysis_key(rule_sources([str(rules)]), "blank:de")
    rules.write_text("rules: []  # edited\n")
    assert base != analysis_key(rule_sources([str(rules)]), "blank:en")
    assert base != analysis_key(rule_sources([]), "blank:en")


def test_the_key_covers_the_code_and_data_of_every_stage() -> None:
    """An edited lexicon, reader or engine must miss the cache: the fingerprint reads the
    whole package, not just the folder the cache code lives in."""
    names = {p.relative_to(PACKAGE_ROOT).as_posix() for p in fingerprinted_files()}
    assert {"engine.py", "data/lexicon.yaml", "data/cues.yaml", "statements/extract.py",
            "verdicts/flows.py", "running/cache.py"} <= names
    assert PACKAGE_ROOT.name == "policylens"


def test_a_corrupt_entry_is_a_miss_and_is_rewritten(policies: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    args = ("compare", str(policies), "-f", "json", "--cache-dir", str(cache_dir), "--jobs", "1")
    first = cli_run(*args)
    entries = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert len(entries) == len(INPUTS)  # the unreadable file is not cached
    wrong = zlib.compress(b'{"format": 1, "report": {"path": 3}}')
    for i, entry in enumerate(entries):  # garbage, truncation, valid JSON of the wrong shape
        entry.write_bytes([b"", b"\x00garbage", entry.read_bytes()[:20],
                           b"PLC1" + struct.pack(">I", len(wrong)) + wrong + wrong][i % 4])
    again = cli_run(*args)
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    assert again.stderr == first.stderr
    cache = ResultCache(cache_dir, AnalysisSpec.create((), "blank:en", 10**6).key)
    for path in INPUTS:
        data = Path(path).read_bytes()
        assert cache.get(content_hash(data), Path(path).name) is not None  # rewritten


def test_an_unwritable_cache_folder_is_one_warning_and_the_run_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = cli_run("analyze", str(FIXTURES / "plain.txt"), "-f", "json",
                     "--cache-dir", str(blocker / "cache"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["policies"][0]["practices"]["data-sale"]["value"] == "no"
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and "cache" in warnings[0] and "Traceback" not in result.stderr


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    result = cli_run("analyze", str(FIXTURES / "plain.txt"), "-f", "json", "--no-cache",
                     "--cache-dir", str(cache_dir))
    assert result.exit_code == 0 and not cache_dir.exists()


# --- every backend, the same bytes --------------------------------------------------------------


@pytest.mark.parametrize("command", [("compare",), ("analyze",), ("timeline",)])
def test_output_is_identical_with_one_or_two_jobs_and_from_the_cache(
        command: tuple[str, ...], policies: Path, tmp_path: Path) -> None:
    base = (*command, str(policies), "-f", "json")
    serial = cli_run(*base, "--no-cache", "--jobs", "1")
    assert serial.exit_code == 2 and "broken.txt" in serial.stderr  # the others still analysed
    cache = ("--cache-dir", str(tmp_path / "cache"))
    for args in [("--no-cache", "--jobs", "2"), (*cache, "--jobs", "2"), (*cache, "--jobs", "2"),
                 (*cache, "--jobs", "1")]:
        other = cli_run(*base, *args)
        assert (other.exit_code, other.stdout, other.stderr) == \
            (serial.exit_code, serial.stdout, serial.stderr), args


def test_cached_policies_ahead_of_the_misses_keep_their_place(tmp_path: Path) -> None:
    """The cached policies at the head of a run are passed on at once (a cached run holds no
    reports while it looks for work); the workers then start on the rest: the same bytes."""
    cache = ("--cache-dir", str(tmp_path / "cache"))
    assert cli_run("compare", *INPUTS[:4], "-f", "json", *cache, "--jobs", "1").exit_code == 0
    serial = cli_run("compare", *INPUTS, "-f", "json", "--no-cache", "--jobs", "1")
    mixed = cli_run("compare", *INPUTS, "-f", "json", *cache, "--jobs", "2")
    assert (mixed.exit_code, mixed.stdout) == (0, serial.stdout)


def test_a_cached_diff_is_the_same_diff(tmp_path: Path) -> None:
    old, new = INPUTS[-2], INPUTS[-1]
    cache = ("--cache-dir", str(tmp_path / "cache"))
    fresh = cli_run("diff", old, new, "-f", "json", "--no-cache")
    assert fresh.exit_code == 1
    for _ in range(2):
        cached = cli_run("diff", old, new, "-f", "json", *cache)
        assert (cached.exit_code, cached.stdout) == (fresh.exit_code, fresh.stdout)


def test_stdin_is_cached_like_a_file(tmp_path: Path) -> None:
    text = (FIXTURES / "plain.txt").read_text()
    cache = ("--cache-dir", str(tmp_path / "cache"))
    first = cli_run("analyze", "-", "-f", "json", *cache, stdin=text)
    second = cli_run("analyze", "-", "-f", "json", *cache, stdin=text)
    assert first.stdout == second.stdout and '"<stdin>"' in first.stdout


def _cli_in_subprocess(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh interpreter that says at exit whether spaCy was imported."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.stderr.write('spacy imported: %s' % ('spacy' in sys.modules)))\n"
            "from policylens.cli import main\n"
            "sys.argv = ['policylens'] + sys.argv[1:]\n"
            "main()\n")
    environment = {k: v for k, v in {**os.environ, **env}.items() if k != "POLICYLENS_NO_CACHE"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=environment, timeout=120)


@pytest.mark.parametrize("args", [["analyze", INPUTS[0], "-f", "json"],
                                  ["diff", INPUTS[-2], INPUTS[-1], "-f", "json"]],
                         ids=["analyze", "diff"])
def test_a_cached_run_never_imports_spacy(args: list[str], tmp_path: Path) -> None:
    env = {"POLICYLENS_CACHE_DIR": str(tmp_path / "cache")}
    cold = _cli_in_subprocess(args, env)
    assert "spacy imported: True" in cold.stderr
    warm = _cli_in_subprocess(args, env)
    assert warm.stdout == cold.stdout and warm.returncode == cold.returncode
    assert "spacy imported: False" in warm.stderr


def test_broken_rules_are_an_error_with_and_without_a_cache(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    practice: data-sale\n    message: m\n    patern: []\n")
    for extra in [("--no-cache",), ("--cache-dir", str(tmp_path / "cache"))]:
        result = cli_run("analyze", str(FIXTURES / "plain.txt"), "--rules", str(bad), *extra)
        assert result.exit_code == 2 and "bad.yaml" in result.stderr, extra


# --- worker processes: a stuck or crashing policy costs only itself ------------------------------


def _spec() -> AnalysisSpec:
    return AnalysisSpec.create((), "blank:en", 10**7)


@pytest.mark.skipif(sys.platform == "win32", reason="workers are forked")
def test_a_worker_past_its_time_budget_or_dead_is_replaced(monkeypatch, tmp_path: Path) -> None:
    real = execute.analyze_safely

    def sometimes_bad(spec: AnalysisSpec, path: str, data: bytes):  # inherited by forked workers
        if "slow" in path:
            time.sleep(30)
        if "crash" in path:
            os._exit(7)
        return real(spec, path, data)

    monkeypatch.setattr(execute, "analyze_safely", sometimes_bad)
    files = []
    for name in ["a.txt", "slow.txt", "b.txt", "crash.txt", "c.txt"]:
        (tmp_path / name).write_text("We do not sell your personal information.\n")
        files.append(str(tmp_path / name))
    started = time.monotonic()
    results = list(run(files, _spec(), Execution(jobs=2, timeout=3.0)))  # slack for a loaded machine
    assert time.monotonic() - started < 20
    assert [type(r).__name__ for r in results] == ["Report", "Failure", "Report", "Failure", "Report"]
    assert "gave up after 3 s" in results[1].message
    assert "process died (exit 7)" in results[3].message
    assert all(r.practices["data-sale"].value == "no" for r in results if isinstance(r, Report))


def test_one_policy_is_analysed_in_this_process(monkeypatch) -> None:
    monkeypatch.setattr(execute, "_Pool", None)  # a pool would fail
    results = list(run([INPUTS[0]], _spec(), Execution(jobs=4)))
    assert isinstance(results[0], Report)


# --- Dask ---------------------------------------------------------------------------------------


def test_dask_gives_the_same_bytes_as_one_process(policies: Path, monkeypatch) -> None:
    distributed = pytest.importorskip(
        "distributed", reason="the Dask extra is not installed (pip install 'policylens[dask]')")
    monkeypatch.setattr(execute, "_ANALYZERS", {})
    serial = cli_run("compare", str(policies), "-f", "json", "--no-cache", "--jobs", "1")
    monkeypatch.setattr(execute, "_ANALYZERS", {})  # only the cluster's worker may build one
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        on_dask = cli_run("compare", str(policies), "-f", "json", "--no-cache",
                          "--scheduler", cluster.scheduler_address)
    assert (on_dask.exit_code, on_dask.stdout, on_dask.stderr) == \
        (serial.exit_code, serial.stdout, serial.stderr)
    assert len(execute._ANALYZERS) == 1  # built by the worker, once for every partition


def test_a_scheduler_that_is_not_an_address_is_a_usage_error() -> None:
    pytest.importorskip("distributed", reason="the Dask extra is not installed")
    result = cli_run("compare", str(CORPUS), "--no-cache", "--scheduler", "nowhere")
    assert result.exit_code == 2 and "tcp://HOST:PORT" in result.stderr


def test_failures_are_the_same_on_every_backend(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    results = list(run([missing, INPUTS[0]], _spec(), Execution(jobs=1)))
    assert isinstance(results[0], Failure) and results[0].path == missing


def test_a_worker_with_another_install_refuses_rather_than_report_differently(monkeypatch) -> None:
    from dataclasses import replace

    from policylens.errors import UsageError

    monkeypatch.setattr(execute, "_ANALYZERS", {})
    foreign = replace(_spec(), key="0" * 32)  # as made by another version of policylens
    with pytest.raises(UsageError, match="not the same install"):
        list(run([INPUTS[0]], foreign, Execution(jobs=1)))
    distributed = pytest.importorskip("distributed", reason="the Dask extra is not installed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        with pytest.raises(UsageError, match="not the same install"):
            list(run([INPUTS[0], INPUTS[1]], foreign,
                     Execution(scheduler=cluster.scheduler_address)))


def test_without_a_cache_workers_read_the_files_and_report_what_this_process_would(
        tmp_path: Path) -> None:
    """With no cache to look up, the files are read by the workers, not by this process: a file
    that is gone, too big or binary is reported in the same words, and the output is the same
    bytes, whichever process read it."""
    folder = tmp_path / "policies"
    folder.mkdir()
    for path in INPUTS[:3]:
        (folder / Path(path).name).write_bytes(Path(path).read_bytes())
    (folder / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (folder / "big.txt").write_text("We do not sell your data. " * 400)
    (folder / "broken.txt").write_bytes(b"%PDF-1.4 not a policy")
    base = ("analyze", str(folder), "-f", "json", "--max-bytes", "5000")
    in_workers = cli_run(*base, "--no-cache", "--jobs", "2")
    assert in_workers.exit_code == 2
    assert all(name in in_workers.stderr for name in ("gone.md", "big.txt", "broken.txt"))
    cache = ("--cache-dir", str(tmp_path / "cache"))
    for args in [("--no-cache", "--jobs", "1", "--timeout", "0"), (*cache, "--jobs", "2")]:
        other = cli_run(*base, *args)
        assert (other.exit_code, other.stdout, other.stderr) == \
            (in_workers.exit_code, in_workers.stdout, in_workers.stderr), args


def test_the_parent_sends_paths_when_there_is_no_cache_and_bytes_with_one(tmp_path: Path) -> None:
    spec = _spec()
    items = list(execute._prepare([INPUTS[0]], spec, Execution(jobs=2)))
    assert items[0].data is execute.UNREAD and items[0].payload() is None
    cache = ResultCache(str(tmp_path / "cache"), spec.key)
    items = list(execute._prepare([INPUTS[0]], spec, Execution(jobs=2, cache=cache)))
    assert items[0].payload() == Path(INPUTS[0]).read_bytes()  # read here, for the cache key
