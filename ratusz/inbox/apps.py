from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "ratusz.inbox"
    label = "inbox"

    def ready(self) -> None:
        from ratusz.inbox import services, verbs  # noqa: F401
        from ratusz.outbox import hooks

        hooks.on_sent(services.reply_mark_sent)
        hooks.on_failed(services.reply_mark_failed)
