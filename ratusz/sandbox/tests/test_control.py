"""Control API: inbound events, the HTML page, reset, scenarios, state summary, redelivery."""

from __future__ import annotations

from .conftest import PAGE_ID, TOKEN, error_of

T = {"access_token": TOKEN}


def test_inbound_comment_becomes_a_signed_delivery_and_a_real_comment(client, captured):
    response = client.post(
        "/_sandbox/inbound",
        json={
            "channel": "facebook",
            "kind": "comment",
            "author": "Anna Kowalska",
            "text": "Kiedy odbiór gabarytów?",
            "post_id": "odpady",
        },
    )
    assert response.status_code == 200, response.text
    comment_id = response.json()["ids"]["comment_id"]
    assert captured.verified()
    value = captured.payloads()[-1]["entry"][0]["changes"][0]["value"]
    assert value["comment_id"] == comment_id and value["message"] == "Kiedy odbiór gabarytów?"
    assert value["from"]["name"] == "Anna Kowalska"
    got = client.get(f"/v25.0/{comment_id}", params={"fields": "message,from", **T}).json()
    assert got["message"] == "Kiedy odbiór gabarytów?" and got["from"]["id"] == value["from"]["id"]
    reply = client.post(
        "/_sandbox/inbound",
        json={
            "kind": "comment",
            "author": "Piotr Nowak",
            "text": "Też pytam",
            "parent_id": comment_id,
        },
    )
    assert captured.payloads()[-1]["entry"][0]["changes"][0]["value"]["parent_id"] == comment_id, (
        reply.text
    )


def test_inbound_message_opens_a_window_the_desk_can_answer(client):
    ids = client.post(
        "/_sandbox/inbound",
        json={"channel": "instagram", "kind": "message", "author": "Ola", "text": "Cześć"},
    ).json()["ids"]
    response = client.post(
        f"/v25.0/{PAGE_ID}/messages",
        json={"recipient": {"id": ids["user_id"]}, "message": {"text": "Dzień dobry"}, **T},
    )
    assert response.status_code == 200, response.text


def test_inbound_form_redirects_and_bad_input_is_400(client):
    form = client.post(
        "/_sandbox/inbound",
        data={
            "channel": "facebook",
            "kind": "comment",
            "author": "Jan",
            "post_id": "drogi",
            "text": "Dziura!",
        },
    )
    assert form.status_code == 303 and form.headers["location"] == "/_sandbox/"
    assert (
        client.post(
            "/_sandbox/inbound", json={"kind": "comment", "post_id": "nie-ma", "text": "x"}
        ).status_code
        == 400
    )
    assert (
        client.post("/_sandbox/inbound", json={"kind": "teleport", "text": "x"}).status_code == 400
    )


def test_html_page_escapes_everything(client):
    client.post(
        "/_sandbox/inbound",
        json={
            "kind": "comment",
            "author": "<b>Hacker</b>",
            "post_id": "odpady",
            "text": "<script>alert('x')</script>",
        },
    )
    client.get("/v25.0/<img src=x onerror=alert(1)>", params=T)
    page = client.get("/_sandbox/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert (
        "<script>alert" not in page.text
        and "<img src=x" not in page.text
        and "<b>Hacker" not in page.text
    )
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page.text
    assert "Urząd Gminy Przykładowo" in page.text


def test_reset_restores_the_world_and_clears_logs(app, client):
    client.post("/_sandbox/inbound", json={"kind": "message", "author": "Anna", "text": "x"})
    client.post(f"/v25.0/{PAGE_ID}/feed", json={"message": "Nowy post", **T})
    client.post("/_sandbox/faults", json={"kind": "5xx", "count": 5})
    assert client.post("/_sandbox/reset").json() == {"success": True}
    assert client.get("/_sandbox/requests").json()["data"] == []
    assert client.get("/_sandbox/deliveries").json()["data"] == []
    assert client.get("/_sandbox/faults").json()["data"] == []
    summary = client.get("/_sandbox/state").json()
    assert summary["threads"] == [] and len(summary["posts"]) == 3 and len(summary["comments"]) == 3
    assert client.get(f"/v25.0/{PAGE_ID}", params=T).status_code == 200


def test_deliveries_log_and_manual_redelivery(client, captured):
    client.post("/_sandbox/inbound", json={"kind": "message", "author": "Anna", "text": "Zażółć"})
    log = client.get("/_sandbox/deliveries").json()["data"]
    assert log[0]["state"] == "delivered" and log[0]["status"] == 200
    assert "\\u017c" in log[0]["body"] and log[0]["payload"]["object"] == "page"
    again = client.post("/_sandbox/redeliver", json={"seq": log[0]["seq"]}).json()["delivery"]
    assert captured.posts[-1][1:] == captured.posts[0][1:]
    assert [
        d["seq"]
        for d in client.get("/_sandbox/deliveries", params={"since": log[0]["seq"]}).json()["data"]
    ] == [again]


def test_failed_delivery_is_visible_in_the_log(client, captured, sleeps):
    captured.status = 500
    client.post("/_sandbox/inbound", json={"kind": "message", "author": "Anna", "text": "x"})
    entry = client.get("/_sandbox/deliveries").json()["data"][0]
    assert entry["state"] == "failed" and entry["status"] == 500 and len(entry["attempts"]) == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_scenario_control_runs_in_background(app, client, captured):
    assert "demo-day" in client.get("/_sandbox/scenarios").json()["data"]
    assert client.post("/_sandbox/scenario", json={"name": "nie-istnieje"}).status_code == 400
    slow = client.post("/_sandbox/scenario", json={"name": "demo-day", "speed": 0.01})
    assert slow.status_code == 202
    assert client.post("/_sandbox/scenario", json={"name": "demo-day"}).status_code == 409
    client.request("DELETE", "/_sandbox/scenario")
    app.control.run.thread.join(timeout=5)
    assert client.get("/_sandbox/scenario").json()["scenario"]["running"] is False
    before = len(captured.posts)
    fast = client.post("/_sandbox/scenario", json={"name": "demo-day", "speed": 10000})
    assert fast.status_code == 202
    app.control.run.thread.join(timeout=20)
    status = client.get("/_sandbox/scenario").json()["scenario"]
    assert status["error"] is None and status["running"] is False
    assert len(captured.posts) - before == status["deliveries"] == status["planned"] >= 45
    assert captured.verified()


def test_unknown_control_route_is_404(client):
    assert client.get("/_sandbox/nothing").status_code == 404


def test_control_paths_are_not_graph_paths(client):
    # a versioned /_sandbox path is a Graph call for an unknown object, as on graph.facebook.com
    assert error_of(client.get("/v25.0/_sandbox/requests", params=T))["code"] == 100
