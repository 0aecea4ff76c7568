"""Output of the `cache` commands: what the result cache holds, and what prune or clear removed.

Plain text (no rich: these commands stay as light as `policylens --help`), or the JSON envelope.
"""

from __future__ import annotations

from typing import Any, TextIO

from policylens.render.json_out import dumps, envelope
from policylens.running.cache import LAYOUT, KeyUsage, Sweep


def size(count: int) -> str:
    """Bytes as people read them: 980 B, 12.3 kB, 4.5 MB (powers of 1000, as du --si)."""
    if count < 1000:
        return f"{count} B"
    value = float(count)
    for unit in ("kB", "MB", "GB", "TB"):
        value /= 1000
        if value < 999.95 or unit == "TB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def _amount(entries: int, count: int) -> str:
    return f"{entries:,} {'entry' if entries == 1 else 'entries'}, {size(count)}"


def _key_dict(key: KeyUsage, removal: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"key": key.key, "current": key.current, "entries": key.entries,
                            "bytes": key.bytes}
    if removal:
        data.update(removed_entries=key.removed_entries, removed_bytes=key.removed_bytes)
    return data


def render_info(result: Sweep, fmt: str, out: TextIO) -> None:
    current, stale = result.current(), result.stale()
    stale_entries, stale_bytes = (sum(k.entries for k in stale), sum(k.bytes for k in stale))
    if fmt == "json":
        out.write(dumps(envelope(
            kind="cache-info", folder=result.folder, exists=result.exists,
            current_key=result.current_key, entries=result.total("entries"),
            bytes=result.total("bytes"),
            current={"entries": current.entries, "bytes": current.bytes},
            stale={"keys": len(stale), "entries": stale_entries, "bytes": stale_bytes},
            keys=[_key_dict(k, removal=False) for k in result.keys])))
        return
    where = result.folder + ("" if result.exists else "  (does not exist yet: nothing cached)")
    lines = [f"folder   {where}",
             f"total    {_amount(result.total('entries'), result.total('bytes'))}",
             f"current  {_amount(current.entries, current.bytes)}  (analysis key "
             f"{result.current_key})"]
    stale_line = f"stale    {_amount(stale_entries, stale_bytes)}"
    if stale:
        stale_line += (f" under {len(stale)} older analysis "
                       f"{'key' if len(stale) == 1 else 'keys'}: 'policylens cache prune' "
                       "removes them")
    lines.append(stale_line)
    out.write("\n".join(lines) + "\n")


def render_removal(result: Sweep, action: str, fmt: str, out: TextIO,
                   older_than: float | None = None) -> None:
    """What prune or clear removed (in a dry run: would remove), per analysis key, and what
    stays."""
    removed = (result.total("removed_entries"), result.total("removed_bytes"))
    kept = (result.total("entries"), result.total("bytes"))
    if fmt == "json":
        out.write(dumps(envelope(
            kind=f"cache-{action}", folder=result.folder, dry_run=result.dry_run,
            removed={"entries": removed[0], "bytes": removed[1]},
            kept={"entries": kept[0], "bytes": kept[1]},
            keys=[_key_dict(k, removal=True) for k in result.keys])))
        return
    if not result.exists:
        out.write(f"nothing to remove: {result.folder} does not exist\n")
        return
    remove, keep = ("would remove", "would keep") if result.dry_run else ("removed", "kept")
    lines = [f"{remove} {_amount(*removed)} from {result.folder}"]
    for key in result.keys:
        if key.removed_entries or key.removed_bytes:
            line = f"  {LAYOUT}/{key.key}  {_amount(key.removed_entries, key.removed_bytes)}"
            lines.append(line + (f"  {_why(key, older_than)}" if action == "prune" else ""))
    lines.append(f"{keep} {_amount(*kept)}")
    out.write("\n".join(lines) + "\n")


def _why(key: KeyUsage, older_than: float | None) -> str:
    """Why prune removes files of this key."""
    if not key.current:
        return "(stale analysis key)"
    if older_than is not None:
        return f"(current key, not used for {older_than:g} days)"
    return "(current key, unfinished writes of a stopped run)"
