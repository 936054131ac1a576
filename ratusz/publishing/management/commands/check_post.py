"""`ratusz check-post --office SLUG < draft.json`: the pre-publication checks on a draft, for
checks outside the test suite.

The draft: {"text", "type", "link", "images": [{"alt", "name", "has_text"}],
"video": {"name", "captions", "live"}, "publish_at": ISO 8601, "channels": ["facebook", ...]}.
Prints [{"check", "severity", "message"}] as JSON; exits 2 on a draft it cannot read."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ratusz.offices.models import Office
from ratusz.publishing import checks, services


def draft_from_json(data: object) -> checks.Draft:
    if not isinstance(data, dict):
        raise ValueError("the draft must be a JSON object")
    images = []
    if not isinstance(data.get("images") or [], list):
        raise ValueError("'images' is a list")
    for item in data.get("images") or []:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise ValueError("each image is an object with 'alt'")
        images.append(checks.Image(name=str(item.get("name") or item.get("file") or "image"),
                                   alt=str(item.get("alt") or ""),
                                   has_text=bool(item.get("has_text"))))
    video = data.get("video")
    if video is not None:
        if not isinstance(video, dict):
            raise ValueError("'video' is an object with 'captions'")
        captions = video.get("captions") or ""
        video = checks.Video(name=str(video.get("name") or video.get("file") or "video"),
                             captions=str(captions) if captions is not True else "captions.vtt",
                             live=bool(video.get("live")))
    when = None
    if data.get("publish_at"):
        when = parse_datetime(str(data["publish_at"]))
        if when is None:
            raise ValueError("'publish_at' is not an ISO 8601 date and time")
        if timezone.is_naive(when):
            when = timezone.make_aware(when)
    channels = data.get("channels") or ["facebook"]
    if not isinstance(channels, list) or not set(channels) <= {"facebook", "instagram"}:
        raise ValueError("'channels' is a list of 'facebook' and 'instagram'")
    return checks.Draft(text=str(data.get("text") or ""), type=str(data.get("type") or
                                                                  "information"),
                        link=str(data.get("link") or ""), images=images, video=video,
                        publish_at=when, channels=channels)


class Command(BaseCommand):
    help = "Run the pre-publication checks on a JSON draft read from standard input."

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True, help="the office's slug")

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office {options['office']!r}.", returncode=2)
        try:
            draft = draft_from_json(json.loads(sys.stdin.read() or "{}"))
        except ValueError as exc:
            raise CommandError(f"Cannot read the draft: {exc}", returncode=2) from exc
        findings = checks.run(draft, services.context_for(office))
        sys.stdout.write(json.dumps(checks.findings_json(findings), ensure_ascii=False,
                                    indent=2) + "\n")
