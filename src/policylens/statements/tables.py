"""Disclosure tables read as statements: a header (or a row's label) names an act, a cell answers.

Current US policies state their disclosures in tables (CCPA/CPRA), where no cell is a sentence:

| Category of personal information | Categories of third parties to whom disclosed | Sold or shared? |
| Identifiers                      | Service providers; advertising networks       | Shared          |

The structure layer pairs each row with its table's header (`Block.header`, `Block.cells`); this
reader reads the pairs with the lexicon's action, recipient, data and purpose tables:

- a **label** is a column's header or, in a table headed down its first column, a row's first
  cell ("Do we sell personal information?", "Shared with advertising partners");
- an **answer** is a cell that says yes or no ("Yes", "No", "None"), or names the act itself
  ("Shared", "Not sold"): the label's act, affirmed or denied for the row's data. No to "sold or
  shared?" denies both; yes affirms only the weaker act (sharing: the cell does not say which);
  "Shared" under "sold or shared?" affirms sharing and denies selling;
- a **recipient list** is a cell under a label that names to whom ("Categories of third parties
  to whom disclosed", "Recipients", "Sold to"): the table's act with those recipients, for the
  row's data. A table lists every recipient, so the list is closed (`only`): service providers
  alone are LABELS.md's allowed exception (a closed list of them denies the rest), advertising
  networks or data brokers are not;
- the row's **data** is the cell of the column whose header names data (else the first column):
  aggregate or de-identified data counts for nothing, anything else is personal information;
- a row's first cell that gives a **reason** ("For nonaffiliates to market to you | Yes", the
  US GLBA notice) names who gets the data and for what; a **purpose cell** that says the
  recipients' own ends ("Marketing partners | Their own marketing") counts for the row's list;
- a label that asks the reader ("Can you limit this sharing?") names the reader's choice, no act;
- "N/A", "—" and an empty cell say nothing; a column of examples, purposes or retention periods
  names no act and is passed over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from policylens.models import Slots
from policylens.statements.extracted import Extracted
from policylens.statements.lemmas import lemmas_of
from policylens.statements.lexicon import Lexicon
from policylens.statements.words import (
    ACTING_RECIPIENTS,
    COORDINATORS,
    in_brackets_after,
    names_cross_context,
    names_to_whom,
)
from policylens.verdicts.flows import OPEN_RECIPIENTS, OWN_ENDS, OWN_PURPOSES

# closed answer words: a cell that opens with one of these answers its label (not "n": "N/A")
YES = frozenset({"yes", "✓", "✔", "✔️", "☑", "true"})
NO = frozenset({"no", "none", "✗", "✘", "❌", "nothing", "never", "false", "0"})
_PUNCTUATION = frozenset({";", ",", ".", ":", "-", "–", "—", "/", "(", ")", "*", "?", "!"})
# the last word of a label whose cells name the recipients: "Disclosed to", "Shared with"
_TO_WHOM_ENDS = frozenset({"to", "with", "whom", "recipient", "recipients"})  # "Disclosed to"
_ASKS_WHOM = frozenset({"who", "whom", "recipient", "recipients"})
# a header that names those who receive the data, with no act ("Recipient | Purpose"); or asks
# it in a header of its own ("Who | What | Why")
_RECIPIENT_HEADS = frozenset({"recipient", "recipients"})
_WHO_HEADS = frozenset({("who",), ("whom",), ("to", "whom")})
# a recipient class named with the word for its kind ("Partner type", "Recipient category")
_KIND_WORDS = frozenset({"type", "types", "category", "categories", "kind", "kinds"})
_NOT_RECIPIENTS = frozenset({"user", "abroad"})
# a label that asks the reader ("Can you limit this sharing?", "Do you have a choice?") names the
# reader's choice, not the company's act: its cells answer for the reader
_ASKS_THE_READER = frozenset({"can", "could", "may", "do", "will", "would", "how"})
# a row's first cell that opens with one of these is the reason of the row's answers (the GLBA
# notice: "For nonaffiliates to market to you | Yes"): whom it names gets the data, for that end
_REASON_OPENERS = frozenset({"for"})
# a header naming the purpose of a row's disclosure ("Purpose", "Why we share it"): its cell says
# whose ends the row's recipients serve ("The partners' own marketing")
_PURPOSE_HEADS = frozenset({"purpose", "purposes", "why", "reason", "reasons"})
# the purposes a row's purpose cell names that are the recipients' own
_THEIR_PURPOSES = OWN_ENDS
# a row's first cell longer than this is a paragraph, not the label of an answer
MAX_LABEL_WORDS = 20
# an item of a list of recipients names its class in its first words; past them it describes
_ITEM_BREAKS = frozenset({";", ",", "-", "–", "•", "*", "/"})
MAX_HEAD_WORDS = 3
# headers read and kept per process (the rows of a table share one): forgotten past this many
MAX_KEPT_HEADERS = 1024


@dataclass(frozen=True)
class TableStatement:
    """A statement read from a table row: token spans count in the row's tokens; `label` is the
    header (or the row's label) that names the act, in lowercase words, and `column` the header's
    column (None for a row's label, which is `used[0]`), for `explain`; `used` the cells read as
    a label, an answer or a list of recipients (not read again as sentences)."""

    found: Extracted
    label: str
    used: tuple[tuple[int, int], ...]
    column: int | None = None


@dataclass(frozen=True)
class _Label:
    """What a header or a row's label names."""

    text: str
    column: int | None  # the header's column; None for a row's label
    acts: tuple[str, ...]  # action classes, in order
    recipients: tuple[str, ...]  # recipient classes it names itself ("Shared with advertisers")
    to_whom: bool  # the cells under it name recipients
    purposes: tuple[str, ...]
    data: str | None  # personal | aggregate | None when it names no data


@dataclass(frozen=True)
class _Answer:
    polarity: str  # affirmed | negated
    acts: tuple[str, ...]  # acts the cell names itself ("Shared", "Not sold")
    rest: int  # where the words after the answer start ("Yes, to advertising partners")


class TableReader:
    """Reads a table row, given its tokens, the column of each token and the header's tokens."""

    def __init__(self, lexicon: Lexicon,
                 aggregate_only: Callable[[Sequence[str], Sequence[str], int, int], bool],
                 tokenize: Callable[[str], list[str]]) -> None:
        self.lex = lexicon
        self.aggregate_only = aggregate_only
        self.tokenize = tokenize  # a header's text -> its lowercase tokens (the pipeline's)
        # each table's header read once, by its texts (the rows of a table share one)
        self.headers: dict[tuple[str, ...], dict[int, _Label]] = {}

    def read(self, words: Sequence[str], columns: Sequence[int],
             header: Sequence[str]) -> list[TableStatement]:
        """The statements of one row: `words` its lowercase tokens, `columns[k]` the column of
        token k (-1 between cells), `header[c]` the text of column c's header (none for a row
        with no header above it)."""
        words = [w.replace("\u2019", "'") for w in words]
        lemmas = lemmas_of(words)
        cells: dict[int, tuple[int, int]] = {}
        for k, column in enumerate(columns):
            if column >= 0:
                first = cells.get(column, (k, k))[0]
                cells[column] = (first, k + 1)
        order = sorted(cells)
        if len(order) < 2:
            return []
        return self._keyed(words, lemmas, cells, order) or \
            self._paired(words, lemmas, cells, order, header)

    # -- a table headed down its first column: "Do we sell personal information? | No" --------

    def _keyed(self, words: Sequence[str], lemmas: Sequence[str], cells: dict[int, tuple[int, int]],
               order: list[int]) -> list[TableStatement]:
        key, cell = cells[order[0]], cells[order[1]]
        if key[1] - key[0] > MAX_LABEL_WORDS or self.lex.negations.find(lemmas, *key):
            # a paragraph in a cell ("Service providers - we engage ..."), or a statement with
            # its own polarity ("Data that identifies me will not be disclosed | Yes"): no label
            return []
        label = self._label(words, lemmas, *key, column=None)
        answer = self._answer(words, lemmas, *cell)
        if not label.acts or answer is None:
            return []
        data = label.data or "personal"
        return self._answered(label, label.acts, answer, words, lemmas, cell, data, (key, cell))

    # -- a header over columns ----------------------------------------------------------------

    def _paired(self, words: Sequence[str], lemmas: Sequence[str], cells: dict[int, tuple[int, int]],
                order: list[int], header: Sequence[str]) -> list[TableStatement]:
        key = tuple(header)
        labels = self.headers.get(key)
        if labels is None:  # (a table's rows share their header: read once)
            if len(self.headers) >= MAX_KEPT_HEADERS:
                self.headers.clear()  # (memory flat over a corpus of many tables)
            labels = self.headers[key] = _cpra_pair(_matrix(
                {c: self._label(h, lemmas_of(h), 0, len(h), column=c)
                 for c, h in enumerate(map(self.tokenize, header)) if h}))
        table_acts = tuple(dict.fromkeys(a for label in labels.values() for a in label.acts)) or (
            # "Recipient | Purpose": a column of those who receive the data names the act of
            # giving it to them
            ("share",) if any(label.to_whom and (not _RECIPIENT_HEADS.isdisjoint(label.text.split())
                                                 or tuple(label.text.split()) in _WHO_HEADS)
                              for label in labels.values()) else ())
        if not table_acts:
            return []  # a table of cookies, retention periods or purposes: no act named
        answers = {c: self._answer(words, lemmas, *cells[c]) for c in order}
        data_column = next((c for c in order if c in labels and labels[c].data and
                            not labels[c].to_whom and answers[c] is None), None)
        if data_column is None and order[0] == 0 and answers[0] is None \
                and not (0 in labels and labels[0].to_whom):
            data_column = 0
        data = "personal"
        if data_column is not None and self.aggregate_only(words, lemmas, *cells[data_column]):
            data = "aggregate"
        reason = self._reason(words, lemmas, cells[order[0]]) if answers[order[0]] is None else None
        # (a row's purpose cell that says the recipients' own ends: "Marketing partners | Their
        # own marketing"; a purpose column names the company's ends of processing otherwise,
        # "Marketing" done for it by a vendor)
        # (or any other cell that says their own ends: "What we pass on | Name and address, so
        # they can write to you about their own titles")
        row_purposes = tuple(dict.fromkeys(
            p for c in order if c in labels and not labels[c].to_whom
            # (the purpose column may name the act: "Purpose of disclosure", "Why we share it")
            for p in self.lex.purposes.classes_in(lemmas, *cells[c]) if p in _THEIR_PURPOSES
            and (p == "own-use" or not _PURPOSE_HEADS.isdisjoint(labels[c].text.split()))))
        # (and a column asking whether they use it for their own ends, answered yes: "Their own
        # use? | Yes, may contact you about its other products")
        asked_own = [(c, answer) for c in order if (answer := answers[c]) is not None
                     and c in labels and not labels[c].acts
                     and not _THEIR_PURPOSES.isdisjoint(labels[c].purposes)]
        row_purposes += tuple(p for c, answer in asked_own if answer.polarity == "affirmed"
                              for p in labels[c].purposes if p in _THEIR_PURPOSES and p not in row_purposes)
        # (answered no, the row's recipients act for us, whatever they are called: "Cloud hosting
        # | Your files | No")
        for_us = any(answer.polarity == "negated" for _, answer in asked_own)
        # "Who | Do they receive your details?": a column of recipients beside a column that
        # answers the act names to whom each answer is given (not a list the act is affirmed of)
        answered = [c for c in order if answers[c] is not None and c in labels and labels[c].acts]
        # (a recipients column that names the act only by its noun, "Type of recipient", is
        # still to whom; not one naming an act of its own, "Disclosed to")
        whom = [c for c in order if c in labels and labels[c].to_whom and answers[c] is None
                and (not labels[c].acts or c not in answered
                     and not _RECIPIENT_HEADS.isdisjoint(labels[c].text.split()))] \
            if answered and reason is None else []
        if answered and reason is None and not whom and order[0] not in labels and answers[order[0]] is None \
                and self._named_in(lemmas, [cells[order[0]]]):
            # (a first column with no header that names recipients: "| | Shared? |" + "| Ad
            # partners | Yes |", its rows headed by whom)
            whom = [order[0]]
        if whom:
            # (a class the lexicon knows; a name of no class or "our claims company" is left to
            # the row's other cells, which may say it acts for us)
            # (nor advertisers said to collect through their own cookies: "advertising partners
            # (collected through their own cookies on our sites)" get nothing from us, LABELS.md)
            themselves = any(self._collect_themselves(lemmas, cells[c]) for c in whom)
            reason = tuple(r for r in self._named_in(lemmas, [cells[c] for c in whom])
                           if r not in {"third-party", "organisation"}
                           and not (themselves and r == "advertiser")), ()
        lists_recipients = any(label.to_whom for label in labels.values())
        # the CCPA's disclosures "for a business purpose" go to those who act for the company
        business = any("business purpose" in label.text for label in labels.values())
        out: list[TableStatement] = []
        for c in order:
            label = labels.get(c)
            if label is None:
                continue
            cell, answer = cells[c], answers[c]
            acts = label.acts or (table_acts if label.to_whom else ())
            if not acts:
                continue
            if answer is not None:
                out += self._answered(label, acts, answer, words, lemmas, cell, data,
                                      (cell, *(cells[w] for w in whom)), reason)
            elif c in whom:
                continue
            elif label.to_whom:
                out += self._listed(label, acts, words, lemmas, cell, data, business, row_purposes, for_us)
            elif c == data_column and not lists_recipients and acts == ("sale",) \
                    and cell[1] - cell[0] <= MAX_LABEL_WORDS * 3 and "." not in words[slice(*cell)]:
                # "Categories of personal information sold in the past 12 months | Identifiers"
                # (a list of categories, not sentences)
                slots = Slots(action="sale", data=data, purposes=label.purposes)
                out.append(TableStatement(Extracted(*cell, "affirmed", None, slots), label.text,
                                          (cell,), c))
        return out

    def _listed(self, label: _Label, acts: Sequence[str], words: Sequence[str],
                lemmas: Sequence[str], cell: tuple[int, int], data: str,
                business: bool = False, row_purposes: tuple[str, ...] = (),
                for_us: bool = False) -> list[TableStatement]:
        """A cell under "to whom" that lists recipient classes: the act, to them (a closed list),
        for the purposes its header or the row's purpose cell names. In a table of disclosures
        "for a business purpose" (CCPA: operational purposes), partners and unnamed third parties
        act for the company."""
        named = self._recipients(words, lemmas, *cell)
        # (the cell may say their own ends beside whom it names: "joint marketing partners, for
        # their own offers", "hotel partners, who send you their own offers")
        row_purposes = tuple(dict.fromkeys((*row_purposes, *(
            p for p in self.lex.purposes.classes_in(lemmas, *cell) if p in _THEIR_PURPOSES))))
        if not named and set(row_purposes) & _THEIR_PURPOSES and cell[1] > cell[0]:
            # ("The creator of any show you subscribe to" | "So the creator can send you its own
            # newsletters"): whoever gets data for its own ends is a third party, named or not
            named = ["third-party"]
        elif not named and for_us and cell[1] > cell[0]:
            named = ["service-provider"]  # (said not to use it for its own ends: acts for us)
        if not named:
            return []
        return [self._listed_act(label, act, named, data, business, row_purposes, cell)
                for act in dict.fromkeys(acts)]

    @staticmethod
    def _listed_act(label: _Label, act: str, named: list[str], data: str, business: bool,
                    row_purposes: tuple[str, ...], cell: tuple[int, int]) -> TableStatement:
        """One act of a label ("sold/shared") to the recipients a cell lists."""
        purposes = tuple(dict.fromkeys((*label.purposes, *row_purposes)))
        if act == "sale" and "share" in label.acts:
            purposes += ("cross-context",)  # ("sold/shared": a sale in the law's words)
        if act == "share" and (business or not OWN_PURPOSES & set(purposes)):
            # ("Partners" in a list of a table's recipients, with no purpose of theirs named,
            # are not said to get data for their own ends: LABELS.md counts those that do)
            acting = ACTING_RECIPIENTS if business else {"marketing-partner"}
            named = list(dict.fromkeys("service-provider" if r in acting else r for r in named))
        # (a closed list of the allowed exceptions is a denial of the rest; one that names
        # third parties at large says they get the data)
        slots = Slots(action=act, data=data, recipients=tuple(named), purposes=purposes,
                      only=act == "share" and OPEN_RECIPIENTS.isdisjoint(named))
        return TableStatement(Extracted(*cell, "affirmed", None, slots), label.text, (cell,), label.column)

    def _collect_themselves(self, lemmas: Sequence[str], cell: tuple[int, int]) -> bool:
        """Whether a recipients cell says they collect through their own tracking tools
        ("advertising partners (collected through their own cookies on our sites)")."""
        return "their-tools" in self.lex.purposes.classes_in(lemmas, *cell)

    def _recipients(self, words: Sequence[str], lemmas: Sequence[str], start: int,
                    end: int) -> list[str]:
        """The classes a list of recipients names: each item's own, at its head ("Service
        providers. These could be parties that ..." is service providers; "Third-party
        processors" is processors), items apart at ";", "," or a dash."""
        out: list[str] = []
        item = start
        # (no item breaks inside brackets after a named class: "Our affiliates (Acme Agency, LLC;
        # Acme Wealth Advisors, Inc.)" names the affiliates, one item; but "Third parties
        # (advertisers, data brokers)" names who they are)
        depth = 0
        for k in range(start, end + 1):
            if k < end and words[k] == "(" and (depth or any(
                    r != "third-party" for _, _, r in self.lex.recipients.find(lemmas, item, k))):
                depth += 1
            elif k < end and words[k] == ")" and depth:
                depth -= 1
            if k < end and (words[k] not in _ITEM_BREAKS or depth):
                continue
            found = self.lex.recipients.find(lemmas, item, k)
            # (a class word right before another modifies it: "Maker-community partners")
            head = [r for a, b, r in found if a - item <= MAX_HEAD_WORDS and r not in _NOT_RECIPIENTS
                    and not (r == "public" and any(a2 == b for a2, _, _ in found))]
            specific = [r for r in head if r != "third-party"]
            out += (specific or head)[:1]
            item = k + 1
        return list(dict.fromkeys(out))

    def _reason(self, words: Sequence[str], lemmas: Sequence[str],
                cell: tuple[int, int]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The recipients and purposes of a row's first cell that gives the reason of its answers
        ("For joint marketing with other financial companies", "For our affiliates to market to
        you"); None for any other first cell (a category of data, a recipient's name)."""
        content = [k for k in range(*cell) if words[k] not in _PUNCTUATION]
        if not content or words[content[0]] not in _REASON_OPENERS \
                or len(content) > MAX_LABEL_WORDS:
            return None
        return self._named_in(lemmas, [cell]), tuple(self.lex.purposes.classes_in(lemmas, *cell))

    def _named_in(self, lemmas: Sequence[str], cells: Sequence[tuple[int, int]]) -> tuple[str, ...]:
        """The recipient classes the cells name."""
        # (a class word before a thing's noun names no one: "for our everyday business purposes")
        # (nor the members named in brackets after a class: "Our affiliates (Acme Insurance
        # Agency; Acme Wealth Advisors)")
        out: list[str] = []
        for cell in cells:
            ends: dict[int, str] = {}
            for a, b, r in self.lex.recipients.find(lemmas, *cell):
                if r in _NOT_RECIPIENTS or (b < cell[1] and lemmas[b] in self.lex.not_recipients) \
                        or in_brackets_after(lemmas, cell[0], a, ends):
                    continue
                ends[b] = r
                out.append(r)
        return tuple(dict.fromkeys(out))

    def _answered(self, label: _Label, acts: Sequence[str], answer: _Answer, words: Sequence[str],
                  lemmas: Sequence[str], cell: tuple[int, int], data: str,
                  used: tuple[tuple[int, int], ...],
                  reason: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> list[TableStatement]:
        """The label's acts, affirmed or denied as the cell answers, for the row's reason if it
        gives one (its recipients and purposes)."""
        if answer.acts:  # "Shared" under "Sold or shared?": shared, and not sold
            polarities = {a: answer.polarity if a in answer.acts else "negated"
                          for a in dict.fromkeys((*acts, *answer.acts))}
            if answer.polarity == "negated":
                polarities = {a: "negated" for a in answer.acts}
        elif answer.polarity == "negated":
            polarities = {a: "negated" for a in acts}
        else:
            # ("Sold or shared in the past 12 months? Yes": each act the label names, in the law's
            # words; LABELS.md: having "sold" as a law defines it is a sale)
            polarities = {a: "affirmed" for a in dict.fromkeys(acts)}
        recipients = list(label.recipients)
        purposes_named = label.purposes
        if reason is not None:
            recipients += [r for r in reason[0] if r not in recipients]
            purposes_named = tuple(dict.fromkeys((*label.purposes, *reason[1])))
        if answer.polarity == "affirmed":  # "Yes, to advertising partners", "Yes, for their offers"
            recipients += [r for r in self.lex.recipients.classes_in(lemmas, answer.rest, cell[1])
                           if r not in _NOT_RECIPIENTS and r not in recipients]
            purposes_named = tuple(dict.fromkeys(
                (*purposes_named, *self.lex.purposes.classes_in(lemmas, answer.rest, cell[1]))))
        # "Sold or shared?" asks in the CPRA's words: its "shared" is cross-context behavioural
        # advertising (third-party-ads'), not a disclosure LABELS.md's sharing counts
        cpra = "sale" in label.acts and "share" in label.acts
        out = []
        for act, polarity in polarities.items():
            purposes = purposes_named + (("cross-context",) if cpra else ())
            slots = Slots(action=act, data=data, recipients=tuple(recipients),
                          purposes=tuple(dict.fromkeys(purposes)))
            out.append(TableStatement(Extracted(*cell, polarity, cell, slots), label.text, used,
                                      label.column))
        return out

    # -- words --------------------------------------------------------------------------------

    def _label(self, words: Sequence[str], lemmas: Sequence[str], start: int, end: int,
               column: int | None) -> _Label:
        lex = self.lex
        # (an act on what is not data names no disclosure: "Services Provided", "Products sold")
        found = sorted(lex.action_words.find(lemmas, start, end) + lex.action_nouns.find(lemmas, start, end))
        if end - start > 1 and words[start] in _ASKS_THE_READER and words[start + 1] == "you":
            found = []  # "Can you limit this sharing?": the reader's choice
        if not found and not {"we", "us", "from", "i"} & set(words[start:end]) \
                and (lex.data.find(lemmas, start, end) or words[start] == "what"):
            # a label asking whether the row's party receives the data ("Do they receive your
            # details?", "Gets your data?"): the act of giving it (not "Information we get",
            # "Data received from partners")
            found = lex.receiving.find(lemmas, start, end)
        acts = [c for a, b, c in found if lex.not_data_objects.isdisjoint(
            (*lemmas[max(a - 1, start):a], *lemmas[b:min(b + 1, end)]))
            # (nor the second part of a compound: "Lift-pass system provider"; "Re-sold" is one)
            and not (a - 2 >= start and words[a - 1] == "-" and words[a - 2] != "re")]
        named = [(a, b, r) for a, b, r in lex.recipients.find(lemmas, start, end)
                 if r not in _NOT_RECIPIENTS]
        content = [k for k in range(start, end) if words[k] not in _PUNCTUATION]
        # the cells name recipients when the label asks to whom ("to whom disclosed", "Shared
        # with", "Entities to which we provide") or is itself a recipient ("Categories of third
        # parties"), not when it only holds such a word ("Business purpose")
        # (not whom data comes from: "Third parties from whom we collect", "Sources")
        to_whom = bool(content) and "from" not in words[start:end] and (
            words[content[-1]] in _TO_WHOM_ENDS or not _ASKS_WHOM.isdisjoint(words[start:end])
            or names_to_whom(words, start, end)
            or any(b - 1 == content[-1] or (b == content[-1] and words[b] in _KIND_WORDS)
                   for _, b, _ in named))
        recipients = list(dict.fromkeys(r for _, _, r in named))
        kinds = lex.data.classes_in(lemmas, start, end)
        data = "aggregate" if self.aggregate_only(words, lemmas, start, end) else (
            "personal" if "personal" in kinds else None)
        purposes = tuple(lex.purposes.classes_in(lemmas, start, end))
        if "share" in acts and names_cross_context(words, start, end):
            # "Shared for cross-context behavioral advertising": the CPRA's sharing, as in prose
            purposes += ("cross-context",)
        return _Label(" ".join(words[start:end]), column, tuple(dict.fromkeys(acts)), tuple(recipients),
                      to_whom, purposes, data)

    def _answer(self, words: Sequence[str], lemmas: Sequence[str], start: int,
                end: int) -> _Answer | None:
        """A cell that answers yes or no, or names an act ("Shared", "Not sold"); None for any
        other cell (a list, "N/A", "—")."""
        content = [k for k in range(start, end) if words[k] not in _PUNCTUATION]
        if not content or words[end - 1] == "?":
            return None  # (nor a question, which a header asks: "Recipient | Sold? | Shared?")
        first = words[content[0]]
        if first in YES or first in NO:
            rest = content[1] if len(content) > 1 else end
            acts = self._acts_only(lemmas, content[1:])
            return _Answer("affirmed" if first in YES else "negated", acts, rest)
        negated = bool(self.lex.negations.find(lemmas, content[0], content[0] + 1))
        acts = self._acts_only(lemmas, content[1:] if negated else content)
        if not acts:
            return None
        return _Answer("negated" if negated else "affirmed", acts, end)

    def _acts_only(self, lemmas: Sequence[str], content: Sequence[int]) -> tuple[str, ...]:
        """The acts a cell names when it names nothing else ("sold", "shared or sold")."""
        acts: list[str] = []
        for k in content:
            found = self.lex.action_words.find(lemmas, k, k + 1)
            if found:
                acts.append(found[0][2])
            elif lemmas[k] not in COORDINATORS:
                return ()
        return tuple(dict.fromkeys(acts))


def _cpra_pair(labels: dict[int, _Label]) -> dict[int, _Label]:
    """A bare "Shared" column beside a "Sold" one ("Category | Recipients | Sold | Shared"): the
    CPRA's pair of terms, in which "shared" is sharing for cross-context behavioral advertising
    (LABELS.md, modern wording: third-party-ads; a disclosure only where the text says one)."""
    if not any("sale" in label.acts for label in labels.values()):
        return labels
    return {c: replace(label, purposes=(*label.purposes, "cross-context"))
            if label.acts == ("share",) and len(label.text.replace("?", "").split()) == 1 else label
            for c, label in labels.items()}


def _matrix(labels: dict[int, _Label]) -> dict[int, _Label]:
    """A matrix of data by recipients ("Data | Processors | Partners, for their own marketing",
    cells "Yes"/"No"): each column past the first headed by a recipient class answers whether
    the row's data goes to it, when no other header names an act or several name recipients
    (a header with an act of its own keeps it: "Sold to data brokers?")."""
    columns = [c for c, label in labels.items() if c and label.recipients and not label.acts]
    if not columns or (len(columns) < 2 and any(label.acts for label in labels.values())):
        return labels
    # (its cells answer; they list no one: "Provider | Our hosting provider" in a cookie table)
    return {c: replace(label, acts=("share",), to_whom=False) if c in columns else label
            for c, label in labels.items()}

