"""`ratusz report --office SLUG --month YYYY-MM --format json`: an office's monthly figures
(response, deadlines, dialogue, moderation, publishing), for checks outside the test suite."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from ratusz.offices.models import Office
from ratusz.reports import metrics, services


class Command(BaseCommand):
    help = "Print an office's figures for a month as JSON (or CSV)."

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True, help="the office's slug")
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office {options['office']!r}.", returncode=2)
        try:
            year, month = (int(x) for x in options["month"].split("-"))
            if not 2000 <= year <= 2100:
                raise ValueError(year)
            period = metrics.Period.month(year, month)
        except ValueError as exc:
            raise CommandError("--month is YYYY-MM, e.g. 2026-11.", returncode=2) from exc
        data = metrics.compute(office, period)
        if options["format"] == "csv":
            sys.stdout.write(services.report_csv(data))
        else:
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
