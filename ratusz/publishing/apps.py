from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "ratusz.publishing"
    label = "publishing"

    def ready(self) -> None:
        from ratusz.outbox import hooks
        from ratusz.publishing import services, verbs  # noqa: F401

        hooks.on_sent(services.on_action_sent)
        hooks.on_failed(services.on_action_failed)
