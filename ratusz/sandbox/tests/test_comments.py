"""Comment routes: replies, hide/unhide, delete, listing, Instagram replies, unsupported objects."""

from __future__ import annotations

from .conftest import PAGE_ID, TOKEN, comment_id_of, error_of, resident

POST = "100000000000001_201000000000001"
POST_PART = "201000000000001"
T = {"access_token": TOKEN}


def last_feed_value(captured):
    payload = captured.payloads()[-1]
    assert payload["object"] == "page" and payload["entry"][0]["id"] == PAGE_ID
    change = payload["entry"][0]["changes"][0]
    assert change["field"] == "feed"
    return change["value"]


def test_page_reply_on_post_returns_post_part_id_and_delivers_feed_add(client, captured, clock):
    response = client.post(
        f"/v25.0/{POST}/comments", data={"message": "Harmonogram jest w BIP.", **T}
    )
    assert response.status_code == 200, response.text
    new_id = response.json()["id"]
    prefix, _, part = new_id.partition("_")
    assert prefix == POST_PART and part.isdigit()
    value = last_feed_value(captured)
    assert value["item"] == "comment" and value["verb"] == "add"
    assert value["comment_id"] == new_id
    assert value["post_id"] == POST and value["parent_id"] == POST
    assert value["from"] == {"id": PAGE_ID, "name": "Urząd Gminy Przykładowo"}
    assert value["created_time"] == int(clock.now)
    assert value["post"]["permalink_url"].endswith(f"/{PAGE_ID}/posts/{POST_PART}")
    assert captured.verified()


def test_reply_on_comment_and_on_a_reply_attach_to_the_top_level_comment(app, client, captured):
    top = comment_id_of(
        resident(app, "Anna Kowalska", kind="comment", post="odpady", text="Pytanie")
    )
    reply = client.post(f"/v25.0/{top}/comments", json={"message": "Odpowiedź", **T}).json()["id"]
    assert last_feed_value(captured)["parent_id"] == top
    client.post(f"/v25.0/{reply}/comments", json={"message": "Jeszcze jedno", **T})
    assert last_feed_value(captured)["parent_id"] == top
    listed = client.get(
        f"/v25.0/{top}/comments", params={"fields": "id,message,parent", **T}
    ).json()["data"]
    assert [c["message"] for c in listed] == ["Odpowiedź", "Jeszcze jedno"]
    assert all(c["parent"]["id"] == top for c in listed)


def test_hide_and_unhide_resident_comment_deliver_feed_hide_and_unhide(app, client, captured):
    comment_id = comment_id_of(
        resident(app, "Anna Kowalska", kind="comment", post="odpady", text="Spam?")
    )
    assert client.post(f"/v25.0/{comment_id}", data={"is_hidden": "true", **T}).json() == {
        "success": True
    }
    assert last_feed_value(captured)["verb"] == "hide"
    fields = {"fields": "is_hidden", **T}
    assert client.get(f"/v25.0/{comment_id}", params=fields).json() == {"is_hidden": True}
    assert client.post(f"/v25.0/{comment_id}", json={"is_hidden": False, **T}).json() == {
        "success": True
    }
    assert last_feed_value(captured)["verb"] == "unhide"
    assert client.get(f"/v25.0/{comment_id}", params=fields).json() == {"is_hidden": False}


def test_page_cannot_hide_its_own_comment(client, captured, app):
    own = client.post(f"/v25.0/{POST}/comments", data={"message": "Komunikat urzędu", **T}).json()[
        "id"
    ]
    deliveries = len(captured.posts)
    response = client.post(f"/v25.0/{own}", data={"is_hidden": "true", **T})
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == 100 and "posted by the Page cannot be hidden" in error["message"]
    assert len(captured.posts) == deliveries
    assert app.state.comments[own].hidden is False


def test_wrong_hide_parameter_per_platform_is_rejected(app, client):
    fb = comment_id_of(resident(app, "Anna Kowalska", kind="comment", post="odpady", text="x"))
    ig = comment_id_of(
        resident(app, "Ola", channel="instagram", kind="comment", post="festyn", text="x")
    )
    assert error_of(client.post(f"/v25.0/{fb}", data={"hide": "true", **T}))["code"] == 100
    assert error_of(client.post(f"/v25.0/{ig}", data={"is_hidden": "true", **T}))["code"] == 100
    assert client.post(f"/v25.0/{ig}", data={"hide": "true", **T}).json() == {"success": True}
    assert app.state.comments[ig].hidden is True


def test_delete_delivers_remove_and_the_comment_disappears(app, client, captured):
    comment_id = comment_id_of(
        resident(app, "Anna Kowalska", kind="comment", post="odpady", text="Do usunięcia")
    )
    assert client.delete(f"/v25.0/{comment_id}", params=T).json() == {"success": True}
    value = last_feed_value(captured)
    assert (
        value["verb"] == "remove" and value["comment_id"] == comment_id and "message" not in value
    )
    gone = error_of(client.get(f"/v25.0/{comment_id}", params=T))
    assert (gone["code"], gone["error_subcode"], gone["type"]) == (100, 33, "GraphMethodException")
    listed = client.get(f"/v25.0/{POST}/comments", params=T).json()["data"]
    assert comment_id not in [c["id"] for c in listed]


def test_instagram_replies_only_on_visible_top_level_comments(app, client, captured):
    top = comment_id_of(
        resident(app, "Ola", channel="instagram", kind="comment", post="festyn", text="Kiedy?")
    )
    deliveries = len(captured.posts)
    reply = client.post(f"/v25.0/{top}/replies", data={"message": "W sierpniu!", **T})
    assert reply.status_code == 200 and reply.json()["id"].isdigit()
    assert (
        len(captured.posts) == deliveries
    )  # Instagram sends no webhook for the account's own reply here
    assert (
        error_of(client.post(f"/v25.0/{reply.json()['id']}/replies", data={"message": "x", **T}))[
            "code"
        ]
        == 100
    )
    client.post(f"/v25.0/{top}", data={"hide": "true", **T})
    assert error_of(client.post(f"/v25.0/{top}/replies", data={"message": "x", **T}))["code"] == 100
    replies = client.get(
        f"/v25.0/{top}/replies", params={"fields": "id,text,username", **T}
    ).json()["data"]
    assert replies == [
        {"id": reply.json()["id"], "text": "W sierpniu!", "username": "gmina_przykladowo"}
    ]
    own = replies[0]["id"]
    assert error_of(client.post(f"/v25.0/{own}", data={"hide": "true", **T}))["code"] == 100


def test_instagram_media_comment_and_listing(client):
    media = "18040000000000001"
    new = client.post(f"/v25.0/{media}/comments", json={"message": "Dziękujemy!", **T}).json()["id"]
    listed = client.get(f"/v25.0/{media}/comments", params=T).json()["data"]
    assert {"timestamp", "text", "id"} == set(listed[-1]) and listed[-1]["id"] == new


def test_listing_fields_filter_order_and_cursor_paging(app, client):
    for n in range(3):
        resident(app, f"Mieszkaniec {n}", kind="comment", post="drogi", text=f"Komentarz {n}")
    post = "100000000000001_201000000000002"
    params = {"fields": "id,message,from,created_time,is_hidden", "limit": 2, **T}
    first = client.get(f"/v25.0/{post}/comments", params=params).json()
    assert len(first["data"]) == 2 and "next" in first["paging"]
    assert set(first["data"][0]) == {"id", "message", "from", "created_time", "is_hidden"}
    second = client.get(
        f"/v25.0/{post}/comments", params={**params, "after": first["paging"]["cursors"]["after"]}
    ).json()
    messages = [c["message"] for c in first["data"] + second["data"]]
    assert messages == [
        "Wreszcie! Ta droga była w fatalnym stanie.",
        "Komentarz 0",
        "Komentarz 1",
        "Komentarz 2",
    ]
    assert "next" not in second["paging"]
    newest = client.get(
        f"/v25.0/{post}/comments", params={"order": "reverse_chronological", "limit": 1, **T}
    ).json()
    assert newest["data"][0]["message"] == "Komentarz 2"


def test_toplevel_filter_hides_replies_unless_stream(app, client):
    top = comment_id_of(resident(app, "Anna", kind="comment", post="sesja", text="Pytanie"))
    resident(app, "Piotr", kind="comment", parent=None, post="sesja", text="Inne")
    client.post(f"/v25.0/{top}/comments", data={"message": "Odpowiedź", **T})
    post = "100000000000001_201000000000003"
    toplevel = client.get(f"/v25.0/{post}/comments", params={"fields": "message", **T}).json()[
        "data"
    ]
    stream = client.get(
        f"/v25.0/{post}/comments", params={"fields": "message", "filter": "stream", **T}
    ).json()["data"]
    assert [c["message"] for c in toplevel] == ["Pytanie", "Inne"]
    assert [c["message"] for c in stream] == ["Pytanie", "Inne", "Odpowiedź"]


def test_unknown_field_and_unknown_objects_use_meta_wording(client):
    bad_field = error_of(
        client.get(f"/v25.0/{POST}/comments", params={"fields": "id,likes_total", **T})
    )
    assert (
        bad_field["message"]
        == "(#100) Tried accessing nonexisting field (likes_total) on node type (Comment)"
    )
    get = error_of(client.get("/v25.0/123456789/comments", params=T))
    assert get["message"].startswith(
        "Unsupported get request. Object with ID '123456789' does not exist"
    )
    assert (get["code"], get["error_subcode"], get["type"]) == (100, 33, "GraphMethodException")
    post = error_of(client.post("/v25.0/123456789/comments", data={"message": "x", **T}))
    assert post["message"].startswith("Unsupported post request. Object with ID '123456789'")


def test_empty_reply_is_rejected(client):
    assert (
        error_of(client.post(f"/v25.0/{POST}/comments", data={"message": "", **T}))["code"] == 100
    )
