"""``unionkg serve``: the routes, read-only, loopback only, no file reachable, every parameter
checked, a clear message when the port is taken."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from unionkg.errors import UnionKGError
from unionkg.serve import ExplorerServer, is_loopback, make_server

from hostile import XSS_BODY


@pytest.fixture(scope="module")
def server(explorer_build: Path) -> Iterator[ExplorerServer]:
    srv = make_server(explorer_build, port=0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def get(srv: ExplorerServer, path: str, method: str = "GET", headers: dict[str, str] | None = None
        ) -> tuple[int, dict[str, str], bytes]:
    """A request with ``path`` sent exactly as written (no normalisation by the client)."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.server_address[1], timeout=10)
    conn.putrequest(method, path, skip_host=bool(headers and "Host" in headers), skip_accept_encoding=True)
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def test_page_and_api(server):
    status, headers, body = get(server, "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "connect-src 'self'" in headers["content-security-policy"] and headers["x-content-type-options"] == "nosniff"
    data = json.loads(re.search(rb'<script type="application/json" id="ukg-data">(.*?)</script>', body, re.S).group(1))
    assert data["mode"] == "served" and data["hoods"] == {} and data["overview"]["tree"]["nodes"]
    status, headers, body = get(server, "/api/node?id=" + quote("UnionBody:佛山市总工会"))
    assert status == 200 and headers["content-type"] == "application/json"
    hood = json.loads(body)
    assert hood["center"]["nm"] == "佛山市总工会" and any(g["ty"] == "IMPLEMENTS" for g in hood["groups"])
    status, _, body = get(server, "/api/trace?id=" + quote("Campaign:百千万工程"))
    assert status == 200 and json.loads(body)["name"] == "百千万工程"
    status, _, body = get(server, "/api/search?q=" + quote("潮南"))
    assert status == 200 and "UnionBody:汕头市潮南区总工会" in [h["id"] for h in json.loads(body)]
    status, _, body = get(server, "/", method="HEAD")
    assert status == 200 and body == b""


def test_hostile_names_travel_escaped(server):
    status, _, body = get(server, "/api/search?q=onerror")
    assert status == 200 and b"<" not in body and b">" not in body
    assert [h["nm"] for h in json.loads(body)] == [XSS_BODY]
    status, _, body = get(server, "/api/node?id=" + quote("UnionBody:揭阳市榕城区总工会"))
    assert status == 200 and b"<" not in body and json.loads(body)["center"]["nm"] == XSS_BODY


@pytest.mark.parametrize("path", [
    "/../graph.sqlite", "/graph.sqlite", "/facts.jsonl", "/errors.jsonl", "/graph.html", "/./graph.sqlite",
    "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/api/../graph.sqlite",
    "/api/node/../../facts.jsonl", "/api/node/..%2F..%2Fgraph.sqlite", "/static/../../../etc/passwd",
    "/%00", "/index.html",
])
def test_no_file_is_reachable(server, path):
    status, _, body = get(server, path)
    assert status == 404, (path, status)
    assert b"SQLite format" not in body and b"root:" not in body and b'"text"' not in body


@pytest.mark.parametrize("path, status", [
    ("/api/node", 400),                                   # missing
    ("/api/node?id=a&id=b", 400),                         # twice
    ("/api/node?idx=1", 400),                             # unknown name
    ("/api/node?id=UnionBody:x&q=1", 400),                # a name of another route
    ("/api/node?id=", 400),                               # empty
    ("/api/node?id=%20%20", 400),                         # blank
    ("/api/node?id=a%00b", 400),                          # control character
    ("/api/node?id=a%0d%0aSet-Cookie:x", 400),            # header injection try
    ("/api/node?id=" + "a" * 600, 400),                   # too long
    ("/api/search?q=%ff%fe", 400),                        # not UTF-8
    ("/api/search?q=" + "x" * 101, 400),
    ("/api/node?" + "&".join(f"k{i}=1" for i in range(20)), 400),
    ("/?x=1", 400),
    ("/api/node?id=UnionBody:nothing", 404),
    ("/api/trace?id=" + quote("UnionBody:佛山市总工会"), 404),   # not a campaign
])
def test_parameters_are_checked(server, path, status):
    got, headers, body = get(server, path)
    assert got == status, (path, got, body)
    assert headers["content-type"] == "application/json" and "error" in json.loads(body)


def test_only_get_and_head(server):
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        status, headers, _ = get(server, "/", method=method)
        assert status == 405 and headers["allow"] == "GET, HEAD"


def test_other_hosts_are_refused_on_loopback(server):
    assert get(server, "/", headers={"Host": "evil.example"})[0] == 403
    assert get(server, "/api/node?id=x", headers={"Host": "evil.example:80"})[0] == 403
    assert get(server, "/", headers={"Host": f"localhost:{server.server_address[1]}"})[0] == 200
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and not is_loopback("0.0.0.0")


def test_read_only(server, explorer_build):
    def digest() -> list[str]:
        return [hashlib.sha256((explorer_build / f).read_bytes()).hexdigest() for f in ("graph.sqlite", "facts.jsonl")]

    before = digest()
    for path in ("/", "/api/node?id=" + quote("UnionBody:佛山市总工会"), "/api/trace?id=" + quote("Campaign:一函两书"),
                 "/api/search?q=x"):
        assert get(server, path)[0] == 200
    assert digest() == before
    with pytest.raises(sqlite3.OperationalError):
        server.store().db.execute("CREATE TABLE t (x)")


def test_port_taken(server, explorer_build):
    port = server.server_address[1]
    with pytest.raises(UnionKGError, match=f"port {port} on 127.0.0.1 is already in use"):
        make_server(explorer_build, port=port)


def _cli(*args: str, timeout: float = 60) -> subprocess.Popen[str]:
    exe = Path(sys.executable).with_name("unionkg")  # the console script beside this Python
    return subprocess.Popen([str(exe), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_cli_serves_warns_and_says_when_the_port_is_taken(server, explorer_build):
    port = server.server_address[1]
    p = _cli("serve", str(explorer_build), "--host", "0.0.0.0", "--port", str(port))
    out, err = p.communicate(timeout=60)
    assert p.returncode == 1, (out, err)
    assert "warning: listening on 0.0.0.0" in err and f"port {port} on 0.0.0.0 is already in use" in err
    p = _cli("serve", str(explorer_build), "--port", "0")
    try:
        assert p.stdout is not None
        line = p.stdout.readline()
        m = re.search(r"at (http://127\.0\.0\.1:(\d+)/)", line)
        assert m, line
        conn = http.client.HTTPConnection("127.0.0.1", int(m.group(2)), timeout=10)
        conn.request("GET", "/api/search?q=" + quote("一函两书"))
        r = conn.getresponse()
        assert r.status == 200 and json.loads(r.read())[0]["id"] == "Campaign:一函两书"
        conn.close()
    finally:
        p.terminate()
        p.wait(timeout=20)
