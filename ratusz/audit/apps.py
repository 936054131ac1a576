from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ratusz.audit"
    label = "audit"
