"""Apps above the outbox learn the fate of their actions through these callbacks.

The outbox must not import the inbox, so the inbox registers itself here at start-up.
Callbacks run inside the outbox's transaction.
"""

from collections.abc import Callable

from ratusz.outbox.models import OutboxAction

Callback = Callable[[OutboxAction], None]
_sent: list[Callback] = []
_failed: list[Callback] = []


def on_sent(callback: Callback) -> None:
    _sent.append(callback)


def on_failed(callback: Callback) -> None:
    _failed.append(callback)


def notify_sent(action: OutboxAction) -> None:
    for callback in _sent:
        callback(action)


def notify_failed(action: OutboxAction) -> None:
    for callback in _failed:
        callback(action)
