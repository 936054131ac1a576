"""Moderation acts through the service, carried out on the sandbox: clauses, roles, the
ladder of sanctions, four-eyes blocking, elections, expiry and the audit trail."""

import contextlib
from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from ratusz.audit.models import AuditEvent
from ratusz.audit.services import verify_chain
from ratusz.inbox.models import Message
from ratusz.moderation import services
from ratusz.moderation.models import MarkedAccount, ModerationAct, Regulamin, ReviewItem
from ratusz.moderation.services import ActRefused
from ratusz.offices.models import Election
from ratusz.outbox.models import OutboxAction

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def refused(code: str):
    with pytest.raises(ActRefused) as caught:
        yield
    assert caught.value.code == code, caught.value.messages


def act(committed, **kwargs):
    with committed():
        return services.act_request(**kwargs)


def test_an_act_without_a_clause_or_by_the_wrong_role_is_refused(demo, people, comment,
                                                                  clause, committed):
    message = comment()
    with refused("no_clause"):
        act(committed, actor=people.moderator, office=demo, kind="hide", clause=None,
            message=message)
    for user in (people.responder, people.viewer):
        with refused("role"):
            act(committed, actor=user, office=demo, kind="hide", clause=clause("insults"),
                message=message)
    # A procedure clause is no reason to restrict anything.
    with refused("not_a_reason"):
        act(committed, actor=people.moderator, office=demo, kind="hide",
            clause=clause("correction"), message=message)
    assert not ModerationAct.objects.exists()
    assert not OutboxAction.objects.filter(kind="comment_hide").exists()


def test_a_clause_of_a_draft_or_an_older_version_is_refused(demo, people, comment, committed):
    from ratusz.moderation.rules import regulamin_generate

    message = comment()
    draft = regulamin_generate(actor=people.admin, office=demo)
    with refused("not_in_force"):
        act(committed, actor=people.moderator, office=demo, kind="hide",
            clause=draft.clauses.get(key="insults"), message=message)


def test_hide_is_carried_out_on_the_platform_with_its_statement_and_snapshot(
        demo, people, comment, clause, committed, sandbox):
    message = comment()
    done = act(committed, actor=people.moderator, office=demo, kind="hide",
               clause=clause("insults"), message=message,
               description="Znieważenie pracowników urzędu.")
    sandbox.flush()
    done.refresh_from_db()
    message.refresh_from_db()
    assert done.status == "done" and message.is_hidden
    assert done.regulamin == Regulamin.objects.in_force(demo)
    assert done.snapshot["text"] == message.text
    assert done.snapshot["author"] == "Jan Hejter"
    for part in ("ukrycie komentarza", f"§ {done.clause.number}", "art. 216",
                 "Okoliczności: Znieważenie", "nie; decyzję podjął pracownik",
                 "/o/demo/odwolanie", done.reference):
        assert part in done.statement
    # The statement went to the author as the one private reply to the comment.
    assert done.notice == "sent"
    sent = sandbox.http.get("/_sandbox/state").json()["private_replies"]
    assert message.platform_id in sent
    assert AuditEvent.objects.filter(verb="moderation.act.requested").get().data[
        "clause_key"] == "insults"
    assert AuditEvent.objects.filter(verb="moderation.act.done").count() == 1
    assert verify_chain().ok


def test_delete_needs_a_clause_that_allows_it_and_the_snapshot_outlives_the_comment(
        demo, people, comment, clause, committed, sandbox):
    message = comment(text="Zabiję cię, wójcie, jak cię spotkam.")
    with refused("no_delete"):
        act(committed, actor=people.moderator, office=demo, kind="delete",
            clause=clause("insults"), message=message)
    done = act(committed, actor=people.moderator, office=demo, kind="delete",
               clause=clause("threats"), message=message)
    sandbox.flush()
    done.refresh_from_db()
    message.refresh_from_db()
    assert done.status == "done" and message.deleted_at is not None
    deletes = [r for r in sandbox.graph_requests()
               if r["method"] == "DELETE" and r["path"].endswith(message.platform_id)]
    assert len(deletes) == 1
    assert done.snapshot["text"] == "Zabiję cię, wójcie, jak cię spotkam."


def test_sanctions_are_graduated(demo, people, comment, clause, committed, sandbox):
    first = comment()
    resident = first.resident
    with refused("ladder"):
        act(committed, actor=people.moderator, office=demo, kind="restrict",
            clause=clause("insults"), resident=resident, duration_days=7)
    act(committed, actor=people.moderator, office=demo, kind="hide", clause=clause("insults"),
        message=first)
    sandbox.flush()
    with refused("ladder"):  # one step is not enough, nor is the same comment twice
        act(committed, actor=people.moderator, office=demo, kind="restrict",
            clause=clause("insults"), message=first, duration_days=7)
    second = comment(text="Złodzieje i nieroby, wszyscy do zwolnienia!")
    assert second.resident == resident
    act(committed, actor=people.moderator, office=demo, kind="hide", clause=clause("insults"),
        message=second)
    sandbox.flush()
    with refused("ladder_long"):
        act(committed, actor=people.moderator, office=demo, kind="restrict",
            clause=clause("insults"), resident=resident, duration_days=30)
    with refused("duration"):
        act(committed, actor=people.moderator, office=demo, kind="restrict",
            clause=clause("insults"), resident=resident, duration_days=14)
    restriction = act(committed, actor=people.moderator, office=demo, kind="restrict",
                      clause=clause("insults"), resident=resident, duration_days=7)
    with refused("twice"):  # a double click
        act(committed, actor=people.moderator, office=demo, kind="restrict",
            clause=clause("insults"), resident=resident, duration_days=7)
    sandbox.flush()
    restriction.refresh_from_db()
    assert restriction.status == "done"
    assert restriction.expires_at - restriction.created_at == timedelta(days=7)
    blocked = sandbox.http.get("/_sandbox/state").json()["blocked"]
    assert resident.platform_id in blocked[demo.channels.get(platform="facebook").platform_id]
    assert "Przez 7 dni" in restriction.statement


def test_a_detectors_hide_and_a_reversed_hide_are_no_steps_of_the_ladder(
        demo, people, comment, clause, committed, sandbox):
    from ratusz.moderation import appeals

    first = comment(text="Mój PESEL 44051401359, a wy złodzieje nic nie robicie!")
    first.refresh_from_db()
    assert first.is_hidden  # hidden by the detector
    second = comment(text="Złodzieje i nieroby, wszyscy do zwolnienia!")
    hide = act(committed, actor=people.moderator, office=demo, kind="hide",
               clause=clause("insults"), message=second)
    sandbox.flush()
    with refused("ladder"):
        act(committed, actor=people.moderator, office=demo, kind="restrict",
            clause=clause("insults"), resident=second.resident, duration_days=7)
    third = comment(text="Banda nierobów!")
    act(committed, actor=people.moderator, office=demo, kind="hide", clause=clause("insults"),
        message=third)
    sandbox.flush()
    appeal = appeals.appeal_submit(office=demo, act_reference=hide.reference, account_name="",
                                   description="", text="Krytyka.", contact_email="")
    with committed():
        appeals.appeal_decide(actor=people.supervisor, appeal=appeal, upheld=True,
                              reasons="Krytyka, nie znieważenie.")
    sandbox.flush()
    with refused("ladder"):  # the upheld appeal took that step away
        act(committed, actor=people.moderator, office=demo, kind="restrict",
            clause=clause("insults"), resident=second.resident, duration_days=7)


def test_threats_need_no_ladder_but_a_permanent_block_needs_a_second_supervisor(
        demo, people, comment, clause, committed, sandbox):
    message = comment(text="Spalę ten urząd razem z wami.")
    resident = message.resident
    with refused("no_permanent"):
        act(committed, actor=people.moderator, office=demo, kind="block",
            clause=clause("insults"), resident=resident)
    block = act(committed, actor=people.moderator, office=demo, kind="block",
                clause=clause("threats"), resident=resident)
    assert block.status == "awaiting" and block.approval_reason == "permanent"
    assert not OutboxAction.objects.filter(kind="block").exists()
    with refused("role"):  # a moderator cannot complete it
        services.act_approve(actor=people.moderator, act=block)
    with refused("twice"):
        act(committed, actor=people.supervisor, office=demo, kind="block",
            clause=clause("threats"), resident=resident)
    spammer = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    asked = act(committed, actor=people.supervisor, office=demo, kind="block",
                clause=clause("spam"), resident=spammer.resident)
    with refused("four_eyes"):  # nor can the supervisor who asked
        services.act_approve(actor=people.supervisor, act=asked)
    with committed():
        services.act_approve(actor=people.supervisor, act=block)
    sandbox.flush()
    block.refresh_from_db()
    assert block.status == "done" and block.approved_by == people.supervisor
    assert block.review_at.date() == (block.created_at + timedelta(days=90)).date()
    assert OutboxAction.objects.filter(kind="block", status="sent").count() == 1
    assert AuditEvent.objects.filter(verb="moderation.act.approved").count() == 1


def test_during_a_campaign_acts_against_a_candidate_need_a_supervisor(
        demo, people, comment, clause, committed):
    message = comment(text="Głosujcie na mnie, to posprzątam ten bałagan, złodzieje!",
                      who="Kandydat Kowalski")
    services.account_mark(actor=people.supervisor, office=demo, resident=message.resident,
                          role=MarkedAccount.Role.CANDIDATE)
    Election.objects.create(office=demo, name="Wybory samorządowe",
                            campaign_start=date(2026, 11, 1), voting_day=date(2026, 12, 6))
    hide = act(committed, actor=people.moderator, office=demo, kind="hide",
               clause=clause("insults"), message=message)
    assert hide.status == "awaiting" and hide.approval_reason == "election"
    Election.objects.all().delete()
    other = comment(text="Głupi pomysł, złodzieje!", who="Inny Mieszkaniec")
    assert act(committed, actor=people.moderator, office=demo, kind="hide",
               clause=clause("insults"), message=other).status == "sending"


def test_expired_restrictions_are_lifted_on_the_platform(demo, people, comment, clause,
                                                         committed, sandbox):
    message = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    restriction = act(committed, actor=people.moderator, office=demo, kind="restrict",
                      clause=clause("spam"), resident=message.resident, duration_days=7)
    sandbox.flush()
    page_id = demo.channels.get(platform="facebook").platform_id
    assert message.resident.platform_id in sandbox.http.get(
        "/_sandbox/state").json()["blocked"][page_id]
    assert services.restrictions_lift_expired() == 0
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        with committed():
            assert services.restrictions_lift_expired() == 1
        sandbox.flush()
    restriction.refresh_from_db()
    assert restriction.lifted_at is not None
    assert message.resident.platform_id not in sandbox.http.get(
        "/_sandbox/state").json()["blocked"].get(page_id, {})
    assert AuditEvent.objects.filter(verb="moderation.restriction.expired").count() == 1
    with committed():
        assert services.restrictions_lift_expired() == 0


def test_blocks_due_for_review_remind_their_owners_once_a_week(demo, people, comment, clause,
                                                               committed, sandbox, mailoutbox):
    message = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    block = act(committed, actor=people.moderator, office=demo, kind="block",
                clause=clause("spam"), resident=message.resident)
    with committed():
        services.act_approve(actor=people.supervisor, act=block)
    sandbox.flush()
    assert services.blocks_remind_reviews() == 0
    later = timezone.now() + timedelta(days=91)
    with time_machine.travel(later), committed():
        assert services.blocks_remind_reviews() == 1
        assert services.blocks_remind_reviews() == 0  # not again the same week
    assert sorted(mailoutbox[0].to) == ["redaktor@przykladowo.example.pl",
                                        "sekretarz@przykladowo.example.pl"]
    with time_machine.travel(later), committed():
        services.block_keep(actor=people.supervisor, act=block, days=30,
                            note="Konto nadal rozsyła oszustwa.")
    block.refresh_from_db()
    assert block.review_at > later


def test_a_refused_platform_call_marks_the_act_failed(demo, people, comment, clause, committed,
                                                      sandbox):
    message = comment()
    response = sandbox.http.post("/_sandbox/faults", json={
        "kind": "token_expired", "path_contains": message.platform_id})
    assert response.status_code == 200, response.text
    done = act(committed, actor=people.moderator, office=demo, kind="hide",
               clause=clause("insults"), message=message)
    sandbox.flush()
    done.refresh_from_db()
    message.refresh_from_db()
    assert done.status == "failed" and not message.is_hidden
    assert AuditEvent.objects.filter(verb="moderation.act.failed").count() == 1


def test_the_pesel_comment_of_the_demo_is_hidden_automatically_with_its_notice(
        demo, people, comment, sandbox):
    message = comment(text="Złożyłem deklarację śmieciową w lutym i nadal płacę starą stawkę. "
                           "Mój PESEL 44051401359, proszę sprawdzić.", who="Stanisław Jankowski")
    message.refresh_from_db()
    assert message.is_hidden
    hide = ModerationAct.objects.get()
    assert hide.automatic and hide.kind == "hide" and hide.status == "done"
    assert hide.clause.key == "personal_data" and hide.detector == "personal_data:pesel"
    assert "44051401359" not in hide.statement and "•••••••••••" in hide.statement
    assert hide.notice == "sent"
    notice = Message.objects.get(direction="out", is_private_reply=True)
    assert "bezpiecznym kanałem" in notice.text and hide.reference in notice.text
    assert "44051401359" not in notice.text
    sent = sandbox.http.get("/_sandbox/state").json()["private_replies"]
    assert message.platform_id in sent
    # Pending a person's review, in the queue.
    item = ReviewItem.objects.get(message=message)
    assert item.reason == "auto_hidden" and item.resolved_at is None
    assert "44051401359" not in str(list(AuditEvent.objects.values_list("data", flat=True)))
    # The notice is no answer: the resident still waits for one.
    message.conversation.refresh_from_db()
    assert message.conversation.response_due_at is not None
    assert verify_chain().ok


def test_a_threat_goes_to_the_review_queue_and_is_never_hidden_by_the_detector(
        demo, comment):
    message = comment(text="Wójt, ty gnido, zajebię cię jak cię spotkam pod urzędem.")
    message.refresh_from_db()
    assert message.analysis.harmful
    assert not message.is_hidden and not ModerationAct.objects.exists()
    item = ReviewItem.objects.get(message=message)
    assert item.reason == "harmful"
    assert timezone.localdate(item.due_at) == timezone.localdate()  # same working day


def test_a_person_in_messenger_gets_the_statement_before_the_block(demo, people, clause,
                                                                   committed, sandbox):
    sandbox.inbound(channel="facebook", kind="message", who="Spam Bot",
                    text="Kup tanie kredyty! http://oszustwo.example")
    sandbox.flush()
    resident = Message.objects.get(direction="in").resident
    restriction = act(committed, actor=people.moderator, office=demo, kind="restrict",
                      clause=clause("spam"), resident=resident, duration_days=30)
    assert restriction.notice == "sending" and restriction.outbox_action is None
    sandbox.flush()
    restriction.refresh_from_db()
    assert restriction.notice == "sent" and restriction.status == "done"
    calls = [r["path"].rsplit("/", 1)[-1] for r in sandbox.graph_requests()
             if r["method"] == "POST"]
    assert calls.index("messages") < calls.index("blocked")
    block = OutboxAction.objects.get(kind="block")
    assert block.payload["id_kind"] == "psid" and block.target_id == resident.platform_id
    notice = Message.objects.get(direction="out")
    assert restriction.reference in notice.text and "/o/demo/uzasadnienie/" in notice.text


def test_an_expiring_restriction_does_not_lift_a_block_that_followed(demo, people, comment,
                                                                    clause, committed, sandbox):
    message = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    restriction = act(committed, actor=people.moderator, office=demo, kind="restrict",
                      clause=clause("spam"), resident=message.resident, duration_days=7)
    block = act(committed, actor=people.moderator, office=demo, kind="block",
                clause=clause("spam"), resident=message.resident)
    with committed():
        services.act_approve(actor=people.supervisor, act=block)
    sandbox.flush()
    page_id = demo.channels.get(platform="facebook").platform_id
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        with committed():
            assert services.restrictions_lift_expired() == 1
        sandbox.flush()
    restriction.refresh_from_db()
    block.refresh_from_db()
    assert restriction.lifted_at is not None and block.lifted_at is None
    assert message.resident.platform_id in sandbox.http.get(
        "/_sandbox/state").json()["blocked"][page_id]


def test_a_deleted_comments_author_gets_the_notice_before_the_deletion(
        demo, people, comment, clause, committed, sandbox):
    message = comment(text="Zabiję cię, wójcie, jak cię spotkam.")
    done = act(committed, actor=people.moderator, office=demo, kind="delete",
               clause=clause("threats"), message=message)
    assert done.outbox_action is None and done.notice == "sending"
    sandbox.flush()
    done.refresh_from_db()
    assert done.notice == "sent" and done.status == "done"
    calls = [(r["method"], r["path"]) for r in sandbox.graph_requests()
             if r["method"] in {"POST", "DELETE"}]
    assert calls.index(("DELETE", f"/v25.0/{message.platform_id}")) > max(
        i for i, (method, path) in enumerate(calls) if path.endswith("/messages"))


def test_an_instagram_notice_fits_in_1000_bytes_and_keeps_its_links(demo, people, comment,
                                                                   clause, committed):
    message = comment(text="Złodzieje i nieroby " * 40, who="kasia_z_lipowej",
                      channel="instagram")
    done = act(committed, actor=people.moderator, office=demo, kind="hide",
               clause=clause("insults"), message=message, description="x" * 3000)
    notice = Message.objects.get(direction="out", is_private_reply=True).text
    assert len(notice.encode()) <= 1000
    assert done.reference in notice and "/o/demo/odwolanie" in notice
    assert "/o/demo/uzasadnienie/" in notice
