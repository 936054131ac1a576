"""The office's reply templates: list, write, change (a new version) and retire."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ratusz.answers import approvals, handoffs, knowledge, services
from ratusz.answers.forms import HandoffAnswerForm, HandoffAskForm, KnowledgeForm, TemplateForm
from ratusz.answers.models import Handoff, KnowledgeEntry, ReplyDraft, ReplyTemplate
from ratusz.inbox.access import access_conversation, access_message
from ratusz.offices.access import access_office
from ratusz.offices.forms import OfficeReplyStyleForm
from ratusz.offices.models import Office, Role
from ratusz.offices.services import office_reply_style_update

VARIABLES = services.VARIABLES


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request: HttpRequest, slug: str, pk: int | None = None):
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    style = OfficeReplyStyleForm(request.POST if "style" in request.POST else None,
                                 instance=Office.objects.get(pk=office.pk), prefix="style")
    if "style" in request.POST:
        access_office(request.user, slug, role=Role.ADMIN)
        if style.is_valid():
            office_reply_style_update(actor=request.user, office=office, **{
                f: style.cleaned_data[f] for f in style.Meta.fields})
            messages.success(request, _("Saved."))
            return redirect("answers-templates", slug=office.slug)
    editing = get_object_or_404(services.current(office), pk=pk) if pk else None
    initial = {}
    if editing is not None:
        initial = {"title": editing.title, "kind": editing.kind, "keywords": editing.keywords,
                   "body": editing.body,
                   "department": editing.department.slug if editing.department else ""}
    form = TemplateForm(request.POST if "style" not in request.POST else None, office=office,
                        initial=initial)
    if request.method == "POST" and "style" not in request.POST:
        access_office(request.user, slug, role=Role.MODERATOR)
        if form.is_valid():
            data = form.cleaned_data
            services.template_save(
                actor=request.user, office=office, title=data["title"], body=data["body"],
                kind=data["kind"], keywords=data["keywords"], replaces=editing,
                department=office.departments.filter(slug=data["department"]).first())
            messages.success(request, _("Template saved."))
            return redirect("answers-templates", slug=office.slug)
    query = request.GET.get("q", "")
    return render(request, "answers/templates.html", {
        "office": office, "membership": membership, "form": form, "editing": editing,
        "templates": services.search(office, query) if query else services.current(office),
        "query": query, "variables": VARIABLES, "style": style,
        "is_admin": membership.allows(Role.ADMIN),
        "can_edit": membership.allows(Role.MODERATOR)},
        status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def template_retire(request: HttpRequest, slug: str, pk: int):
    office, _membership = access_office(request.user, slug, role=Role.MODERATOR)
    template = get_object_or_404(ReplyTemplate, office=office, pk=pk, is_current=True)
    services.template_retire(actor=request.user, template=template)
    messages.success(request, _("Template retired."))
    return redirect("answers-templates", slug=office.slug)


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_list(request: HttpRequest, slug: str):
    """The knowledge base: search it, import a CSV, add an entry."""
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    form = KnowledgeForm(request.POST or None)
    if request.method == "POST":
        access_office(request.user, slug, role=Role.MODERATOR)
        upload = request.FILES.get("csv")
        if upload is not None:
            try:
                if upload.name.lower().endswith((".xml", ".rss", ".atom")):  # a BIP feed
                    count = knowledge.entries_from_feed(actor=request.user, office=office,
                                                        feed=upload.read())
                else:
                    count = knowledge.entries_import(
                        actor=request.user, office=office,
                        csv_text=upload.read().decode("utf-8-sig"))
                messages.success(request, _("Imported %(n)s entries.") % {"n": count})
            except (UnicodeDecodeError, csv.Error, KeyError):
                messages.error(request, _("The file is not a UTF-8 CSV with the columns "
                                          "key, department, question, answer, source_url, "
                                          "keywords."))
            return redirect("answers-knowledge", slug=office.slug)
        if form.is_valid():
            data = form.cleaned_data
            knowledge.entry_save(actor=request.user, office=office, question=data["question"],
                                 answer=data["answer"], source_url=data["source_url"],
                                 keywords=data["keywords"])
            messages.success(request, _("Entry saved."))
            return redirect("answers-knowledge", slug=office.slug)
    query = request.GET.get("q", "")
    entries = [s["entry"] for s in knowledge.suggest(office, query, k=20)] if query else \
        KnowledgeEntry.objects.filter(office=office, is_active=True).select_related(
            "department")
    return render(request, "answers/knowledge.html", {
        "office": office, "membership": membership, "form": form, "entries": entries,
        "query": query, "can_edit": membership.allows(Role.MODERATOR)},
        status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def knowledge_promote(request: HttpRequest, uuid):
    """A good answer the office sent becomes an entry of the knowledge base."""
    reply = access_message(request.user, uuid, role=Role.MODERATOR)
    if reply.direction != "out" or not reply.text:
        raise Http404("Only the office's answers can be saved.")
    entry = knowledge.entry_promote(actor=request.user, reply=reply)
    messages.success(request, _("Saved to the knowledge base as “%(key)s”; add its source "
                                "there.") % {"key": entry.key})
    return redirect("inbox:conversation-detail", reply.conversation.uuid)


@login_required
@require_GET
def handoff_queue(request: HttpRequest, slug: str):
    """Questions waiting for departments: a department's people see theirs, coordinators and
    supervisors see all of them and how long each has waited."""
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    return render(request, "answers/handoffs.html", {
        "office": office, "membership": membership, "now": timezone.now(),
        "handoffs": handoffs.waiting(office, request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def handoff_detail(request: HttpRequest, slug: str, uuid):
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    handoff = get_object_or_404(Handoff.objects.select_related(
        "conversation__resident", "conversation__channel", "department", "asked_by"),
        office=office, uuid=uuid)
    form = HandoffAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            handoffs.handoff_answer(actor=request.user, handoff=handoff,
                                    draft=form.cleaned_data["draft"],
                                    note=form.cleaned_data["note"])
            messages.success(request, _("Handed back to the person answering."))
            return redirect("answers-handoffs", slug=office.slug)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "answers/handoff_detail.html", {
        "office": office, "membership": membership, "handoff": handoff, "form": form,
        "can_answer": handoffs.can_answer(request.user, handoff),
        "thread": handoff.conversation.messages.order_by("created_at", "pk")[:100]},
        status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def handoff_ask(request: HttpRequest, uuid):
    conversation = access_conversation(request.user, uuid, role=Role.RESPONDER)
    form = HandoffAskForm(request.POST, office=conversation.office)
    if form.is_valid():
        try:
            handoffs.handoff_ask(
                actor=request.user, conversation=conversation,
                department=conversation.office.departments.get(
                    slug=form.cleaned_data["department"]),
                question=form.cleaned_data["question"])
            messages.success(request, _("The department has the question."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose a department and write the question."))
    return redirect("inbox:conversation-detail", uuid=conversation.uuid)


@login_required
@require_POST
def move_private(request: HttpRequest, uuid):
    conversation = access_conversation(request.user, uuid, role=Role.RESPONDER)
    private_text = request.POST.get("private_text", "").strip()
    public_text = request.POST.get("public_text", "").strip()
    if not private_text or not public_text:
        messages.error(request, _("Write both the private message and the public words."))
    else:
        try:
            services.move_to_private(actor=request.user, conversation=conversation,
                                     private_text=private_text, public_text=public_text)
            messages.success(request, _("Moved: the private reply and the public note are on "
                                        "their way."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("inbox:conversation-detail", uuid=conversation.uuid)


@login_required
@require_GET
def draft_queue(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.SUPERVISOR)
    return render(request, "answers/drafts.html", {
        "office": office, "membership": membership,
        "drafts": ReplyDraft.objects.filter(office=office, status="pending").select_related(
            "author", "conversation__resident")})


@login_required
@require_http_methods(["GET", "POST"])
def draft_review(request: HttpRequest, slug: str, uuid):
    office, membership = access_office(request.user, slug, role=Role.SUPERVISOR)
    draft = get_object_or_404(ReplyDraft.objects.select_related("author", "conversation"),
                              office=office, uuid=uuid)
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "approve":
                approvals.draft_approve(actor=request.user, draft=draft,
                                        text=request.POST.get("text"))
                messages.success(request, _("Approved: the reply is on its way."))
            else:
                approvals.draft_return(actor=request.user, draft=draft,
                                       comment=request.POST.get("comment", ""))
                messages.success(request, _("Returned to its author with your comment."))
            return redirect("answers-drafts", slug=office.slug)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return render(request, "answers/draft_review.html", {
        "office": office, "membership": membership, "draft": draft,
        "thread": draft.conversation.messages.order_by("created_at", "pk")[:100]})
