"""A small keyword rule for "this is a request for public information" (UDIP).

It stands in for the triage analyser (issue 4) behind this one function. A hit only starts an
internal 14-day reminder that a person can close; it decides nothing on its own.
"""

import re

from ratusz.lib.emergency import _plain

_SUBJECT = re.compile(r"informacj\w* publiczn")
_ASK = re.compile(r"\bwnosz\w*|\bwniosek\b|\bprosz\w* o (udostepnienie|przeslanie|informacj)"
                  r"|\budostepni\w*|\bw trybie (ustawy|art)")


def looks_like_public_information_request(text: str) -> bool:
    plain = _plain(text or "")
    return bool(_SUBJECT.search(plain) and _ASK.search(plain))
