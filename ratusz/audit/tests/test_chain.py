import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from ratusz.audit.models import AuditEvent
from ratusz.audit.services import record, verify_chain
from ratusz.offices.models import Office

pytestmark = pytest.mark.django_db


def make_rows(n: int) -> None:
    office = Office.objects.create(slug="x", name="X", kind="gmina")
    for i in range(n):
        with transaction.atomic():
            record(actor="test", verb="offices.office.created", office=office, target=office,
                   data={"i": i, "name": "Łódź"})


def test_rows_link_to_their_predecessor_and_verify():
    make_rows(3)
    rows = list(AuditEvent.objects.order_by("seq"))
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[1].prev_hash == rows[0].hash and rows[2].prev_hash == rows[1].hash
    assert verify_chain().ok
    assert verify_chain().checked == 3


def test_a_changed_row_is_reported_with_its_seq():
    make_rows(4)
    AuditEvent.objects.filter(seq=3).update(data={"i": 99})
    result = verify_chain()
    assert (result.ok, result.broken_seq) == (False, 3)
    with pytest.raises(CommandError, match="seq 3"):
        call_command("audit", "verify")


def test_a_deleted_row_is_reported():
    make_rows(4)
    AuditEvent.objects.filter(seq=2).delete()
    result = verify_chain()
    assert (result.broken_seq, result.checked) == (3, 1)
    assert "missing row before seq 3" in result.reason


def test_deleting_the_last_rows_is_reported():
    make_rows(4)
    AuditEvent.objects.filter(seq=4).delete()
    assert verify_chain().broken_seq == 4


def test_unregistered_verb_is_refused():
    with transaction.atomic(), pytest.raises(ValueError):
        record(actor="test", verb="nobody.registered.this")


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        record(actor="test", verb="offices.office.created")


def test_command_reports_an_intact_chain(capsys):
    make_rows(2)
    call_command("audit", "verify")
    assert "2 rows verified" in capsys.readouterr().out
