"""Run the sandbox on a threaded stdlib WSGI server."""

from __future__ import annotations

import sys
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.simple_server import make_server as _make_server

from .app import SandboxApp
from .world import load_world


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    """No access log on stderr (calls are visible at /_sandbox/); errors are still reported."""

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        pass


def make_server(host: str, port: int, app: SandboxApp) -> ThreadingWSGIServer:
    return _make_server(
        host, port, app, server_class=ThreadingWSGIServer, handler_class=QuietHandler
    )  # type: ignore[return-value]


def build_app(
    world_path: str | Path | None = None,
    webhook_target: str | None = None,
    app_secret: str = "",
    timeout_seconds: float = 30.0,
    residents_react: float = 0.0,
) -> SandboxApp:
    return SandboxApp(
        load_world(world_path),
        webhook_target=webhook_target,
        app_secret=app_secret,
        timeout_seconds=timeout_seconds,
        residents_react=residents_react,
    )


def serve(
    host: str = "127.0.0.1",
    port: int = 8100,
    world_path: str | Path | None = None,
    webhook_target: str | None = None,
    app_secret: str = "",
    scenario: str | None = None,
    speed: float = 1.0,
    timeout_seconds: float = 30.0,
    residents_react: float = 0.0,
) -> None:
    """Serve until interrupted; optionally start delivering `scenario` right away, and (with
    `residents_react` seconds > 0) have residents comment on what the desk publishes."""
    app = build_app(world_path, webhook_target, app_secret, timeout_seconds, residents_react)
    server = make_server(host, port, app)
    url = f"http://{host}:{server.server_port}"
    if scenario:
        app.start_scenario(scenario, speed)
    target = webhook_target or "none"
    print(
        f"Meta sandbox at {url}/ (Graph API {url}/v25.0/, control {url}/_sandbox/), "
        f"webhooks -> {target}",
        flush=True,
    )
    if residents_react > 0:
        print(
            f"Residents comment on published posts and media after {residents_react:g} s "
            f"and {2 * residents_react:g} s",
            flush=True,
        )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        sys.stdout.flush()
