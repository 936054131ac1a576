from datetime import timedelta
from uuid import UUID, uuid4

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ratusz.answers import approvals, handoffs
from ratusz.answers.forms import HandoffAskForm
from ratusz.channels.models import Channel
from ratusz.inbox import deadlines as deadline_services
from ratusz.inbox import selectors, services, tone
from ratusz.inbox.access import access_conversation, access_deadline, access_message
from ratusz.inbox.forms import AssignForm, NoteForm, ReplyForm, StatusForm
from ratusz.inbox.models import Deadline, Presence
from ratusz.offices.access import access_office, offices_of
from ratusz.offices.models import Role
from ratusz.triage import selectors as triage_selectors
from ratusz.triage import services as triage_services
from ratusz.triage.models import FLAG_LABELS


def _current_office(request: HttpRequest):
    """The office asked for (?office=), else the one in the session, else the first one."""
    asked = request.GET.get("office", "")
    if asked:
        office, membership = access_office(request.user, asked)
    else:
        try:
            office, membership = access_office(request.user, request.session.get("office", ""))
        except Http404:  # no choice yet, or the person left that office
            offices = offices_of(request.user)
            if not offices:
                raise
            office, membership = access_office(request.user, offices[0].slug)
    if request.session.get("office") != office.slug:
        request.session["office"] = office.slug
    return office, membership


@login_required
@require_GET
def conversation_list(request: HttpRequest) -> HttpResponse:
    office, membership = _current_office(request)
    filters = selectors.InboxFilter.from_query(request.GET)
    context = {
        "office": office, "membership": membership, "filters": filters,
        "conversations": triage_selectors.conversation_flags(
            selectors.conversation_list(office, request.user, filters)),
        "flag_choices": [(f, FLAG_LABELS[f]) for f in triage_selectors.ORDER],
        "counts": selectors.status_counts(office), "offices": offices_of(request.user),
        "departments": office.departments.all(), "query": request.GET.urlencode(),
        "broken_channels": office.channels.filter(status=Channel.Status.BROKEN),
        "now": timezone.now(),
    }
    if request.htmx:
        return render(request, "inbox/_conversation_rows.html", context)
    return render(request, "inbox/conversation_list.html", context)


def _uuid_or_none(value: str):
    try:
        return UUID(str(value))
    except ValueError:
        return None


def _messages_context(request, conversation) -> dict:
    """What the thread's messages need: the page polls for this every few seconds, so the
    composer's suggestions and searches are not computed for it."""
    membership = conversation.office.memberships.get(user=request.user)
    return {"conversation": conversation, "office": conversation.office,
            "membership": membership, "can_write": membership.allows(Role.RESPONDER),
            "can_moderate": membership.allows(Role.MODERATOR),
            "messages_list": triage_selectors.attach(selectors.thread_messages(conversation))}


def _thread_context(request, conversation, **extra):
    from ratusz.answers import services as answers

    membership = conversation.office.memberships.get(user=request.user)
    modes = services.reply_modes(conversation)
    from ratusz.answers import knowledge
    from ratusz.answers.models import KnowledgeEntry

    inserted = ""
    chosen, entry_id = request.GET.get("template", ""), request.GET.get("kb", "")
    if chosen.isdigit():  # a template, filled in with this conversation's details
        template = answers.current(conversation.office).filter(pk=chosen).first()
        inserted = answers.render(template, conversation) if template else ""
    elif request.GET.get("handoff"):  # a department's draft answer
        wanted = _uuid_or_none(request.GET["handoff"])
        handoff = conversation.handoffs.filter(uuid=wanted).first() if wanted else None
        inserted = handoff.draft if handoff else ""
    elif entry_id.isdigit():  # a knowledge-base entry, with its source
        entry = KnowledgeEntry.objects.filter(office=conversation.office, pk=entry_id,
                                              is_active=True).first()
        inserted = answers.from_entry(entry, conversation) if entry else ""
    asked = conversation.messages.filter(direction="in").exclude(text="").order_by(
        "-created_at").values_list("text", flat=True).first() or ""
    from ratusz.answers import llm

    llm_draft, llm_error = None, ""
    if request.GET.get("llm") and llm.enabled(conversation.office) and asked:
        try:  # only fills the composer: a person reads, edits and sends it, or not
            llm_draft = llm.draft(conversation.office, asked)
            inserted = llm_draft.text
        except llm.Unavailable as error:
            llm_error = str(error)
    latest = conversation.messages.order_by("-pk").values_list("pk", flat=True).first() or 0
    reply_form = extra.pop("reply_form", None) or ReplyForm(
        initial={"mode": modes[0], "submission": uuid4().hex, "text": inserted,
                 "footer": True, "seen": latest})
    query = request.GET.get("tq", "")
    templates = answers.search(conversation.office, query, membership.department)[:8] \
        if query else list(answers.current(conversation.office)[:8])
    reply_form.fields["mode"].choices = [
        c for c in reply_form.fields["mode"].choices if c[0] in modes
    ]
    return {
        **_messages_context(request, conversation),
        "notes": conversation.notes.select_related("author"),
        "reply_form": reply_form, "note_form": NoteForm(),
        "assign_form": AssignForm(office=conversation.office, initial={
            "assignee": conversation.assignee_id or "",
            "department": conversation.department.slug if conversation.department else "",
        }),
        "window": services.window_status(conversation),
        "private_reply": services.private_reply_status(conversation),
        "deadlines": conversation.deadlines.order_by("status", "legal_end"),
        "deadline_rules": Deadline.Rule.choices, "today": timezone.localdate(),
        "templates": templates, "template_query": query,
        "suggested_template": answers.suggested(conversation),
        "knowledge": knowledge.suggest(conversation.office, asked) if asked else [],
        "llm_enabled": llm.enabled(conversation.office), "llm_draft": llm_draft,
        "llm_error": llm_error,
        "past_answers": knowledge.past_answers(conversation.office, asked,
                                               exclude_conversation=conversation)
        if asked else [],
        "footer": conversation.office.reply_footer,
        "handoffs": conversation.handoffs.select_related("department", "answered_by"),
        "drafts": conversation.reply_drafts.exclude(status="approved").select_related(
            "author", "reviewer"),
        "handoff_form": HandoffAskForm(office=conversation.office),
        "acknowledgement": answers.acknowledgement(conversation)
        if conversation.kind == "comments" else "", **extra,
    }


@login_required
@require_GET
def conversation_detail(request: HttpRequest, uuid) -> HttpResponse:
    conversation = access_conversation(request.user, uuid)
    if request.htmx and request.GET.get("part") == "messages":
        return render(request, "inbox/_thread_messages.html",
                      _messages_context(request, conversation))
    return render(request, "inbox/conversation_detail.html",
                  _thread_context(request, conversation))


@login_required
@require_POST
def reply_create(request: HttpRequest, uuid) -> HttpResponse:
    conversation = access_conversation(request.user, uuid, role=Role.RESPONDER)
    form = ReplyForm(request.POST)
    findings = []
    if form.is_valid():
        data = form.cleaned_data
        findings = tone.check(data["text"], public=data["mode"] == "public",
                              style=tone.office_style(conversation.office))
        warnings = [f for f in findings if f.severity == tone.WARNING]
        if "check" in request.POST:  # only the check, nothing is sent
            context = _thread_context(request, conversation, reply_form=form,
                                      findings=findings)
            return render(request, "inbox/conversation_detail.html", context)
        others = conversation.messages.filter(
            direction="out", origin="desk", pk__gt=data["seen"] or 0).exclude(
            author_user=request.user).select_related("author_user").first()
        if others is not None and not data["confirm_other"]:
            form.add_error(None, _("%(who)s answered this conversation while you were writing. "
                                   "Read their answer; tick the box to send yours too.")
                           % {"who": others.author_label or _("Someone")})
            findings.append(tone.Finding("collision", tone.WARNING, _("Someone else answered "
                                         "meanwhile."), others.text[:200]))
        elif any(f.severity == tone.BLOCKING for f in findings):
            form.add_error(None, _("The reply cannot go out as it is: see the check below."))
        elif warnings and not data["confirm"]:
            form.add_error(None, _("Read the warnings below; change the reply, or tick the box "
                                   "to send it as it is."))
        else:
            text = data["text"]
            footer = conversation.office.reply_footer.strip()
            if data["footer"] and footer and data["mode"] == "public":
                text = f"{text.strip()}\n\n{footer}"
            reason = approvals.needs_approval(request.user, conversation)
            if reason:  # it waits for a supervisor; nothing is sent yet
                approvals.draft_submit(actor=request.user, conversation=conversation,
                                       text=text, mode=data["mode"], reason=reason)
                messages.info(request, _("The reply waits for a supervisor's approval."))
                return redirect("inbox:conversation-detail", uuid=conversation.uuid)
            try:
                services.reply_send(actor=request.user, conversation=conversation, text=text,
                                    mode=data["mode"], submission_key=data["submission"])
                handoffs.mark_used(conversation, text)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The reply is on its way."))
                return redirect("inbox:conversation-detail", uuid=conversation.uuid)
    context = _thread_context(request, conversation, reply_form=form, findings=findings)
    return render(request, "inbox/conversation_detail.html", context, status=400)


@login_required
@require_POST
def conversation_assign(request: HttpRequest, uuid) -> HttpResponse:
    conversation = access_conversation(request.user, uuid, role=Role.RESPONDER)
    form = AssignForm(request.POST, office=conversation.office)
    if form.is_valid():
        assignee_id = form.cleaned_data["assignee"]
        slug = form.cleaned_data["department"]
        services.conversation_assign(
            actor=request.user, conversation=conversation,
            assignee=get_user_model().objects.get(pk=assignee_id) if assignee_id else None,
            department=conversation.office.departments.get(slug=slug) if slug else None,
        )
        messages.success(request, _("Assignment saved."))
    return redirect("inbox:conversation-detail", uuid=conversation.uuid)


@login_required
@require_POST
def conversation_status(request: HttpRequest, uuid) -> HttpResponse:
    conversation = access_conversation(request.user, uuid, role=Role.RESPONDER)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.conversation_set_status(actor=request.user, conversation=conversation,
                                         status=form.cleaned_data["status"])
        messages.success(request, _("Status changed."))
    return redirect("inbox:conversation-detail", uuid=conversation.uuid)


@login_required
@require_POST
def note_create(request: HttpRequest, uuid) -> HttpResponse:
    conversation = access_conversation(request.user, uuid, role=Role.RESPONDER)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.note_add(actor=request.user, conversation=conversation,
                          text=form.cleaned_data["text"])
        messages.success(request, _("Note added."))
    return redirect("inbox:conversation-detail", uuid=conversation.uuid)


@login_required
@require_POST
def reply_retry(request: HttpRequest, uuid) -> HttpResponse:
    message = access_message(request.user, uuid, role=Role.RESPONDER)
    try:
        services.reply_retry(actor=request.user, message=message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Sending again."))
    return redirect("inbox:conversation-detail", uuid=message.conversation.uuid)


@login_required
@require_POST
def deadline_create(request: HttpRequest, uuid) -> HttpResponse:
    conversation = access_conversation(request.user, uuid, role=Role.RESPONDER)
    try:
        deadline_services.deadline_start(actor=request.user, conversation=conversation,
                                         rule=request.POST.get("rule", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Deadline started."))
    return redirect("inbox:conversation-detail", uuid=conversation.uuid)


@login_required
@require_POST
def deadline_done(request: HttpRequest, uuid) -> HttpResponse:
    deadline = access_deadline(request.user, uuid, role=Role.RESPONDER)
    deadline_services.deadline_close(actor=request.user, deadline=deadline)
    messages.success(request, _("Deadline closed."))
    if deadline.conversation:
        return redirect("inbox:conversation-detail", uuid=deadline.conversation.uuid)
    return redirect("inbox:deadline-list")


@login_required
@require_GET
def deadline_list(request: HttpRequest) -> HttpResponse:
    office, membership = _current_office(request)
    return render(request, "inbox/deadline_list.html", {
        "office": office, "membership": membership, "today": timezone.localdate(),
        "deadlines": deadline_services.deadline_list(office)})


@login_required
@require_POST
def message_label(request: HttpRequest, uuid) -> HttpResponse:
    """One click corrects one triage flag on a resident's message."""
    message = access_message(request.user, uuid, role=Role.RESPONDER)
    flag = request.POST.get("flag", "")
    if flag not in FLAG_LABELS or request.POST.get("value") not in {"0", "1"}:
        messages.error(request, _("Unknown flag."))
    else:
        try:
            triage_services.label_set(actor=request.user, message=message, flag=flag,
                                      value=request.POST["value"] == "1")
        except ValueError as error:
            messages.error(request, str(error))
    conversation = message.conversation
    if request.htmx:
        return render(request, "inbox/_thread_messages.html",
                      _messages_context(request, conversation))
    return redirect("inbox:conversation-detail", conversation.uuid)


@login_required
@require_POST
def deadline_owner(request: HttpRequest, uuid) -> HttpResponse:
    deadline = access_deadline(request.user, uuid, role=Role.RESPONDER)
    owner_id = request.POST.get("owner", "")
    owner = get_user_model().objects.filter(pk=owner_id).first() if owner_id.isdigit() \
        else None
    try:
        deadline_services.deadline_assign(actor=request.user, deadline=deadline, owner=owner)
        messages.success(request, _("The deadline's owner is set."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if deadline.conversation:
        return redirect("inbox:conversation-detail", uuid=deadline.conversation.uuid)
    return redirect("inbox:deadline-list")


PRESENCE_FRESH = timedelta(seconds=30)


@login_required
@require_POST
def presence(request: HttpRequest, uuid) -> HttpResponse:
    """The page says "I am here (and writing)" and hears who else is."""
    conversation = access_conversation(request.user, uuid)
    now = timezone.now()
    Presence.objects.update_or_create(conversation=conversation, user=request.user, defaults={
        "seen_at": now, "writing": request.POST.get("writing") == "1"})
    others = Presence.objects.filter(conversation=conversation,
                                     seen_at__gte=now - PRESENCE_FRESH).exclude(
        user=request.user).select_related("user")
    return render(request, "inbox/_presence.html", {"others": others})
