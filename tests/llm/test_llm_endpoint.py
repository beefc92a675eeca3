"""The OpenAI-compatible endpoint client, against a tiny stub server on 127.0.0.1 in this test."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from llm.broker import Broker
from llm.errors import BadRequest, EndpointUnreachable, ServiceError


class _Stub(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, object]]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, code: int, body: dict[str, object]) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._send(200, {"data": [{"id": "stub"}]})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Stub.seen.append(body)
        usage = {"prompt_tokens": 7, "completion_tokens": 3}
        if self.path.endswith("/chat/completions"):
            text = "chat:" + body["messages"][-1]["content"]
            self._send(
                200, {"choices": [{"message": {"content": text}, "finish_reason": "stop"}], "usage": usage}
            )
        elif body.get("prompt") == "explode":
            self._send(500, {"error": "boom"})
        elif body.get("prompt") == "too long":
            self._send(400, {"error": "prompt exceeds context"})
        else:
            self._send(
                200,
                {"choices": [{"text": "done:" + body["prompt"], "finish_reason": "stop"}], "usage": usage},
            )


@pytest.fixture
def stub_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_endpoint_serves_chat_and_completion(stub_url: str) -> None:
    with Broker.start(f"{stub_url}#stub-model") as broker:
        session = broker.open_session("seed", token_budget=100)
        llm = session.channel()
        assert llm.complete("x", max_tokens=5, seed=4, stop=["\n"]) == "done:x"
        assert llm.chat([{"role": "user", "content": "hi"}]) == "chat:hi"
        assert session.usage().tokens == 20
        sent = _Stub.seen[-2]
        assert (sent["model"], sent["max_tokens"], sent["seed"], sent["stop"]) == ("stub-model", 5, 4, ["\n"])
        with pytest.raises(ServiceError, match="HTTP 500"):
            llm.complete("explode")
        with pytest.raises(BadRequest, match="prompt exceeds context"):
            llm.complete("too long")
        assert llm.complete("after", max_tokens=1) == "done:after"


def test_unreachable_endpoint_is_a_clear_error() -> None:
    with socket.socket() as s:  # a port nobody listens on: bind, read the number, close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(EndpointUnreachable, match="unreachable"):
        Broker.start(f"http://127.0.0.1:{port}/v1")
