"""People's corrections as labelled examples: exported for evaluation, used for retraining."""

import json
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ratusz.audit.services import record
from ratusz.triage.models import Label
from ratusz.triage.services import channel_of


def labelled_examples(office=None) -> Iterator[dict]:
    """One example per corrected message: its text, the flags people judged, and the
    effective verdict on them (the format of data/LABELS.md plus `judged_flags`)."""
    labels = Label.objects.select_related("message__conversation").order_by("message_id", "flag")
    if office is not None:
        labels = labels.filter(message__conversation__office=office)
    current, judged, flags = None, [], []
    for label in labels.iterator():
        if current is not None and label.message_id != current.pk:
            yield _example(current, judged, flags)
            judged, flags = [], []
        current = label.message
        judged.append(label.flag)
        if label.value:
            flags.append(label.flag)
    if current is not None:
        yield _example(current, judged, flags)


def _example(message, judged, flags) -> dict:
    return {"id": str(message.uuid), "text": message.text,
            "channel": channel_of(message),
            "flags": flags, "judged_flags": judged}


def _extra_pairs(path: str) -> list[tuple[str, int]]:
    pairs = []
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            item = json.loads(line)
            if "harmful" in item and not isinstance(item["harmful"], list):
                pairs.append((item["text"], int(item["harmful"])))
            elif "flags" in item:
                judged = item.get("judged_flags") or ["harmful"]
                if "harmful" in judged:
                    pairs.append((item["text"], int("harmful" in item["flags"])))
    return pairs


def retrain(*, office=None, extra=(), output=None, data=None, log=print):
    """Retrain the harmful-content model on PolEval 2019 plus the project's own examples plus
    the office's corrections, and write it where `RATUSZ_HARMFUL_MODEL` can point."""
    from ratusz.triage import training

    corrections = [(label.message.text, int(label.value)) for label in
                   Label.objects.filter(flag="harmful").select_related("message")
                   .filter(**({"message__conversation__office": office} if office else {}))]
    pairs = corrections + [pair for path in extra for pair in _extra_pairs(path)]
    output = Path(output) if output else Path(settings.VAR_DIR) / "models" / "harmful"
    log(f"Training with {len(corrections)} corrections and {len(pairs) - len(corrections)} "
        f"extra examples...")
    path, metrics = training.retrain_with(pairs, output=output, data=data, log=log)
    with transaction.atomic():
        record(actor="cli", verb="triage.model.retrained", office=office,
               data={"corrections": len(corrections), "extra": len(pairs) - len(corrections),
                     "path": str(path), **{k: v for k, v in metrics.items()
                                           if isinstance(v, (int, float, str))}})
    return path, metrics
