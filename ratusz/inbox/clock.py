"""Time in the inbox: the first-response clock, the out-of-hours acknowledgement and the
emergency alert. All run in office working time from the office calendar."""

import logging
import time as _time
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.inbox.models import Conversation, Message
from ratusz.lib.text import fill
from ratusz.lib.workcal import WorkCalendar
from ratusz.offices.calendar import calendar_for, weekly_spans
from ratusz.offices.models import Office, OpeningHours
from ratusz.outbox.models import OutboxAction
from ratusz.outbox.services import action_create

log = logging.getLogger(__name__)
_CACHE: dict[tuple[int, date], tuple[float, WorkCalendar]] = {}
_CACHE_SECONDS = 60

WEEKDAYS = ["w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek", "w sobotę",
            "w niedzielę"]
MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
          "września", "października", "listopada", "grudnia"]


def office_calendar(office: Office, day: date | None = None) -> WorkCalendar:
    """The office's calendar, cached for a minute per process (the worker asks per event)."""
    day = day or timezone.localdate()
    key, now = (office.pk, day), _time.monotonic()
    cached = _CACHE.get(key)
    if cached is None or now - cached[0] > _CACHE_SECONDS:
        cached = (now, calendar_for(office, day))
        _CACHE[key] = cached
    return cached[1]


def forget_calendars() -> None:
    _CACHE.clear()


def when_in_words(moment: datetime) -> str:
    """'w poniedziałek 5 stycznia od 7:30' (the acknowledgement is always in Polish)."""
    local = timezone.localtime(moment)
    return (f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} "
            f"od {local.hour}:{local.minute:02d}")


def response_due(conversation: Conversation, since: datetime) -> datetime | None:
    office = conversation.office
    minutes = conversation.channel.response_target_minutes or office.response_target_minutes
    calendar = office_calendar(office, timezone.localdate(since))
    return calendar.add_working_time(since, timedelta(minutes=minutes))


def default_ack_text() -> str:
    return _("This is an automatic reply: the office is closed now. We will read your message "
             "and answer {next_opening}. The rules of our page: {rules_url}")


def emergency_text() -> str:
    return _("If life, health or property is in danger, call the emergency number 112 now. "
             "The municipality's on-duty crisis contact: {duty_contact}.")


DAY_NAMES = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]


def hours_in_words(office: Office, kind: str = OpeningHours.Kind.OPEN) -> str:
    """'poniedziałek 8:00-16:00; wtorek 7:30-15:30', or "" when none are set."""
    week = weekly_spans(office, kind, timezone.localdate())
    return "; ".join(f"{DAY_NAMES[day]} {a.hour}:{a.minute:02d}-{b.hour}:{b.minute:02d}"
                     for day in sorted(week) for a, b in week[day])


def complaints_hours(office: Office) -> str:
    """'poniedziałek 15:30-17:00' for the after-hours complaints slot, or '-'."""
    return hours_in_words(office, OpeningHours.Kind.COMPLAINTS) or "-"


def ack_text(office: Office, next_opening: datetime, emergency: bool) -> str:
    values = {"next_opening": when_in_words(next_opening),
              "complaints_hours": complaints_hours(office),
              "rules_url": office.rules_url or office.bip_url or office.website_url or "-",
              "duty_contact": office.duty_contact or "112", "office": office.name}
    text = fill(office.ack_text or default_ack_text(), values)
    if emergency:
        text += "\n\n" + fill(emergency_text(), values)
    return text


def after_inbound(message: Message) -> None:
    """Runs after a resident's new message is committed: triage reads it, then the desk
    alerts, acknowledges, starts the statutory clock, hides and routes. The alert goes first,
    and every step runs on its own: one failing never silences the ones after it."""
    from ratusz.triage import services as triage

    found = triage.after_inbound(message)
    if found is not None:
        emergency = found.urgent
    else:  # the full analysis failed: the emergency rules alone still get a say
        emergency = triage.guarded(_looks_urgent, message.text) or False
    if emergency:
        triage.guarded(emergency_alert, message)
        triage.guarded(triage.mark_urgent, message.conversation)
    triage.guarded(acknowledge_if_closed, message, emergency=emergency)
    if found is not None and found.public_information_request:
        triage.guarded(start_udip_clock, message)
    if found is not None:
        triage.act_on(message, found)


def _looks_urgent(text: str) -> bool:
    from ratusz.triage.analysis import urgent
    from ratusz.triage.analysis.base import THRESHOLD
    from ratusz.triage.analysis.normalize import fold

    return urgent.analyze(fold(text or "")).score >= THRESHOLD


def start_udip_clock(message: Message) -> None:
    from ratusz.inbox.deadlines import deadline_start

    conversation = message.conversation
    if conversation.deadlines.filter(rule="udip", status="open").exists():
        return
    started = timezone.localdate(message.created_at) if message.created_at else None
    deadline_start(actor="ratusz", conversation=conversation, rule="udip", started_on=started)


def emergency_alert(message: Message) -> None:
    """Tell the on-duty people at once, through every notifier in RATUSZ_EMERGENCY_NOTIFIERS
    (e-mail by default; an SMS gateway or a chat webhook plugs in the same way)."""
    reached = {}
    for path in settings.RATUSZ_EMERGENCY_NOTIFIERS:
        try:
            reached[path] = import_string(path)(message)
        except Exception:  # noqa: BLE001 - one broken channel must not silence the others
            log.exception("Emergency notifier %s failed for message %s", path, message.pk)
            reached[path] = 0
    with transaction.atomic():
        record(actor="ratusz", verb="inbox.emergency.alerted", office=message.conversation.office,
               target=message, data={"reached": reached})


def notify_by_email(message: Message) -> int:
    """The default emergency notifier; returns how many people it reached."""
    office = message.conversation.office
    recipients = [e.strip() for e in office.duty_emails.split(",") if e.strip()]
    if not recipients:
        return 0
    link = f"{settings.RATUSZ_BASE_URL}/inbox/c/{message.conversation.uuid}/"
    send_mail(_("Ratusz: a message that looks like an emergency"),
              _("A resident wrote on %(channel)s:\n\n%(text)s\n\nOpen it: %(link)s") % {
                  "channel": message.channel.get_platform_display(),
                  "text": message.text[:2000], "link": link},
              None, recipients)
    return len(recipients)


def _wants_ack(message: Message) -> bool:
    office = message.conversation.office
    if message.kind == Message.Kind.MESSAGE:
        return office.ack_messages
    return office.ack_comments and message.conversation.kind == Conversation.Kind.COMMENTS


def acknowledge_if_closed(message: Message, *, emergency: bool = False) -> Message | None:
    """One automatic acknowledgement per conversation per closed period, never more."""
    if not _wants_ack(message) or message.deleted_at:
        return None
    now = timezone.now()
    written = message.created_at or now
    calendar = office_calendar(message.conversation.office, timezone.localdate(written))
    if calendar.is_open(written):
        return None
    opening = calendar.next_opening(written)
    if opening is None or opening <= now:
        return None  # the office has opened since: a person answers, not a machine
    return _acknowledge(message, opening, emergency)


@transaction.atomic
def _acknowledge(message: Message, opening: datetime, emergency: bool) -> Message | None:
    conversation = Conversation.objects.select_for_update(of=("self",)).select_related(
        "office", "channel", "resident").get(pk=message.conversation_id)
    period = opening.isoformat()
    if conversation.acknowledged_period == period or conversation.channel.status != "active":
        return None
    now = timezone.now()
    text = ack_text(conversation.office, opening, emergency)
    if message.kind == Message.Kind.MESSAGE:
        kind, target = OutboxAction.Kind.MESSAGE, conversation.resident.platform_id
        payload = {"text": text, "messaging_type": "RESPONSE"}
    else:
        kind, target, payload = OutboxAction.Kind.COMMENT_REPLY, conversation.thread_key, {
            "text": text}
    action = action_create(actor=None, channel=conversation.channel, kind=kind,
                           target_id=target, payload=payload)
    ack = Message.objects.create(
        conversation=conversation, channel=conversation.channel, kind=message.kind,
        direction=Message.Direction.OUT, origin=Message.Origin.AUTOMATIC,
        author_name=_("Automatic reply"), text=text, created_at=now, text_version_at=now,
        parent_platform_id=target, delivery=Message.Delivery.PENDING, outbox_action=action,
    )
    conversation.acknowledged_period = period
    conversation.save(update_fields=["acknowledged_period"])
    record(actor="ratusz", verb="inbox.ack.sent", office=conversation.office, target=ack,
           data={"next_opening": period, "emergency": emergency})
    return ack


def breaches_notify(limit: int = 200) -> int:
    """Flag conversations whose first-response time passed; e-mail whoever owns them."""
    now = timezone.now()
    overdue = (Conversation.objects.filter(response_due_at__lt=now, breach_notified_at__isnull=True)
               .exclude(status=Conversation.Status.CLOSED)
               .select_related("office", "assignee", "department")[:limit])
    done = 0
    for conversation in overdue:
        with transaction.atomic():
            claimed = Conversation.objects.filter(pk=conversation.pk,
                                                  breach_notified_at__isnull=True).update(
                breach_notified_at=now)
            if not claimed:
                continue
            recipients = _owners(conversation)
            record(actor="ratusz", verb="inbox.clock.breached", office=conversation.office,
                   target=conversation, data={"due": conversation.response_due_at.isoformat(),
                                              "mailed_to": len(recipients)})
        if recipients:
            _mail_breach(conversation, recipients)
        done += 1
    return done


def _owners(conversation: Conversation) -> list[str]:
    if conversation.assignee and conversation.assignee.email:
        return [conversation.assignee.email]
    if conversation.department and conversation.department.email:
        return [conversation.department.email]
    return []


def _mail_breach(conversation: Conversation, recipients: list[str]) -> None:
    link = f"{settings.RATUSZ_BASE_URL}/inbox/c/{conversation.uuid}/"
    try:
        send_mail(_("Ratusz: a resident is waiting longer than the office's target"),
                  _("The first answer was due %(due)s.\n\n%(preview)s\n\nOpen it: %(link)s") % {
                      "due": timezone.localtime(conversation.response_due_at).strftime(
                          "%Y-%m-%d %H:%M"),
                      "preview": conversation.preview, "link": link},
                  None, recipients)
    except Exception:  # noqa: BLE001 - the flag stays on screen even when mail is down
        log.exception("Breach mail for conversation %s failed", conversation.pk)
