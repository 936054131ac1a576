"""The REST API at /api/v1/: the same services and selectors as the desk, with the person's
own roles. One error shape everywhere: {"error": {"code": ..., "message": ...}}."""

from datetime import datetime
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, django_auth

from ratusz.api.services import token_user
from ratusz.inbox.models import Message, Post, Resident
from ratusz.moderation import selectors, services
from ratusz.moderation.models import ModerationAct, Regulamin
from ratusz.offices.access import access_office
from ratusz.offices.models import Role


class BearerKey(HttpBearer):
    def authenticate(self, request, token):
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(title="Ratusz", version="1", urls_namespace="api",
               auth=[BearerKey(), django_auth])


def _error(request, status: int, code: str, message: str):
    return api.create_response(request, {"error": {"code": code, "message": message}},
                               status=status)


@api.exception_handler(services.ActRefused)
def _refused(request, exc):
    return _error(request, 403 if exc.code == "role" else 400, exc.code or "refused",
                  " ".join(exc.messages))


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, "not_found", "Not found.")


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, 403, "role", "Your role does not allow this.")


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return _error(request, 401, "unauthenticated", "A valid API key or session is needed.")


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    return _error(request, 422, "invalid", str(exc.errors)[:2000])


@api.exception_handler(HttpError)
def _http(request, exc):
    return _error(request, exc.status_code, "error", str(exc))


class ClauseOut(Schema):
    number: str
    key: str
    title: str
    text: str
    legal_ground: str
    kind: str
    allows_delete: bool
    allows_permanent_block: bool


class RegulaminOut(Schema):
    version: int
    title: str
    order_number: str
    effective_from: datetime | None
    sections: dict[str, str]
    clauses: list[ClauseOut]


class ActIn(Schema):
    kind: str
    clause: str | None = None  # the clause's number ("6.3") or key ("insults")
    message: UUID | None = None
    resident: int | None = None
    post: int | None = None
    description: str = ""
    duration_days: int | None = None


class ActOut(Schema):
    reference: str
    kind: str
    status: str
    clause: str | None
    regulamin_version: int | None
    automatic: bool
    created_at: datetime
    expires_at: datetime | None
    review_at: datetime | None
    appeal_until: datetime
    statement: str


def _act_out(act: ModerationAct) -> dict:
    return {"reference": act.reference, "kind": act.kind, "status": act.status,
            "clause": act.clause.number if act.clause_id else None,
            "regulamin_version": act.regulamin.version if act.regulamin_id else None,
            "automatic": act.automatic, "created_at": act.created_at,
            "expires_at": act.expires_at, "review_at": act.review_at,
            "appeal_until": act.appeal_until, "statement": act.statement}


@api.get("/offices/{slug}/regulamin", response=RegulaminOut, tags=["moderation"])
def regulamin_get(request, slug: str):
    """The page rules in force, with their numbered clauses."""
    office, _membership = access_office(request.user, slug, role=Role.VIEWER)
    regulamin = Regulamin.objects.in_force(office)
    if regulamin is None:
        raise Http404
    return {"version": regulamin.version, "title": regulamin.title,
            "order_number": regulamin.order_number, "effective_from": regulamin.effective_from,
            "sections": regulamin.sections, "clauses": list(regulamin.clauses.all())}


@api.post("/offices/{slug}/moderation/acts", response={201: ActOut}, tags=["moderation"])
def act_create(request, slug: str, payload: ActIn):
    """Take a moderation act. Refused, as in the desk, without a clause of the rules in force,
    by a role below moderator, or against the graduated sanctions."""
    office, _membership = access_office(request.user, slug, role=Role.VIEWER)
    clause = None
    if payload.clause:
        regulamin = Regulamin.objects.in_force(office)
        if regulamin is not None:
            clause = regulamin.clauses.filter(number=payload.clause).first() or \
                regulamin.clauses.filter(key=payload.clause).first()
        if clause is None:
            raise services.ActRefused("No such clause in the rules in force.",
                                      code="not_in_force")
    message = resident = post = None
    if payload.message:
        message = get_object_or_404(Message, uuid=payload.message, conversation__office=office)
    if payload.resident:
        resident = get_object_or_404(Resident, pk=payload.resident, channel__office=office)
    if payload.post:
        post = get_object_or_404(Post, pk=payload.post, channel__office=office)
    act = services.act_request(actor=request.user, office=office, kind=payload.kind,
                               clause=clause, message=message, resident=resident, post=post,
                               description=payload.description,
                               duration_days=payload.duration_days)
    return Status(201, _act_out(act))


@api.get("/offices/{slug}/moderation/acts/{reference}", response=ActOut, tags=["moderation"])
def act_get(request, slug: str, reference: str):
    office, _membership = access_office(request.user, slug, role=Role.MODERATOR)
    act = get_object_or_404(ModerationAct.objects.select_related("clause", "regulamin"),
                            office=office, reference=reference.upper())
    return _act_out(act)


@api.get("/offices/{slug}/moderation/register", tags=["moderation"], auth=None)
def register_get(request, slug: str):
    """The public register as data: counts per month, never identities."""
    from ratusz.moderation.views import _public_office

    data = selectors.register(_public_office(slug))
    return {"blocked_now": data["blocked_now"],
            "months": [{"month": row["month"], "acts": dict(row["cells"]),
                        "automatic": row["automatic"], "manual": row["manual"],
                        "by_clause": row["clauses"], "appeals": row["appeals"],
                        "upheld": row["upheld"], "reversals": row["reversals"],
                        "hidden_outside_ratusz": row["outside"]}
                       for row in data["months"]]}
