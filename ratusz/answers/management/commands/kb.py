"""`ratusz kb import --office S --csv F` loads knowledge-base entries;
`ratusz kb evaluate --office S --questions F.jsonl` prints how often the right entry is among
the suggestions (recall at 1 and 3), for checks outside the test suite."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ratusz.answers import knowledge
from ratusz.offices.models import Office


def evaluate(office, lines: list[dict]) -> dict:
    answerable = [q for q in lines if q.get("expected")]
    at1 = at3 = 0
    misses = []
    for q in answerable:
        keys = [s["entry"].key for s in knowledge.suggest(office, q["text"], k=3)]
        at1 += bool(keys[:1]) and keys[0] == q["expected"]
        at3 += q["expected"] in keys
        if q["expected"] not in keys:
            misses.append({"text": q["text"][:100], "expected": q["expected"], "got": keys})
    return {"questions": len(answerable), "without_answer": len(lines) - len(answerable),
            "recall_at_1": round(at1 / max(len(answerable), 1), 3),
            "recall_at_3": round(at3 / max(len(answerable), 1), 3), "misses": misses}


class Command(BaseCommand):
    help = "Import or evaluate an office's knowledge base."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import")
        imp.add_argument("--office", required=True)
        imp.add_argument("--csv", help="a CSV file (key, department, question, answer, "
                                        "source_url, keywords)")
        imp.add_argument("--feed", help="an RSS or Atom feed: a file or the office's address")
        ev = sub.add_parser("evaluate")
        ev.add_argument("--office", required=True)
        ev.add_argument("--questions", required=True)

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office {options['office']!r}.")
        if options["action"] == "import":
            admin = office.memberships.filter(role="admin").select_related("user").first()
            if admin is None:
                raise CommandError("The office has no administrator to import as.")
            if options.get("feed"):
                source = options["feed"]
                feed = Path(source).read_bytes() if Path(source).exists() else source
                count = knowledge.entries_from_feed(actor=admin.user, office=office, feed=feed)
            elif options.get("csv"):
                count = knowledge.entries_import(actor=admin.user, office=office,
                                                 csv_text=Path(options["csv"]).read_text())
            else:
                raise CommandError("Give --csv or --feed.")
            self.stdout.write(f"{count} entries")
            return
        lines = [json.loads(line) for line in Path(options["questions"]).read_text()
                 .splitlines() if line.strip()]
        sys.stdout.write(json.dumps(evaluate(office, lines), ensure_ascii=False) + "\n")
