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
