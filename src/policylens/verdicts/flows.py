"""What a statement about giving data to others means for each practice (LABELS.md).

Each function takes a statement's polarity and slots and returns None when the statement is not
about the practice at all, or a `Decision`: the value it supports (None: it counts for neither
value) and the role it plays, in words `explain` shows. The policy-level value is then the
practice's precedence over these values (verdicts/precedence.py), with conflicts reported.

The allowed exceptions of LABELS.md are recipient classes: service providers (and anyone acting
for the company), affiliates, authorities, professional advisers, a buyer in a merger, the public
the user posts to. The others (unspecified third parties, named kinds of organisation,
advertisers, marketing or business partners, data brokers) are "open" recipients.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from policylens.models import Slots

# the purpose a statement gets when it concedes a sale only as a law defines the word ("we do not
# sell your data in the conventional sense"): data-sale's, no disclosure of its own
LAW_DEFINED = "law-defined"

ALLOWED_RECIPIENTS = frozenset({"service-provider", "affiliate", "authority", "adviser", "successor",
                                "public"})
# "organisation": a kind of organisation the lexicon has no class for ("exhibitors", "music labels")
OPEN_RECIPIENTS = frozenset({"third-party", "organisation", "advertiser", "marketing-partner",
                             "data-broker"})
PROGRAMME_RECIPIENTS = frozenset({"advertiser", "marketing-partner", "data-broker"})
# the cases a closed list may hold alone (LABELS.md: the allowed exceptions)
ALLOWED_CONDITIONS = frozenset({"legal", "consent", "direction", "business-transfer"})
# purposes that are the recipient's own, not the running of the service
OWN_PURPOSES = frozenset({"marketing", "advertising", "own-use", "controller"})
# the purposes that are a recipient's own ends: its own use, or its role as a controller of the data
OWN_ENDS = frozenset({"own-use", "controller"})


@dataclass(frozen=True)
class Decision:
    value: str | None
    role: str
    # the statement names one of LABELS.md's allowed exceptions (a provider, the law, consent, a
    # business transfer): what a section on sharing holds when it is a closed list
    allowed: bool = False
    # a section's or a list's lead ("Information we share", "We will also disclose your data to
    # third parties:"), held until a paragraph or item under it names an allowed exception
    held: bool = False


def _marketing_exception(slots: Slots) -> bool:
    """Whether a denial excepts marketers ("we do not sell it, except to our marketing partners");
    not when the exception is the user's consent to them or request ("except where you have
    opted in to partner offers", "unless you ask us to, by joining the partner scheme"): a denial
    with a consent exception is `no` (LABELS.md)."""
    return bool(set(slots.exceptions) & PROGRAMME_RECIPIENTS) \
        and (not {"consent", "direction"} & set(slots.exceptions) or "opt-out" in slots.exceptions)


def _not_the_companys(slots: Slots) -> str | None:
    """Why a statement asserts no practice of the company, if it does not."""
    if slots.scope == "embedded":
        return "embedded in a statement about knowing or asking"
    if slots.scope == "rights":
        return "a user's right or a link label, not a practice"
    if slots.scope == "restriction":
        return "a rule for other parties"
    if slots.scope == "hypothesis":
        return "the act is the hypothesis of an if-clause, not a practice"
    if slots.scope == "minors":
        return "minors' data only: a children's rule, not the general practice"
    if slots.scope == "description":
        return "names the data a clause describes, asserts no practice"
    if slots.scope == "lead-in" and not slots.only:
        return "a list's lead-in: its items say to whom"
    if slots.actor != "company":
        return f"the actor is the {slots.actor}, not the company"
    return None


def _business_transfer(slots: Slots) -> bool:
    return "business-transfer" in slots.conditions or "successor" in slots.recipients


def _sold_to_marketers(slots: Slots) -> bool:
    """Whether the only buyers named are marketers ("is a business asset and may be sold to data
    brokers"): they buy no business, whatever word of one the clause holds."""
    return bool(set(slots.recipients) & PROGRAMME_RECIPIENTS) and "successor" not in slots.recipients


def _about_business_transfer(polarity: str, slots: Slots) -> bool:
    """Whether a business transfer is what the statement is about (merger-transfer's), not one
    exception of a denial ("Beyond three cases (our processors, the police, a buyer) your details
    are never handed over") or one item of a closed list that names others ("only: to our
    processors; when the law requires; or to a successor")."""
    if not _business_transfer(slots):
        return False
    if polarity == "negated" and ("business-transfer" in slots.exceptions
                                  or "regardless" in slots.conditions):
        # (nor a denial that holds in a deal too: "never transferred to another organisation,
        # even if the club merges" denies sharing, and the transfer in a merger)
        return False
    if _sold_to_marketers(slots):
        return False
    others = set(slots.recipients) - {"successor"}
    return not (slots.only and others <= ALLOWED_RECIPIENTS | {"user"}
                and (others or set(slots.conditions) - {"business-transfer", "hypothetical"}))


def _passed_over(polarity: str, slots: Slots) -> Decision | None:
    """What keeps a statement from deciding data-sale or third-party-sharing: another party's act
    or a right, a business transfer, aggregate data, a transfer abroad; for a denial, one
    confined to sensitive data or one purpose ("we do not disclose it for inferring
    characteristics about you")."""
    why = _not_the_companys(slots)
    if why:
        return Decision(None, why)
    if _about_business_transfer(polarity, slots):
        return Decision(None, "a business transfer: merger-transfer's", allowed=True)
    if slots.data == "aggregate":
        return Decision(None, "aggregate or de-identified data")
    if slots.data == "public":
        return Decision(None, "information the user made public")
    if "abroad" in slots.recipients or (polarity != "negated" and "abroad" in slots.exceptions):
        # (also "we may transfer your data to our affiliates, providers and partners, which are
        # located in countries other than yours": to whom is said where the policy lists them)
        return Decision(None, "a transfer abroad: where data goes, not to whom")
    if polarity == "negated" and (slots.data == "sensitive" or "profiling" in slots.purposes) \
            and not (slots.data == "sensitive" and slots.exceptions
                     and set(slots.recipients) <= {"third-party"}):
        # (but a denial to anyone at all with its exceptions listed is the whole of it: "We do not
        # share your health information with anyone outside the practice, except:" + the cases)
        return Decision(None, "a denial confined to sensitive data or one purpose")
    return None


def data_sale(polarity: str, slots: Slots) -> Decision | None:
    """Selling, renting, trading or licensing personal information (LABELS.md: data-sale)."""
    if slots.action != "sale":
        return None
    passed = _passed_over(polarity, slots)
    if passed:
        return passed
    if slots.data == "unspecified" and (polarity != "negated" or not slots.recipients):
        return Decision(None, "no personal data named")
    if slots.recipients and set(slots.recipients) <= {"user"} and polarity != "negated":
        return Decision(None, "given to the user")
    if polarity == "negated":
        if _marketing_exception(slots):
            return Decision("yes", "a denial whose exception is a sale to marketing partners")
        return Decision("no", "the company denies selling personal information")
    if "legal" in slots.purposes and "payment" not in slots.purposes:
        # (licensed to credit reference agencies "for a fee" is still a sale)
        return Decision(None, "a legal obligation, credit check or fraud prevention")
    if slots.only and not set(slots.recipients) & OPEN_RECIPIENTS \
            and set(slots.conditions) <= {"consent", "direction", "legal"}:
        return Decision("no", "sold only with consent or as the law requires")
    return Decision("yes", "the company sells or may sell personal information")


def third_party_sharing(polarity: str, slots: Slots) -> Decision | None:
    """Sharing personal information with third parties beyond running the service (LABELS.md)."""
    if slots.action == "sale" and polarity != "negated":
        # selling data gives it to others for their own ends; a denial of selling says nothing
        # of sharing (LABELS.md); a sale in the CPRA's words ("Sold or shared? Yes") may be ads'
        # cookies alone, no disclosure of the company's (LABELS.md, modern wording)
        # (nor a sale the law finds in partners' cookies or SDKs: "the use of advertising
        # cookies may be considered a sale", no disclosure of the company's)
        if "cross-context" in slots.purposes or "their-tools" in slots.purposes \
                or LAW_DEFINED in slots.purposes:
            # (nor a sale conceded in the law's sense only: "we do not sell it in the conventional
            # sense")
            return None
        sold = data_sale(polarity, slots)
        if sold is None or sold.value != "yes":
            return None
        return Decision("yes", "a sale of personal information gives it to third parties")
    if slots.action != "share":
        return None
    if slots.scope == "description" and slots.actor == "company" and polarity in ("affirmed", "hedged") \
            and set(slots.recipients) & PROGRAMME_RECIPIENTS and slots.data != "aggregate":
        # "We add your email address to the list we share with our partner venues": the data a
        # clause describes as given to marketers is given to them
        return Decision("yes", "data described as given to marketers: the giving is presupposed")
    if slots.scope == "lead-in" and not slots.only and polarity != "negated" \
            and slots.actor == "company" and set(slots.recipients) <= {"third-party"} \
            and not slots.purposes and not slots.conditions and slots.data != "aggregate":
        # "We will also disclose your information to third parties:" + the cases: a closed list
        # once an item names an allowed exception (LABELS.md), as a section on sharing is (not
        # "... for the following legal purposes:", a list of one kind of case among others)
        return Decision("no", "a list of disclosures: its items say to whom", held=True)
    passed = _passed_over(polarity, slots)
    if passed:
        return passed
    if "cross-context" in slots.purposes and polarity != "negated" \
            and OWN_ENDS.isdisjoint(slots.purposes):
        # CPRA "sharing" for cross-context behavioral advertising ("Sold or shared? Yes" beside
        # advertising partners) may be partners' cookies alone: third-party-ads, no disclosure of
        # the company's (LABELS.md, modern wording)
        return Decision(None, "CPRA “sharing” for cross-context advertising: third-party-ads")
    recipients = set(slots.recipients)
    if "own-use" in slots.purposes and recipients & {"service-provider", "adviser"}:
        # "prize providers, for their own marketing", "the insurers on our panel, who may contact
        # you about their products": a provider given data for its own ends does not act for us
        recipients = (recipients - {"service-provider", "adviser"}) | {"third-party"}
    elif "controller" in slots.purposes and "service-provider" in recipients:
        # "vendors who act as independent controllers" decide their own ends; professional
        # advisers who do are still the allowed exception they are
        recipients = (recipients - {"service-provider"}) | {"third-party"}
    if "our-users" in slots.purposes and not OWN_PURPOSES & set(slots.purposes):
        # "with our Financial Aid partner for the purpose of offering services to our students":
        # a partner or organisation given data to serve our own users works for us
        recipients = {"service-provider" if r in {"marketing-partner", "organisation", "third-party"}
                      else r for r in recipients}
    elif "service" in slots.purposes and not OWN_PURPOSES & set(slots.purposes):
        # "We share your information with business partners in order to provide the Services":
        # partners given data only to run the service act for it (LABELS.md counts partners that
        # get it for their own ends)
        recipients = {"service-provider" if r in {"marketing-partner", "organisation"} else r
                      for r in recipients}
    if not recipients and not OWN_ENDS.isdisjoint(slots.purposes) and polarity != "negated":
        # "made available to record labels for their marketing", "when you book, we share your
        # name with the restaurant, which may send you its own offers": whoever has ends of their
        # own is a third party, named or not (an end denied after the verb is none: "Whenever we
        # share it, we make sure they do not use it for their own marketing")
        recipients = {"third-party"}
    open_ones = recipients & OPEN_RECIPIENTS
    if polarity == "negated" and "cross-context" in slots.purposes:
        return Decision(None, "denies CPRA “sharing” (cross-context advertising): third-party-ads")
    if polarity == "negated":
        if _marketing_exception(slots) or {"opt-out", "advertising"} & set(slots.exceptions):
            return Decision("yes", "a denial whose exception is sharing with marketing partners")
        if "opt-out" in slots.conditions and (open_ones & PROGRAMME_RECIPIENTS
                                              or open_ones and OWN_PURPOSES & set(slots.purposes)):
            # "We do not disclose it to third parties for their direct marketing if you have
            # exercised an option that prevents it": shared for their ends until the user opts out
            return Decision("yes", "a denial that holds only once the user opts out")
        if recipients and not open_ones:
            return Decision(None, "denies sharing with allowed recipients only", allowed=True)
        return Decision("no", "the company denies sharing personal information with third parties")
    if "their-tools" in slots.purposes and open_ones <= PROGRAMME_RECIPIENTS | {"third-party"}:
        # partners that collect through their own cookies or SDKs on our pages (LABELS.md,
        # modern wording): third-party-ads, not the company's disclosure
        return Decision(None, "partners collect through their own cookies or SDKs: third-party-ads")
    # a programme: data given to marketers, or to anyone for their own ends (opt-in or not)
    # (or to anyone given it to market to the user: "with your consent, we share your e-mail
    # address with sellers for sending you marketing")
    programme = bool(open_ones & PROGRAMME_RECIPIENTS) \
        or bool(open_ones and OWN_PURPOSES & set(slots.purposes))
    if slots.scope == "lead-in":
        # "We share your data with other companies only in these cases:" names the list's topic;
        # its items say to whom, each deciding for itself
        return Decision("no", "a closed list: its items say to whom")
    if slots.scope == "section":
        # a heading "Information we share" over paragraphs that name only the allowed exceptions
        # (LABELS.md: a closed list); one paragraph naming partners makes `yes`
        return Decision("no", "a section on sharing: its paragraphs say to whom", held=True)
    if not open_ones:
        if recipients and recipients <= {"user", "public"}:
            if slots.only and ALLOWED_CONDITIONS & set(slots.conditions):
                # "only in three cases: if you ask us to (to your employer), if a court demands
                # them, or if our business is sold": a closed list of the allowed exceptions
                return Decision("no", "shared only with allowed recipients or under allowed conditions")
            # "Other members can access your profile": seen by users, given to no third party
            return Decision(None, "seen by other users or the public only")
        if slots.only:
            # "We share customer information only as described below": a closed list, whose
            # items decide for themselves
            return Decision("no", "shared only with allowed recipients or under allowed conditions")
        if recipients:
            return Decision(None, "allowed recipients only: " + ", ".join(sorted(recipients)), allowed=True)
        if {"legal", "consent", "direction"} & set(slots.conditions) or "legal" in slots.purposes:
            # "We may disclose information if required to do so by law"
            return Decision(None, "no third party named, an allowed exception (the law, consent)",
                            allowed=True)
        return Decision(None, "no third party named")
    if slots.only and open_ones <= {"third-party", "organisation"} and not set(slots.purposes) & OWN_PURPOSES:
        return Decision("no", "shared with third parties only in the cases it names (a closed list)")
    # (not when the clause names the recipient's own ends: "we provide your data to third
    # parties for targeted advertising, in ways that may constitute sales under applicable laws")
    # (one purpose among others of a list: "with: (i) operators ...; (ii) authorities, when
    # legally required; and (iii) commercial partners, who may offer you their own products")
    own_ends_too = bool(open_ones & PROGRAMME_RECIPIENTS) and not OWN_ENDS.isdisjoint(slots.purposes)
    if ("legal" in slots.purposes and not own_ends_too) or ("legal" in slots.conditions
                                     and not open_ones - {"third-party", "organisation"}
                                     and not set(slots.purposes) & OWN_PURPOSES):
        return Decision(None, "a legal obligation or safety: an allowed exception", allowed=True)
    if "direction" in slots.conditions and "opt-out" not in slots.conditions \
            and not set(slots.purposes) & OWN_PURPOSES:
        # "partners with whom you have authorized data sharing", "at your request": the user's
        # own instruction, even to partners (LABELS.md)
        return Decision(None, "at the user's direction: an allowed exception", allowed=True)
    if "consent" in slots.conditions and "opt-out" not in slots.conditions and not programme:
        return Decision(None, "at the user's direction or with consent: an allowed exception",
                        allowed=True)
    return Decision("yes", "personal information is or may be given to "
                    + ", ".join(sorted(open_ones)))


def merger_transfer(polarity: str, slots: Slots) -> Decision | None:
    """Personal information passed on in a merger, acquisition or bankruptcy (LABELS.md)."""
    excepted = polarity == "negated" and bool({"business-transfer", "successor"} & set(slots.exceptions))
    if (not _business_transfer(slots) or _sold_to_marketers(slots)) and not excepted:
        return None
    if slots.scope in ("embedded", "rights") or slots.actor != "company":
        return Decision(None, "not the company's practice")  # not "buyers and sellers exchange"
    if slots.data == "aggregate":
        return Decision(None, "aggregate or de-identified data")
    if slots.data == "unspecified" and not slots.recipients:
        return Decision(None, "neither data nor a recipient named (a heading?)")
    if slots.data == "unspecified" and slots.action == "sale" and polarity == "conditional" \
            and "successor" not in slots.recipients:
        # "if Hoppity Toys were ever sold to or merged with another company, ...": the deal
        # itself, the condition of what the main clause says of the data
        return Decision(None, "the deal itself, in a condition: it names no data")
    if slots.data == "unspecified" and polarity == "negated" and "successor" not in slots.recipients \
            and not excepted:
        # "We do not lend to anyone who has been declared bankrupt": a denial of an act on no
        # data, whose deal word is someone else's
        return Decision(None, "a denial naming neither data nor a buyer")
    if excepted:
        # "we do not share your data with anyone, except a buyer of our business"
        return Decision("yes", "a denial whose exception is a business transfer")
    if polarity == "negated":
        return Decision("no", "the company says data will not pass on in a business transfer")
    return Decision("yes", "data may pass to a buyer or successor in a business transfer")


def third_party_ads(polarity: str, slots: Slots) -> Decision | None:
    """Users' data given by the company to advertisers, or to others for advertising (LABELS.md:
    "users' data used for targeted advertising by or with third parties"). Admissions only: a
    denial of sharing with advertisers says nothing of the ads a site shows."""
    if slots.action not in ("share", "sale") or _passed_over(polarity, slots):
        return None
    recipients = set(slots.recipients)
    if polarity == "negated":
        # "We do not sell or share personal data for cross-context behavioral advertising": the
        # advertising named and denied (not "we never give your details to advertisers", which
        # says nothing of the ads a site shows; nor "we do not 'sell' or 'share' personal
        # information" in the CCPA's words alone; nor a denial of others' own ends, "to third
        # parties for their use in marketing or advertising")
        if set(slots.purposes) <= {"cross-context", "advertising"} and "advertising" in slots.purposes \
                and recipients <= {"third-party"} and not slots.exceptions \
                and slots.data == "personal":
            return Decision("no", "denies giving personal data for targeted or cross-context advertising")
        return None
    if "advertiser" in recipients or "cross-context" in slots.purposes or (
            "advertising" in slots.purposes and recipients & OPEN_RECIPIENTS):
        return Decision("yes", "personal data given to advertisers or for their advertising")
    return None


DECISIONS: dict[str, Callable[[str, Slots], Decision | None]] = {
    "third-party-ads": third_party_ads,
    "data-sale": data_sale,
    "third-party-sharing": third_party_sharing,
    "merger-transfer": merger_transfer,
}
