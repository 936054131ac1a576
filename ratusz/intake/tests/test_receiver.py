import json

import pytest

from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Conversation, Message
from ratusz.intake.models import Delivery
from ratusz.platforms.meta.signature import sign_sha256
from ratusz.testing import feed_comment, messenger_message, signed

pytestmark = pytest.mark.django_db


class TestHandshake:
    def test_echoes_the_challenge_when_the_token_matches(self, client):
        response = client.get("/webhooks/meta", {"hub.mode": "subscribe",
                                                 "hub.challenge": "1158201444",
                                                 "hub.verify_token": "test-verify-token"})
        assert response.status_code == 200
        assert response.content == b"1158201444"

    @pytest.mark.parametrize("params", [
        {"hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "wrong"},
        {"hub.mode": "unsubscribe", "hub.challenge": "1", "hub.verify_token": "test-verify-token"},
        {},
    ])
    def test_refuses_a_wrong_token_or_mode(self, client, params):
        assert client.get("/webhooks/meta", params).status_code == 403


class TestPost:
    def test_stores_and_processes_a_signed_comment(self, client, webhook, world):
        response = webhook(feed_comment("998877_1"))
        assert response.status_code == 200
        delivery = Delivery.objects.get()
        assert delivery.status == Delivery.Status.PROCESSED
        assert delivery.summary["counts"]["created"] == 1
        message = Message.objects.get()
        assert (message.text, message.direction, message.platform_id) == (
            "Kiedy odbiór śmieci?", "in", "998877_1")
        assert message.conversation.status == Conversation.Status.NEW
        assert AuditEvent.objects.filter(verb="inbox.message.received").count() == 1

    def test_missing_signature_is_403_and_nothing_is_stored(self, client, webhook, world):
        body = json.dumps(feed_comment("998877_1")).encode()
        response = client.post("/webhooks/meta", body, content_type="application/json")
        assert response.status_code == 403
        assert not Delivery.objects.exists()

    def test_signature_with_the_wrong_secret_is_403(self, client, webhook, world):
        response = webhook(feed_comment("998877_1"), secret="not-the-secret")
        assert response.status_code == 403
        assert not Delivery.objects.exists()

    def test_signature_is_checked_over_the_raw_escaped_bytes(self, client, committed, world):
        body, headers = signed(feed_comment("998877_1", text="Źle odśnieżona ulica"))
        assert b"\\u0179" in body  # Polish letters travel escaped, as Meta sends them
        reencoded = json.dumps(json.loads(body), ensure_ascii=False).encode()
        response = client.post("/webhooks/meta", reencoded, content_type="application/json",
                               headers=headers)
        assert response.status_code == 403
        with committed():
            response = client.post("/webhooks/meta", body, content_type="application/json",
                                   headers=headers)
        assert response.status_code == 200
        assert Message.objects.get().text == "Źle odśnieżona ulica"

    def test_malformed_json_with_a_valid_signature_is_400(self, client, webhook, world):
        body = b'{"object": "page", "entry": ['
        response = client.post("/webhooks/meta", body, content_type="application/json",
                               headers={"X-Hub-Signature-256": sign_sha256(body,
                                                                           "test-app-secret")})
        assert response.status_code == 400
        assert not Delivery.objects.exists()

    def test_json_that_is_not_an_object_is_400(self, client, webhook, world):
        body = b"[1, 2, 3]"
        response = client.post("/webhooks/meta", body, content_type="application/json",
                               headers={"X-Hub-Signature-256": sign_sha256(body,
                                                                           "test-app-secret")})
        assert response.status_code == 400

    def test_redelivery_changes_nothing(self, client, webhook, world):
        payload = feed_comment("998877_1")
        webhook(payload)
        audit_rows = AuditEvent.objects.count()
        assert webhook(payload).status_code == 200
        assert Message.objects.count() == 1
        assert Conversation.objects.count() == 1
        assert AuditEvent.objects.count() == audit_rows
        assert Delivery.objects.last().summary["counts"] == {"unchanged": 1, "skipped": 0}

    def test_events_for_pages_not_connected_are_kept_raw_and_acknowledged(
        self, client, webhook, world
    ):
        response = webhook(feed_comment("1_2", page="999999999"))
        assert response.status_code == 200
        delivery = Delivery.objects.get()
        assert delivery.summary["counts"]["not_connected"] == 1
        assert bytes(delivery.body).startswith(b'{"object":"page"')
        assert not Message.objects.exists()

    def test_unused_kinds_are_acknowledged_and_skipped(self, client, webhook, world):
        payload = {"object": "page", "entry": [{"id": world.page.platform_id, "time": 1,
                   "changes": [{"field": "feed", "value": {"item": "reaction", "verb": "add",
                                                           "reaction_type": "sad"}}]}]}
        assert webhook(payload).status_code == 200
        assert Delivery.objects.get().summary["skipped"] == ["feed item reaction is not used"]

    def test_other_objects_are_acknowledged(self, client, webhook, world):
        assert webhook({"object": "whatsapp_business_account",
                                     "entry": []}).status_code == 200

    def test_other_methods_are_405(self, client):
        assert client.put("/webhooks/meta").status_code == 405

    def test_batch_with_many_entries_lands_in_the_right_offices(self, client, webhook, world):
        a = feed_comment("1_1")["entry"][0]
        b = feed_comment("2_1", page=world.other_page.platform_id)["entry"][0]
        c = messenger_message("m_1")["entry"][0]
        webhook({"object": "page", "entry": [a, b, c]})
        assert Message.objects.filter(conversation__office=world.office).count() == 2
        assert Message.objects.filter(conversation__office=world.other_office).count() == 1


def test_an_oversized_body_is_413_and_not_stored(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = b'{"object": "page", "entry": [], "pad": "' + b"x" * 2000 + b'"}'
    response = client.post("/webhooks/meta", body, content_type="application/json",
                           headers={"X-Hub-Signature-256": sign_sha256(body, "test-app-secret")})
    assert response.status_code == 413
    assert not Delivery.objects.exists()
