import pytest

from ratusz.testing import World


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def webhook(client, django_capture_on_commit_callbacks):
    """Post a signed delivery and run what would run after commit (processing, sending)."""
    from ratusz.testing import post_webhook

    def send(payload, secret: str = "test-app-secret"):  # noqa: S107
        with django_capture_on_commit_callbacks(execute=True):
            return post_webhook(client, payload, secret)

    return send


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs on-commit callbacks (task enqueues) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def sandbox(client, django_capture_on_commit_callbacks, monkeypatch, settings):
    """The desk talking to the local Meta sandbox, in-process."""
    settings.RATUSZ_FETCH_PLATFORM_DETAILS = True
    from ratusz.outbox import sender
    from ratusz.testing import SandboxLink

    link = SandboxLink(client, django_capture_on_commit_callbacks)
    monkeypatch.setattr(sender, "GRAPH_TRANSPORT", link.transport)
    return link
