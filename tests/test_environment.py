"""The run around the analysis: output files, closed pipes, Ctrl-C, bugs, determinism."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policylens.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    InputError,
)
from policylens.output import atomic_output

CORPUS = Path(__file__).parent.parent / "corpus"
POLICY = "# Privacy\n\nWe do not sell your personal information.\n"


def _tmp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- atomic output ------------------------------------------------------------------------

def test_atomic_output_replaces_only_on_success(tmp_path: Path):
    target = tmp_path / "report.json"
    target.write_text("old report\n")
    target.chmod(0o640)
    with pytest.raises(RuntimeError), atomic_output(str(target)) as out:
        out.write("half a rep")
        raise RuntimeError("the run failed")
    assert target.read_text() == "old report\n"
    assert _tmp_files(tmp_path) == []
    with pytest.raises(KeyboardInterrupt), atomic_output(str(target)) as out:
        out.write("half")
        raise KeyboardInterrupt
    assert target.read_text() == "old report\n" and _tmp_files(tmp_path) == []
    with atomic_output(str(target)) as out:
        out.write("new report\n")
    assert target.read_text() == "new report\n"
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's mode is kept
    assert _tmp_files(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_output_to_a_pipe_or_device_writes_into_it_and_leaves_it_in_place(tmp_path: Path):
    """`-o /dev/null` run as root must not rename a temporary file over the device (it did: the
    next program that read /dev/null got a report). A named pipe stands in for the device."""
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()), daemon=True)
    reader.start()
    with atomic_output(str(pipe)) as out:
        out.write("a report\n")
    reader.join(timeout=10)
    assert received == ["a report\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert _tmp_files(tmp_path) == []


def test_atomic_output_new_file_gets_ordinary_mode(tmp_path: Path):
    target = tmp_path / "new.json"
    with atomic_output(str(target)) as out:
        out.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_unwritable_output_folder_fails_before_the_run(cli, tmp_path: Path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):  # root writes anywhere, so refuse at the call
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    policy = tmp_path / "p.md"
    policy.write_text(POLICY)
    run = cli("analyze", policy, "-o", tmp_path / "out" / "report.json")
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path / 'out' / 'report.json'}: cannot write the "
                          "output file: Permission denied (choose a writable folder with -o)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder_for_real(cli, tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    run = cli("analyze", CORPUS, "-o", folder / "r.json")
    assert run.code == EXIT_INPUT and "cannot write the output file" in run.stderr


def test_output_through_a_symlink_replaces_the_file_it_points_to(cli, tmp_path: Path):
    real = tmp_path / "shared" / "report.json"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    assert cli("analyze", CORPUS, "-o", link).code == EXIT_OK
    assert link.is_symlink() and '"policies"' in real.read_text()


def test_output_dash_and_directory(cli, tmp_path: Path):
    assert cli("analyze", CORPUS, "-o", "-", "-f", "json").json()["policies"]
    run = cli("analyze", CORPUS, "-o", tmp_path)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path}: is a directory; -o needs a file name"]


def test_a_run_that_analysed_nothing_leaves_the_old_report(cli, tmp_path: Path):
    target = tmp_path / "report.json"
    target.write_text("good old report\n")
    run = cli("analyze", tmp_path / "missing.md", "-o", target)
    assert run.code == EXIT_INPUT
    assert run.errors[-1] == f"policylens: nothing was analysed; {target} is left as it was"
    assert target.read_text() == "good old report\n" and _tmp_files(tmp_path) == []


def test_fail_fast_stops_and_writes_nothing(cli, tmp_path: Path):
    target = tmp_path / "report.json"
    target.write_text("old\n")
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"\x00\x01")
    good = tmp_path / "b.md"
    good.write_text(POLICY)
    run = cli("analyze", "--fail-fast", bad, good, "-o", target)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {bad}: binary file (contains NUL bytes), not a policy text"]
    assert target.read_text() == "old\n" and _tmp_files(tmp_path) == []
    kept = cli("analyze", bad, good, "-o", target)  # keep going: the good file is reported
    assert kept.code == EXIT_INPUT
    assert '"data-sale"' in target.read_text()


def test_eval_writes_atomically_and_reports_failures(cli, tmp_path: Path):
    (tmp_path / "a.md").write_text(POLICY)
    (tmp_path / "labels.yaml").write_text(
        'a.md: {data-sale: "no"}\nmissing.md: {data-sale: "yes"}\n')
    out = tmp_path / "eval.json"
    run = cli("eval", tmp_path, "-f", "json", "-o", out)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path / 'missing.md'}: no such file"]
    import json

    overall = json.loads(out.read_text())["overall"]
    assert overall == {"accuracy": 0.5, "correct": 1, "total": 2}


# --- bugs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("timeout", ["0", "60"], ids=["in-process", "worker"])
def test_internal_error_in_one_file_exits_3_with_traceback_only_under_debug(
        cli, tmp_path: Path, monkeypatch, timeout: str):
    from policylens.engine import Analyzer

    real = Analyzer.analyze

    def buggy(self, document, sha256=""):
        if document.path.endswith("bug.md"):
            raise ZeroDivisionError("division by zero")
        return real(self, document, sha256)

    monkeypatch.setattr(Analyzer, "analyze", buggy)
    (tmp_path / "bug.md").write_text(POLICY)
    (tmp_path / "ok.md").write_text(POLICY)
    run = cli("analyze", "-f", "json", "--timeout", timeout, tmp_path)
    assert run.code == EXIT_INTERNAL
    assert run.errors == [f"policylens: error: {tmp_path / 'bug.md'}: internal error: "
                          "ZeroDivisionError: division by zero"]
    assert [p["path"] for p in run.json()["policies"]] == [str(tmp_path / "ok.md")]
    debug = cli("--debug", "analyze", "-f", "json", "--timeout", timeout, tmp_path)
    assert debug.code == EXIT_INTERNAL
    assert "Traceback (most recent call last)" in debug.stderr and "in buggy" in debug.stderr


def test_crash_outside_files_exits_3_without_traceback(cli, monkeypatch):
    import policylens.running.runner

    def broken(paths):
        raise KeyError("boom")

    monkeypatch.setattr(policylens.running.runner, "expand_paths", broken)
    run = cli("analyze", CORPUS)
    assert run.code == EXIT_INTERNAL
    assert run.errors == ["policylens: internal error: KeyError: 'boom' (rerun with --debug for the "
                          "traceback)"]


def test_a_worker_that_dies_is_reported_and_replaced(cli, tmp_path: Path, monkeypatch):
    from policylens.engine import Analyzer

    real = Analyzer.analyze

    def die(self, document, sha256=""):
        if document.path.endswith("a.md"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
        return real(self, document, sha256)

    monkeypatch.setattr(Analyzer, "analyze", die)
    (tmp_path / "a.md").write_text(POLICY)
    (tmp_path / "b.md").write_text(POLICY)
    run = cli("analyze", "-f", "json", tmp_path)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path / 'a.md'}: the analysis process died "
                          "(killed by signal 9), likely out of memory (lower --max-bytes)"]
    assert [p["path"] for p in run.json()["policies"]] == [str(tmp_path / "b.md")]


# --- determinism --------------------------------------------------------------------------

def test_output_is_byte_identical_whatever_the_order_and_mode(cli):
    files = sorted(str(p) for p in CORPUS.iterdir())
    first = cli("analyze", "-f", "json", *files)
    again = cli("analyze", "-f", "json", *reversed(files))
    inproc = cli("analyze", "-f", "json", "--timeout", "0", *files[2:], *files[:2])
    assert first.code == EXIT_OK
    assert first.stdout == again.stdout == inproc.stdout


# --- the process: pipes and signals (subprocesses) ----------------------------------------

def _policylens(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "policylens", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,
        # A shell's background job ignores SIGINT; a terminal's Ctrl-C must not be ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kwargs)


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_stdout_closed_early_is_quiet(fmt: str):
    proc = _policylens("analyze", "-f", fmt, str(CORPUS), str(CORPUS / "000_44877e42efb355de.txt"))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # `| head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait(60) == EXIT_OK
    assert err == ""


def test_stdout_closed_from_the_start():
    proc = subprocess.run(f"{sys.executable} -m policylens analyze -f json {CORPUS} >&-", shell=True,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == EXIT_INPUT
    assert proc.stderr == "policylens: error: standard output is closed (write to a file with -o FILE)\n"


def test_the_command_exits_with_its_code_and_all_it_printed(tmp_path: Path):
    """`policylens` ends without tearing the interpreter down (cli.run): the report it piped is
    whole, an input error still exits 2 with its one line, and atexit work (the workers of
    --jobs 2) is done."""
    run = [sys.executable, "-m", "policylens", "analyze"]
    good = subprocess.run([*run, "-f", "json", "--no-cache", "-j", "2", str(CORPUS)],
                          capture_output=True, text=True, timeout=120)
    assert good.returncode == EXIT_OK and good.stderr == ""
    assert len(json.loads(good.stdout)["policies"]) == len(list(CORPUS.glob("*.txt")))
    missing = tmp_path / "missing.md"
    bad = subprocess.run([*run, str(missing)], capture_output=True, text=True, timeout=60)
    assert bad.returncode == EXIT_INPUT
    assert bad.stderr.count("\n") == 1 and str(missing) in bad.stderr


def test_ctrl_c_exits_cleanly_and_leaves_no_output_file(tmp_path: Path):
    big = tmp_path / "big.md"
    big.write_text((CORPUS / "003_31bd11473371562c.txt").read_text() * 300)  # ~2 MB, seconds
    target = tmp_path / "report.json"
    target.write_text("previous report\n")
    # no result cache: a cached run of the same text would finish before the Ctrl-C
    started = time.monotonic()
    proc = _policylens("analyze", str(big), str(big), "-o", str(target), "--timeout", "0",
                       "--no-cache")
    deadline = time.monotonic() + 30
    while not _tmp_files(tmp_path) and time.monotonic() < deadline:  # the run has started
        time.sleep(0.05)
    time.sleep(0.3)
    sent = time.monotonic() - started
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    out, err = proc.communicate(timeout=30)
    # (a rare failure under load, exit 0, not reproduced alone: say when the signal went and what
    # the run printed, for whoever meets it next)
    assert proc.returncode == EXIT_INTERRUPTED, (
        f"exit {proc.returncode}; Ctrl-C sent {sent:.2f} s after the start, the run ended "
        f"{time.monotonic() - started:.2f} s after it; stderr: {err.decode()[-400:]!r}")
    assert err.decode() == "policylens: interrupted\n"
    assert target.read_text() == "previous report\n"
    assert _tmp_files(tmp_path) == []


def test_sigterm_exits_143_and_leaves_no_output_file(tmp_path: Path):
    big = tmp_path / "big.md"
    big.write_text((CORPUS / "003_31bd11473371562c.txt").read_text() * 300)
    target = tmp_path / "report.json"
    target.write_text("previous report\n")
    proc = _policylens("analyze", str(big), "-o", str(target), "--no-cache")
    deadline = time.monotonic() + 30
    while not _tmp_files(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    proc.terminate()  # a cancelled CI job, or `timeout`
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == EXIT_TERMINATED
    assert err.decode() == "policylens: terminated\n"
    assert target.read_text() == "previous report\n" and _tmp_files(tmp_path) == []


@pytest.mark.parametrize("handler, exit_code", [("_on_sigint", EXIT_INTERRUPTED),
                                                ("_on_sigterm", EXIT_TERMINATED)])
def test_a_signal_whose_exception_python_dropped_still_stops_the_run(
        tmp_path: Path, monkeypatch, handler: str, exit_code: int):
    # Python drops an exception raised inside a finaliser ("Exception ignored in ..."), and C code
    # can clear one (a Ctrl-C during spaCy's import was lost so, about once in 80 runs): the
    # handler's exception is lost, and the run must still end 130 or 143 with the old report.
    import contextlib

    from click.testing import CliRunner

    from policylens import cli as cli_module
    from policylens import errors

    monkeypatch.setattr(errors, "_stopped_by", None)  # (restored after)
    with contextlib.suppress(KeyboardInterrupt):
        getattr(cli_module, handler)(signal.SIGINT, None)  # the raise that was swallowed
    policy = tmp_path / "policy.md"
    policy.write_text("We never sell your personal information.\n")
    target = tmp_path / "report.json"
    target.write_text("previous report\n")
    result = CliRunner().invoke(cli_module.cli, ["analyze", str(policy), "-o", str(target),
                                                 "--no-cache"])
    assert result.exit_code == exit_code
    assert target.read_text() == "previous report\n" and _tmp_files(tmp_path) == []


def test_ctrl_c_with_a_worker_kills_it(tmp_path: Path):
    big = tmp_path / "big.md"
    big.write_text((CORPUS / "003_31bd11473371562c.txt").read_text() * 600)
    proc = _policylens("analyze", "-f", "json", str(big))
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (children.exists() and children.read_text().strip()):
        time.sleep(0.05)  # until the worker is forked and analysing
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == EXIT_INTERRUPTED
    assert err.decode() == "policylens: interrupted\n" and out == b""
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # nothing of the group is left running



def test_disk_full_while_writing_keeps_the_old_report(tmp_path: Path):
    import errno

    target = tmp_path / "report.json"
    target.write_text("old report\n")
    with pytest.raises(InputError) as info, atomic_output(str(target)) as out:
        out.write("partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(info.value) == (f"{target}: cannot write the output file: No space left on device "
                               "(choose a writable folder with -o)")
    assert target.read_text() == "old report\n" and _tmp_files(tmp_path) == []


def test_unreadable_subdirectory_is_reported_and_the_rest_analysed(cli, tmp_path: Path, refuse):
    (tmp_path / "a.md").write_text(POLICY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.md").write_text(POLICY)
    refuse(os, "scandir", locked)
    run = cli("analyze", "-f", "json", tmp_path)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {locked}: cannot read directory: Permission denied"]
    assert [p["path"] for p in run.json()["policies"]] == [str(tmp_path / "a.md")]


@pytest.mark.parametrize("content, expected", [
    (b'a.md: {data-sale: "no"}\na.md: {data-sale: "yes"}\n',
     ["2:1: duplicate key 'a.md' (first defined at line 1; YAML keeps only the last)"]),
    (b"a.md: {data-sale: caf\xe9}\n", ["1:22: not UTF-8 (save labels.yaml as UTF-8)"]),
    (b"a.md: {data-sale: no, cookie: yes, children: maybe}\n",
     ["1:23: unknown practice 'cookie' (allowed: {practices})",
      "1:46: unknown value 'maybe' for 'children' (allowed: {children})"]),
    (b"- a.md\n", ["1:1: labels.yaml must map file names to practice values"]),
], ids=["duplicate", "not-utf8", "unknown", "not-a-mapping"])
def test_broken_labels_file_is_refused_with_locations(cli, tmp_path: Path, content: bytes, expected):
    (tmp_path / "a.md").write_text(POLICY)
    (tmp_path / "labels.yaml").write_bytes(content)
    run = cli("eval", tmp_path)
    assert run.code == EXIT_INPUT
    from policylens.practices import load_practices

    catalogue = load_practices()
    allowed = {"practices": ", ".join(sorted(catalogue)),
               "children": ", ".join(catalogue["children"].values)}
    assert run.errors == [f"policylens: error: {tmp_path / 'labels.yaml'}:{line.format(**allowed)}"
                          for line in expected]


def test_labels_with_an_unquoted_yaml_boolean_read_as_labels_md_spells_them(cli, tmp_path: Path):
    (tmp_path / "a.md").write_text(POLICY)
    (tmp_path / "labels.yaml").write_text("a.md: {data-sale: no}\n")
    run = cli("eval", tmp_path, "-f", "json")
    assert run.code == EXIT_OK
    assert run.json()["overall"] == {"accuracy": 1.0, "correct": 1, "total": 1}


# --- the same guards in compare, timeline, diff and explain -----------------------------------

def _buggy_analyze(monkeypatch, name: str) -> None:
    from policylens.engine import Analyzer

    real = Analyzer.analyze

    def buggy(self, document, sha256=""):
        if document.path.endswith(name):
            raise ZeroDivisionError("division by zero")
        return real(self, document, sha256)

    monkeypatch.setattr(Analyzer, "analyze", buggy)


@pytest.mark.parametrize("command", ["compare", "timeline"])
def test_grid_commands_keep_going_and_say_which_failed(cli, tmp_path: Path, monkeypatch, command: str):
    (tmp_path / "a@2020-01-01.md").write_text(POLICY)
    (tmp_path / "b@2021-01-01.md").write_bytes(b"\x00binary")
    (tmp_path / "c@2022-01-01.md").write_text(POLICY)
    _buggy_analyze(monkeypatch, "c@2022-01-01.md")
    run = cli(command, tmp_path, "-f", "json")
    assert run.code == EXIT_INTERNAL  # a bug outranks a bad input
    assert run.errors == [
        f"policylens: error: {tmp_path / 'b@2021-01-01.md'}: binary file (contains NUL bytes), not a "
        "policy text",
        f"policylens: error: {tmp_path / 'c@2022-01-01.md'}: internal error: ZeroDivisionError: "
        "division by zero",
    ]
    assert [e["kind"] for e in run.json()["errors"]] == ["input", "internal"]


def test_compare_fail_fast_leaves_the_old_output(cli, tmp_path: Path):
    target = tmp_path / "grid.html"
    target.write_text("old grid\n")
    (tmp_path / "a.txt").write_bytes(b"\x00")
    run = cli("compare", "--fail-fast", tmp_path / "a.txt", CORPUS, "-o", target)
    assert run.code == EXIT_INPUT
    assert target.read_text() == "old grid\n" and _tmp_files(tmp_path) == []


def test_diff_and_explain_report_a_bad_file_with_its_exit_code(cli, tmp_path: Path, monkeypatch):
    good = tmp_path / "old.md"
    good.write_text(POLICY)
    bad = tmp_path / "new.md"
    bad.write_bytes(b"\x00binary")
    run = cli("diff", good, bad)
    assert (run.code, run.errors) == (EXIT_INPUT, [
        f"policylens: error: {bad}: binary file (contains NUL bytes), not a policy text"])
    _buggy_analyze(monkeypatch, "old.md")
    assert cli("diff", good, good).code == EXIT_INTERNAL
    run = cli("explain", good)
    assert (run.code, run.errors) == (EXIT_INTERNAL, [
        f"policylens: error: {good}: internal error: ZeroDivisionError: division by zero"])


def test_analyze_prints_text_when_piped_and_json_only_when_asked(cli, tmp_path: Path):
    """Piped or written to report.txt, analyze prints its table as plain text; JSON needs
    --format json or a .json file (issue 12: `> report.txt` must be readable)."""
    piped = cli("analyze", CORPUS)
    assert piped.code == 0 and not piped.stdout.lstrip().startswith("{")
    assert "\x1b[" not in piped.stdout  # no terminal colours in a pipe
    cli("analyze", CORPUS, "-o", tmp_path / "report.txt")
    assert not (tmp_path / "report.txt").read_text().lstrip().startswith("{")
    cli("analyze", CORPUS, "-o", tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text())["policies"]


def test_the_command_runs_one_math_thread_unless_the_user_chose(monkeypatch):
    """numpy's OpenBLAS would start a spinning thread per core in every process: the command asks
    for one, and a value the user set is left as it is."""
    from policylens import cli as cli_module

    for name in cli_module.MATH_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    cli_module._one_math_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["MKL_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "4"
