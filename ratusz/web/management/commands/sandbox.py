from django.conf import settings
from django.core.management.base import BaseCommand

from ratusz.sandbox.server import serve


class Command(BaseCommand):
    help = "Run the local Meta sandbox (Graph API and webhook deliveries) for demos and tests."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8100)
        parser.add_argument("--target", default=f"{settings.RATUSZ_BASE_URL}/webhooks/meta",
                            help="Where to deliver webhooks.")
        parser.add_argument("--world", default=None, help="World file (default: the demo).")
        parser.add_argument("--scenario", default=None, help="Scenario to play, e.g. demo-day.")
        parser.add_argument("--speed", type=float, default=1.0)
        parser.add_argument("--residents-react", type=float, default=0.0, metavar="SECONDS",
                            help="Residents comment on each post/media published through the "
                                 "API, SECONDS and 2 x SECONDS later (default 0: off).")

    def handle(self, *args, **options):
        serve(options["host"], options["port"], world_path=options["world"],
              webhook_target=options["target"], app_secret=settings.RATUSZ_META_APP_SECRET,
              scenario=options["scenario"], speed=options["speed"],
              residents_react=options["residents_react"])
