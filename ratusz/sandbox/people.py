"""Residents of the sandbox: stable Meta-looking ids derived from a person's display name.

The same name always gives the same ids, so scenario files, the inbound form and tests can refer to
people by name. As on Meta, one person has different ids per surface: an app-scoped user id on
Facebook comments, a Page-scoped id (PSID) in Messenger and an Instagram-scoped id (IGSID).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

_POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


@dataclass(frozen=True)
class Person:
    name: str
    fb_user_id: str
    psid: str
    igsid: str
    username: str

    @property
    def first_name(self) -> str:
        return self.name.split(" ")[0]

    @property
    def last_name(self) -> str:
        return " ".join(self.name.split(" ")[1:])


def _digits(name: str, salt: str, length: int) -> str:
    digest = hashlib.sha256(f"{salt}:{name}".encode()).hexdigest()
    return str(int(digest, 16))[:length]


def username_for(name: str) -> str:
    ascii_name = (
        unicodedata.normalize("NFKD", name.translate(_POLISH)).encode("ascii", "ignore").decode()
    )
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")
    return slug or "uzytkownik"


def person(name: str, username: str | None = None) -> Person:
    return Person(
        name=name,
        fb_user_id="73" + _digits(name, "fb", 14),
        psid="25" + _digits(name, "psid", 15),
        igsid="61" + _digits(name, "igsid", 14),
        username=username or username_for(name),
    )
