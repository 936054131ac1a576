"""Tokens, versions, reads, debug_token, publishing, blocking, subscriptions, usage headers."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC

import httpx
import pytest

from ratusz.sandbox.app import SandboxApp
from ratusz.sandbox.world import DEMO_WORLD, world_from_dict

from .conftest import APP_ID, IG_ID, PAGE_ID, TOKEN, error_of, psid_of, resident

T = {"access_token": TOKEN}


def demo_data(**changes):
    data = tomllib.loads(DEMO_WORLD.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key == "page":
            data["pages"][0].update(value)
        else:
            data[key] = value
    return data


def client_for(world, clock):
    app = SandboxApp(world, clock=clock)
    return app, httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://sandbox")


# -- tokens ----------------------------------------------------------------------------------------


def test_missing_and_unknown_tokens_are_190_467(client):
    for response in (
        client.get(f"/v25.0/{PAGE_ID}"),
        client.get(f"/v25.0/{PAGE_ID}", params={"access_token": "nope"}),
    ):
        error = error_of(response)
        assert response.status_code == 400
        assert (error["code"], error["error_subcode"], error["type"]) == (
            190,
            467,
            "OAuthException",
        )
        assert response.headers["WWW-Authenticate"].startswith(
            'OAuth "Facebook Platform" "invalid_token"'
        )


def test_token_accepted_in_query_form_json_and_bearer_header(client):
    assert client.get(f"/v25.0/{PAGE_ID}", params=T).status_code == 200
    assert (
        client.get(f"/v25.0/{PAGE_ID}", headers={"Authorization": f"Bearer {TOKEN}"}).status_code
        == 200
    )
    sub = {"subscribed_fields": "feed,messages"}
    assert client.post(f"/v25.0/{PAGE_ID}/subscribed_apps", data={**sub, **T}).json() == {
        "success": True
    }
    assert client.post(f"/v25.0/{PAGE_ID}/subscribed_apps", json={**sub, **T}).json() == {
        "success": True
    }


def test_page_configured_with_expired_token_answers_190_463(clock):
    world = world_from_dict(demo_data(page={"token_expired": True}))
    _app, client = client_for(world, clock)
    error = error_of(client.get(f"/v25.0/{PAGE_ID}", params=T))
    assert (error["code"], error["error_subcode"]) == (190, 463)
    assert error["message"].startswith("Error validating access token: Session has expired on")
    debug = client.get(
        "/v25.0/debug_token", params={"input_token": TOKEN, "access_token": f"{APP_ID}|secret"}
    )
    assert (
        debug.json()["data"]["is_valid"] is False
        and debug.json()["data"]["error"]["subcode"] == 463
    )


def test_token_of_another_page_cannot_reach_this_page(clock):
    data = demo_data()
    data["pages"].append(
        {"id": "100000000000002", "name": "Inny urząd", "access_token": "other-token"}
    )
    _app, client = client_for(world_from_dict(data), clock)
    error = error_of(client.get(f"/v25.0/{PAGE_ID}", params={"access_token": "other-token"}))
    assert (error["code"], error["error_subcode"]) == (100, 33)


def test_debug_token(client):
    app_token = {"access_token": f"{APP_ID}|secret"}
    data = client.get("/v25.0/debug_token", params={"input_token": TOKEN, **app_token}).json()[
        "data"
    ]
    assert data["is_valid"] is True and data["profile_id"] == PAGE_ID and data["type"] == "PAGE"
    assert data["expires_at"] == 0 and "pages_messaging" in data["scopes"]
    unknown = client.get("/v25.0/debug_token", params={"input_token": "zzz", **app_token}).json()[
        "data"
    ]
    assert unknown["is_valid"] is False and unknown["error"]["code"] == 190
    assert error_of(client.get("/v25.0/debug_token", params={"input_token": TOKEN}))["code"] == 190


# -- versions, reads -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/v21.0", "/v25.0", "/v27.0", ""])
def test_any_version_prefix_and_unversioned(client, app, prefix):
    response = client.get(
        f"{prefix}/{PAGE_ID}", params={"fields": "id,name,instagram_business_account", **T}
    )
    assert response.json() == {
        "id": PAGE_ID,
        "name": "Urząd Gminy Przykładowo",
        "instagram_business_account": {"id": IG_ID},
    }
    assert app.state.requests[-1]["version"] == (prefix.strip("/") or None)


def test_me_and_instagram_account_and_user_profile(app, client):
    assert client.get("/v25.0/me", params=T).json() == {
        "name": "Urząd Gminy Przykładowo",
        "id": PAGE_ID,
    }
    ig = client.get(f"/v25.0/{IG_ID}", params={"fields": "id,username", **T}).json()
    assert ig == {"id": IG_ID, "username": "gmina_przykladowo"}
    psid = psid_of(resident(app, "Anna Kowalska"))
    assert client.get(f"/v25.0/{psid}", params={"fields": "first_name,last_name", **T}).json() == {
        "first_name": "Anna",
        "last_name": "Kowalska",
    }


def test_unknown_edge_on_get_is_nonexisting_field(client):
    error = error_of(client.get(f"/v25.0/{PAGE_ID}/likes_of_mayor", params=T))
    assert (
        error["message"]
        == "(#100) Tried accessing nonexisting field (likes_of_mayor) on node type (Page)"
    )


def test_malformed_json_body_is_code_100(client):
    response = client.post(
        f"/v25.0/{PAGE_ID}/feed",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
        params=T,
    )
    assert response.status_code == 400 and error_of(response)["code"] == 100


# -- publishing ------------------------------------------------------------------------------------


def test_publish_post_returns_page_post_id_and_delivers_feed_status(client, captured, clock):
    response = client.post(
        f"/v25.0/{PAGE_ID}/feed", json={"message": "Przerwa w dostawie wody.", **T}
    )
    post_id = response.json()["id"]
    page, _, part = post_id.partition("_")
    assert page == PAGE_ID and part.isdigit()
    value = captured.payloads()[-1]["entry"][0]["changes"][0]["value"]
    assert value["item"] == "status" and value["verb"] == "add" and value["post_id"] == post_id
    assert value["from"]["id"] == PAGE_ID and value["published"] == 1
    assert client.get(f"/v25.0/{post_id}", params={"fields": "message", **T}).json() == {
        "message": "Przerwa w dostawie wody."
    }


@pytest.mark.parametrize(
    "offset,ok", [(599, False), (600, True), (30 * 86400, True), (30 * 86400 + 1, False)]
)
def test_scheduled_publish_time_between_10_minutes_and_30_days(client, clock, captured, offset, ok):
    body = {
        "message": "Sesja rady",
        "published": "false",
        "scheduled_publish_time": str(int(clock.now) + offset),
        **T,
    }
    response = client.post(f"/v25.0/{PAGE_ID}/feed", data=body)
    assert (response.status_code == 200) is ok, response.text
    if not ok:
        assert (
            error_of(response)["message"]
            == "(#100) The specified scheduled publish time is invalid."
        )
    assert captured.posts == []  # scheduled posts are not announced by a feed webhook


def test_scheduled_time_accepts_iso_and_requires_unpublished(client, clock):
    from datetime import datetime

    iso = datetime.fromtimestamp(clock.now + 3600, tz=UTC).isoformat()
    ok = client.post(
        f"/v25.0/{PAGE_ID}/feed",
        json={"message": "x", "published": False, "scheduled_publish_time": iso, **T},
    )
    assert ok.status_code == 200, ok.text
    published = client.post(
        f"/v25.0/{PAGE_ID}/feed", json={"message": "x", "scheduled_publish_time": iso, **T}
    )
    assert error_of(published)["code"] == 100
    assert error_of(client.post(f"/v25.0/{PAGE_ID}/feed", json=T))["code"] == 100


# -- blocking, moderation, subscriptions -----------------------------------------------------------


def test_block_list_and_unblock(app, client):
    payload = resident(app, "Anna Kowalska", kind="comment", post="odpady", text="x")
    user = payload["entry"][0]["changes"][0]["value"]["from"]["id"]
    assert client.post(f"/v25.0/{PAGE_ID}/blocked", data={"user": user, **T}).json() == {user: True}
    assert client.get(f"/v25.0/{PAGE_ID}/blocked", params=T).json()["data"] == [
        {"id": user, "name": "Anna Kowalska"}
    ]
    assert client.delete(f"/v25.0/{PAGE_ID}/blocked", params={"user": user, **T}).json() == {
        "success": True
    }
    assert client.get(f"/v25.0/{PAGE_ID}/blocked", params=T).json()["data"] == []
    assert error_of(client.post(f"/v25.0/{PAGE_ID}/blocked", data=T))["code"] == 100


def test_moderate_conversations_validates_and_blocks(app, client):
    psid = psid_of(resident(app, "Anna Kowalska"))
    ok = client.post(
        f"/v25.0/{PAGE_ID}/moderate_conversations",
        json={"user_ids": [{"id": psid}], "actions": ["block_user", "move_to_spam"], **T},
    )
    assert ok.json() == {"success": True}
    assert psid in app.state.blocked[PAGE_ID] and (PAGE_ID, psid) in app.state.spam_threads
    too_many = {"user_ids": [{"id": str(i)} for i in range(11)], "actions": ["block_user"], **T}
    assert (
        error_of(client.post(f"/v25.0/{PAGE_ID}/moderate_conversations", json=too_many))["code"]
        == 100
    )
    bad_action = {"user_ids": [{"id": psid}], "actions": ["delete_user"], **T}
    assert (
        error_of(client.post(f"/v25.0/{PAGE_ID}/moderate_conversations", json=bad_action))["code"]
        == 100
    )


def test_subscribed_apps_round_trip(client):
    assert client.get(f"/v25.0/{PAGE_ID}/subscribed_apps", params=T).json() == {"data": []}
    client.post(
        f"/v25.0/{PAGE_ID}/subscribed_apps", params={"subscribed_fields": "feed,messages", **T}
    )
    data = client.get(f"/v25.0/{PAGE_ID}/subscribed_apps", params=T).json()["data"]
    assert data == [{"id": APP_ID, "name": "Ratusz", "subscribed_fields": ["feed", "messages"]}]
    assert error_of(client.post(f"/v25.0/{PAGE_ID}/subscribed_apps", params=T))["code"] == 100


# -- usage headers ---------------------------------------------------------------------------------


def test_usage_headers_rise_with_calls(clock):
    world = world_from_dict(demo_data(limits={"page_calls_per_hour": 10, "app_calls_per_hour": 20}))
    _app, client = client_for(world, clock)
    counts = []
    for _ in range(3):
        response = client.get(f"/v25.0/{PAGE_ID}", params=T)
        buc = json.loads(response.headers["X-Business-Use-Case-Usage"])
        counts.append(
            (
                buc[PAGE_ID][0]["call_count"],
                json.loads(response.headers["X-App-Usage"])["call_count"],
            )
        )
        assert buc[PAGE_ID][0]["type"] == "pages"
    assert counts == [(10, 5), (20, 10), (30, 15)]
    clock.advance(3601)  # calls older than an hour no longer count
    buc = json.loads(client.get(f"/v25.0/{PAGE_ID}", params=T).headers["X-Business-Use-Case-Usage"])
    assert buc[PAGE_ID][0]["call_count"] == 10


def test_usage_header_on_instagram_and_error_responses(client):
    ig = client.get("/v25.0/18040000000000001", params=T)
    assert json.loads(ig.headers["X-Business-Use-Case-Usage"])[IG_ID][0]["type"] == "instagram"
    failed = client.get("/v25.0/404404", params=T)
    assert failed.status_code == 400 and PAGE_ID in json.loads(
        failed.headers["X-Business-Use-Case-Usage"]
    )
