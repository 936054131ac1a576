"""Where the time goes in webhook intake, in one process (no server, no concurrency).

    .venv/bin/python bench/profile_intake.py [--db sqlite|postgres] [--posts 600]

1. times each step of the receiver path (HMAC check, JSON parse, the INSERT, the drain enqueue)
   and whole requests through Django's WSGI handler: `/webhooks/meta` against `bench/bare`;
2. cProfiles the receiver requests;
3. times and cProfiles the worker processing the same deliveries (`drain`), with query counts.
SQLite uses a temp dir and SqliteHuey; PostgreSQL recreates `ratusz_bench` and uses RedisHuey on
Redis db 15. Only 127.0.0.1 is contacted.
"""

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.webhooks import (  # noqa: E402
    PG_ADMIN_URL,
    PG_URL,
    REDIS_URL,
    SECRET,
    EventFactory,
)


def environ(path: str, body: bytes, signature: str) -> dict:
    return {
        "REQUEST_METHOD": "POST", "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1", "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)), "HTTP_HOST": "127.0.0.1",
        "HTTP_X_HUB_SIGNATURE_256": signature, "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "wsgi.multithread": False,
        "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0),
    }


def call(app, path: str, body: bytes, signature: str) -> str:
    status = []
    chunks = app(environ(path, body, signature), lambda s, h, e=None: status.append(s))
    b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return status[0]


def per_call_ms(fn, n: int) -> float:
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) * 1000 / n


def top(profile: cProfile.Profile, limit: int = 22, sort: str = "cumulative") -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats(sort).print_stats(limit)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return "\n".join(line.replace(str(ROOT) + "/", "").replace(
        str(Path(sys.executable).parent.parent) + "/lib/python3.11/site-packages/", "")
        for line in lines[start:] if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--posts", type=int, default=600)
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="ratusz-prof-")
    try:
        run(args, var_dir)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def run(args: argparse.Namespace, var_dir: str) -> None:
    os.environ.update(RATUSZ_VAR_DIR=var_dir,
                      RATUSZ_META_APP_SECRET=SECRET, RATUSZ_LOG_LEVEL="WARNING",
                      DJANGO_SETTINGS_MODULE="bench.settings", RATUSZ_FETCH_PLATFORM_DETAILS="0")
    for name in ("DATABASE_URL", "REDIS_URL", "RATUSZ_TASKS_IMMEDIATE"):
        os.environ.pop(name, None)
    if args.db == "postgres":
        import psycopg
        import redis

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS ratusz_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE ratusz_bench")
        os.environ.update(DATABASE_URL=PG_URL, REDIS_URL=REDIS_URL)
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter("huey.*ratusz*"):
            client.delete(key)

    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection

    from ratusz.intake import services
    from ratusz.intake.models import Delivery
    from ratusz.intake.tasks import drain_deliveries_task
    from ratusz.platforms.meta.signature import verify_sha256
    from ratusz.web.demo import load_demo

    call_command("migrate", verbosity=0)
    load_demo()
    app = WSGIHandler()
    factory = EventFactory("9", 99)
    batches = [factory.batch() for _ in range(args.posts)]
    events = sum(len(b.events) for b in batches)
    mean_bytes = sum(len(b.body) for b in batches) / len(batches)
    print(f"{args.db}: {settings.DATABASES['default']['ENGINE']}, huey "
          f"{settings.HUEY['huey_class']}; {len(batches)} POSTs, {events} events, "
          f"{mean_bytes:.0f} bytes per body on average")

    # Step by step, on one medium body.
    import json

    body = sorted(batches, key=lambda b: len(b.body))[len(batches) // 2]
    n = 300
    print("\n-- receiver steps, ms per call (median-sized body "
          f"{len(body.body)} bytes, {len(body.events)} events)")
    print(f"verify_sha256          {per_call_ms(lambda: verify_sha256(body.body, body.signature, SECRET), 2000):.3f}")  # noqa: E501
    print(f"json.loads             {per_call_ms(lambda: json.loads(body.body), 2000):.3f}")
    print(f"Delivery INSERT        "
          f"{per_call_ms(lambda: Delivery.objects.create(body=body.body, signature='x'), n):.3f}")
    print(f"drain enqueue (Huey)   {per_call_ms(drain_deliveries_task, n):.3f}  "
          f"(debounced to <= 1 per {settings.RATUSZ_DRAIN_DEBOUNCE} s per process)")
    Delivery.objects.all().delete()

    # Whole requests through Django, bare view vs receiver, same bodies.
    for path in ("/bench/bare", "/webhooks/meta", "/bench/bare", "/webhooks/meta"):
        t0 = time.perf_counter()
        statuses = {call(app, path, b.body, b.signature) for b in batches}
        ms = (time.perf_counter() - t0) * 1000 / len(batches)
        print(f"WSGI {path:<15} {ms:.3f} ms/request, statuses {sorted(statuses)}")
    Delivery.objects.all().delete()

    profile = cProfile.Profile()
    profile.enable()
    for b in batches:
        call(app, "/webhooks/meta", b.body, b.signature)
    profile.disable()
    print("\n-- cProfile of the receiver requests (own time)")
    print(top(profile, 18, "tottime"))

    # The worker: process what the receiver stored (all new events), then the same batches
    # again (all redeliveries), in this thread, counting queries.
    queries = [0]

    def counter(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    def drain(label: str, profiled: bool) -> None:
        queries[0] = 0
        count = Delivery.objects.filter(status="received").count()
        profile = cProfile.Profile()
        events_in = sum(len(by_body[bytes(d.body)].events)
                        for d in Delivery.objects.filter(status="received"))
        with connection.execute_wrapper(counter):
            t0 = time.perf_counter()
            if profiled:
                profile.enable()
            services.drain(recheck=0)
            profile.disable()
            seconds = time.perf_counter() - t0
        print(f"\n-- worker, {label}: {count} deliveries, {events_in} events in {seconds:.1f} s = "
              f"{events_in / seconds:.0f} events/s, {seconds * 1000 / events_in:.2f} ms and "
              f"{queries[0] / events_in:.1f} queries per event")
        if profiled:
            print(top(profile, 30))
            print(top(profile, 14, "tottime"))

    by_body = {b.body: b for b in batches}
    half = len(batches) // 2
    # The receiver stored every batch once above: split them into two halves of new events.
    Delivery.objects.filter(pk__in=list(Delivery.objects.order_by("pk").values_list(
        "pk", flat=True)[half:])).update(status="processed")
    drain("new events, no profiler", False)
    Delivery.objects.filter(status="processed", processed_at__isnull=True).update(
        status="received")
    drain("new events, cProfile", True)
    for b in batches:
        call(app, "/webhooks/meta", b.body, b.signature)
    drain("redeliveries, no profiler", False)
    if args.db == "postgres":
        for key in client.scan_iter("huey.*ratusz*"):
            client.delete(key)


if __name__ == "__main__":
    main()
