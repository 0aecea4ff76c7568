"""Where a policy came from: the Wayback header line, the file name, and the policy's own date."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from policylens.models import Metadata

# "> *The following text is extracted and transformed from the X privacy policy that was archived
# on 2016-06-23. Please check the [original snapshot ...](URL)" and the HTML comment variant.
_ARCHIVE = re.compile(
    r"(?:from|of) the (?P<site>\S+) privacy policy that was archived on (?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:.{0,200}?(?P<url>https?://web\.archive\.org/[^\s)\]]+))?",
    re.S,
)
_FILE_DATE = re.compile(r"@(\d{4}-\d{2}-\d{2})")
_DOMAIN = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+$", re.I)
_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE = (
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}"
    rf"|{_MONTHS},?\s+\d{{4}})"
)
_POLICY_DATE = re.compile(
    r"(?:last\s+(?:updated|modified|revised|changed|amended)|updated|revised|modified|effective"
    r"(?:\s+date)?|amended|date\s+of\s+last\s+revision)"
    rf"(?:\s+(?:on|as\s+of|date|in))?\s*[:\-–]?\s*\**\s*(?:on\s+)?\**(?P<date>{_DATE})",
    re.I,
)


def archive_header_end(text: str) -> int:
    """Offset just past the archive's header line ("The following text is extracted..."), or 0."""
    match = _ARCHIVE.search(text[:3000])
    if not match:
        return 0
    newline = text.find("\n", match.end())
    return len(text) if newline < 0 else newline + 1


def _iso(text: str) -> str | None:
    from dateutil import parser

    try:
        default = datetime(2000, 1, 1)
        parsed = parser.parse(text.replace("of ", ""), default=default)
    except (ValueError, OverflowError):
        return None
    if not 1990 <= parsed.year <= 2100:
        return None
    return parsed.date().isoformat()


def policy_date(text: str) -> str | None:
    """The date the policy states for its last update or effect, if it states one."""
    head, tail = text[:6000], text[-3000:]
    for chunk in (head, tail):
        match = _POLICY_DATE.search(chunk)
        if match:
            found = _iso(match.group("date"))
            if found:
                return found
    return None


def extract_metadata(
    path: str, raw_text: str, text: str, fmt: str, encoding: str, repaired: bool
) -> Metadata:
    site = archived = url = None
    match = _ARCHIVE.search(raw_text[:3000])
    if match:
        site, archived, url = match.group("site"), match.group("date"), match.group("url")
    name = Path(path).name
    stem = re.sub(r"\.(txt|md|markdown|html?)$", "", name, flags=re.I)
    file_date = _FILE_DATE.search(stem)
    if file_date:
        archived = archived or file_date.group(1)
        stem = stem[: file_date.start()]
    if site is None and _DOMAIN.match(stem):
        site = stem.lower()
    title_match = re.search(r"^\s{0,3}#\s+(.+?)\s*$", text[:5000], re.M)
    title = title_match.group(1).strip() if title_match else None
    return Metadata(
        site=site,
        archived=archived,
        snapshot_url=url,
        policy_date=policy_date(text),
        title=title,
        source_format=fmt,
        encoding=encoding,
        repaired=repaired,
    )
