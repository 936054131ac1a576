"""Reply templates: saving versions, searching, filling in a conversation's variables, and the
template a conversation's triage flags call for."""

import re

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ratusz.answers.models import ReplyTemplate
from ratusz.audit.services import record
from ratusz.inbox.models import Conversation
from ratusz.lib.text import fill
from ratusz.offices.access import require_role
from ratusz.offices.models import Office, Role
from ratusz.triage.analysis.normalize import fold

FLAG_KINDS = [("urgent", ReplyTemplate.Kind.EMERGENCY),
              ("public_information_request", ReplyTemplate.Kind.UDIP),
              ("formal_matter", ReplyTemplate.Kind.FORMAL)]


def current(office: Office):
    return ReplyTemplate.objects.filter(office=office, is_current=True).select_related(
        "department")


def search(office: Office, query: str, department=None) -> list[ReplyTemplate]:
    """Templates whose title, keywords or text contain every word asked for, with or without
    Polish letters ("podatek nieruchomosci" finds "podatku od nieruchomości")."""
    words = [w[:max(4, len(w) - 2)] for w in fold(query or "").text.split() if len(w) > 1]
    found = []
    for template in current(office):
        haystack = fold(f"{template.title} {template.keywords} {template.body}").text
        if all(word in haystack for word in words):
            found.append(template)
    if department is not None:  # the person's own department first
        found.sort(key=lambda t: (t.department_id != department.pk, t.title))
    return found


# What a template may use, in Polish, as staff write them (filled in by `variables`).
VARIABLES = ["imie", "imie_przecinek", "urzad", "adres", "email", "telefon", "bip", "strona",
             "epuap", "edoreczenia", "godziny", "najblizsze_otwarcie", "regulamin", "termin",
             "podpis"]


def variables(conversation: Conversation) -> dict[str, str]:
    """What a template may use, in Polish, as staff write them: {imie}, {urzad}, ..."""
    from ratusz.inbox.clock import hours_in_words, office_calendar, when_in_words
    from ratusz.moderation.statement import polish_date

    office = conversation.office
    name = conversation.resident.display_name if conversation.resident else ""
    opening = office_calendar(office).next_opening(timezone.now())
    udip = conversation.deadlines.filter(rule__startswith="udip", status="open").first()
    first = name.split(" ")[0] if name else ""
    return {
        "imie": first, "imie_przecinek": f", {first}" if first else ",",
        "urzad": office.name, "adres": office.address, "email": office.email,
        "telefon": office.phone, "bip": office.bip_url, "strona": office.website_url,
        "epuap": office.epuap_address, "edoreczenia": office.edoreczenia_address,
        "godziny": hours_in_words(office),
        "najblizsze_otwarcie": when_in_words(opening) if opening else "",
        "regulamin": office.rules_url, "termin": polish_date(udip.legal_end) if udip else "",
        "podpis": office.reply_signature,
    }


def render(template: ReplyTemplate, conversation: Conversation) -> str:
    return fill(template.body, variables(conversation)).strip()


def suggested(conversation: Conversation) -> ReplyTemplate | None:
    """The guidance a conversation's flags call for: an emergency, a request for public
    information, a formal matter."""
    from ratusz.triage.models import Analysis

    flags = Analysis.objects.filter(message__conversation=conversation).select_related(
        "message").order_by("-message__created_at").first()
    if flags is None:
        return None
    for flag, kind in FLAG_KINDS:
        if getattr(flags, flag):
            if kind == ReplyTemplate.Kind.FORMAL and re.search(
                    r"\b(skarg|zazal|reklamac)", fold(flags.message.text).text):
                kind = ReplyTemplate.Kind.COMPLAINT
            return current(conversation.office).filter(kind=kind).first()
    return None


@transaction.atomic
def template_save(*, actor, office: Office, title: str, body: str, kind: str,
                  keywords: str = "", department=None,
                  replaces: ReplyTemplate | None = None) -> ReplyTemplate:
    """A new template, or a new version of one (the old version stays, no longer offered)."""
    require_role(actor, office, Role.MODERATOR)
    family, version = None, 1
    if replaces is not None:
        family = replaces.family
        version = (ReplyTemplate.objects.filter(family=family).aggregate(v=Max("version"))["v"]
                   or 0) + 1
        ReplyTemplate.objects.filter(family=family, is_current=True).update(is_current=False)
    template = ReplyTemplate.objects.create(
        office=office, department=department, kind=kind, title=title.strip()[:200],
        keywords=keywords.strip()[:300], body=body.strip(), created_by=actor, version=version,
        **({"family": family} if family else {}))
    record(actor=actor, verb="answers.template.saved", office=office, target=template,
           data={"title": template.title, "version": version, "kind": kind})
    return template


@transaction.atomic
def template_retire(*, actor, template: ReplyTemplate) -> None:
    require_role(actor, template.office, Role.MODERATOR)
    ReplyTemplate.objects.filter(family=template.family, is_current=True).update(
        is_current=False)
    record(actor=actor, verb="answers.template.retired", office=template.office,
           target=template, data={"title": template.title})


def from_entry(entry, conversation: Conversation) -> str:
    """A knowledge-base entry as the start of a reply, with its source and the signature."""
    values = variables(conversation)
    source = f"\n\nWięcej: {entry.source_url}" if entry.source_url else ""
    return (f"Dzień dobry{values['imie_przecinek']}\n\n{entry.answer.strip()}{source}"
            f"\n\nPozdrawiamy,\n{values['podpis']}").strip()


@transaction.atomic
def move_to_private(*, actor, conversation: Conversation, private_text: str,
                    public_text: str):
    """Move a public comment to a private conversation: the one private reply Meta allows
    (within 7 days), and a public acknowledgement that exposes no personal data (the inbox
    refuses one that does)."""
    from ratusz.inbox.services import ReplyMode, reply_send

    private = reply_send(actor=actor, conversation=conversation, text=private_text,
                         mode=ReplyMode.PRIVATE)
    public = reply_send(actor=actor, conversation=conversation, text=public_text,
                        mode=ReplyMode.PUBLIC)
    record(actor=actor, verb="answers.conversation.moved_private", office=conversation.office,
           target=conversation, data={"private": str(private.uuid), "public": str(public.uuid)})
    return private, public


def acknowledgement(conversation: Conversation) -> str:
    """The public words that go with a move to a private channel."""
    template = current(conversation.office).filter(kind=ReplyTemplate.Kind.PRIVATE).first()
    if template is not None:
        return render(template, conversation)
    return "Dzień dobry, odpowiedzieliśmy w wiadomości prywatnej."
