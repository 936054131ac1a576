from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "ratusz.moderation"
    label = "moderation"

    def ready(self) -> None:
        from ratusz.moderation import services, verbs  # noqa: F401
        from ratusz.outbox import hooks
        from ratusz.triage import services as triage

        hooks.on_sent(services.action_finished)
        hooks.on_failed(services.action_finished)
        triage.on_analysis(services.after_analysis)
