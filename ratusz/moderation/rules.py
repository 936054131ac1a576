"""The page rules (regulamin) as versions: generate a draft from the office's data, edit it,
publish it once nothing mandatory is missing, and render any version."""

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.channels.models import Channel
from ratusz.moderation import regulamin_text as text
from ratusz.moderation.models import Clause, Regulamin
from ratusz.moderation.services import ActRefused, _require
from ratusz.moderation.statement import absolute
from ratusz.offices.models import Office, Role

TITLES = {
    "gmina": "Regulamin strony {name} w mediach społecznościowych",
}


def office_facts(office: Office, *, version: int = 1, order_number: str = "",
                 adopted_on: str = "") -> text.OfficeFacts:
    from ratusz.inbox.clock import complaints_hours, hours_in_words

    hours = hours_in_words(office)
    complaints = complaints_hours(office)
    channels = [(c.name, c.public_url)
                for c in Channel.objects.filter(office=office).order_by("name")]
    slug = office.slug
    return text.OfficeFacts(
        name=office.name, kind=office.kind, address=office.address, email=office.email,
        phone=office.phone, bip_url=office.bip_url, website_url=office.website_url,
        epuap_address=office.epuap_address, edoreczenia_address=office.edoreczenia_address,
        hours_text=hours, complaints_text="" if complaints == "-" else complaints,
        operators=office.page_operators, external_operator=office.external_operator,
        head_title=office.head_title, order_number=order_number, adopted_on=adopted_on,
        version=version, channels=channels,
        appeal_url=absolute(reverse("moderation-appeal", kwargs={"slug": slug})),
        register_url=absolute(reverse("moderation-register", kwargs={"slug": slug})),
        gdpr_url=office.gdpr_url, iod_email=office.iod_email,
        accessibility_url=office.accessibility_url,
        appeal_months=max(office.appeal_months, 6),
    )


def _drafts(regulamin: Regulamin) -> list[text.ClauseDraft]:
    return [text.ClauseDraft(number=c.number, key=c.key, title=c.title, text=c.text,
                             legal_ground=c.legal_ground, kind=c.kind,
                             allows_delete=c.allows_delete,
                             allows_permanent_block=c.allows_permanent_block)
            for c in regulamin.clauses.all()]


# The clauses the law and the RPO's position allow a permanent block for.
PERMANENT_BLOCK_KEYS = {"threats", "spam", "fake_account", "repeated_unlawful"}


def problems(regulamin: Regulamin) -> list[str]:
    found = text.blocking_problems(regulamin.sections, _drafts(regulamin))
    final = regulamin.sections.get("final", "")
    if not regulamin.order_number.strip() and text.PLACEHOLDER not in final:
        found.append(_("The number of the head of office's order (zarządzenie) is missing."))
    if regulamin.adopted_on is None and text.PLACEHOLDER not in final:
        found.append(_("The date the rules were adopted is missing."))
    for clause in regulamin.clauses.all():
        if not clause.title.strip():
            found.append(_("Clause %(n)s has no title.") % {"n": clause.number})
    return found


def lint(regulamin: Regulamin) -> list[text.LintFinding]:
    findings = text.lint(regulamin.sections, _drafts(regulamin))
    for clause in regulamin.clauses.filter(allows_permanent_block=True).exclude(
            key__in=PERMANENT_BLOCK_KEYS):
        findings.append(text.LintFinding(
            where=f"§ {clause.number}", phrase=clause.title,
            message=_("A permanent block is meant only for threats, spam or fake accounts and "
                      "repeated unlawful content; for other reasons use a restriction.")))
    return findings


def render(regulamin: Regulamin) -> str:
    return text.render_markdown(
        regulamin.sections, _drafts(regulamin), title=regulamin.title,
        version=regulamin.version,
        adopted_on=regulamin.adopted_on.isoformat() if regulamin.adopted_on else "",
        order_number=regulamin.order_number)


def about(regulamin: Regulamin) -> str:
    url = absolute(reverse("moderation-regulamin", kwargs={"slug": regulamin.office.slug}))
    return text.about_text(office_facts(regulamin.office), url)


@transaction.atomic
def regulamin_generate(*, actor, office: Office, order_number: str = "",
                       adopted_on=None) -> Regulamin:
    """A new draft version, filled from the office's data (missing facts are marked)."""
    _require(actor, office, Role.ADMIN)
    version = (Regulamin.objects.filter(office=office).aggregate(v=Max("version"))["v"]
               or 0) + 1
    facts = office_facts(office, version=version, order_number=order_number,
                         adopted_on=adopted_on.isoformat() if adopted_on else "")
    sections, clauses = text.generate(facts)
    regulamin = Regulamin.objects.create(
        office=office, version=version, title=TITLES["gmina"].format(name=office.name),
        sections=sections, order_number=order_number, adopted_on=adopted_on,
        created_by=actor)
    Clause.objects.bulk_create(
        Clause(regulamin=regulamin, number=c.number, key=c.key, title=c.title, text=c.text,
               legal_ground=c.legal_ground, kind=c.kind, allows_delete=c.allows_delete,
               allows_permanent_block=c.allows_permanent_block, position=i)
        for i, c in enumerate(clauses))
    record(actor=actor, verb="moderation.regulamin.drafted", office=office, target=regulamin,
           data={"version": version})
    return regulamin


def _editable(regulamin: Regulamin) -> Regulamin:
    locked = Regulamin.objects.select_for_update().get(pk=regulamin.pk)
    if not locked.is_draft:
        raise ActRefused(_("A published version cannot change; make a new draft."))
    return locked


@transaction.atomic
def regulamin_edit(*, actor, regulamin: Regulamin, sections: dict[str, str],
                   clauses: dict[int, dict], order_number: str, adopted_on,
                   bip_page_url: str = "") -> Regulamin:
    """Save a draft: section texts, clause texts and flags, and the order's number and date."""
    regulamin = _editable(regulamin)
    _require(actor, regulamin.office, Role.ADMIN)
    regulamin.sections = {key: (sections.get(key, regulamin.sections.get(key, "")) or "").strip()
                          for key, _title in text.SECTIONS}
    regulamin.order_number, regulamin.adopted_on = order_number.strip(), adopted_on
    regulamin.bip_page_url = bip_page_url
    if text.PLACEHOLDER in regulamin.sections.get("final", ""):
        # The closing section states the order's number and date: fill it in from them.
        facts = office_facts(regulamin.office, version=regulamin.version,
                             order_number=regulamin.order_number,
                             adopted_on=adopted_on.isoformat() if adopted_on else "")
        regulamin.sections["final"] = text.generate(facts)[0]["final"]
    regulamin.save()
    changed = []
    for clause in regulamin.clauses.all():
        values = clauses.get(clause.pk)
        if not values:
            continue
        for field in ("title", "text", "legal_ground", "allows_delete",
                      "allows_permanent_block"):
            if field in values and getattr(clause, field) != values[field]:
                setattr(clause, field, values[field])
                changed.append(clause.number)
        clause.save()
    record(actor=actor, verb="moderation.regulamin.edited", office=regulamin.office,
           target=regulamin, data={"version": regulamin.version,
                                   "clauses_changed": sorted(set(changed))})
    return regulamin


@transaction.atomic
def regulamin_publish(*, actor, regulamin: Regulamin) -> Regulamin:
    """Publish a draft: from now on it is the rules in force, and it never changes again."""
    regulamin = _editable(regulamin)
    _require(actor, regulamin.office, Role.ADMIN)
    found = problems(regulamin)
    if found:
        raise ActRefused(found)
    now = timezone.now()
    Regulamin.objects.filter(pk=regulamin.pk).update(
        status=Regulamin.Status.PUBLISHED, effective_from=now, published_at=now,
        published_by=actor)
    regulamin.refresh_from_db()
    record(actor=actor, verb="moderation.regulamin.published", office=regulamin.office,
           target=regulamin, data={"version": regulamin.version,
                                   "order_number": regulamin.order_number,
                                   "warnings": len(lint(regulamin))})
    return regulamin
