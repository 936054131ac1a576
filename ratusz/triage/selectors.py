"""Reading triage results for pages: badges, evidence, highlighted personal data."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from ratusz.triage.analysis import FLAGS
from ratusz.triage.models import FLAG_LABELS, PERSONAL_DATA_LABELS, TOPIC_LABELS, Analysis, Label

# Badge colours; the emergency and harm first, as people read left to right.
FLAG_STYLE = {"urgent": "danger", "harmful": "danger", "personal_data": "warning",
              "public_information_request": "primary", "formal_matter": "primary",
              "spam": "secondary", "question": "info", "negative": "light border"}
ORDER = ["urgent", "harmful", "personal_data", "public_information_request", "formal_matter",
         "spam", "question", "negative"]


@dataclass
class Badge:
    flag: str
    label: str
    style: str
    corrected: bool
    evidence: list[dict]


@dataclass
class Triage:
    badges: list[Badge]
    missing: list[tuple[str, str]]  # flags not set, for "add a flag"
    topic: str
    topic_label: str
    segments: list[tuple[str, str]]  # (text, personal-data type or "")
    version: str


def _segments(text: str, items: list[dict]) -> list[tuple[str, str]]:
    out, at = [], 0
    for item in sorted(items, key=lambda i: i["start"]):
        start, end = max(item["start"], at), min(item["end"], len(text))
        if start >= end:
            continue
        if start > at:
            out.append((text[at:start], ""))
        out.append((text[start:end], str(PERSONAL_DATA_LABELS.get(item["type"], item["type"]))))
        at = end
    if at < len(text):
        out.append((text[at:], ""))
    return out


def _triage(row: Analysis, text: str) -> Triage:
    by_flag = defaultdict(list)
    for item in row.evidence:
        if item.get("flag") in FLAGS:
            start, end = item.get("start"), item.get("end")
            quote = text[start:end] if start is not None and end is not None else ""
            by_flag[item["flag"]].append({"reason": item.get("reason", ""), "quote": quote,
                                          "detail": item.get("detail", "")})
    badges = [Badge(flag, str(FLAG_LABELS[flag]), FLAG_STYLE[flag], row.corrected(flag),
                    by_flag.get(flag, [])) for flag in ORDER if getattr(row, flag)]
    missing = [(flag, str(FLAG_LABELS[flag])) for flag in ORDER if not getattr(row, flag)]
    segments = _segments(text, row.personal_items) if row.personal_items else [(text, "")]
    return Triage(badges, missing, row.topic, str(TOPIC_LABELS.get(row.topic, row.topic)),
                  segments, row.version)


def attach(messages) -> list:
    """Give each message `.triage` (None if not analysed). Evaluates the queryset."""
    messages = list(messages)
    ids = [m.pk for m in messages if m.direction == "in"]
    rows = {a.message_id: a for a in Analysis.objects.filter(message_id__in=ids)}
    for message in messages:
        row = rows.get(message.pk)
        message.triage = _triage(row, message.text) if row else None
    return messages


def conversation_flags(conversations) -> list:
    """Give each conversation `.triage_flags`: the flags of its residents' messages."""
    conversations = list(conversations)
    found = defaultdict(set)
    rows = Analysis.objects.filter(message__conversation__in=[c.pk for c in conversations]) \
        .values_list("message__conversation_id", *FLAGS)
    for conversation_id, *values in rows:
        found[conversation_id].update(f for f, v in zip(FLAGS, values, strict=True) if v)
    for c in conversations:
        c.triage_flags = [(f, str(FLAG_LABELS[f]), FLAG_STYLE[f]) for f in ORDER
                          if f in found[c.pk] and f != "urgent"]
    return conversations


def office_summary(office, days: int = 30) -> dict:
    """Flags found in the office's messages over the last days, and people's corrections."""
    since = timezone.now() - timedelta(days=days)
    rows = Analysis.objects.filter(message__conversation__office=office,
                                   message__created_at__gte=since)
    counts = rows.aggregate(total=Count("pk"), **{f: Count("pk", filter=Q(**{f: True}))
                                                  for f in FLAGS})
    total = counts.pop("total")
    labels = Label.objects.filter(message__conversation__office=office, created_at__gte=since)
    return {
        "days": days, "total": total,
        "flags": [(f, str(FLAG_LABELS[f]), counts[f], round(100 * counts[f] / total)
                   if total else 0) for f in ORDER],
        "corrections": labels.count(),
        "removed": labels.filter(value=False).count(),
        "added": labels.filter(value=True).count(),
    }
