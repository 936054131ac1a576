from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ratusz.api"
    label = "api"

    def ready(self) -> None:
        from ratusz.api import verbs  # noqa: F401
