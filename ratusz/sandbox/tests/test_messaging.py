"""Send API rules: windows, HUMAN_AGENT, private replies, recipients, text limits, echoes."""

from __future__ import annotations

import json

import pytest

from .conftest import APP_ID, IG_ID, PAGE_ID, TOKEN, comment_id_of, error_of, psid_of, resident

DAY = 86400


def send(client, recipient, text="Dzień dobry, odpowiadamy.", path=PAGE_ID, **extra):
    body = {"recipient": recipient, "message": {"text": text}, "access_token": TOKEN, **extra}
    return client.post(f"/v25.0/{path}/messages", json=body)


def assert_outside_window(response):
    assert response.status_code == 400
    error = error_of(response)
    assert (error["code"], error["error_subcode"], error["type"]) == (10, 2018278, "OAuthException")
    assert error["message"].startswith("(#10) This message is sent outside of allowed window.")


def test_response_inside_24h_window_is_sent_and_echoed_with_metadata(app, client, clock, captured):
    psid = psid_of(resident(app, "Anna Kowalska"))
    clock.advance(DAY)  # exactly 24 hours after the resident's message: still inside
    response = client.post(
        f"/v25.0/{PAGE_ID}/messages",
        json={
            "recipient": {"id": psid},
            "messaging_type": "RESPONSE",
            "access_token": TOKEN,
            "message": {"text": "Odbiór bioodpadów: 6 i 20 grudnia.", "metadata": "desk-reply-17"},
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["recipient_id"] == psid and body["message_id"].startswith("m_")
    echo = captured.payloads()[-1]
    event = echo["entry"][0]["messaging"][0]
    assert echo["object"] == "page"
    assert event["sender"]["id"] == PAGE_ID and event["recipient"]["id"] == psid
    assert event["message"]["is_echo"] is True
    assert event["message"]["app_id"] == int(APP_ID)
    assert event["message"]["metadata"] == "desk-reply-17"
    assert event["message"]["mid"] == body["message_id"]
    assert event["message"]["text"] == "Odbiór bioodpadów: 6 i 20 grudnia."
    assert captured.verified()


def test_response_one_second_after_24h_is_outside_the_window(app, client, clock, captured):
    psid = psid_of(resident(app, "Anna Kowalska"))
    before = len(captured.posts)
    clock.advance(DAY + 1)
    assert_outside_window(send(client, {"id": psid}))
    assert send(client, {"id": psid}, messaging_type="UPDATE").status_code == 400
    assert len(captured.posts) == before  # a refused send produces no echo


def test_human_agent_tag_extends_the_window_to_7_days(app, client, clock):
    psid = psid_of(resident(app, "Anna Kowalska"))
    clock.advance(7 * DAY)
    ok = send(client, {"id": psid}, messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT")
    assert ok.status_code == 200, ok.text
    assert_outside_window(send(client, {"id": psid}))
    clock.advance(1)
    assert_outside_window(
        send(client, {"id": psid}, messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT")
    )


def test_new_inbound_message_reopens_the_window(app, client, clock):
    psid = psid_of(resident(app, "Anna Kowalska"))
    clock.advance(2 * DAY)
    assert_outside_window(send(client, {"id": psid}))
    resident(app, "Anna Kowalska", text="Halo, czy ktoś odpowie?")
    assert send(client, {"id": psid}).status_code == 200


def test_message_tag_needs_human_agent_and_tag_needs_message_tag(app, client):
    psid = psid_of(resident(app, "Anna Kowalska"))
    for extra in (
        {"messaging_type": "MESSAGE_TAG"},
        {"messaging_type": "MESSAGE_TAG", "tag": "ACCOUNT_UPDATE"},
        {"messaging_type": "RESPONSE", "tag": "HUMAN_AGENT"},
        {"messaging_type": "PROMO"},
    ):
        response = send(client, {"id": psid}, **extra)
        assert response.status_code == 400 and error_of(response)["code"] == 100, extra


def test_unknown_recipient_is_551_on_messenger_and_2534014_on_instagram(client):
    messenger = error_of(send(client, {"id": "2599999999999999"}))
    assert (messenger["code"], messenger["error_subcode"]) == (551, 1545041)
    instagram = error_of(send(client, {"id": "6199999999999999"}, path=IG_ID))
    assert (instagram["code"], instagram["error_subcode"]) == (100, 2534014)


def test_instagram_message_via_page_id_and_account_id_echoes_as_instagram(app, client, captured):
    igsid = psid_of(resident(app, "Ola Pietrzak", channel="instagram"))
    for path in (PAGE_ID, IG_ID):
        response = send(client, {"id": igsid}, path=path)
        assert response.status_code == 200, response.text
        assert response.json()["recipient_id"] == igsid
        echo = captured.payloads()[-1]
        event = echo["entry"][0]["messaging"][0]
        assert echo["object"] == "instagram" and echo["entry"][0]["id"] == IG_ID
        assert (
            event["message"]["is_echo"] is True
            and event["message"]["mid"] == response.json()["message_id"]
        )
    # a Messenger PSID is not an Instagram user of the account
    psid = psid_of(resident(app, "Anna Kowalska"))
    assert error_of(send(client, {"id": psid}, path=IG_ID))["error_subcode"] == 2534014


def test_text_limits_2000_chars_messenger_and_1000_bytes_instagram(app, client):
    psid = psid_of(resident(app, "Anna Kowalska"))
    igsid = psid_of(resident(app, "Ola Pietrzak", channel="instagram"))
    assert send(client, {"id": psid}, text="ż" * 2000).status_code == 200
    assert error_of(send(client, {"id": psid}, text="ż" * 2001))["code"] == 100
    assert send(client, {"id": igsid}, text="ą" * 500, path=IG_ID).status_code == 200  # 1000 bytes
    assert error_of(send(client, {"id": igsid}, text="ą" * 501, path=IG_ID))["code"] == 100
    assert send(client, {"id": igsid}, text="a" * 1000, path=IG_ID).status_code == 200


def test_form_encoded_send_with_json_values_and_brackets(app, client):
    psid = psid_of(resident(app, "Anna Kowalska"))
    as_json = client.post(
        f"/v25.0/{PAGE_ID}/messages",
        data={
            "recipient": json.dumps({"id": psid}),
            "message": json.dumps({"text": "Dzień dobry"}),
            "messaging_type": "RESPONSE",
            "access_token": TOKEN,
        },
    )
    assert as_json.status_code == 200, as_json.text
    brackets = client.post(
        f"/v25.0/{PAGE_ID}/messages",
        data={"recipient[id]": psid, "message[text]": "Dzień dobry", "access_token": TOKEN},
    )
    assert brackets.status_code == 200, brackets.text


def test_private_reply_only_once_per_comment(app, client, captured):
    payload = resident(app, "Piotr Nowak", kind="comment", post="odpady", text="Gdzie jest PSZOK?")
    comment_id = comment_id_of(payload)
    first = send(client, {"comment_id": comment_id}, text="Odpowiadamy prywatnie.")
    assert first.status_code == 200, first.text
    echo = captured.payloads()[-1]["entry"][0]["messaging"][0]
    assert echo["recipient"]["id"] == first.json()["recipient_id"]
    second = error_of(send(client, {"comment_id": comment_id}))
    assert (second["code"], second["error_subcode"]) == (100, 2534025)


def test_private_reply_allowed_until_7_days_after_the_comment(app, client, clock):
    early = comment_id_of(
        resident(app, "Piotr Nowak", kind="comment", post="odpady", text="Pytanie 1")
    )
    clock.advance(1)
    late = comment_id_of(
        resident(app, "Ewa Dąbrowska", kind="comment", post="odpady", text="Pytanie 2")
    )
    clock.advance(7 * DAY)  # `early` is now 7 days + 1 s old, `late` exactly 7 days
    refused = error_of(send(client, {"comment_id": early}))
    assert (refused["code"], refused["error_subcode"]) == (100, 2534025)
    assert send(client, {"comment_id": late}).status_code == 200


def test_private_reply_refused_for_deleted_unknown_and_page_comments(app, client):
    comment_id = comment_id_of(
        resident(app, "Piotr Nowak", kind="comment", post="odpady", text="Pytanie")
    )
    assert client.delete(f"/v25.0/{comment_id}", params={"access_token": TOKEN}).json() == {
        "success": True
    }
    assert error_of(send(client, {"comment_id": comment_id}))["error_subcode"] == 2534025
    assert error_of(send(client, {"comment_id": "201000000000001_999"}))["error_subcode"] == 2534025
    own = client.post(
        "/v25.0/100000000000001_201000000000001/comments",
        data={"message": "Komunikat", "access_token": TOKEN},
    ).json()["id"]
    assert error_of(send(client, {"comment_id": own}))["error_subcode"] == 2534025


def test_private_reply_does_not_open_the_messaging_window(app, client):
    comment_id = comment_id_of(
        resident(app, "Piotr Nowak", kind="comment", post="odpady", text="Pytanie")
    )
    recipient = send(client, {"comment_id": comment_id}).json()["recipient_id"]
    assert_outside_window(send(client, {"id": recipient}))
    resident(app, "Piotr Nowak", text="Dziękuję, a jeszcze jedno pytanie...")
    assert send(client, {"id": recipient}).status_code == 200


def test_instagram_private_reply_goes_to_the_igsid(app, client, captured):
    payload = resident(
        app, "Ola Pietrzak", channel="instagram", kind="comment", post="festyn", text="Super!"
    )
    value = payload["entry"][0]["changes"][0]["value"]
    response = send(client, {"comment_id": value["id"]}, path=IG_ID)
    assert response.status_code == 200, response.text
    assert response.json()["recipient_id"] == value["from"]["id"]
    assert captured.payloads()[-1]["object"] == "instagram"


def test_blocked_person_cannot_be_messaged(app, client):
    psid = psid_of(resident(app, "Anna Kowalska"))
    blocked = client.post(
        f"/v25.0/{PAGE_ID}/blocked", data={"psid": json.dumps([psid]), "access_token": TOKEN}
    )
    assert blocked.json() == {psid: True}
    assert error_of(send(client, {"id": psid}))["code"] == 551
    client.request(
        "DELETE", f"/v25.0/{PAGE_ID}/blocked", params={"psid": psid, "access_token": TOKEN}
    )
    assert send(client, {"id": psid}).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"message": {"text": "x"}},
        {"recipient": {"id": "1"}},
        {"recipient": {"user_ref": "x"}, "message": {"text": "x"}},
    ],
)
def test_malformed_send_requests_are_code_100(client, body):
    response = client.post(f"/v25.0/{PAGE_ID}/messages", json={**body, "access_token": TOKEN})
    assert response.status_code == 400 and error_of(response)["code"] == 100
