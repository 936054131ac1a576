"""The REST API refuses what the desk refuses, with one error shape."""

import pytest
from django.core.management import call_command

from ratusz.api.models import ApiToken
from ratusz.moderation.models import ModerationAct

pytestmark = pytest.mark.django_db


@pytest.fixture
def key(demo, people, capsys):
    def make(username: str) -> dict:
        call_command("api_token", "create", "--user", username, "--name", "test")
        return {"Authorization": f"Bearer {capsys.readouterr().out.strip()}"}

    return make


def test_an_act_without_a_clause_or_by_a_responder_is_refused(demo, comment, key, client,
                                                            committed):
    message = comment()
    url = "/api/v1/offices/demo/moderation/acts"
    response = client.post(url, {"kind": "hide", "message": str(message.uuid)},
                           content_type="application/json", headers=key("redaktor"))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "no_clause"
    response = client.post(url, {"kind": "hide", "message": str(message.uuid),
                                 "clause": "insults"},
                           content_type="application/json", headers=key("odpady"))
    assert response.status_code == 403 and response.json()["error"]["code"] == "role"
    assert not ModerationAct.objects.exists()
    with committed():
        response = client.post(url, {"kind": "hide", "message": str(message.uuid),
                                     "clause": "insults", "description": "Znieważenie."},
                               content_type="application/json", headers=key("redaktor"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "hide" and body["clause"].startswith("6.")
    assert ModerationAct.objects.get().reference == body["reference"]
    got = client.get(f"{url}/{body['reference']}", headers=key("redaktor"))
    assert got.status_code == 200 and got.json()["statement"].startswith("Uzasadnienie")


def test_keys_are_needed_revocable_and_stored_only_as_hashes(demo, key, client, capsys):
    assert client.get("/api/v1/offices/demo/regulamin").status_code == 401
    headers = key("podglad")
    response = client.get("/api/v1/offices/demo/regulamin", headers=headers)
    assert response.status_code == 200 and response.json()["version"] == 1
    token = ApiToken.objects.get()
    raw = headers["Authorization"].split()[1]
    assert raw not in token.key_hash and token.key_hash == ApiToken.hash(raw)
    call_command("api_token", "revoke", "--prefix", token.prefix)
    assert capsys.readouterr().out.strip() == "revoked"
    assert client.get("/api/v1/offices/demo/regulamin", headers=headers).status_code == 401
    # Another office's data stays out of reach.
    assert client.get("/api/v1/offices/nowhere/regulamin",
                      headers=key("podglad")).json()["error"]["code"] == "not_found"


def test_the_public_register_and_the_openapi_schema(demo, client):
    register = client.get("/api/v1/offices/demo/moderation/register")
    assert register.status_code == 200 and register.json()["blocked_now"] == 0
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/offices/{slug}/moderation/acts" in schema["paths"]
