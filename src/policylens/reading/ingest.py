"""Bytes -> clean text -> Document: decoding, mojibake repair, HTML to structured text, metadata."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import replace

from policylens.errors import InputError, LimitError, Location, printable
from policylens.models import Document
from policylens.reading.capture import degraded_reason
from policylens.reading.language import identify
from policylens.reading.metadata import archive_header_end, extract_metadata
from policylens.reading.sniff import sniff

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
# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def read_policy_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a policy file, or raise InputError with a message a user can act on.

    Only regular files are opened (a FIFO or a device would block or never end), and never more
    than `max_bytes` + 1 bytes are read, even from a file that grows while it is read.
    """
    if path == "-":
        import sys

        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise LimitError(f"input is larger than the limit of {max_bytes} bytes",
                             Location("<stdin>"), "raise it with --max-bytes")
        return data
    loc = Location(path)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory, expected a policy file", loc)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("is not a regular file (a FIFO, device or socket)", loc)
        if st.st_size > max_bytes:
            raise LimitError(f"file is {st.st_size} bytes, over the limit of {max_bytes}", loc,
                             "raise it with --max-bytes")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise LimitError(f"file is over the limit of {max_bytes} bytes", loc,
                             "raise it with --max-bytes")
        return data
    except FileNotFoundError:
        raise InputError("no such file", loc) from None
    except PermissionError:
        raise InputError("permission denied", loc) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a policy file", loc) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", loc) from None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark, else None:
    in ASCII-range text every other byte is NUL."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.8 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.8 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _western(data: bytes) -> tuple[str, str]:
    """Mostly-ASCII text that is not valid UTF-8: each line as UTF-8 if it is, else as cp1252
    (a file pasted together from both is common). Bytes cp1252 leaves undefined become U+FFFD."""
    lines = data.split(b"\n")
    out = []
    legacy = utf8 = False
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
            legacy = True
        out.append(text)
    return "\n".join(out), ("utf-8+cp1252" if utf8 and legacy else "cp1252")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Binary content raises InputError.

    In order: a byte-order mark (UTF-32, UTF-8, UTF-16); UTF-16 without one; UTF-8; mostly-ASCII
    text as cp1252 (line by line, so mixed UTF-8/cp1252 files read right); anything else by
    charset-normalizer's best guess. Undecodable bytes become U+FFFD; nothing raises.
    """
    loc = Location(path)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not a policy text", loc)
    for bom, enc, name in ((codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
                           (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
                           (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
                           (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
                           (codecs.BOM_UTF16_BE, "utf-16", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), name
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if b"\x00" in data[:65536]:
        raise InputError("binary file (contains NUL bytes), not a policy text", loc)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _high_bytes(data) <= 0.3 * len(data):  # Western text: accents are a few letters in ten
        return _western(data)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding, errors="replace"), encoding
    except LookupError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _high_bytes(data: bytes) -> int:
    """How many bytes are outside ASCII (fast: ASCII bytes are removed by translate)."""
    return len(data.translate(None, bytes(range(128))))


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


def clean_controls(text: str) -> str:
    """Control characters (other than tab and newline) become spaces, one for one, so offsets
    stay put and no escape sequence from a hostile file reaches a terminal."""
    return _CONTROLS.sub(" ", text)


def load_document(path: str, data: bytes | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and clean one policy; raise InputError for anything that is not policy text.

    Document.text is the decoded file with newlines normalised to \\n, mojibake repaired and
    control characters replaced by spaces; for HTML, the text extracted from the page.
    """
    if data is None:
        data = read_policy_bytes(path, max_bytes)
    shown = "<stdin>" if path == "-" else printable(path)
    if not data.strip():
        raise InputError("empty file: no text to analyse", Location(shown))
    text, encoding = decode(data, shown)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = clean_controls(text)
    text, repaired = repair_mojibake(text)
    header_source = text
    fmt = sniff(path, text)
    if fmt == "html":
        from policylens.reading.html import html_to_text

        # (a character reference may name a control character or a carriage return: "&#8;")
        text = clean_controls(html_to_text(text).replace("\r\n", "\n").replace("\r", "\n"))
        if not text.strip():
            raise InputError("no text in this HTML page (only markup, scripts or styles)",
                             Location(shown))
    if not text.strip():
        raise InputError("empty file: no text to analyse", Location(shown))
    meta = extract_metadata(shown, header_source, text, fmt, encoding, repaired)
    body_start = archive_header_end(text)
    meta = replace(meta, language=identify(text, body_start),
                   degraded=degraded_reason(text, body_start))
    return Document.build(shown, text, meta, body_start=body_start)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
