"""Server-side SVG charts (pygal, no JavaScript) for the dashboard and the PDF. Every chart comes
with a description and a text table holding the same numbers, for screen readers and print."""

import re
from dataclasses import dataclass, field
from datetime import date

import pygal
from django.utils.html import escape
from django.utils.translation import gettext as _
from pygal.style import Style

from ratusz.inbox.models import Conversation
from ratusz.moderation.models import ModerationAct
from ratusz.publishing.models import Post

# Dark enough on white for text and bars (WCAG 1.4.11: 3:1 for graphics).
STYLE = Style(
    background="#ffffff", plot_background="#ffffff", foreground="#212529",
    foreground_strong="#212529", foreground_subtle="#495057", opacity="1", opacity_hover="1",
    colors=("#0b5ed7", "#b35c00", "#157347", "#6f42c1", "#b02a37", "#495057"),
    font_family="DejaVu Sans, Arial, sans-serif", label_font_size=13, major_label_font_size=13,
    legend_font_size=13, title_font_size=16, value_font_size=12,
)
PLATFORMS = {"facebook": "Facebook", "instagram": "Instagram"}


@dataclass
class Chart:
    key: str
    title: str
    description: str
    svg: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)


def _config(chart, title: str, *, counts: bool = True) -> None:
    chart.title = title
    chart.js = []  # no tooltip script from a CDN: the charts must work offline and in the PDF
    chart.disable_xml_declaration = True
    chart.print_values = False
    chart.legend_at_bottom = True
    chart.truncate_label = -1  # whole labels ("Komunikat urzędowy"), never "Komunikat urzęd…"
    if counts:
        chart.value_formatter = lambda value: f"{value:.0f}"
        chart.min_scale, chart.max_scale = 1, 8


def _svg(chart, title: str) -> str:
    """The SVG as an image with a name for assistive technology (the table carries the data)."""
    svg = chart.render(is_unicode=True)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" focusable="false" ',
                       1)


def questions_by_day(metrics: dict) -> Chart | None:
    days = metrics["response"].get("by_day") or []
    if not any(d["questions"] or d["answered"] for d in days):
        return None
    title = _("Residents' questions and answers by day")
    chart = pygal.Bar(style=STYLE, width=900, height=360, x_label_rotation=0,
                      show_minor_x_labels=False)
    _config(chart, title)
    labels = [date.fromisoformat(d["date"]).strftime("%d.%m") for d in days]
    chart.x_labels = labels
    chart.x_labels_major = labels[::7]
    chart.add(_("Questions"), [d["questions"] for d in days])
    chart.add(_("Answered"), [d["answered"] for d in days])
    return Chart("questions_by_day", title, _(
        "Bars for each day of the period: residents' questions that arrived, and those the office "
        "answered. The table below has the same numbers."), _svg(chart, title),
        [_("Day"), _("Questions"), _("Answered")],
        [[d["date"], d["questions"], d["answered"]] for d in days
         if d["questions"] or d["answered"]])


def response_by_channel(metrics: dict) -> Chart | None:
    rows = [r for r in metrics["response"].get("by_channel") or [] if r["questions"]]
    if not rows:
        return None
    title = _("Median first response time by channel (working minutes)")
    chart = pygal.HorizontalBar(style=STYLE, width=900, height=120 + 50 * len(rows))
    _config(chart, title, counts=False)
    chart.show_legend = False
    names = [_label_channel(r) for r in rows]
    # pygal draws the first bar at the bottom: reversed, the chart reads like the table.
    chart.x_labels = names[::-1]
    chart.add(_("Median"), [r["median_working_minutes"] for r in rows][::-1])
    return Chart("response_by_channel", title, _(
        "One bar per channel and kind of conversation: the median time to the office's first "
        "answer, counted in the office's working minutes."), _svg(chart, title),
        [_("Channel"), _("Questions"), _("Answered"), _("Median (working minutes)")],
        [[name, r["questions"], r["answered"], r["median_working_minutes"]]
         for name, r in zip(names, rows, strict=True)])


def _label_channel(row: dict) -> str:
    kind = dict(Conversation.Kind.choices).get(row.get("kind"), row.get("kind") or "")
    return _("%(platform)s: %(kind)s") % {
        "platform": PLATFORMS.get(row.get("platform"), row.get("platform")), "kind": kind}


def posts_by_type(metrics: dict) -> Chart | None:
    rows = [r for r in metrics["dialogue"].get("posts_by_type") or [] if r["count"]]
    if not rows:
        return None
    title = _("Posts by type")
    chart = pygal.Bar(style=STYLE, width=900, height=360)
    _config(chart, title)
    chart.show_legend = False
    labels = [str(dict(Post.Type.choices).get(r["type"], r["type"])) for r in rows]
    chart.x_labels = labels
    chart.add(_("Posts"), [r["count"] for r in rows])
    return Chart("posts_by_type", title, _(
        "One bar per type of post published in the period."), _svg(chart, title),
        [_("Type"), _("Posts")], [[label, r["count"]] for label, r in zip(labels, rows,
                                                                           strict=True)])


def acts_by_kind(metrics: dict) -> Chart | None:
    rows = [r for r in metrics["moderation"].get("by_kind") or [] if r["count"]]
    if not rows:
        return None
    title = _("Moderation acts by kind")
    chart = pygal.HorizontalBar(style=STYLE, width=900, height=120 + 40 * len(rows))
    _config(chart, title)
    chart.show_legend = False
    labels = [str(dict(ModerationAct.Kind.choices).get(r["kind"], r["kind"])) for r in rows]
    chart.x_labels = labels[::-1]
    chart.add(_("Acts"), [r["count"] for r in rows][::-1])
    return Chart("acts_by_kind", title, _(
        "One bar per kind of moderation act taken in the period, each citing a clause of the "
        "page's rules."), _svg(chart, title),
        [_("Kind"), _("Acts")], [[label, r["count"]] for label, r in zip(labels, rows,
                                                                          strict=True)])


def all_charts(metrics: dict) -> list[Chart]:
    made = [questions_by_day(metrics), response_by_channel(metrics), posts_by_type(metrics),
            acts_by_kind(metrics)]
    return [chart for chart in made if chart is not None]
