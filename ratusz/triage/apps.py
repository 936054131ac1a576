import logging

from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "ratusz.triage"
    label = "triage"

    def ready(self) -> None:
        from ratusz.outbox import hooks
        from ratusz.triage import services, verbs  # noqa: F401

        hooks.on_sent(services.hide_mark_sent)
        _load_office_model()


def _load_office_model() -> None:
    """An office's retrained harmful-content model (`ratusz triage retrain`), if configured."""
    from django.conf import settings

    if settings.RATUSZ_HARMFUL_MODEL:
        from ratusz.triage.analysis import harmful

        try:
            harmful.load(settings.RATUSZ_HARMFUL_MODEL)
        except Exception:  # noqa: BLE001 - a wrong path must not stop the desk from starting
            logging.getLogger(__name__).exception(
                "RATUSZ_HARMFUL_MODEL=%s could not be loaded; using the model shipped with "
                "Ratusz", settings.RATUSZ_HARMFUL_MODEL)
