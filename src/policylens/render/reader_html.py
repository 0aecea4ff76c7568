"""The reader view: one policy as a standalone page, every statement highlighted where it stands.

A summary card (the six core practices, the others on demand) links each value to the statement
that decided it; the policy's full text follows with its own headings, each statement a focusable
`<mark data-statement="N">` (N: its index in the JSON report's `statements`), its trigger and
polarity cue marked; focus or hover shows its slots and its role in the verdict. Colour is never
the only signal (the risk order's symbols stand beside it); nothing is fetched from the network;
the same report gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path
from typing import TextIO

from policylens import __version__
from policylens.errors import UsageError
from policylens.models import Finding, PracticeVerdict, Report
from policylens.practices import Practice, load_practices
from policylens.render import style
from policylens.render.html_out import page_head
from policylens.render.reader_layout import Span, events, spans

ROLES = {
    "decides": "decides the verdict (the first statement for the value the practice took)",
    "supports": "supports the verdict (the same value)",
    "conflict": "conflicts with the verdict: the policy says both",
    "outranked": "outranked: it supports a value the decision rule ranks lower",
    "no-value": "counts for no value (its polarity maps to none)",
    "not-shown": "its practice is not in this report",
}
ROLE_SYMBOLS = {"decides": "★", "supports": "+", "conflict": "⚡", "outranked": "↓",
                "no-value": "·", "not-shown": "·"}
SLOT_NAMES = ("actor", "action", "data", "recipients", "purposes", "conditions", "exceptions",
              "scope", "only")

_CSS = """
:root{color-scheme:light dark;--bg:#fff;--ink:#1d1d1f;--muted:#57575c;--line:#c9c9cf;
--card:#f7f7f9;--safe:#cdeccf;--caution:#ffe7a0;--risk:#f6bcbc;--silent:#ececef;--neutral:#d6e4ff;
--unassessed:#ececef;--focus:#1a4fd6;--conflict:#a3177a}
@media (prefers-color-scheme:dark){:root{--bg:#141416;--ink:#ececf0;--muted:#b4b4bc;--line:#4a4a52;
--card:#1f1f23;--safe:#1f4d2a;--caution:#5a4600;--risk:#6b2020;--silent:#2c2c31;--neutral:#233a66;
--unassessed:#2c2c31;--focus:#8fb3ff;--conflict:#f08ad6}}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:var(--bg);margin:0 auto;padding:1.5rem 1.25rem 4rem;max-width:52rem}
h1{font-size:1.5rem;margin:0 0 .3rem}
.meta{color:var(--muted);margin:0 0 1rem;font-size:.92rem}.meta a{color:inherit}
.warn{border:2px solid var(--conflict);padding:.5rem .8rem;border-radius:6px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;
margin:0 0 1.5rem}
.card h2{font-size:1.05rem;margin:0 0 .5rem}
.card table{border-collapse:collapse;width:100%}
.card th,.card td{text-align:left;padding:.3rem .4rem;border-top:1px solid var(--line);
vertical-align:top}
.card th{font-weight:600}
.card summary{cursor:pointer;margin-top:.6rem}
.value{display:inline-block;padding:0 .45rem;border-radius:3px;white-space:nowrap;font-weight:600}
.t-safe{background:var(--safe)}.t-caution{background:var(--caution)}.t-risk{background:var(--risk)}
.t-silent{background:var(--silent)}.t-neutral{background:var(--neutral)}
.t-unassessed{background:var(--unassessed)}
.conflict-note{color:var(--conflict);font-weight:600}
a{color:var(--focus)}.card a .value{color:var(--ink)}
.legend{font-size:.88rem;color:var(--muted)}
.policy{white-space:pre-wrap;overflow-wrap:anywhere;border-top:1px solid var(--line);padding-top:1rem}
.policy h2,.policy h3,.policy h4,.policy h5,.policy h6{display:block;margin:1rem 0 .2rem;
line-height:1.3}
.policy h2{font-size:1.35rem}.policy h3{font-size:1.18rem}.policy h4,.policy h5,.policy h6{font-size:1.05rem}
.mu{display:none}
mark{color:inherit;border-radius:2px;padding:0 .05rem;cursor:help;border-bottom:2px solid var(--ink)}
mark::before{content:attr(data-symbol);font-size:.8em;font-weight:700;margin-right:.15em}
mark.decides{border-bottom-width:3px}
mark.outranked,mark.no-value,mark.not-shown{border-bottom-style:dotted}
mark.conflict{border-bottom:3px double var(--conflict);outline:1px dashed var(--conflict)}
mark:focus{outline:3px solid var(--focus);outline-offset:1px}
.trigger{font-weight:700}
.cue{text-decoration:underline wavy;text-underline-offset:3px;font-style:italic}
#detail{position:fixed;right:1rem;bottom:1rem;max-width:min(30rem,92vw);background:var(--card);
border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;box-shadow:0 6px 24px rgba(0,0,0,.25);
font-size:.9rem}
#detail[hidden]{display:none}
.statements{font-size:.9rem;border-top:1px solid var(--line);margin-top:2rem}
.statements li{margin:.4rem 0}
dl.slots{display:grid;grid-template-columns:auto 1fr;gap:0 .6rem;margin:.2rem 0}
dl.slots dt{color:var(--muted)}dl.slots dd{margin:0}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media print{#detail{display:none}mark::before{content:attr(data-symbol)}
.card details>*{display:block}body{max-width:none}a{color:inherit}}
"""

_JS = """
(function () {
  var panel = document.getElementById('detail');
  function show(mark) {
    var item = document.getElementById('d' + mark.getAttribute('data-statement'));
    if (!item) { return; }
    panel.innerHTML = item.innerHTML;
    panel.hidden = false;
  }
  document.querySelectorAll('mark[data-statement]').forEach(function (mark) {
    mark.addEventListener('focus', function () { show(mark); });
    mark.addEventListener('mouseenter', function () { show(mark); });
  });
  document.querySelectorAll('a[data-go]').forEach(function (link) {
    link.addEventListener('click', function (e) {
      var target = document.getElementById(link.getAttribute('data-go'));
      if (!target) { return; }
      e.preventDefault();
      target.scrollIntoView({block: 'center'});
      target.focus({preventScroll: true});
      history.replaceState(null, '', '#' + target.id);
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { panel.hidden = true; }
  });
  document.documentElement.setAttribute('data-ready', '1');
})();
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _key(f: Finding) -> tuple:
    return (f.rule_id, f.practice, f.start, f.end, f.trigger_span, f.value, f.polarity)


def statement_index(report: Report) -> dict[tuple, int]:
    """A finding (from a verdict's evidence or conflicts) -> its index in `Report.findings`."""
    index: dict[tuple, int] = {}
    for i, f in enumerate(report.findings):
        index.setdefault(_key(f), i)
    return index


def role(finding: Finding, verdict: PracticeVerdict | None, index: dict[tuple, int], at: int) -> str:
    """The part a statement played in its practice's verdict (one of ROLES)."""
    if verdict is None:
        return "not-shown"
    if finding.value is None:
        return "no-value"
    if finding.value == verdict.value:
        first = verdict.evidence[0] if verdict.evidence else None
        return "decides" if first is not None and index.get(_key(first)) == at else "supports"
    if verdict.conflicts and finding.value == verdict.conflicts[0].value:
        return "conflict"
    return "outranked"


def view_name(path: str) -> str:
    """The file name of a policy's reader view in a compare folder: readable, and distinct for
    two policies of the same name in different folders."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(path).stem).strip("-.") or "policy"
    return f"{stem[:60]}-{hashlib.sha256(path.encode()).hexdigest()[:8]}.html"


def _value_chip(practice: Practice | None, value: str) -> str:
    if practice is None:
        return f'<span class="value t-neutral">{_e(value)}</span>'
    tone = style.tone(practice, value)
    return f'<span class="value t-{tone}">{_e(style.label(practice, value))}</span>'


def _statement_detail(f: Finding, role_name: str, practice: Practice | None) -> str:
    """What focus shows of one statement (and the printed list): practice, value, role, slots."""
    title = practice.title if practice else f.practice
    value = _value_chip(practice, f.value) if f.value is not None else "no value"
    parts = [f"<strong>{_e(title)}</strong> {value}",
             f'<div>{_e(ROLE_SYMBOLS[role_name])} {_e(ROLES[role_name])}</div>',
             f"<div>{_e(f.polarity)}" + (f", cue “{_e(f.cue)}”" if f.cue else "")
             + f" · trigger “{_e(f.trigger)}” · rule {_e(f.rule_id)} · line {f.line}</div>"]
    if f.slots is not None:
        slots = f.slots.to_dict()
        rows = "".join(f"<dt>{_e(name)}</dt><dd>{_e(_slot_text(slots[name]))}</dd>"
                       for name in SLOT_NAMES if slots[name] not in ((), [], False, None))
        parts.append(f'<dl class="slots">{rows}</dl>')
    if f.decision:
        parts.append(f"<div>{_e(f.decision)}</div>")
    return "".join(parts)


def _slot_text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "yes" if value is True else str(value)


def _title(f: Finding, role_name: str, practice: Practice | None) -> str:
    """The plain-text tooltip (hover without script)."""
    bits = [f"{practice.title if practice else f.practice}: {f.value or 'no value'}",
            ROLES[role_name], f.polarity + (f" ({f.cue})" if f.cue else "")]
    if f.slots is not None:
        slots = f.slots.to_dict()
        bits.append("; ".join(f"{name}: {_slot_text(slots[name])}" for name in SLOT_NAMES
                              if slots[name] not in ((), [], False, None)))
    return " — ".join(bits)


class _View:
    """The facts the page is built from, worked out once per report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        catalogue = load_practices()
        self.practices = {pid: p for pid, p in catalogue.items() if pid in report.practices}
        self.index = statement_index(report)
        self.roles = [role(f, report.practices.get(f.practice), self.index, i)
                      for i, f in enumerate(report.findings)]

    def statement_id(self, f: Finding) -> str | None:
        at = self.index.get(_key(f))
        return None if at is None else f"s{at}"

    def tone(self, f: Finding) -> str:
        practice = self.practices.get(f.practice)
        if practice is None or f.value is None:
            return "silent"
        return style.tone(practice, f.value)


def _card_row(view: _View, practice: Practice, verdict: PracticeVerdict) -> str:
    first = view.statement_id(verdict.evidence[0]) if verdict.evidence else None
    value = _value_chip(practice, verdict.value)
    if first:
        value = (f'<a href="#{first}" data-go="{first}" data-practice="{_e(practice.id)}" '
                 f'title="go to the statement that decides it">{value}</a>')
    more = [f'<a href="#{sid}" data-go="{sid}">{n + 2}</a>'
            for n, sid in enumerate(view.statement_id(f) for f in verdict.evidence[1:]) if sid]
    note = f"<br><small>also {' '.join(more)}</small>" if more else ""
    if verdict.conflicts:
        links = " ".join(f'<a href="#{sid}" data-go="{sid}">⚡ {k + 1}</a>'
                         for k, sid in enumerate(view.statement_id(f) for f in verdict.conflicts)
                         if sid)
        note += (f'<br><span class="conflict-note">⚡ conflict: the policy also says '
                 f"“{_e(verdict.conflicts[0].value)}”</span> {links}")
    return (f'<tr id="p-{_e(practice.id)}"><th scope="row" title="{_e(practice.question)}">'
            f"{_e(practice.title)}</th>"
            f"<td>{value}{note}</td></tr>")


def _card(view: _View) -> str:
    verdicts = view.report.practices
    core = [p for p in view.practices.values() if p.core]
    rest = [p for p in view.practices.values() if not p.core]
    conflicts = [p.title for p in view.practices.values() if verdicts[p.id].conflicts]
    head = "<tr><th scope=\"col\">practice</th><th scope=\"col\">value</th></tr>"
    parts = ['<section class="card" aria-labelledby="card-title"><h2 id="card-title">Summary</h2>']
    if conflicts:
        parts.append(f'<p class="conflict-note">⚡ This policy both admits and denies: '
                     f"{_e(', '.join(conflicts))}.</p>")
    if core:
        parts.append(f"<table>{head}"
                     + "".join(_card_row(view, p, verdicts[p.id]) for p in core) + "</table>")
    if rest:
        said = sum(verdicts[p.id].value != "not-mentioned" for p in rest)
        parts.append(f"<details><summary>{len(rest)} more practices ({said} mentioned)</summary>"
                     f"<table>{head}"
                     + "".join(_card_row(view, p, verdicts[p.id]) for p in rest)
                     + "</table></details>")
    legend = " · ".join(f"{style.SYMBOLS[t]} {name}" for t, name in (
        ("safe", "safer than silence"), ("caution", "worse than silence"), ("risk", "worst value"),
        ("silent", "not mentioned"), ("neutral", "not ranked")))
    roles = " · ".join(f"{ROLE_SYMBOLS[r]} {r}" for r in ("decides", "supports", "conflict",
                                                           "outranked"))
    parts.append(f'<p class="legend">{_e(legend)}<br>In the text: {_e(roles)}; '
                 "<b>bold</b> the trigger, <i>wavy</i> the polarity cue. "
                 "Tab moves from statement to statement.</p></section>")
    return "".join(parts)


def _meta(report: Report) -> str:
    m = report.metadata
    bits = [f"<span>{_e(report.path)}</span>"]
    if m.site:
        bits.append(f"site <b>{_e(m.site)}</b>")
    if m.archived:
        archived = f"archived {_e(m.archived)}"
        if m.snapshot_url and m.snapshot_url.startswith(("https://", "http://")):
            archived += f' (<a href="{_e(m.snapshot_url)}" rel="noreferrer">snapshot</a>)'
        bits.append(archived)
    if m.policy_date:
        bits.append(f"policy dated {_e(m.policy_date)}")
    bits.append(f"language {_e(m.language or 'unknown')}")
    bits.append(f"read as {_e(m.source_format)}" + (" (mojibake repaired)" if m.repaired else ""))
    html = f'<p class="meta">{" · ".join(bits)}</p>'
    if m.degraded:
        html += f'<p class="meta warn">⚠ degraded capture: {_e(m.degraded)}</p>'
    for note in report.notes:
        html += f'<p class="meta">note: {_e(note)}</p>'
    return html


def _open(view: _View, span: Span) -> str:
    if span.kind == "heading":
        return f"<h{min(span.level + 1, 6)}>"
    if span.kind == "markup":
        return '<span class="mu" aria-hidden="true">'
    if span.kind == "trigger":
        return '<span class="trigger">'
    if span.kind == "cue":
        polarity = view.report.findings[span.statement].polarity
        return f'<span class="cue" title="polarity cue ({_e(polarity)})">'
    i = span.statement
    f = view.report.findings[i]
    role_name = view.roles[i]
    practice = view.practices.get(f.practice)
    shown_roles = ("decides", "supports", "conflict", "outranked")
    symbol = style.SYMBOLS[view.tone(f)] + (ROLE_SYMBOLS[role_name] if role_name in shown_roles else "")
    return (f'<mark id="s{i}" tabindex="0" data-statement="{i}" data-practice="{_e(f.practice)}" '
            f'data-symbol="{_e(symbol)}" class="t-{view.tone(f)} {role_name}" '
            f'aria-describedby="d{i}" title="{_e(_title(f, role_name, practice))}">')


def _close(span: Span) -> str:
    if span.kind == "heading":
        return f"</h{min(span.level + 1, 6)}>"
    return "</mark>" if span.kind == "statement" else "</span>"


def _text(view: _View) -> Iterator[str]:
    """The policy's text with its headings and every statement in place, piece by piece."""
    for event in events(view.report.text, spans(view.report)):
        if event.kind == "text":
            yield _e(event.text)
        elif event.span is not None:
            yield _open(view, event.span) if event.kind == "open" else _close(event.span)


def _statements(view: _View) -> Iterator[str]:
    """The list of every statement, in report order: what focus shows, and what prints."""
    yield (f'<section class="statements" aria-labelledby="st-title"><h2 id="st-title">'
           f"Statements ({len(view.report.findings)})</h2><ol start=\"0\">")
    for i, f in enumerate(view.report.findings):
        detail = _statement_detail(f, view.roles[i], view.practices.get(f.practice))
        yield f'<li id="d{i}">{detail} <a href="#s{i}" data-go="s{i}">in the text</a></li>'
    yield "</ol></section>"


def render_view(report: Report, out: TextIO) -> None:
    """One policy's reader view."""
    view = _View(report)
    name = report.metadata.site or Path(report.path).name
    lang = _e(report.metadata.language or "en")
    out.write(page_head(f"{name}: privacy policy, read by policylens", _CSS) + f"""<header>
<h1>{_e(report.metadata.title or name)}</h1>
{_meta(report)}
</header>
<main>
{_card(view)}
<div class="policy" lang="{lang}">""")
    for piece in _text(view):
        out.write(piece)
    out.write("</div>\n")
    for piece in _statements(view):
        out.write(piece)
    out.write(f"""
</main>
<aside id="detail" role="status" aria-live="polite" hidden></aside>
<footer>Made by policylens {_e(__version__)}. The highlights show what rules found in the text;
read the sentence before relying on a value.</footer>
<script>{_JS}</script>
</body>
</html>
""")


def render_reports(reports: Iterable[Report], failures: list, out: TextIO) -> None:
    """`analyze -f html`: the reader view of one policy (a page shows one; compare -o DIR/
    writes one per policy)."""
    it = iter(reports)
    report = next(it, None)
    if report is None:
        return
    if next(it, None) is not None:
        raise UsageError("the html format shows one policy; for many, "
                         "`policylens compare DIR --format html -o out/` writes one view each")
    render_view(report, out)
