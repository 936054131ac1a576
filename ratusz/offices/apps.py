from django.apps import AppConfig


class OfficesConfig(AppConfig):
    name = "ratusz.offices"
    label = "offices"

    def ready(self) -> None:
        from ratusz.offices import verbs  # noqa: F401
