"""Bytes -> clean text -> Document: decoding, mojibake repair, HTML to structured text, metadata."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from policylens.errors import InputError, Location
from policylens.metadata import archive_header_end, extract_metadata
from policylens.models import Document

POLICY_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# File signatures of formats that are certainly not a policy's text.
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive (or an office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00c5\u00e2][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2000-\u20ff]"
)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def read_policy_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a policy file, or raise InputError with a message a user can act on."""
    if path == "-":
        import sys

        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"input is larger than the limit of {max_bytes} bytes",
                             Location("<stdin>"), "raise it with --max-bytes")
        return data
    p = Path(path)
    loc = Location(path)
    try:
        if p.is_dir():
            raise InputError("is a directory, expected a policy file", loc)
        if p.exists() and not p.is_file():
            raise InputError("is not a regular file (a FIFO, device or socket)", loc)
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size} bytes, over the limit of {max_bytes}", loc,
                             "raise it with --max-bytes")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", loc) from None
    except PermissionError:
        raise InputError("permission denied", loc) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a policy file", loc) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", loc) from None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Binary content raises InputError."""
    loc = Location(path)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not a policy text", loc)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:65536]:
        raise InputError("binary file (contains NUL bytes), not a policy text", loc)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding, errors="replace"), encoding
    except LookupError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 read as cp1252 (``personâ€™s``) with ftfy; touch nothing else."""
    if not _MOJIBAKE_HINT.search(text):
        return text, False
    import ftfy

    fixed = ftfy.fix_text(
        text,
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
    )
    return fixed, fixed != text


def looks_like_html(path: str, data: bytes) -> bool:
    if path.lower().endswith((".html", ".htm")):
        return True
    return bool(_HTML_START.match(data[:4096]))


def load_document(path: str, data: bytes | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and clean one policy; raise InputError for anything that is not policy text."""
    if data is None:
        data = read_policy_bytes(path, max_bytes)
    shown = "<stdin>" if path == "-" else path
    text, encoding = decode(data, shown)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, repaired = repair_mojibake(text)
    fmt = "text"
    header_source = text
    if looks_like_html(path, data):
        from policylens.html import html_to_text

        fmt = "html"
        text = html_to_text(text)
    elif re.search(r"^\s{0,3}#{1,6}\s|\*\*\S", text[:20000], re.M):
        fmt = "markdown"
    if not text.strip():
        raise InputError("empty file: no text to analyse", Location(shown))
    meta = extract_metadata(shown, header_source, text, fmt, encoding, repaired)
    return Document.build(shown, text, meta, body_start=archive_header_end(text))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
