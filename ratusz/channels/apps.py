from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "ratusz.channels"
    label = "channels"

    def ready(self) -> None:
        from ratusz.channels import verbs  # noqa: F401
