from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "ratusz.intake"
    label = "intake"
