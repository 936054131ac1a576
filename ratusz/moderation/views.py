"""Moderation pages: public ones (the rules, appeals, the register, a statement of reasons)
and the moderators' desk (review queue, acts, approvals, blocks, appeals, the rules editor)."""

import csv
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ratusz.inbox.access import access_message
from ratusz.inbox.models import Post, Resident
from ratusz.moderation import appeals, rules, selectors, services, statement
from ratusz.moderation.forms import (
    ActForm,
    AppealForm,
    DecideForm,
    ElectionForm,
    IdentifyForm,
    KeepForm,
    MarkForm,
    RefuseForm,
    ReportForm,
)
from ratusz.moderation.models import (
    Appeal,
    MarkedAccount,
    ModerationAct,
    Regulamin,
    ReviewItem,
)
from ratusz.moderation.regulamin_text import SECTIONS
from ratusz.offices.access import SLUG, access_office
from ratusz.offices.forms import OfficeRulesFactsForm
from ratusz.offices.models import Election, Office, Role
from ratusz.offices.services import office_rules_facts_update
from ratusz.triage.models import PROTECTED_IDENTIFIERS


def client_address(request: HttpRequest) -> str:
    """The resident's address: behind the office's proxy, the one the proxy appended."""
    if settings.RATUSZ_BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def _public_office(slug: str) -> Office:
    if not SLUG.fullmatch(slug or ""):
        raise Http404("No such office.")
    return get_object_or_404(Office, slug=slug)


# -- public pages ---------------------------------------------------------------------------------

@require_GET
def regulamin_public(request: HttpRequest, slug: str, version: int | None = None):
    """The rules in force (or an earlier version), with links to every published version."""
    office = _public_office(slug)
    published = Regulamin.objects.published().filter(office=office)
    current = Regulamin.objects.in_force(office)
    shown = current if version is None else get_object_or_404(published, version=version)
    if shown is None:
        return render(request, "moderation/regulamin_public.html",
                      {"office": office, "shown": None, "versions": []}, status=404)
    if request.GET.get("format") == "md":
        return HttpResponse(rules.render(shown), content_type="text/markdown; charset=utf-8")
    return render(request, "moderation/regulamin_public.html", {
        "office": office, "shown": shown, "current": current,
        "versions": published.order_by("-version"),
        "sections": [(key, title, shown.sections.get(key, "")) for key, title in SECTIONS],
        "clauses": list(shown.clauses.all()),
    })


@require_GET
def statement_public(request: HttpRequest, slug: str, uuid):
    """A statement of reasons, at the unguessable link the resident was sent."""
    office = _public_office(slug)
    act = get_object_or_404(ModerationAct, office=office, uuid=uuid)
    return render(request, "moderation/statement.html", {"office": office, "act": act})


@require_http_methods(["GET", "POST"])
def appeal_public(request: HttpRequest, slug: str):
    """The appeal form: works without a Facebook account, for blocked people too."""
    office = _public_office(slug)
    form = AppealForm(request.POST or None, initial={"act_reference": request.GET.get("nr", "")})
    sender = client_address(request)
    if request.method == "POST" and form.is_valid():
        replay = Appeal.objects.filter(office=office,
                                       form_nonce=form.cleaned_data["nonce"]).first()
        if replay is not None:  # a double click: show the appeal already recorded
            return redirect("moderation-appeal-status", slug=office.slug, uuid=replay.uuid)
        if appeals.too_many(office, sender):
            form.add_error(None, _("Too many appeals were sent from here in the last hour. "
                                   "Please try again later or write to the office."))
        else:
            data = form.cleaned_data
            appeal = appeals.appeal_submit(
                office=office, act_reference=data["act_reference"],
                account_name=data["account_name"], description=data["description"],
                text=data["text"], contact_email=data["contact_email"], sender=sender,
                nonce=data["nonce"])
            return redirect("moderation-appeal-status", slug=office.slug, uuid=appeal.uuid)
    return render(request, "moderation/appeal_form.html", {
        "office": office, "form": form, "regulamin": Regulamin.objects.in_force(office)},
        status=400 if request.method == "POST" else 200)


@require_GET
def appeal_status(request: HttpRequest, slug: str, uuid):
    office = _public_office(slug)
    appeal = get_object_or_404(Appeal.objects.select_related("act"), office=office, uuid=uuid)
    return render(request, "moderation/appeal_status.html", {"office": office,
                                                             "appeal": appeal})


@require_GET
def register_public(request: HttpRequest, slug: str):
    """Counts per month, never identities: what courts treat as public information."""
    office = _public_office(slug)
    data = selectors.register(office)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="rejestr-moderacji-{slug}.csv"'
        writer = csv.writer(response)
        kinds = [str(k) for k in data["kinds"]]
        writer.writerow(["miesiac", *kinds, "automatyczne", "reczne", "odwolania",
                         "uwzglednione", "cofniete", "ukryte_poza_ratuszem",
                         "wedlug_punktu_regulaminu"])
        for row in data["months"]:
            writer.writerow([row["month"], *(n for _kind, n in row["cells"]), row["automatic"],
                             row["manual"], row["appeals"], row["upheld"], row["reversals"],
                             row["outside"],
                             "; ".join(f"{k}: {v}" for k, v in sorted(row["clauses"].items()))])
        return response
    return render(request, "moderation/register.html", {"office": office, **data})


# -- the moderators' desk -------------------------------------------------------------------------

@login_required
@require_GET
def queue(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.MODERATOR)
    items = list(selectors.review_queue(office))
    for item in items:  # staff judge the words; identifiers are not needed for that
        analysis = getattr(item.message, "analysis", None)
        item.masked_text = statement.masked(
            item.message.text, analysis.personal_items if analysis else [],
            PROTECTED_IDENTIFIERS)
    return render(request, "moderation/queue.html", {
        "office": office, "membership": membership, "items": items,
        "now": timezone.now(), "awaiting": selectors.awaiting_approval(office).count(),
        "regulamin": Regulamin.objects.in_force(office),
        "appeals_open": Appeal.objects.filter(office=office,
                                              status=Appeal.Status.RECEIVED).count(),
    })


def _act_targets(request, office):
    """What the act form concerns, from ?message=, ?resident= or ?post=."""
    message = resident = post = None
    source = request.POST if request.method == "POST" else request.GET
    for key in ("resident", "post"):
        if source.get(key) and not str(source[key]).isdigit():
            raise Http404("No such object.")
    if source.get("message"):
        message = access_message(request.user, source["message"], role=Role.MODERATOR)
        if message.conversation.office_id != office.pk:
            raise Http404("No such message.")
        resident, post = message.resident, message.conversation.post
    if source.get("resident"):
        resident = get_object_or_404(Resident, pk=source["resident"], channel__office=office)
    if source.get("post"):
        post = get_object_or_404(Post, pk=source["post"], channel__office=office)
    return message, resident, post


def _kinds_for(message, resident, post) -> list[str]:
    kinds = []
    if message is not None and message.kind == "comment" and message.direction == "in":
        kinds += ["unhide"] if message.is_hidden else ["hide"]
        kinds += ["delete"]
    if resident is not None:
        kinds += ["warning", "restrict", "block", "unblock"]
    if post is not None:
        kinds += ["comments_off", "comments_on"]
    return kinds


@login_required
@require_http_methods(["GET", "POST"])
def act_new(request: HttpRequest, slug: str):
    """Act with a clause and reasons, after seeing the account's history."""
    office, membership = access_office(request.user, slug, role=Role.MODERATOR)
    message, resident, post = _act_targets(request, office)
    kinds = _kinds_for(message, resident, post)
    if not kinds:
        raise Http404("Nothing to moderate here.")
    regulamin = Regulamin.objects.in_force(office)
    suggested = request.GET.get("kind") or selectors.ladder_hint(resident)
    if suggested not in kinds:
        suggested = kinds[0]
    form = ActForm(request.POST or None, regulamin=regulamin, kinds=kinds,
                   initial={"kind": suggested})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            act = services.act_request(
                actor=request.user, office=office, kind=data["kind"], clause=data["clause"],
                message=message, resident=resident, post=post,
                description=data["description"], duration_days=data["duration_days"])
        except services.ActRefused as refusal:
            for text in refusal.messages:
                form.add_error(None, text)
        else:
            if act.status == ModerationAct.Status.AWAITING_APPROVAL:
                messages.info(request, _("The act waits for a supervisor's approval."))
            else:
                messages.success(request, _("The act is being carried out on the platform."))
            return redirect("moderation-act", slug=office.slug, uuid=act.uuid)
    elif request.method == "POST" and not form.is_valid() and "clause" in form.errors:
        form.errors["clause"] = form.error_class([_("Choose the clause of the page rules the act "
                                                    "is based on.")])
    return render(request, "moderation/act_form.html", {
        "office": office, "membership": membership, "form": form, "message": message,
        "resident": resident, "post": post, "regulamin": regulamin,
        "history": selectors.history(resident), "hint": selectors.ladder_hint(resident),
        "marked": resident is not None and resident.markedaccount_set.filter(
            office=office).first(),
        "mark_form": MarkForm(),
        "campaign": services.campaign_running(office),
    }, status=400 if request.method == "POST" else 200)


def _act(request, slug: str, uuid, role=Role.MODERATOR):
    office, membership = access_office(request.user, slug, role=role)
    act = get_object_or_404(ModerationAct.objects.select_related(
        "clause", "regulamin", "actor", "approved_by", "resident", "message", "channel"),
        office=office, uuid=uuid)
    return office, membership, act


@login_required
@require_GET
def act_detail(request: HttpRequest, slug: str, uuid):
    office, membership, act = _act(request, slug, uuid)
    return render(request, "moderation/act_detail.html", {
        "office": office, "membership": membership, "act": act, "refuse_form": RefuseForm(),
        "can_approve": membership.allows(Role.SUPERVISOR) and act.actor_id != request.user.pk,
        "appeals": act.appeals.all()})


@login_required
@require_POST
def act_approve(request: HttpRequest, slug: str, uuid):
    office, _membership, act = _act(request, slug, uuid, role=Role.SUPERVISOR)
    try:
        services.act_approve(actor=request.user, act=act)
        messages.success(request, _("Approved: the act is being carried out."))
    except services.ActRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
    return redirect("moderation-act", slug=office.slug, uuid=act.uuid)


@login_required
@require_POST
def act_refuse(request: HttpRequest, slug: str, uuid):
    office, _membership, act = _act(request, slug, uuid, role=Role.SUPERVISOR)
    form = RefuseForm(request.POST)
    try:
        services.act_refuse(actor=request.user, act=act,
                            reason=form.data.get("reason", ""))
        messages.success(request, _("Refused."))
    except services.ActRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
    return redirect("moderation-act", slug=office.slug, uuid=act.uuid)


@login_required
@require_GET
def approvals(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.MODERATOR)
    return render(request, "moderation/approvals.html", {
        "office": office, "membership": membership,
        "acts": selectors.awaiting_approval(office)})


@login_required
@require_GET
def blocks(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.MODERATOR)
    return render(request, "moderation/blocks.html", {
        "office": office, "membership": membership, "acts": selectors.blocks(office),
        "now": timezone.now(), "keep_form": KeepForm()})


@login_required
@require_POST
def block_keep(request: HttpRequest, slug: str, uuid):
    office, _membership, act = _act(request, slug, uuid, role=Role.SUPERVISOR)
    form = KeepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the days until the next review and why the block "
                                  "stays."))
    else:
        try:
            services.block_keep(actor=request.user, act=act, days=form.cleaned_data["days"],
                                note=form.cleaned_data["note"])
            messages.success(request, _("The block stays; the next review is set."))
        except services.ActRefused as refusal:
            messages.error(request, " ".join(refusal.messages))
    return redirect("moderation-blocks", slug=office.slug)


@login_required
@require_POST
def review_keep(request: HttpRequest, slug: str, pk: int):
    office, _membership = access_office(request.user, slug, role=Role.MODERATOR)
    item = get_object_or_404(ReviewItem, office=office, pk=pk)
    services.review_keep(actor=request.user, item=item, note=request.POST.get("note", ""))
    messages.success(request, _("Left as it is; the review is recorded."))
    return redirect("moderation-queue", slug=office.slug)


@login_required
@require_POST
def review_report(request: HttpRequest, uuid):
    message = access_message(request.user, uuid, role=Role.RESPONDER)
    form = ReportForm(request.POST)
    form.is_valid()
    services.review_report(actor=request.user, message=message,
                           note=form.cleaned_data.get("note", ""))
    messages.success(request, _("A moderator will look at the comment."))
    return redirect("inbox:conversation-detail", message.conversation.uuid)


@login_required
@require_GET
def appeal_list(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.MODERATOR)
    return render(request, "moderation/appeal_list.html", {
        "office": office, "membership": membership,
        "appeals": Appeal.objects.filter(office=office).select_related(
            "act__clause", "decided_by")[:200]})


@login_required
@require_http_methods(["GET", "POST"])
def appeal_decide(request: HttpRequest, slug: str, uuid):
    office, membership = access_office(request.user, slug, role=Role.MODERATOR)
    appeal = get_object_or_404(Appeal.objects.select_related("act__clause", "act__actor"),
                               office=office, uuid=uuid)
    if request.method == "POST" and "act_reference" in request.POST:
        try:
            appeals.appeal_identify(actor=request.user, appeal=appeal,
                                    act_reference=request.POST["act_reference"])
            messages.success(request, _("The appeal is matched to its act."))
        except services.ActRefused as refusal:
            messages.error(request, " ".join(refusal.messages))
        return redirect("moderation-appeal-decide", slug=office.slug, uuid=appeal.uuid)
    form = DecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            appeals.appeal_decide(actor=request.user, appeal=appeal,
                                  upheld=form.cleaned_data["upheld"],
                                  reasons=form.cleaned_data["reasons"])
            messages.success(request, _("The appeal is decided."))
            return redirect("moderation-appeals", slug=office.slug)
        except services.ActRefused as refusal:
            for text in refusal.messages:
                form.add_error(None, text)
    return render(request, "moderation/appeal_decide.html", {
        "office": office, "membership": membership, "appeal": appeal, "form": form,
        "identify_form": IdentifyForm(),
        "history": selectors.history(appeal.act.resident if appeal.act else None)},
        status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def udip_pack(request: HttpRequest, slug: str):
    """The answer to the usual request about the office's social media, for any date."""
    office, membership = access_office(request.user, slug, role=Role.SUPERVISOR)
    day = parse_date(request.GET.get("date", "") or "") or timezone.localdate()
    pack = selectors.udip_pack(office, min(day, timezone.localdate()))
    text = render_to_string("moderation/udip_pack.md", pack)  # plain text, not HTML
    if request.GET.get("format") == "md":
        return HttpResponse(text, content_type="text/markdown; charset=utf-8")
    return render(request, "moderation/udip_pack.html", {
        "office": office, "membership": membership, "text": text, **pack})


# -- the rules editor -----------------------------------------------------------------------------

def _url_or_blank(value: str) -> str:
    value = (value or "").strip()[:200]
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


@login_required
@require_http_methods(["GET", "POST"])
def regulamin_admin(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    facts = OfficeRulesFactsForm(request.POST if "facts" in request.POST else None,
                                 instance=Office.objects.get(pk=office.pk), prefix="facts")
    if request.method == "POST" and "facts" in request.POST:
        if facts.is_valid():
            office_rules_facts_update(actor=request.user, office=office, **{
                f: facts.cleaned_data[f] for f in facts.Meta.fields})
            messages.success(request, _("Saved. Draft a new version to use the new facts."))
            return redirect("moderation-regulamin-admin", slug=office.slug)
    elif request.method == "POST":
        draft = rules.regulamin_generate(actor=request.user, office=office)
        messages.success(request, _("A new draft was generated from the office's data. "
                                    "Check it, fill what is marked, then publish it."))
        return redirect("moderation-regulamin-edit", slug=office.slug, version=draft.version)
    return render(request, "moderation/regulamin_admin.html", {
        "office": office, "membership": membership, "facts": facts,
        "versions": Regulamin.objects.filter(office=office).order_by("-version"),
        "current": Regulamin.objects.in_force(office)})


@login_required
@require_http_methods(["GET", "POST"])
def regulamin_edit(request: HttpRequest, slug: str, version: int):
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    regulamin = get_object_or_404(Regulamin, office=office, version=version)
    if request.method == "POST":
        if not regulamin.is_draft:
            raise PermissionDenied("A published version cannot change.")
        post = request.POST
        clauses = {}
        for clause in regulamin.clauses.all():
            prefix = f"clause-{clause.pk}-"
            clauses[clause.pk] = {
                "title": post.get(prefix + "title", clause.title).strip()[:200],
                "text": post.get(prefix + "text", clause.text).strip(),
                "legal_ground": post.get(prefix + "legal_ground",
                                         clause.legal_ground).strip()[:300],
                "allows_delete": post.get(prefix + "allows_delete") == "on",
                "allows_permanent_block": post.get(prefix + "allows_permanent_block") == "on",
            }
        adopted = parse_date(post.get("adopted_on", "") or "")
        regulamin = rules.regulamin_edit(
            actor=request.user, regulamin=regulamin,
            sections={key: post.get(f"section-{key}", "") for key, _t in SECTIONS},
            clauses=clauses, order_number=post.get("order_number", "")[:100],
            adopted_on=adopted if isinstance(adopted, date) else None,
            bip_page_url=_url_or_blank(post.get("bip_page_url", "")))
        if post.get("publish"):
            try:
                rules.regulamin_publish(actor=request.user, regulamin=regulamin)
                messages.success(request, _("Published: this version is now in force."))
                return redirect("moderation-regulamin-admin", slug=office.slug)
            except services.ActRefused as refusal:
                for text in refusal.messages:
                    messages.error(request, text)
        else:
            messages.success(request, _("Draft saved."))
        return redirect("moderation-regulamin-edit", slug=office.slug, version=version)
    return render(request, "moderation/regulamin_edit.html", {
        "office": office, "membership": membership, "regulamin": regulamin,
        "sections": [(key, title, regulamin.sections.get(key, "")) for key, title in SECTIONS],
        "clauses": list(regulamin.clauses.all()), "problems": rules.problems(regulamin),
        "lint": rules.lint(regulamin), "about": rules.about(regulamin),
        "markdown": rules.render(regulamin)})


@login_required
@require_http_methods(["GET", "POST"])
def elections(request: HttpRequest, slug: str):
    """Election dates, and the accounts marked as candidates' or committees'."""
    office, membership = access_office(request.user, slug, role=Role.MODERATOR)
    form = ElectionForm(request.POST or None)
    if request.method == "POST":
        if not membership.allows(Role.SUPERVISOR):
            raise PermissionDenied("Supervisors record elections.")
        if request.POST.get("remove"):
            if not request.POST["remove"].isdigit():
                raise Http404("No such election.")
            election = get_object_or_404(Election, office=office, pk=request.POST["remove"])
            services.election_remove(actor=request.user, election=election)
            messages.success(request, _("Removed."))
            return redirect("moderation-elections", slug=office.slug)
        if form.is_valid():
            try:
                services.election_add(actor=request.user, office=office, **form.cleaned_data)
                messages.success(request, _("Election dates saved."))
                return redirect("moderation-elections", slug=office.slug)
            except services.ActRefused as refusal:
                form.add_error(None, " ".join(refusal.messages))
    return render(request, "moderation/elections.html", {
        "office": office, "membership": membership, "form": form,
        "elections": Election.objects.filter(office=office),
        "campaign": services.campaign_running(office), "silence": services.in_silence(office),
        "marked": MarkedAccount.objects.filter(office=office).select_related(
            "resident__channel")}, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def account_mark(request: HttpRequest, slug: str, pk: int):
    office, _membership = access_office(request.user, slug, role=Role.SUPERVISOR)
    resident = get_object_or_404(Resident, pk=pk, channel__office=office)
    form = MarkForm(request.POST)
    form.is_valid()
    services.account_mark(actor=request.user, office=office, resident=resident,
                          role=form.cleaned_data.get("role") or None,
                          note=form.cleaned_data.get("note", ""))
    messages.success(request, _("Saved."))
    back = str(request.POST.get("next", ""))
    if back.startswith(f"/o/{office.slug}/moderacja/"):  # only back into this desk
        return redirect(back)
    return redirect("moderation-elections", slug=office.slug)
