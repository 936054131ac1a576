"""On SQLite the raw webhook deliveries live in their own database file.

SQLite lets one writer at a time into a file. The worker writes the inbox in many short
transactions; with the receiver's INSERT in the same file, the receiver waits in SQLite's busy
handler and its latency tail grows to seconds (docs/benchmarks.md). In a file of its own, the
receiver only meets the worker's claim of a delivery, a single-row update. On PostgreSQL there
is no "intake" alias and everything stays in one database.
"""

from django.conf import settings

INTAKE = "intake"


def intake_alias() -> str:
    return INTAKE if INTAKE in settings.DATABASES else "default"


class IntakeRouter:
    def db_for_read(self, model, **hints):
        return intake_alias() if model._meta.app_label == "intake" else None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, **hints):
        if INTAKE not in settings.DATABASES:
            return None
        return db == INTAKE if app_label == "intake" else db == "default"
