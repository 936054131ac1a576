"""Residents reacting to what the office publishes (`--residents-react SECONDS`).

When on, every Page post that becomes published through the Graph API (at once or when its
scheduled time comes) and every Instagram media published with `media_publish` gets two resident
comments: the first SECONDS later, the second 2 x SECONDS later. They are delivered exactly like a
hand-made `POST /_sandbox/inbound` comment on that post (`inbound_event` + `play_inbound`).

Who comments is picked deterministically from the post id among the world's residents (a top-level
`residents = ["Anna Kowalska", ...]` list in the world file, else `RESIDENTS`); what they write is
picked by simple keyword rules from the post's message or the media's caption.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable, Sequence
from functools import partial

from .delivery import Deliverer, Delivery
from .state import SandboxState
from .traffic import inbound_event, play_inbound
from .world import World

log = logging.getLogger(__name__)

# schedule(delay_seconds, fn): run `fn` (no arguments) after the delay, from another thread.
Schedule = Callable[[float, Callable[[], None]], object]

RESIDENTS = (
    "Anna Kowalska",
    "Piotr Nowak",
    "Krystyna Wójcik",
    "Marek Lewandowski",
    "Tomasz Kamiński",
    "Ewa Dąbrowska",
    "Natalia Krawczyk",
    "Jolanta Szymańska",
    "Stanisław Jankowski",
    "Barbara Kozłowska",
    "Aleksandra Pietrzak",
    "Michał Woźniak",
    "Kasia Zielińska",
    "Paweł Kwiatkowski",
    "Agnieszka Wojciechowska",
    "Halina Wiśniewska",
    "Zbigniew Mazur",
    "Zofia Pawlak",
    "Henryk Michalski",
    "Oliwia Nowicka",
)

# (word beginnings, (first comment, second comment)); the first rule that matches wins.
RULES: tuple[tuple[tuple[str, ...], tuple[str, str]], ...] = (
    (
        ("sesj", "rada", "rady", "radzie", "radn"),
        ("Czy sesja będzie transmitowana?", "Gdzie można znaleźć porządek obrad?"),
    ),
    (
        ("woda", "wody", "wodę", "wodą", "wodzie", "wodociąg", "kanalizac"),
        (
            "A do której godziny nie będzie wody na Lipowej?",
            "Czy będzie podstawiony beczkowóz?",
        ),
    ),
    (
        ("odpad", "śmieci", "śmieć", "smieci", "pszok", "segreg", "gabaryt"),
        ("Czy gabaryty też odbierzecie w tym terminie?", "Dziękuję za przypomnienie!"),
    ),
    (
        ("konsultac", "ankiet"),
        (
            "Dobrze, że pytacie mieszkańców. Moim zdaniem najpilniejsze są chodniki "
            "i oświetlenie na osiedlu.",
            "Czy ankietę można wypełnić też na papierze w urzędzie?",
        ),
    ),
)
GENERIC = ("Gdzie można znaleźć więcej informacji?", "Dziękuję za informację!")


def comments_for(message: str) -> tuple[str, str]:
    """The two resident comments for a post with this message (or media with this caption)."""
    words = re.findall(r"\w+", message.lower())
    for stems, comments in RULES:
        if any(word.startswith(stem) for word in words for stem in stems):
            return comments
    return GENERIC


def residents_of(world: World) -> tuple[str, ...]:
    names = world.extra.get("residents")
    if isinstance(names, list) and len(names) >= 2 and all(isinstance(n, str) for n in names):
        return tuple(names)
    return RESIDENTS


def residents_for(object_id: str, names: Sequence[str] = RESIDENTS, count: int = 2) -> list[str]:
    """`count` different residents, always the same ones for the same post id."""
    digest = int(hashlib.sha256(f"residents:{object_id}".encode()).hexdigest(), 16)
    pool = list(names)
    picked = []
    for _ in range(min(count, len(pool))):
        digest, index = divmod(digest, len(pool))
        picked.append(pool.pop(index))
    return picked


def start_timer(delay: float, fn: Callable[[], None]) -> threading.Timer:
    """The default schedule: a daemon timer thread (it never keeps the sandbox from exiting)."""
    timer = threading.Timer(delay, fn)
    timer.name = "sandbox-residents"
    timer.daemon = True
    timer.start()
    return timer


class ResidentReactions:
    """Schedules and delivers residents' comments on posts and media published through the API.

    `seconds <= 0` turns it off. `schedule` is replaceable (tests collect the calls and run them
    by hand instead of waiting).
    """

    def __init__(
        self,
        state: SandboxState,
        deliverer: Deliverer,
        seconds: float = 0.0,
        schedule: Schedule | None = None,
    ) -> None:
        self.state = state
        self.deliverer = deliverer
        self.seconds = seconds
        self.schedule: Schedule = schedule or start_timer

    @property
    def enabled(self) -> bool:
        return self.seconds > 0

    def published(self, channel: str, object_id: str) -> None:
        """A post (channel facebook) or media (instagram) has just been published."""
        if not self.enabled:
            return
        names = residents_for(object_id, residents_of(self.state.world))
        for index, who in enumerate(names):
            self.schedule(
                (index + 1) * self.seconds, partial(self.react, channel, object_id, who, index)
            )

    def react(self, channel: str, object_id: str, who: str, index: int) -> Delivery | None:
        """Deliver resident `who`'s comment number `index` on the object, unless it is gone.

        Runs on the timer thread; never raises (a failure is logged and the sandbox goes on).
        The lock is held throughout, so a post deleted meanwhile cannot get the comment.
        """
        try:
            with self.state.lock:
                text = self._comment_text(channel, object_id, index)
                if text is None:
                    log.info("no resident comment on %s %s: gone", channel, object_id)
                    return None
                data = {"channel": channel, "kind": "comment", "post": object_id, "who": who}
                event = inbound_event({**data, "text": text}, self.state.world, self.state)
                _resolved, delivery = play_inbound(event, self.state, self.deliverer)
                return delivery
        except Exception:
            log.exception("resident comment on %s %s failed", channel, object_id)
            return None

    def _comment_text(self, channel: str, object_id: str, index: int) -> str | None:
        """The comment to write, or None when the post was deleted (or the sandbox reset) or the
        media no longer takes comments."""
        if channel == "facebook":
            post = self.state.posts.get(object_id)
            if post is None or post.deleted or not post.published:
                return None
            message = post.message
        else:
            media = self.state.media.get(object_id)
            if media is None or not media.comment_enabled:
                return None
            message = media.caption
        return comments_for(message)[index % 2]
