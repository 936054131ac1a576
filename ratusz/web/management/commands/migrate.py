from django.conf import settings
from django.core.management.commands.migrate import Command as DjangoMigrate


class Command(DjangoMigrate):
    """`ratusz migrate` migrates every configured database: on SQLite the webhook deliveries
    have a file of their own. Called from code (tests, the demo) it behaves as Django's."""

    def handle(self, *args, **options):
        if not getattr(self, "_called_from_command_line", False):
            return super().handle(*args, **options)
        for alias in settings.DATABASES:
            super().handle(*args, **{**options, "database": alias})
        return None
