"""A standalone HTML report: a heatmap of policies by practices; each cell opens its evidence.

One file a person can mail: the style and the few lines of script are inline, nothing is fetched
from the network, and the evidence opens without script (a CSS :target panel), so a viewer that
blocks scripts still shows everything. The script only adds a row filter and Escape to close.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape
from typing import TextIO

from policylens import __version__
from policylens.compare import Cell, Grid, GridSet, Row
from policylens.models import Finding
from policylens.practices import Practice
from policylens.render import style

_CSS = """
:root{--safe:#cdeccf;--caution:#ffe7a0;--risk:#f6bcbc;--silent:#f1f1f1;--neutral:#d6e4ff;
--ink:#1d1d1f;--muted:#6b6b70;--line:#d9d9de}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;
padding:1.5rem 2rem;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.sub{color:var(--muted);margin:0 0 1rem}
.legend span{display:inline-block;padding:.1rem .45rem;margin:0 .3rem .3rem 0;border-radius:3px}
#filter{font:inherit;padding:.35rem .6rem;width:20rem;max-width:100%;margin:.5rem 0 1rem;
border:1px solid var(--line);border-radius:4px}
.scroll{overflow-x:auto}
table.heatmap{border-collapse:collapse;font-size:13px}
.heatmap th,.heatmap td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:middle}
.heatmap thead th{position:sticky;top:0;background:#fafafa;z-index:1}
.heatmap thead th.practice{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;
white-space:nowrap;font-weight:600;padding:.5rem .3rem}
.heatmap tbody th{text-align:left;font-weight:600;white-space:nowrap}
.heatmap small{display:block;color:var(--muted);font-weight:400}
.heatmap td.v{text-align:center;white-space:nowrap;padding:0}
.heatmap td.v a{display:block;padding:.3rem .45rem;color:inherit;text-decoration:none}
.heatmap td.v a:hover,.heatmap td.v a:focus{outline:2px solid var(--ink);outline-offset:-2px}
.heatmap tfoot td,.heatmap tfoot th{background:#fafafa;font-size:12px;vertical-align:top;text-align:left}
.t-safe{background:var(--safe)}.t-caution{background:var(--caution)}.t-risk{background:var(--risk)}
.t-silent{background:var(--silent);color:var(--muted)}.t-neutral{background:var(--neutral)}
td.changed{box-shadow:inset 0 0 0 2px var(--ink);font-weight:700}
.evidence{display:none}
.evidence:target{display:block;position:fixed;top:6vh;left:50%;transform:translateX(-50%);
width:min(56rem,92vw);max-height:88vh;overflow:auto;background:#fff;border:1px solid var(--line);
border-radius:8px;box-shadow:0 0 0 100vmax rgba(0,0,0,.28),0 12px 48px rgba(0,0,0,.25);
padding:1.25rem 1.5rem;z-index:10}
.evidence .close{float:right;color:var(--muted);text-decoration:none;font-size:1.1rem}
.evidence h3{margin:.1rem 0 .5rem;font-size:1.05rem}
.evidence .value{padding:.1rem .45rem;border-radius:3px}
.evidence blockquote{margin:.6rem 0 .2rem;padding:.4rem .8rem;border-left:3px solid var(--line);
background:#fafafa}
.evidence .where,.evidence .question,.evidence .reason{color:var(--muted);margin:.2rem 0}
mark{background:#fff1a8;padding:0 .1rem}
.changes{margin:.5rem 0 0;padding-left:1.2rem}
footer{margin-top:2rem;color:var(--muted);font-size:12px}
@media print{.evidence{display:block;position:static;transform:none;box-shadow:none;width:auto;
max-height:none;border:0;border-top:1px solid var(--line);border-radius:0}#filter,.close{display:none}}
"""

_JS = """
(function () {
  var box = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.heatmap tbody tr'));
  box.addEventListener('input', function () {
    var q = box.value.trim().toLowerCase();
    rows.forEach(function (tr) {
      tr.hidden = q !== '' && tr.getAttribute('data-search').indexOf(q) < 0;
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && document.querySelector('.evidence:target')) { location.hash = 'closed'; }
  });
  document.documentElement.setAttribute('data-ready', '1');
})();
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def page_head(title: str, css: str) -> str:
    """The start of a standalone page up to `<body>`: charset, viewport, generator, title, style
    (shared by the heatmap and the reader view; `title` is escaped here)."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policylens {_e(__version__)}">
<title>{_e(title)}</title>
<style>{css}</style>
</head>
<body>
"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "x"


def _sentence(f: Finding) -> str:
    """The sentence with its trigger marked; everything escaped."""
    at = f.sentence.lower().find(f.trigger.lower()) if f.trigger else -1
    if at < 0:
        return _e(f.sentence)
    end = at + len(f.trigger)
    return f"{_e(f.sentence[:at])}<mark>{_e(f.sentence[at:end])}</mark>{_e(f.sentence[end:])}"


def _evidence(anchor: str, row: Row, practice: Practice, cell: Cell) -> str:
    tone = style.tone(practice, cell.value)
    parts = [f'<article class="evidence" id="{anchor}" role="dialog" '
             f'aria-label="{_e(practice.id)} evidence for {_e(row.name)}">',
             '<a class="close" href="#closed" aria-label="close">✕</a>',
             f"<h3>{_e(row.site or row.name)} · {_e(practice.title)}: "
             f'<span class="value t-{tone}">{_e(style.label(practice, cell.value))}</span></h3>',
             f'<p class="question">{_e(practice.question)}</p>',
             f'<p class="where">{_e(row.report.path)}'
             + (f" · {_e(row.date)} ({_e(row.date_source)})" if row.date else "") + "</p>"]
    if cell.changed:
        parts.append(f'<p class="reason"><strong>{_e(style.ARROWS[cell.direction])} changed from '
                     f"{_e(cell.previous)} ({_e(cell.direction)})</strong></p>")
    verdict = cell.verdict
    if verdict is not None and verdict.reason:
        parts.append(f'<p class="reason">{_e(verdict.reason)}</p>')
    for f in (verdict.evidence if verdict else ()):
        cue = f", cue “{_e(f.cue)}”" if f.cue else ""
        section = f" · § {_e(f.section)}" if f.section else ""
        parts.append(f"<blockquote>{_sentence(f)}</blockquote>"
                     f'<p class="where">line {f.line}{section} · rule {_e(f.rule_id)} · '
                     f"{_e(f.polarity)}{cue}</p>")
    parts.append("</article>")
    return "\n".join(parts)


def _anchor(g: int, r: int, practice: Practice) -> str:
    return f"e{g}-{r}-{_slug(practice.id)}"


def _table(g: int, grid: Grid, kind: str, view: Callable[[str], str] | None = None
           ) -> Iterator[str]:
    """The heatmap table of one grid, a row at a time; each cell links to its evidence panel, or
    with `view` (a policy's path -> its reader view's file name) to that practice in the view."""
    head = "".join(f'<th class="practice" scope="col" title="{_e(p.question)}">{_e(p.id)}</th>'
                   for p in grid.practices)
    if kind == "timeline":
        yield f"<h2>{_e(grid.title)}</h2>"
    yield (f'<div class="scroll"><table class="heatmap"><thead><tr><th scope="col">policy</th>'
           f'<th scope="col">date</th>{head}</tr></thead><tbody>')
    for r, row in enumerate(grid.rows):
        who = (_e(row.site) + f"<small>{_e(row.name)}</small>" if row.site and kind == "compare"
               else _e(row.name))
        who += "".join(f'<small class="warn">⚠ {_e(f)}</small>'
                       for f in style.reading_facts(row.report.metadata))
        page = view(row.report.path) if view else None
        if page:
            who = f'<a href="{_e(page)}">{who}</a>'
        when = _e(row.date or "—") + (f"<small>{_e(row.date_source)}</small>" if row.date_source else "")
        search = _e(f"{row.site} {row.report.path}".lower())
        cells = []
        for p in grid.practices:
            cell = row.cells[p.id]
            tone = style.tone(p, cell.value)
            shown = style.SYMBOLS[tone] if tone == "silent" else style.label(p, cell.value)
            if cell.changed:
                shown = f"{style.ARROWS[cell.direction]} {shown}"
            hint = f"{p.id}: {cell.value}" + (f" (was {cell.previous})" if cell.changed else "")
            classes = f"v t-{tone}" + (" changed" if cell.changed else "")
            href = f"{page}#p-{_slug(p.id)}" if page else f"#{_anchor(g, r, p)}"
            cells.append(f'<td class="{classes}"><a href="{_e(href)}" title="{_e(hint)}">'
                         f"{_e(shown)}</a></td>")
        yield (f'<tr data-search="{search}"><th scope="row">{who}</th><td>{when}</td>'
               + "".join(cells) + "</tr>")
    yield "</tbody>"
    if kind == "compare":
        summary = grid.summary()
        foot = "".join("<td>" + "<br>".join(f"{_e(style.label(p, v))}: {n}"
                                            for v, n in summary[p.id].items() if n) + "</td>"
                       for p in grid.practices)
        yield f'<tfoot><tr><th scope="row">summary</th><td>{len(grid.rows)}</td>{foot}</tr></tfoot>'
    yield "</table></div>"
    if kind == "timeline":
        items = [f"<li>{_e(row.date or row.name)}: {_e(p.id)} {_e(row.cells[p.id].previous)} → "
                 f"{_e(row.cells[p.id].value)} ({_e(row.cells[p.id].direction)})</li>"
                 for row in grid.rows for p in grid.practices if row.cells[p.id].changed]
        yield (f'<ul class="changes">{"".join(items)}</ul>' if items
               else '<p class="sub">No practice changed across these revisions.</p>')


def _panels(g: int, grid: Grid) -> Iterator[str]:
    """The evidence panels of one grid's cells, a second pass over its rows (after every table)."""
    for r, row in enumerate(grid.rows):
        for p in grid.practices:
            yield _evidence(_anchor(g, r, p), row, p, row.cells[p.id])


def render_grids(grids: GridSet, out: TextIO, view: Callable[[str], str] | None = None) -> None:
    """The page, written piece by piece: the tables, then the evidence panels (a second pass over
    the rows), so a grid of many policies is never one string. With `view` (compare -o DIR/),
    each cell opens its policy's reader view at that practice."""
    n = sum(len(g.rows) for g in grids.grids)
    practices = len(grids.grids[0].practices) if grids.grids else 0
    what = (f"{n} policies × {practices} practices" if grids.kind == "compare"
            else f"{len(grids.grids)} policies, {n} revisions × {practices} practices")
    legend = "".join(f'<span class="t-{t}">{_e(s)} {_e(name)}</span>' for t, s, name in (
        ("safe", style.SYMBOLS["safe"], "safer than silence"),
        ("caution", style.SYMBOLS["caution"], "worse than silence"),
        ("risk", style.SYMBOLS["risk"], "worst value"),
        ("silent", style.SYMBOLS["silent"], "not mentioned"),
        ("neutral", style.SYMBOLS["neutral"], "not ranked")))
    if grids.kind == "timeline":
        legend += "".join(f"<span>{_e(style.ARROWS[d])} {_e(name)}</span>" for d, name in (
            ("worse", "worse than the revision before"), ("better", "better"),
            ("changed", "changed (not ranked)")))
    errors = "".join(f"<li>{_e(f.path)}: {_e(f.message)}</li>"
                     for f in sorted(grids.failures, key=lambda f: f.path))
    out.write(page_head(f"policylens {grids.kind}: {what}", _CSS) + f"""<header>
<h1>policylens {_e(grids.kind)}</h1>
<p class="sub">{_e(what)}. Click a cell for the sentences that decide it{
        ", in the policy's reader view" if view else ""}.</p>
<p class="legend">{legend}</p>
<input id="filter" type="search" placeholder="Filter policies by site or file" aria-label="Filter policies">
</header>
<main>
""")
    for g, grid in enumerate(grids.grids):
        for piece in _table(g, grid, grids.kind, view):
            out.write(piece)
    out.write(f"""
{f'<h2>Files that could not be read</h2><ul>{errors}</ul>' if errors else ''}
""")
    for g, grid in enumerate(grids.grids):
        for panel in _panels(g, grid):
            out.write(panel)
    out.write(f"""
</main>
<footer>Made by policylens {_e(__version__)}. The values describe what each policy's text says,
as found by rules; check the evidence before relying on a value.</footer>
<script>{_JS}</script>
</body>
</html>
""")
