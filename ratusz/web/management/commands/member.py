import getpass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ratusz.offices.models import Office, Role
from ratusz.offices.services import membership_grant, membership_revoke, user_create


class Command(BaseCommand):
    help = ("Give a person a role in an office, creating their own account if needed "
            "(one account per person; never share logins).")

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True)
        parser.add_argument("--username", required=True)
        parser.add_argument("--role", choices=Role.values)
        parser.add_argument("--revoke", action="store_true",
                            help="Take the person's role in the office away.")
        parser.add_argument("--department", default="")
        parser.add_argument("--position", default="",
                            help="the position (stanowisko) the public register names")
        parser.add_argument("--replies-need-approval", action="store_true",
                            help="every reply this person writes waits for a supervisor")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--password-file", default="",
                            help="Read the new account's password from this file; "
                                 "otherwise it is asked for.")

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']}.")
        department = None
        if options["department"]:
            department = office.departments.filter(slug=options["department"]).first()
            if department is None:
                raise CommandError(f"No department {options['department']} in {office.slug}.")
        user = get_user_model().objects.filter(username=options["username"]).first()
        if options["revoke"]:
            if user is None or not membership_revoke(actor="cli", office=office, user=user):
                raise CommandError(f"{options['username']} has no role in {office.slug}.")
            self.stdout.write(f"{user.get_username()} no longer has a role in {office.slug}.")
            return
        if not options["role"]:
            raise CommandError("Give --role, or --revoke.")
        if user is None:
            user = user_create(actor="cli", username=options["username"],
                               password=self._password(options),
                               first_name=options["first_name"], last_name=options["last_name"],
                               email=options["email"])
        membership_grant(actor="cli", office=office, user=user, role=options["role"],
                         department=department, position=options["position"],
                         replies_need_approval=options["replies_need_approval"])
        self.stdout.write(f"{user.get_username()} is {options['role']} in {office.slug}.")

    def _password(self, options) -> str:
        if options["password_file"]:
            password = Path(options["password_file"]).read_text().strip()
        else:
            password = getpass.getpass("Password for the new account: ")
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        return password
