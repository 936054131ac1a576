from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background worker (Huey consumer): webhook processing, sending, sweeps."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=settings.HUEY["consumer"]["workers"])
        parser.add_argument("--no-periodic", action="store_true",
                            help="Run no periodic jobs (for every worker but one).")

    def handle(self, *args, **options):
        args = ["--workers", str(options["workers"]), "--worker-type", "thread"]
        if options["no_periodic"]:
            args.append("--no-periodic")
        call_command("run_huey", *args)
