"""GraphClient publishing against the in-process Meta sandbox: Page posts with photos, videos and
captions, scheduling, Instagram containers, and finding a post after an unknown outcome."""

import json

import httpx
import pytest

from ratusz.platforms.meta.client import RATE_LIMITED, RETRY, STOP, UNKNOWN, GraphClient, GraphError
from ratusz.sandbox.app import SandboxApp
from ratusz.sandbox.delivery import Deliverer
from ratusz.sandbox.world import load_world

PAGE_ID = "100000000000001"
IG_ID = "17841400000000001"
TOKEN = "sandbox-page-token-demo"  # noqa: S105 - the demo world's sandbox token
START = 1_795_800_000.0


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def app(clock):
    return SandboxApp(load_world(), deliverer=Deliverer(None, "secret"), clock=clock,
                      sleep=lambda _s: None)


@pytest.fixture
def sleeps(clock):
    """The client's sleeps while it polls a container; sleeping moves the sandbox clock."""
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.advance(seconds)

    sleep.slept = slept  # type: ignore[attr-defined]
    return sleep


def client_for(app, sleep=lambda _s: None, transport=None) -> GraphClient:
    return GraphClient("http://graph.test/v25.0", TOKEN,
                       transport=transport or httpx.WSGITransport(app=app), sleep=sleep,
                       poll_tries=4, poll_delay=2.0)


@pytest.fixture
def graph(app, sleeps):
    with client_for(app, sleeps) as client:
        yield client


def feed_values(app):
    return [change["value"] for d in app.state.deliveries.since(0) if d.payload["object"] == "page"
            for entry in d.payload["entry"] for change in entry.get("changes", [])]


def requests_to(app, suffix, method="POST"):
    return [r for r in app.state.requests if r["path"].endswith(suffix) and r["method"] == method]


# -- Facebook ------------------------------------------------------------------------------------


def test_text_post_with_link(app, graph):
    result = graph.publish_page_post(PAGE_ID, message="Konsultacje budżetu.",
                                     link="https://bip.example/konsultacje")
    assert result == {"id": result["id"], "photo_ids": [], "video_id": ""}
    post = app.state.posts[result["id"]]
    assert (post.message, post.link, post.published) == (
        "Konsultacje budżetu.", "https://bip.example/konsultacje", True)
    assert feed_values(app)[-1]["post_id"] == result["id"]


def test_photos_are_uploaded_unpublished_with_alt_text_then_attached(app, graph):
    result = graph.publish_page_post(
        PAGE_ID, message="Objazd ul. Lipowej.", link="https://bip.example/objazd",
        photos=[{"url": "https://cdn.example/1.jpg", "alt": "Mapa objazdu"},
                {"url": "https://cdn.example/2.jpg", "alt": "Znak objazdu"}])
    assert len(result["photo_ids"]) == 2
    photos = [app.state.photos[i] for i in result["photo_ids"]]
    assert [(p.url, p.alt_text_custom, p.post_id) for p in photos] == [
        ("https://cdn.example/1.jpg", "Mapa objazdu", result["id"]),
        ("https://cdn.example/2.jpg", "Znak objazdu", result["id"])]
    uploads = requests_to(app, "/photos")
    assert [r["body"]["published"] for r in uploads] == ["false", "false"]
    (feed,) = requests_to(app, "/feed")
    assert feed["body"]["attached_media"] == {
        "0": {"media_fbid": result["photo_ids"][0]}, "1": {"media_fbid": result["photo_ids"][1]}}
    post = app.state.posts[result["id"]]
    # A post with photos cannot carry `link`: the link ends the text instead.
    assert post.message == "Objazd ul. Lipowej.\n\nhttps://bip.example/objazd"
    assert post.status_type == "added_photos"


def test_scheduled_post_with_a_photo_goes_live_at_its_time(app, graph, clock):
    when = int(clock.now) + 3600
    result = graph.publish_page_post(PAGE_ID, message="Jutro sesja.", scheduled_at=when,
                                     photos=[{"url": "https://cdn.example/s.jpg", "alt": "Sala"}])
    post = app.state.posts[result["id"]]
    assert (post.published, post.scheduled_for) == (False, when)
    assert app.state.photos[result["photo_ids"][0]].temporary is True
    assert graph.get_object(result["id"], "is_published")["is_published"] is False
    clock.advance(3600)
    assert graph.get_object(result["id"], "is_published")["is_published"] is True
    assert [v["post_id"] for v in feed_values(app)] == [result["id"]]


def test_video_post_with_captions(app, graph):
    result = graph.publish_page_post(
        PAGE_ID, message="Nagranie sesji", video={
            "url": "https://cdn.example/sesja.mp4", "title": "Sesja XXIV",
            "captions_url": "https://cdn.example/sesja.pl_PL.srt"})
    video = app.state.videos[result["video_id"]]
    assert result["id"] == f"{PAGE_ID}_{video.id}" and result["id"] in app.state.posts
    assert (video.title, video.description) == ("Sesja XXIV", "Nagranie sesji")
    assert [(c.locale, c.url) for c in video.captions] == [
        ("pl_PL", "https://cdn.example/sesja.pl_PL.srt")]
    assert "captions_error" not in result


def test_failed_captions_do_not_fail_a_published_video(app, graph):
    app.state.add_fault(fault("5xx", "/captions"))
    result = graph.publish_page_post(PAGE_ID, message="Film", video={
        "url": "https://cdn.example/f.mp4", "captions_url": "https://cdn.example/f.srt"})
    assert result["id"] in app.state.posts
    assert result["captions_error"].startswith("#2 ")


def test_scheduled_video(app, graph, clock):
    when = int(clock.now) + 7200
    result = graph.publish_page_post(PAGE_ID, message="Premiera", scheduled_at=when,
                                     video={"url": "https://cdn.example/p.mp4"})
    assert app.state.posts[result["id"]].published is False
    clock.advance(7200)
    assert graph.get_object(result["id"], "is_published")["is_published"] is True


def fault(kind, path, count=1):
    from ratusz.sandbox.state import Fault

    return Fault(kind=kind, remaining=count, path_contains=path)


def test_unknown_outcome_then_lookup_finds_nothing_and_a_retry_publishes(app, graph, clock):
    since = int(clock.now)
    app.state.add_fault(fault("5xx", "/feed"))
    with pytest.raises(GraphError) as caught:
        graph.publish_page_post(PAGE_ID, message="Przerwa w dostawie wody")
    assert caught.value.outcome == UNKNOWN
    assert graph.find_page_post(PAGE_ID, "Przerwa w dostawie wody", since) == ""
    post_id = graph.publish_page_post(PAGE_ID, message="Przerwa w dostawie wody")["id"]
    assert graph.find_page_post(PAGE_ID, "  Przerwa w\n dostawie   wody ", since) == post_id


def test_find_page_post_matches_text_since_a_time_and_scheduled_posts(app, graph, clock):
    old = graph.publish_page_post(PAGE_ID, message="Komunikat")["id"]
    clock.advance(60)
    since = int(clock.now)
    assert graph.find_page_post(PAGE_ID, "Komunikat", since) == ""
    assert graph.find_page_post(PAGE_ID, "Komunikat", since - 60) == old
    photo = graph.publish_page_post(PAGE_ID, message="Zdjęcia z festynu", link="https://b.example/f",
                                    photos=[{"url": "https://cdn.example/f.jpg", "alt": "Scena"}])
    assert graph.find_page_post(PAGE_ID, "Zdjęcia z festynu", since) == photo["id"]
    assert graph.find_page_post(PAGE_ID, "Zdjęcia", since) == ""  # not a prefix match
    scheduled = graph.publish_page_post(PAGE_ID, message="Na jutro",
                                        scheduled_at=int(clock.now) + 3600)["id"]
    assert graph.find_page_post(PAGE_ID, "Na jutro", since) == scheduled


def test_delete_post(app, graph):
    post_id = graph.publish_page_post(PAGE_ID, message="Pomyłka")["id"]
    assert graph.delete_post(post_id) == {"success": True}
    assert app.state.posts[post_id].deleted is True


# -- Instagram -----------------------------------------------------------------------------------


def test_one_image(app, graph):
    result = graph.publish_instagram(IG_ID, caption="Festyn w sobotę!",
                                     images=[{"url": "https://cdn.example/f.jpg", "alt": "Rynek"}])
    media = app.state.media[result["id"]]
    assert (media.caption, media.kind, media.alt_text, media.container_id) == (
        "Festyn w sobotę!", "IMAGE", "Rynek", result["container_id"])
    (status,) = requests_to(app, result["container_id"], method="GET")
    assert status["query"] == {"fields": "status_code"}


def test_several_images_and_a_video_make_a_carousel(app, graph):
    result = graph.publish_instagram(
        IG_ID, caption="Galeria",
        images=[{"url": f"https://cdn.example/{n}.jpg", "alt": f"Zdjęcie {n}"} for n in range(3)],
        video={"url": "https://cdn.example/v.mp4"})
    media = app.state.media[result["id"]]
    assert media.kind == "CAROUSEL_ALBUM" and len(media.children) == 4
    carousel = app.state.containers[result["container_id"]]
    children = [app.state.containers[c] for c in carousel.children]
    assert [c.media_type for c in children] == ["IMAGE", "IMAGE", "IMAGE", "VIDEO"]
    assert [c.alt_text for c in children[:3]] == ["Zdjęcie 0", "Zdjęcie 1", "Zdjęcie 2"]


def test_video_is_a_reel_published_once_processed(app, graph, sleeps):
    app.state.ig_video_processing_seconds = 5
    result = graph.publish_instagram(IG_ID, caption="Rolka",
                                     video={"url": "https://cdn.example/r.mp4"})
    assert app.state.media[result["id"]].media_product_type == "REELS"
    assert sleeps.slept == [2.0, 2.0, 2.0]


def test_video_still_processing_is_retry_and_publishes_nothing(app, graph, sleeps):
    app.state.ig_video_processing_seconds = 600
    before = len(app.state.media)
    with pytest.raises(GraphError) as caught:
        graph.publish_instagram(IG_ID, caption="Rolka", video={"url": "https://cdn.example/r.mp4"})
    assert caught.value.outcome == RETRY
    assert sleeps.slept == [2.0, 2.0, 2.0] and len(app.state.media) == before
    assert requests_to(app, "/media_publish") == []


def test_container_error_is_stop(app):
    inner = httpx.WSGITransport(app=app)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and "status_code" in str(request.url):
            return httpx.Response(200, json={"status_code": "ERROR", "id": "1"})
        return inner.handle_request(request)

    graph = client_for(app, transport=httpx.MockTransport(handler))
    with pytest.raises(GraphError) as caught:
        graph.publish_instagram(IG_ID, caption="x", images=[{"url": "https://c.example/x"}])
    assert requests_to(app, "/media_publish") == []
    assert caught.value.outcome == STOP and "ERROR" in caught.value.message


def test_publishing_limit_is_rate_limited(app, graph, clock):
    app.state.ig_published.extend([(IG_ID, clock.now - 60)] * 100)
    with pytest.raises(GraphError) as caught:
        graph.publish_instagram(IG_ID, caption="101.", images=[{"url": "https://c.example/x"}])
    assert (caught.value.code, caught.value.subcode) == (9, 2207042)
    assert caught.value.outcome == RATE_LIMITED


def test_instagram_needs_media():
    with pytest.raises(ValueError):
        GraphClient("http://graph.test", TOKEN).publish_instagram(IG_ID, caption="x")


def test_find_instagram_media(app, graph, clock):
    since = int(clock.now)
    media_id = graph.publish_instagram(IG_ID, caption="Festyn  gminny\n#Przykładowo",
                                       images=[{"url": "https://c.example/f.jpg"}])["id"]
    assert graph.find_instagram_media(IG_ID, "Festyn gminny #Przykładowo", since) == media_id
    assert graph.find_instagram_media(IG_ID, "Festyn gminny", since) == ""
    clock.advance(10)
    assert graph.find_instagram_media(IG_ID, "Festyn gminny #Przykładowo", int(clock.now)) == ""


def test_published_media_comments_reach_the_webhook(app, graph):
    media_id = graph.publish_instagram(IG_ID, caption="Pytania?",
                                       images=[{"url": "https://c.example/q.jpg"}])["id"]
    http = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://graph.test")
    response = http.post("/_sandbox/inbound", json={"post": media_id, "text": "Kiedy?",
                                                     "who": "Ola Nowak"})
    assert response.status_code == 200, response.text
    payload = json.loads(app.state.deliveries.since(0)[-1].body)
    assert payload["entry"][0]["changes"][0]["value"]["media"]["id"] == media_id
