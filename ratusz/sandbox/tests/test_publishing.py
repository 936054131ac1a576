"""Publishing: photos, videos and captions, attached media, scheduled posts going live,
Instagram containers and their limit, residents' comments on what the desk published."""

from __future__ import annotations

import json

from .conftest import IG_ID, PAGE_ID, TOKEN, error_of

T = {"access_token": TOKEN}
V = "/v25.0"


def feed_values(captured):
    return [
        change["value"]
        for payload in captured.payloads()
        if payload["object"] == "page"
        for entry in payload["entry"]
        for change in entry.get("changes", [])
        if change["field"] == "feed"
    ]


def upload_photo(client, url, alt="", **extra):
    body = {"url": url, "published": "false", **extra, **T}
    if alt:
        body["alt_text_custom"] = alt
    response = client.post(f"{V}/{PAGE_ID}/photos", data=body)
    assert response.status_code == 200, response.text
    return response.json()


def feed_ids(client, **params):
    response = client.get(f"{V}/{PAGE_ID}/feed", params={"fields": "id", **params, **T})
    assert response.status_code == 200, response.text
    return [p["id"] for p in response.json()["data"]]


# -- Facebook photos and attached media ------------------------------------------------------------


def test_unpublished_photos_become_one_post_through_attached_media(client, captured):
    first = upload_photo(client, "https://cdn.example/plan-1.jpg", alt="Plan objazdu ul. Lipowej")
    second = upload_photo(client, "https://cdn.example/plan-2.jpg", alt="Mapa z trasą objazdu")
    assert set(first) == {"id"} and set(second) == {"id"}  # unpublished: no post yet
    assert captured.posts == []
    response = client.post(
        f"{V}/{PAGE_ID}/feed",
        data={
            "message": "Objazd na czas remontu ul. Lipowej.",
            "attached_media[0]": json.dumps({"media_fbid": first["id"]}),
            "attached_media[1]": json.dumps({"media_fbid": second["id"]}),
            **T,
        },
    )
    assert response.status_code == 200, response.text
    post_id = response.json()["id"]
    got = client.get(
        f"{V}/{post_id}", params={"fields": "status_type,attachments,full_picture", **T}
    ).json()
    assert got["status_type"] == "added_photos"
    assert got["full_picture"] == "https://cdn.example/plan-1.jpg"
    album = got["attachments"]["data"][0]
    assert album["type"] == "album"
    assert [(a["target"]["id"], a["description"]) for a in album["subattachments"]["data"]] == [
        (first["id"], "Plan objazdu ul. Lipowej"),
        (second["id"], "Mapa z trasą objazdu"),
    ]
    photo = client.get(
        f"{V}/{first['id']}", params={"fields": "alt_text_custom,page_story_id", **T}
    ).json()
    assert photo == {"alt_text_custom": "Plan objazdu ul. Lipowej", "page_story_id": post_id}
    (value,) = feed_values(captured)
    assert value["verb"] == "add" and value["post_id"] == post_id
    assert value["photos"] == ["https://cdn.example/plan-1.jpg", "https://cdn.example/plan-2.jpg"]
    assert feed_ids(client)[0] == post_id


def test_attached_media_as_a_json_array_and_one_photo_makes_a_photo_item(client, captured):
    photo = upload_photo(client, "https://cdn.example/woda.jpg", alt="Beczkowóz przy szkole")
    response = client.post(
        f"{V}/{PAGE_ID}/feed",
        json={
            "message": "Beczkowóz stoi przy szkole.",
            "attached_media": [{"media_fbid": photo["id"]}],
            **T,
        },
    )
    assert response.status_code == 200, response.text
    (value,) = feed_values(captured)
    assert value["item"] == "photo" and value["photo_id"] == photo["id"]
    assert value["link"] == "https://cdn.example/woda.jpg"


def test_attached_media_with_unknown_or_used_photo_is_code_100_and_posts_nothing(client, captured):
    before = feed_ids(client)
    unknown = client.post(
        f"{V}/{PAGE_ID}/feed",
        data={"message": "x", "attached_media[0]": '{"media_fbid": "123456789"}', **T},
    )
    assert unknown.status_code == 400
    error = error_of(unknown)
    assert error["code"] == 100 and "attached_media[0]" in error["message"]
    photo = upload_photo(client, "https://cdn.example/a.jpg")
    ok = client.post(
        f"{V}/{PAGE_ID}/feed",
        data={"message": "raz", "attached_media[0]": json.dumps({"media_fbid": photo["id"]}), **T},
    )
    assert ok.status_code == 200, ok.text
    again = client.post(
        f"{V}/{PAGE_ID}/feed",
        data={"message": "dwa", "attached_media[0]": json.dumps({"media_fbid": photo["id"]}), **T},
    )
    assert error_of(again)["code"] == 100
    assert feed_ids(client) == [ok.json()["id"], *before]
    assert len(feed_values(captured)) == 1


def test_published_photo_answers_with_its_post_and_a_photo_webhook(client, captured):
    response = client.post(
        f"{V}/{PAGE_ID}/photos",
        data={
            "url": "https://cdn.example/festyn.jpg",
            "caption": "Festyn w obiektywie",
            "alt_text_custom": "Dzieci przy stoisku z watą cukrową",
            **T,
        },
    )
    body = response.json()
    assert response.status_code == 200 and body["post_id"] == f"{PAGE_ID}_{body['id']}"
    (value,) = feed_values(captured)
    assert (value["item"], value["photo_id"], value["post_id"]) == (
        "photo",
        body["id"],
        body["post_id"],
    )
    assert value["message"] == "Festyn w obiektywie"
    assert feed_ids(client)[0] == body["post_id"]
    missing = client.post(f"{V}/{PAGE_ID}/photos", data={"caption": "bez zdjęcia", **T})
    assert error_of(missing)["code"] == 324


# -- Facebook videos and captions ------------------------------------------------------------------


def test_video_post_with_captions(client, captured):
    response = client.post(
        f"{V}/{PAGE_ID}/videos",
        data={
            "file_url": "https://cdn.example/sesja.mp4",
            "description": "Nagranie z sesji Rady Gminy",
            "title": "Sesja XXIV",
            **T,
        },
    )
    assert response.status_code == 200, response.text
    video_id = response.json()["id"]
    assert set(response.json()) == {"id"}
    (value,) = feed_values(captured)
    assert value["item"] == "video" and value["video_id"] == video_id
    assert value["post_id"] == f"{PAGE_ID}_{video_id}"
    assert feed_ids(client)[0] == f"{PAGE_ID}_{video_id}"
    captions = client.post(
        f"{V}/{video_id}/captions",
        data={"captions_url": "https://cdn.example/sesja.pl_PL.srt", "locale": "pl_PL", **T},
    )
    assert captions.json() == {"success": True}, captions.text
    listed = client.get(f"{V}/{video_id}/captions", params=T).json()["data"]
    assert [(c["locale"], c["is_default"], c["uri"]) for c in listed] == [
        ("pl_PL", True, "https://cdn.example/sesja.pl_PL.srt")
    ]
    bad_locale = client.post(
        f"{V}/{video_id}/captions", data={"captions_url": "x.srt", "locale": "polski", **T}
    )
    assert error_of(bad_locale)["code"] == 100
    no_file = client.post(f"{V}/{video_id}/captions", data={"locale": "pl_PL", **T})
    assert error_of(no_file)["code"] == 100
    got = client.get(f"{V}/{video_id}", params={"fields": "title,published,post_id", **T}).json()
    assert got == {"title": "Sesja XXIV", "published": True, "post_id": f"{PAGE_ID}_{video_id}"}


def test_unpublished_video_makes_no_post(client, captured):
    response = client.post(
        f"{V}/{PAGE_ID}/videos",
        data={"file_url": "https://cdn.example/x.mp4", "published": "false", **T},
    )
    assert response.status_code == 200, response.text
    assert captured.posts == [] and f"{PAGE_ID}_{response.json()['id']}" not in feed_ids(client)
    assert error_of(client.post(f"{V}/{PAGE_ID}/videos", data={"title": "x", **T}))["code"] == 324


# -- scheduled posts -------------------------------------------------------------------------------


def test_scheduled_post_is_published_with_its_webhook_when_its_time_comes(client, clock, captured):
    when = int(clock.now) + 3600
    response = client.post(
        f"{V}/{PAGE_ID}/feed",
        data={
            "message": "Jutro przerwa w dostawie wody.",
            "published": "false",
            "scheduled_publish_time": str(when),
            **T,
        },
    )
    post_id = response.json()["id"]
    fields = {"fields": "is_published,scheduled_publish_time,created_time", **T}
    assert client.get(f"{V}/{post_id}", params=fields).json()["is_published"] is False
    assert post_id not in feed_ids(client)
    scheduled = client.get(f"{V}/{PAGE_ID}/scheduled_posts", params=T).json()["data"]
    assert [(p["id"], p["scheduled_publish_time"]) for p in scheduled] == [(post_id, when)]

    clock.advance(3599)
    assert post_id not in feed_ids(client) and feed_values(captured) == []

    clock.advance(1)
    got = client.get(f"{V}/{post_id}", params=fields).json()
    assert got["is_published"] is True and got["scheduled_publish_time"] == when
    assert got["created_time"].startswith("20")
    assert feed_ids(client).count(post_id) == 1
    assert client.get(f"{V}/{PAGE_ID}/scheduled_posts", params=T).json()["data"] == []
    (value,) = feed_values(captured)
    assert (value["verb"], value["post_id"], value["created_time"], value["published"]) == (
        "add",
        post_id,
        when,
        1,
    )
    assert value["message"] == "Jutro przerwa w dostawie wody."
    client.get(f"{V}/{PAGE_ID}/feed", params=T)
    assert len(feed_values(captured)) == 1  # announced once only


def test_a_control_request_also_publishes_due_posts(client, clock, captured):
    when = int(clock.now) + 900
    client.post(
        f"{V}/{PAGE_ID}/feed",
        json={"message": "Zaplanowany", "published": False, "scheduled_publish_time": when, **T},
    )
    clock.advance(901)
    client.get("/_sandbox/deliveries")
    assert [v["message"] for v in feed_values(captured)] == ["Zaplanowany"]


def test_scheduled_photo_post_publishes_its_photos(client, clock, captured):
    photo = upload_photo(
        client, "https://cdn.example/sesja.jpg", alt="Sala obrad", temporary="true"
    )
    when = int(clock.now) + 7200
    post_id = client.post(
        f"{V}/{PAGE_ID}/feed",
        data={
            "message": "Sesja rady",
            "attached_media[0]": json.dumps({"media_fbid": photo["id"]}),
            "published": "false",
            "scheduled_publish_time": str(when),
            **T,
        },
    ).json()["id"]
    story = {"fields": "page_story_id", **T}
    assert "page_story_id" not in client.get(f"{V}/{photo['id']}", params=story).json()
    clock.advance(7200)
    assert client.get(f"{V}/{photo['id']}", params=story).json()["page_story_id"] == post_id
    (value,) = feed_values(captured)
    assert value["item"] == "photo" and value["photo_id"] == photo["id"]


def test_deleted_scheduled_post_is_never_published(client, clock, captured):
    post_id = client.post(
        f"{V}/{PAGE_ID}/feed",
        json={
            "message": "Odwołane",
            "published": False,
            "scheduled_publish_time": int(clock.now) + 3600,
            **T,
        },
    ).json()["id"]
    assert client.delete(f"{V}/{post_id}", params=T).json() == {"success": True}
    clock.advance(4000)
    assert post_id not in feed_ids(client)
    assert captured.posts == []  # neither an add nor a remove for a post nobody saw


def test_feed_since_and_until_bound_the_created_time(client, clock):
    old = client.post(f"{V}/{PAGE_ID}/feed", json={"message": "stary", **T}).json()["id"]
    clock.advance(100)
    since = int(clock.now)
    new = client.post(f"{V}/{PAGE_ID}/feed", json={"message": "nowy", **T}).json()["id"]
    assert feed_ids(client, since=since) == [new]
    assert old in feed_ids(client, until=since - 1) and new not in feed_ids(client, until=since - 1)


# -- Instagram containers --------------------------------------------------------------------------


def container(client, **params):
    response = client.post(f"{V}/{IG_ID}/media", data={**params, **T})
    assert response.status_code == 200, response.text
    return response.json()["id"]


def publish(client, creation_id):
    return client.post(f"{V}/{IG_ID}/media_publish", data={"creation_id": creation_id, **T})


def test_image_container_published_once_becomes_media(client):
    creation = container(
        client,
        image_url="https://cdn.example/festyn.jpg",
        caption="Festyn gminny już w sobotę!",
        alt_text="Scena na rynku",
    )
    status = client.get(f"{V}/{creation}", params={"fields": "status_code,id", **T}).json()
    assert status == {"status_code": "FINISHED", "id": creation}
    response = publish(client, creation)
    assert response.status_code == 200, response.text
    media_id = response.json()["id"]
    listed = client.get(
        f"{V}/{IG_ID}/media",
        params={"fields": "id,caption,media_type,media_product_type,alt_text", **T},
    ).json()["data"]
    assert listed[0] == {
        "id": media_id,
        "caption": "Festyn gminny już w sobotę!",
        "media_type": "IMAGE",
        "media_product_type": "FEED",
        "alt_text": "Scena na rynku",
    }
    assert client.get(f"{V}/{creation}", params={"fields": "status_code", **T}).json() == {
        "status_code": "PUBLISHED"
    }
    twice = error_of(publish(client, creation))
    assert (twice["code"], twice["error_subcode"]) == (24, 2207008)
    unknown = error_of(publish(client, "17999999999999999"))
    assert (unknown["code"], unknown["error_subcode"]) == (24, 2207008)
    missing = client.post(f"{V}/{IG_ID}/media_publish", data=T)
    assert error_of(missing)["code"] == 100
    assert sum(m["id"] == media_id for m in listed) == 1


def test_carousel_and_reels_containers(client):
    children = [
        container(client, image_url=f"https://cdn.example/{n}.jpg", is_carousel_item="true")
        for n in range(3)
    ]
    too_few = client.post(
        f"{V}/{IG_ID}/media", data={"media_type": "CAROUSEL", "children": children[0], **T}
    )
    assert error_of(too_few)["code"] == 100
    carousel = container(
        client, media_type="CAROUSEL", children=",".join(children[:2]), caption="Galeria"
    )
    reused = client.post(
        f"{V}/{IG_ID}/media",
        data={"media_type": "CAROUSEL", "children": ",".join(children[1:]), **T},
    )
    assert error_of(reused)["code"] == 100
    child_alone = error_of(publish(client, children[0]))
    assert child_alone["error_subcode"] == 2207008  # a carousel item is not published on its own
    album = publish(client, carousel).json()["id"]
    got = client.get(f"{V}/{album}", params={"fields": "media_type,caption,children", **T}).json()
    assert got["media_type"] == "CAROUSEL_ALBUM" and got["caption"] == "Galeria"
    assert len(got["children"]["data"]) == 2

    reel = container(
        client, media_type="REELS", video_url="https://cdn.example/film.mp4", caption="Film"
    )
    reel_id = publish(client, reel).json()["id"]
    got = client.get(f"{V}/{reel_id}", params={"fields": "media_type,media_product_type", **T})
    assert got.json() == {"media_type": "VIDEO", "media_product_type": "REELS"}

    for bad in (
        {"media_type": "VIDEO", "video_url": "https://cdn.example/film.mp4"},
        {"media_type": "REELS"},
        {"caption": "bez zdjęcia"},
        {"media_type": "STORY", "image_url": "https://cdn.example/x.jpg"},
        {"image_url": "https://cdn.example/x.jpg", "caption": "x" * 2201},
    ):
        assert error_of(client.post(f"{V}/{IG_ID}/media", data={**bad, **T}))["code"] == 100, bad


def test_container_expires_after_24_hours(client, clock):
    creation = container(client, image_url="https://cdn.example/x.jpg", caption="x")
    clock.advance(86400 + 1)
    status = client.get(f"{V}/{creation}", params={"fields": "status_code", **T}).json()
    assert status == {"status_code": "EXPIRED"}
    assert error_of(publish(client, creation))["error_subcode"] == 2207008


def test_video_container_is_in_progress_until_processed(app, client, clock):
    app.state.ig_video_processing_seconds = 30
    creation = container(client, media_type="REELS", video_url="https://cdn.example/r.mp4")
    fields = {"fields": "status_code", **T}
    assert client.get(f"{V}/{creation}", params=fields).json() == {"status_code": "IN_PROGRESS"}
    early = error_of(publish(client, creation))
    assert (early["code"], early["error_subcode"]) == (9007, 2207027)
    clock.advance(30)
    assert client.get(f"{V}/{creation}", params=fields).json() == {"status_code": "FINISHED"}
    assert publish(client, creation).status_code == 200


def test_content_publishing_limit_is_100_in_a_moving_day(client, clock):
    limit = client.get(f"{V}/{IG_ID}/content_publishing_limit", params=T).json()
    assert limit == {"data": [{"quota_usage": 0}]}
    for n in range(100):
        creation = container(client, image_url=f"https://cdn.example/{n}.jpg", caption=f"#{n}")
        assert publish(client, creation).status_code == 200
    limit = client.get(
        f"{V}/{IG_ID}/content_publishing_limit", params={"fields": "quota_usage,config", **T}
    ).json()
    assert limit == {
        "data": [{"quota_usage": 100, "config": {"quota_total": 100, "quota_duration": 86400}}]
    }
    creation = container(client, image_url="https://cdn.example/101.jpg", caption="za dużo")
    refused = publish(client, creation)
    error = error_of(refused)
    assert refused.status_code == 400 and (error["code"], error["error_subcode"]) == (9, 2207042)
    clock.advance(86400)
    assert publish(client, creation).status_code == 200  # the first ones left the window


# -- residents' comments on what the desk published ------------------------------------------------


def test_inbound_comment_on_a_post_the_desk_published(client, captured):
    post_id = client.post(
        f"{V}/{PAGE_ID}/feed", json={"message": "Konsultacje budżetu", **T}
    ).json()["id"]
    response = client.post(
        "/_sandbox/inbound",
        json={"kind": "comment", "post": post_id, "author": "Anna Kowalska", "text": "Kiedy?"},
    )
    assert response.status_code == 200, response.text
    value = captured.payloads()[-1]["entry"][0]["changes"][0]["value"]
    assert value["post_id"] == post_id and value["message"] == "Kiedy?"
    comments = client.get(f"{V}/{post_id}/comments", params={"fields": "message", **T}).json()
    assert [c["message"] for c in comments["data"]] == ["Kiedy?"]


def test_inbound_comment_on_media_the_desk_published_implies_instagram(client, captured):
    creation = container(
        client, media_type="REELS", video_url="https://cdn.example/r.mp4", caption="Rolka"
    )
    media_id = publish(client, creation).json()["id"]
    response = client.post(
        "/_sandbox/inbound",
        json={"kind": "comment", "post_id": media_id, "author": "Ola Nowak", "text": "Super!"},
    )
    assert response.status_code == 200, response.text
    payload = captured.payloads()[-1]
    value = payload["entry"][0]["changes"][0]["value"]
    assert payload["object"] == "instagram" and payload["entry"][0]["id"] == IG_ID
    assert value["media"] == {"id": media_id, "media_product_type": "REELS"}
    listed = client.get(f"{V}/{media_id}/comments", params={"fields": "text", **T}).json()
    assert [c["text"] for c in listed["data"]] == ["Super!"]


def test_inbound_comment_on_a_scheduled_post_is_refused(client, clock):
    post_id = client.post(
        f"{V}/{PAGE_ID}/feed",
        json={
            "message": "Jeszcze nie",
            "published": False,
            "scheduled_publish_time": int(clock.now) + 3600,
            **T,
        },
    ).json()["id"]
    response = client.post(
        "/_sandbox/inbound", json={"kind": "comment", "post": post_id, "text": "?"}
    )
    assert response.status_code == 400 and "not published" in response.json()["error"]


# -- faults ----------------------------------------------------------------------------------------


def test_faults_hit_the_publishing_routes(client):
    creation = container(client, image_url="https://cdn.example/x.jpg", caption="x")
    fault = client.post(
        "/_sandbox/faults", json={"kind": "5xx", "count": 1, "path_contains": "/media_publish"}
    )
    assert fault.status_code == 200
    failed = publish(client, creation)
    assert failed.status_code == 500 and error_of(failed)["is_transient"] is True
    assert client.get(f"{V}/{creation}", params={"fields": "status_code", **T}).json() == {
        "status_code": "FINISHED"
    }
    assert publish(client, creation).status_code == 200
    client.post("/_sandbox/faults", json={"kind": "rate_limit", "path_contains": "/media"})
    limited = client.post(f"{V}/{IG_ID}/media", data={"image_url": "https://x/y.jpg", **T})
    assert error_of(limited)["code"] == 80002
    client.post("/_sandbox/faults", json={"kind": "rate_limit", "path_contains": "/photos"})
    limited = client.post(f"{V}/{PAGE_ID}/photos", data={"url": "https://x/y.jpg", **T})
    assert error_of(limited)["code"] == 80001
