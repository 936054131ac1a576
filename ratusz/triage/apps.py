from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "ratusz.triage"
    label = "triage"

    def ready(self) -> None:
        from ratusz.outbox import hooks
        from ratusz.triage import services, verbs  # noqa: F401

        hooks.on_sent(services.hide_mark_sent)
