"""Creating offices, departments and memberships, each with its audit row."""

from django.contrib.auth import get_user_model
from django.db import transaction

from ratusz.audit.services import record
from ratusz.offices.models import Department, Membership, Office


@transaction.atomic
def office_create(*, actor, slug: str, name: str, kind: str, **fields) -> Office:
    office = Office.objects.create(slug=slug, name=name, kind=kind, **fields)
    record(actor=actor, verb="offices.office.created", office=office, target=office,
           data={"after": {"slug": slug, "name": name, "kind": kind}})
    return office


@transaction.atomic
def department_create(
    *, actor, office: Office, name: str, slug: str, email: str = ""
) -> Department:
    department = Department.objects.create(office=office, name=name, slug=slug, email=email)
    record(actor=actor, verb="offices.department.created", office=office, target=department,
           data={"after": {"name": name, "slug": slug}})
    return department


@transaction.atomic
def membership_grant(
    *, actor, office: Office, user, role: str, department: Department | None = None,
    position: str = "", replies_need_approval: bool = False,
) -> Membership:
    """Give a person a role in an office, or change the role they have. The position
    (stanowisko) is what the public register names instead of the person."""
    existing = Membership.objects.select_for_update().filter(office=office, user=user).first()
    if existing is None:
        membership = Membership.objects.create(
            office=office, user=user, role=role, department=department, position=position,
            replies_need_approval=replies_need_approval,
        )
        record(actor=actor, verb="offices.membership.granted", office=office, target=membership,
               data={"user": user.get_username(), "after": {
                   "role": role, "position": position,
                   "replies_need_approval": replies_need_approval}})
        return membership
    before = existing.role
    existing.role, existing.department = role, department
    existing.position = position or existing.position
    existing.replies_need_approval = replies_need_approval
    existing.save(update_fields=["role", "department", "position", "replies_need_approval"])
    record(actor=actor, verb="offices.membership.changed", office=office, target=existing,
           data={"user": user.get_username(), "before": {"role": before},
                 "after": {"role": role, "replies_need_approval": replies_need_approval}})
    return existing


@transaction.atomic
def membership_revoke(*, actor, office: Office, user) -> bool:
    """Take a person's role away; their account and what they wrote stay on the record."""
    membership = Membership.objects.select_for_update().filter(office=office, user=user).first()
    if membership is None:
        return False
    role = membership.role
    membership.delete()
    record(actor=actor, verb="offices.membership.revoked", office=office,
           data={"user": user.get_username(), "before": {"role": role}})
    return True


@transaction.atomic
def user_create(*, actor, username: str, password: str, first_name: str = "",
                last_name: str = "", email: str = ""):
    user = get_user_model().objects.create_user(
        username=username, password=password, first_name=first_name, last_name=last_name,
        email=email,
    )
    record(actor=actor, verb="offices.user.created", target=user,
           data={"username": username})
    return user


TIME_FIELDS = ["response_target_minutes", "ack_messages", "ack_comments", "ack_text",
               "duty_contact", "duty_emails", "rules_url", "human_agent_enabled"]
# What the page rules, the register and the statements of reasons say about the office.
RULES_FIELDS = ["name", "address", "email", "phone", "bip_url", "website_url", "epuap_address",
                "edoreczenia_address", "head_title", "iod_email", "gdpr_url",
                "accessibility_url", "page_operators", "external_operator", "appeal_months",
                "runs_facebook_group"]
# How the office writes: what the tone and form check holds drafts to, and its own model.
# Publishing: the BIP feed, the office's own accounts and which post types need approval.
PUBLISHING_FIELDS = ["bip_feed_url", "bank_accounts", "post_approval"]
STYLE_FIELDS = ["reply_greeting_required", "reply_signature", "reply_footer", "reply_jargon",
                "approve_sensitive", "llm_url", "llm_model"]


def _office_update(*, actor, office: Office, fields: list[str], verb: str,
                   values: dict) -> Office:
    """Change some of an office's settings; the audit row keeps what changed, before and
    after. Call inside a transaction."""
    office = Office.objects.select_for_update().get(pk=office.pk)
    before = {f: getattr(office, f) for f in fields}
    for name, value in values.items():
        if name not in fields:
            raise ValueError(f"Not one of these settings: {name}")
        setattr(office, name, value)
    changed = [f for f in fields if before[f] != getattr(office, f)]
    if changed:
        office.save(update_fields=changed)
        record(actor=actor, verb=verb, office=office, target=office,
               data={"before": {f: before[f] for f in changed},
                     "after": {f: getattr(office, f) for f in changed}})
    return office


@transaction.atomic
def office_time_settings_update(*, actor, office: Office, **values) -> Office:
    """Change the office's clock and acknowledgement settings."""
    return _office_update(actor=actor, office=office, fields=TIME_FIELDS,
                          verb="offices.office.time_settings_changed", values=values)


@transaction.atomic
def office_rules_facts_update(*, actor, office: Office, **values) -> Office:
    """Change the facts the page rules are generated from."""
    return _office_update(actor=actor, office=office, fields=RULES_FIELDS,
                          verb="offices.office.rules_facts_changed", values=values)


@transaction.atomic
def office_publishing_update(*, actor, office: Office, **values) -> Office:
    """Change the publishing settings (BIP feed, own accounts, approvals per post type)."""
    return _office_update(actor=actor, office=office, fields=PUBLISHING_FIELDS,
                          verb="offices.office.publishing_changed", values=values)


@transaction.atomic
def office_reply_style_update(*, actor, office: Office, **values) -> Office:
    """Change how the office writes (what the tone and form check holds drafts to)."""
    return _office_update(actor=actor, office=office, fields=STYLE_FIELDS,
                          verb="offices.office.reply_style_changed", values=values)
