import uuid

from django.http import Http404

from ratusz.inbox.models import Conversation, Deadline, Message
from ratusz.offices.access import require_role
from ratusz.offices.models import Role


def access_conversation(user, conversation_uuid, *, role: str = Role.VIEWER) -> Conversation:
    conversation = (
        Conversation.objects.select_related("office", "channel", "resident", "post", "assignee",
                                            "department")
        .filter(uuid=conversation_uuid).first()
    )
    if conversation is None:
        raise Http404("No such conversation.")
    require_role(user, conversation.office, role)
    return conversation


def access_message(user, message_uuid, *, role: str = Role.VIEWER) -> Message:
    try:
        message_uuid = uuid.UUID(str(message_uuid))
    except ValueError:
        raise Http404("No such message.") from None
    message = Message.objects.select_related("conversation__office", "outbox_action").filter(
        uuid=message_uuid).first()
    if message is None:
        raise Http404("No such message.")
    require_role(user, message.conversation.office, role)
    return message


def access_deadline(user, deadline_uuid, *, role: str = Role.VIEWER) -> Deadline:
    deadline = Deadline.objects.select_related("office", "conversation").filter(
        uuid=deadline_uuid).first()
    if deadline is None:
        raise Http404("No such deadline.")
    require_role(user, deadline.office, role)
    return deadline
