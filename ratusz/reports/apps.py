from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ratusz.reports"
    label = "reports"

    def ready(self) -> None:
        from ratusz.reports import verbs  # noqa: F401
