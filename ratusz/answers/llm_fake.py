"""A local stand-in for an office's OpenAI-compatible model, for tests: it records what it was
sent and answers from the first fragment of its prompt, citing it."""

import json
import re


class FakeModel:
    def __init__(self) -> None:
        self.requests: list[dict] = []

    def __call__(self, environ, start_response):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(size) or b"{}")
        self.requests.append({"path": environ.get("PATH_INFO"), "body": body,
                              "auth": environ.get("HTTP_AUTHORIZATION", "")})
        prompt = body["messages"][-1]["content"]
        first = re.search(r"\[1\] Pytanie: .*?\nOdpowiedź: ([^\n]+)", prompt)
        answer = f"Dzień dobry, {first.group(1)} [1]" if first else "BRAK ODPOWIEDZI W BAZIE"
        payload = json.dumps({"id": "fake", "object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": answer},
             "finish_reason": "stop"}]}).encode()
        start_response("200 OK", [("Content-Type", "application/json"),
                                  ("Content-Length", str(len(payload)))])
        return [payload]
