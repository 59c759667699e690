"""`arkiv serve` as a user runs it: a real uvicorn process on loopback answering the web UI
and the API, while `arkiv import` adds a document."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.webfixtures import build_archive

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "samples" / "stockholm-socialnamnden-2012-03-p13.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_binds_loopback_by_default():
    from arkiv.cli import cli
    host = next(p for p in cli.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.fixture
def served(tmp_path):
    home = tmp_path / "home"
    build_archive(home)
    port = free_port()
    env = {**os.environ, "ARKIV_HOME": str(home)}
    # the server's output goes to a file, not a pipe nobody reads (a full pipe would stall it);
    # pytest shows it with a failing test
    log_path = tmp_path / "serve.log"
    log = log_path.open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "arkiv.cli", "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):                   # until it listens (not a timing assertion)
            if proc.poll() is not None:
                pytest.fail(f"arkiv serve exited: {log_path.read_text()[-2000:]}")
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield base, home, env
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        print(f"arkiv serve's output:\n{log_path.read_text()[-4000:]}")   # shown on failure


def test_serve_answers_while_import_runs(served, tmp_path):
    base, home, env = served
    with httpx.Client(base_url=base, timeout=30) as c:
        assert 'lang="sv"' in c.get("/").text
        before = c.get("/api/search", params={"q": "Westerlund"}).json()["total"]
        sample = tmp_path / SAMPLE.name
        shutil.copy(SAMPLE, sample)
        importer = subprocess.Popen([sys.executable, "-m", "arkiv.cli", "import", str(sample)],
                                    cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE)
        answers = []
        while importer.poll() is None:         # the server keeps answering during the import
            answers.append(c.get("/api/search", params={"q": "insatsgrupper"}).status_code)
        assert importer.returncode == 0, importer.stderr.read().decode()[-2000:]
        assert answers and set(answers) == {200}
        after = c.get("/api/search", params={"q": "Westerlund"}).json()
        assert after["total"] > before
        doc = c.get(after["hits"][0]["href"].split("#")[0])
        assert doc.status_code == 200 and "Westerlund" in doc.text


def test_serve_answers_head_like_get(served):
    """A link checker's HEAD through the real server: same status and headers, no body
    (read from the raw socket, so nothing in between hides a body)."""
    base, _, _ = served
    host, port = base.removeprefix("http://").split(":")

    def raw(method: str, path: str) -> tuple[bytes, bytes]:
        with socket.create_connection((host, int(port)), timeout=10) as conn:
            conn.sendall(f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n"
                         "Connection: close\r\n\r\n".encode())
            data = b""
            while chunk := conn.recv(65536):
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        return head, body

    for path in ("/", "/search?q=insatsgrupper", "/api/search?q=insatsgrupper",
                 "/persons/Bror%20Segerlund", "/no-such-page"):
        get_head, get_body = raw("GET", path)
        head_head, head_body = raw("HEAD", path)
        status = head_head.split(b"\r\n")[0]
        assert status == get_head.split(b"\r\n")[0] and b"405" not in status, path
        drop = (b"date:",)
        lines = lambda h: sorted(ln for ln in h.split(b"\r\n")[1:]     # noqa: E731
                                 if not ln.lower().startswith(drop))
        assert lines(head_head) == lines(get_head), path
        assert get_body and head_body == b"", path

