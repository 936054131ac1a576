import json
from datetime import timedelta

import httpx
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from ratusz.audit.models import AuditEvent
from ratusz.channels.models import Channel
from ratusz.inbox.models import Conversation, Message
from ratusz.inbox.services import reply_send
from ratusz.outbox import sender
from ratusz.outbox.models import OutboxAction
from ratusz.outbox.services import action_send, actions_due
from ratusz.testing import PAGE_ID, feed_comment, messenger_message

pytestmark = pytest.mark.django_db


class FakeGraph:
    """Answers Graph calls from a list of scripted responses and records the calls."""

    def __init__(self, *responses):
        self.responses = list(responses)
        self.calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        answer = self.responses.pop(0) if self.responses else (200, {"id": "x"})
        if isinstance(answer, Exception):
            raise answer
        status, body = answer
        return httpx.Response(status, json=body)

    def posts(self):
        return [c for c in self.calls if c.method == "POST"]


@pytest.fixture
def graph(monkeypatch):
    def install(*responses):
        fake = FakeGraph(*responses)
        monkeypatch.setattr(sender, "GRAPH_TRANSPORT", httpx.MockTransport(fake))
        return fake
    return install


def meta_error(code, subcode=None, message="(#%s) error", transient=False):
    error = {"message": message % code if "%s" in message else message,
             "type": "OAuthException", "code": code, "fbtrace_id": "A1",
             "is_transient": transient}
    if subcode:
        error["error_subcode"] = subcode
    return {"error": error}


def send_when_due(action: OutboxAction | None = None) -> OutboxAction:
    """Travel to the action's next attempt and let the worker send it."""
    action = action or OutboxAction.objects.get()
    with time_machine.travel(action.next_attempt_at + timedelta(seconds=1)):
        action_send(action.pk)
    action.refresh_from_db()
    return action


@pytest.fixture
def comment_thread(webhook, world):
    webhook(feed_comment("998877_1", created=int(timezone.now().timestamp()) - 60))
    return Conversation.objects.get()


@pytest.fixture
def dm_thread(webhook, world):
    webhook(messenger_message("m_1", timestamp=int(timezone.now().timestamp() * 1000) - 60_000))
    return Conversation.objects.get()


def test_public_reply_is_sent_once_and_recorded(graph, world, comment_thread, committed):
    fake = graph((200, {"id": "998877_2"}))
    with committed():
        message = reply_send(actor=world.anna, conversation=comment_thread,
                             text="Odbiór w czwartek.", mode="public")
    message.refresh_from_db()
    assert (message.platform_id, message.delivery) == ("998877_2", "sent")
    request = fake.posts()[0]
    assert request.url.path == "/v25.0/998877_1/comments"
    assert json.loads(request.content) == {"message": "Odbiór w czwartek."}
    assert request.headers["Authorization"] == "Bearer sandbox-page-token-demo"
    assert action_send(message.outbox_action_id) is None  # already sent: nothing happens
    assert len(fake.posts()) == 1
    verbs = list(AuditEvent.objects.values_list("verb", flat=True))
    assert verbs[-3:] == ["inbox.reply.queued", "outbox.action.sent", "inbox.reply.sent"]
    comment_thread.refresh_from_db()
    assert comment_thread.status == Conversation.Status.WAITING


def test_messenger_reply_in_the_window_carries_the_idempotency_key(graph, world, dm_thread,
                                                                   committed):
    fake = graph((200, {"recipient_id": "2516", "message_id": "m_out"}))
    with committed():
        message = reply_send(actor=world.anna, conversation=dm_thread, text="Pokój 12.",
                             mode="message")
    body = json.loads(fake.posts()[0].content)
    assert fake.posts()[0].url.path == f"/v25.0/{PAGE_ID}/messages"
    assert body["recipient"] == {"id": "2516"} and body["messaging_type"] == "RESPONSE"
    assert body["message"]["metadata"] == message.outbox_action.idempotency_key
    message.refresh_from_db()
    assert message.platform_id == "m_out"


def test_after_24_hours_a_human_reply_uses_the_human_agent_tag(graph, world, dm_thread,
                                                              committed):
    fake = graph((200, {"recipient_id": "2516", "message_id": "m_out"}))
    with time_machine.travel(timezone.now() + timedelta(days=3)), committed():
        reply_send(actor=world.anna, conversation=dm_thread, text="Odpowiedź.", mode="message")
    body = json.loads(fake.posts()[0].content)
    assert (body["messaging_type"], body["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")


def test_after_7_days_a_message_reply_is_refused_before_anything_is_queued(world, dm_thread):
    with time_machine.travel(timezone.now() + timedelta(days=8)), \
            pytest.raises(ValidationError, match="7 dni"):
        reply_send(actor=world.anna, conversation=dm_thread, text="Za późno.", mode="message")
    assert not OutboxAction.objects.exists()


def test_transient_error_is_retried_with_backoff_and_then_sent(graph, world, comment_thread,
                                                               committed):
    fake = graph((400, meta_error(2, transient=True)), (200, {"id": "998877_2"}))
    with committed():
        message = reply_send(actor=world.anna, conversation=comment_thread, text="Tak.",
                             mode="public")
    action = OutboxAction.objects.get()
    assert (action.status, action.attempts) == ("pending", 1)
    assert action.next_attempt_at > timezone.now()
    assert actions_due() == []
    with time_machine.travel(action.next_attempt_at + timedelta(seconds=1)):
        assert actions_due() == [action.pk]
        action_send(action.pk)
    message.refresh_from_db()
    assert (message.delivery, message.platform_id) == ("sent", "998877_2")
    assert len(fake.posts()) == 2


def test_rate_limit_waits_at_least_what_meta_asks(graph, world, comment_thread, committed):
    graph((400, meta_error(80001)))
    with committed():
        reply_send(actor=world.anna, conversation=comment_thread, text="Tak.", mode="public")
    action = OutboxAction.objects.get()
    assert action.status == "pending"
    assert action.next_attempt_at - timezone.now() >= timedelta(seconds=55)


def test_window_error_stops_and_shows_metas_message(graph, world, dm_thread, committed):
    graph((400, meta_error(10, 2018278, "(#%s) This message is sent outside of allowed window.")))
    with committed():
        message = reply_send(actor=world.anna, conversation=dm_thread, text="Tak.", mode="message")
    message.refresh_from_db()
    assert message.delivery == "failed"
    assert "outside of allowed window" in message.delivery_error
    assert OutboxAction.objects.get().status == "failed"
    assert AuditEvent.objects.filter(verb="inbox.reply.failed").exists()


def test_token_error_marks_the_channel_broken(graph, world, comment_thread, committed):
    graph((400, meta_error(190, 463, "Error validating access token: Session has expired")))
    with committed():
        reply_send(actor=world.anna, conversation=comment_thread, text="Tak.", mode="public")
    world.page.refresh_from_db()
    assert world.page.status == Channel.Status.BROKEN
    assert AuditEvent.objects.filter(verb="channels.channel.broken").exists()
    with pytest.raises(ValidationError, match="zerwane"):
        reply_send(actor=world.anna, conversation=comment_thread, text="Jeszcze.", mode="public")


def test_timeout_is_checked_on_the_platform_before_any_second_post(graph, world, comment_thread,
                                                                   committed):
    fake = graph(httpx.ReadTimeout("slow"), (200, {"data": [
        {"id": "998877_9", "from": {"id": PAGE_ID}, "message": "Tak."}]}))
    with committed():
        message = reply_send(actor=world.anna, conversation=comment_thread, text="Tak.",
                             mode="public")
    action = OutboxAction.objects.get()
    assert action.status == "unknown"
    send_when_due(action)
    message.refresh_from_db()
    assert (message.delivery, message.platform_id) == ("sent", "998877_9")
    assert len(fake.posts()) == 1  # found, not posted again


def test_unreachable_graph_retries_from_the_durable_outbox(graph, world, comment_thread,
                                                           committed):
    graph(httpx.ConnectError("refused"), (200, {"id": "998877_5"}))
    with committed():
        reply_send(actor=world.anna, conversation=comment_thread, text="Tak.", mode="public")
    action = OutboxAction.objects.get()
    assert action.status == "pending"
    send_when_due(action)
    assert Message.objects.get(outbox_action=action).platform_id == "998877_5"


def test_echo_confirms_a_reply_whose_answer_was_lost(graph, world, dm_thread, committed, webhook):
    graph(httpx.ReadTimeout("slow"))
    with committed():
        message = reply_send(actor=world.anna, conversation=dm_thread, text="Tak.", mode="message")
    key = OutboxAction.objects.get().idempotency_key
    webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1, "messaging": [
        {"sender": {"id": PAGE_ID}, "recipient": {"id": "2516"}, "timestamp": 1795863100301,
         "message": {"is_echo": True, "app_id": 900000000000001, "metadata": key,
                     "mid": "m_echoed", "text": "Tak."}}]}]})
    message.refresh_from_db()
    assert (message.platform_id, message.delivery) == ("m_echoed", "sent")
    assert OutboxAction.objects.get().status == "sent"
    assert Message.objects.filter(direction="out").count() == 1


def test_page_comment_webhook_before_the_send_result_is_merged(graph, world, comment_thread,
                                                               committed, webhook):
    graph(httpx.ReadTimeout("slow"))
    with committed():
        message = reply_send(actor=world.anna, conversation=comment_thread, text="Tak.",
                             mode="public")
    webhook(feed_comment("998877_7", text="Tak.", parent="998877_1",
                         author=(PAGE_ID, "Urząd Gminy A")))
    message.refresh_from_db()
    assert (message.platform_id, message.delivery) == ("998877_7", "sent")
    assert Message.objects.filter(direction="out").count() == 1


def test_one_private_reply_per_comment(graph, world, comment_thread, committed):
    graph((200, {"recipient_id": "7311", "message_id": "m_priv"}))
    with committed():
        reply_send(actor=world.anna, conversation=comment_thread, text="Prywatnie.", mode="private")
    with pytest.raises(ValidationError, match="jedną prywatną odpowiedź"):
        reply_send(actor=world.anna, conversation=comment_thread, text="Znowu.", mode="private")


def test_stale_sending_rows_are_swept_to_unknown(world, comment_thread):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("ratusz.outbox.services._schedule", lambda *a, **k: None)
        reply_send(actor=world.anna, conversation=comment_thread, text="Tak.", mode="public")
    OutboxAction.objects.update(status="sending", claimed_at=timezone.now() - timedelta(hours=1))
    action = OutboxAction.objects.get()
    assert actions_due() == [action.pk]
    assert OutboxAction.objects.get().status == "unknown"


def test_a_person_can_send_a_refused_reply_again(graph, world, dm_thread, committed, client):
    fake = graph((400, meta_error(10, 2018278)), (200, {"recipient_id": "2516",
                                                         "message_id": "m_ok"}))
    with committed():
        message = reply_send(actor=world.anna, conversation=dm_thread, text="Tak.", mode="message")
    message.refresh_from_db()
    assert message.delivery == "failed"
    client.force_login(world.anna)
    with committed():
        client.post(f"/inbox/m/{message.uuid}/retry")
    message.refresh_from_db()
    assert (message.delivery, message.platform_id) == ("sent", "m_ok")
    assert len(fake.posts()) == 2
    assert AuditEvent.objects.filter(verb="outbox.action.retried", actor=world.anna).exists()


def test_server_error_on_a_post_is_checked_before_posting_again(graph, world, comment_thread,
                                                                committed):
    fake = graph((500, meta_error(1)), (200, {"data": []}), (200, {"id": "998877_3"}))
    with committed():
        message = reply_send(actor=world.anna, conversation=comment_thread, text="Tak.",
                             mode="public")
    action = OutboxAction.objects.get()
    assert action.status == "unknown"
    send_when_due(action)
    message.refresh_from_db()
    assert (message.delivery, message.platform_id) == ("sent", "998877_3")
    assert [c.method for c in fake.calls] == ["POST", "GET", "POST"]


def test_instagram_reply_is_looked_up_among_the_comments_replies(graph, world, webhook,
                                                                  committed):
    now = int(timezone.now().timestamp())
    webhook({"object": "instagram", "entry": [{"id": world.instagram.platform_id, "time": now,
             "changes": [{"field": "comments", "value": {
                 "from": {"id": "1785", "username": "ola"}, "media": {"id": "1803"},
                 "id": "1807", "text": "Pytanie?"}}]}]})
    conversation = Conversation.objects.get()
    fake = graph(httpx.ReadTimeout("slow"), (200, {"data": [
        {"id": "1899", "text": "Tak,\r\n jutro.", "username": "gmina_a"}]}))
    with committed():
        message = reply_send(actor=world.anna, conversation=conversation, text="Tak, jutro.",
                             mode="public")
    assert fake.calls[0].url.path == "/v25.0/1807/replies"
    action = OutboxAction.objects.get()
    send_when_due(action)
    assert fake.calls[1].url.path == "/v25.0/1807/replies"
    message.refresh_from_db()
    assert (message.delivery, message.platform_id) == ("sent", "1899")


def test_an_unanswered_message_is_never_sent_twice_by_itself(graph, world, dm_thread,
                                                             committed, webhook):
    fake = graph(httpx.ReadTimeout("slow"))
    with committed():
        message = reply_send(actor=world.anna, conversation=dm_thread, text="Tak.",
                             mode="message")
    action = OutboxAction.objects.get()
    send_when_due(action)
    message.refresh_from_db()
    assert message.delivery == "failed" and "mogła dotrzeć albo nie" in message.delivery_error
    assert len(fake.posts()) == 1
    dm_thread.refresh_from_db()
    assert dm_thread.status == Conversation.Status.OPEN  # the resident still awaits an answer
    webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1, "messaging": [
        {"sender": {"id": PAGE_ID}, "recipient": {"id": "2516"}, "timestamp": 1795863100301,
         "message": {"is_echo": True, "metadata": action.idempotency_key, "mid": "m_late",
                     "text": "Tak."}}]}]})
    message.refresh_from_db()
    assert (message.delivery, message.platform_id) == ("sent", "m_late")


def test_unknown_outcomes_stop_after_the_attempt_limit(graph, world, comment_thread, committed):
    from ratusz.outbox.models import MAX_ATTEMPTS

    graph(*[httpx.ReadTimeout("slow")] * (MAX_ATTEMPTS + 2))
    with committed():
        reply_send(actor=world.anna, conversation=comment_thread, text="Tak.", mode="public")
    for _ in range(MAX_ATTEMPTS + 1):
        action = OutboxAction.objects.get()
        with time_machine.travel(action.next_attempt_at + timedelta(seconds=1)):
            action_send(action.pk)
    assert OutboxAction.objects.get().status == "failed"


def test_the_same_submission_twice_sends_once(graph, world, comment_thread, committed):
    fake = graph((200, {"id": "998877_2"}))
    with committed():
        first = reply_send(actor=world.anna, conversation=comment_thread, text="Tak.",
                           mode="public", submission_key="abc")
        second = reply_send(actor=world.anna, conversation=comment_thread, text="Tak.",
                            mode="public", submission_key="abc")
    assert first == second
    assert len(fake.posts()) == 1


def test_without_the_human_agent_feature_the_window_closes_after_24_hours(world, dm_thread):
    world.office.human_agent_enabled = False
    world.office.save()
    dm_thread.refresh_from_db()
    with time_machine.travel(timezone.now() + timedelta(days=2)), \
            pytest.raises(ValidationError, match="Human Agent"):
        reply_send(actor=world.anna, conversation=dm_thread, text="Tak.", mode="message")


def test_a_private_reply_to_a_residents_own_post_names_the_post(graph, world, webhook,
                                                                committed):
    now = int(timezone.now().timestamp())
    webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": now, "changes": [
        {"field": "feed", "value": {"item": "status", "verb": "add", "post_id": f"{PAGE_ID}_77",
                                    "message": "Skarga na hałas", "created_time": now,
                                    "from": {"id": "7311", "name": "Anna Kowalska"}}}]}]})
    fake = graph((200, {"recipient_id": "7311", "message_id": "m_priv"}))
    with committed():
        reply_send(actor=world.anna, conversation=Conversation.objects.get(),
                   text="Odpisujemy prywatnie.", mode="private")
    body = json.loads(fake.posts()[0].content)
    assert body["recipient"] == {"post_id": f"{PAGE_ID}_77"}
