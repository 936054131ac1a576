"""Webhook intake benchmark: the Meta receiver against a bare "store the body" view.

Run with `make bench` (or `.venv/bin/python bench/webhooks.py --help`). For SQLite (SqliteHuey)
and then PostgreSQL (RedisHuey on Redis db 15) it:
1. migrates a fresh database and loads the demo office (`ratusz demo --no-serve`), starts
   `ratusz serve --workers 2` (the receiver) and granian with `bench.wsgi` (the baseline,
   `bench/bare` only stores the raw body), both with 2 workers;
2. runs two rounds of three phases, 16 keep-alive senders each, the same signed payloads
   (batches of 1-50 events; each batch POSTed three times, all copies shuffled):
   - baseline: POSTs to `bench/bare` for --seconds, worker stopped (it would turn the stored
     rows into messages; the rows are deleted afterwards);
   - receiver + worker: every POST of the round once to `/webhooks/meta` while `ratusz worker`
     runs, as in production; then waits until the worker has processed every delivery;
   - receiver alone: the same POSTs again for --seconds with the worker stopped (rows deleted
     afterwards), to tell the receiver's own cost from the worker's competition;
3. checks with `ratusz export messages` that every distinct event became exactly one message.
The targets (ratio >= 0.6 and p99 < 250 ms) are checked on receiver + worker. Graph API look-ups
are switched off (RATUSZ_FETCH_PLATFORM_DETAILS=0). Exit code 0 even when a target is missed;
non-zero only when the benchmark itself breaks. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ratusz.platforms.meta.signature import encode_like_meta, sign_sha256  # noqa: E402
from ratusz.web.management.commands.serve import granian_argv  # noqa: E402

BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
SECRET = "bench-app-secret"  # noqa: S105 - signs local test traffic only
PAGE_ID = "100000000000001"  # the demo office's Facebook Page
IG_ID = "17841400000000001"  # and its Instagram account
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/ratusz_bench"
REDIS_URL = "redis://127.0.0.1:6379/15"
SENDERS = 16
TARGET_RATIO = 0.6
TARGET_P99_MS = 250.0

# --------------------------------------------------------------------------- payloads

FIRST_NAMES = ["Anna", "Józef", "Małgorzata", "Łukasz", "Żaneta", "Grzegorz", "Bożena",
               "Paweł", "Agnieszka", "Wojciech", "Jadwiga", "Ścibor", "Hanna", "Mikołaj"]
LAST_NAMES = ["Kowalska", "Wiśniewski", "Dąbrowska", "Lewandowski", "Wójcik", "Kamińska",
              "Zieliński", "Szymańska", "Woźniak", "Kozłowski", "Jankowska", "Mazur", "Król"]
OPENINGS = ["Dzień dobry,", "Szanowni Państwo,", "Witam,", "Pytanie:", "Proszę o informację,",
            "Czy ktoś wie,", "Zgłaszam, że", "Uprzejmie proszę,"]
SUBJECTS = ["kiedy będzie odśnieżona ul. Lipowa", "gdzie złożyć wniosek o dowód osobisty",
            "czy śmieci wielkogabarytowe odbierane są w środę", "dlaczego nie świecą latarnie",
            "ile kosztuje opłata za psa", "kiedy ruszy remont mostu na Wiśle",
            "jak zapisać dziecko do żłobka", "czy festyn odbędzie się mimo deszczu",
            "gdzie zgłosić dzikie wysypisko przy lesie", "o której otwierają urząd w piątek"]
CLOSINGS = ["Dziękuję.", "Pozdrawiam serdecznie.", "Z góry dziękuję za odpowiedź!", "Łączę wyrazy "
            "szacunku.", "Proszę o szybką reakcję.", "😊", ""]


def _text(rng: random.Random) -> str:
    return " ".join(p for p in (rng.choice(OPENINGS), rng.choice(SUBJECTS) + "?",
                                rng.choice(CLOSINGS)) if p)


def _batch_size(rng: random.Random) -> int:
    """Mostly single events, as Meta sends when quiet; bigger batches as it does under load."""
    roll = rng.random()
    if roll < 0.50:
        return 1
    if roll < 0.75:
        return rng.randint(2, 5)
    if roll < 0.92:
        return rng.randint(6, 15)
    return rng.randint(16, 50)


@dataclass
class Batch:
    body: bytes
    signature: str
    events: list[tuple[str, str]]  # (channel, platform_id) of each event


class EventFactory:
    """Facebook comments (some replies), Messenger messages and Instagram comments, unique ids."""

    def __init__(self, tag: str, seed: int) -> None:
        self.rng = random.Random(seed)
        self.tag = tag
        self.serial = itertools.count(1)
        self.posts = [f"99887766{seed % 100:02d}{k:05d}" for k in range(25)]
        self.comments: dict[str, list[str]] = collections.defaultdict(list)
        self.now = 1795860000

    def _person(self) -> tuple[str, str]:
        k = self.rng.randrange(400)
        return f"73{k:013d}", f"{FIRST_NAMES[k % len(FIRST_NAMES)]} {LAST_NAMES[k % 13]}"

    def fb_comment(self) -> tuple[dict, str]:
        n = next(self.serial)
        post = self.rng.choice(self.posts)
        comment_id = f"{post}_{self.tag}{n:09d}"
        earlier = self.comments[post]
        parent = self.rng.choice(earlier) if earlier and self.rng.random() < 0.2 else None
        earlier.append(comment_id)
        author_id, name = self._person()
        value = {"item": "comment", "verb": "add", "comment_id": comment_id,
                 "post_id": f"{PAGE_ID}_{post}", "parent_id": parent or f"{PAGE_ID}_{post}",
                 "from": {"id": author_id, "name": name}, "created_time": self.now + n,
                 "message": _text(self.rng)}
        return {"field": "feed", "value": value}, comment_id

    def messenger(self) -> tuple[dict, str]:
        n = next(self.serial)
        mid = f"m_bench{self.tag}_{n:09d}_{self.rng.getrandbits(40):010x}"
        sender = f"25{self.rng.randrange(300):015d}"
        return {"sender": {"id": sender}, "recipient": {"id": PAGE_ID},
                "timestamp": (self.now + n) * 1000 + 870,
                "message": {"mid": mid, "text": _text(self.rng)}}, mid

    def ig_comment(self) -> tuple[dict, str]:
        n = next(self.serial)
        comment_id = f"18{self.tag}{n:011d}"
        k = self.rng.randrange(200)
        value = {"from": {"id": f"1785{k:013d}", "username": f"mieszkaniec_{k}"},
                 "media": {"id": f"18030000{self.rng.randrange(20):09d}",
                           "media_product_type": "FEED"},
                 "id": comment_id, "text": _text(self.rng)}
        return {"field": "comments", "value": value}, comment_id

    def batch(self) -> Batch:
        size = _batch_size(self.rng)
        if self.rng.random() < 0.15:
            changes, ids = [], []
            for _ in range(size):
                change, cid = self.ig_comment()
                changes.append(change)
                ids.append(("instagram", cid))
            entries = [{"id": IG_ID, "time": self.now, "changes": changes[i:i + 10]}
                       for i in range(0, size, 10)]
            payload = {"object": "instagram", "entry": entries}
        else:
            comments, messages, ids = [], [], []
            for _ in range(size):
                if self.rng.random() < 0.53:
                    change, cid = self.fb_comment()
                    comments.append(change)
                else:
                    change, cid = self.messenger()
                    messages.append(change)
                ids.append(("facebook", cid))
            entries = [{"id": PAGE_ID, "time": self.now, "changes": comments[i:i + 10]}
                       for i in range(0, len(comments), 10)]
            entries += [{"id": PAGE_ID, "time": self.now * 1000, "messaging": messages[i:i + 10]}
                        for i in range(0, len(messages), 10)]
            self.rng.shuffle(entries)
            payload = {"object": "page", "entry": entries}
        body = encode_like_meta(payload)
        return Batch(body, sign_sha256(body, SECRET), ids)


def make_sequence(tag: str, seed: int, batches: int) -> list[Batch]:
    """`batches` distinct batches, each three times, all copies shuffled together."""
    factory = EventFactory(tag, seed)
    sequence = [batch for batch in (factory.batch() for _ in range(batches)) for _ in range(3)]
    random.Random(seed + 1).shuffle(sequence)
    return sequence


# --------------------------------------------------------------------------- processes


class Procs:
    """Children started in their own process group, stopped by pid (group) at the end."""

    def __init__(self, logdir: Path) -> None:
        self.logdir = logdir
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, argv: list[str], env: dict[str, str]) -> subprocess.Popen:
        log = open(self.logdir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=log,  # noqa: S603 - our argv
                                stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.running[name] = proc
        return proc

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        proc = self.running.pop(name, None)
        if proc is None:
            return
        for s, wait in ((sig, 15), (signal.SIGKILL, 5)):
            if proc.poll() is not None and not _group_alive(proc.pid):
                break
            try:
                os.killpg(proc.pid, s)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
            deadline = time.monotonic() + wait
            while _group_alive(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if not _group_alive(proc.pid):
                break

    def stop_all(self) -> None:
        for name in list(self.running):
            self.stop(name)

    def check(self, name: str) -> None:
        proc = self.running.get(name)
        if proc is not None and proc.poll() is not None:
            raise BenchError(f"{name} exited with {proc.returncode}; see {self.logdir}/{name}.log:"
                             f"\n{tail(self.logdir / f'{name}.log')}")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return next((line for line in lines if "Error" in line), lines[-1] if lines else "")


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class BenchError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def run(argv: list[str], env: dict[str, str], timeout: float = 300) -> str:
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True,  # noqa: S603 - our argv
                          text=True, timeout=timeout, check=False)
    if done.returncode:
        raise BenchError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def wait_http(url: str, procs: Procs, name: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        procs.check(name)
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise BenchError(f"{name} did not answer at {url} within {seconds:.0f} s")


# --------------------------------------------------------------------------- load


@dataclass
class PhaseResult:
    label: str
    posts: int = 0
    ok_posts: int = 0
    events: int = 0  # events in accepted POSTs
    non200: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # ms, all answered POSTs
    statuses: collections.Counter = field(default_factory=collections.Counter)
    accepted: set[tuple[str, str]] = field(default_factory=set)
    attempted: set[tuple[str, str]] = field(default_factory=set)
    copies: collections.Counter = field(default_factory=collections.Counter)  # id(batch) -> ok

    @property
    def events_per_s(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0

    @property
    def req_per_s(self) -> float:
        return self.ok_posts / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        return percentile(self.latencies, q)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def load(label: str, url: str, sequence: list[Batch], seconds: float,
         cycle: bool = False) -> PhaseResult:
    """16 threads with keep-alive clients POST the sequence in order until it is done (or, with
    `cycle`, over and over) or `seconds` are up."""
    result = PhaseResult(label)
    cursor = itertools.count()
    lock = threading.Lock()
    start_gate = threading.Barrier(SENDERS + 1)
    deadline = [0.0]

    def sender() -> None:
        local = []
        with httpx.Client(timeout=30.0, headers={"Content-Type": "application/json"}) as client:
            start_gate.wait()
            while True:
                i = next(cursor)
                if (i >= len(sequence) and not cycle) or time.perf_counter() >= deadline[0]:
                    break
                batch = sequence[i % len(sequence)]
                t0 = time.perf_counter()
                try:
                    response = client.post(url, content=batch.body,
                                           headers={"X-Hub-Signature-256": batch.signature})
                    status = response.status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                local.append((batch, status, (time.perf_counter() - t0) * 1000))
        with lock:
            for batch, status, ms in local:
                result.posts += 1
                result.statuses[status] += 1
                result.attempted.update(batch.events)
                if isinstance(status, str):
                    result.errors += 1
                    continue
                result.latencies.append(ms)
                if status == 200:
                    result.ok_posts += 1
                    result.events += len(batch.events)
                    result.accepted.update(batch.events)
                    result.copies[id(batch)] += 1
                else:
                    result.non200 += 1

    threads = [threading.Thread(target=sender, daemon=True) for _ in range(SENDERS)]
    for t in threads:
        t.start()
    t_start = time.perf_counter()
    deadline[0] = t_start + seconds
    start_gate.wait()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - t_start
    result.non200 += result.errors
    return result


def warm_up(url: str, bodies: list[tuple[bytes, str]]) -> None:
    """A few POSTs from several connections so both granian workers have imports and DB open."""
    def one(chunk):
        with httpx.Client(timeout=30.0) as client:
            for body, sig in chunk:
                client.post(url, content=body, headers={"X-Hub-Signature-256": sig,
                                                        "Content-Type": "application/json"})
    threads = [threading.Thread(target=one, args=(bodies[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def warm_up_bodies() -> list[tuple[bytes, str]]:
    """Deliveries for a page that is not connected: stored and parsed, but make no messages."""
    out = []
    for k in range(80):
        payload = {"object": "page", "entry": [{"id": "300000000000003", "time": 1795860000,
                   "messaging": [{"sender": {"id": "2500"}, "recipient": {"id": "3"},
                                  "timestamp": 1795860000000 + k,
                                  "message": {"mid": f"m_warm_{k}", "text": "Rozgrzewka"}}]}]}
        body = encode_like_meta(payload)
        out.append((body, sign_sha256(body, SECRET)))
    return out


# --------------------------------------------------------------------------- databases


class Database:
    kind: str
    title: str
    extra_env: dict[str, str] = {}

    def __init__(self, var_dir: Path) -> None:
        self.var_dir = var_dir
        self.graph_url = f"http://{HOST}:{free_port()}/v25.0"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
               and not k.startswith("RATUSZ_")}
        env.update(RATUSZ_VAR_DIR=str(self.var_dir), RATUSZ_META_APP_SECRET=SECRET,
                   RATUSZ_LOG_LEVEL="WARNING", PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1",
                   # Intake only: no Graph API look-ups of names and posts, and a Graph URL
                   # where nothing listens, so the worker contacts nothing.
                   RATUSZ_FETCH_PLATFORM_DETAILS="0", RATUSZ_GRAPH_URL=self.graph_url)
        return {**env, **self.extra_env}

    def prepare(self) -> None:
        pass

    def query(self, sql: str) -> list[tuple]:
        raise NotImplementedError

    def cleanup(self) -> None:
        pass


class Sqlite(Database):
    kind = "sqlite"

    def __init__(self, var_dir: Path) -> None:
        super().__init__(var_dir)
        self.title = f"SQLite {sqlite3.sqlite_version} (WAL) + SqliteHuey"

    def _file(self, sql: str) -> Path:
        # Raw deliveries live in their own file on SQLite (ratusz/intake/router.py).
        name = "ratusz-intake.sqlite3" if "intake_delivery" in sql else "ratusz.sqlite3"
        return self.var_dir / name

    def query(self, sql: str) -> list[tuple]:
        conn = sqlite3.connect(self._file(sql), timeout=30)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def execute(self, sql: str) -> int:
        conn = sqlite3.connect(self._file(sql), timeout=30)
        try:
            with conn:
                return conn.execute(sql).rowcount
        finally:
            conn.close()


class Postgres(Database):
    kind = "postgres"

    def __init__(self, var_dir: Path) -> None:
        super().__init__(var_dir)
        import psycopg

        self.psycopg = psycopg
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
        self.title = f"PostgreSQL {version.split()[0]} + RedisHuey (Redis db 15)"

    def env(self) -> dict[str, str]:
        return {**super().env(), "DATABASE_URL": PG_URL, "REDIS_URL": REDIS_URL,
                **self.extra_env}

    def prepare(self) -> None:
        with self.psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS ratusz_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE ratusz_bench")
        self._clear_queue()

    def _clear_queue(self) -> None:
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter("huey.*ratusz*"))
        if keys:
            client.delete(*keys)
        client.close()

    def query(self, sql: str) -> list[tuple]:
        with self.psycopg.connect(PG_URL.replace("postgres://", "postgresql://")) as conn:
            return conn.execute(sql).fetchall()

    def execute(self, sql: str) -> int:
        with self.psycopg.connect(PG_URL.replace("postgres://", "postgresql://")) as conn:
            return conn.execute(sql).rowcount

    def cleanup(self) -> None:
        self._clear_queue()


# --------------------------------------------------------------------------- one database


@dataclass
class CatchUp:
    deliveries: int
    events: int
    distinct: int
    lag: float  # seconds after the last POST until nothing was left to process
    total: float  # seconds from the first POST until nothing was left
    pending: int

    @property
    def events_per_s(self) -> float:
        return self.events / self.total if self.total else 0.0

    @property
    def distinct_per_s(self) -> float:
        return self.distinct / self.total if self.total else 0.0


@dataclass
class DbReport:
    title: str
    phases: list[PhaseResult] = field(default_factory=list)
    catchups: list[CatchUp] = field(default_factory=list)
    expected: set[tuple[str, str]] = field(default_factory=set)
    lost: int = 0
    duplicated: int = 0
    unexpected: int = 0
    failed_deliveries: int = 0
    failure_sample: str = ""
    triple: tuple[int, int] = (0, 0)  # batches delivered 3x / batches delivered at all
    notes: list[str] = field(default_factory=list)
    check_error: str = ""


def wait_processed(db: Database, procs: Procs, phase: PhaseResult, started: float,
                   ended: float, timeout: float) -> CatchUp:
    deadline = time.monotonic() + timeout
    pending = -1
    while time.monotonic() < deadline:
        procs.check("worker")
        pending = db.query("SELECT count(*) FROM intake_delivery "
                           "WHERE status IN ('received', 'processing')")[0][0]
        if pending == 0:
            break
        time.sleep(0.2)
    now = time.monotonic()
    return CatchUp(deliveries=phase.ok_posts, events=phase.events, distinct=len(phase.accepted),
                   lag=now - ended, total=now - started, pending=pending)


def bench_database(db: Database, sequences: list[list[Batch]], args, logdir: Path) -> DbReport:
    report = DbReport(db.title)
    procs = Procs(logdir)
    env = db.env()
    ratusz = str(BIN / "ratusz")
    try:
        db.prepare()
        print(f"\n== {db.title}: migrate + demo office", flush=True)
        run([ratusz, "demo", "--no-serve"], env)
        # Measure intake alone: no out-of-hours acknowledgements (they would be sent to a
        # Graph URL where nothing listens, depending on the hour the bench runs).
        run([ratusz, "shell", "-c", "from ratusz.offices.models import Office; "
             "Office.objects.filter(slug='demo').update(ack_messages=False, ack_comments=False)"],
            env)
        port_r, port_b = free_port(), free_port()
        try:
            run([ratusz, "collectstatic", "--noinput", "-v", "0"], env)
            serve = [ratusz, "serve", "--port", str(port_r), "--workers", "2"]
        except BenchError as exc:
            # `ratusz serve` runs collectstatic first and stops when it fails; the webhook does
            # not need static files, so start the very command `serve` would exec.
            report.notes.append("`ratusz collectstatic` failed, so `ratusz serve` cannot start: "
                                + _last_line(str(exc)) + " The receiver ran as the granian "
                                "command `serve` execs (`granian_argv`).")
            print(f"   WARNING: {report.notes[-1]}", flush=True)
            serve = granian_argv(HOST, port_r, 2)
        procs.start("receiver", serve, env)
        procs.start("baseline", [str(BIN / "granian"), "--interface", "wsgi", "--host", HOST,
                                 "--port", str(port_b), "--workers", "2", "--no-ws",
                                 "--log-level", "warning", "bench.wsgi:application"],
                    {**env, "DJANGO_SETTINGS_MODULE": db.extra_env.get("DJANGO_SETTINGS_MODULE",
                                                                        "bench.settings")})
        receiver_url = f"http://{HOST}:{port_r}/webhooks/meta"
        baseline_url = f"http://{HOST}:{port_b}/bench/bare"
        wait_http(receiver_url, procs, "receiver")
        wait_http(f"http://{HOST}:{port_b}/webhooks/meta", procs, "baseline")
        warm = warm_up_bodies()
        warm_up(baseline_url, warm)
        db.execute("DELETE FROM intake_delivery WHERE signature = ''")
        procs.start("worker", [ratusz, "worker"], env)
        warm_up(receiver_url, warm)
        time.sleep(1.0)
        procs.stop("worker", signal.SIGINT)

        all_accepted: set[tuple[str, str]] = set()
        all_attempted: set[tuple[str, str]] = set()
        copies: collections.Counter = collections.Counter()
        for n, sequence in enumerate(sequences, 1):
            # 1. Baseline, with no worker (it would turn the stored rows into messages). The
            #    same payloads, cycled for --seconds.
            result = load(f"baseline #{n}", baseline_url, sequence, args.seconds, cycle=True)
            procs.check("baseline")
            report.phases.append(result)
            db.execute("DELETE FROM intake_delivery WHERE signature = ''")
            print(f"   {result.label}: {result.ok_posts} POSTs, {result.events} events in "
                  f"{result.seconds:.1f} s", flush=True)
            # 2. Receiver with the worker running, as in production: every batch three times.
            procs.start("worker", [ratusz, "worker"], env)
            time.sleep(1.0)
            procs.check("worker")
            started = time.monotonic()
            result = load(f"receiver #{n}", receiver_url, sequence, args.max_seconds)
            ended = time.monotonic()
            procs.check("receiver")
            report.phases.append(result)
            catch = wait_processed(db, procs, result, started, ended, args.catchup)
            report.catchups.append(catch)
            procs.stop("worker", signal.SIGINT)
            print(f"   {result.label}: {result.ok_posts} POSTs, {result.events} events in "
                  f"{result.seconds:.1f} s; worker done {catch.lag:.1f} s after the last POST"
                  f"{f', {catch.pending} deliveries still pending' if catch.pending else ''}",
                  flush=True)
            all_accepted |= result.accepted
            all_attempted |= result.attempted
            copies.update(result.copies)
            # 3. Receiver alone (worker stopped), same payloads cycled for --seconds: the cost
            #    of the receiver path without the worker competing. Its rows are then dropped.
            pending = db.query("SELECT count(*) FROM intake_delivery "
                               "WHERE status IN ('received', 'processing')")[0][0]
            if pending == 0:
                result = load(f"recv alone #{n}", receiver_url, sequence, args.seconds,
                              cycle=True)
                procs.check("receiver")
                report.phases.append(result)
                db.execute("DELETE FROM intake_delivery WHERE status = 'received'")
                print(f"   {result.label}: {result.ok_posts} POSTs, {result.events} events in "
                      f"{result.seconds:.1f} s", flush=True)

        report.expected = all_accepted
        report.triple = (sum(1 for c in copies.values() if c >= 3), len(copies))
        check_messages(report, db, ratusz, env, all_accepted, all_attempted)
    finally:
        procs.stop_all()
        db.cleanup()
    return report


def check_messages(report: DbReport, db: Database, ratusz: str, env: dict[str, str],
                   all_accepted: set, all_attempted: set) -> None:
    """Every event in an accepted POST stored exactly once; a failing check is reported."""
    try:
        exported = collections.Counter()
        for line in run([ratusz, "export", "messages"], env).splitlines():
            row = json.loads(line)
            exported[(row["channel"], row["platform_id"])] += 1
        report.lost = sum(1 for key in all_accepted if exported[key] == 0)
        report.duplicated = sum(c - 1 for key, c in exported.items()
                                if key in all_attempted and c > 1)
        report.unexpected = sum(1 for key in exported if key in all_attempted - all_accepted)
        failed = db.query("SELECT count(*) FROM intake_delivery WHERE status = 'failed'")[0][0]
        report.failed_deliveries = failed
        if failed:
            report.failure_sample = db.query(
                "SELECT error FROM intake_delivery WHERE status = 'failed' LIMIT 1")[0][0]
    except BenchError as exc:
        report.check_error = str(exc)[-2000:]


# --------------------------------------------------------------------------- report


def pooled(label: str, phases: list[PhaseResult]) -> PhaseResult:
    out = PhaseResult(label)
    for p in phases:
        out.posts += p.posts
        out.ok_posts += p.ok_posts
        out.events += p.events
        out.non200 += p.non200
        out.seconds += p.seconds
        out.latencies += p.latencies
    return out


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def kind_of(phase: PhaseResult) -> str:
    return phase.label.split(" #")[0]


def print_report(rep: DbReport) -> bool:
    print(f"\n### {rep.title}")
    for note in rep.notes:
        print(f"note: {note}")
    header = (f"| {'phase':<22} | {'events/s':>8} | {'req/s':>6} | {'p50 ms':>7} | "
              f"{'p99 ms':>7} | {'non-200':>7} | {'POSTs':>6} | {'s':>5} |")
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    kinds = {"baseline": "baseline (all)", "receiver": "receiver+worker (all)",
             "recv alone": "receiver alone (all)"}
    totals = {k: pooled(label, [p for p in rep.phases if kind_of(p) == k])
              for k, label in kinds.items()}
    for p in [*rep.phases, *totals.values()]:
        if not p.seconds:
            continue
        print(f"| {p.label:<22} | {p.events_per_s:>8.0f} | {p.req_per_s:>6.0f} | "
              f"{p.pct(50):>7.1f} | {p.pct(99):>7.1f} | {p.non200:>7} | {p.posts:>6} | "
              f"{p.seconds:>5.1f} |")
    base, recv, alone = totals["baseline"], totals["receiver"], totals["recv alone"]
    ratio = recv.events_per_s / base.events_per_s if base.events_per_s else 0.0
    ratio_alone = alone.events_per_s / base.events_per_s if base.events_per_s else 0.0
    p99 = recv.pct(99)
    correct = rep.lost == 0 and rep.duplicated == 0 and rep.unexpected == 0 \
        and all(c.pending == 0 for c in rep.catchups) and not rep.check_error
    print()
    for n, c in enumerate(rep.catchups, 1):
        print(f"worker, receiver #{n}: {c.deliveries} deliveries / {c.events} events "
              f"({c.distinct} distinct) done {c.total:.1f} s after the first POST, "
              f"{c.lag:.1f} s after the last: {c.events_per_s:.0f} events/s, "
              f"{c.distinct_per_s:.0f} new messages/s"
              + (f"; {c.pending} deliveries NOT processed in time" if c.pending else ""))
    print(f"distinct events {len(rep.expected)}, batches delivered 3x: "
          f"{rep.triple[0]} of {rep.triple[1]}; failed deliveries: {rep.failed_deliveries}"
          + (f" (e.g. {rep.failure_sample.splitlines()[0][:160]})" if rep.failure_sample else ""))
    print(f"receiver alone ÷ baseline events/s {ratio_alone:.2f}, "
          f"p99 {alone.pct(99):.1f} ms (worker stopped; for diagnosis)")
    print(f"TARGET ratio (receiver+worker ÷ baseline events/s) {ratio:.2f} >= {TARGET_RATIO}: "
          f"{verdict(ratio >= TARGET_RATIO)}")
    print(f"TARGET receiver+worker p99 {p99:.1f} ms < {TARGET_P99_MS:.0f} ms: "
          f"{verdict(p99 < TARGET_P99_MS)}")
    if rep.check_error:
        print(f"TARGET lost/duplicated: the check itself FAILED:\n{rep.check_error}")
    else:
        print(f"TARGET lost {rep.lost}, duplicated {rep.duplicated}, stored without an "
              f"accepted POST {rep.unexpected}, all processed in time: {verdict(correct)}")
    return ratio >= TARGET_RATIO and p99 < TARGET_P99_MS and correct


def machine() -> str:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"

    mem_gib = int(first("/proc/meminfo", "MemTotal").split()[0]) / 2**20 \
        if first("/proc/meminfo", "MemTotal") != "?" else 0
    return (f"machine: {os.cpu_count()} CPUs ({first('/proc/cpuinfo', 'model name')}), "
            f"{mem_gib:.1f} GiB; Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0,
                        help="length of a baseline / receiver-alone phase")
    parser.add_argument("--batches", type=int, default=500,
                        help="distinct batches per receiver phase (each POSTed 3 times)")
    parser.add_argument("--max-seconds", type=float, default=30.0,
                        help="time cap of a receiver phase")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of phases per database")
    parser.add_argument("--catchup", type=float, default=90.0,
                        help="seconds to wait for the worker after a receiver phase")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir with logs")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for servers and worker (experiments), e.g. "
                        "--env RATUSZ_WORKER_THREADS=1 or --env REDIS_URL=" + REDIS_URL)
    args = parser.parse_args()

    t0 = time.monotonic()
    sequences = [make_sequence(f"{n}", 4200 + n, args.batches)
                 for n in range(1, args.rounds + 1)]
    sizes = [len(b.events) for b in sequences[0]]
    print(f"Ratusz webhook benchmark: {SENDERS} senders; per database {args.rounds} rounds of "
          f"baseline ({args.seconds:.0f} s), receiver + worker ({len(sequences[0])} POSTs = "
          f"{args.batches} batches x3, {statistics.mean(sizes):.1f} events/POST on average), "
          f"receiver alone ({args.seconds:.0f} s)")
    print(machine())
    tmp = Path(tempfile.mkdtemp(prefix="ratusz-bench-"))
    reports = []
    try:
        kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
        for kind in kinds:
            var_dir = tmp / kind
            var_dir.mkdir()
            db = Sqlite(var_dir) if kind == "sqlite" else Postgres(var_dir)
            db.extra_env = dict(item.split("=", 1) for item in args.env)
            if db.extra_env:
                if kind == "sqlite" and db.extra_env.get("REDIS_URL"):
                    db.title = db.title.replace("SqliteHuey", "RedisHuey")
                db.title += " with " + " ".join(args.env)
            reports.append(bench_database(db, sequences, args, var_dir))
        print("\n## Results")
        ok = [print_report(r) for r in reports]
        print(f"\noverall: {'all targets met' if all(ok) else 'TARGETS MISSED'} "
              f"(benchmark took {time.monotonic() - t0:.0f} s)")
        if any(r.check_error for r in reports):
            print("benchmark failed: the lost/duplicated check could not run", file=sys.stderr)
            return 2
    except BenchError as exc:
        print(f"\nbenchmark failed: {exc}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"logs and databases kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    def _terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(main())
