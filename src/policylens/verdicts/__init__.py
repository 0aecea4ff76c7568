"""Verdicts: the policy-level value of each practice, decided from its findings (statements).

`precedence` holds the policy-level decision rule of every practice; `flows` the per-statement
decision functions of the practices about giving data to others (data-sale, third-party-sharing,
merger-transfer), which say what value a statement supports, and why.
"""

from policylens.verdicts.precedence import (
    MAX_EVIDENCE,
    decide,
    decide_all,
    decision_rule,
    scope,
    verdict_attributes,
)

__all__ = ["MAX_EVIDENCE", "decide", "decide_all", "decision_rule", "scope", "verdict_attributes"]
