"""Signed webhook deliveries, sent the way Meta sends them, with retries and a delivery log."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from ratusz.platforms.meta.signature import encode_like_meta, sign_sha1, sign_sha256

# A sender posts `body` with `headers` to `url` and returns the HTTP status;
# it raises on connection errors.
Sender = Callable[[str, bytes, Mapping[str, str]], int]

META_USER_AGENT = "facebookexternalua"


def build_delivery(payload: Any, app_secret: str) -> tuple[bytes, dict[str, str]]:
    """The exact bytes and headers Meta would POST for `payload` (ASCII JSON, both signatures)."""
    body = encode_like_meta(payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": META_USER_AGENT,
        "X-Hub-Signature-256": sign_sha256(body, app_secret),
        "X-Hub-Signature": sign_sha1(body, app_secret),
    }
    return body, headers


@dataclass
class Attempt:
    time: float
    status: int | None
    error: str | None = None


@dataclass
class Delivery:
    seq: int
    created: float
    target: str | None
    summary: str
    body: bytes
    headers: dict[str, str]
    attempts: list[Attempt] = field(default_factory=list)
    state: str = "pending"  # pending | delivered | failed | skipped
    redelivery_of: int | None = None

    @property
    def payload(self) -> Any:
        return json.loads(self.body)

    @property
    def status(self) -> int | None:
        return self.attempts[-1].status if self.attempts else None

    def as_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "created": self.created,
            "target": self.target,
            "summary": self.summary,
            "state": self.state,
            "status": self.status,
            "attempts": [vars(a) for a in self.attempts],
            "redelivery_of": self.redelivery_of,
            "headers": dict(self.headers),
            "body": self.body.decode("ascii"),
            "payload": self.payload,
        }


class DeliveryLog:
    """Thread-safe, append-only list of deliveries with rising sequence numbers."""

    def __init__(self, lock: threading.RLock | None = None) -> None:
        self.lock = lock or threading.RLock()
        self._items: list[Delivery] = []
        self._seq = 0

    def add(self, **fields: Any) -> Delivery:
        with self.lock:
            self._seq += 1
            delivery = Delivery(seq=self._seq, **fields)
            self._items.append(delivery)
            return delivery

    def since(self, seq: int = 0) -> list[Delivery]:
        with self.lock:
            return [d for d in self._items if d.seq > seq]

    def get(self, seq: int) -> Delivery | None:
        with self.lock:
            return next((d for d in self._items if d.seq == seq), None)

    def clear(self) -> None:
        with self.lock:
            self._items.clear()


class HttpxSender:
    def __init__(self, client: httpx.Client | None = None, timeout: float = 10.0) -> None:
        self.client = client or httpx.Client(timeout=timeout)

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        return self.client.post(url, content=body, headers=dict(headers)).status_code


def as_sender(sender: Sender | httpx.Client | None, timeout: float = 10.0) -> Sender:
    if sender is None or isinstance(sender, httpx.Client):
        return HttpxSender(sender, timeout=timeout)
    return sender


class Deliverer:
    """Posts signed payloads to one target; retries non-2xx answers and connection errors
    with exponential backoff.

    With `background=True` deliveries are queued and sent in order by one worker thread, so the
    caller (e.g. a Graph API request that triggers an echo) is not held up by the receiver.
    """

    def __init__(
        self,
        target_url: str | None,
        app_secret: str,
        *,
        sender: Sender | httpx.Client | None = None,
        log: DeliveryLog | None = None,
        retries: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        background: bool = False,
        timeout: float = 10.0,
    ) -> None:
        self.target_url = target_url
        self.app_secret = app_secret
        self.sender = as_sender(sender, timeout) if target_url else sender
        self.log = log if log is not None else DeliveryLog()
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.clock = clock
        self.background = background
        self._queue: queue.Queue[Delivery] = queue.Queue()
        self._worker: threading.Thread | None = None

    def deliver(self, payload: Any, summary: str = "") -> Delivery:
        body, headers = build_delivery(payload, self.app_secret)
        return self.send_bytes(body, headers, summary)

    def redeliver(self, original: Delivery) -> Delivery:
        """Send an earlier delivery again, byte-identical (same body, same signatures)."""
        summary = f"redelivery of #{original.seq}: {original.summary}"
        return self.send_bytes(
            original.body, dict(original.headers), summary, redelivery_of=original.seq
        )

    def send_bytes(
        self,
        body: bytes,
        headers: dict[str, str],
        summary: str = "",
        redelivery_of: int | None = None,
    ) -> Delivery:
        delivery = self.log.add(
            created=self.clock(),
            target=self.target_url,
            summary=summary,
            body=body,
            headers=headers,
            redelivery_of=redelivery_of,
        )
        if self.background:
            self._ensure_worker()
            self._queue.put(delivery)
        else:
            self._send_with_retries(delivery)
        return delivery

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until queued deliveries are done; True when the queue drained in time."""
        with self._queue.all_tasks_done:
            return self._queue.all_tasks_done.wait_for(
                lambda: self._queue.unfinished_tasks == 0, timeout
            )

    def _ensure_worker(self) -> None:
        with self.log.lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(
                    target=self._work, name="sandbox-webhooks", daemon=True
                )
                self._worker.start()

    def _work(self) -> None:
        while True:
            delivery = self._queue.get()
            try:
                self._send_with_retries(delivery)
            finally:
                self._queue.task_done()

    def _send_with_retries(self, delivery: Delivery) -> None:
        if not self.target_url or self.sender is None:
            self._finish(delivery, "skipped")
            return
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            if self._attempt(delivery):
                self._finish(delivery, "delivered")
                return
        self._finish(delivery, "failed")

    def _attempt(self, delivery: Delivery) -> bool:
        try:
            status = self.sender(delivery.target, delivery.body, delivery.headers)  # type: ignore[misc]
            result = Attempt(time=self.clock(), status=status)
        except Exception as exc:  # connection refused, timeouts, anything the sender raises
            result = Attempt(time=self.clock(), status=None, error=f"{type(exc).__name__}: {exc}")
        with self.log.lock:
            delivery.attempts.append(result)
        return result.status is not None and 200 <= result.status < 300

    def _finish(self, delivery: Delivery, state: str) -> None:
        with self.log.lock:
            delivery.state = state
