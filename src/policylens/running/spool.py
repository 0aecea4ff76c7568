"""Items sorted by a key in bounded memory (an external merge sort), for grids of any size.

`compare` over a million policies cannot hold a million rows, yet its output is sorted (by path,
site, date or a practice) and its JSON lists the errors before the policies. So rows go into a
`SortedSpool` as they arrive: each is pickled at once, and a batch of up to `budget` bytes stays
in memory; a fuller batch is sorted and written to a temporary file as one sorted run. Reading
merges the runs (a key per run in memory), and can be done any number of times. A run that
never fills a batch never touches the disk.

The temporary file is private to this process (unlinked at once where the system allows), so
pickle is safe here: nothing written by anyone else is ever read back.
"""

from __future__ import annotations

import heapq
import pickle
import struct
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Generic, TypeVar

T = TypeVar("T")

BUDGET = 4 * 1024 * 1024  # bytes of pickled items held in memory before a run is written
_HEAD = struct.Struct("<II")  # a record on disk: lengths of the pickled (key, seq) and of the item


class SortedSpool(Generic[T]):
    """Add items, then `finish`; iterating yields them sorted by `key` (ties in the order they
    were added; `reverse` gives exactly that order backwards)."""

    def __init__(self, key: Callable[[T], Any], reverse: bool = False, budget: int | None = None,
                 folder: str | None = None) -> None:
        self._key = key
        self._reverse = reverse
        self._budget = BUDGET if budget is None else budget
        self._folder = folder
        self._batch: list[tuple[Any, int, bytes]] = []
        self._batch_bytes = 0
        self._runs: list[tuple[int, int]] = []  # (offset, items) of each sorted run in the file
        self._file: IO[bytes] | None = None
        self._end = 0
        self._count = 0
        self._finished = False

    def add(self, item: T) -> None:
        if self._finished:
            raise ValueError("add after finish")
        blob = pickle.dumps(item, pickle.HIGHEST_PROTOCOL)
        self._batch.append((self._key(item), self._count, blob))
        self._count += 1
        self._batch_bytes += len(blob)
        if self._batch_bytes >= self._budget:
            self._spill()

    def extend(self, items: Iterable[T]) -> SortedSpool[T]:
        """Add every item. Nothing keeps the last one alive afterwards (a caller's loop variable
        would: one 50 MB policy's report is hundreds of MB in memory, besides its pickle)."""
        for item in items:
            self.add(item)
        return self

    def _spill(self) -> None:
        """Write the batch, sorted, as one run at the end of the file."""
        self._batch.sort(reverse=self._reverse)  # (key, seq) is unique: blobs are never compared
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="policylens-", suffix=".spool",
                                                    dir=self._folder)
            self._file.seek(self._end)
            for key, seq, blob in self._batch:
                head = pickle.dumps((key, seq), pickle.HIGHEST_PROTOCOL)
                self._file.write(_HEAD.pack(len(head), len(blob)) + head + blob)
            self._file.flush()
        except OSError as exc:
            from policylens.errors import InputError, Location

            folder = self._folder or tempfile.gettempdir()
            raise InputError(f"cannot write a temporary file: {exc.strerror or exc}",
                             Location(folder), "free some space there, or write the report "
                             "elsewhere (-o) or set TMPDIR to another folder") from None
        self._runs.append((self._end, len(self._batch)))
        self._end = self._file.tell()
        self._batch = []
        self._batch_bytes = 0

    def finish(self) -> SortedSpool[T]:
        """No more items: sort what is in memory (or write it as the last run)."""
        if not self._finished:
            self._finished = True
            if self._runs and self._batch:
                self._spill()
            else:
                self._batch.sort(reverse=self._reverse)
        return self

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    @property
    def spilled(self) -> int:
        """How many sorted runs were written to disk (0: all in memory)."""
        return len(self._runs)

    def __iter__(self) -> Iterator[T]:
        self.finish()
        if not self._runs:
            for _, _, blob in self._batch:
                yield pickle.loads(blob)
            return
        file = self._file
        assert file is not None
        runs = [self._heads(file, offset, count) for offset, count in self._runs]
        for _, _, where, size in heapq.merge(*runs, reverse=self._reverse):
            file.seek(where)
            yield pickle.loads(file.read(size))

    @staticmethod
    def _heads(file: IO[bytes], offset: int, count: int) -> Iterator[tuple[Any, int, int, int]]:
        """One run's records as (key, seq, where the item is, its size): the merge holds a key
        per run, not an item. The runs are read in turns, so each read seeks first."""
        for _ in range(count):
            file.seek(offset)
            head_size, blob_size = _HEAD.unpack(file.read(_HEAD.size))
            key, seq = pickle.loads(file.read(head_size))
            yield key, seq, offset + _HEAD.size + head_size, blob_size
            offset += _HEAD.size + head_size + blob_size

    def close(self) -> None:
        """Remove the temporary file (also done when the spool is garbage collected)."""
        self._batch = []
        if self._file is not None:
            self._file.close()
            self._file = None
            self._runs = []
