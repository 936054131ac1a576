"""The knowledge base: entries with their sources, imported from CSV or promoted from past
answers, and the suggestions shown beside the composer."""

import csv
import io

from django.db import transaction
from django.db.models import Count, Max
from django.utils.text import slugify

from ratusz.answers.kb import Index
from ratusz.answers.models import KnowledgeEntry
from ratusz.audit.services import record
from ratusz.inbox.models import Message
from ratusz.offices.access import require_role
from ratusz.offices.models import Office, Role

_ENTRIES: dict[int, tuple[tuple, Index]] = {}
_PAST: dict[int, tuple[tuple, Index]] = {}
PAST_LIMIT = 2000


def _entries_index(office: Office) -> Index:
    entries = KnowledgeEntry.objects.filter(office=office, is_active=True)
    stamp = tuple(entries.aggregate(n=Count("pk"), t=Max("updated_at")).values())
    cached = _ENTRIES.get(office.pk)
    if cached is None or cached[0] != stamp:
        index = Index.build([(e.pk, [(e.question, 3), (e.keywords, 2), (e.answer, 1)])
                             for e in entries])
        cached = _ENTRIES[office.pk] = (stamp, index)
    return cached[1]


def suggest(office: Office, text: str, k: int = 3) -> list[dict]:
    """The entries that best answer `text`, best first, with the words that matched."""
    found = _entries_index(office).search(text, k=k)
    entries = KnowledgeEntry.objects.in_bulk([pk for pk, _s, _m in found])
    return [{"entry": entries[pk], "score": round(score, 2), "matched": matched}
            for pk, score, matched in found if pk in entries]


def _past_index(office: Office) -> Index:
    replies = Message.objects.filter(
        conversation__office=office, direction=Message.Direction.OUT,
        origin=Message.Origin.DESK).exclude(delivery=Message.Delivery.FAILED)
    stamp = (replies.count(), replies.aggregate(m=Max("pk"))["m"])
    cached = _PAST.get(office.pk)
    if cached is None or cached[0] != stamp:
        recent = list(replies.order_by("-pk").values_list(
            "pk", "conversation_id", "created_at", "text")[:PAST_LIMIT])
        # The residents' messages of those conversations in one query, not one per reply.
        asked: dict[int, list] = {}
        for conversation_id, created_at, text in Message.objects.filter(
                conversation_id__in={r[1] for r in recent}, direction=Message.Direction.IN,
        ).exclude(text="").order_by("created_at").values_list(
                "conversation_id", "created_at", "text"):
            asked.setdefault(conversation_id, []).append((created_at, text))
        pairs = []
        for pk, conversation_id, created_at, text in recent:
            before = [t for when, t in asked.get(conversation_id, []) if when <= created_at]
            pairs.append((pk, [(before[-1] if before else "", 2), (text, 1)]))
        cached = _PAST[office.pk] = (stamp, Index.build(pairs))
    return cached[1]


def past_answers(office: Office, text: str, k: int = 2, exclude_conversation=None) -> list:
    """What the office answered before to similar questions."""
    found = _past_index(office).search(text, k=k + 3)
    replies = Message.objects.in_bulk([pk for pk, _s, _m in found])
    out = []
    for pk, score, matched in found:
        reply = replies.get(pk)
        if reply is None or reply.conversation_id == getattr(exclude_conversation, "pk", None):
            continue
        out.append({"message": reply, "score": round(score, 2), "matched": matched})
    return out[:k]


def forget() -> None:
    _ENTRIES.clear()
    _PAST.clear()


@transaction.atomic
def entry_save(*, actor, office: Office, question: str, answer: str, source_url: str = "",
               keywords: str = "", department=None, key: str = "",
               promoted_from: Message | None = None) -> KnowledgeEntry:
    require_role(actor, office, Role.MODERATOR)
    key = slugify(key or question)[:70] or "wpis"
    base, n = key, 2
    while KnowledgeEntry.objects.filter(office=office, key=key).exists():
        key, n = f"{base}-{n}", n + 1
    entry = KnowledgeEntry.objects.create(
        office=office, key=key, question=question.strip(), answer=answer.strip(),
        source_url=source_url.strip(), keywords=keywords.strip()[:300], department=department,
        promoted_from=promoted_from, created_by=actor)
    record(actor=actor, verb="answers.knowledge.saved", office=office, target=entry,
           data={"key": entry.key, "promoted_from": str(promoted_from.uuid)
                 if promoted_from else None})
    return entry


def entry_promote(*, actor, reply: Message) -> KnowledgeEntry:
    """A good answer the office sent becomes an entry (with the question it answered)."""
    asked = reply.conversation.messages.filter(
        direction=Message.Direction.IN, created_at__lte=reply.created_at).exclude(
        text="").order_by("-created_at").values_list("text", flat=True).first() or reply.text
    return entry_save(actor=actor, office=reply.conversation.office, question=asked,
                      answer=reply.text, promoted_from=reply)


@transaction.atomic
def entries_import(*, actor, office: Office, csv_text: str) -> int:
    """Rows `key,department,question,answer,source_url,keywords`: new keys are added, known
    ones updated."""
    require_role(actor, office, Role.MODERATOR)
    departments = {d.slug: d for d in office.departments.all()}
    count = 0
    for row in csv.DictReader(io.StringIO(csv_text)):
        if not (row.get("question") or "").strip() or not (row.get("answer") or "").strip():
            continue
        key = slugify(row.get("key") or row["question"])[:80]
        KnowledgeEntry.objects.update_or_create(office=office, key=key, defaults={
            "question": row["question"].strip(), "answer": row["answer"].strip(),
            "source_url": (row.get("source_url") or "").strip(),
            "keywords": (row.get("keywords") or "").strip()[:300],
            "department": departments.get((row.get("department") or "").strip()),
            "is_active": True, "created_by": actor})
        count += 1
    record(actor=actor, verb="answers.knowledge.imported", office=office,
           data={"entries": count})
    return count


@transaction.atomic
def entries_from_feed(*, actor, office: Office, feed: str | bytes) -> int:
    """Items of the office's BIP or website feed (RSS or Atom) become entries: the title as
    the question, the summary as the answer, the item's link as the source."""
    import feedparser
    from django.utils.html import strip_tags

    require_role(actor, office, Role.MODERATOR)
    parsed = feedparser.parse(feed)
    count = 0
    for item in parsed.entries:
        title = " ".join(strip_tags(item.get("title", "")).split())
        summary = " ".join(strip_tags(item.get("summary", "")).split())
        if not title or not summary:
            continue
        KnowledgeEntry.objects.update_or_create(
            office=office, key=slugify(title)[:80],
            defaults={"question": title, "answer": summary[:4000],
                      "source_url": str(item.get("link", ""))[:200], "is_active": True,
                      "created_by": actor})
        count += 1
    record(actor=actor, verb="answers.knowledge.imported", office=office,
           data={"entries": count, "feed": str(parsed.feed.get("title", ""))[:200]})
    return count
