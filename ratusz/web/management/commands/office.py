from django.core.management.base import BaseCommand, CommandError

from ratusz.offices.models import Office
from ratusz.offices.services import department_create, office_create


class Command(BaseCommand):
    help = "Offices: `ratusz office create|department|list`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create an office.")
        create.add_argument("--slug", required=True)
        create.add_argument("--name", required=True)
        create.add_argument("--kind", required=True, choices=Office.Kind.values)
        create.add_argument("--bip-url", default="")
        create.add_argument("--email", default="")
        dept = sub.add_parser("department", help="Add a department to an office.")
        dept.add_argument("--office", required=True)
        dept.add_argument("--slug", required=True)
        dept.add_argument("--name", required=True)
        sub.add_parser("list", help="List offices.")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "list":
            for office in Office.objects.order_by("slug"):
                self.stdout.write(f"{office.slug}\t{office.kind}\t{office.name}")
            return
        if action == "create":
            if Office.objects.filter(slug=options["slug"]).exists():
                raise CommandError(f"An office with slug {options['slug']} already exists.")
            office = office_create(actor="cli", slug=options["slug"], name=options["name"],
                                   kind=options["kind"], bip_url=options["bip_url"],
                                   email=options["email"])
            self.stdout.write(f"Created office {office.slug}.")
            return
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']}.")
        department_create(actor="cli", office=office, name=options["name"], slug=options["slug"])
        self.stdout.write(f"Created department {options['slug']} in {office.slug}.")
