"""Findings -> one value per practice, by the practice's documented decision rule.

`precedence`: the first value in the practice's precedence order that any finding supports wins
(for data-sale: any "we may sell" beats "we do not sell"; silence is `not-mentioned`).
`youngest-age`: for children, only findings about the youngest age group stated count, because
the rule for the youngest group governs (a service made for children names no age: it speaks of
the youngest group and always counts); a statement that limits one feature ("the chat is only for
users 16 and over") yields to statements about the whole service; then precedence.
`specific-over-vague`: precedence, except that admissions which are all vague (data to "third
parties", for no stated purpose, under no opt-out) yield to an explicit denial: LABELS.md's "a more
specific statement beats a general one". "We may share information with third parties" beside "We
do not share your personal information with third parties except service providers" is read as
the denial's exceptions; one statement naming advertisers, partners or marketing keeps `yes`,
unless the denial's exception is the user's consent and that statement is made only with consent
(the opt-in programme the exception describes: LABELS.md's "a denial with a consent exception").

Attributes the practice declares come from the findings that support the chosen value: a `many`
attribute is the union of theirs (tracking-technologies: every technology named as used), a single
one is the first stated (children: the youngest age).
"""

from __future__ import annotations

import re
from functools import lru_cache

from policylens.models import Attributes, AttrValue, Finding, PracticeVerdict
from policylens.practices import NOT_MENTIONED, Practice
from policylens.verdicts.flows import OWN_PURPOSES, PROGRAMME_RECIPIENTS

MAX_EVIDENCE = 5

# Ages are often spelled out ("under the age of thirteen"); they must compare with "under 18".
_AGE_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-one": 21,
}


def _attribute_age(finding: Finding) -> int | None:
    for key, value in finding.attributes:
        if key == "age" and isinstance(value, str):
            if value.isdigit():
                return int(value)
            if value in _AGE_WORDS:  # captures are normalized to digits; kept for other sources
                return _AGE_WORDS[value]
    return None


# Each clause of a sentence may speak of its own age group ("Learners aged 13 to 15 need a
# parent's consent; learners under 13 may only use the platform through a school account"): a
# finding's age is the one stated in the clause that holds its trigger, else the sentence's first.
_CLAUSE_BREAK = re.compile(r";|\n|\b(?:but|whereas|while|however)\b", re.IGNORECASE)
_N = r"(\d{1,2}|" + "|".join(sorted(_AGE_WORDS, key=len, reverse=True)) + r")"
# A group named by its own span ("aged 13 to 15", "between 13 and 16", "from age 12") is older than
# the group under its lower bound ("under 13"): it ranks half a year above that bound, so that
# "under-13s may not join; 13 to 15 need a parent's consent" is decided by the under-13 rule.
_RANGE = re.compile(
    rf"\bbetween\s+(?:the\s+ages?\s+of\s+)?{_N}\s+(?:and|to)\s+\d|"
    rf"\b(?:aged|ages)\s+{_N}\s*(?:to|-|–)\s*\d|"
    rf"(?<![\w.]){_N}\s*(?:to|-|–)\s*\d{{1,2}}\s*(?:years?\b|year-olds?\b|\||$)|"
    rf"\bfrom\s+(?:the\s+)?age\s+(?:of\s+)?{_N}\b",
    re.IGNORECASE | re.MULTILINE)
_BOUND = re.compile(
    rf"\b(?:under|below|younger\s+than|less\s+than|at\s+least|over|older\s+than|above|age\s+of|"
    rf"aged?|minimum\s+age\s*:?)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?{_N}\b|"
    rf"\bunder-{_N}s?\b|\b{_N}\s*(?:\+|(?:years?\s+(?:old\s+|of\s+age\s+)?)?(?:and|or)\s+"
    rf"(?:under|younger|older|over|above|up)\b)",
    re.IGNORECASE)


# a group named as younger than the one stated before it, with no age of its own ("closed to
# anyone younger", "users below that age")
_YOUNGER = re.compile(r"\byounger\b(?!\s+than\s+(?:\d|the\s+age))"
                      r"|\b(?:under|below)\s+(?:that|this|the\s+same)\s+age\b", re.IGNORECASE)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _AGE_WORDS[word.lower()]


def _stated_age(text: str) -> float | None:
    """The age group a piece of text names, a range ranking half a year above its lower bound."""
    found: list[tuple[int, float]] = []
    for m in _RANGE.finditer(text):
        word = next(g for g in m.groups() if g)
        found.append((m.start(), _number(word) + 0.5))
    for m in _BOUND.finditer(text):
        word = next(g for g in m.groups() if g)
        if not any(start <= m.start() < start + 12 for start, _ in found):
            found.append((m.start(), float(_number(word))))
    plausible = [(at, age) for at, age in found if 1 <= age <= 21.5]
    return min(plausible)[1] if plausible else None


def _clause(sentence: str, at: int) -> str:
    """The clause of a sentence that holds character `at`."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return sentence[start:end]


def _age(finding: Finding) -> float | None:
    """The age group a children finding speaks of: its clause's, else its sentence's, else the
    rule's age attribute."""
    if finding.practice == "children" and finding.sentence:
        at = finding.trigger_span[0]
        age = _stated_age(_clause(finding.sentence, at)) if at < len(finding.sentence) else None
        if age is None:
            age = _stated_age(finding.sentence)
        if age is not None:
            return age
    attribute = _attribute_age(finding)
    return None if attribute is None else float(attribute)


@lru_cache(maxsize=1)
def _partners_of_a_kind() -> re.Pattern[str]:
    """The lexicon's `partner_kinds`, as one expression over a sentence's text (any ending)."""
    from policylens.statements.lexicon import load_lexicon

    kinds = "|".join(re.escape(w).replace("\\-", "-?") for w in load_lexicon().partner_kinds)
    return re.compile(rf"\b(?:{kinds})\w*", re.IGNORECASE)


def _vague(finding: Finding) -> bool:
    """An admission that names no one but "third parties" (or "partners" of no stated kind,
    outside a closed list and a programme the user consents to) and no purpose or opt-out (a sale
    is never vague: selling gives data to others for their own ends)."""
    slots = finding.slots
    named = PROGRAMME_RECIPIENTS
    if slots is not None and not slots.only and "consent" not in slots.conditions \
            and not _partners_of_a_kind().search(finding.sentence):
        named = PROGRAMME_RECIPIENTS - {"marketing-partner"}
    return slots is not None and slots.action != "sale" \
        and not set(slots.recipients) & (named | {"organisation"}) \
        and not set(slots.purposes) & OWN_PURPOSES \
        and "opt-out" not in slots.conditions \
        and not set(slots.exceptions) & (PROGRAMME_RECIPIENTS | {"opt-out", "advertising"})


def _opted_in(finding: Finding) -> bool:
    """An admission made only with the user's consent ("With your consent, we may give our
    partners your contact details"), with no opt-out."""
    slots = finding.slots
    return slots is not None and "consent" in slots.conditions and "opt-out" not in slots.conditions


# A statement that limits one part of the service ("the chat feature is only for users 16 and
# over", "certain features, such as the store, require users to be 18") says who may use that part,
# not who the service is for: beside statements about the whole service it does not decide, and
# its age does not set the youngest group. Alone, it is all the policy says, and it stays.
_ONE_FEATURE = re.compile(
    r"\b(?:some|certain|specific|particular|selected)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:features?|functions?|functionality|sections?|areas?|parts|services|products)\b"
    r"|\b(?:the|our|this)\s+(?:[\w-]+\s+){0,2}?(?:feature|function|section|area|forums?|chat|chats|"
    r"chat\s+rooms?|marketplace|store|shop|contests?|sweepstakes|competitions?|community|tournaments?|"
    r"leaderboards?|messaging|live\s+streams?|live\s+streaming)\s+(?:is|are)\s+(?:\w+\s+)?"
    r"(?:only|limited|restricted|available|open|reserved|not\s+available|closed)\b",
    re.IGNORECASE)


# A service made for children ("our Kids app", "teachers add their pupils") speaks of its whole
# audience, the youngest group there is: such a statement with no age stays in the decision beside
# the youngest group's rules, where the practice's precedence places it.
_AUDIENCE_VALUE = "directed"


def _one_feature(finding: Finding) -> bool:
    # (a service made for children, said beside a limit on its features, is still said of the
    # whole service: "when children register, their account is set to a restricted mode: child
    # users will not have access to certain features")
    return finding.value != _AUDIENCE_VALUE and _ONE_FEATURE.search(finding.sentence) is not None


# Accounts, profiles or parts of the offer for children that a parent opens or consents to
# ("Junior accounts for children aged 8 to 15 can only be opened by a parent", "Kids profiles. ...
# only after the parent has given consent", "the club's youth section") are a consent path in a
# service for everyone, not a service made for children: beside a parental-consent statement,
# they do not make `directed`.
_CHILD_PART = re.compile(
    r"\b(?:junior|kids?|child(?:ren)?(?:['’]s?)?|teen|minor)\s+(?:accounts?|profiles?)\b"
    r"|\b(?:accounts?|profiles?)\s+for\s+(?:a\s+|your\s+)?(?:young\s+)?(?:children|kids|child|minors)\b"
    # a part of an organisation's offer for the young ("a mini and youth section for players aged
    # 6 to 17", "Our Youth Theatre is for young people aged 8 to 17", "our kids' classes")
    r"|\b(?:youth|junior|juniors['’]?|kids['’]?|kid['’]s|children['’]s|mini)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:sections?|classes|class|theatre|theater|programmes?|programs?|clubs?|teams?|leagues?|sessions?"
    r"|camps?|academy|squads?|choirs?|groups?|courses?|lessons?|memberships?|members)\b",
    re.IGNORECASE)


def _consented_parts(relevant: list[Finding]) -> list[Finding]:
    """The `directed` findings that name only children's accounts, profiles or parts of the offer
    ("the youth section"), or stand in a section that names one ("Junior Crew" + "We collect from
    the child only a first name"), beside a parental-consent statement that governs them (all of
    them, or none)."""
    directed = [f for f in relevant if f.value == _AUDIENCE_VALUE]
    named = [f for f in directed if _CHILD_PART.search(f.sentence)]
    parts = {f.section for f in named if f.section}
    if directed and any(f.value == "parental-consent" for f in relevant) \
            and all(f in named or f.section in parts for f in directed):
        return directed
    return []


# An age to hold an account ("You must be at least 18 to subscribe") with a parent's path for
# those under it ("Individuals under this age may only use the service with the approval of a
# parent") says how minors of that group may use the service: the parent's path, not a bar
# (unlike a prohibition a parent cannot lift: "not intended for under-13s").
_AGE_REQUIREMENT = "children-age-requirement"
_BELOW = re.compile(r"\b(?:under|below|younger|not\s+yet|minors?)\b", re.IGNORECASE)


def _parental_paths_below_an_age(group: list[Finding]) -> list[Finding]:
    """The age requirements of the youngest group to set aside (and its statements about children's
    profiles), when a parental-consent statement of that group stands beside them and they are its
    only `not-directed` findings."""
    barring = [f for f in group if f.value == "not-directed"]
    # (a path for those below the age, not for an older band: "Riders must be at least 16; riders
    # aged 16 and 17 need a parent's consent" still bars the younger)
    if not barring or not any(f.value == "parental-consent" and _BELOW.search(f.sentence) for f in group) \
            or any(f.rule_id != _AGE_REQUIREMENT for f in barring):
        return []
    # (a service with an age to hold an account is for everyone: its children's profiles are a
    # part of it, "Kids profiles", not a service made for children)
    return barring + [f for f in group if f.value == _AUDIENCE_VALUE and _CHILD_PART.search(f.sentence)]


# A bar or limit said of most of the service, or of its standard accounts ("Most of our online
# services are intended for general audiences", "Standard accounts are for listeners aged 13 and
# over"), leaves a part made for children: beside a statement that a part is directed to children,
# it does not decide.
_REST_OF_SERVICE = re.compile(
    r"\b(?:most|many)\s+of\s+(?:our|the|its)\b"
    r"|\bstandard\s+(?:[\w-]+\s+)?(?:accounts?|profiles?|memberships?|plans?|services?)\b"
    r"|\b(?:the\s+)?rest\s+of\s+(?:our|the|its)\b",
    re.IGNORECASE)


def _rest_of_service(relevant: list[Finding]) -> list[Finding]:
    """The `not-directed` findings said of most of the service only, when a part is directed to
    children (all of its `not-directed` findings are such, or none is set aside)."""
    barring = [f for f in relevant if f.value == "not-directed"]
    if barring and any(f.value == _AUDIENCE_VALUE for f in relevant) \
            and all(_REST_OF_SERVICE.search(f.sentence) for f in barring):
        return barring
    return []


def scope(practice: Practice, findings: list[Finding]) -> tuple[list[Finding], str]:
    """The findings that take part in the decision, and a note on why others do not."""
    relevant = [f for f in findings if f.practice == practice.id and f.value is not None]
    note = ""
    if practice.decide == "youngest-age":
        service_wide = [f for f in relevant if not _one_feature(f)]
        if service_wide and len(service_wide) < len(relevant):
            note = f" ({len(relevant) - len(service_wide)} statement(s) about one feature set aside)"
            relevant = service_wide
        rest = _rest_of_service(relevant)
        if rest:
            note += f" ({len(rest)} statement(s) about the rest of the service set aside)"
            relevant = [f for f in relevant if f not in rest]
        parts = _consented_parts(relevant)
        if parts:
            note += f" ({len(parts)} statement(s) about children's accounts a parent opens set aside)"
            relevant = [f for f in relevant if f not in parts]
        ages = [a for a in (_age(f) for f in relevant) if a is not None]
        if ages:
            youngest = min(ages)
            # a group named by reference to the stated one is the group below its age: "The club
            # is for ages 13 to 17 ... closed to anyone younger" (under 13, younger than the band),
            # "You must be 18 ... Individuals under this age need a parent" (under 18, the same)
            younger = [f for f in relevant if _age(f) is None and _YOUNGER.search(f.sentence)]
            if younger:
                youngest = float(int(youngest))
            group = [f for f in relevant if _age(f) == youngest or f in younger
                     or (_age(f) is None and f.value == _AUDIENCE_VALUE)]
            paths = _parental_paths_below_an_age(group)
            if paths:
                note += f" ({len(paths)} age requirement(s) with a parent's path below them set aside)"
                group = [f for f in group if f not in paths]
            return group, f" (statements about the youngest group stated, under {int(youngest)})" + note
    return relevant, note


def verdict_attributes(practice: Practice, supporting: list[Finding]) -> Attributes:
    out: list[tuple[str, AttrValue]] = []
    for name in sorted(practice.attributes):
        decl = practice.attributes[name]
        if decl.many:
            union: set[str] = set()
            for f in supporting:
                for key, value in f.attributes:
                    if key == name:
                        union.update(value if isinstance(value, tuple) else (value,))
            if union:
                out.append((name, tuple(sorted(union))))
        else:
            first = next((v for f in supporting for k, v in f.attributes if k == name), None)
            if first is not None:
                out.append((name, first if isinstance(first, str) else first[0]))
    return tuple(out)


def decide(practice: Practice, findings: list[Finding]) -> PracticeVerdict:
    relevant, scope_note = scope(practice, findings)
    if not relevant:
        return PracticeVerdict(practice.id, NOT_MENTIONED, (),
                               "no sentence speaks to this practice")
    supported = {f.value for f in relevant if f.value is not None}
    order = practice.order()
    value = next(v for v in order if v in supported)
    supporting = [f for f in relevant if f.value == value]
    # an explicit denial, or a closed list ("we share personal information only as follows:")
    # (a section's heading is no denial: the vague admissions under it stand)
    denials = [f for f in relevant if f.value == "no"
               and (f.polarity == "negated" or (f.slots is not None and f.slots.only
                                                and f.slots.scope != "section"))]
    # (a denial whose exception is the user's consent: an opt-in programme described elsewhere
    # is that exception, LABELS.md's "a denial with a consent exception: no")
    # ("We only share your data with your consent or as the law requires": a closed list whose
    # case is consent is that denial too; not "we only send advertising e-mails with your
    # consent", which limits our marketing, not whom data goes to)
    consent_excepted = any(f.slots is not None and (
        "consent" in f.slots.exceptions
        or (f.slots.only and "consent" in f.slots.conditions and not OWN_PURPOSES & set(f.slots.purposes)))
        for f in denials)
    # (a heading on sharing over a list of recipients: a vague admission in its own section is
    # the list's lead-in, "Data Sharing with Third Parties" + "We may share your personal data
    # with third parties ..." + a table of processors and authorities)
    headings = {f.section for f in relevant if f.value == "no" and f.slots is not None
                and f.slots.scope == "section"}
    if practice.decide == "specific-over-vague" and value == "yes" and headings and not denials \
            and all(_vague(f) and f.section in headings for f in supporting):
        denials = [f for f in relevant if f.value == "no" and f.section in headings]
    if practice.decide == "specific-over-vague" and value == "yes" and denials \
            and all(_vague(f) or (consent_excepted and _opted_in(f)) for f in supporting):
        vague = supporting
        supporting = [f for f in relevant if f.value == "no"]
        opted_in = sum(not _vague(f) for f in vague)
        reason = (f"{len(supporting)} finding(s) support 'no'; {len(vague) - opted_in} vague admission(s) "
                  "(to unspecified third parties, for no stated purpose)"
                  + (f" and {opted_in} made only with the consent the denial excepts" if opted_in else "")
                  + " yield to the denial")
        attributes = verdict_attributes(practice, supporting)
        return PracticeVerdict(practice.id, "no", tuple(supporting)[:MAX_EVIDENCE],
                               reason + scope_note, attributes, tuple(vague)[:MAX_EVIDENCE])
    evidence = tuple(supporting)[:MAX_EVIDENCE]
    others = sorted(supported - {value}, key=order.index)
    reason = f"{len(supporting)} finding(s) support {value!r}"
    conflicts: tuple[Finding, ...] = ()
    if others:
        reason += f"; {value!r} outranks {', '.join(repr(o) for o in others)}"
        if {value, *others} >= {"yes", "no"}:  # the policy both admits and denies
            conflicts = tuple(f for f in relevant if f.value == "no")[:MAX_EVIDENCE]
            reason += f" (conflict: {len(conflicts)} statement(s) say 'no')"
    reason += scope_note
    attributes = verdict_attributes(practice, supporting)
    if practice.decide == "youngest-age":  # the age the decision kept, in digits
        ages = [a for a in (_age(f) for f in supporting) if a is not None]
        attributes = tuple((k, v) for k, v in attributes if k != "age")
        if ages:
            attributes = tuple(sorted(attributes + (("age", str(int(min(ages)))),)))
    return PracticeVerdict(practice.id, value, evidence, reason, attributes, conflicts)


def decide_all(findings: list[Finding], practices: dict[str, Practice]) -> dict[str, PracticeVerdict]:
    return {pid: decide(practices[pid], findings) for pid in sorted(practices)}


def decision_rule(practice: Practice) -> str:
    """The practice's decision rule in words, for `explain`."""
    order = " > ".join(v for v in practice.order() if v != NOT_MENTIONED)
    text = f"the first of {order} that a finding supports wins; no finding: {NOT_MENTIONED}"
    if practice.decide == "youngest-age":
        text = ("only findings about the youngest age group stated count (all count when no age "
                "is stated; a limit on one feature yields to statements about the whole service, "
                "a bar on most of the service to a part made for children); "
                "then " + text)
    return text
