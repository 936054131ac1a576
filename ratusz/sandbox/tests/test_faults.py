"""Injected faults (5xx, rate limits, timeouts, expired tokens) and the recorded request log."""

from __future__ import annotations

import json

from .conftest import IG_ID, PAGE_ID, TOKEN, error_of, psid_of, resident

T = {"access_token": TOKEN}


def fault(client, **body):
    response = client.post("/_sandbox/faults", json=body)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_5xx_fault_fails_the_next_n_calls_then_recovers(client):
    fault(client, kind="5xx", count=2)
    for _ in range(2):
        response = client.get(f"/v25.0/{PAGE_ID}", params=T)
        assert response.status_code == 500
        error = error_of(response)
        assert error["code"] == 2 and error["is_transient"] is True and error["fbtrace_id"]
    assert client.get(f"/v25.0/{PAGE_ID}", params=T).status_code == 200
    assert client.get("/_sandbox/faults").json()["data"] == []


def test_fault_only_hits_matching_paths(app, client, captured):
    psid = psid_of(resident(app, "Anna Kowalska"))
    fault(client, kind="5xx", count=1, path_contains="/messages")
    assert client.get(f"/v25.0/{PAGE_ID}", params=T).status_code == 200
    deliveries = len(captured.posts)
    failed = client.post(
        f"/v25.0/{PAGE_ID}/messages",
        json={"recipient": {"id": psid}, "message": {"text": "x"}, **T},
    )
    assert failed.status_code == 500
    assert (
        len(captured.posts) == deliveries and app.state.sent == []
    )  # a failed call has no side effects
    assert (
        client.post(
            f"/v25.0/{PAGE_ID}/messages",
            json={"recipient": {"id": psid}, "message": {"text": "x"}, **T},
        ).status_code
        == 200
    )


def buc(response, key=PAGE_ID):
    return json.loads(response.headers["X-Business-Use-Case-Usage"])[key][0]


def test_rate_limit_codes_follow_the_path_and_headers_hit_100(app, client):
    fault(client, kind="rate_limit", count=3, minutes=7)
    page = client.get(f"/v25.0/{PAGE_ID}", params=T)
    assert (error_of(page)["code"], error_of(page)["is_transient"]) == (80001, True)
    assert buc(page)["call_count"] == 100 and buc(page)["estimated_time_to_regain_access"] == 7
    send = client.post(
        f"/v25.0/{PAGE_ID}/messages", json={"recipient": {"id": "1"}, "message": {"text": "x"}, **T}
    )
    assert (error_of(send)["code"], error_of(send)["error_subcode"]) == (613, 2534040)
    assert buc(send)["type"] == "messenger"
    ig = client.get("/v25.0/18040000000000001/comments", params=T)
    assert error_of(ig)["code"] == 80002 and buc(ig, IG_ID)["call_count"] == 100
    after = client.get(f"/v25.0/{PAGE_ID}", params=T)
    assert after.status_code == 200 and buc(after)["call_count"] < 100


def test_app_level_rate_limit_code_4_sets_app_usage(client):
    fault(client, kind="rate_limit", code=4)
    response = client.get(f"/v25.0/{PAGE_ID}", params=T)
    assert error_of(response)["message"] == "(#4) Application request limit reached"
    assert json.loads(response.headers["X-App-Usage"])["call_count"] == 100


def test_token_expired_fault(client):
    fault(client, kind="token_expired", count=1)
    error = error_of(client.get(f"/v25.0/{PAGE_ID}", params=T))
    assert (error["code"], error["error_subcode"], error["type"]) == (190, 463, "OAuthException")
    assert client.get(f"/v25.0/{PAGE_ID}", params=T).status_code == 200


def test_timeout_fault_sleeps_longer_than_the_client_waits_then_answers(app, client, sleeps):
    psid = psid_of(resident(app, "Anna Kowalska"))
    fault(client, kind="timeout", count=1, path_contains="/messages")
    response = client.post(
        f"/v25.0/{PAGE_ID}/messages",
        json={"recipient": {"id": psid}, "message": {"text": "x"}, **T},
    )
    assert sleeps == [45.0]  # the app's configured timeout_seconds
    assert (
        response.status_code == 200 and len(app.state.sent) == 1
    )  # Meta did the work; the client gave up
    fault(client, kind="timeout", count=1, seconds=3)
    client.get(f"/v25.0/{PAGE_ID}", params=T)
    assert sleeps == [45.0, 3.0]


def test_invalid_fault_requests(client):
    assert client.post("/_sandbox/faults", json={"kind": "meteor"}).status_code == 400
    assert client.post("/_sandbox/faults", json={"kind": "5xx", "count": 0}).status_code == 400
    assert client.post("/_sandbox/faults", json={"kind": "5xx", "code": 4}).status_code == 400


def test_request_log_records_graph_calls_with_since(client):
    client.get(f"/v25.0/{PAGE_ID}", params={"fields": "id", **T})
    fault(client, kind="5xx")
    client.post(f"/v27.0/{PAGE_ID}/feed", json={"message": "Zażółć gęślą jaźń", **T})
    log = client.get("/_sandbox/requests").json()
    assert [r["seq"] for r in log["data"]] == [1, 2] and log[
        "last"
    ] == 2  # control calls are not recorded
    first, second = log["data"]
    assert (first["method"], first["path"], first["status"]) == ("GET", f"/v25.0/{PAGE_ID}", 200)
    assert first["query"]["fields"] == "id" and first["response"] == {"id": PAGE_ID}
    assert (second["version"], second["body"]["message"], second["status"], second["fault"]) == (
        "v27.0",
        "Zażółć gęślą jaźń",
        500,
        "5xx",
    )
    assert second["response"]["error"]["code"] == 2
    assert [
        r["seq"] for r in client.get("/_sandbox/requests", params={"since": 1}).json()["data"]
    ] == [2]
