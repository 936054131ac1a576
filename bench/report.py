"""Monthly report benchmark (issue 8): a large city's month, and the report made from it.

    .venv/bin/python bench/report.py [--db postgres|sqlite] [--conversations 20000]
        [--messages 200000] [--acts 2000] [--residents 12000] [--runs 3] [--profile]

1. Creates its own database: PostgreSQL `ratusz_bench_report` (dropped and created again) or
   SQLite in a temp RATUSZ_VAR_DIR; migrates it and loads the demo office (without its demo
   history) as on 2 November 2026, 9:00, the day its page rules were adopted, so every act of
   the month cites rules in force.
2. Generates November 2026 for the demo office with bulk inserts (not timed): comment threads
   on the office's posts and direct threads on Facebook and Instagram, residents' messages
   with their triage analyses (about half are questions), the office's answers after
   realistic delays in and out of office hours, automatic acknowledgements, private replies
   (some landing in the resident's Messenger thread), statutory deadlines, published posts
   (notices with and without a BIP link, accessibility overrides with republication tasks)
   and moderation acts citing the published rules (automatic protective hides, blocks,
   restrictions, reversals, appeals). Then ANALYZE on PostgreSQL, as autovacuum would have
   done by the time the report runs.
3. At 1 December 2026, 6:00 (when the worker makes last month's reports), times each of these
   `--runs` times after one warm-up, and takes the median:
   - baseline: one scan of the rows the report reads, materialised in Python: the month's
     messages (conversation, direction, origin, created_at, kind, resident, private reply,
     delivery, the four question flags of their analysis), the office's conversations, and
     the month's moderation acts, appeals, posts, their tasks and deadlines;
   - `metrics.compute(office, period)`, with its query count;
   - the whole monthly report: compute, `charts.all_charts`, the public page
     `/o/demo/raport/2026-11` through Django's test client and the PDF
     (`services.report_pdf`), on a MonthlyReport row created directly.
4. Prints seconds, ratios to the baseline and PASS/FAIL for the whole report against 5 s (the
   target is for PostgreSQL). `--profile` adds a cProfile of compute.
Exit code 0 even when the target is missed. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import io
import itertools
import json
import math
import os
import platform
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/ratusz_bench_report"
WARSAW = ZoneInfo("Europe/Warsaw")
YEAR, MONTH = 2026, 11
START = datetime(YEAR, MONTH, 1, tzinfo=WARSAW)
END = datetime(YEAR, MONTH + 1, 1, tzinfo=WARSAW)
LOADED_AT = datetime(YEAR, MONTH, 2, 9, 0, tzinfo=WARSAW)  # the rules are adopted and published
REPORT_AT = datetime(YEAR, MONTH + 1, 1, 6, 0, tzinfo=WARSAW)  # the worker's monthly task
TARGET_SECONDS = 5.0
BATCH = 5000

# --------------------------------------------------------------------------- words

FIRST = ["Anna", "Józef", "Małgorzata", "Łukasz", "Żaneta", "Grzegorz", "Bożena", "Paweł",
         "Agnieszka", "Wojciech", "Jadwiga", "Ścibor", "Hanna", "Mikołaj", "Zofia", "Krzysztof"]
LAST = ["Kowalska", "Wiśniewski", "Dąbrowska", "Lewandowski", "Wójcik", "Kamińska",
        "Zieliński", "Szymańska", "Woźniak", "Kozłowski", "Jankowska", "Mazur", "Król"]
QUESTIONS = ["Kiedy będzie odśnieżona ul. Lipowa?", "Gdzie złożyć wniosek o dowód osobisty?",
             "Czy śmieci wielkogabarytowe odbierane są w środę?",
             "Dlaczego nie świecą latarnie na osiedlu?", "Ile wynosi opłata za psa?",
             "Kiedy ruszy remont mostu?", "Jak zapisać dziecko do żłobka?",
             "Czy festyn odbędzie się mimo deszczu?", "Do kiedy płacimy podatek od nieruchomości?",
             "O której otwierają urząd w piątek?"]
REMARKS = ["Dziękuję za informację.", "Super, że coś się dzieje!", "Znowu to samo...",
           "Popieram.", "U nas na ulicy to samo.", "Brawo za szybką reakcję.",
           "Szkoda, że tak późno.", "Ważne, przekazuję dalej.", "😊", "Nareszcie!"]
ANSWERS = ["Dzień dobry, sprawdziliśmy to i odpowiadamy: ", "Dziękujemy za pytanie. ",
           "Dzień dobry, przekazaliśmy zgłoszenie do referatu. "]
ANSWER_TAIL = ["Harmonogram jest w BIP.", "Wniosek można złożyć przez ePUAP.",
               "Służby są już na miejscu.", "Termin mija 31 marca.", "Zapraszamy do urzędu."]
TOPIC_WEIGHTS = {"waste": 18, "taxes": 10, "roads": 16, "water": 6, "transport": 8,
                 "education": 6, "social": 4, "registry": 5, "permits": 5, "environment": 5,
                 "events": 8, "safety": 3, "public_information": 2, "politics": 4, "other": 20}
# Resident activity by hour of the day (local time), and the office's posts.
HOURLY = [2, 1, .6, .4, .4, .8, 2, 4, 6, 7, 7, 6.5, 6, 6, 6, 6, 6.5, 7, 8, 9, 9, 8, 6, 4]
POST_TYPES = [("notice", 30), ("information", 45), ("event", 20), ("consultation", 10),
              ("promotion", 10), ("crisis", 5)]
# Act kinds per 2,000 acts of the month.
ACT_MIX = {"hide": 1150, "delete": 150, "warning": 220, "restrict": 90, "block": 35,
           "unblock": 45, "unhide": 230, "comments_off": 40, "comments_on": 40}
HIDE_CLAUSES = [("insults", 30), ("vulgar", 25), ("spam", 15), ("threats", 5), ("hate", 5),
                ("personal_data", 5), ("fake_account", 3), ("illegal", 2),
                ("off_topic_flood", 10)]
DELETE_CLAUSES = [("spam", 50), ("threats", 15), ("hate", 15), ("fake_account", 10),
                  ("illegal", 10)]
BLOCK_CLAUSES = [("spam", 50), ("fake_account", 25), ("threats", 15), ("repeated_unlawful", 10)]


def ts(moment: datetime) -> float:
    return moment.timestamp()


def aware(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def pick(rng: random.Random, weighted: list[tuple]) -> str:
    return rng.choices([k for k, _w in weighted], [w for _k, w in weighted])[0]


class Sampler:
    """Weighted choice by bisection over cumulative weights (fast for large lists)."""

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items, self.cum = items, list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random):
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]


class Hours:
    """The office's opening hours as sorted timestamps: is it open, when does it open next,
    and the moment a given working time after a start (what `WorkCalendar` does, fast)."""

    def __init__(self, calendar, first: date, last: date) -> None:
        spans = []
        day = first
        while day <= last:
            spans += [(ts(a), ts(b)) for a, b in calendar.spans(day)]
            day += timedelta(days=1)
        self.opens, self.closes = [a for a, _b in spans], [b for _a, b in spans]

    def is_open(self, t: float) -> bool:
        i = bisect.bisect_right(self.opens, t) - 1
        return i >= 0 and t < self.closes[i]

    def next_opening(self, t: float) -> float:
        return self.opens[bisect.bisect_left(self.opens, t)]

    def add(self, t: float, seconds: float) -> float:
        i = bisect.bisect_right(self.opens, t) - 1
        if i >= 0 and t < self.closes[i]:
            if t + seconds <= self.closes[i]:
                return t + seconds
            seconds -= self.closes[i] - t
        i += 1
        while seconds > self.closes[i] - self.opens[i]:
            seconds -= self.closes[i] - self.opens[i]
            i += 1
        return self.opens[i] + seconds


# --------------------------------------------------------------------------- the month


@dataclass
class Thread:
    id: int
    kind: str  # comments | direct
    channel: int
    resident: int  # row index into residents
    thread_key: str = ""
    post: int | None = None
    messages: list[dict] = field(default_factory=list)
    department: int | None = None
    topic: str = "other"
    acknowledged: str = ""


class Month:
    """A month of a large city's desk, generated in memory and written with bulk inserts."""

    def __init__(self, office, args: argparse.Namespace, seed: int = 2026) -> None:
        from ratusz.channels.models import Channel
        from ratusz.moderation.models import Regulamin
        from ratusz.offices.calendar import calendar_for
        from ratusz.triage.models import TopicRoute

        self.office, self.args, self.rng = office, args, random.Random(seed)
        channels = {c.platform: c for c in Channel.objects.filter(office=office)}
        self.fb, self.ig = channels["facebook"].pk, channels["instagram"].pk
        self.users = {m.user.username: m.user for m in office.memberships.select_related("user")}
        self.routes = dict(TopicRoute.objects.filter(office=office).values_list(
            "topic", "department_id"))
        self.regulamin = Regulamin.objects.in_force(office, END)
        self.clauses = {c.key: c for c in self.regulamin.clauses.all()}
        self.calendar = calendar_for(office, START.date())
        self.hours = Hours(self.calendar, date(YEAR, 10, 20), date(YEAR + 1, 3, 31))
        self.serial = itertools.count(1)
        self.message_id = itertools.count(self._next_id("inbox", "message"))
        self.counts: Counter = Counter()

    @staticmethod
    def _next_id(app: str, model: str) -> int:
        from django.apps import apps
        from django.db.models import Max

        return (apps.get_model(app, model).objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    # -- residents and posts ----------------------------------------------------------------

    def residents(self) -> None:
        from ratusz.inbox.models import Resident

        rng, total = self.rng, self.args.residents
        self.resident_rows: list[tuple[int, int, str, str]] = []  # pk, channel, id, name
        pk = self._next_id("inbox", "resident")
        objects = []
        for n in range(total):
            channel = self.fb if n < total * 2 // 3 else self.ig
            name = f"{FIRST[n % len(FIRST)]} {LAST[(n * 7) % len(LAST)]}"
            if channel == self.fb:
                platform_id = f"73{n:013d}"
            else:
                platform_id = f"1785{n:013d}"
                name = f"mieszkaniec_{n}"
            self.resident_rows.append((pk, channel, platform_id, name))
            objects.append(Resident(id=pk, channel_id=channel, platform_id=platform_id,
                                    display_name=name))
            pk += 1
        Resident.objects.bulk_create(objects, batch_size=BATCH)
        # Some people comment a lot (Zipf), most a few times; direct threads belong to the
        # first residents of each channel, in a shuffled ranking.
        self.pool: dict[int, list[int]] = defaultdict(list)
        for index, (_pk, channel, _id, _name) in enumerate(self.resident_rows):
            self.pool[channel].append(index)
        self.commenter = {}
        for channel, indexes in self.pool.items():
            ranked = indexes[:]
            rng.shuffle(ranked)
            self.commenter[channel] = Sampler(ranked, [1 / (r + 1) ** 0.75
                                                       for r in range(len(ranked))])
        self.counts["residents"] = total

    def posts(self) -> None:
        """Publishing posts of the month (each on Facebook, some also on Instagram) and the
        page's posts as the inbox knows them; some posts were made outside Ratusz."""
        from ratusz.inbox.models import Post as InboxPost
        from ratusz.publishing.models import Post, Target, Task

        rng = self.rng
        office, author, approver = self.office, self.users["redaktor"], self.users["sekretarz"]
        working_days = [START.date() + timedelta(days=i) for i in range((END - START).days)
                        if self.calendar.is_working_day(START.date() + timedelta(days=i))]
        published = []
        for type_, count in POST_TYPES:
            published += [type_] * count
        rng.shuffle(published)
        inbox_posts: list[InboxPost] = []
        inbox_pk = self._next_id("inbox", "post")
        pub_posts, pending_targets, tasks = [], [], []
        overrides_left = 12
        for n, type_ in enumerate(published):
            day = rng.choice(working_days)
            when = datetime.combine(day, datetime.min.time(), WARSAW) + timedelta(
                hours=rng.uniform(8, 15.5))
            bip = type_ == "notice" and n % 3 != 0
            text = f"{type_.capitalize()} nr {n}: informacja dla mieszkańców gminy."
            if type_ == "consultation":
                text += " Czekamy na Państwa opinie do końca miesiąca!"
            link = f"{office.bip_url}/ogloszenia/{n}" if bip else ""
            overrides = []
            if overrides_left and type_ in {"information", "event", "notice"} and n % 5 == 1:
                overrides_left -= 1
                overrides = [{"code": "a11y.alt_missing",
                              "reason": "Plakat bez opisu, opis dodamy na stronie."}]
            post = Post(office=office, type=type_, text=text, link=link,
                        status=Post.Status.PUBLISHED, author=author,
                        approver=approver if type_ in {"notice", "crisis"} else None,
                        overrides=overrides, has_bip_link=bip,
                        invites_input=type_ == "consultation" or (
                            type_ in {"event", "information"} and n % 5 == 0),
                        submitted_at=when - timedelta(hours=2),
                        approved_at=when - timedelta(hours=1), published_at=when)
            pub_posts.append(post)
            for channel in [self.fb] + ([self.ig] if n % 5 < 2 else []):
                inbox_posts.append(InboxPost(
                    id=inbox_pk, channel_id=channel, platform_id=self._post_id(channel, n),
                    text=text, created_at=when))
                pending_targets.append((len(pub_posts) - 1, channel, inbox_pk,
                                        inbox_posts[-1].platform_id, when))
                inbox_pk += 1
        # Drafts and scheduled posts of the month (not published: not in the report).
        for n in range(10):
            pub_posts.append(Post(office=office, type="information", text=f"Szkic {n}",
                                  status=Post.Status.DRAFT if n % 2 else Post.Status.SCHEDULED,
                                  author=author, publish_at=END + timedelta(days=n)))
        Post.objects.bulk_create(pub_posts, batch_size=BATCH)
        Target.objects.bulk_create([
            Target(post=pub_posts[i], channel_id=channel, status=Target.Status.PUBLISHED,
                   platform_id=platform_id, inbox_post_id=pk, published_at=when)
            for i, channel, pk, platform_id, when in pending_targets], batch_size=BATCH)
        for i, post in enumerate(p for p in pub_posts if p.overrides):
            due = post.published_at.astimezone(WARSAW).date() + timedelta(days=7)
            done = i % 2 == 0
            tasks.append(Task(post=post, kind=Task.Kind.REPUBLISH, due=due,
                              reason=post.overrides[0]["reason"],
                              url=f"{office.website_url}/dostepne/{post.pk}" if done else "",
                              done_at=post.published_at + timedelta(days=3) if done else None,
                              done_by=author if done else None, created_at=post.published_at))
        Task.objects.bulk_create(tasks)
        # Posts made in Meta's tools (not through Ratusz), from late October on.
        own = len(inbox_posts)
        for n in range(max(0, 300 - own)):
            channel = self.fb if n % 3 else self.ig
            when = START - timedelta(days=6) + timedelta(seconds=rng.uniform(
                0, (END - START).total_seconds() + 5 * 86400))
            inbox_posts.append(InboxPost(id=inbox_pk, channel_id=channel,
                                         platform_id=self._post_id(channel, 10_000 + n),
                                         text="Wpis z Meta Business Suite", created_at=when))
            inbox_pk += 1
        InboxPost.objects.bulk_create(inbox_posts, batch_size=BATCH)
        self.inbox_posts = {channel: sorted((ts(p.created_at), p.pk, p.platform_id)
                                            for p in inbox_posts if p.channel_id == channel)
                            for channel in (self.fb, self.ig)}
        self.post_times = {ch: [row[0] for row in rows] for ch, rows in self.inbox_posts.items()}
        self.counts.update(posts_published=len(published), inbox_posts=len(inbox_posts),
                           republish_tasks=len(tasks))

    def _post_id(self, channel: int, n: int) -> str:
        return f"100000000000001_{880000 + n}" if channel == self.fb else f"1803{n:013d}"

    # -- conversations and messages ---------------------------------------------------------

    def sizes(self) -> list[tuple[str, int, int]]:
        """(kind, channel, number of messages) per conversation, summing to --messages."""
        rng, n, total = self.rng, self.args.conversations, self.args.messages
        direct = n * 3 // 10
        shape = []
        for i in range(n):
            kind = "direct" if i < direct else "comments"
            channel = self.fb if rng.random() < 0.7 else self.ig
            raw = rng.lognormvariate(2.5, 0.6) if kind == "direct" else rng.lognormvariate(
                1.6, 0.8)
            shape.append([kind, channel, raw])
        factor = total / sum(s[2] for s in shape)
        for s in shape:
            s[2] = max(1, round(s[2] * factor))
        diff = total - sum(s[2] for s in shape)
        while diff:
            s = shape[rng.randrange(n)]
            if diff > 0:
                s[2], diff = s[2] + 1, diff - 1
            elif s[2] > 1:
                s[2], diff = s[2] - 1, diff + 1
        # A direct thread per resident: no more than each channel has.
        direct_on: Counter = Counter()
        for s in shape:
            if s[0] == "direct":
                if direct_on[s[1]] >= len(self.pool[s[1]]):
                    s[1] = self.ig if s[1] == self.fb else self.fb
                direct_on[s[1]] += 1
        if any(direct_on[ch] > len(self.pool[ch]) for ch in direct_on):
            raise SystemExit("More direct threads than residents: raise --residents.")
        return [tuple(s) for s in shape]

    def conversations(self) -> None:
        rng = self.rng
        month = (ts(START), ts(END))
        slots, weights = [], []
        t = month[0]
        while t < month[1]:
            local = aware(t).astimezone(WARSAW)
            day_weight = 0.7 if not self.calendar.is_working_day(local.date()) else 1.0
            slots.append(t)
            weights.append(HOURLY[local.hour] * day_weight)
            t += 3600
        self.when = Sampler(slots, weights)
        conv_pk = self._next_id("inbox", "conversation")
        self.threads: list[Thread] = []
        used_direct: dict[int, int] = defaultdict(int)
        self.direct_of: dict[int, Thread] = {}  # resident index -> direct thread
        sizes = self.sizes()
        for kind, channel, _size in sizes:
            if kind == "direct":
                resident = self.pool[channel][used_direct[channel]]
                used_direct[channel] += 1
                thread = Thread(conv_pk, kind, channel, resident,
                                thread_key=self.resident_rows[resident][2])
                self.direct_of[resident] = thread
            else:
                thread = Thread(conv_pk, kind, channel, self.commenter[channel](rng))
            self.threads.append(thread)
            conv_pk += 1
        for thread, (_kind, _channel, size) in zip(self.threads, sizes, strict=True):
            self._fill(thread, size)
        self.counts["conversations"] = len(self.threads)

    def _text(self, question: bool) -> str:
        rng = self.rng
        if question:
            return f"{rng.choice(['Dzień dobry,', 'Pytanie:', 'Witam,'])} {rng.choice(QUESTIONS)}"
        return rng.choice(REMARKS)

    def _fill(self, thread: Thread, size: int) -> None:
        """The conversation's messages: residents' bursts and the office's answers."""
        rng, hours = self.rng, self.hours
        start = self.when(rng) + rng.random() * 3600
        direct = thread.kind == "direct"
        events: list[dict] = []  # message rows, relative order kept
        t = start
        author = thread.resident
        first_answer = True
        while len(events) < size:
            burst = rng.choices([1, 2, 3], [60, 25, 15])[0]
            burst_start, asked, urgent = t, False, False
            for i in range(burst):
                if len(events) >= size:
                    break
                if not direct and events and rng.random() < 0.35:
                    author = self.commenter[thread.channel](rng)  # someone else joins in
                question = rng.random() < (0.62 if i == 0 else 0.2)
                flags = {"question": question}
                roll = rng.random()
                if i == 0 and roll < (0.0025 if direct else 0.001):
                    flags["urgent"] = urgent = True
                elif i == 0 and roll < 0.006 and direct:
                    flags["public_information_request"] = True
                elif roll < 0.03:
                    flags["formal_matter"] = True
                asked |= any(flags.values())
                events.append({"t": t, "in": True, "resident": author, "flags": flags,
                               "text": self._text(question)})
                t += rng.expovariate(1 / 120)
            if len(events) >= size:
                break
            if direct and not hours.is_open(burst_start):
                period = aware(hours.next_opening(burst_start)).astimezone(WARSAW).isoformat()
                if thread.acknowledged != period:
                    thread.acknowledged = period
                    events.append({"t": burst_start + rng.uniform(5, 20), "in": False,
                                   "origin": "automatic", "text": "Dziękujemy za wiadomość. "
                                   "Odpowiemy w godzinach pracy urzędu."})
                    if len(events) >= size:
                        break
            answer = rng.random() < (0.88 if asked else (0.6 if direct else 0.25))
            if not answer:
                t += rng.expovariate(1 / (2 * 3600))
                author = thread.resident
                continue
            if urgent:
                when = burst_start + rng.expovariate(1 / 900) + 60
            elif not hours.is_open(burst_start) and rng.random() < 0.1:
                when = burst_start + rng.expovariate(1 / 2400) + 120  # the evening duty
            else:
                when = hours.add(burst_start, 60 * rng.lognormvariate(math.log(50), 1.1))
            when = max(when, t + 30)
            origin = "external" if rng.random() < 0.12 else "desk"
            if (not direct and first_answer and when - start < 7 * 86400
                    and rng.random() < 0.07):
                # Moved to private: the one private reply, and a word in public.
                elsewhere = self.direct_of.get(thread.resident)
                events.append({"t": when, "in": False, "origin": "desk", "private": True,
                               "to": elsewhere if elsewhere and rng.random() < 0.3 else None,
                               "text": "Dzień dobry, prosimy o numer sprawy."})
                if len(events) < size:
                    events.append({"t": when + 15, "in": False, "origin": "desk",
                                   "text": "Odpowiedzieliśmy w wiadomości prywatnej."})
            else:
                events.append({"t": when, "in": False, "origin": origin,
                               "text": rng.choice(ANSWERS) + rng.choice(ANSWER_TAIL)})
            first_answer = False
            t = when + rng.expovariate(1 / (3 * 3600))
            author = thread.resident
        events = events[:size]
        self._fit(events, start)
        thread.messages = events
        if not direct:
            times = self.post_times[thread.channel]
            newest = max(0, bisect.bisect_right(times, events[0]["t"]) - 1)
            index = max(0, newest - int(rng.expovariate(1 / 3)))
            _t, thread.post, post_platform_id = self.inbox_posts[thread.channel][index]
            thread.thread_key = f"{post_platform_id}_{next(self.serial):09d}"

    def _fit(self, events: list[dict], start: float) -> None:
        """Keep the conversation inside the month: move it back by whole weeks (the same
        weekdays and hours), or squeeze it if it is too long for that."""
        last, limit = max(e["t"] for e in events), ts(END) - 60
        if last <= limit:
            return
        weeks = math.ceil((last - limit) / (7 * 86400))
        if start - weeks * 7 * 86400 >= ts(START):
            for e in events:
                e["t"] -= weeks * 7 * 86400
            return
        scale = (limit - start) / (last - start)
        for e in events:
            e["t"] = start + (e["t"] - start) * scale

    # -- writing ----------------------------------------------------------------------------

    def write(self) -> None:
        from ratusz.inbox.models import Message
        from ratusz.triage.models import Analysis

        rng = self.rng
        topics = Sampler(list(TOPIC_WEIGHTS), list(TOPIC_WEIGHTS.values()))
        desk_users = [self.users[u] for u in ("redaktor", "odpady", "podatki")]
        rows: list[dict] = []
        for thread in self.threads:
            comments = thread.kind == "comments"
            topic = topics(rng)
            thread.department = self.routes.get(topic)
            thread.topic = topic
            for e in thread.messages:
                pk = next(self.message_id)
                e["pk"] = pk
                target = e.get("to") or thread
                row = {"id": pk, "conversation_id": target.id, "channel_id": thread.channel,
                       "created_at": e["t"], "text": e["text"]}
                if e["in"]:
                    resident = self.resident_rows[e["resident"]]
                    row.update(direction="in", origin="platform", resident_id=resident[0],
                               author_name=resident[3],
                               kind="comment" if comments else "message",
                               platform_id=self._message_id(thread, comments),
                               parent_platform_id=thread.thread_key if comments else "")
                else:
                    private = e.get("private", False)
                    user = rng.choice(desk_users) if e["origin"] == "desk" else None
                    row.update(direction="out", origin=e["origin"], author_user_id=user and user.pk,
                               author_name=(user.get_full_name() if user else
                                            "Odpowiedź automatyczna" if e["origin"] == "automatic"
                                            else "Urząd Gminy Przykładowo"),
                               kind="comment" if comments and not private else "message",
                               is_private_reply=private, delivery="sent",
                               platform_id=self._message_id(thread, comments and not private),
                               parent_platform_id=thread.thread_key)
                rows.append(row)
            if comments and thread.messages and thread.messages[0]["in"]:
                rows[-len(thread.messages)]["platform_id"] = thread.thread_key
        self.message_rows = rows
        self.acts_plan()  # marks moderated messages (hidden, deleted, harmful) before writing
        self._write_conversations()
        analyses = []
        batch: list = []
        for row in rows:
            created = aware(row["created_at"])
            fields = {k: v for k, v in row.items() if k[0] != "_"}
            batch.append(Message(**{**fields, "created_at": created, "text_version_at": created}))
            flags = row.get("_flags")
            if flags is not None:
                analyses.append(Analysis(
                    message_id=row["id"], version="bench-2026.11", topic=row["_topic"],
                    machine_flags=[f for f, v in flags.items() if v],
                    scores={f: 0.9 for f, v in flags.items() if v}, analyzed_at=created,
                    **flags))
            if len(batch) >= BATCH:
                Message.objects.bulk_create(batch)
                batch = []
            if len(analyses) >= BATCH:
                Analysis.objects.bulk_create(analyses)
                analyses = []
        Message.objects.bulk_create(batch)
        Analysis.objects.bulk_create(analyses)
        inbound = sum(1 for r in rows if r["direction"] == "in")
        self.counts.update(messages=len(rows), inbound=inbound,
                           acknowledgements=sum(1 for r in rows if r["origin"] == "automatic"),
                           private_replies=sum(1 for r in rows if r.get("is_private_reply")),
                           questions_flagged=sum(1 for r in rows if r.get("_flags", {}).get(
                               "question")))

    def _message_id(self, thread: Thread, comment: bool) -> str:
        n = next(self.serial)
        if comment:
            return f"{thread.thread_key.rsplit('_', 1)[0]}_{n:09d}" if thread.channel == self.fb \
                else f"18{n:015d}"
        return f"m_bench_{n:012d}" if thread.channel == self.fb else f"aWdfbench{n:012d}"

    def _write_conversations(self) -> None:
        from ratusz.inbox.models import Conversation

        rows = self.message_rows
        by_conversation: dict[int, list[dict]] = defaultdict(list)
        for row in rows:
            by_conversation[row["conversation_id"]].append(row)
        # Triage flags and the topic on every resident's message.
        topic_of = {t.id: t.topic for t in self.threads}
        for row in rows:
            if row["direction"] == "in":
                row["_topic"] = topic_of[row["conversation_id"]]
        events = {e["pk"]: e for t in self.threads for e in t.messages}
        for row in rows:
            if row["direction"] == "in":
                flags = dict.fromkeys(("question", "urgent", "personal_data",
                                       "public_information_request", "formal_matter",
                                       "harmful", "spam", "negative"), False)
                flags.update(events[row["id"]]["flags"])
                flags.update(row.pop("_extra_flags", {}))
                flags["negative"] = flags["negative"] or self.rng.random() < 0.12
                row["_flags"] = flags
        objects = []
        users = [self.users["odpady"], self.users["podatki"], self.users["redaktor"], None]
        for thread in self.threads:
            messages = sorted(by_conversation[thread.id], key=lambda r: r["created_at"])
            last = messages[-1] if messages else None
            inbound = [r["created_at"] for r in messages if r["direction"] == "in"]
            status = ("waiting" if last and last["direction"] == "out" else
                      "open" if len(messages) > 1 else "new")
            if status == "waiting" and self.rng.random() < 0.4:
                status = "closed"
            objects.append(Conversation(
                id=thread.id, office=self.office, channel_id=thread.channel, kind=thread.kind,
                thread_key=thread.thread_key, post_id=thread.post,
                resident_id=self.resident_rows[thread.resident][0], status=status,
                assignee=self.rng.choice(users), department_id=thread.department,
                preview=(last["text"] if last else "")[:200],
                acknowledged_period=thread.acknowledged,
                last_message_at=aware(last["created_at"]) if last else None,
                last_inbound_at=aware(max(inbound)) if inbound else None,
                is_urgent=False))
        Conversation.objects.bulk_create(objects, batch_size=BATCH)

    # -- deadlines --------------------------------------------------------------------------

    def deadlines(self) -> None:
        from ratusz.inbox.models import Deadline
        from ratusz.lib.workcal import RULES, legal_end

        rng = self.rng
        requests = [r for r in self.message_rows if r.get("_flags", {}).get(
            "public_information_request") or r.get("_flags", {}).get("formal_matter")]
        requests.sort(key=lambda r: (not r["_flags"]["public_information_request"],
                                     r["created_at"]))
        requests = requests[:self.args.deadlines]
        owners = [self.users["sekretarz"], self.users["podatki"], self.users["odpady"]]
        objects = []
        for row in requests:
            started = aware(row["created_at"]).astimezone(WARSAW).date()
            rule = ("udip" if row["_flags"]["public_information_request"] else
                    pick(rng, [("udip", 70), ("udip-extended", 10), ("complaint", 20)]))
            end = legal_end(started, RULES[rule])
            done_at = (datetime.combine(started, datetime.min.time(), WARSAW)
                       + timedelta(days=rng.lognormvariate(math.log(8), 0.6), hours=10))
            done = rng.random() < 0.75 and done_at < REPORT_AT
            objects.append(Deadline(
                office=self.office, conversation_id=row["conversation_id"], rule=rule,
                started_on=started, legal_end=end,
                internal_target=self.calendar.internal_target(started, RULES[rule]),
                owner=rng.choice(owners), status="done" if done else "open",
                done_at=done_at if done else None))
        Deadline.objects.bulk_create(objects, batch_size=BATCH)
        self.counts["deadlines"] = len(objects)

    # -- moderation -------------------------------------------------------------------------

    def acts_plan(self) -> None:
        """Choose the comments and accounts the month's acts are about and mark the messages
        (hidden, deleted, what triage saw in them) before they are written."""
        rng, scale = self.rng, self.args.acts / sum(ACT_MIX.values())
        mix = {kind: round(count * scale) for kind, count in ACT_MIX.items()}
        mix["hide"] += self.args.acts - sum(mix.values())
        comments = [r for r in self.message_rows
                    if r["direction"] == "in" and r["kind"] == "comment"
                    and r["created_at"] < ts(END) - 4 * 3600]
        early = [r for r in comments if r["created_at"] < ts(LOADED_AT)]
        later = [r for r in comments if r["created_at"] >= ts(LOADED_AT)]
        rng.shuffle(later)
        targets = iter(later)
        self.plan: list[dict] = []
        threads = {t.id: t for t in self.threads}

        def act(kind: str, at: float, **extra) -> dict:
            item = {"kind": kind, "at": min(at, ts(END) - 30), **extra}
            self.plan.append(item)
            return item

        def on_comment(kind: str, clause: str | None, delay: float, **extra) -> dict:
            row = extra.pop("row", None) or next(targets)
            flags = row.setdefault("_extra_flags", {})
            if clause == "personal_data":
                flags["personal_data"] = True
            elif clause == "spam":
                flags["spam"] = True
            else:
                flags["harmful"] = True
            item = act(kind, row["created_at"] + delay, row=row, clause=clause,
                       post=threads[row["conversation_id"]].post, **extra)
            if kind == "delete":
                row["deleted_at"] = aware(item["at"])
            else:
                row["is_hidden"], row["visibility_changed_at"] = True, aware(item["at"])
            return item

        hides = []
        automatic = round(mix["hide"] * 0.12)
        # Before the rules were in force only the protective hide could act, on the law alone.
        for row in early[:max(1, automatic // 40)]:
            hides.append(on_comment("hide", None, rng.uniform(5, 60), row=row, automatic=True))
        while len(hides) < automatic:
            hides.append(on_comment("hide", "personal_data", rng.uniform(5, 60), automatic=True))
        while len(hides) < mix["hide"]:
            hides.append(on_comment("hide", pick(rng, HIDE_CLAUSES),
                                    60 * rng.lognormvariate(math.log(60), 1.2)))
        for _n in range(mix["delete"]):
            on_comment("delete", pick(rng, DELETE_CLAUSES),
                       60 * rng.lognormvariate(math.log(45), 1.2))
        for _n in range(mix["warning"]):
            row = next(targets)
            act("warning", row["created_at"] + 60 * rng.lognormvariate(math.log(90), 1),
                row=row, clause=pick(rng, HIDE_CLAUSES))
        people = [h for h in hides if h["clause"] not in {None, "personal_data"}]
        restrictions = []
        for _n in range(mix["restrict"]):
            base = rng.choice(people)
            restrictions.append(act("restrict", base["at"] + rng.uniform(3600, 86400),
                                    row=base["row"], clause=base["clause"],
                                    days=rng.choice([7, 7, 7, 30, 30, 90])))
        for n in range(mix["block"]):
            base = rng.choice(people)
            block = act("block", base["at"] + rng.uniform(3600, 3 * 86400), row=base["row"],
                        clause=pick(rng, BLOCK_CLAUSES), awaiting=n % 10 == 9)
            if not block["awaiting"]:  # one in ten still waits for a supervisor's approval
                restrictions.append(block)
        # Reversals: mistaken hides restored, appeals upheld, restrictions lifted on review.
        appealed = rng.sample(hides + restrictions, min(len(hides + restrictions),
                                                        round(self.args.acts * 0.04)))
        self.appeals = []
        for n, original in enumerate(appealed):
            status = ["upheld", "dismissed", "received"][n % 3]
            self.appeals.append({"act": original, "status": status, "at": min(
                original["at"] + rng.uniform(3600, 5 * 86400), ts(END) - 7200)})
        upheld = {id(a["act"]) for a in self.appeals if a["status"] == "upheld"}
        reversible = {"unhide": [h for h in hides if id(h) not in upheld],
                      "unblock": [r for r in restrictions if id(r) not in upheld]}
        for appeal in self.appeals:
            if appeal["status"] == "upheld":
                kind = "unhide" if appeal["act"]["kind"] == "hide" else "unblock"
                if mix[kind] > 0:
                    mix[kind] -= 1
                    appeal["reversal"] = act(kind, appeal["at"] + rng.uniform(3600, 2 * 86400),
                                             reverses=appeal["act"], clause="appeal_upheld")
        for kind, clause in (("unhide", "correction"), ("unblock", "review")):
            for original in rng.sample(reversible[kind], min(mix[kind], len(reversible[kind]))):
                act(kind, original["at"] + rng.uniform(600, 86400), reverses=original,
                    clause=clause)
        on_posts = [t for t in self.threads if t.post]
        for _n in range(mix["comments_off"]):
            thread = rng.choice(on_posts)
            at = self.when(rng)
            off = act("comments_off", at, clause="comments_off", post=thread.post,
                      channel=thread.channel)
            if mix["comments_on"]:
                mix["comments_on"] -= 1
                act("comments_on", at + rng.uniform(3600, 2 * 86400), reverses=off,
                    clause="comments_off", post=thread.post, channel=thread.channel)
        for item in self.plan:
            if item["kind"] in {"unhide"} and item.get("reverses", {}).get("row"):
                row = item["reverses"]["row"]
                row["is_hidden"], row["visibility_changed_at"] = False, aware(item["at"])

    def acts(self) -> None:
        from ratusz.moderation.models import Appeal, ModerationAct

        rng = self.rng
        moderator, supervisor = self.users["redaktor"], self.users["sekretarz"]
        references: set[str] = set()

        def reference(prefix: str) -> str:
            while True:
                code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))
                if code not in references:
                    references.add(code)
                    return f"{prefix}-{code[:4]}-{code[4:]}"

        self.plan.sort(key=lambda item: item["at"])
        objects: dict[int, ModerationAct] = {}
        for item in self.plan:
            kind, at = item["kind"], aware(item["at"])
            row = item.get("row") or (item.get("reverses") or {}).get("row")
            clause = self.clauses.get(item["clause"]) if item.get("clause") else None
            automatic = item.get("automatic", False)
            blocked = item.get("awaiting", False)
            done = not blocked
            act = ModerationAct(
                reference=reference("M"), office=self.office,
                channel_id=row["channel_id"] if row else item["channel"], kind=kind,
                status="awaiting" if blocked else "done",
                message_id=row["id"] if row and kind in {"hide", "unhide", "delete",
                                                         "warning"} else None,
                resident_id=row["resident_id"] if row else None,
                post_id=item.get("post") if kind in {"comments_off", "comments_on"} or row
                else None,
                regulamin=self.regulamin if clause else None, clause=clause,
                legal_basis="" if clause else "art. 5 ust. 1 lit. f i art. 32 RODO",
                description="Komentarz narusza regulamin." if not automatic else
                "W komentarzu rozpoznano: numer PESEL.",
                statement=f"Uzasadnienie: {clause.label if clause else 'ochrona danych'}.",
                snapshot={"text": (row or {}).get("text", ""), "account_id": "x"},
                automatic=automatic, detector="personal_data:pesel" if automatic else "",
                actor=None if automatic else moderator, created_at=at,
                executed_at=at + timedelta(seconds=rng.uniform(1, 20)) if done else None,
                appeal_until=at + timedelta(days=round(6 * 30.44)),
                manual=kind in {"comments_off", "comments_on"} and rng.random() < 0.5,
                reverses=objects.get(id(item["reverses"])) if item.get("reverses") else None)
            if kind == "restrict":
                act.duration_days, act.expires_at = item["days"], at + timedelta(
                    days=item["days"])
            if kind == "block":
                act.review_at, act.approval_reason = at + timedelta(days=90), "permanent"
                act.approved_by, act.approved_at = (supervisor, at) if done else (None, None)
            objects[id(item)] = act
            act.save()  # one by one: a reversal points at the act it reverses
            if kind == "unblock" and act.reverses is not None:
                ModerationAct.objects.filter(pk=act.reverses.pk).update(lifted_at=at)
        Appeal.objects.bulk_create([
            Appeal(reference=reference("O"), office=self.office, act=objects[id(a["act"])],
                   act_reference=objects[id(a["act"])].reference, text="Proszę o przywrócenie.",
                   status=a["status"], created_at=aware(a["at"]),
                   decided_by=supervisor if a["status"] != "received" else None,
                   decided_at=aware(a["at"]) + timedelta(days=1)
                   if a["status"] != "received" else None,
                   reversal=objects.get(id(a.get("reversal"))) if a.get("reversal") else None)
            for a in self.appeals])
        self.counts.update(acts=len(objects), appeals=len(self.appeals),
                           automatic_acts=sum(1 for a in objects.values() if a.automatic))

    def run(self) -> None:
        from django.db import connection, transaction

        with transaction.atomic():
            self.residents()
            self.posts()
            self.conversations()
            self.write()
            self.deadlines()
            self.acts()
        if connection.vendor == "postgresql":
            from django.apps import apps
            from django.core.management.color import no_style

            models = [apps.get_model(*name.split(".")) for name in (
                "inbox.Resident", "inbox.Post", "inbox.Conversation", "inbox.Message")]
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
                cursor.execute("ANALYZE")


# --------------------------------------------------------------------------- timing


def baseline_scan(office, period) -> int:
    """Every row the report reads, once, as narrow tuples."""
    from ratusz.inbox.models import Conversation, Deadline, Message
    from ratusz.moderation.models import Appeal, ModerationAct
    from ratusz.publishing.models import Post, Task

    start, end = period.bounds(WARSAW)
    rows = 0
    for queryset in (
        Message.objects.filter(conversation__office=office, created_at__gte=start,
                               created_at__lt=end).order_by().values_list(
            "conversation_id", "direction", "origin", "created_at", "kind", "resident_id",
            "is_private_reply", "delivery", "analysis__question", "analysis__urgent",
            "analysis__public_information_request", "analysis__formal_matter"),
        Conversation.objects.filter(office=office).order_by().values_list(
            "pk", "kind", "channel_id", "department_id", "post_id", "thread_key"),
        ModerationAct.objects.filter(office=office, created_at__gte=start,
                                     created_at__lt=end).order_by().values_list(
            "kind", "status", "automatic", "clause_id", "reverses_id", "executed_at",
            "lifted_at", "expires_at", "resident_id", "message_id"),
        Appeal.objects.filter(office=office, created_at__gte=start,
                              created_at__lt=end).order_by().values_list("status", "act_id"),
        Post.objects.filter(office=office, published_at__gte=start,
                            published_at__lt=end).order_by().values_list(
            "type", "status", "invites_input", "has_bip_link", "overrides"),
        Task.objects.filter(post__office=office).order_by().values_list("kind", "done_at",
                                                                         "due"),
        Deadline.objects.filter(office=office, started_on__gte=period.start,
                                started_on__lte=period.end).order_by().values_list(
            "rule", "status", "done_at", "legal_end"),
    ):
        rows += len(list(queryset))
    return rows


def timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def top(profile: cProfile.Profile, limit: int, sort: str) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats(sort).print_stats(limit)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return "\n".join(line.replace(str(ROOT) + "/", "").replace(
        str(Path(sys.executable).parent.parent) + "/lib/python3.11/site-packages/", "")
        for line in lines[start:] if line.strip())


def measure(office, args: argparse.Namespace) -> None:
    import time_machine
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from ratusz.reports import charts, metrics, services
    from ratusz.reports.models import MonthlyReport

    period = metrics.Period.month(YEAR, MONTH)
    url = f"/o/{office.slug}/raport/{YEAR}-{MONTH:02d}"
    with time_machine.travel(REPORT_AT, tick=True):
        report = MonthlyReport.objects.create(office=office, month=period.start,
                                              status=MonthlyReport.Status.READY)
        client = Client()
        results: dict[str, list[float]] = defaultdict(list)
        sizes: dict[str, int] = {}

        def whole() -> tuple[dict, dict]:
            steps = {}
            t0 = time.perf_counter()
            data = metrics.compute(office, period)
            t1 = time.perf_counter()
            charts.all_charts(data)
            t2 = time.perf_counter()
            MonthlyReport.objects.filter(pk=report.pk).update(
                data=data, generated_at=datetime.now(UTC), published_at=datetime.now(UTC))
            report.refresh_from_db()
            response = client.get(url)
            assert response.status_code == 200, response.status_code  # noqa: S101
            t3 = time.perf_counter()
            pdf = services.report_pdf(report)
            t4 = time.perf_counter()
            steps.update(compute=t1 - t0, charts=t2 - t1, page=t3 - t2, pdf=t4 - t3,
                         whole=t4 - t0)
            sizes.update(page=len(response.content), pdf=len(pdf))
            return steps, data

        for run in range(args.runs + 1):  # the first run warms up
            seconds, rows = timed(lambda: baseline_scan(office, period))
            if run == 0:  # count the queries once (logging them costs a little time)
                with CaptureQueriesContext(connection) as queries:
                    compute_seconds, data = timed(lambda: metrics.compute(office, period))
                sizes.update(rows=rows, queries=len(queries.captured_queries))
            else:
                compute_seconds, data = timed(lambda: metrics.compute(office, period))
            steps, data = whole()
            if run == 0:
                print(f"warm-up: baseline {seconds:.3f} s, compute {compute_seconds:.3f} s, "
                      f"whole {steps['whole']:.3f} s")
                continue
            results["baseline"].append(seconds)
            results["compute"].append(compute_seconds)
            for key, value in steps.items():
                results[f"whole:{key}"].append(value)

        median = {key: statistics.median(values) for key, values in results.items()}
        base = median["baseline"]
        print(f"\nbaseline rows read: {sizes['rows']:,}; compute issued {sizes['queries']} "
              f"queries; page {sizes['page']:,} bytes, PDF {sizes['pdf']:,} bytes; load "
              f"average {os.getloadavg()[0]:.1f}")
        print(f"\n| step (median of {args.runs}) | seconds | × baseline | runs |")
        print("|---|---:|---:|---|")
        labels = [("baseline", "baseline: scan the rows once"),
                  ("compute", "metrics.compute"),
                  ("whole:compute", "whole report: compute"),
                  ("whole:charts", "whole report: charts.all_charts"),
                  ("whole:page", "whole report: public page (test client)"),
                  ("whole:pdf", "whole report: PDF (WeasyPrint)"),
                  ("whole:whole", "**whole report**")]
        for key, label in labels:
            runs = ", ".join(f"{v:.3f}" for v in results[key])
            print(f"| {label} | {median[key]:.3f} | {median[key] / base:.1f} | {runs} |")
        r = data["response"]
        print(f"\nfigures: questions {r['questions']:,}, answered {r['answered']:,} "
              f"({r['answered_share']}), median {r['median_working_minutes']} working min / "
              f"{r['median_calendar_minutes']} calendar min, p90 {r['p90_working_minutes']} / "
              f"{r['p90_calendar_minutes']}, within target {r['within_target_share']}, "
              f"unanswered over {r['unanswered_days']} days {r['unanswered_over']}, "
              f"acknowledgements {r['acknowledgements']:,}, emergencies {r['emergencies']} "
              f"(median {r['emergency_median_minutes']} min)")
        d, m, p, dl = data["dialogue"], data["moderation"], data["publishing"], data["deadlines"]
        print(f"dialogue: posts {d['posts']}, comments {d['comments']:,}, per post "
              f"{d['comments_per_post']}, threads {d['threads']:,} (with office "
              f"{d['threads_with_office_share']}), residents {d['residents']:,} "
              f"(more than once {d['residents_more_than_once']:,})")
        print(f"moderation: acts {m['acts']:,}, automatic {m['automatic']}, appeals "
              f"{m['appeals']} (upheld {m['appeals_upheld']}), reversals {m['reversals']}, "
              f"blocks in force {m['blocks_in_force']}, hide median {m['hide_median_minutes']} "
              f"min; deadlines {dl['received']} (on time {dl['done_on_time']}, late "
              f"{dl['done_late']}, overdue {dl['open_overdue']}); notices {p['notices']} "
              f"(with BIP {p['notices_with_bip']}), a11y overrides "
              f"{p['accessibility_overrides']}")
        if args.json:
            Path(args.json).write_text(json.dumps(data, indent=1, ensure_ascii=False))
        whole_seconds = median["whole:whole"]
        verdict = "PASS" if whole_seconds < TARGET_SECONDS else "FAIL"
        where = "" if connection.vendor == "postgresql" else " (the target is for PostgreSQL)"
        print(f"\nratio compute ÷ baseline {median['compute'] / base:.1f}×, whole report ÷ "
              f"baseline {whole_seconds / base:.1f}×")
        print(f"TARGET whole monthly report {whole_seconds:.2f} s < {TARGET_SECONDS:.0f} s: "
              f"{verdict}{where}")
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            metrics.compute(office, period)
            profile.disable()
            print("\n-- cProfile of metrics.compute (cumulative)")
            print(top(profile, 30, "cumulative"))
            print("\n-- cProfile of metrics.compute (own time)")
            print(top(profile, 20, "tottime"))


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--conversations", type=int, default=20_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--acts", type=int, default=2_000)
    parser.add_argument("--residents", type=int, default=12_000)
    parser.add_argument("--deadlines", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile metrics.compute")
    parser.add_argument("--json", metavar="PATH", help="also write the computed figures there")
    args = parser.parse_args()
    if args.messages < args.conversations:
        parser.error("--messages must be at least --conversations")
    var_dir = tempfile.mkdtemp(prefix="ratusz-bench-report-")
    try:
        run(args, var_dir)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def run(args: argparse.Namespace, var_dir: str) -> None:
    os.environ.update(RATUSZ_VAR_DIR=var_dir, RATUSZ_LOG_LEVEL="WARNING",
                      DJANGO_SETTINGS_MODULE="ratusz.settings")
    for name in ("DATABASE_URL", "REDIS_URL", "RATUSZ_TASKS_IMMEDIATE"):
        os.environ.pop(name, None)
    if args.db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS ratusz_bench_report WITH (FORCE)")
            conn.execute("CREATE DATABASE ratusz_bench_report")
        os.environ["DATABASE_URL"] = PG_URL

    import django

    django.setup()
    import time_machine
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from ratusz.web.demo import load_demo

    for alias in settings.DATABASES:
        call_command("migrate", database=alias, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as `ratusz serve` does
    with time_machine.travel(LOADED_AT, tick=True):  # the office, people, channels and rules;
        office, _created = load_demo(history=False)  # the month below is the only traffic
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            version = f"SQLite {cursor.fetchone()[0]}"
    print(f"# Monthly report benchmark, {datetime.now(WARSAW):%Y-%m-%d %H:%M}, "
          f"{platform.node()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{version}; load average {os.getloadavg()[0]:.1f}")
    print(f"generating {YEAR}-{MONTH:02d}: {args.conversations:,} conversations, "
          f"{args.messages:,} messages, {args.acts:,} acts, {args.residents:,} residents")
    month = Month(office, args)
    seconds, _ = timed(month.run)
    c = month.counts
    print(f"generated in {seconds:.1f} s: {c['messages']:,} messages ({c['inbound']:,} from "
          f"residents, {c['questions_flagged']:,} flagged question, {c['acknowledgements']:,} "
          f"acknowledgements, {c['private_replies']:,} private replies) in "
          f"{c['conversations']:,} conversations; {c['residents']:,} residents; "
          f"{c['inbox_posts']} page posts, {c['posts_published']} published through Ratusz, "
          f"{c['republish_tasks']} republication tasks; {c['deadlines']} deadlines; "
          f"{c['acts']:,} acts ({c['automatic_acts']} automatic), {c['appeals']} appeals")
    measure(office, args)


if __name__ == "__main__":
    main()
