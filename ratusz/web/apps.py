from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ratusz.web"
    label = "web"
