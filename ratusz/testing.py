"""Personas and builders shared by the tests (house style rule 26-27)."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model

from ratusz.channels.models import Channel
from ratusz.channels.services import channel_connect
from ratusz.offices.models import Office, Role
from ratusz.offices.services import department_create, membership_grant, office_create
from ratusz.platforms.meta.signature import encode_like_meta, sign_sha1, sign_sha256

PAGE_ID = "100000000000001"
IG_ID = "17841400000000001"
OTHER_PAGE_ID = "200000000000002"
TOKEN = "sandbox-page-token-demo"


def make_user(username: str, **fields):
    return get_user_model().objects.create_user(username=username, password="pw", **fields)



class World:
    """Office A (with a Page and an Instagram account) and office B, with their people."""

    def __init__(self) -> None:
        self.office = office_create(actor=None, slug="a", name="Gmina A",
                                    kind=Office.Kind.GMINA)
        self.other_office = office_create(actor=None, slug="b", name="Gmina B",
                                          kind=Office.Kind.GMINA)
        self.department = department_create(actor=None, office=self.office, name="Podatki",
                                            slug="podatki")
        self.vera = self._person("vera", self.office, Role.VIEWER)
        self.anna = self._person("anna", self.office, Role.RESPONDER)
        self.mona = self._person("mona", self.office, Role.MODERATOR)
        self.bea = self._person("bea", self.other_office, Role.RESPONDER)
        self.page = channel_connect(
            actor=None, office=self.office, platform=Channel.Platform.FACEBOOK,
            platform_id=PAGE_ID, name="Urząd Gminy A", owner_type="office_page", token=TOKEN)
        self.instagram = channel_connect(
            actor=None, office=self.office, platform=Channel.Platform.INSTAGRAM,
            platform_id=IG_ID, name="gmina_a", username="gmina_a", owner_type="office_page",
            token=TOKEN,
            linked_page_id=PAGE_ID)
        self.other_page = channel_connect(
            actor=None, office=self.other_office, platform=Channel.Platform.FACEBOOK,
            platform_id=OTHER_PAGE_ID, name="Urząd Gminy B", owner_type="office_page",
            token="other-token")

    @staticmethod
    def _person(username: str, office: Office, role: str):
        user = make_user(username, first_name=username.title())
        membership_grant(actor=None, office=office, user=user, role=role)
        return user


def signed(payload, secret: str = "test-app-secret") -> tuple[bytes, dict[str, str]]:
    body = encode_like_meta(payload)
    return body, {"X-Hub-Signature-256": sign_sha256(body, secret),
                  "X-Hub-Signature": sign_sha1(body, secret)}


def post_webhook(client, payload, secret: str = "test-app-secret"):
    body, headers = signed(payload, secret)
    return client.post("/webhooks/meta", body, content_type="application/json", headers=headers)


def feed_comment(comment_id: str, *, verb: str = "add", text: str | None = "Kiedy odbiór śmieci?",
                 post: str = "998877", parent: str | None = None, author=("7311", "Anna Kowalska"),
                 created: int = 1795860243, page: str = PAGE_ID, time: int | None = None) -> dict:
    post_id = f"{page}_{post}"
    value = {"item": "comment", "verb": verb, "comment_id": comment_id, "post_id": post_id,
             "parent_id": parent or post_id, "from": {"id": author[0], "name": author[1]},
             "created_time": created}
    if text is not None:
        value["message"] = text
    return {"object": "page", "entry": [{"id": page, "time": time or created + 2,
                                         "changes": [{"field": "feed", "value": value}]}]}


def messenger_message(mid: str, *, text: str = "Dzień dobry", sender: str = "2516",
                      page: str = PAGE_ID, timestamp: int = 1795862999870, **message) -> dict:
    return {"object": "page", "entry": [{"id": page, "time": timestamp + 100, "messaging": [{
        "sender": {"id": sender}, "recipient": {"id": page}, "timestamp": timestamp,
        "message": {"mid": mid, "text": text, **message}}]}]}


class SandboxLink:
    """The Meta sandbox wired to the desk in-process: Graph calls go to the sandbox's WSGI app,
    and the webhooks it sends are queued and delivered to the desk by `flush()`."""

    TARGET = "http://desk.test/webhooks/meta"

    def __init__(self, client, capture_callbacks, secret: str = "test-app-secret") -> None:
        import httpx

        from ratusz.sandbox.app import SandboxApp
        from ratusz.sandbox.delivery import Deliverer
        from ratusz.sandbox.world import load_world

        self.client, self.capture_callbacks = client, capture_callbacks
        self.secret = secret
        self.pending: list[tuple[bytes, dict[str, str]]] = []
        self.statuses: list[int] = []
        self.deliverer = Deliverer(self.TARGET, secret, sender=self._queue, retries=0)
        self.app = SandboxApp(load_world(), deliverer=self.deliverer, app_secret=secret)
        self.transport = httpx.WSGITransport(app=self.app)
        self.http = httpx.Client(transport=self.transport, base_url="http://graph.test")

    def _queue(self, url: str, body: bytes, headers) -> int:
        self.pending.append((body, dict(headers)))
        return 200

    def flush(self) -> int:
        """Deliver queued webhooks to the desk, including those that sending them causes."""
        delivered = 0
        while self.pending:
            body, headers = self.pending.pop(0)
            with self.capture_callbacks():
                response = self.client.post("/webhooks/meta", body,
                                            content_type="application/json", headers=headers)
            self.statuses.append(response.status_code)
            delivered += 1
        return delivered

    def inbound(self, **event) -> dict:
        response = self.http.post("/_sandbox/inbound", json=event)
        assert response.status_code == 200, response.text
        return response.json()

    def graph_requests(self) -> list[dict]:
        return self.http.get("/_sandbox/requests").json()["data"]


# -- browser tests (Playwright with Debian's Chromium, checked with axe-core) -----------------

# Playwright's sync API keeps an event loop running in this thread for the whole session, so
# Django's async-safety check would refuse every ORM call the test and its teardown make.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_MARKS = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                       reason="Debian's chromium is not installed (apt-get install chromium)."),
]
CHROMIUM_FLAGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"]


def assert_accessible(page, what: str) -> None:
    """axe-core finds no serious or critical violation on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not bad, f"{what}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in bad)
