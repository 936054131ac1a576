"""`ratusz api_token create --user NAME --name LABEL` prints a new key once;
`ratusz api_token revoke --prefix rtz_XXXXXXXX` revokes it."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ratusz.api.models import ApiToken
from ratusz.api.services import token_create, token_revoke


class Command(BaseCommand):
    help = "Create or revoke a person's REST API key."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("--user", required=True)
        create.add_argument("--name", default="API")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("--prefix", required=True)

    def handle(self, *args, **options):
        if options["action"] == "create":
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
            _token, key = token_create(actor="cli", user=user, name=options["name"])
            self.stdout.write(key)
            return
        token = ApiToken.objects.filter(prefix=options["prefix"][:12]).first()
        if token is None:
            raise CommandError("No such key.")
        token_revoke(actor="cli", token=token)
        self.stdout.write("revoked")
