from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ratusz.web"
    label = "web"

    def ready(self) -> None:
        from ratusz.web import checks  # noqa: F401
