import pytest
from django.core.management import call_command
from django.test import override_settings

from ratusz.channels.models import Channel
from ratusz.offices.models import Membership, Office


def test_static_files_collect_with_the_production_storage(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()


@pytest.mark.django_db
def test_demo_no_serve_loads_the_demo_office_once(capsys):
    call_command("demo", "--no-serve")
    call_command("demo", "--no-serve")
    office = Office.objects.get(slug="demo")
    assert Office.objects.count() == 1
    ids = set(Channel.objects.values_list("platform", "platform_id"))
    assert ids == {("facebook", "100000000000001"), ("instagram", "17841400000000001")}
    roles = set(Membership.objects.filter(office=office).values_list("role", flat=True))
    assert roles == {"viewer", "responder", "moderator", "supervisor", "admin"}
    assert "already present" in capsys.readouterr().out
    channel = Channel.objects.get(platform="facebook")
    assert "sandbox-page-token-demo" not in channel.token_encrypted
    assert channel.get_token() == "sandbox-page-token-demo"


@pytest.mark.django_db
def test_an_administrator_sets_up_an_office_from_the_command_line(tmp_path, capsys):
    from django.core.management.base import CommandError

    from ratusz.audit.models import AuditEvent

    call_command("office", "create", "--slug", "lipno", "--name", "Urząd Gminy Lipno",
                 "--kind", "gmina")
    call_command("office", "department", "--office", "lipno", "--slug", "podatki",
                 "--name", "Podatki")
    secret = tmp_path / "pw"
    secret.write_text("Dluga-fraza-hasla-2026")
    call_command("member", "--office", "lipno", "--username", "ewa", "--role", "moderator",
                 "--department", "podatki", "--password-file", str(secret))
    token = tmp_path / "token"
    token.write_text("EAAB-real-looking-token\n")
    call_command("channel", "connect", "--office", "lipno", "--platform", "facebook",
                 "--id", "123", "--name", "Gmina Lipno", "--owner-type", "office_page",
                 "--token-file", str(token))
    with pytest.raises(CommandError, match="Prywatnej strony"):
        call_command("channel", "connect", "--office", "lipno", "--platform", "facebook",
                     "--id", "456", "--name", "Wójt prywatnie", "--owner-type", "private",
                     "--token-file", str(token))
    assert Channel.objects.get(platform_id="123").get_token() == "EAAB-real-looking-token"
    assert Membership.objects.get(user__username="ewa").role == "moderator"
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"offices.office.created", "offices.department.created",
            "offices.membership.granted", "channels.channel.connected"} <= verbs
    call_command("channel", "list")
    assert "EAAB" not in capsys.readouterr().out


@pytest.mark.django_db
def test_a_broken_channel_is_revived_with_a_new_token_and_people_can_be_removed(tmp_path):
    from django.core.management.base import CommandError

    from ratusz.audit.models import AuditEvent
    from ratusz.channels.services import channel_mark_broken

    call_command("demo", "--no-serve")
    channel = Channel.objects.get(platform="facebook")
    channel_mark_broken(actor="meta", channel=channel, reason="#190 Session has expired")
    token = tmp_path / "token"
    token.write_text("new-token")
    call_command("channel", "token", "--platform", "facebook", "--id", channel.platform_id,
                 "--token-file", str(token))
    channel.refresh_from_db()
    assert (channel.status, channel.get_token()) == ("active", "new-token")
    with pytest.raises(CommandError, match="już podłączone"):
        call_command("channel", "connect", "--office", "demo", "--platform", "facebook",
                     "--id", channel.platform_id, "--name", "X", "--owner-type", "office_page",
                     "--token-file", str(token))
    call_command("member", "--office", "demo", "--username", "odpady", "--revoke")
    assert not Membership.objects.filter(user__username="odpady").exists()
    assert AuditEvent.objects.filter(verb="offices.membership.revoked").exists()
    assert AuditEvent.objects.filter(verb="channels.channel.token_replaced").exists()


def test_demo_secrets_are_refused_against_the_real_meta(settings):
    from ratusz.web.checks import check_secrets

    settings.RATUSZ_GRAPH_URL = "https://graph.facebook.com/v25.0"
    settings.SECRET_KEY = "a-long-random-key"
    settings.RATUSZ_META_APP_SECRET = "sandbox-app-secret"
    assert [e.id for e in check_secrets(None)] == ["ratusz.E001"]
    settings.RATUSZ_META_APP_SECRET = "a-real-secret"
    assert check_secrets(None) == []


@pytest.mark.django_db
def test_login_is_refused_after_five_failures_for_a_while(client):
    import time_machine
    from django.utils import timezone

    from ratusz.testing import make_user

    make_user("ewa")
    for _ in range(5):
        response = client.post("/login/", {"username": "ewa", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/login/", {"username": "ewa", "password": "pw"})
    assert "Zbyt wiele nieudanych prób" in response.content.decode()
    assert "_auth_user_id" not in client.session
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        response = client.post("/login/", {"username": "ewa", "password": "pw"})
    assert response.status_code == 302
