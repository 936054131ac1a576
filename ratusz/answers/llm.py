"""Optional drafts by a language model the office runs behind an OpenAI-compatible endpoint.

Grounded only in the knowledge-base entries retrieved for the question (nothing else from the
desk reaches the model: no resident's name, no other conversation), told to cite them and to
say when they do not answer the question. The draft is labelled and only fills the composer; a
person reads, edits and sends it, or not."""

from dataclasses import dataclass

import httpx
from django.conf import settings

from ratusz.answers import knowledge
from ratusz.inbox.tone import personal

# Tests route calls to a local fake of the endpoint.
TRANSPORT: httpx.BaseTransport | None = None

SYSTEM = (
    "Jesteś asystentem urzędu gminy. Przygotuj projekt krótkiej, uprzejmej odpowiedzi na "
    "pytanie mieszkańca, po polsku, wyłącznie na podstawie ponumerowanych fragmentów bazy "
    "wiedzy urzędu. Po każdej informacji podaj w nawiasie numer fragmentu, np. [1]. Jeśli "
    "fragmenty nie odpowiadają na pytanie, napisz tylko: BRAK ODPOWIEDZI W BAZIE. Nie "
    "wydawaj decyzji i nie obiecuj niczego w imieniu urzędu; odpowiedź ma charakter "
    "informacyjny. Nie proś o dane osobowe.")


@dataclass
class Draft:
    text: str
    sources: list  # the knowledge-base entries it was grounded in
    prompt: list[dict]


class Unavailable(Exception):
    """The office's model is off, unreachable or answered nothing usable."""


def enabled(office) -> bool:
    return bool(office.llm_url and office.llm_model)


def _masked_question(text: str) -> str:
    """Identifiers never leave the desk, even to the office's own model."""
    return personal.mask(text, personal.find(text))


def prompt_for(question: str, entries: list) -> list[dict]:
    context = "\n\n".join(
        f"[{n}] Pytanie: {e.question}\nOdpowiedź: {e.answer}\nŹródło: {e.source_url or '-'}"
        for n, e in enumerate(entries, start=1))
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Fragmenty bazy wiedzy:\n\n{context}\n\n"
                                        f"Pytanie mieszkańca:\n{_masked_question(question)}"}]


def draft(office, question: str) -> Draft:
    if not enabled(office):
        raise Unavailable("off")
    entries = [s["entry"] for s in knowledge.suggest(office, question, k=3)]
    if not entries:
        raise Unavailable("nothing in the knowledge base to ground a draft on")
    messages = prompt_for(question, entries)
    headers = {"Authorization": f"Bearer {settings.RATUSZ_LLM_KEY}"} \
        if settings.RATUSZ_LLM_KEY else {}
    try:
        with httpx.Client(timeout=settings.RATUSZ_LLM_TIMEOUT, transport=TRANSPORT) as client:
            response = client.post(office.llm_url.rstrip("/") + "/chat/completions",
                                   headers=headers, json={"model": office.llm_model,
                                                          "messages": messages,
                                                          "temperature": 0.2})
            response.raise_for_status()
            text = response.json()["choices"][0]["message"]["content"].strip()
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as error:
        raise Unavailable(str(error)) from error
    if not text or "BRAK ODPOWIEDZI W BAZIE" in text:
        raise Unavailable("the knowledge base does not answer this")
    sources = "\n".join(f"[{n}] {e.source_url}" for n, e in enumerate(entries, start=1)
                        if e.source_url)
    return Draft(text=f"{text}\n\n{sources}".strip(), sources=entries, prompt=messages)
