"""The moderators' pages: the act form refuses what the service refuses, the queue, the
approvals, the blocks list, the rules editor and the elections page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ratusz.moderation import services
from ratusz.moderation.models import MarkedAccount, ModerationAct, Regulamin, ReviewItem
from ratusz.offices.models import Election

pytestmark = pytest.mark.django_db


def test_the_act_form_needs_a_clause_and_a_moderator(demo, people, comment, clause, client,
                                                    committed, sandbox):
    message = comment()
    url = f"/o/demo/moderacja/akt?message={message.uuid}"
    client.force_login(people.responder)
    assert client.get(url).status_code == 403
    assert client.post(url, {"message": message.uuid, "kind": "hide",
                             "clause": clause("insults").pk}).status_code == 403
    client.force_login(people.moderator)
    page = client.get(url).content.decode()
    assert message.text in page and 'data-hint="hide"' in page
    response = client.post(url, {"message": message.uuid, "kind": "hide", "clause": ""})
    assert response.status_code == 400 and not ModerationAct.objects.exists()
    response = client.post(url, {"message": message.uuid, "kind": "delete",
                                 "clause": clause("insults").pk})
    assert response.status_code == 400 and "data-refused" in response.content.decode()
    with committed():
        response = client.post(url, {"message": message.uuid, "kind": "hide",
                                     "clause": clause("insults").pk,
                                     "description": "Znieważenie <b>urzędników</b>."})
    assert response.status_code == 302
    act = ModerationAct.objects.get()
    detail = client.get(response["Location"]).content.decode()
    assert act.reference in detail and "&lt;b&gt;urzędników&lt;/b&gt;" in detail
    # The next time, the form suggests the next step of the ladder.
    sandbox.flush()
    assert 'data-hint="warning"' in client.get(
        f"/o/demo/moderacja/akt?resident={message.resident.pk}").content.decode()


def test_a_permanent_block_goes_through_the_approval_queue(demo, people, comment, clause,
                                                          client, committed, sandbox):
    message = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    client.force_login(people.moderator)
    response = client.post("/o/demo/moderacja/akt", {
        "resident": message.resident.pk, "kind": "block", "clause": clause("spam").pk})
    assert response.status_code == 302
    act = ModerationAct.objects.get()
    assert act.status == "awaiting"
    page = client.get("/o/demo/moderacja/zatwierdzenia").content.decode()
    assert act.reference in page
    assert client.post(f"/o/demo/moderacja/akty/{act.uuid}/zatwierdz").status_code == 403
    client.force_login(people.supervisor)
    with committed():
        client.post(f"/o/demo/moderacja/akty/{act.uuid}/zatwierdz")
    sandbox.flush()
    act.refresh_from_db()
    assert act.status == "done" and act.approved_by == people.supervisor
    blocks = client.get("/o/demo/moderacja/blokady").content.decode()
    assert f'data-act="{act.reference}"' in blocks


def test_a_supervisor_refuses_an_act_with_a_reason(demo, people, comment, clause, client):
    message = comment(text="Kup tanie kredyty! http://oszustwo.example", who="Spam Bot")
    act = services.act_request(actor=people.moderator, office=demo, kind="block",
                               clause=clause("spam"), resident=message.resident)
    client.force_login(people.supervisor)
    client.post(f"/o/demo/moderacja/akty/{act.uuid}/odrzuc", {"reason": ""})
    act.refresh_from_db()
    assert act.status == "awaiting"
    client.post(f"/o/demo/moderacja/akty/{act.uuid}/odrzuc",
                {"reason": "Najpierw czasowe ograniczenie."})
    act.refresh_from_db()
    assert act.status == "refused" and act.refusal == "Najpierw czasowe ograniczenie."


def test_the_review_queue_lists_flagged_and_reported_comments(demo, people, comment, client):
    threat = comment(text="Wójt, ty gnido, zajebię cię jak cię spotkam pod urzędem.")
    plain = comment(text="Znowu nikt nie odebrał śmieci z Lipowej.", who="Ewa Lis")
    client.force_login(people.responder)
    client.post(f"/zglos/{plain.uuid}", {"note": "Czy to nie spam?"})
    client.force_login(people.moderator)
    page = client.get("/o/demo/moderacja/").content.decode()
    items = ReviewItem.objects.filter(resolved_at__isnull=True)
    assert {i.message for i in items} == {threat, plain}
    for item in items:
        assert f'data-item="{item.pk}"' in page
    reported = items.get(reason="reported")
    client.post(f"/o/demo/moderacja/przeglad/{reported.pk}/bez-zmian",
                {"note": "Zwykła skarga, zostaje."})
    reported.refresh_from_db()
    assert reported.outcome == "kept" and reported.resolved_by == people.moderator
    client.force_login(people.viewer)
    assert client.get("/o/demo/moderacja/").status_code == 403


def test_the_rules_editor_blocks_an_incomplete_version_and_publishes_a_complete_one(
        demo, people, client):
    client.force_login(people.supervisor)
    assert client.get("/o/demo/moderacja/regulamin").status_code == 403
    client.force_login(people.admin)
    response = client.post("/o/demo/moderacja/regulamin")
    draft = Regulamin.objects.get(version=2)
    assert response["Location"] == "/o/demo/moderacja/regulamin/v2"
    page = client.get(response["Location"]).content.decode()
    assert "data-problems" in page and "data-about" in page
    form = {f"section-{k}": v for k, v in draft.sections.items()}
    insults = draft.clauses.get(key="insults")
    form.update({f"clause-{insults.pk}-text": "Usuwamy komentarze negatywne.",
                 f"clause-{insults.pk}-title": insults.title,
                 f"clause-{insults.pk}-legal_ground": insults.legal_ground,
                 "order_number": "", "adopted_on": "", "publish": "1"})
    client.post(response["Location"], form)
    draft.refresh_from_db()
    assert draft.is_draft  # no order number: refused
    page = client.get(response["Location"]).content.decode()
    assert "data-lint" in page and "negatywne" in page
    form.update({"order_number": "0050.30.2026", "adopted_on": "2026-11-23"})
    client.post(response["Location"], form)
    draft.refresh_from_db()
    assert not draft.is_draft and Regulamin.objects.in_force(demo) == draft
    assert draft.clauses.get(key="insults").text == "Usuwamy komentarze negatywne."


def test_elections_and_marked_accounts(demo, people, comment, client):
    message = comment(who="Kandydat Kowalski")
    client.force_login(people.moderator)
    assert client.get("/o/demo/moderacja/wybory").status_code == 200
    assert client.post("/o/demo/moderacja/wybory", {}).status_code == 403
    client.force_login(people.supervisor)
    today = timezone.localdate()
    client.post("/o/demo/moderacja/wybory", {
        "name": "Wybory uzupełniające", "campaign_start": (today - timedelta(days=20)).isoformat(),
        "voting_day": (today + timedelta(days=1)).isoformat()})
    election = Election.objects.get()
    assert services.campaign_running(demo) == election
    assert services.in_silence(demo) == election
    client.post(f"/o/demo/moderacja/konta/{message.resident.pk}/oznacz",
                {"role": "candidate", "note": "Jan Kowalski, KWW Razem",
                 "next": f"/o/demo/moderacja/akt?message={message.uuid}"})
    assert MarkedAccount.objects.get().role == "candidate"
    # During the silence, a comment naming the candidate goes to the review queue.
    mention = comment(text="Nie głosujcie na Kowalskiego, to oszust!", who="Ewa Lis")
    assert ReviewItem.objects.filter(message=mention, reason="election").exists()
    bad = client.post("/o/demo/moderacja/wybory", {
        "name": "Źle", "campaign_start": date(2026, 12, 10).isoformat(),
        "voting_day": date(2026, 12, 1).isoformat()})
    assert bad.status_code == 400 and Election.objects.count() == 1


def test_the_appeals_list_shows_undecided_and_unidentified_appeals(demo, people, client):
    from ratusz.moderation import appeals

    appeal = appeals.appeal_submit(office=demo, act_reference="nie pamiętam",
                                   account_name="Ewa", description="Komentarz o drogach.",
                                   text="Proszę o przywrócenie.", contact_email="")
    client.force_login(people.moderator)
    page = client.get("/o/demo/moderacja/odwolania")
    assert page.status_code == 200 and appeal.reference in page.content.decode()
    detail = client.get(f"/o/demo/moderacja/odwolania/{appeal.uuid}").content.decode()
    assert "Komentarz o drogach." in detail


def test_an_administrator_sets_the_facts_the_rules_are_generated_from(demo, people, client):
    from ratusz.audit.models import AuditEvent

    client.force_login(people.admin)
    page = client.get("/o/demo/moderacja/regulamin").content.decode()
    assert 'name="facts-page_operators"' in page
    form = {f"facts-{k}": v for k, v in {
        "name": demo.name, "head_title": demo.head_title, "address": demo.address,
        "email": demo.email, "phone": demo.phone, "bip_url": demo.bip_url,
        "website_url": demo.website_url, "epuap_address": demo.epuap_address,
        "edoreczenia_address": demo.edoreczenia_address, "iod_email": demo.iod_email,
        "gdpr_url": demo.gdpr_url, "accessibility_url": demo.accessibility_url,
        "page_operators": "Biuro Prasowe", "external_operator": "Agencja Przykład sp. z o.o.",
        "appeal_months": "3"}.items()}
    client.post("/o/demo/moderacja/regulamin", {**form, "facts": "1"})
    demo.refresh_from_db()
    assert demo.page_operators != "Biuro Prasowe"  # 3 months is below the minimum of 6
    client.post("/o/demo/moderacja/regulamin", {**form, "facts-appeal_months": "12",
                                                "facts": "1"})
    demo.refresh_from_db()
    assert demo.page_operators == "Biuro Prasowe" and demo.appeal_months == 12
    assert AuditEvent.objects.filter(verb="offices.office.rules_facts_changed").count() == 1
    client.post("/o/demo/moderacja/regulamin")
    draft = Regulamin.objects.get(version=2)
    assert "Agencja Przykład" in draft.sections["operators"]


def test_a_page_beyond_ones_role_explains_itself_in_polish(demo, people, client):
    client.force_login(people.responder)
    page = client.get("/o/demo/moderacja/")
    assert page.status_code == 403 and "Twoja rola na to nie pozwala" in page.content.decode()
    missing = client.get("/o/nowhere/regulamin")
    assert missing.status_code == 404 and "Nie ma takiej strony" in missing.content.decode()


def test_the_queue_and_the_blocks_list_take_a_bounded_number_of_queries(
        demo, people, comment, clause, client, committed, sandbox):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people.moderator)

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def spammer(n: int):
        message = comment(text=f"Kup tanie kredyty nr {n}! http://oszustwo.example",
                          who=f"Spam Bot {n}")
        services.review_report(actor=people.responder, message=message, note="spam?")
        with committed():
            services.act_request(actor=people.moderator, office=demo, kind="restrict",
                                 clause=clause("spam"), resident=message.resident,
                                 duration_days=7)
        sandbox.flush()

    spammer(0)
    few = {url: queries(url) for url in ("/o/demo/moderacja/", "/o/demo/moderacja/blokady")}
    for n in range(1, 6):
        spammer(n)
    for url, count in few.items():
        assert queries(url) == count, url
