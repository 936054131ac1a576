from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from ratusz.platforms.meta.signature import verify_sha256
from ratusz.sandbox.app import SandboxApp
from ratusz.sandbox.delivery import Deliverer
from ratusz.sandbox.traffic import play_events
from ratusz.sandbox.world import World, load_world

TARGET = "http://desk.test/webhooks/meta"
SECRET = "3f1c0a5e9b7d4c2a8e6f1b0d9c7a5e3f"
TOKEN = "sandbox-page-token-demo"
PAGE_ID = "100000000000001"
IG_ID = "17841400000000001"
APP_ID = "900000000000001"
START = 1_795_800_000.0


class FakeClock:
    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Captured:
    """Webhook POSTs the sandbox made, with a switchable answer status."""

    posts: list[tuple[str, bytes, dict[str, str]]] = field(default_factory=list)
    status: int = 200

    def __call__(self, url: str, body: bytes, headers: Any) -> int:
        self.posts.append((url, body, dict(headers)))
        return self.status

    def payloads(self) -> list[dict[str, Any]]:
        import json

        return [json.loads(body) for _, body, _ in self.posts]

    def verified(self) -> bool:
        return all(
            verify_sha256(body, h["X-Hub-Signature-256"], SECRET) for _, body, h in self.posts
        )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def captured() -> Captured:
    return Captured()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def world() -> World:
    return load_world()


@pytest.fixture
def app(world: World, clock: FakeClock, captured: Captured, sleeps: list[float]) -> SandboxApp:
    deliverer = Deliverer(TARGET, SECRET, sender=captured, clock=clock, sleep=sleeps.append)
    return SandboxApp(
        world, deliverer=deliverer, clock=clock, sleep=sleeps.append, timeout_seconds=45.0
    )


@pytest.fixture
def client(app: SandboxApp) -> httpx.Client:
    return httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://sandbox")


def resident(
    app: SandboxApp,
    who: str,
    *,
    channel: str = "facebook",
    kind: str = "message",
    text: str = "Dzień dobry",
    **extra: Any,
) -> dict[str, Any]:
    """Deliver one resident event through the sandbox and return its payload."""
    step = {"channel": channel, "kind": kind, "who": who, "text": text, **extra}
    deliveries = play_events([step], None, SECRET, state=app.state, deliverer=app.deliverer)
    return deliveries[-1].payload


def psid_of(payload: dict[str, Any]) -> str:
    return payload["entry"][0]["messaging"][0]["sender"]["id"]


def comment_id_of(payload: dict[str, Any]) -> str:
    value = payload["entry"][0]["changes"][0]["value"]
    return value.get("comment_id") or value["id"]


def error_of(response: httpx.Response) -> dict[str, Any]:
    return response.json()["error"]
