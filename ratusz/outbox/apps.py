from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "ratusz.outbox"
    label = "outbox"

    def ready(self) -> None:
        from ratusz.outbox import verbs  # noqa: F401
