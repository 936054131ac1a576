"""The human-readable page at /_sandbox/ (Polish, like the desk). Every value is HTML-escaped."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

from .delivery import Delivery
from .state import Fault
from .world import PageConfig

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; font-size: .9rem; }
label { display: block; margin-top: .5rem; }
"""


def _time(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).strftime("%H:%M:%S")


def _table(caption: str, headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    body = body or f'<tr><td colspan="{len(headers)}">brak</td></tr>'
    return (
        f"<table><caption>{escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in options)
    label_html = f'<label for="{name}">{escape(label)}</label>'
    return f'{label_html}<select id="{name}" name="{name}">{items}</select>'


def _error_text(response: Any) -> str:
    if isinstance(response, dict) and isinstance(response.get("error"), dict):
        e = response["error"]
        return f"{e.get('code')}/{e.get('error_subcode', '-')} {e.get('message', '')}"[:140]
    return ""


def _request_row(r: dict[str, Any]) -> list[Any]:
    error = _error_text(r.get("response"))
    return [
        r["seq"],
        _time(r["time"]),
        r["method"],
        r["path"],
        r["status"],
        r.get("fault") or "",
        error,
    ]


def _delivery_row(d: Delivery) -> list[Any]:
    status = d.status if d.status is not None else "-"
    return [d.seq, _time(d.created), d.summary, d.state, status, len(d.attempts)]


def _scenario_text(run: dict[str, Any] | None) -> str:
    if not run:
        return "brak"
    running = " (trwa)" if run["running"] else ""
    return f"{run['name']}: {run['deliveries']}/{run['planned']}{running}"


def _inbound_form(targets: list[tuple[str, str]]) -> str:
    channels = [("facebook", "Facebook"), ("instagram", "Instagram")]
    kinds = [("comment", "komentarz"), ("message", "wiadomość")]
    posts = [(i, f"{i} — {label[:50]}") for i, label in targets]
    return f"""<h2>Dodaj zdarzenie mieszkańca</h2>
<form method="post" action="/_sandbox/inbound">
{_select("channel", "Kanał", channels)}
{_select("kind", "Rodzaj", kinds)}
<label for="author">Autor</label><input id="author" name="author" value="Jan Kowalski">
{_select("post_id", "Post lub media (dla komentarza)", posts)}
<label for="text">Treść</label>
<textarea id="text" name="text" rows="3" cols="60" required></textarea>
<p><button type="submit">Wyślij webhook</button></p>
</form>"""


def render_index(
    requests: list[dict[str, Any]],
    deliveries: list[Delivery],
    faults: list[Fault],
    pages: tuple[PageConfig, ...],
    targets: list[tuple[str, str]],
    run: dict[str, Any] | None,
    webhook_target: str | None,
) -> str:
    page_rows = [
        [
            p.id,
            p.name,
            p.instagram.id if p.instagram else "-",
            p.instagram.username if p.instagram else "-",
        ]
        for p in pages
    ]
    fault_rows = [[f.kind, f.remaining, f.path_contains or "*"] for f in faults]
    request_headers = ["#", "Czas (UTC)", "Metoda", "Ścieżka", "Status", "Awaria", "Błąd"]
    delivery_headers = ["#", "Czas (UTC)", "Opis", "Stan", "HTTP", "Próby"]
    return f"""<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Piaskownica Meta – Ratusz</title>
<style>{STYLE}</style></head>
<body><main>
<h1>Piaskownica Graph API i webhooków Meta</h1>
<p>Webhooki trafiają do: <code>{escape(webhook_target or "(nie ustawiono)")}</code>.
Scenariusz: {escape(_scenario_text(run))}.</p>
{_table("Strony", ["ID strony", "Nazwa", "Instagram ID", "Instagram"], page_rows)}
{_table("Zaplanowane awarie", ["Rodzaj", "Pozostało", "Ścieżka"], fault_rows)}
{_table("Ostatnie wywołania Graph API", request_headers, [_request_row(r) for r in requests])}
{_table("Ostatnie webhooki", delivery_headers, [_delivery_row(d) for d in deliveries])}
{_inbound_form(targets)}
</main></body></html>"""
