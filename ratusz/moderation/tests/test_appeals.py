"""Appeals outside the platform, and the public register that counts acts and appeals."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from ratusz.audit.models import AuditEvent
from ratusz.audit.services import verify_chain
from ratusz.moderation import appeals, selectors, services
from ratusz.moderation.forms import APPEAL_SALT
from ratusz.moderation.models import Appeal, ModerationAct
from ratusz.moderation.services import ActRefused

pytestmark = pytest.mark.django_db


def hidden(committed, sandbox, people, demo, message, clause):
    with committed():
        act = services.act_request(actor=people.moderator, office=demo, kind="hide",
                                   clause=clause, message=message)
    sandbox.flush()
    act.refresh_from_db()
    return act


def form_token(seconds_ago: int = 60) -> str:
    with time_machine.travel(timezone.now() - timedelta(seconds=seconds_ago), tick=False):
        return signing.dumps({"n": uuid.uuid4().hex}, salt=APPEAL_SALT)


def test_an_upheld_appeal_unhides_the_comment_on_the_platform(demo, people, comment, clause,
                                                              committed, sandbox, client,
                                                              mailoutbox):
    message = comment(text="Wójt znowu nic nie zrobił z dziurami na Lipowej, wstyd!")
    act = hidden(committed, sandbox, people, demo, message, clause("insults"))
    message.refresh_from_db()
    assert message.is_hidden
    # The resident appeals without logging in, typing the number as they like.
    response = client.post("/o/demo/odwolanie", {
        "act_reference": act.reference.lower().replace("-", " "), "account_name": "Jan Hejter",
        "text": "To była krytyka, nie znieważenie.", "contact_email": "jan@example.pl",
        "started": form_token()})
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.act == act and not appeal.late
    assert response["Location"] == f"/o/demo/odwolanie/{appeal.uuid}"
    assert 'data-status="received"' in client.get(response["Location"]).content.decode()
    # The moderator who hid it may not decide.
    with pytest.raises(ActRefused) as caught:
        appeals.appeal_decide(actor=people.moderator, appeal=appeal, upheld=True,
                              reasons="Tak.")
    assert caught.value.code == "four_eyes"
    with committed():
        appeals.appeal_decide(actor=people.supervisor, appeal=appeal, upheld=True,
                              reasons="Komentarz krytykuje działania wójta; krytyka jest "
                                      "dozwolona (§ 6 regulaminu).")
    sandbox.flush()
    appeal.refresh_from_db()
    message.refresh_from_db()
    assert appeal.status == "upheld" and appeal.reversal.kind == "unhide"
    assert appeal.reversal.status == "done" and appeal.reversal.clause.key == "appeal_upheld"
    assert not message.is_hidden
    unhides = [r for r in sandbox.graph_requests() if r["method"] == "POST"
               and r["path"].endswith(message.platform_id)
               and r["body"].get("is_hidden") is False]
    assert len(unhides) == 1
    assert [m.to for m in mailoutbox] == [["jan@example.pl"]]
    assert "uwzględnione" in mailoutbox[0].body
    assert AuditEvent.objects.filter(verb="moderation.appeal.decided",
                                     data__upheld=True).count() == 1
    assert verify_chain().ok


def test_an_upheld_appeal_lifts_a_block_and_a_dismissed_one_changes_nothing(
        demo, people, comment, clause, committed, sandbox):
    message = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    with committed():
        block = services.act_request(actor=people.moderator, office=demo, kind="block",
                                     clause=clause("spam"), resident=message.resident)
        services.act_approve(actor=people.supervisor, act=block)
    sandbox.flush()
    first = appeals.appeal_submit(office=demo, act_reference=block.reference, account_name="",
                                  description="", text="Nie jestem botem.", contact_email="")
    with committed():
        appeals.appeal_decide(actor=people.admin, appeal=first, upheld=False,
                              reasons="Konto rozsyłało linki do oszustw.")
    block.refresh_from_db()
    assert block.lifted_at is None
    second = appeals.appeal_submit(office=demo, act_reference=block.reference,
                                   account_name="", description="", text="Ponownie.",
                                   contact_email="")
    with committed():
        appeals.appeal_decide(actor=people.admin, appeal=second, upheld=True,
                              reasons="Konto przejął właściciel; oszustwa ustały.")
    sandbox.flush()
    block.refresh_from_db()
    assert block.lifted_at is not None
    page_id = demo.channels.get(platform="facebook").platform_id
    assert message.resident.platform_id not in sandbox.http.get(
        "/_sandbox/state").json()["blocked"].get(page_id, {})


def test_the_appeal_form_turns_away_bots_but_keeps_late_and_unidentified_appeals(
        demo, client):
    page = client.get("/o/demo/odwolanie")
    assert page.status_code == 200 and 'name="website"' in page.content.decode()
    base = {"text": "Proszę o przywrócenie.", "description": "Komentarz pod wpisem o drogach."}
    # A filled honeypot, a form sent at once, a forged timestamp: refused, nothing stored.
    assert client.post("/o/demo/odwolanie", {**base, "website": "x",
                                             "started": form_token()}).status_code == 400
    assert client.post("/o/demo/odwolanie", {**base, "started": form_token(0)}
                       ).status_code == 400
    assert client.post("/o/demo/odwolanie", {**base, "started": "forged"}).status_code == 400
    assert client.post("/o/demo/odwolanie", {"text": "Bez opisu.", "started": form_token()}
                       ).status_code == 400
    assert not Appeal.objects.exists()
    # No reference, only a description: recorded for a person to match.
    assert client.post("/o/demo/odwolanie", {**base, "started": form_token()}
                       ).status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.act is None and appeal.description
    # Five an hour from one address, then a clear refusal.
    for _ in range(4):
        client.post("/o/demo/odwolanie", {**base, "started": form_token()})
    response = client.post("/o/demo/odwolanie", {**base, "started": form_token()})
    assert response.status_code == 400 and Appeal.objects.count() == 5


def test_an_appeal_after_the_window_is_kept_and_marked_late(demo, people, comment, clause,
                                                            committed, sandbox):
    act = hidden(committed, sandbox, people, demo, comment(), clause("insults"))
    assert act.appeal_until - act.created_at >= timedelta(days=182)
    with time_machine.travel(act.appeal_until + timedelta(days=1)):
        appeal = appeals.appeal_submit(office=demo, act_reference=act.reference,
                                       account_name="", description="", text="Późno.",
                                       contact_email="")
    assert appeal.late and appeal.act == act


def test_the_register_counts_match_the_acts_and_never_name_anyone(demo, people, comment,
                                                                  clause, committed, sandbox,
                                                                  client):
    first = comment(text="Złodzieje i nieroby w tym urzędzie!", who="Jan Hejter")
    hide = hidden(committed, sandbox, people, demo, first, clause("insults"))
    second = comment(text="Mój PESEL 44051401359, co z moją deklaracją?",
                     who="Stanisław Jankowski")  # hidden automatically
    spam = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    with committed():
        restrict = services.act_request(actor=people.moderator, office=demo, kind="restrict",
                                        clause=clause("spam"), resident=spam.resident,
                                        duration_days=30)
    sandbox.flush()
    appeal = appeals.appeal_submit(office=demo, act_reference=hide.reference, account_name="",
                                   description="", text="Krytyka.", contact_email="")
    with committed():
        appeals.appeal_decide(actor=people.supervisor, appeal=appeal, upheld=True,
                              reasons="Krytyka jest dozwolona.")
    sandbox.flush()
    data = selectors.register(demo)
    month = data["months"][0]
    assert month["month"] == f"{timezone.localdate():%Y-%m}"
    done = ModerationAct.objects.filter(status="done")
    assert done.count() == 4  # hide, automatic hide, restriction, unhide on appeal
    assert dict(month["cells"])["hide"] == 2 and dict(month["cells"])["restrict"] == 1
    assert dict(month["cells"])["unhide"] == 1
    assert month["automatic"] == 1 and month["manual"] == 3
    assert month["appeals"] == 1 and month["upheld"] == 1 and month["reversals"] == 1
    assert month["clauses"][restrict.clause.number] == 1
    assert data["blocked_now"] == 1
    page = client.get("/o/demo/rejestr-moderacji").content.decode()
    for secret in ("Jan Hejter", "Stanisław Jankowski", "Spam Bot", "44051401359",
                   first.resident.platform_id, second.resident.platform_id):
        assert secret not in page
    assert 'data-blocked-now="1"' in page
    assert "Inspektor ds. komunikacji społecznej" in page  # positions, never names
    assert "Nowak" not in page
    rows = list(csv.reader(io.StringIO(client.get(
        "/o/demo/rejestr-moderacji?format=csv").content.decode())))
    header, current = rows[0], rows[1]
    assert current[header.index("hide")] == "2" and current[header.index("odwolania")] == "1"


def test_the_udip_pack_states_the_blocked_count_and_the_rules_for_any_date(
        demo, people, comment, clause, committed, sandbox, client):
    spam = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    with committed():
        services.act_request(actor=people.moderator, office=demo, kind="restrict",
                             clause=clause("spam"), resident=spam.resident, duration_days=7)
    sandbox.flush()
    client.force_login(people.moderator)
    assert client.get("/o/demo/moderacja/udip").status_code == 403
    client.force_login(people.supervisor)
    today = timezone.localdate()
    text = client.get(f"/o/demo/moderacja/udip?date={today:%Y-%m-%d}&format=md"
                      ).content.decode()
    assert "zablokowanych lub czasowo ograniczonych kont: 1." in text
    assert "zarządzeniem nr 0050.12.2026" in text
    assert "Sekretarz Gminy (1)" in text and "Barbara" not in text
    assert "Podmiot zewnętrzny (stan obecny): nie" in text
    before = today - timedelta(days=30)
    earlier = client.get(f"/o/demo/moderacja/udip?date={before:%Y-%m-%d}&format=md"
                         ).content.decode()
    assert "kont: 0." in earlier and "brak opublikowanego regulaminu" in earlier


def test_a_double_click_makes_one_appeal_and_an_unmatched_one_is_matched_before_upholding(
        demo, people, comment, clause, committed, sandbox, client):
    act = hidden(committed, sandbox, people, demo, comment(), clause("insults"))
    token = form_token()
    form = {"text": "Proszę o przywrócenie.", "description": "Komentarz o urzędnikach.",
            "started": token}
    first = client.post("/o/demo/odwolanie", form)
    second = client.post("/o/demo/odwolanie", form)
    assert first["Location"] == second["Location"] and Appeal.objects.count() == 1
    appeal = Appeal.objects.get()
    with pytest.raises(ActRefused) as caught:
        appeals.appeal_decide(actor=people.supervisor, appeal=appeal, upheld=True,
                              reasons="Tak.")
    assert caught.value.code == "no_act"
    client.force_login(people.supervisor)
    client.post(f"/o/demo/moderacja/odwolania/{appeal.uuid}", {"act_reference": "M-XXXX-XXXX"})
    appeal.refresh_from_db()
    assert appeal.act is None
    client.post(f"/o/demo/moderacja/odwolania/{appeal.uuid}",
                {"act_reference": act.reference})
    appeal.refresh_from_db()
    assert appeal.act == act
    assert AuditEvent.objects.filter(verb="moderation.appeal.identified").count() == 1


def test_malformed_ids_give_404_not_500(demo, people, client):
    client.force_login(people.supervisor)
    for url in ("/o/demo/moderacja/akt?resident=abc", "/o/demo/moderacja/akt?post=1x",
                "/o/demo/moderacja/akt?message=not-a-uuid"):
        assert client.get(url).status_code == 404, url
    assert client.post("/o/demo/moderacja/wybory", {"remove": "abc"}).status_code == 404


def test_the_register_owns_up_to_comments_hidden_in_metas_own_tools(demo, people, sandbox,
                                                                   comment):
    message = comment(text="Najtańsze kredyty tylko dziś!", who="Spam Bot")
    # Someone hides it in Meta Business Suite: the same Graph call, made outside Ratusz.
    response = sandbox.http.post(f"/v25.0/{message.platform_id}", json={"is_hidden": True},
                                 headers={"Authorization": "Bearer sandbox-page-token-demo"})
    assert response.status_code == 200, response.text
    sandbox.flush()
    message.refresh_from_db()
    assert message.is_hidden and not ModerationAct.objects.exists()
    month = selectors.register(demo)["months"][0]
    assert month["outside"] == 1 and month["manual"] == 0
