import json

from django.core.management.base import BaseCommand

from ratusz.inbox.models import Message


class Command(BaseCommand):
    help = "Export data as JSON lines. `ratusz export messages` prints every stored message."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["messages"])

    def handle(self, *args, **options):
        rows = (Message.objects.filter(created_at__isnull=False)
                .select_related("channel", "conversation", "resident")
                .order_by("created_at", "pk"))
        for m in rows.iterator(chunk_size=1000):
            self.stdout.write(json.dumps({
                "channel": m.channel.platform,
                "kind": m.kind,
                "direction": m.direction,
                "platform_id": m.platform_id,
                "conversation": str(m.conversation.uuid),
                "author": m.author_label,
                "text": m.text,
                "created_at": m.created_at.isoformat(),
            }, ensure_ascii=False))
