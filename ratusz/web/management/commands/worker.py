import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background worker (Huey consumer): webhook processing, sending, sweeps."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=settings.HUEY["consumer"]["workers"])
        parser.add_argument("--nice", type=int, default=5,
                            help="Lower the worker's CPU priority by this much (0 to keep it), "
                                 "so on a shared machine the receiver answers Meta first.")
        parser.add_argument("--no-periodic", action="store_true",
                            help="Run no periodic jobs (for every worker but one).")

    def handle(self, *args, **options):
        if options["nice"] > 0 and hasattr(os, "nice"):
            os.nice(options["nice"])
        # Poll the queue at least every second when idle, so new webhooks show up quickly.
        args = ["--workers", str(options["workers"]), "--worker-type", "thread",
                "--delay", "0.1", "--max-delay", "1"]
        if options["verbosity"] < 2:
            args.append("--quiet")
        if options["no_periodic"]:
            args.append("--no-periodic")
        call_command("run_huey", *args)
