import pytest

from ratusz.channels.services import channel_mark_broken
from ratusz.intake.models import Delivery
from ratusz.offices.models import Role
from ratusz.offices.services import membership_grant
from ratusz.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(world):
    user = make_user("olli")
    membership_grant(actor=None, office=world.office, user=user, role=Role.ADMIN)
    return user


def test_admin_sees_broken_channels_and_given_up_deliveries(client, world, admin):
    channel_mark_broken(actor="meta", channel=world.page, reason="#190 Session has expired")
    Delivery.objects.create(body=b"{}", signature="x", status=Delivery.Status.DEAD)
    client.force_login(admin)
    response = client.get("/o/a/status/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-channel-status="broken"' in body and "Session has expired" in body
    assert 'data-dead="1"' in body
    assert "{}" not in body.split("Webhooki")[-1]  # counts only, no raw content


def test_status_is_for_administrators_only(client, world, admin):
    client.force_login(world.mona)
    assert client.get("/o/a/status/").status_code == 403
    client.force_login(world.bea)
    assert client.get("/o/a/status/").status_code == 404
