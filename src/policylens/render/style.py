"""How a practice value looks in every format: a tone, a symbol and a colour, derived from the
practice's risk order, so a practice added to data/practices.yaml needs no code here.

Tones: `safe` (a statement safer than silence, e.g. data-sale no), `risk` (the worst value),
`caution` (worse than silence but not the worst, e.g. children parental-consent), `silent`
(not-mentioned), `unassessed` (not-assessed: a policy in a language the rules do not
read), `neutral` (a value the risk order does not place).
"""

from __future__ import annotations

from policylens.models import Metadata
from policylens.practices import NOT_ASSESSED, NOT_MENTIONED, Practice

SYMBOLS = {"safe": "✓", "caution": "!", "risk": "✗", "silent": "–", "neutral": "•",
           "unassessed": "?"}
RICH = {"safe": "bold green", "caution": "bold yellow", "risk": "bold red", "silent": "dim",
        "neutral": "bold cyan", "unassessed": "dim italic"}
# Direction of a change: worse / better by the risk order, or changed when the order has no say.
ARROWS = {"worse": "▲", "better": "▼", "changed": "◆"}
LEGEND = ("✓ safer than silence   ! worse than silence   ✗ worst value   – not mentioned   "
          "? not assessed   • not ranked   |   ▲ worse than before   ▼ better   ◆ changed")


def reading_facts(metadata: Metadata) -> list[str]:
    """What a reader of any format must be told about how the text was read: its language when it
    is not English (its practices are then not assessed) and why a capture is degraded."""
    facts = []
    if metadata.language and metadata.language != "en":
        facts.append(f"language {metadata.language}")
    if metadata.degraded:
        facts.append(f"degraded: {metadata.degraded}")
    return facts


def tone(practice: Practice, value: str) -> str:
    if value == NOT_MENTIONED:
        return "silent"
    if value == NOT_ASSESSED:
        return "unassessed"
    rank = practice.risk_rank(value)
    if rank is None:
        return "neutral"
    if rank == len(practice.risk) - 1:
        return "risk"
    silence = practice.risk_rank(NOT_MENTIONED)
    if silence is None:
        return "safe" if rank == 0 else "caution"
    return "safe" if rank < silence else "caution"


def symbol(practice: Practice, value: str) -> str:
    return SYMBOLS[tone(practice, value)]


def label(practice: Practice, value: str) -> str:
    """`✗ yes`: the symbol keeps the meaning where colour is lost (print, markdown, colour-blind)."""
    return f"{symbol(practice, value)} {value}"
