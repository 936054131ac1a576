"""Moderation acts: every act cites a clause of the rules in force and carries a statement of
reasons; it is carried out on the platform through the outbox and written to the audit log with
a snapshot of what it concerned.

The rules the service enforces (the UI and the API only call it):
- a moderator or above acts; a restricting act cites a removal clause, a restoring act any
  clause (review, correction, upheld appeal);
- hide is the default; delete needs a clause that allows it;
- sanctions are graduated: a restriction needs an earlier hide or warning of the same person
  (unless the clause is one that allows a permanent block), a restriction longer than 30 days
  an earlier restriction;
- a permanent block needs a clause that allows it and a second person with the supervisor
  role; during an election campaign so does any act against a candidate's or committee's
  account;
- detectors may only hide (identifiers in a public comment), pending a person's review.
"""

import hashlib
import json
import logging
import re
from datetime import time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.channels.models import Channel
from ratusz.inbox.models import Conversation, Message, Post, Resident
from ratusz.inbox.services import PRIVATE_REPLY_WINDOW, message_window
from ratusz.moderation import statement
from ratusz.moderation.models import (
    Clause,
    MarkedAccount,
    ModerationAct,
    Regulamin,
    ReviewItem,
    new_reference,
)
from ratusz.offices.access import membership_for
from ratusz.offices.models import Election, Office, Role
from ratusz.outbox.models import OutboxAction
from ratusz.outbox.services import action_create

log = logging.getLogger(__name__)
Kind = ModerationAct.Kind
Status = ModerationAct.Status

RESTRICTION_DAYS = (7, 30, 90)
BLOCK_REVIEW_DAYS = 90
LADDER_MEMORY = timedelta(days=365)
PROTECTIVE_LEGAL_BASIS = ("art. 5 ust. 1 lit. f i art. 32 RODO (ochrona danych osobowych "
                          "autora komentarza)")


class ActRefused(ValidationError):
    """The act breaks a rule; the message says which, in words a moderator understands."""


def regulamin_in_force(office: Office, at=None) -> Regulamin | None:
    return Regulamin.objects.in_force(office, at)


def campaign_running(office: Office, day=None) -> Election | None:
    day = day or timezone.localdate()
    return Election.objects.filter(office=office, campaign_start__lte=day).exclude(
        voting_day__lt=day, second_round__isnull=True).exclude(
        second_round__lt=day).first()


# -- choosing and checking -----------------------------------------------------------------------

def _require(actor, office: Office, role: str) -> None:
    membership = membership_for(actor, office) if actor is not None else None
    if membership is None or not membership.allows(role):
        raise ActRefused(_("Your role does not allow this moderation act."), code="role")


def _target(kind: str, office: Office, message, resident, post):
    """Check the act fits what it concerns; return (channel, message, resident, post)."""
    if message is not None:
        if message.conversation.office_id != office.pk:
            raise ActRefused(_("This message belongs to another office."))
        resident = resident or message.resident
        post = post or message.conversation.post
    if kind in ModerationAct.ON_COMMENTS:
        if message is None or message.kind != Message.Kind.COMMENT \
                or message.direction != Message.Direction.IN or not message.platform_id:
            raise ActRefused(_("Only a resident's comment can be hidden, shown or deleted."))
        if message.deleted_at:
            raise ActRefused(_("The comment is already deleted."))
        if kind == Kind.HIDE and message.is_hidden:
            raise ActRefused(_("The comment is already hidden."))
        if kind == Kind.UNHIDE and not message.is_hidden:
            raise ActRefused(_("The comment is not hidden."))
        return message.channel, message, resident, post
    if kind in ModerationAct.ON_POSTS:
        if post is None or post.deleted_at:
            raise ActRefused(_("Choose the post whose comments are concerned."))
        return post.channel, message, resident, post
    if resident is None:
        raise ActRefused(_("Choose the account the act concerns."))
    return resident.channel, message, resident, post


def _clause_for(kind: str, office: Office, clause: Clause | None) -> tuple[Regulamin, Clause]:
    regulamin = regulamin_in_force(office)
    if regulamin is None:
        raise ActRefused(_("The office has no page rules in force. Publish the rules first: "
                           "every act must cite one of their clauses."), code="no_rules")
    if clause is None:
        raise ActRefused(_("Choose the clause of the page rules the act is based on."),
                         code="no_clause")
    if clause.regulamin_id != regulamin.pk:
        raise ActRefused(_("The clause is not part of the rules in force (version %(v)s).")
                         % {"v": regulamin.version}, code="not_in_force")
    if kind in ModerationAct.RESTRICTING and clause.kind != Clause.Kind.REMOVAL \
            and not (kind == Kind.COMMENTS_OFF and clause.key == "comments_off"):
        raise ActRefused(_("Only a reason listed in the rules (a removal clause) can justify "
                           "restricting content or people."), code="not_a_reason")
    if kind == Kind.DELETE and not clause.allows_delete:
        allowed = ", ".join(regulamin.clauses.filter(allows_delete=True).values_list(
            "number", flat=True))
        raise ActRefused(_("The rules do not allow deleting for this reason; hide the comment "
                           "instead. Deleting is allowed for: %(clauses)s.")
                         % {"clauses": allowed or "-"}, code="no_delete")
    if kind == Kind.BLOCK and not clause.allows_permanent_block:
        raise ActRefused(_("A permanent block is allowed only for the reasons the rules mark "
                           "for it (spam or fake accounts, threats, repeated unlawful content)."),
                         code="no_permanent")
    return regulamin, clause


# Clauses so grave that a restriction may come at once, without climbing the ladder.
NO_LADDER = {"threats", "spam", "fake_account"}


def _steps(resident: Resident, kinds: set[str], *, other_than=None):
    """Earlier steps of the ladder against this account: acts people took (detectors' hides
    do not count), carried out, not reversed since, within a year, about other content."""
    steps = ModerationAct.objects.filter(
        resident=resident, kind__in=kinds, status=Status.DONE, automatic=False,
        created_at__gte=timezone.now() - LADDER_MEMORY,
    ).exclude(reversals__status=Status.DONE)
    if other_than is not None:
        steps = steps.exclude(message=other_than)
    return steps


def _check_ladder(kind: str, resident: Resident | None, clause: Clause,
                  duration_days: int | None, message=None) -> None:
    """Hide, then a private warning (or a second hide where no warning could reach them),
    then 7 days, then 30, then 90."""
    if kind != Kind.RESTRICT:
        return
    if duration_days not in RESTRICTION_DAYS:
        raise ActRefused(_("A restriction lasts 7, 30 or 90 days."), code="duration")
    if clause.key in NO_LADDER:
        return
    steps = _steps(resident, {Kind.HIDE, Kind.DELETE, Kind.WARNING}, other_than=message)
    if steps.count() < 2:
        raise ActRefused(_("Sanctions are graduated: before a restriction, the person's "
                           "comments were hidden and they were warned (or, where no warning "
                           "could reach them, hidden twice)."), code="ladder")
    restrictions = _steps(resident, {Kind.RESTRICT})
    if duration_days == 30 and not restrictions.exists():
        raise ActRefused(_("A 30-day restriction follows an earlier 7-day one."),
                         code="ladder_long")
    if duration_days == 90 and not restrictions.filter(duration_days__gte=30).exists():
        raise ActRefused(_("A 90-day restriction follows an earlier 30-day one."),
                         code="ladder_long")


def _check_not_twice(kind: str, message, resident, post) -> None:
    """A double click or two moderators at once must not make two acts (the caller holds a
    lock on the message or the account)."""
    pending = ModerationAct.objects.filter(
        kind=kind, status__in=[Status.AWAITING_APPROVAL, Status.SENDING])
    if kind in ModerationAct.ON_COMMENTS:
        pending = pending.filter(message=message)
    elif kind in ModerationAct.ON_POSTS:
        pending = pending.filter(post=post)
    else:
        pending = pending.filter(resident=resident)
    if pending.exists():
        raise ActRefused(_("The same act on this is already under way."), code="twice")
    if kind in {Kind.RESTRICT, Kind.BLOCK} and ModerationAct.objects.filter(
            resident=resident, kind=Kind.BLOCK, status=Status.DONE,
            lifted_at__isnull=True).exists():
        raise ActRefused(_("This account is already blocked."), code="twice")
    if kind == Kind.RESTRICT and ModerationAct.objects.filter(
            resident=resident, kind=Kind.RESTRICT, status=Status.DONE,
            lifted_at__isnull=True).exists():
        raise ActRefused(_("This account is already restricted; a permanent block may follow "
                           "for the reasons that allow it."), code="twice")


def _approval_needed(kind: str, office: Office, resident: Resident | None) -> str:
    if kind == Kind.BLOCK:
        return "permanent"
    if kind in ModerationAct.RESTRICTING and resident is not None \
            and MarkedAccount.objects.filter(office=office, resident=resident).exists() \
            and campaign_running(office) is not None:
        return "election"
    return ""


def _reversed_act(kind: str, message, resident, post, reverses=None) -> ModerationAct | None:
    """The act a restoring act undoes: the one named (an appeal), or the latest in force."""
    acts = ModerationAct.objects.filter(status=Status.DONE)
    if reverses is not None:
        expected = {Kind.UNHIDE: {Kind.HIDE}, Kind.UNBLOCK: {Kind.RESTRICT, Kind.BLOCK},
                    Kind.COMMENTS_ON: {Kind.COMMENTS_OFF}}.get(kind, set())
        if reverses.kind not in expected or reverses.status != Status.DONE:
            raise ActRefused(_("This act cannot be reversed that way."), code="reverses")
        return reverses
    if kind == Kind.UNHIDE:
        return acts.filter(kind=Kind.HIDE, message=message).first()
    if kind == Kind.UNBLOCK:
        return acts.filter(kind__in=[Kind.RESTRICT, Kind.BLOCK], resident=resident,
                           lifted_at__isnull=True).first()
    if kind == Kind.COMMENTS_ON:
        return acts.filter(kind=Kind.COMMENTS_OFF, post=post, lifted_at__isnull=True).first()
    return None


def _snapshot(message, resident, post) -> dict:
    snap: dict = {}
    if message is not None:
        snap.update(text=message.text, author=message.author_label,
                    message_platform_id=message.platform_id or "",
                    created_at=message.created_at.isoformat() if message.created_at else "",
                    conversation=str(message.conversation.uuid))
    if resident is not None:
        snap.update(author=snap.get("author") or resident.display_name or resident.platform_id,
                    account_id=resident.platform_id)
    if post is not None:
        snap.update(post_platform_id=post.platform_id, post_url=post.permalink_url)
        if message is None:
            snap["post_text"] = post.text[:1000]
    return snap


def _masks(message) -> list[tuple[int, int]]:
    if message is None:
        return []
    from ratusz.triage.models import Analysis

    items = Analysis.objects.filter(message=message).values_list("personal_items",
                                                                  flat=True).first() or []
    return [(item["start"], item["end"]) for item in items]


# -- the private notice ---------------------------------------------------------------------------

def _notice_route(act: ModerationAct) -> tuple[str, str, dict, Conversation] | None:
    """How the statement can reach the person now: (outbox kind, target, payload extra,
    conversation), or None when Meta allows no message (it is then kept for them on request
    and at the statement's link)."""
    now = timezone.now()
    message = act.message
    if (message is not None and message.kind == Message.Kind.COMMENT and message.platform_id
            and not message.deleted_at
            and not (message.created_at and now - message.created_at > PRIVATE_REPLY_WINDOW)
            and not Message.objects.filter(  # Meta allows one private reply per comment
                channel=message.channel, is_private_reply=True,
                parent_platform_id=message.platform_id).exclude(
                delivery=Message.Delivery.FAILED).exists()):
        return (OutboxAction.Kind.PRIVATE_REPLY, message.platform_id,
                {"recipient_key": "comment_id"}, message.conversation)
    # Otherwise a Messenger or Instagram thread with the person, while Meta's window is open.
    resident = act.resident
    if resident is None:
        return None
    direct = Conversation.objects.filter(channel=resident.channel, resident=resident,
                                         kind=Conversation.Kind.DIRECT).first()
    if direct is None:
        return None
    try:
        messaging_type, tag = message_window(direct, now)
    except ValidationError:
        return None
    return (OutboxAction.Kind.MESSAGE, resident.platform_id,
            {"messaging_type": messaging_type, **({"tag": tag} if tag else {})}, direct)


def _notice_limit(act: ModerationAct) -> int:
    """Messenger takes 2,000 characters, Instagram 1,000 bytes."""
    return 1000 if act.channel.platform == Channel.Platform.INSTAGRAM else 2000


def _send_notice(act: ModerationAct, text: str, route) -> OutboxAction:
    kind, target, extra, conversation = route
    action = action_create(actor=act.actor, channel=act.channel, kind=kind, target_id=target,
                           payload={"text": text, "moderation_act": act.pk, **extra})
    now = timezone.now()
    # Shown in the thread, but it is no answer: the first-response clock keeps running.
    Message.objects.create(
        conversation=conversation, channel=act.channel, kind=Message.Kind.MESSAGE,
        direction=Message.Direction.OUT,
        origin=Message.Origin.AUTOMATIC if act.automatic else Message.Origin.DESK,
        author_user=act.actor, author_name=_("Moderation notice"), text=text, created_at=now,
        text_version_at=now, is_private_reply=kind == OutboxAction.Kind.PRIVATE_REPLY,
        parent_platform_id=target, delivery=Message.Delivery.PENDING, outbox_action=action)
    act.notice_action, act.notice = action, "sending"
    return action


# -- requesting, approving, carrying out ---------------------------------------------------------

@transaction.atomic
def act_request(*, actor, office: Office, kind: str, clause: Clause | None,
                message: Message | None = None, resident: Resident | None = None,
                post: Post | None = None, description: str = "",
                duration_days: int | None = None, detector: str = "",
                reverses: ModerationAct | None = None) -> ModerationAct:
    """A person asks for an act. It is carried out at once, or waits for a supervisor."""
    if kind not in Kind.values:
        raise ActRefused(_("Unknown moderation act."))
    _require(actor, office, Role.MODERATOR)
    if message is not None:
        message = Message.objects.select_for_update(of=("self",)).select_related(
            "conversation__post", "resident", "channel").get(pk=message.pk)
    channel, message, resident, post = _target(kind, office, message, resident, post)
    if resident is not None:  # one act at a time per account
        Resident.objects.select_for_update().filter(pk=resident.pk).first()
    regulamin, clause = _clause_for(kind, office, clause)
    _check_not_twice(kind, message, resident, post)
    _check_ladder(kind, resident, clause, duration_days,
                  message=message if kind == Kind.RESTRICT else None)
    reverses = _reversed_act(kind, message, resident, post, reverses)
    if kind == Kind.UNBLOCK and reverses is None:
        raise ActRefused(_("This account has no restriction or block in force."))
    if kind == Kind.COMMENTS_ON and reverses is None and channel.platform == "facebook":
        raise ActRefused(_("Comments on this post were not turned off through Ratusz."))
    now = timezone.now()
    act = ModerationAct(
        reference=new_reference("M"), office=office, channel=channel, kind=kind,
        message=message, resident=resident, post=post, regulamin=regulamin, clause=clause,
        description=description.strip()[:4000], snapshot=_snapshot(message, resident, post),
        detector=detector, actor=actor, created_at=now, reverses=reverses,
        approval_reason=_approval_needed(kind, office, resident))
    act.appeal_deadline_from(max(office.appeal_months, 6))
    if kind == Kind.RESTRICT:
        act.duration_days, act.expires_at = duration_days, now + timedelta(days=duration_days)
    if kind == Kind.BLOCK:
        act.review_at = now + timedelta(days=BLOCK_REVIEW_DAYS)
    if kind == Kind.WARNING and _notice_route(act) is None:
        raise ActRefused(_("Meta does not allow a private message to this person now (the "
                           "7-day or 24-hour window has passed, or the one private reply to "
                           "the comment was used). Hide the comment instead; the statement of "
                           "reasons stays available to them."), code="no_notice")
    act.status = Status.AWAITING_APPROVAL if act.approval_reason else Status.SENDING
    act.statement = statement.build(act, masks=_masks(message))
    act.save()
    record(actor=actor, verb="moderation.act.requested", office=office, target=act,
           data=_audit_data(act))
    if not act.approval_reason:
        _carry_out(act)
    return act


def _audit_data(act: ModerationAct) -> dict:
    return {"reference": act.reference, "kind": act.kind,
            "clause": act.clause.number if act.clause_id else None,
            "clause_key": act.clause.key if act.clause_id else None,
            "regulamin_version": act.regulamin.version if act.regulamin_id else None,
            "automatic": act.automatic, "detector": act.detector,
            "approval": act.approval_reason or None,
            "message": str(act.message.uuid) if act.message_id else None,
            "account": act.snapshot.get("account_id"),
            # The log is append-only and cannot forget, so it holds a fingerprint of the
            # content, not the content (which may carry a PESEL): the act keeps the snapshot.
            "snapshot_sha256": hashlib.sha256(json.dumps(
                act.snapshot, sort_keys=True).encode()).hexdigest()}


def _id_kind(resident: Resident) -> str:
    """Facebook's blocked edge takes a Messenger PSID as `psid`, a commenter's id as `user`."""
    direct = Conversation.objects.filter(resident=resident,
                                         kind=Conversation.Kind.DIRECT).exists()
    return "psid" if direct else "user"


def _block_action(act: ModerationAct, blocked: bool) -> OutboxAction:
    return action_create(actor=act.actor, channel=act.channel, kind=OutboxAction.Kind.BLOCK,
                         target_id=act.resident.platform_id,
                         payload={"blocked": blocked, "id_kind": _id_kind(act.resident),
                                  "moderation_act": act.pk})


# Acts after which the notice could no longer reach the person (a deleted comment cannot take
# a private reply; a blocked person may not receive a message): the notice goes first.
NOTICE_FIRST = {Kind.DELETE, Kind.RESTRICT, Kind.BLOCK}


def _platform_action(act: ModerationAct) -> OutboxAction | None:
    """The platform call that carries out the act (None: nothing to call)."""
    kind, channel = act.kind, act.channel
    if kind in {Kind.HIDE, Kind.UNHIDE}:
        return action_create(
            actor=act.actor, channel=channel, kind=OutboxAction.Kind.COMMENT_HIDE,
            target_id=act.message.platform_id,
            payload={"hidden": kind == Kind.HIDE, "message": act.message_id,
                     "moderation_act": act.pk})
    if kind == Kind.DELETE:
        return action_create(
            actor=act.actor, channel=channel, kind=OutboxAction.Kind.COMMENT_DELETE,
            target_id=act.message.platform_id,
            payload={"message": act.message_id, "moderation_act": act.pk})
    if kind in {Kind.RESTRICT, Kind.BLOCK, Kind.UNBLOCK}:
        return _block_action(act, kind != Kind.UNBLOCK)
    if kind in ModerationAct.ON_POSTS and channel.platform == Channel.Platform.INSTAGRAM:
        return action_create(
            actor=act.actor, channel=channel, kind=OutboxAction.Kind.POST_COMMENTS,
            target_id=act.post.platform_id,
            payload={"enabled": kind == Kind.COMMENTS_ON, "moderation_act": act.pk})
    return None


def _carry_out(act: ModerationAct) -> None:
    """Queue the platform calls for an act that may go ahead (inside the transaction)."""
    kind = act.kind
    route = _notice_route(act) if kind in ModerationAct.RESTRICTING else None
    if route is not None:
        _send_notice(act, statement.notice(act, limit=_notice_limit(act)), route)
    elif kind in ModerationAct.RESTRICTING:
        act.notice = "stored"
    if kind == Kind.WARNING:
        act.outbox_action = act.notice_action  # the warning is the message
    elif kind in NOTICE_FIRST and act.notice_action is not None:
        pass  # `action_finished` queues the act once the notice is sent or has failed
    else:
        act.outbox_action = _platform_action(act)
        if act.outbox_action is None and kind in ModerationAct.ON_POSTS:
            # Meta's API cannot turn comments off on a Facebook post: a person does it in
            # Meta Business Suite, and the act records it.
            act.manual, act.status, act.executed_at = True, Status.DONE, timezone.now()
    act.save(update_fields=["status", "outbox_action", "notice_action", "notice", "manual",
                            "executed_at"])
    if act.status == Status.DONE:
        _finish(act, actor=act.actor)


@transaction.atomic
def act_approve(*, actor, act: ModerationAct) -> ModerationAct:
    act = ModerationAct.objects.select_for_update().get(pk=act.pk)
    _require(actor, act.office, Role.SUPERVISOR)
    if act.status != Status.AWAITING_APPROVAL:
        raise ActRefused(_("This act is not waiting for approval."))
    if act.actor_id == getattr(actor, "pk", None):
        raise ActRefused(_("A second person must approve: you asked for this act yourself."),
                         code="four_eyes")
    # Things may have changed while it waited: new rules, a deleted comment, a closed window.
    _clause_for(act.kind, act.office, act.clause)
    if act.kind in ModerationAct.ON_COMMENTS:
        _target(act.kind, act.office, Message.objects.select_related(
            "conversation__post", "resident", "channel").get(pk=act.message_id), None, None)
    if act.kind == Kind.WARNING and _notice_route(act) is None:
        raise ActRefused(_("Meta no longer allows a private message to this person; refuse "
                           "the warning and hide the comment instead."), code="no_notice")
    act.approved_by, act.approved_at, act.status = actor, timezone.now(), Status.SENDING
    act.save(update_fields=["approved_by", "approved_at", "status"])
    record(actor=actor, verb="moderation.act.approved", office=act.office, target=act,
           data={"reference": act.reference, "kind": act.kind,
                 "approval": act.approval_reason})
    _carry_out(act)
    return act


@transaction.atomic
def act_refuse(*, actor, act: ModerationAct, reason: str) -> ModerationAct:
    act = ModerationAct.objects.select_for_update().get(pk=act.pk)
    _require(actor, act.office, Role.SUPERVISOR)
    if act.status != Status.AWAITING_APPROVAL:
        raise ActRefused(_("This act is not waiting for approval."))
    if not reason.strip():
        raise ActRefused(_("Say why the act is refused."))
    act.status, act.refusal = Status.REFUSED, reason.strip()
    act.approved_by, act.approved_at = actor, timezone.now()
    act.save(update_fields=["status", "refusal", "approved_by", "approved_at"])
    record(actor=actor, verb="moderation.act.refused", office=act.office, target=act,
           data={"reference": act.reference, "reason": act.refusal})
    return act


def _finish(act: ModerationAct, *, actor) -> None:
    """The act took effect: the restored act is lifted, open reviews of the content close."""
    if act.kind == Kind.UNBLOCK and act.resident_id:
        # The platform's unblock ends every restriction and block of the account at once.
        ModerationAct.objects.filter(
            resident_id=act.resident_id, kind__in=[Kind.RESTRICT, Kind.BLOCK],
            status=Status.DONE, lifted_at__isnull=True).update(lifted_at=timezone.now())
    if act.reverses_id and act.kind == Kind.COMMENTS_ON:
        ModerationAct.objects.filter(pk=act.reverses_id, lifted_at__isnull=True).update(
            lifted_at=timezone.now())
    if act.kind == Kind.DELETE and act.message_id:
        Message.objects.filter(pk=act.message_id, deleted_at__isnull=True).update(
            deleted_at=timezone.now())
    if act.message_id and not act.automatic:
        for item in ReviewItem.objects.filter(message_id=act.message_id,
                                              resolved_at__isnull=True):
            item.outcome, item.resolved_at, item.act = ReviewItem.Outcome.ACTED, \
                timezone.now(), act
            item.resolved_by = act.actor
            item.save(update_fields=["outcome", "resolved_at", "act", "resolved_by"])
    record(actor=actor, verb="moderation.act.done", office=act.office, target=act,
           data={"reference": act.reference, "kind": act.kind, "manual": act.manual})


def action_finished(action: OutboxAction) -> None:
    """Outbox hook (inside the sender's transaction): an act's call or notice is settled."""
    sent = action.status == OutboxAction.Status.SENT
    if "lift_of" in action.payload and not sent:
        # The expiry's unblock did not go through: the worker tries again at its next round.
        ModerationAct.objects.filter(pk=action.payload["lift_of"]).update(lifted_at=None)
        return
    if "moderation_act" not in action.payload:
        return
    act = ModerationAct.objects.select_for_update(of=("self",)).filter(
        pk=action.payload["moderation_act"]).select_related("office", "resident").first()
    if act is None:
        return
    if act.notice_action_id == action.pk:
        act.notice = "sent" if sent else f"failed: {action.error_message}"[:200]
        act.save(update_fields=["notice"])
        if act.kind in NOTICE_FIRST and act.outbox_action_id is None:
            act.outbox_action = _platform_action(act)
            act.save(update_fields=["outbox_action"])
            return
    if act.outbox_action_id != action.pk or act.status != Status.SENDING:
        return
    act.status = Status.DONE if sent else Status.FAILED
    act.executed_at = timezone.now() if sent else None
    act.save(update_fields=["status", "executed_at"])
    if sent:
        _finish(act, actor="meta")
    else:
        record(actor="meta", verb="moderation.act.failed", office=act.office, target=act,
               data={"reference": act.reference, "error": action.error_message[:500]})


# -- detectors ------------------------------------------------------------------------------------

def _personal_data_clause(office: Office) -> tuple[Regulamin | None, Clause | None]:
    regulamin = regulamin_in_force(office)
    if regulamin is None:
        return None, None
    return regulamin, regulamin.clauses.filter(key="personal_data",
                                               kind=Clause.Kind.REMOVAL).first()


def protective_hide(message: Message, found: set[str]) -> ModerationAct | None:
    """A detector found an identifier in a public comment: hide it (never delete), send its
    author one private message with a safe channel, and put it in the review queue."""
    office = message.conversation.office
    if (not office.protective_hide or not found or message.kind != Message.Kind.COMMENT
            or message.direction != Message.Direction.IN or message.is_hidden
            or message.deleted_at or not message.platform_id):
        return None
    with transaction.atomic():
        locked = Message.objects.select_for_update(of=("self",)).select_related(
            "conversation__post", "resident", "channel").get(pk=message.pk)
        if locked.is_hidden or locked.deleted_at or ModerationAct.objects.filter(
                message=locked, kind=Kind.HIDE, status__in=[Status.SENDING, Status.DONE]
        ).exists():
            return None
        regulamin, clause = _personal_data_clause(office)
        now = timezone.now()
        act = ModerationAct(
            reference=new_reference("M"), office=office, channel=locked.channel,
            kind=Kind.HIDE, status=Status.SENDING, message=locked, resident=locked.resident,
            post=locked.conversation.post, regulamin=regulamin if clause else None,
            clause=clause, legal_basis="" if clause else PROTECTIVE_LEGAL_BASIS,
            description=("W komentarzu rozpoznano: " + ", ".join(
                statement.IDENTIFIERS.get(t, t) for t in sorted(found)) + "."),
            snapshot=_snapshot(locked, locked.resident, locked.conversation.post),
            automatic=True, detector="personal_data:" + ",".join(sorted(found)),
            created_at=now)
        act.appeal_deadline_from(max(office.appeal_months, 6))
        act.statement = statement.build(act, masks=_masks(locked))
        act.save()
        record(actor="ratusz", verb="moderation.act.requested", office=office, target=act,
               data=_audit_data(act))
        act.outbox_action = action_create(
            actor=None, channel=locked.channel, kind=OutboxAction.Kind.COMMENT_HIDE,
            target_id=locked.platform_id,
            payload={"hidden": True, "message": locked.pk, "moderation_act": act.pk})
        route = _notice_route(act)
        if route is not None:
            _send_notice(act, statement.notice(act, protective=True,
                                               limit=_notice_limit(act)), route)
        else:
            act.notice = "stored"
        act.save(update_fields=["outbox_action", "notice_action", "notice"])
        review_open(message=locked, reason=ReviewItem.Reason.AUTO_HIDDEN, act=act)
    return act


def after_analysis(message: Message, row) -> None:
    """Triage's hook: what moderation does with a resident's analysed message."""
    from ratusz.triage.models import PROTECTED_IDENTIFIERS

    if message.kind != Message.Kind.COMMENT or message.direction != Message.Direction.IN:
        return
    found = {item["type"] for item in row.personal_items} & PROTECTED_IDENTIFIERS
    if row.personal_data and found:
        protective_hide(message, found)
    if row.harmful:
        with transaction.atomic():
            review_open(message=message, reason=ReviewItem.Reason.HARMFUL)
    office = message.conversation.office
    if in_silence(office) is not None and mentions_a_candidate(office, message.text):
        with transaction.atomic():
            review_open(message=message, reason=ReviewItem.Reason.ELECTION)


# -- the review queue -----------------------------------------------------------------------------

def review_due(office: Office, now=None):
    """The end of the office's current working day, or of the next one when it is closed."""
    from ratusz.inbox.clock import office_calendar

    now = now or timezone.now()
    day = timezone.localdate(now)
    for offset in range(0, 30):
        current = day + timedelta(days=offset)
        spans = office_calendar(office, current).spans(current)
        if spans and spans[-1][1] > now:
            return spans[-1][1]
    return now + timedelta(days=1)


def review_open(*, message: Message, reason: str, reported_by=None, note: str = "",
                act: ModerationAct | None = None) -> ReviewItem | None:
    """Put a message in the review queue once per reason (inside the caller's transaction)."""
    office = message.conversation.office
    if ReviewItem.objects.filter(message=message, reason=reason,
                                 resolved_at__isnull=True).exists():
        return None
    item = ReviewItem.objects.create(office=office, message=message, reason=reason,
                                     reported_by=reported_by, note=note[:2000],
                                     due_at=review_due(office), act=act)
    record(actor=reported_by or "ratusz", verb="moderation.review.opened", office=office,
           target=message, data={"reason": reason, "item": item.pk})
    return item


@transaction.atomic
def review_report(*, actor, message: Message, note: str) -> ReviewItem | None:
    """Any member of staff who can answer may ask a moderator to look at a comment."""
    _require(actor, message.conversation.office, Role.RESPONDER)
    return review_open(message=message, reason=ReviewItem.Reason.REPORTED, reported_by=actor,
                       note=note)


@transaction.atomic
def review_keep(*, actor, item: ReviewItem, note: str = "") -> ReviewItem:
    """A moderator looked and decided to leave the content as it is."""
    item = ReviewItem.objects.select_for_update().get(pk=item.pk)
    _require(actor, item.office, Role.MODERATOR)
    if item.resolved_at:
        return item
    item.outcome, item.resolved_at, item.resolved_by = ReviewItem.Outcome.KEPT, \
        timezone.now(), actor
    item.note = (item.note + "\n" + note.strip()).strip()[:4000]
    item.save(update_fields=["outcome", "resolved_at", "resolved_by", "note"])
    record(actor=actor, verb="moderation.review.kept", office=item.office, target=item.message,
           data={"reason": item.reason, "item": item.pk, "note": note.strip()[:500]})
    return item


# -- restrictions over time -----------------------------------------------------------------------

def restrictions_lift_expired(now=None) -> int:
    """The worker lifts restrictions whose time is up, on the platform and in the desk."""
    now = now or timezone.now()
    lifted = 0
    for pk in ModerationAct.objects.filter(kind=Kind.RESTRICT, status=Status.DONE,
                                           lifted_at__isnull=True,
                                           expires_at__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            act = ModerationAct.objects.select_for_update(of=("self",)).select_related(
                "resident", "office", "channel").get(pk=pk)
            if act.lifted_at or act.resident is None:
                continue
            still = ModerationAct.objects.filter(
                resident=act.resident, kind__in=[Kind.RESTRICT, Kind.BLOCK],
                status__in=[Status.DONE, Status.SENDING], lifted_at__isnull=True,
            ).exclude(pk=act.pk).exclude(kind=Kind.RESTRICT, expires_at__lte=now).exists()
            action = None
            if not still:  # a block or a longer restriction keeps the account blocked
                action = action_create(
                    actor=None, channel=act.channel, kind=OutboxAction.Kind.BLOCK,
                    target_id=act.resident.platform_id,
                    payload={"blocked": False, "id_kind": _id_kind(act.resident),
                             "lift_of": act.pk})
            act.lifted_at = now
            act.save(update_fields=["lifted_at"])
            record(actor="ratusz", verb="moderation.restriction.expired", office=act.office,
                   target=act, data={"reference": act.reference,
                                     "action": str(action.uuid) if action else None,
                                     "still_blocked_by_another_act": still})
            lifted += 1
    return lifted


def blocks_remind_reviews(now=None) -> int:
    """Tell the people who asked for and approved a block that its review is due (weekly)."""
    from django.core.mail import send_mail

    now = now or timezone.now()
    due = ModerationAct.objects.filter(kind=Kind.BLOCK, status=Status.DONE,
                                       lifted_at__isnull=True, review_at__lte=now).exclude(
        review_reminded_at__gt=now - timedelta(days=7)).select_related(
        "actor", "approved_by", "office")
    count = 0
    for act in due:
        to = sorted({u.email for u in (act.actor, act.approved_by) if u and u.email})
        if to:
            send_mail(_("Ratusz: a block is due for review"),
                      _("The block %(ref)s was due for review on %(day)s. Keep it with a new "
                        "review date or lift it: %(link)s") % {
                          "ref": act.reference, "day": timezone.localdate(act.review_at),
                          "link": statement.absolute(f"/o/{act.office.slug}/moderacja/blokady")},
                      None, to, fail_silently=True)
        with transaction.atomic():
            ModerationAct.objects.filter(pk=act.pk).update(review_reminded_at=now)
            record(actor="ratusz", verb="moderation.block.review_reminded", office=act.office,
                   target=act, data={"reference": act.reference, "to": len(to)})
        count += 1
    return count


@transaction.atomic
def block_keep(*, actor, act: ModerationAct, days: int = BLOCK_REVIEW_DAYS,
               note: str = "") -> ModerationAct:
    """A supervisor reviewed a block and keeps it until the next review."""
    act = ModerationAct.objects.select_for_update().get(pk=act.pk)
    _require(actor, act.office, Role.SUPERVISOR)
    if not act.is_active_restriction or act.kind != Kind.BLOCK:
        raise ActRefused(_("Only a block in force is reviewed."))
    if not 1 <= days <= BLOCK_REVIEW_DAYS:
        raise ActRefused(_("The rules say blocks are reviewed at least every 90 days."))
    before = act.review_at
    act.review_at, act.review_reminded_at = timezone.now() + timedelta(days=days), None
    act.save(update_fields=["review_at", "review_reminded_at"])
    record(actor=actor, verb="moderation.block.reviewed", office=act.office, target=act,
           data={"reference": act.reference, "before": before.isoformat() if before else None,
                 "after": act.review_at.isoformat(), "note": note.strip()[:500]})
    return act


# -- marked accounts ------------------------------------------------------------------------------

@transaction.atomic
def account_mark(*, actor, office: Office, resident: Resident, role: str | None,
                 note: str = "") -> None:
    """Record (or forget) that an account is a candidate's or an election committee's."""
    _require(actor, office, Role.SUPERVISOR)
    if role is None:
        deleted = MarkedAccount.objects.filter(office=office, resident=resident).delete()[0]
        if deleted:
            record(actor=actor, verb="moderation.account.unmarked", office=office,
                   target=resident)
        return
    if role not in MarkedAccount.Role.values:
        raise ActRefused(_("Unknown role."))
    MarkedAccount.objects.update_or_create(office=office, resident=resident,
                                           defaults={"role": role, "note": note[:200],
                                                     "created_by": actor})
    record(actor=actor, verb="moderation.account.marked", office=office, target=resident,
           data={"role": role})


@transaction.atomic
def election_add(*, actor, office: Office, name: str, campaign_start, voting_day,
                 second_round=None, polls_close=None, watch_phrases: str = "") -> Election:
    """Record an election's dates: the campaign needs a supervisor for acts against marked
    accounts, and the silence puts comments mentioning candidates in the review queue."""
    _require(actor, office, Role.SUPERVISOR)
    if campaign_start > voting_day or (second_round and second_round < voting_day):
        raise ActRefused(_("The campaign starts before the voting day, and a second round "
                           "follows it."), code="dates")
    election = Election.objects.create(office=office, name=name.strip()[:200],
                                       campaign_start=campaign_start, voting_day=voting_day,
                                       second_round=second_round,
                                       polls_close=polls_close or time(21, 0),
                                       watch_phrases=watch_phrases.strip())
    record(actor=actor, verb="moderation.election.added", office=office, target=election,
           data={"name": election.name, "campaign_start": campaign_start.isoformat(),
                 "voting_day": voting_day.isoformat(),
                 "second_round": second_round.isoformat() if second_round else None,
                 "polls_close": election.polls_close.isoformat(),
                 "watch_phrases": election.phrases()})
    return election


@transaction.atomic
def election_remove(*, actor, election: Election) -> None:
    _require(actor, election.office, Role.SUPERVISOR)
    record(actor=actor, verb="moderation.election.removed", office=election.office,
           target=election, data={"name": election.name})
    election.delete()


def in_silence(office: Office, day=None) -> Election | None:
    """The election silence: the day before a vote and the voting day itself."""
    day = day or timezone.localdate()
    for election in Election.objects.filter(office=office, campaign_start__lte=day):
        for vote in filter(None, [election.voting_day, election.second_round]):
            if vote - timedelta(days=1) <= day <= vote:
                return election
    return None


def mentions_a_candidate(office: Office, text: str) -> bool:
    """Does the text name a marked account (by its surname, in any inflection's stem)?"""
    from ratusz.triage.analysis.normalize import fold

    words = set(re.findall(r"\w+", fold(text or "").text))
    for name in MarkedAccount.objects.filter(office=office).values_list(
            "resident__display_name", flat=True):
        parts = re.findall(r"\w+", fold(name or "").text)
        surname = parts[-1] if parts else ""
        if len(surname) >= 4 and any(word.startswith(surname[:-1]) for word in words):
            return True
    return False
