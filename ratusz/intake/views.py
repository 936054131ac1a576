"""The Meta webhook endpoint: verify, store raw, answer fast. Processing happens in the worker."""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ratusz.intake.services import delivery_store
from ratusz.platforms.meta.signature import verify_sha256


def _text(status: int, body: str) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def meta_webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _handshake(request)
    try:
        body = request.body
    except RequestDataTooBig:
        return _text(413, "Payload too large.")
    signature = request.headers.get("X-Hub-Signature-256", "")
    if not verify_sha256(body, signature, settings.RATUSZ_META_APP_SECRET):
        return _text(403, "Invalid or missing X-Hub-Signature-256.")
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return _text(400, "Body is not valid JSON.")
    if not isinstance(payload, dict):
        return _text(400, "Body must be a JSON object.")
    delivery_store(body=body, signature=signature)
    return _text(200, "EVENT_RECEIVED")


def _handshake(request: HttpRequest) -> HttpResponse:
    mode = request.GET.get("hub.mode", "")
    token = request.GET.get("hub.verify_token", "")
    challenge = request.GET.get("hub.challenge", "")
    if mode == "subscribe" and challenge and constant_time_compare(
        token, settings.RATUSZ_META_VERIFY_TOKEN
    ):
        return _text(200, challenge)
    return _text(403, "Verification failed.")
