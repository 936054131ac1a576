"""`ratusz triage`: analyse texts from stdin (no database), evaluate, re-analyse, retrain.

    ratusz triage < in.jsonl > out.jsonl          one {"id","text","channel"} per line in,
                                                  one {"id","flags","scores","personal_data",
                                                  "topic"} per line out, in order
    ratusz triage evaluate FILE_OR_DIR [--json] [--errors]
    ratusz triage export-labels [--office SLUG]   people's corrections as a labelled file
    ratusz triage reanalyze [--office SLUG] [--all]
    ratusz triage retrain [--office SLUG] [--extra FILE] [--output PATH]
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError


def _dumps(value) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError):  # an id that JSON cannot carry (NaN, Infinity)
        return json.dumps({**value, "id": None}, ensure_ascii=False, allow_nan=False)


class Command(BaseCommand):
    help = ("Analyse JSON lines from stdin ({\"id\", \"text\", \"channel\"}) and print one "
            "result per line; or evaluate, export-labels, reanalyze, retrain.")
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        evaluate = sub.add_parser("evaluate", help="Precision and recall on a labelled file.")
        evaluate.add_argument("paths", nargs="*",
                              help="JSON-lines files or folders (default: the development set)")
        evaluate.add_argument("--json", action="store_true")
        evaluate.add_argument("--errors", action="store_true", help="List every mistake.")
        export = sub.add_parser("export-labels", help="People's corrections as JSON lines.")
        export.add_argument("--office")
        again = sub.add_parser("reanalyze", help="Analyse stored messages again.")
        again.add_argument("--office")
        again.add_argument("--all", action="store_true",
                           help="Also messages already analysed by the current version.")
        retrain = sub.add_parser("retrain", help="Retrain the harmful-content model with the "
                                                  "office's corrections added.")
        retrain.add_argument("--office")
        retrain.add_argument("--extra", action="append", default=[],
                             help="More labelled JSON lines ({\"text\", \"harmful\": 0|1} or "
                                  "the development-set format).")
        retrain.add_argument("--output", help="Where to write the model (default: under "
                                              "RATUSZ_VAR_DIR).")
        retrain.add_argument("--data", help="PolEval 2019 training file (train.tsv).")

    def handle(self, *args, **options):
        action = options.get("action")
        if action is None:
            return self.analyse_stdin()
        return getattr(self, action.replace("-", "_"))(options)

    def analyse_stdin(self):
        """One output line per input line, in order, whatever the input: a line that is not
        a JSON object with a string `text` gets {"id": ..., "error": ...} in its place."""
        from ratusz.triage.analysis import analyze

        for number, raw in enumerate(sys.stdin.buffer, 1):
            line = raw.decode("utf-8", errors="replace")
            if not line.strip() and raw.endswith(b"\n") is False:
                continue  # the end of the input without a final newline
            item = None
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise ValueError("not a JSON object")
                text = item.get("text")
                if not isinstance(text, str):
                    raise ValueError("text must be a string")
                text = text.encode("utf-8", errors="replace").decode("utf-8")  # lone surrogates
                channel = item.get("channel") if item.get("channel") in ("comment", "message") \
                    else "message"
                out = analyze(text, channel).as_contract(item.get("id"))
            except Exception as error:  # noqa: BLE001 - one bad line must not stop the rest
                self.stderr.write(f"line {number}: {type(error).__name__}: {error}")
                out = {"id": item.get("id") if isinstance(item, dict) else None,
                       "error": f"{type(error).__name__}: {error}"[:300]}
            self.stdout.write(_dumps(out))
            self.stdout.flush()

    def evaluate(self, options):
        from ratusz.triage.evaluation import DEV_DIR, evaluate, format_report, read_examples

        try:
            report = evaluate(read_examples(options["paths"] or [DEV_DIR]),
                              keep_errors=options["errors"])
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(format_report(report))
        if options["errors"]:
            for e in report.errors:
                self.stdout.write(f"{e['id']}\t{e['flag']}\t{e['error']}\t{e['score']:.2f}\t"
                                  f"{e['text'][:140]!r}")

    def _office(self, options):
        from ratusz.offices.models import Office

        if not options.get("office"):
            return None
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']}.")
        return office

    def export_labels(self, options):
        from ratusz.triage.labels import labelled_examples

        for item in labelled_examples(self._office(options)):
            self.stdout.write(json.dumps(item, ensure_ascii=False))

    def reanalyze(self, options):
        from ratusz.triage.services import reanalyze

        def progress(done, total):
            self.stderr.write(f"\r{done}/{total}", ending="")

        done = reanalyze(actor="cli", office=self._office(options), all_versions=options["all"],
                         progress=progress)
        self.stderr.write("")
        self.stdout.write(f"Analysed {done} messages.")

    def retrain(self, options):
        from ratusz.triage.labels import retrain

        try:
            path, metrics = retrain(office=self._office(options), extra=options["extra"],
                                    output=options["output"], data=options["data"],
                                    log=lambda text: self.stderr.write(text))
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps({"model": str(path), **metrics}, indent=2))
