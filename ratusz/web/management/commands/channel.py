from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ratusz.channels.models import Channel
from ratusz.channels.services import channel_connect, channel_replace_token
from ratusz.offices.models import Office


class Command(BaseCommand):
    help = ("Connect a Facebook Page or Instagram professional account to an office, or list "
            "the connected channels. The access token is read from a file and stored encrypted.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        connect = sub.add_parser("connect")
        connect.add_argument("--office", required=True)
        connect.add_argument("--platform", required=True, choices=Channel.Platform.values)
        connect.add_argument("--id", required=True, help="Page id or Instagram account id.")
        connect.add_argument("--name", required=True)
        connect.add_argument("--owner-type", required=True,
                             choices=[Channel.OwnerType.OFFICE_PAGE,
                                      Channel.OwnerType.ORGAN_PROFILE,
                                      Channel.OwnerType.PRIVATE])
        connect.add_argument("--token-file", required=True)
        connect.add_argument("--username", default="")
        connect.add_argument("--linked-page-id", default="",
                             help="For Instagram through Facebook Login: the linked Page id.")
        token = sub.add_parser("token", help="Replace a channel's access token and revive it.")
        token.add_argument("--platform", required=True, choices=Channel.Platform.values)
        token.add_argument("--id", required=True)
        token.add_argument("--token-file", required=True)
        sub.add_parser("list")

    def handle(self, *args, **options):
        if options["action"] == "list":
            for c in Channel.objects.select_related("office").order_by("office__slug"):
                self.stdout.write(f"{c.office.slug}\t{c.platform}\t{c.platform_id}\t{c.status}"
                                  f"\t{c.name}")
            return
        if options["action"] == "token":
            channel = Channel.objects.filter(platform=options["platform"],
                                             platform_id=options["id"]).first()
            if channel is None:
                raise CommandError("No such channel.")
            channel_replace_token(actor="cli", channel=channel,
                                  token=Path(options["token_file"]).read_text().strip())
            self.stdout.write(f"New token stored; {channel.platform} {channel.platform_id} "
                              "is active again.")
            return
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']}.")
        token = Path(options["token_file"]).read_text().strip()
        try:
            channel = channel_connect(
                actor="cli", office=office, platform=options["platform"],
                platform_id=options["id"], name=options["name"],
                owner_type=options["owner_type"], token=token, username=options["username"],
                linked_page_id=options["linked_page_id"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Connected {channel.platform} {channel.platform_id} to {office.slug}.")
