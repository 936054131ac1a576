import pytest

from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Conversation, Message, Post, Resident
from ratusz.testing import IG_ID, PAGE_ID, feed_comment, messenger_message

pytestmark = pytest.mark.django_db


def comments():
    return list(Message.objects.order_by("pk").values_list("platform_id", "text", "direction"))


class TestComments:
    def test_reply_joins_the_thread_of_its_top_level_comment(self, webhook, world):
        webhook(feed_comment("998877_1", text="Pytanie"))
        webhook(feed_comment("998877_2", text="Też czekam", parent="998877_1",
                             author=("7399", "Piotr Nowak"), created=1795860900))
        conversation = Conversation.objects.get()
        assert conversation.thread_key == "998877_1"
        assert conversation.messages.count() == 2
        assert conversation.resident.display_name == "Anna Kowalska"
        assert conversation.post.platform_id == f"{PAGE_ID}_998877"
        assert Resident.objects.count() == 2

    def test_reply_before_its_parent_still_lands_in_one_thread(self, webhook, world):
        webhook(feed_comment("998877_2", text="Odpowiedź", parent="998877_1",
                             created=1795860900))
        webhook(feed_comment("998877_1", text="Pytanie"))
        assert Conversation.objects.count() == 1
        assert Conversation.objects.get().resident.display_name == "Anna Kowalska"

    def test_edit_updates_text_and_an_older_add_does_not_undo_it(self, webhook, world):
        webhook(feed_comment("998877_1", verb="edited", text="Poprawione", time=1795861000))
        webhook(feed_comment("998877_1", text="Pierwotne"))
        message = Message.objects.get()
        assert message.text == "Poprawione"
        assert message.edited_at is not None
        webhook(feed_comment("998877_1", verb="edited", text="Jeszcze raz", time=1795862000))
        message.refresh_from_db()
        assert (message.text, message.edit_count) == ("Jeszcze raz", 1)

    def test_remove_before_add_leaves_the_comment_deleted(self, webhook, world):
        webhook(feed_comment("998877_1", verb="remove", text=None, time=1795861000))
        assert not Message.objects.get().is_known
        webhook(feed_comment("998877_1", text="Treść"))
        message = Message.objects.get()
        assert message.deleted_at is not None
        assert message.text == "Treść"

    def test_hide_and_unhide_apply_in_platform_time_order(self, webhook, world):
        webhook(feed_comment("998877_1"))
        webhook(feed_comment("998877_1", verb="unhide", time=1795861200))
        webhook(feed_comment("998877_1", verb="hide", time=1795861100))  # older: ignored
        assert Message.objects.get().is_hidden is False
        webhook(feed_comment("998877_1", verb="hide", time=1795861300))
        assert Message.objects.get().is_hidden is True
        assert AuditEvent.objects.filter(verb="inbox.message.hidden").count() == 1

    def test_comment_by_the_page_is_recorded_as_the_office_writing_outside_ratusz(
        self, webhook, world
    ):
        webhook(feed_comment("998877_1"))
        webhook(feed_comment("998877_3", text="Odbiór w czwartek.", parent="998877_1",
                             author=(PAGE_ID, "Urząd Gminy A"), created=1795861000))
        reply = Message.objects.get(platform_id="998877_3")
        assert (reply.direction, reply.origin) == ("out", "external")
        assert reply.conversation.status == Conversation.Status.WAITING
        assert AuditEvent.objects.filter(verb="inbox.message.recorded_external").exists()

    def test_legacy_sender_fields_and_numeric_ids(self, webhook, world):
        payload = feed_comment("998877_1")
        value = payload["entry"][0]["changes"][0]["value"]
        del value["from"]
        value.update(sender_id=7311, sender_name="Anna Kowalska")
        payload["entry"][0]["id"] = int(PAGE_ID)
        webhook(payload)
        assert Message.objects.get().resident.platform_id == "7311"

    def test_instagram_comment(self, webhook, world):
        webhook({"object": "instagram", "entry": [{"id": IG_ID, "time": 1795864000, "changes": [
            {"field": "comments", "value": {
                "from": {"id": "1785", "username": "mieszkaniec"},
                "media": {"id": "1803", "media_product_type": "FEED"},
                "id": "1807", "text": "Czy festyn się odbędzie?", "unknown": {"x": 1}}}]}]})
        message = Message.objects.get()
        assert message.channel == world.instagram
        assert message.resident.display_name == "mieszkaniec"
        assert Post.objects.get().platform_id == "1803"

    def test_page_post_is_stored_as_the_offices_post(self, webhook, world):
        webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1795862000, "changes": [
            {"field": "feed", "value": {"item": "status", "verb": "add",
                                        "post_id": f"{PAGE_ID}_5", "message": "Komunikat",
                                        "from": {"id": PAGE_ID}, "created_time": 1795861998}}]}]})
        assert Post.objects.get().text == "Komunikat"


class TestMessages:
    def test_message_opens_a_direct_thread_and_sets_the_window(self, webhook, world):
        webhook(messenger_message("m_1", text="Gdzie złożyć wniosek?"))
        conversation = Conversation.objects.get()
        assert conversation.kind == Conversation.Kind.DIRECT
        assert conversation.last_inbound_at is not None
        assert comments() == [("m_1", "Gdzie złożyć wniosek?", "in")]

    def test_duplicate_mid_is_ignored(self, webhook, world):
        webhook(messenger_message("m_1"))
        webhook(messenger_message("m_1"))
        assert Message.objects.count() == 1

    def test_echo_from_business_suite_is_recorded_as_outside_reply(self, webhook, world):
        webhook(messenger_message("m_1"))
        webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1795863100456,
                 "messaging": [{"sender": {"id": PAGE_ID}, "recipient": {"id": "2516"},
                                "timestamp": 1795863100301,
                                "message": {"is_echo": True, "app_id": 263902037430900,
                                            "mid": "m_echo", "text": "Pokój 12."}}]}]})
        echo = Message.objects.get(platform_id="m_echo")
        assert (echo.direction, echo.origin, echo.author_name) == (
            "out", "external", "Meta Business Suite")
        assert echo.conversation == Message.objects.get(platform_id="m_1").conversation

    def test_edit_and_delete(self, webhook, world):
        webhook(messenger_message("m_1", text="Stara treść"))
        edit = {"object": "page", "entry": [{"id": PAGE_ID, "time": 1, "messaging": [
            {"sender": {"id": "2516"}, "recipient": {"id": PAGE_ID}, "timestamp": 1795863000000,
             "message_edit": {"mid": "m_1", "text": "Nowa treść", "num_edit": 1}}]}]}
        webhook(edit)
        webhook(edit)
        message = Message.objects.get()
        assert (message.text, message.edit_count) == ("Nowa treść", 1)
        webhook(messenger_message("m_1", is_deleted=True))
        assert Message.objects.get().deleted_at is not None

    def test_postback_becomes_a_message_with_its_title(self, webhook, world):
        webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1, "messaging": [
            {"sender": {"id": "2516"}, "recipient": {"id": PAGE_ID}, "timestamp": 1795863199950,
             "postback": {"mid": "m_pb", "title": "Godziny otwarcia",
                          "payload": "OPENING_HOURS"}}]}]})
        assert Message.objects.get().text == "Godziny otwarcia"

    def test_instagram_message(self, webhook, world):
        webhook({"object": "instagram", "entry": [{"id": IG_ID, "time": 1795864500123,
                 "messaging": [{"sender": {"id": "6123"}, "recipient": {"id": IG_ID},
                                "timestamp": 1795864499900,
                                "message": {"mid": "aWdf1", "text": "Jak zgłosić dziurę?"}}]}]})
        assert Message.objects.get().channel == world.instagram

    def test_new_inbound_message_reopens_a_closed_thread(self, webhook, world):
        webhook(messenger_message("m_1"))
        Conversation.objects.update(status=Conversation.Status.CLOSED)
        webhook(messenger_message("m_2", timestamp=1795863999870))
        assert Conversation.objects.get().status == Conversation.Status.OPEN


class TestHostileAndOddInput:
    def test_real_length_instagram_mid_is_stored(self, webhook, world):
        mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMTIzNDU2Nzg5OjM0MDI4MjM2" * 3
        webhook({"object": "instagram", "entry": [{"id": IG_ID, "time": 1795864500123,
                 "messaging": [{"sender": {"id": "6123"}, "recipient": {"id": IG_ID},
                                "timestamp": 1795864499900,
                                "message": {"mid": mid, "text": "Hej",
                                            "reply_to": {"mid": mid}}}]}]})
        assert len(mid) > 200
        assert Message.objects.get().platform_id == mid

    def test_lone_surrogates_are_replaced_not_lost(self, client, world, committed):
        from ratusz.platforms.meta.signature import sign_sha256

        body = (
            '{"object":"page","entry":[{"id":"PAGE","time":1795860245,"changes":[{"field":'
            '"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","post_id":'
            '"PAGE_1","from":{"id":"7","name":"A\\ud800"},"created_time":1795860243,'
            '"message":"Dziura \\ud800 w drodze"}}]}]}'
        ).replace("PAGE", PAGE_ID).encode()
        with committed():
            client.post("/webhooks/meta", body, content_type="application/json",
                        headers={"X-Hub-Signature-256": sign_sha256(body, "test-app-secret")})
        assert Message.objects.get().text == "Dziura ? w drodze"

    def test_implausible_times_fall_back_to_the_entry_time(self, webhook, world):
        payload = feed_comment("998877_1", time=1795860245)
        payload["entry"][0]["changes"][0]["value"]["created_time"] = "9999-12-31T23:59:59-14:00"
        webhook(payload)
        assert Message.objects.get().created_at.year == 2026

    def test_only_http_links_survive(self, webhook, world):
        webhook(messenger_message("m_1", attachments=[
            {"type": "fallback", "payload": {"url": "javascript:alert(1)"}},
            {"type": "image", "payload": {"url": "https://scontent.example/a.jpg"}}]))
        assert Message.objects.get().attachments == [
            {"type": "fallback", "url": ""}, {"type": "image", "url": "https://scontent.example/a.jpg"}]

    def test_a_residents_post_on_the_page_is_a_thread_of_its_own(self, webhook, world):
        webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1795862000, "changes": [
            {"field": "feed", "value": {"item": "status", "verb": "add",
                                        "post_id": f"{PAGE_ID}_77", "message": "Skarga na hałas",
                                        "from": {"id": "7311", "name": "Anna Kowalska"},
                                        "created_time": 1795861998}}]}]})
        conversation = Conversation.objects.get()
        assert conversation.resident.display_name == "Anna Kowalska"
        assert conversation.messages.get().text == "Skarga na hałas"

    def test_message_deleted_before_it_arrived_stays_deleted(self, webhook, world):
        webhook(messenger_message("m_1", is_deleted=True))
        webhook(messenger_message("m_1", text="Mój PESEL 44051401359"))
        message = Message.objects.get()
        assert message.deleted_at is not None and message.is_known
        assert Conversation.objects.get().preview == ""

    def test_message_edited_before_it_arrived_keeps_the_edit(self, webhook, world):
        webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1, "messaging": [
            {"sender": {"id": "2516"}, "recipient": {"id": PAGE_ID}, "timestamp": 1795863000000,
             "message_edit": {"mid": "m_1", "text": "Poprawione", "num_edit": 1}}]}]})
        webhook(messenger_message("m_1", text="Pierwotne"))
        assert Message.objects.get().text == "Poprawione"
