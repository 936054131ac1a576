from django.apps import AppConfig


class AnswersConfig(AppConfig):
    name = "ratusz.answers"
    label = "answers"

    def ready(self) -> None:
        from ratusz.answers import verbs  # noqa: F401
