"""Is this text a privacy policy at all? A novel or a source file must get "no practices found"
with a note, not guesses from words like "cookies" or "sell" in another sense.

The test is deliberately blunt: a text of some length that never once speaks of privacy, of
personal information/data, of "your data" or of PII is not a privacy policy. Every policy in the
development set and the corpus speaks of them at least five times; short snippets (a sentence
piped to stdin, a rule example) are always analysed.
"""

from __future__ import annotations

import re

MIN_WORDS = 200  #: shorter texts are always analysed
_VOCABULARY = re.compile(
    r"privacy|personal(?:ly)?[\s-]+(?:identifiable[\s-]+)?(?:information|data|details)"
    r"|data[\s-]+protection|\bcookie[\s-]+policy|\bgdpr\b|\bccpa\b"
    # (an excerpt that speaks of "your data" only: "We may share your data with advertisers")
    r"|\byour\s+(?:data|information)\b|\buser\s+data\b|\bpii\b"
    # (or of whose details or records it keeps: "the particulars of its members", "your contact
    # details", "patients' records")
    r"|\bparticulars\b|\b(?:your|members?['’]?|customers?['’]?|patients?['’]?|clients?['’]?)\s+"
    r"(?:personal\s+|contact\s+)?(?:details|records)\b"
    # (or of giving or gathering information: "We share CrowdTangle Users' information with
    # certain third-parties", "information we collect")
    # (also keeping it, and over a coordinated owner: "share your or your child's information")
    r"|\b(?:collect|shar|disclos|sell|sold|process|hold|keep|kept|stor)\w*\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:information|data)\b"
    # (or of a child's information, as a children's section does: "Children's information",
    # "information about children")
    r"|\bchild(?:ren)?['’]s\s+(?:personal\s+)?(?:information|data|details|records)\b"
    r"|\binformation\s+about\s+(?:you|your|children|child|users|members|customers|patients)\b"
    r"|\b(?:information|data)\s+(?:that\s+|which\s+)?(?:we|you)\s+(?:collect|provide|share|disclose)"
    # (or of who receives it: a list of recipients quoted from a policy, "Service providers who
    # help us provide our products")
    r"|\bservice\s+providers?\b"
    # (or of tracking for ads: a cookie table quoted from a policy)
    r"|\b(?:advertising|analytics|tracking|targeting|marketing)\s+cookies?\b|\bad\s+networks?\b"
    # (or of the trackers, lists and choices of ads matched to people: "by uploading an encrypted
    # customer list", "a tracking technology from a third party", "to opt out of these ads")
    r"|\btracking\s+technolog|\bcustomer\s+lists?\b|\bopt(?:[\s-]*)out\b"
    # (or of the addresses and lists a newsletter keeps: "who sees your email address", "the
    # subscriber list")
    r"|\be-?mail\s+address|\b(?:subscriber|mailing|member|donor)\s+(?:lists?|details|records|data)\b"
    r"|confidentialit|donn[ée]es\s+personnelles|datenschutz|privacidad|privacidade|riservatezza",
    re.I,
)
_WORD = re.compile(r"\w+")


def not_a_policy(text: str) -> str | None:
    """Why `text` is not a privacy policy, or None when it may be one."""
    if _VOCABULARY.search(text):
        return None
    words = 0
    for _ in _WORD.finditer(text):
        words += 1
        if words >= MIN_WORDS:
            return (f"this text does not look like a privacy policy (at least {MIN_WORDS} words, "
                    "none about privacy or personal information); practices were not assessed")
    return None
