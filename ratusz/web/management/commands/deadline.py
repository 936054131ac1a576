import json
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError

from ratusz.lib.workcal import RULES, legal_end
from ratusz.offices.calendar import calendar_for
from ratusz.offices.models import Office


class Command(BaseCommand):
    help = ("Compute a statutory deadline with an office's calendar: prints "
            '{"legal_end": "YYYY-MM-DD", "internal_target": "YYYY-MM-DD"}.')

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True)
        parser.add_argument("--start", required=True,
                            help="When the matter arrived (ISO 8601; without an offset it is "
                                 "the office's local time).")
        parser.add_argument("--rule", required=True, choices=sorted(RULES))

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']}.")
        tz = ZoneInfo(office.time_zone)
        try:
            start = datetime.fromisoformat(options["start"])
        except ValueError as error:
            raise CommandError(f"--start is not an ISO 8601 date or time: {error}") from error
        start_day = (start.astimezone(tz) if start.tzinfo else start.replace(tzinfo=tz)).date()
        rule = RULES[options["rule"]]
        calendar = calendar_for(office, start_day)
        self.stdout.write(json.dumps({
            "legal_end": legal_end(start_day, rule).isoformat(),
            "internal_target": calendar.internal_target(start_day, rule).isoformat(),
        }))
