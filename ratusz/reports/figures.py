"""Key figures with the previous period beside them, formatted for people."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# (section, key, label, format, better): format is "n" (count), "share" or "minutes";
# better is "up", "down" or "" (neither: shown without judging the change).
KEY_FIGURES = [
    ("response", "questions", _("Residents' questions"), "n", ""),
    ("response", "answered_share", _("Share of questions answered"), "share", "up"),
    ("response", "median_working_minutes", _("Median first response (working minutes)"),
     "minutes", "down"),
    ("response", "p90_working_minutes", _("90th percentile of first response (working minutes)"),
     "minutes", "down"),
    ("response", "median_calendar_minutes", _("Median first response (calendar minutes)"),
     "minutes", "down"),
    ("response", "within_target_share", _("Answered within the office's target"), "share",
     "up"),
    ("response", "unanswered_over", _("Unanswered after the set number of working days"), "n",
     "down"),
    ("response", "acknowledgements", _("Out-of-hours acknowledgements sent"), "n", ""),
    ("response", "emergencies", _("Emergencies reported"), "n", ""),
    ("response", "emergency_median_minutes", _("Median time until a person answered an "
                                                "emergency (calendar minutes)"), "minutes", "down"),
    ("deadlines", "received", _("Public information requests and other deadlines started"), "n",
     ""),
    ("deadlines", "open_overdue", _("Deadlines overdue"), "n", "down"),
    ("dialogue", "posts", _("Posts published"), "n", ""),
    ("dialogue", "inviting_share", _("Posts inviting residents' input"), "share", "up"),
    ("dialogue", "comments_per_post", _("Residents' comments per post"), "decimal", ""),
    ("dialogue", "threads_with_office_share", _("Comment threads the office took part in"),
     "share", "up"),
    ("dialogue", "residents_more_than_once", _("Residents who wrote more than once"), "n", ""),
    ("moderation", "acts", _("Moderation acts"), "n", ""),
    ("moderation", "appeals", _("Appeals"), "n", ""),
    ("moderation", "appeals_upheld", _("Appeals upheld"), "n", ""),
    ("moderation", "blocks_in_force", _("Accounts blocked permanently at the end of the period"),
     "n", ""),
    ("moderation", "restrictions_in_force", _("Accounts temporarily restricted at the end of "
                                              "the period"), "n", ""),
    ("moderation", "hide_median_minutes", _("Median time to hide clearly unlawful content "
                                            "(minutes)"), "minutes", "down"),
    ("publishing", "notices_without_bip", _("Official notices without a BIP link"), "n", "down"),
    ("publishing", "republish_open", _("Accessible republications still open"), "n", "down"),
]


@dataclass
class Figure:
    section: str
    key: str
    label: str
    value: str
    previous: str
    change: str
    trend: str  # "better", "worse" or ""


def _number(value, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "share":
        return f"{number_format(round(value * 100, 1), 1)}%"
    if kind in {"minutes", "decimal"}:
        return number_format(round(value, 1), 1)
    return number_format(value, 0, force_grouping=True)


def _change(now, before, kind: str) -> tuple[str, float]:
    if now is None or before is None:
        return "", 0.0
    diff = now - before
    if kind == "share":
        points = diff * 100
        return (_("%(sign)s%(points)s p.p.") % {"sign": "+" if points > 0 else "",
                                                  "points": number_format(round(points, 1), 1)},
                points)
    if kind in {"minutes", "decimal"}:
        return (f"{'+' if diff > 0 else ''}{number_format(round(diff, 1), 1)}", diff)
    return (f"{'+' if diff > 0 else ''}{number_format(diff, 0)}", diff)


def key_figures(current: dict, previous: dict | None) -> list[Figure]:
    figures = []
    for section, key, label, kind, better in KEY_FIGURES:
        now = current.get(section, {}).get(key)
        before = (previous or {}).get(section, {}).get(key) if previous else None
        change, diff = _change(now, before, kind)
        trend = ""
        if diff and better:
            trend = "better" if (diff > 0) == (better == "up") else "worse"
        figures.append(Figure(section, key, str(label), _number(now, kind),
                              _number(before, kind) if previous else "", change, trend))
    return figures
