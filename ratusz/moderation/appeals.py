"""Appeals against moderation acts, filed outside the platform (a blocked person can still
appeal), decided by someone other than the moderator who acted, answered with reasons; an
upheld appeal reverses the act on the platform."""

import hashlib
import hmac
import re
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.moderation import services
from ratusz.moderation.models import Appeal, Clause, ModerationAct, new_reference
from ratusz.moderation.services import ActRefused, Kind, Status
from ratusz.moderation.statement import absolute
from ratusz.offices.models import Office, Role

REFERENCE = re.compile(r"M-?([A-Z2-9]{4})-?([A-Z2-9]{4})")


def find_act(office: Office, typed: str) -> ModerationAct | None:
    """The act a resident names, however they typed its reference ('m 7k3p 9qxd')."""
    compact = re.sub(r"[\s_.]+", "", (typed or "").upper())
    match = REFERENCE.search(compact)
    if match is None:
        return None
    return ModerationAct.objects.filter(
        office=office, reference=f"M-{match.group(1)}-{match.group(2)}").first()


@transaction.atomic
def appeal_submit(*, office: Office, act_reference: str, account_name: str, description: str,
                  text: str, contact_email: str, sender: str = "", nonce: str = "") -> Appeal:
    """Record an appeal. Nothing a resident sends is lost: an appeal after the window, or one
    whose reference matches nothing, is still recorded (and marked) for a person to decide."""
    if nonce:
        earlier = Appeal.objects.filter(office=office, form_nonce=nonce).first()
        if earlier is not None:
            return earlier
    act = find_act(office, act_reference)
    now = timezone.now()
    appeal = Appeal.objects.create(
        reference=new_reference("O"), office=office, act=act,
        act_reference=act_reference.strip()[:40], account_name=account_name.strip()[:200],
        description=description.strip()[:4000], text=text.strip()[:8000],
        contact_email=contact_email.strip(), late=bool(act and now > act.appeal_until),
        sender_hash=sender_hash(sender) if sender else "", form_nonce=nonce or None,
        created_at=now)
    record(actor="resident", verb="moderation.appeal.received", office=office, target=appeal,
           data={"reference": appeal.reference, "act": act.reference if act else None,
                 "late": appeal.late})
    return appeal


def sender_hash(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def too_many(office: Office, sender: str) -> bool:
    """At most 5 appeals an hour from one address. No office-wide cap: a flood from many
    addresses must not close the only channel blocked people have."""
    hour_ago = timezone.now() - timedelta(hours=1)
    return bool(sender) and Appeal.objects.filter(
        office=office, created_at__gte=hour_ago, sender_hash=sender_hash(sender)).count() >= 5


def _restoring_clause(act: ModerationAct) -> Clause | None:
    regulamin = services.regulamin_in_force(act.office)
    if regulamin is None:
        return None
    return regulamin.clauses.filter(key="appeal_upheld").first() or regulamin.clauses.filter(
        kind=Clause.Kind.PROCEDURE).first()


def _reverse(*, actor, act: ModerationAct, appeal: Appeal) -> ModerationAct | None:
    """The act that undoes `act` on the platform, if anything is left to undo."""
    kind = {Kind.HIDE: Kind.UNHIDE, Kind.RESTRICT: Kind.UNBLOCK, Kind.BLOCK: Kind.UNBLOCK,
            Kind.COMMENTS_OFF: Kind.COMMENTS_ON}.get(act.kind)
    if kind is None or act.status != Status.DONE:
        return None
    if kind == Kind.UNHIDE and (act.message is None or not act.message.is_hidden):
        return None
    if kind in {Kind.UNBLOCK, Kind.COMMENTS_ON} and act.lifted_at:
        return None
    if kind == Kind.UNBLOCK and ModerationAct.objects.filter(
            resident=act.resident, kind__in=[Kind.RESTRICT, Kind.BLOCK], status=Status.DONE,
            lifted_at__isnull=True).exclude(pk=act.pk).exists():
        # Another act keeps the account blocked: this one ends in the desk, and the platform
        # unblock waits for the other (unblocking would lift both at once).
        ModerationAct.objects.filter(pk=act.pk).update(lifted_at=timezone.now())
        return None
    return services.act_request(
        actor=actor, office=act.office, kind=kind, clause=_restoring_clause(act),
        message=act.message if kind == Kind.UNHIDE else None,
        resident=act.resident if kind == Kind.UNBLOCK else None,
        post=act.post if kind == Kind.COMMENTS_ON else None, reverses=act,
        description=f"Odwołanie {appeal.reference} uwzględnione.")


@transaction.atomic
def appeal_identify(*, actor, appeal: Appeal, act_reference: str) -> Appeal:
    """A moderator finds the act an appeal without a valid number is about."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    services._require(actor, appeal.office, Role.MODERATOR)
    act = find_act(appeal.office, act_reference)
    if act is None:
        raise ActRefused(_("No act of this office has that number."), code="no_act")
    appeal.act, appeal.late = act, appeal.created_at > act.appeal_until
    appeal.save(update_fields=["act", "late"])
    record(actor=actor, verb="moderation.appeal.identified", office=appeal.office,
           target=appeal, data={"reference": appeal.reference, "act": act.reference})
    return appeal


@transaction.atomic
def appeal_decide(*, actor, appeal: Appeal, upheld: bool, reasons: str) -> Appeal:
    appeal = Appeal.objects.select_for_update(of=("self",)).select_related("act", "office").get(
        pk=appeal.pk)
    services._require(actor, appeal.office, Role.MODERATOR)
    if appeal.status != Appeal.Status.RECEIVED:
        raise ActRefused(_("This appeal has already been decided."))
    if not reasons.strip():
        raise ActRefused(_("Give the reasons for the decision: the resident receives them."))
    act = appeal.act
    if upheld and act is None:
        raise ActRefused(_("Find the act the appeal is about first: an upheld appeal reverses "
                           "it."), code="no_act")
    if act is not None and getattr(actor, "pk", None) in {act.actor_id, act.approved_by_id}:
        raise ActRefused(_("Someone other than the person who took or approved the act must "
                           "decide the appeal."), code="four_eyes")
    if upheld and act is not None:
        appeal.reversal = _reverse(actor=actor, act=act, appeal=appeal)
    appeal.status = Appeal.Status.UPHELD if upheld else Appeal.Status.DISMISSED
    appeal.decided_by, appeal.decided_at = actor, timezone.now()
    appeal.decision = reasons.strip()[:8000]
    appeal.save(update_fields=["status", "decided_by", "decided_at", "decision", "reversal"])
    record(actor=actor, verb="moderation.appeal.decided", office=appeal.office, target=appeal,
           data={"reference": appeal.reference, "upheld": upheld,
                 "act": act.reference if act else None,
                 "reversal": appeal.reversal.reference if appeal.reversal else None})
    if appeal.contact_email:
        link = absolute(reverse("moderation-appeal-status",
                                kwargs={"slug": appeal.office.slug, "uuid": appeal.uuid}))
        outcome = "uwzględnione" if upheld else "nieuwzględnione"
        body = (f"Odwołanie nr {appeal.reference} zostało {outcome}.\n\nUzasadnienie:\n"
                f"{appeal.decision}\n\nSzczegóły: {link}\n\n{appeal.office.name}")
        transaction.on_commit(lambda: send_mail(
            f"{appeal.office.name}: odpowiedź na odwołanie {appeal.reference}", body, None,
            [appeal.contact_email], fail_silently=True))
    return appeal
