"""Every audit verb is registered once, with a human label, by the app that owns it."""

from django.utils.functional import Promise

VERBS: dict[str, str | Promise] = {}


def register_verbs(verbs: dict[str, str | Promise]) -> None:
    for verb, label in verbs.items():
        if verb in VERBS and VERBS[verb] != label:
            raise ValueError(f"Audit verb {verb} registered twice.")
        VERBS[verb] = label


def label_for(verb: str) -> str:
    return str(VERBS.get(verb, verb))
