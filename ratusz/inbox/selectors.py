from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from ratusz.inbox.models import Conversation, Message
from ratusz.lib.text import clean
from ratusz.triage.analysis.base import FLAGS


@dataclass
class InboxFilter:
    channel: str = ""
    status: str = ""
    mine: bool = False
    unassigned: bool = False
    department: str = ""
    q: str = ""
    sort: str = ""
    flag: str = ""

    @classmethod
    def from_query(cls, params) -> "InboxFilter":
        return cls(
            channel=params.get("channel", "") if params.get("channel") in {"facebook",
                                                                           "instagram"} else "",
            status=params.get("status", "")
            if params.get("status") in {*Conversation.Status.values, "active"} else "",
            mine=params.get("mine") == "1", unassigned=params.get("unassigned") == "1",
            department=clean(params.get("department", ""))[:60],
            q=clean(params.get("q", ""))[:200].strip(),
            sort="due" if params.get("sort") == "due" else "",
            flag=params.get("flag", "") if params.get("flag") in FLAGS else "",
        )


def conversation_list(office, user, filters: InboxFilter, limit: int = 100) -> QuerySet:
    qs = Conversation.objects.filter(office=office, last_message_at__isnull=False)
    if filters.channel:
        qs = qs.filter(channel__platform=filters.channel)
    if filters.status == "active":
        qs = qs.exclude(status=Conversation.Status.CLOSED)
    elif filters.status:
        qs = qs.filter(status=filters.status)
    if filters.mine:
        qs = qs.filter(assignee=user)
    if filters.unassigned:
        qs = qs.filter(assignee__isnull=True, department__isnull=True)
    if filters.department:
        qs = qs.filter(department__slug=filters.department)
    if filters.flag:
        qs = qs.filter(**{f"messages__analysis__{filters.flag}": True}).distinct()
    if filters.q:
        qs = qs.filter(Q(messages__text__icontains=filters.q)
                       | Q(resident__display_name__icontains=filters.q)).distinct()
    order = ([F("response_due_at").asc(nulls_last=True), "-last_message_at"]
             if filters.sort == "due" else ["-last_message_at"])
    # Emergencies jump to the top until someone answers, closes or corrects them.
    order.insert(0, F("is_urgent").desc())
    return (
        qs.select_related("channel", "resident", "assignee", "department", "post")
        .order_by(*order)[:limit]
    )


def status_counts(office) -> dict[str, int]:
    rows = Conversation.objects.filter(office=office, last_message_at__isnull=False).values(
        "status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def thread_messages(conversation: Conversation) -> QuerySet:
    return (
        Message.objects.filter(conversation=conversation, created_at__isnull=False)
        .select_related("resident", "author_user", "outbox_action")
        .order_by("created_at", "pk")
    )
