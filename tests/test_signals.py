"""Stopping policylens from outside: SIGTERM in the middle of a diff, `kill -9` of a parent with
a worker, a closed stdout. Each runs the real command in a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from policylens.errors import EXIT_INPUT, EXIT_OK, EXIT_TERMINATED

CORPUS = Path(__file__).parent.parent / "corpus"
POLICY = CORPUS / "003_31bd11473371562c.txt"
HANG_GUARD = 30  # seconds before a test gives up on a process (never reached when it works)


def _start(*args: str, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, POLICYLENS_NO_CACHE="1")
    return subprocess.Popen([sys.executable, "-m", "policylens", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, env=env, **kwargs)


def _gone(pid: int) -> bool:
    """Ended (a zombie waiting for a reaper counts: it runs no more)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError):
        return True


def _wait_until(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + HANG_GUARD
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def test_sigterm_during_a_diff_exits_143_and_writes_no_output(tmp_path: Path) -> None:
    body = POLICY.read_text()
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("\n\n".join(f"{body}\nPart {n}." for n in range(60)))  # ~1 MB, long diff
    new.write_text("\n\n".join(f"{body.replace('We ', 'We now ')}\nPart {n}." for n in range(0, 60, 2)))
    target = tmp_path / "diff.json"
    proc = _start("diff", str(old), str(new), "-o", str(target), "--timeout", "0")
    maps = Path(f"/proc/{proc.pid}/maps")
    # rapidfuzz is loaded by the diff itself, after both revisions are analysed
    _wait_until(lambda: proc.poll() is not None or "rapidfuzz" in maps.read_text(), "the diff to start")
    proc.terminate()
    out, err = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == EXIT_TERMINATED
    assert err.decode() == "policylens: terminated\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md", "old.md"]


def test_a_worker_does_not_outlive_its_parent_killed_with_sigkill(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text(POLICY.read_text() * 300)
    proc = _start("analyze", str(big), "-o", str(tmp_path / "report.json"))
    _wait_until(lambda: _children(proc.pid), "the worker")
    workers = _children(proc.pid)
    proc.kill()  # kill -9: no handler runs in the parent
    proc.communicate(timeout=HANG_GUARD)  # returns only once no process holds its pipes
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 5
    while not all(_gone(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(w) for w in workers)


def test_the_parent_watch_ends_a_process_whose_parent_is_gone(tmp_path: Path) -> None:
    """Where the kernel cannot kill a worker with its parent, a thread watching the parent does."""
    script = textwrap.dedent("""
        import os, sys, time
        from policylens.running.lifeline import watch_parent
        me = os.getpid()
        child = os.fork()
        if child:
            print(child, flush=True)
            os._exit(0)
        watch_parent(me, interval=0.05)
        time.sleep(60)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=HANG_GUARD, check=True)
    orphan = int(done.stdout)
    deadline = time.monotonic() + 5
    while not _gone(orphan) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(orphan)


def _closed_stdout(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policylens", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=HANG_GUARD,
                          preexec_fn=lambda: os.close(1))  # `policylens ... >&-`


def test_closed_stdout_is_one_clear_error(tmp_path: Path) -> None:
    run = _closed_stdout("analyze", str(POLICY))
    assert run.returncode == EXIT_INPUT
    assert run.stderr == ("policylens: error: standard output is closed "
                          "(write to a file with -o FILE)\n")
    run = _closed_stdout("diff", str(POLICY), str(POLICY))
    assert run.returncode == EXIT_INPUT and run.stderr.count("\n") == 1
    run = _closed_stdout("--help")  # printed by click, before any command runs
    assert run.returncode == EXIT_INPUT and run.stderr.count("\n") == 1


def test_closed_stdout_is_no_matter_when_the_output_goes_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    run = _closed_stdout("analyze", str(POLICY), "-o", str(target))
    assert run.returncode == EXIT_OK and run.stderr == ""
    assert '"policies"' in target.read_text()
