"""The threaded stdlib server end to end: Graph call over TCP and a webhook to a real receiver."""

from __future__ import annotations

import threading
from wsgiref.simple_server import make_server as plain_server

import httpx
import pytest

from ratusz.platforms.meta.signature import verify_sha256
from ratusz.sandbox.__main__ import parse_args
from ratusz.sandbox.server import build_app, make_server

from .conftest import PAGE_ID, SECRET, TOKEN


@pytest.fixture
def receiver():
    """A tiny webhook endpoint that records what it gets."""
    received = []

    def endpoint(environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        received.append((body, environ.get("HTTP_X_HUB_SIGNATURE_256")))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    server = plain_server("127.0.0.1", 0, endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/webhooks/meta", received
    server.shutdown()
    server.server_close()


def test_served_sandbox_answers_graph_calls_and_delivers_webhooks(receiver):
    target, received = receiver
    app = build_app(None, target, SECRET)
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with httpx.Client(base_url=base, timeout=5) as client:
            page = client.get(f"/v25.0/{PAGE_ID}", params={"access_token": TOKEN})
            assert page.json()["name"] == "Urząd Gminy Przykładowo"
            client.post(
                "/_sandbox/inbound",
                json={
                    "kind": "comment",
                    "author": "Anna",
                    "post_id": "odpady",
                    "text": "Gdzie jest PSZOK?",
                },
            )
            assert app.deliverer.flush(timeout=5)
        body, signature = received[0]
        assert b"Gdzie jest PSZOK?" in body and verify_sha256(body, signature, SECRET)
    finally:
        server.shutdown()
        server.server_close()


def test_command_line_arguments():
    args = parse_args(
        [
            "--port",
            "8101",
            "--target",
            "http://127.0.0.1:8000/webhooks/meta",
            "--secret",
            "s",
            "--scenario",
            "demo-day",
            "--speed",
            "20",
        ]
    )
    assert (args.port, args.scenario, args.speed, args.secret) == (8101, "demo-day", 20.0, "s")
    with pytest.raises(SystemExit):
        parse_args(["--target", "http://127.0.0.1:8000/webhooks/meta", "--secret", ""])
    with pytest.raises(SystemExit):
        parse_args(["--speed", "0"])
