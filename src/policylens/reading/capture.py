"""Is this capture a policy at all, or what an archive recorded instead: a login page, a cookie
wall, an error page, a "Loading..." or "enable JavaScript" placeholder, or a text far too short
to be a policy. Such a capture is `degraded`, with the reason, so it is never read as a policy
that stopped saying everything."""

from __future__ import annotations

import re

MIN_CHARS = 250  # no privacy policy says what it must in fewer characters...
MIN_WORDS = 5  # ...but a quoted clause or an excerpt may: a short text is degraded only when it
# is not even one full sentence ("Loading...", "Home | Sign up")
SHORT_PAGE = 3000  # the signs below only count on a page this short: a policy may mention them

_SIGNS = (
    ("a login page", re.compile(
        r"\b(?:sign|log)\s?in\b.{0,200}\b(?:password|username|e-?mail)\b"
        r"|\b(?:password|username)\b.{0,200}\b(?:sign|log)\s?in\b|forgot (?:your )?password", re.I | re.S)),
    ("a cookie wall", re.compile(
        r"\b(?:accept|allow|agree to)(?: all)? cookies\b|\bcookie (?:settings|preferences|consent)\b"
        r"|\bwe (?:and our partners )?use cookies\b.{0,300}\b(?:accept|agree|consent)\b", re.I | re.S)),
    ("an error page", re.compile(
        r"\b(?:404|403|500|502|503)\b.{0,80}\b(?:not found|error|forbidden|unavailable)\b"
        r"|\bpage (?:not found|cannot be found|does not exist|you requested)\b"
        r"|\baccess denied\b|\bsomething went wrong\b", re.I | re.S)),
    ("a page that needs JavaScript", re.compile(
        r"\b(?:enable|turn on) javascript\b|\bjavascript (?:is )?(?:required|disabled)\b", re.I)),
    ("an outdated-browser page", re.compile(
        r"\bbrowser (?:is )?(?:out of date|outdated|not supported|unsupported)\b"
        r"|\b(?:update|upgrade) your browser\b", re.I)),
    ("a loading placeholder", re.compile(r"^\W*loading\b", re.I)),
)


def degraded_reason(text: str, body_start: int = 0) -> str | None:
    """Why this text is not a usable capture of a policy, or None."""
    body = text[body_start:].strip()
    if len(body) >= SHORT_PAGE:
        return None
    for what, sign in _SIGNS:
        if sign.search(body):
            return f"this capture looks like {what}, not a policy"
    if len(body) < MIN_CHARS and len(body.split()) < MIN_WORDS:
        return f"this capture is far too short to be a policy ({len(body)} characters)"
    return None


def capture_note(reason: str | None) -> str | None:
    """The report's note for a degraded capture."""
    if reason is None:
        return None
    return f"degraded capture: {reason}; its values say nothing about the policy"
