import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ratusz.web.demo import DEMO_PASSWORD, PEOPLE, load_demo

# Seconds (real time) after which simulated residents comment on what the demo office publishes.
RESIDENTS_REACT_SECONDS = 20


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _wait_for(url: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return True
        except OSError:
            time.sleep(0.3)
    return False


class Command(BaseCommand):
    help = ("Migrate, load the demo office and (unless --no-serve) run the desk, its worker and "
            "the Meta sandbox playing a day of the demo page.")

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true",
                            help="Only migrate and load the demo office, then exit.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--sandbox-port", type=int, default=8100)
        parser.add_argument("--speed", type=float, default=5.0,
                            help="How much faster than real time the demo day plays.")

    def handle(self, *args, **options):
        for alias in settings.DATABASES:
            call_command("migrate", interactive=False, verbosity=0, database=alias)
        if "RATUSZ_BASE_URL" not in os.environ and not options["no_serve"]:
            # Links the loader writes (the rules' address) point at this demo's own port.
            settings.RATUSZ_BASE_URL = f"http://127.0.0.1:{options['port']}"
        office, created = load_demo()
        self.stdout.write(f"Demo office '{office.name}' (slug {office.slug}) "
                          f"{'loaded' if created else 'already present'}.")
        if options["no_serve"]:
            return
        self._run(options)

    def _run(self, options) -> None:
        port, sandbox_port = options["port"], options["sandbox_port"]
        busy = [p for p in (port, sandbox_port) if not _port_free(p)]
        if busy:
            raise CommandError(f"Port {busy[0]} is already in use (another Ratusz still "
                               "running?). Stop it, or pass --port / --sandbox-port.")
        desk_url = f"http://127.0.0.1:{port}"
        sandbox_url = f"http://127.0.0.1:{sandbox_port}"
        env = {**os.environ, "RATUSZ_GRAPH_URL": f"{sandbox_url}/v25.0",
               "RATUSZ_BASE_URL": desk_url, "RATUSZ_META_APP_SECRET":
               settings.RATUSZ_META_APP_SECRET}
        ratusz = [sys.executable, "-m", "ratusz"]
        children = [
            subprocess.Popen([*ratusz, "serve", "--port", str(port)], env=env),
            subprocess.Popen([*ratusz, "worker"], env=env),
        ]
        try:
            if not _wait_for(f"{desk_url}/login/"):
                self.stderr.write("The desk did not start; see the messages above.")
                return
            children.append(subprocess.Popen(
                [*ratusz, "sandbox", "--port", str(sandbox_port), "--target",
                 f"{desk_url}/webhooks/meta", "--scenario", "demo-day",
                 "--speed", str(options["speed"]),
                 "--residents-react", str(RESIDENTS_REACT_SECONDS)], env=env))
            _wait_for(f"{sandbox_url}/_sandbox/requests")
            self._print_welcome(desk_url, sandbox_url)
            self._wait(children)
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()

    def _print_welcome(self, desk_url: str, sandbox_url: str) -> None:
        lines = [
            "", "Ratusz is running.",
            f"  Desk:           {desk_url}/",
            f"  Meta sandbox:   {sandbox_url}/_sandbox/  (what the platform received)",
            f"  Logins (password for all: {DEMO_PASSWORD}):",
        ]
        lines += [f"    {u:<10} {role:<10} {what}" for u, _f, _l, role, _d, what in PEOPLE]
        lines += ["", "The demo day is being delivered now; the inbox fills within a minute.",
                  f"Residents comment on what you publish {RESIDENTS_REACT_SECONDS} s and "
                  f"{2 * RESIDENTS_REACT_SECONDS} s after it goes live.",
                  "Press Ctrl+C to stop.", ""]
        self.stdout.write("\n".join(lines))
        sys.stdout.flush()

    def _wait(self, children) -> None:
        stop = {"now": False}

        def handler(signum, frame):
            stop["now"] = True

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)
        while not stop["now"] and all(c.poll() is None for c in children):
            time.sleep(0.5)
