"""Send API: Messenger and Instagram messages, private replies, windows and echoes."""

from __future__ import annotations

from typing import Any

from . import errors as err
from . import payloads as pl
from .graph_base import DAY, Call
from .state import SandboxState, SentMessage, Thread
from .world import PageConfig

WINDOW = 1 * DAY
HUMAN_AGENT_WINDOW = 7 * DAY
PRIVATE_REPLY_WINDOW = 7 * DAY
MESSENGER_TEXT_CHARS = 2000
INSTAGRAM_TEXT_BYTES = 1000
MESSAGING_TYPES = {"RESPONSE", "UPDATE", "MESSAGE_TAG"}


class MessagingRoutes:
    state: SandboxState

    def send_message(self, call: Call, target: Any) -> dict[str, Any]:
        ig_only = isinstance(target, tuple)
        page = target[0] if ig_only else target
        recipient = call.params.get("recipient")
        if not isinstance(recipient, dict) or not recipient:
            raise err.invalid_param("param recipient must be non-empty.")
        if call.params.get("sender_action") and not call.params.get("message"):
            thread = self._thread_for(page, str(recipient.get("id")), ig_only)
            return {"recipient_id": thread.user_id}
        message = call.params.get("message")
        if not isinstance(message, dict) or not (message.get("text") or message.get("attachment")):
            raise err.invalid_param(
                "The parameter message is required (message.text or message.attachment)"
            )
        messaging_type, tag = self._messaging_type(call)
        if "comment_id" in recipient:
            return self._private_reply(call, page, ig_only, str(recipient["comment_id"]), message)
        if "id" not in recipient:
            raise err.invalid_param("param recipient must contain id or comment_id")
        thread = self._thread_for(page, str(recipient["id"]), ig_only)
        self._check_text(thread.channel, message)
        limit = HUMAN_AGENT_WINDOW if tag == "HUMAN_AGENT" else WINDOW
        if thread.last_inbound is None or call.now - thread.last_inbound > limit:
            raise err.outside_window()
        mid = self._record_send(
            call,
            page,
            thread.account_id,
            thread.user_id,
            thread.channel,
            message,
            messaging_type,
            tag,
        )
        return {"recipient_id": thread.user_id, "message_id": mid}

    def _messaging_type(self, call: Call) -> tuple[str, str | None]:
        messaging_type = str(call.params.get("messaging_type") or "RESPONSE").upper()
        tag = call.params.get("tag")
        if messaging_type not in MESSAGING_TYPES:
            raise err.invalid_param(
                f"Param messaging_type must be one of {{{', '.join(sorted(MESSAGING_TYPES))}}}"
            )
        if messaging_type == "MESSAGE_TAG" and tag != "HUMAN_AGENT":
            raise err.invalid_param(
                "Param tag must be HUMAN_AGENT (the only message tag modelled by the sandbox)"
            )
        if tag and messaging_type != "MESSAGE_TAG":
            raise err.invalid_param("Param tag requires messaging_type MESSAGE_TAG")
        return messaging_type, tag

    def _thread_for(self, page: PageConfig, user_id: str, ig_only: bool) -> Thread:
        accounts = [page.instagram.id] if ig_only and page.instagram else [page.id]
        if not ig_only and page.instagram:
            accounts.append(page.instagram.id)
        thread = next((t for a in accounts if (t := self.state.threads.get((a, user_id)))), None)
        if thread is None:
            raise err.no_instagram_user() if ig_only else err.person_unavailable()
        if user_id in self.state.blocked.get(page.id, {}):
            raise err.person_unavailable()
        return thread

    def _check_text(self, channel: str, message: dict[str, Any]) -> None:
        text = str(message.get("text") or "")
        if channel == "messenger" and len(text) > MESSENGER_TEXT_CHARS:
            raise err.invalid_param(
                "Length of param message[text] must be less than or equal to "
                f"{MESSENGER_TEXT_CHARS}"
            )
        if channel == "instagram" and len(text.encode("utf-8")) > INSTAGRAM_TEXT_BYTES:
            raise err.invalid_param(
                "Length of param message[text] must be less than or equal to "
                f"{INSTAGRAM_TEXT_BYTES} bytes"
            )

    def _private_reply(
        self, call: Call, page: PageConfig, ig_only: bool, comment_id: str, message: dict[str, Any]
    ) -> dict[str, Any]:
        comment = self.state.comments.get(comment_id)
        if comment is None or comment.deleted or self.state.owner_page("comment", comment) != page:
            raise err.private_reply_refused("the comment does not exist or was deleted")
        if ig_only and comment.channel != "instagram":
            raise err.private_reply_refused(
                "the comment is not an Instagram comment of this account"
            )
        if comment.by_page:
            raise err.private_reply_refused("the comment was posted by the Page itself")
        if comment_id in self.state.private_replies:
            raise err.private_reply_refused("a private reply was already sent for this comment")
        if call.now - comment.created > PRIVATE_REPLY_WINDOW:
            raise err.private_reply_refused("the comment is older than 7 days")
        channel = "messenger" if comment.channel == "facebook" else "instagram"
        self._check_text(channel, message)
        account_id = page.id if channel == "messenger" else page.instagram.id  # type: ignore[union-attr]
        recipient = comment.reply_recipient or comment.author_id
        self.state.open_thread(account_id, recipient, channel, comment.author_name)
        mid = self._record_send(
            call, page, account_id, recipient, channel, message, "RESPONSE", None, comment_id
        )
        self.state.private_replies[comment_id] = mid
        return {"recipient_id": recipient, "message_id": mid}

    def _record_send(
        self,
        call: Call,
        page: PageConfig,
        account_id: str,
        recipient: str,
        channel: str,
        message: dict[str, Any],
        messaging_type: str,
        tag: str | None,
        comment_id: str | None = None,
    ) -> str:
        ids = self.state.ids
        mid = ids.messenger_mid() if channel == "messenger" else ids.instagram_mid(account_id)
        metadata = message.get("metadata") or call.params.get("metadata")
        text = message.get("text")
        self.state.sent.append(
            SentMessage(
                account_id,
                recipient,
                mid,
                text,
                call.now,
                messaging_type,
                tag,
                metadata,
                comment_id,
            )
        )
        ts = int(call.now * 1000)
        attachments = [message["attachment"]] if message.get("attachment") else None
        if channel == "messenger":
            event = pl.echo_event(
                account_id,
                recipient,
                ts,
                mid=mid,
                text=text,
                app_id=int(self.state.world.app_id),
                metadata=metadata,
                attachments=attachments,
            )
            call.deliver(
                pl.page_messaging(account_id, event, ts), f"messenger echo: {text or ''}"[:80]
            )
        else:
            event = pl.echo_event(
                account_id, recipient, ts, mid=mid, text=text, attachments=attachments
            )
            call.deliver(
                pl.instagram_messaging(account_id, event, ts), f"instagram echo: {text or ''}"[:80]
            )
        return mid
