import os
import shutil
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


def granian_argv(host: str, port: int, workers: int) -> list[str]:
    granian = shutil.which("granian", path=os.path.dirname(sys.executable)) or "granian"
    return [granian, "--interface", "wsgi", "--host", host, "--port", str(port),
            "--workers", str(workers), "--no-ws", "--log-level", "warning",
            "ratusz.wsgi:application"]


class Command(BaseCommand):
    help = "Serve the desk and the webhook receiver with granian (WSGI)."
    requires_system_checks = []  # run explicitly below, before serving

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, **options):
        self.check(display_num_errors=False)  # refuses demo secrets against the real Meta
        call_command("collectstatic", interactive=False, verbosity=0)
        argv = granian_argv(options["host"], options["port"], options["workers"])
        self.stdout.write(f"Serving on http://{options['host']}:{options['port']}/")
        sys.stdout.flush()
        os.execv(argv[0], argv)
