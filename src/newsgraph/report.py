"""The readable per-article report of ``newsgraph analyze`` (rich renderables).

It only presents what the stages found; the same data is in ``to_dict()``.
"""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .pipeline import Analysis
from .terminal import printable, safe

MAX_CONTENT = 160


def _short(text: str, limit: int = MAX_CONTENT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=False,
                  show_lines=False, pad_edge=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    return table


def _row(table: Table, *values: str) -> None:
    """Add a row of plain text: article words are never read as rich markup, and their
    control characters (terminal escapes, bidi overrides) are shown escaped."""
    table.add_row(*(safe(v) for v in values))


def entities_table(analysis: Analysis) -> Table:
    table = _table(f"Entities ({len(analysis.entities)})", ["name", "type", "roles", "mentions"])
    for e in analysis.entities:
        roles = "; ".join(r.span.text for r in e.roles)
        _row(table, e.name, e.label, roles, str(len(e.mentions)))
    return table


def attributions_table(analysis: Analysis) -> Table:
    table = _table(f"Attributions ({len(analysis.attributions)})",
                   ["kind", "speaker", "sourcing", "cue", "content"])
    for a in analysis.attributions:
        speaker = a.speaker_name or (a.source.text if a.source else "") or "—"
        if a.source and a.speaker_name and a.source.text != a.speaker_name:
            speaker = f"{a.speaker_name} ({a.source.text})"
        cue = a.cue.text if a.cue else ""
        if a.channel:
            cue += f" [{a.channel}]"
        if a.hedge:
            cue = (cue + f" hedge: {a.hedge.text}").strip()
        if a.polarity == "negated":
            cue = (cue + " (negated: not said)").strip()
        if a.mode == "thought":
            cue = (cue + " (thought)").strip()
        _row(table, a.kind, speaker, a.sourcing or "", cue, _short(a.content.text))
    return table


def events_table(analysis: Analysis) -> Table:
    table = _table(f"Events ({len(analysis.events)})",
                   ["type", "modality", "actor", "trigger", "target", "when", "where"])
    for e in analysis.events:
        def actor(a):
            if a is None:
                return ""
            code = "/".join(x for x in (a.country, a.sector) if x)
            return f"{a.span.text} [{code}]" if code else a.span.text

        modality = e.modality + (f" ({e.content_modality} content)" if e.content_modality
                                 else "") + (" (reported)" if e.reported_by else "")
        when = event_when(e)
        _row(table, f"{e.type}{'/' + e.mode if e.mode else ''}", modality,
                      actor(e.actor), e.trigger.text, actor(e.target), when,
                      e.place_span.text if e.place_span else "")
    return table


def event_when(e) -> str:
    """An event's own time; without one, done by its report's date or only reported then."""
    if e.time_value or not e.reported:
        return e.time_value or ""
    if e.modality in ("happened", "ongoing"):
        return f"on or before {e.reported}"
    return f"reported {e.reported}"


def times_table(analysis: Analysis) -> Table:
    table = _table(f"Time expressions ({len(analysis.times)})", ["text", "type", "value", "mod"])
    for t in analysis.times:
        _row(table, t.span.text, t.type, t.value or "?", t.mod or "")
    return table


def quantities_table(analysis: Analysis) -> Table:
    table = _table(f"Quantities ({len(analysis.quantities)})",
                   ["text", "bound", "value", "unit", "note"])
    for q in analysis.quantities:
        value = f"{q.value:g}" + (f"–{q.value_max:g}" if q.value_max is not None else "")
        notes = []
        if q.currency:
            notes.append(q.currency)
        if q.change:
            notes.append(f"change {q.change}")
        if q.si_value is not None and q.si_unit:
            notes.append(f"= {q.si_value:g} {q.si_unit}")
        if q.conversion_of:
            notes.append(f"conversion of {q.conversion_of}: "
                         + ("consistent" if q.consistent else "MISMATCH"))
        _row(table, q.span.text, q.bound, value, q.unit or "", ", ".join(notes))
    return table


def render(analysis: Analysis) -> Panel:
    """One panel per article: header, then a table per record kind that has records."""
    a = analysis.article
    header = Text()
    header.append(printable(a.title or a.id), style="bold")
    meta = [f"id {a.id}", f"published {a.published or 'unknown'}",
            f"{len(a.text.split()):,} words"]
    if a.source:
        meta.append(a.source)
    header.append("\n" + printable(" · ".join(meta)), style="dim")
    parts = [header]
    for rows, table in ((analysis.entities, entities_table), (analysis.attributions,
                        attributions_table), (analysis.events, events_table),
                        (analysis.times, times_table), (analysis.quantities, quantities_table)):
        if rows:
            parts += [Text(""), table(analysis)]
    return Panel(Group(*parts), expand=True)
