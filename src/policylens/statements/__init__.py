"""Statements: who gives which data to whom, for what, under which condition.

A statement is read from one clause of a sentence: its action (by lemma, from `data/lexicon.yaml`),
the verb's polarity (a negation counts only when it governs the verb), and typed slots (actor, data,
recipients, purposes, conditions, exceptions, scope). `extract` reads them; the decision functions in
`policylens.verdicts.flows` say what each statement means for a practice.
"""

from policylens.statements.extract import Extracted, StatementReader

__all__ = ["Extracted", "StatementReader"]
