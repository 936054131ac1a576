from django.core.management.base import BaseCommand, CommandError

from ratusz.audit.services import verify_chain


class Command(BaseCommand):
    help = "Audit log tools. `ratusz audit verify` checks the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(
                f"Audit chain broken at seq {result.broken_seq}: {result.reason} "
                f"({result.checked} rows verified before it)."
            )
        self.stdout.write(f"Audit chain intact: {result.checked} rows verified.")
