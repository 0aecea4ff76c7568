"""Run the analysis on a Dask cluster (`--scheduler tcp://HOST:PORT`, or `local`).

The optional extra `policylens[dask]` installs dask and distributed. This process reads the
files and looks each one up in the cache, as for a local run; the misses go to the cluster in
partitions of a few dozen policies (their bytes travel with them, so workers need no access to
the files), where `execute.analyze_batch` maps the same stateless function the local backends
run over each partition. Each worker builds its pipeline once, for the first partition it gets.
Partitions are submitted a few at a time and collected in input order, so memory stays bounded
and the output is byte-identical to a run on one machine. There is no per-file time budget on a
cluster (use Dask's own worker limits).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from policylens.errors import UsageError
from policylens.models import Report

if TYPE_CHECKING:
    from policylens.running.execute import AnalysisSpec, Execution, _Item

PARTITION = 32  # policies per task: big enough to amortise scheduling, small enough to balance


def connect(scheduler: str, jobs: int) -> tuple[Any, Any]:
    """(client, cluster): a client of the scheduler at `scheduler`, or of a new local cluster of
    `jobs` worker processes for `local` (the cluster is None when we did not start it)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--scheduler needs Dask, which is not installed",
                         hint="pip install 'policylens[dask]'") from None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster
    if "://" not in scheduler:
        raise UsageError(f"--scheduler {scheduler!r} is not a scheduler address",
                         hint="give tcp://HOST:PORT, or local")
    try:
        return Client(scheduler, timeout="10s"), None
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                         hint="start one with `dask scheduler` and workers with "
                              "`dask worker ADDRESS`, or use --scheduler local") from None


def run_on_dask(items: Iterator[_Item], spec: AnalysisSpec, execution: Execution) -> Iterator[_Item]:
    """Items in input order, the misses analysed on the cluster."""
    from policylens.running.execute import analyze_batch, cache_name, keep

    client = cluster = None
    shared_spec: Any = None
    window: deque[tuple[list[_Item], Any]] = deque()  # partitions in flight, in input order
    order: deque[_Item] = deque()  # items not yet yielded
    batch: list[_Item] = []
    limit = 4

    def submit() -> None:
        nonlocal client, cluster, shared_spec, limit
        if client is None:
            spec.ruleset()  # rule errors surface here, before anything is sent
            client, cluster = connect(execution.scheduler or "local", execution.jobs)
            shared_spec = client.scatter(spec, broadcast=True)
            limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or execution.jobs)
        # Without a cache here to store whole reports in, workers send back only what is shown.
        kept = None if execution.cache is not None else (execution.slim, execution.evidence_for)
        future = client.submit(analyze_batch, shared_spec, [(i.path, i.data) for i in batch],
                               kept, pure=False)
        window.append((list(batch), future))
        batch.clear()

    def collect_head() -> None:
        members, future = window.popleft()
        for item, result in zip(members, future.result(), strict=True):
            execution.stats["analysed"] += 1
            if isinstance(result, Report):
                if execution.cache is not None:
                    execution.cache.put(result, cache_name(item.path))
                result = keep(result, execution)
            item.result = result
            item.data = b""

    def ready() -> Iterator[_Item]:
        while order and (order[0].data is None or order[0].result is not None):
            yield order.popleft()

    try:
        for item in items:
            order.append(item)
            if item.data is not None:
                batch.append(item)
                if len(batch) >= PARTITION:
                    submit()
            if batch and len(order) > 64 * PARTITION:  # hits waiting behind a partial partition
                submit()
            while len(window) >= limit:
                collect_head()
            yield from ready()
        if batch:
            submit()
        while window:
            collect_head()
            yield from ready()
        yield from ready()
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
