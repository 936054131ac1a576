"""`ratusz regulamin render --office SLUG`: the rules in force as Markdown, for checks outside
the test suite; `--version N` prints an earlier one, `--draft` generates (without saving) what
the generator would write from the office's data today."""

import sys

from django.core.management.base import BaseCommand, CommandError

from ratusz.moderation import regulamin_text, rules
from ratusz.moderation.models import Regulamin
from ratusz.offices.models import Office


class Command(BaseCommand):
    help = "Print an office's page rules (regulamin) as Markdown."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        render = sub.add_parser("render", help="print the rules in force as Markdown")
        render.add_argument("--office", required=True, help="the office's slug")
        render.add_argument("--version", type=int, help="a published version's number")
        render.add_argument("--draft", action="store_true",
                            help="what the generator writes from the office's data now")
        lint = sub.add_parser("lint", help="list problems and viewpoint-based wording")
        lint.add_argument("--office", required=True)
        lint.add_argument("--version", type=int)

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office {options['office']!r}.")
        if options["action"] == "render" and options["draft"]:
            facts = rules.office_facts(office)
            sections, clauses = regulamin_text.generate(facts)
            sys.stdout.write(regulamin_text.render_markdown(
                sections, clauses, title=f"Regulamin strony {office.name} (projekt)",
                version=facts.version, adopted_on="", order_number="") + "\n")
            return
        versions = Regulamin.objects.filter(office=office)
        if options.get("version"):
            regulamin = versions.filter(version=options["version"]).first()
        else:
            regulamin = Regulamin.objects.in_force(office)
        if regulamin is None:
            raise CommandError("No such version, or no rules in force: publish them first "
                               "(or use --draft).")
        if options["action"] == "render":
            sys.stdout.write(rules.render(regulamin) + "\n")
            return
        for problem in rules.problems(regulamin):
            sys.stdout.write(f"blocking: {problem}\n")
        for finding in rules.lint(regulamin):
            sys.stdout.write(f"warning: {finding.where}: {finding.phrase}: {finding.message}\n")
