"""Where the analysis runs: in this process, in a pool of worker processes (--jobs), or on a Dask
cluster (--scheduler); with the result cache in front of all three.

The analysis of one policy is a stateless function of its bytes and an `AnalysisSpec` (the rule
files' text, the model, the byte limit), both picklable, so it runs the same anywhere; each
process builds its pipeline once (`AnalysisSpec.analyzer`) and reuses it for every policy.
`run` yields a Report or a Failure per file, in input order, whatever finishes first, so every
backend, cached or not, prints the same bytes.

This process reads each file and looks it up in the cache; only the misses are analysed. The
rule set is loaded and validated (which imports spaCy) at the first miss: a run served entirely
from the cache never imports spaCy.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from policylens.errors import PolicylensError
from policylens.models import Report

if TYPE_CHECKING:
    from policylens.ruleset import RuleSet
    from policylens.running.cache import ResultCache
    from policylens.running.runner import Failure

Result = Any  # Report | Failure (runner imports spaCy-free, but keep this module import-light)


def available_cores() -> int:
    """Cores this process may run on (the default for --jobs)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class AnalysisSpec:
    """What decides a policy's report besides its bytes: picklable, so workers and Dask tasks
    receive it whole. `key` hashes all of it (and policylens' own code) for the cache."""

    rule_sources: tuple[tuple[str, str], ...]
    model: str
    max_bytes: int
    key: str = ""

    @classmethod
    def create(cls, rule_dirs: Iterable[str], model: str, max_bytes: int) -> AnalysisSpec:
        """Read (not parse) the shipped and extra rule files: cheap, no spaCy."""
        from policylens.ruleset import rule_sources
        from policylens.running.cache import analysis_key

        sources = tuple(rule_sources(list(rule_dirs)))
        return cls(sources, model, max_bytes, analysis_key(sources, model))

    def ruleset(self) -> RuleSet:
        """The validated rules (RuleError when they are not); once per process."""
        return _ruleset(self)

    def analyzer(self) -> Any:
        """The pipeline and compiled rules: built once per process (worker), then reused. A
        process whose policylens, spaCy or model differs from the one that made the spec (a Dask
        worker with another install) refuses: its reports could differ."""
        analyzer = _ANALYZERS.get(self._memo_key())
        if analyzer is None:
            from policylens.engine import Analyzer
            from policylens.running.cache import analysis_key

            if self.key and analysis_key(self.rule_sources, self.model) != self.key:
                from policylens import __version__
                from policylens.errors import UsageError

                raise UsageError(
                    f"policylens {__version__} on this worker is not the same install as the one "
                    "that started the run (code, spaCy or model differ), so its reports could differ",
                    hint="install the same policylens version and extras on every worker")
            from policylens.errors import raise_if_stopped
            from policylens.reading.language import preload
            from policylens.running import collector
            from policylens.running.expressions import kept_compiled

            with collector.building_for_good(), kept_compiled():
                analyzer = Analyzer(self.ruleset(), self.model)
                _ANALYZERS[self._memo_key()] = analyzer
                preload()  # the language model too: workers forked from here share it
            raise_if_stopped()  # (a Ctrl-C that spaCy's import swallowed: stop now, not at the end)
        return analyzer

    def _memo_key(self) -> tuple[Any, ...]:
        return (self.key, self.rule_sources, self.model)


_ANALYZERS: dict[tuple[Any, ...], Any] = {}
_RULESETS: dict[tuple[Any, ...], RuleSet] = {}


def _ruleset(spec: AnalysisSpec) -> RuleSet:
    memo = (spec.rule_sources,)
    if memo not in _RULESETS:
        from policylens.ruleset import ruleset_from_sources
        from policylens.running import collector
        from policylens.running.expressions import kept_compiled

        with collector.building_for_good(), kept_compiled():
            _RULESETS[memo] = ruleset_from_sources(list(spec.rule_sources))
    return _RULESETS[memo]


def shown_path(path: str) -> str:
    from policylens.errors import printable

    return "<stdin>" if path == "-" else printable(path)


def cache_name(path: str) -> str:
    """The part of a path a report depends on besides the bytes: the file name (site and date
    are read from it, the suffix says HTML)."""
    return os.path.basename(shown_path(path))


def read_input(path: str, max_bytes: int) -> bytes | Failure:
    """A file's bytes, or the Failure that says why they cannot be had."""
    from policylens.reading.ingest import read_policy_bytes
    from policylens.running.runner import _failure

    try:
        return read_policy_bytes(path, max_bytes)
    except PolicylensError as exc:
        return _failure(shown_path(path), exc)


def analyze_safely(spec: AnalysisSpec, path: str, data: bytes | None) -> Result:
    """One policy's bytes (None: read from `path` here) -> its Report, or a Failure
    (runner.analyze_one: a bad input or a bug is that file's Failure, the run goes on). This is
    the function every backend runs (stateless: the pipeline comes from the per-process memo).
    Rule and model errors are the run's, not a file's: they propagate."""
    from policylens.running.runner import analyze_one

    return analyze_one(path, spec.analyzer(), spec.max_bytes, data)


def analyze_batch(spec: AnalysisSpec, batch: list[tuple[str, bytes]],
                  kept: tuple[bool, frozenset[str] | None] | None = None) -> list[Result]:
    """A partition of policies (Dask maps this over partitions); with `kept` (slim, evidence
    for), each report is slimmed where it was made, so only what the caller shows travels."""
    results = [analyze_safely(spec, path, data) for path, data in batch]
    if kept is None:
        return results
    execution = Execution(slim=kept[0], evidence_for=kept[1])
    return [keep(r, execution) if isinstance(r, Report) else r for r in results]


@dataclass
class Execution:
    """How to run: worker processes, Dask scheduler, cache, and what to keep of each report."""

    jobs: int = 1
    scheduler: str | None = None
    cache: ResultCache | None = None
    slim: bool = False  # drop text, outline and findings (compare and timeline need none)
    evidence_for: frozenset[str] | None = None  # when slim: keep only these practices' evidence
    timeout: float = 0.0  # seconds per policy in a worker process; 0: none
    stats: dict[str, int] = field(default_factory=dict)


def analyze_cached(spec: AnalysisSpec, execution: Execution, path: str, data: bytes) -> Result:
    """One policy's bytes (from a file, stdin or git) through the cache and this process."""
    from policylens.reading.ingest import content_hash

    if execution.cache is not None:
        cached = execution.cache.get(content_hash(data), cache_name(path), shown_path(path))
        if cached is not None:
            return cached
    result = analyze_safely(spec, path, data)
    return _finish(result, cache_name(path), execution) if isinstance(result, Report) else result


class Analysis:
    """What `commands.common.analyzer_factory` hands the runner: called, it builds the analyzer
    as the plain factory did; `run` analyses files through the cache and the chosen backend
    (runner.analyze_paths prefers it), `one` a single policy's bytes."""

    def __init__(self, spec: AnalysisSpec, execution: Execution) -> None:
        self.spec = spec
        self.execution = execution

    def __call__(self) -> Any:
        return self.spec.analyzer()

    def keep(self, slim: bool, evidence_for: frozenset[str] | None = None) -> None:
        """Keep only what grids read of each report (see serialize.slim)."""
        self.execution.slim = slim
        self.execution.evidence_for = evidence_for

    def run(self, files: list[str], limits: Any) -> Iterator[Result]:
        from dataclasses import replace

        self.execution.timeout = limits.timeout
        return run(files, replace(self.spec, max_bytes=limits.max_bytes), self.execution)

    def one(self, path: str, data: bytes) -> Result:
        return analyze_cached(self.spec, self.execution, path, data)

    def run_data(self, named: list[tuple[str, bytes]], limits: Any) -> Iterator[Result]:
        """Like `run`, for policies already read (revisions from git): the cache, the worker
        processes and the time budget per policy all apply."""
        from dataclasses import replace

        self.execution.timeout = limits.timeout
        spec = replace(self.spec, max_bytes=limits.max_bytes)
        return run_items(_prepare_data(named, self.execution), spec, self.execution)


def _finish(report: Report, name: str, execution: Execution) -> Report:
    """A fresh report: store it, then keep what the caller needs."""
    if execution.cache is not None:
        execution.cache.put(report, name)
    return keep(report, execution)


def keep(report: Report, execution: Execution) -> Report:
    """What the caller asked to keep of a report."""
    if execution.slim:
        from policylens.serialize import slim

        return slim(report, execution.evidence_for)
    return report


@dataclass
class _Item:
    """One input file on its way through `run`."""

    index: int
    path: str
    data: bytes | None = None  # None: a cache hit or a failed read (result set); UNREAD: a miss
    result: Result = None

    def payload(self) -> bytes | None:
        """What the analysis is given: the bytes, or None for a file it reads itself."""
        return None if self.data is UNREAD else self.data


class _Unread(bytes):
    """The marker of a file left for the worker to read (a bytes subclass: not a real empty file)."""


UNREAD = _Unread()


def _prepare(files: list[str], spec: AnalysisSpec, execution: Execution) -> Iterator[_Item]:
    """Read each file and try the cache; an item with a result needs no analysis. With no cache
    to look up, the worker reads the file itself: the parent sends its path, not its bytes."""
    for index, path in enumerate(files):
        if execution.cache is None and not execution.scheduler and path != "-":
            yield _Item(index, path, UNREAD)
            continue
        yield _looked_up(_Item(index, path), read_input(path, spec.max_bytes), execution)


def _prepare_data(named: list[tuple[str, bytes]], execution: Execution) -> Iterator[_Item]:
    for index, (path, data) in enumerate(named):
        yield _looked_up(_Item(index, path), data, execution)


def _looked_up(item: _Item, data: Any, execution: Execution) -> _Item:
    """The item with its cached result, or its bytes to analyse (or the Failure to read them)."""
    from policylens.reading.ingest import content_hash

    path = item.path
    if not isinstance(data, bytes):
        item.result = data
    elif execution.cache is not None:
        cached = execution.cache.get(content_hash(data), cache_name(path), shown_path(path),
                                     slim=execution.slim, evidence_for=execution.evidence_for)
        if cached is not None:
            item.result = keep(cached, execution)
        else:
            item.data = data
    else:
        item.data = data
    return item


def run(files: list[str], spec: AnalysisSpec, execution: Execution) -> Iterator[Result]:
    """A Report or a Failure for each file, in input order, on the chosen backend."""
    return run_items(_prepare(files, spec, execution), spec, execution)


def run_items(items: Iterator[_Item], spec: AnalysisSpec, execution: Execution) -> Iterator[Result]:
    """A Report or a Failure for each prepared item, in input order, on the chosen backend."""
    counts = execution.stats
    counts.setdefault("analysed", 0)
    counts.setdefault("cached", 0)
    if execution.scheduler:
        from policylens.running.dask_backend import run_on_dask

        source: Iterator[_Item] = run_on_dask(items, spec, execution)
    elif execution.jobs > 1 or _budgeted(execution):
        source = _run_local(items, spec, execution)
    else:
        source = _run_here(items, spec, execution)
    for item in source:
        if item.data is None and isinstance(item.result, Report):
            counts["cached"] += 1
        yield item.result
    if not counts["analysed"] and not counts["cached"]:
        spec.ruleset()  # nothing was analysed: still say if the rules are broken


def _run_here(items: Iterable[_Item], spec: AnalysisSpec, execution: Execution) -> Iterator[_Item]:
    for item in items:
        if item.data is not None:
            result = analyze_safely(spec, item.path, item.payload())
            execution.stats["analysed"] += 1
            item.result = _finish(result, cache_name(item.path), execution) \
                if isinstance(result, Report) else result
            item.data = b""  # analysed (not None: `run` counts cache hits by data is None)
        yield item


def _budgeted(execution: Execution) -> bool:
    """Whether each policy runs under a time budget: in a forked worker, which can be killed
    whatever it is stuck in. Where processes cannot fork, one process analyses without one."""
    import multiprocessing

    return execution.timeout > 0 and "fork" in multiprocessing.get_all_start_methods()


_LOOK_AHEAD = 64  # items read past a cache miss while deciding whether to start workers


def _run_local(items: Iterator[_Item], spec: AnalysisSpec, execution: Execution) -> Iterator[_Item]:
    """Worker processes for the misses (as many as --jobs, forked as work comes); without a time
    budget, a single miss is analysed in this process (not worth a worker)."""
    ahead: deque[_Item] = deque()
    misses = 0
    for item in items:  # look ahead for a second miss, not far: a cached run holds no reports
        if item.data is None and not ahead:  # a hit with no miss before it is ready now
            yield item
            continue
        ahead.append(item)
        misses += item.data is not None
        if misses >= 2 or len(ahead) >= _LOOK_AHEAD:
            break
    else:  # the input ended before a second miss
        if not misses or not _budgeted(execution):
            yield from _run_here(ahead, spec, execution)
            return
    spec.analyzer()  # built before the fork: workers share it, and rule errors surface here
    pool = _Pool(execution.jobs, spec, execution)
    finished = False
    try:
        yield from pool.ordered(_chain(ahead, items))
        finished = True
    finally:
        pool.close(kill=not finished)  # stopped early (--fail-fast, Ctrl-C): no waiting


def _chain(first: Iterable[_Item], rest: Iterator[_Item]) -> Iterator[_Item]:
    yield from first
    yield from rest


# --- worker processes ---------------------------------------------------------------------------


def _serve(conn: Any, spec: AnalysisSpec, cache: ResultCache | None,
           kept: tuple[bool, frozenset[str] | None], parent: int, parent_end: Any = None) -> None:
    """A worker: (index, path, data) in, (index, result) out (stored in the cache, and slimmed
    as the caller asked), until None or the pipe closes. It ends when its parent does
    (`lifeline`); a forked one closes its copy of the parent's end of the pipe, so that the
    pipe closes when the parent goes."""
    from functools import partial

    from policylens.running.lifeline import exit_with_parent
    from policylens.running.runner import serve

    exit_with_parent(parent)
    if parent_end is not None:
        parent_end.close()
    if cache is not None:
        cache.warn = None  # the parent checked the folder; a full disk is not worth a message each
    serve(conn, partial(_answer, spec, Execution(cache=cache, slim=kept[0], evidence_for=kept[1])))


def _answer(spec: AnalysisSpec, execution: Execution,
            message: tuple[int, str, bytes | None]) -> Any:
    index, path, data = message
    result = analyze_safely(spec, path, data)
    if isinstance(result, Report):
        result = _finish(result, cache_name(path), execution)
    return index, result


class _Worker:
    """One forked worker process, which can be killed at any moment, and the policies sent
    to it, oldest first: the first is being analysed (since `started`), the next waits in the
    pipe so the worker never idles while this process reads its result."""

    def __init__(self, ctx: Any, spec: AnalysisSpec, execution: Execution) -> None:
        self.conn, self.child = ctx.Pipe()
        kept = (execution.slim, execution.evidence_for)
        forked = ctx.get_start_method() == "fork"
        self.process = ctx.Process(target=_serve, daemon=True, name="policylens-worker",
                                   args=(self.child, spec, execution.cache, kept, os.getpid(),
                                         self.conn if forked else None))
        self.dead = False
        self.inflight: deque[_Item] = deque()
        self.started = 0.0

    def start(self) -> None:
        """Fork (or spawn) the process; call with signals held (`lifeline.signals_held`), once
        the pool has recorded this worker, so that no signal can orphan it."""
        from policylens.running.runner import flush_streams

        flush_streams()
        self.process.start()
        self.child.close()

    def send(self, item: _Item) -> None:
        if not self.inflight:
            self.started = time.monotonic()
        self.inflight.append(item)
        self.conn.send((item.index, item.path, item.payload()))  # a path, or stdin's bytes

    def received(self) -> _Item:
        """The oldest policy is done; the next one (if any) started now."""
        item = self.inflight.popleft()
        self.started = time.monotonic()
        return item

    def kill(self) -> None:
        self.dead = True
        if self.process.pid is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
        self.conn.close()

    def close(self) -> None:
        if self.dead or self.process.pid is None:
            return
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)


class _Pool:
    """N forked workers, two policies each in flight; results re-ordered to input order. A
    worker that dies or runs past the time budget is replaced: the policy it was on is reported
    as a Failure, the one waiting behind it goes to another worker."""

    DEPTH = 2  # policies in flight per worker

    def __init__(self, jobs: int, spec: AnalysisSpec, execution: Execution) -> None:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.spec = spec
        self.execution = execution
        self.jobs = jobs
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        from policylens.running.lifeline import signals_held

        worker = _Worker(self.ctx, self.spec, self.execution)
        with signals_held():  # Ctrl-C or SIGTERM now would leave a worker the pool never knew
            self.workers.append(worker)
            worker.start()
        return worker

    def _free(self) -> _Worker | None:
        """The worker with the fewest policies in flight, if one has room (a new one if the
        pool is not full and all have work)."""
        best = min(self.workers, key=lambda w: len(w.inflight), default=None)
        if (best is None or best.inflight) and len(self.workers) < self.jobs:
            return self._spawn()
        return best if best is not None and len(best.inflight) < self.DEPTH else None

    def ordered(self, items: Iterator[_Item]) -> Iterator[_Item]:
        from multiprocessing.connection import wait

        from policylens.running.runner import LIMIT, Failure

        window = max(64, 8 * self.jobs)  # items read ahead or waiting for their turn: bounded memory
        pending: dict[int, _Item] = {}  # by index, done or not
        queue: deque[_Item] = deque()  # misses not yet sent
        next_index = -1  # the first item's (the hits before it may have been yielded already)
        exhausted = False
        timeout = self.execution.timeout

        def lost(worker: _Worker, message: str) -> None:
            """The worker is gone: its current policy failed, the ones behind it go back."""
            self._drop(worker)
            item = worker.inflight.popleft()
            item.result = Failure(shown_path(item.path), message, LIMIT)
            self.execution.stats["analysed"] += 1
            queue.extendleft(reversed(worker.inflight))
            worker.inflight.clear()

        while True:
            while not exhausted and len(pending) < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                pending[item.index] = item
                if next_index < 0:
                    next_index = item.index
                if item.data is not None:
                    queue.append(item)
            while queue:
                worker = self._free()
                if worker is None:
                    break
                worker.send(queue.popleft())
            while next_index in pending and (pending[next_index].data is None
                                             or pending[next_index].result is not None):
                yield pending.pop(next_index)
                next_index += 1
            if exhausted and not pending:
                return
            busy: dict[Any, _Worker] = {w.conn: w for w in self.workers if w.inflight}
            if not busy:
                continue
            wait_for = None
            if timeout > 0:
                now = time.monotonic()
                wait_for = max(0.0, min(w.started + timeout for w in busy.values()) - now)
            for conn in wait(list(busy), timeout=wait_for):
                worker = busy[conn]
                try:
                    index, result = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join(2)  # the pipe can close before the process is reaped
                    code = worker.process.exitcode
                    how = f"killed by signal {-code}" if code is not None and code < 0 \
                        else f"exit {code}"
                    lost(worker, f"the analysis process died ({how}), likely out of memory "
                                 "(lower --max-bytes)")
                    continue
                item = worker.received()
                assert index == item.index
                item.result = result
                item.data = b""
                self.execution.stats["analysed"] += 1
            if timeout > 0:
                now = time.monotonic()
                for worker in [w for w in self.workers if w.inflight]:
                    if now - worker.started >= timeout:
                        lost(worker, f"gave up after {timeout:g} s, the time budget per file "
                                     "(raise it with --timeout; 0 means no budget)")

    def _drop(self, worker: _Worker) -> None:
        worker.kill()
        self.workers.remove(worker)

    def close(self, kill: bool = False) -> None:
        for worker in self.workers:
            if kill:
                worker.kill()
            else:
                worker.close()
        self.workers = []
