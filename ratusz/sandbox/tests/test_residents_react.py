"""Residents reacting to what the desk publishes (`--residents-react SECONDS`): two comments on
every post and media published through the API, delivered like hand-made inbound comments."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import pytest

from ratusz.sandbox import residents
from ratusz.sandbox.__main__ import parse_args
from ratusz.sandbox.app import SandboxApp
from ratusz.sandbox.delivery import Deliverer
from ratusz.sandbox.people import person
from ratusz.sandbox.residents import (
    GENERIC,
    RESIDENTS,
    comments_for,
    residents_for,
    start_timer,
)

from .conftest import IG_ID, PAGE_ID, SECRET, TARGET, TOKEN

T = {"access_token": TOKEN}
V = "/v25.0"
REACT = 20.0


class Timers:
    """The app's `schedule` hook: keeps (delay, fn) instead of starting timer threads."""

    def __init__(self) -> None:
        self.pending: list[tuple[float, Callable[[], None]]] = []

    def __call__(self, delay: float, fn: Callable[[], None]) -> None:
        self.pending.append((delay, fn))

    @property
    def delays(self) -> list[float]:
        return [delay for delay, _ in self.pending]

    def run(self) -> None:
        """Fire everything scheduled so far, earliest first."""
        due, self.pending = sorted(self.pending, key=lambda p: p[0]), []
        for _, fn in due:
            fn()


@pytest.fixture
def timers() -> Timers:
    return Timers()


def make_app(world, clock, captured, sleeps, timers, react: float) -> SandboxApp:
    deliverer = Deliverer(TARGET, SECRET, sender=captured, clock=clock, sleep=sleeps.append)
    return SandboxApp(
        world,
        deliverer=deliverer,
        clock=clock,
        sleep=sleeps.append,
        residents_react=react,
        schedule=timers,
    )


@pytest.fixture
def app(world, clock, captured, sleeps, timers) -> SandboxApp:
    return make_app(world, clock, captured, sleeps, timers, REACT)


def fb_comments(captured) -> list[dict]:
    return [
        change["value"]
        for payload in captured.payloads()
        if payload["object"] == "page"
        for entry in payload["entry"]
        for change in entry.get("changes", [])
        if change["field"] == "feed" and change["value"].get("item") == "comment"
    ]


def ig_comments(captured) -> list[dict]:
    return [
        change["value"]
        for payload in captured.payloads()
        if payload["object"] == "instagram"
        for entry in payload["entry"]
        for change in entry.get("changes", [])
        if change["field"] == "comments"
    ]


def post(client, message: str, **extra) -> str:
    response = client.post(f"{V}/{PAGE_ID}/feed", json={"message": message, **extra, **T})
    assert response.status_code == 200, response.text
    return response.json()["id"]


def publish_media(client, caption: str) -> str:
    creation = client.post(
        f"{V}/{IG_ID}/media",
        data={"image_url": "https://cdn.example/festyn.jpg", "caption": caption, **T},
    ).json()["id"]
    response = client.post(f"{V}/{IG_ID}/media_publish", data={"creation_id": creation, **T})
    assert response.status_code == 200, response.text
    return response.json()["id"]


# -- Facebook --------------------------------------------------------------------------------------


def test_a_published_post_gets_two_resident_comments_later(client, captured, timers):
    post_id = post(client, "Zapraszamy na XXV sesję Rady Gminy w czwartek o 10:00.")
    assert timers.delays == [REACT, 2 * REACT]
    assert fb_comments(captured) == []  # nothing until the timers fire

    timers.run()
    first, second = fb_comments(captured)
    assert {first["post_id"], second["post_id"]} == {post_id}
    assert first["parent_id"] == post_id and first["verb"] == "add"
    assert (first["message"], second["message"]) == (
        "Czy sesja będzie transmitowana?",
        "Gdzie można znaleźć porządek obrad?",
    )
    names = residents_for(post_id)
    assert [first["from"]["name"], second["from"]["name"]] == names
    assert first["from"]["id"] == person(names[0]).fb_user_id
    assert captured.verified()

    listed = client.get(f"{V}/{post_id}/comments", params={"fields": "message,from", **T}).json()
    assert [(c["from"]["name"], c["message"]) for c in listed["data"]] == [
        (names[0], "Czy sesja będzie transmitowana?"),
        (names[1], "Gdzie można znaleźć porządek obrad?"),
    ]


def test_a_scheduled_post_gets_comments_once_it_goes_live(client, clock, captured, timers):
    post_id = post(
        client,
        "Jutro przerwa w dostawie wody.",
        published=False,
        scheduled_publish_time=int(clock.now) + 3600,
    )
    assert timers.pending == []
    clock.advance(3600)
    client.get("/_sandbox/deliveries")  # any request publishes what is due
    assert timers.delays == [REACT, 2 * REACT]
    timers.run()
    texts = [(c["post_id"], c["message"]) for c in fb_comments(captured)]
    assert texts == [
        (post_id, "A do której godziny nie będzie wody na Lipowej?"),
        (post_id, "Czy będzie podstawiony beczkowóz?"),
    ]


def test_a_post_deleted_before_the_timer_gets_nothing(client, captured, timers):
    post_id = post(client, "Harmonogram odbioru odpadów na styczeń.")
    assert client.delete(f"{V}/{post_id}", params=T).json() == {"success": True}
    timers.run()
    assert fb_comments(captured) == []
    comments = client.get("/_sandbox/state").json()["comments"]
    assert [c for c in comments if c["object_id"] == post_id] == []


def test_deleted_between_the_two_comments_gets_only_the_first(client, captured, timers):
    post_id = post(client, "Ankieta w sprawie konsultacji budżetu obywatelskiego.")
    (_, first), (_, second) = timers.pending
    first()
    client.delete(f"{V}/{post_id}", params=T)
    second()
    assert [c["message"] for c in fb_comments(captured)] == [comments_for("ankieta")[0]]


def test_a_reset_sandbox_forgets_the_post_and_its_timers_do_nothing(client, captured, timers):
    post(client, "Komunikat")
    client.post("/_sandbox/reset")
    timers.run()
    assert fb_comments(captured) == []


def test_failed_delivery_is_logged_and_the_sandbox_goes_on(
    app, client, captured, timers, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("receiver exploded")

    post_id = post(client, "Komunikat")
    monkeypatch.setattr(residents, "play_inbound", broken)
    with caplog.at_level(logging.ERROR, logger="ratusz.sandbox.residents"):
        timers.run()  # does not raise
    assert "resident comment on facebook" in caplog.text and post_id in caplog.text
    assert fb_comments(captured) == []
    assert client.get(f"{V}/{post_id}", params=T).status_code == 200
    captured.status = 500  # a receiver that keeps failing: retried, logged as failed, no raise
    monkeypatch.undo()
    assert app.reactions.react("facebook", post_id, "Anna Kowalska", 0).state == "failed"


def test_posts_made_by_the_scenario_or_by_hand_get_no_reactions(app, client, timers):
    client.post("/_sandbox/inbound", json={"kind": "comment", "post": "sesja", "text": "Ktoś coś?"})
    assert timers.pending == []
    unpublished = client.post(
        f"{V}/{PAGE_ID}/photos",
        data={"url": "https://cdn.example/a.jpg", "published": "false", **T},
    )
    assert unpublished.status_code == 200 and timers.pending == []


# -- Instagram -------------------------------------------------------------------------------------


def test_published_media_gets_two_instagram_comments(client, captured, timers):
    media_id = publish_media(client, "Tak bawiliśmy się na festynie!")
    assert timers.delays == [REACT, 2 * REACT]
    timers.run()
    assert fb_comments(captured) == []
    first, second = ig_comments(captured)
    assert first["media"]["id"] == media_id and second["media"]["id"] == media_id
    assert (first["text"], second["text"]) == GENERIC
    names = residents_for(media_id)
    assert [first["from"]["username"], second["from"]["username"]] == [
        person(n).username for n in names
    ]
    assert all(p["entry"][0]["id"] == IG_ID for p in captured.payloads())
    listed = client.get(f"{V}/{media_id}/comments", params={"fields": "text", **T}).json()
    assert [c["text"] for c in listed["data"]] == list(GENERIC)


def test_media_with_comments_turned_off_gets_nothing(client, captured, timers):
    media_id = publish_media(client, "Segregujemy odpady!")
    client.post(f"{V}/{media_id}", data={"comment_enabled": "false", **T})
    timers.run()
    assert ig_comments(captured) == []


# -- off -------------------------------------------------------------------------------------------


def test_off_by_default_nothing_is_scheduled_or_delivered(world, clock, captured, sleeps, timers):
    app = make_app(world, clock, captured, sleeps, timers, 0.0)
    client = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://sandbox")
    post(client, "Sesja rady gminy")
    publish_media(client, "Festyn")
    assert timers.pending == []
    assert fb_comments(captured) == [] and ig_comments(captured) == []
    assert parse_args([]).residents_react == 0.0


# -- who and what ----------------------------------------------------------------------------------


def test_keyword_rules():
    assert comments_for("Zapraszamy na XXIV sesję Rady Gminy")[0] == (
        "Czy sesja będzie transmitowana?"
    )
    assert comments_for("Posiedzenie rady w czwartek")[0] == "Czy sesja będzie transmitowana?"
    assert comments_for("Awaria wodociągu na Lipowej")[0] == (
        "A do której godziny nie będzie wody na Lipowej?"
    )
    assert comments_for("Harmonogram wywozu śmieci")[0] == (
        "Czy gabaryty też odbierzecie w tym terminie?"
    )
    assert comments_for("Odbiór odpadów wielkogabarytowych")[0] == (
        "Czy gabaryty też odbierzecie w tym terminie?"
    )
    assert "Moim zdaniem" in comments_for("Trwają konsultacje społeczne")[0]
    assert (
        comments_for("Festyn w sobotę")
        == GENERIC
        == (
            "Gdzie można znaleźć więcej informacji?",
            "Dziękuję za informację!",
        )
    )
    assert comments_for("") == GENERIC
    assert comments_for("Zaradny mieszkaniec") == GENERIC  # "rad" inside a word is no council


def test_residents_are_picked_by_the_post_id():
    picked = residents_for("100000000000001_123456789012345")
    assert picked == residents_for("100000000000001_123456789012345")
    assert len(set(picked)) == 2 and set(picked) <= set(RESIDENTS)
    many = {tuple(residents_for(f"100000000000001_{n}")) for n in range(50)}
    assert len(many) > 10  # not always the same two people


def test_world_residents_replace_the_default_list(world, clock, captured, sleeps, timers):
    from dataclasses import replace

    custom = replace(world, extra={**world.extra, "residents": ["Jan Testowy", "Ola Próbna"]})
    app = make_app(custom, clock, captured, sleeps, timers, REACT)
    client = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://sandbox")
    post(client, "Komunikat")
    timers.run()
    assert {c["from"]["name"] for c in fb_comments(captured)} == {"Jan Testowy", "Ola Próbna"}


# -- the command line and the default timers -------------------------------------------------------


def test_command_line_option():
    assert parse_args(["--residents-react", "20"]).residents_react == 20.0
    with pytest.raises(SystemExit):
        parse_args(["--residents-react", "-1"])


def test_default_schedule_is_a_daemon_timer():
    timer = start_timer(3600, lambda: None)
    try:
        assert timer.daemon and timer.is_alive()
    finally:
        timer.cancel()
