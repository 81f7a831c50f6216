"""``unionkg serve DIR``: the explorer page of a build, served from its store, with every
neighbourhood, campaign trace and search answered on demand. Standard library only
(``http.server``); no other service.

Safe by default:

- read-only: the store is opened read-only (``mode=ro``, ``PRAGMA query_only``), ``facts.jsonl``
  for reading; no request writes anything;
- bound to 127.0.0.1 unless ``host`` is given (the command line warns then), and while bound to a
  loopback address a request must name a loopback host (``Host:``), so a web page elsewhere
  cannot reach the server through a rebound DNS name;
- no file is served: four fixed routes (``/``, ``/api/node``, ``/api/trace``, ``/api/search``),
  anything else is 404, so no path reaches a file, inside the build directory or out of it;
- every parameter checked: only the route's own names, each once, bounded length, no control
  characters; an unknown id is 404; only GET and HEAD;
- every string reaches the page as JSON put on screen with ``textContent``.

>>> server = make_server("out/seed", port=0)             # doctest: +SKIP
>>> server.url                                            # doctest: +SKIP
'http://127.0.0.1:41235/'
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import socket
import threading
import time
import unicodedata
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import orjson

from .errors import UnionKGError
from .model import GraphStore
from .sinks.explore import campaign_trace, neighbourhood, search
from .sinks.explorer import explorer_data, render_page

__all__ = ["DEFAULT_PORT", "ExplorerServer", "is_loopback", "make_server", "serve"]

DEFAULT_PORT = 8765
#: The routes and the parameters each takes (name → longest value, in characters).
ROUTES: dict[str, dict[str, int]] = {"/": {}, "/api/node": {"id": 512}, "/api/trace": {"id": 512},
                                     "/api/search": {"q": 100}}
PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


def is_loopback(host: str) -> bool:
    """Is ``host`` a loopback address or ``localhost``?"""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class BadRequest(Exception):
    """A request the server refuses: status and message."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class ExplorerServer(ThreadingHTTPServer):
    """The HTTP server of one build: the page rendered once, a read-only store per thread."""

    daemon_threads = True
    allow_reuse_address = False  # a port in use is an error, not shared

    def __init__(self, build_dir: str | Path, host: str, port: int, *, title: str | None = None) -> None:
        self.build_dir = Path(build_dir).resolve()
        self._local = threading.local()
        self._stores: list[GraphStore] = []
        self._lock = threading.Lock()
        store = self.store()  # fails here, before binding, on a directory that is not a build
        self.page = render_page(explorer_data(store, title=title or f"unionkg · {self.build_dir.name}",
                                              build=str(build_dir), mode="served"),
                                title or f"unionkg · {self.build_dir.name}").encode("utf-8")
        self.host_check = is_loopback(host)
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            super().__init__((host, port), Handler)
        except OSError as err:
            self.close_stores()
            if err.errno == errno.EADDRINUSE:
                raise UnionKGError(f"port {port} on {host} is already in use",
                                   hint="stop what runs there, or pick another port: --port N "
                                        "(--port 0 takes any free one)") from None
            if err.errno in (errno.EADDRNOTAVAIL, errno.EACCES):
                raise UnionKGError(f"cannot listen on {host}:{port}: {err.strerror}",
                                   hint="give an address of this machine with --host, and a port above 1023") from None
            raise

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def store(self) -> GraphStore:
        """This thread's read-only store of the build."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = GraphStore.open(self.build_dir)
            store.db.execute("PRAGMA query_only = 1")
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def close_stores(self) -> None:
        with self._lock:
            for s in self._stores:
                with contextlib.suppress(Exception):  # another thread's connection: best effort
                    s.close()
            self._stores.clear()

    def server_close(self) -> None:
        super().server_close()
        self.close_stores()


class Handler(BaseHTTPRequestHandler):
    """The four routes; nothing else."""

    server: ExplorerServer
    server_version = "unionkg-serve"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: the command line prints where it serves

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._answer(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(head=True)

    def _refuse_method(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, _json({"error": "only GET and HEAD"}), "application/json",
                   extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _refuse_method  # noqa: N815

    def _answer(self, head: bool) -> None:
        started = time.perf_counter()
        try:
            route, params = self._parse()
            body, ctype = self._route(route, params)
            status = HTTPStatus.OK
        except BadRequest as err:
            status, body, ctype = err.status, _json({"error": str(err)}), "application/json"
        except Exception:  # noqa: BLE001 - a failed read is the server's error, not the client's
            status, body, ctype = HTTPStatus.INTERNAL_SERVER_ERROR, _json({"error": "internal error"}), "application/json"
        self._send(status, body, ctype, head=head, extra={"Server-Timing": f"app;dur={(time.perf_counter() - started) * 1000:.1f}"})

    def _parse(self) -> tuple[str, dict[str, str]]:
        if self.server.host_check and not is_loopback(_host_name(self.headers.get("Host", ""))):
            raise BadRequest(HTTPStatus.FORBIDDEN, "this server answers requests for 127.0.0.1 or localhost only")
        if len(self.path) > 2048 or not self.path.startswith("/"):
            raise BadRequest(HTTPStatus.BAD_REQUEST, "bad request target")
        parts = urlsplit(self.path)
        if parts.path not in ROUTES:
            raise BadRequest(HTTPStatus.NOT_FOUND, "no such page")
        allowed = ROUTES[parts.path]
        try:
            pairs = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query),
                              max_num_fields=8, errors="strict")
        except (ValueError, UnicodeDecodeError) as err:
            raise BadRequest(HTTPStatus.BAD_REQUEST, f"bad query: {err}") from None
        params: dict[str, str] = {}
        for name, value in pairs:
            if name not in allowed:
                raise BadRequest(HTTPStatus.BAD_REQUEST, f"unknown parameter {name[:40]!r}: this page takes "
                                 + (", ".join(allowed) or "none"))
            if name in params:
                raise BadRequest(HTTPStatus.BAD_REQUEST, f"parameter {name!r} given twice")
            if not value.strip() or len(value) > allowed[name]:
                raise BadRequest(HTTPStatus.BAD_REQUEST, f"parameter {name!r} must have 1 to {allowed[name]} characters")
            if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
                raise BadRequest(HTTPStatus.BAD_REQUEST, f"parameter {name!r} holds control characters")
            params[name] = value
        missing = [n for n in allowed if n not in params]
        if missing:
            raise BadRequest(HTTPStatus.BAD_REQUEST, f"missing parameter {missing[0]!r}")
        return parts.path, params

    def _route(self, route: str, params: dict[str, str]) -> tuple[bytes, str]:
        if route == "/":
            return self.server.page, "text/html; charset=utf-8"
        store = self.server.store()
        found: Any
        if route == "/api/node":
            found = neighbourhood(store, params["id"])
        elif route == "/api/trace":
            found = campaign_trace(store, params["id"])
        else:
            found = search(store, params["q"])
        if found is None:
            raise BadRequest(HTTPStatus.NOT_FOUND, "no such node" if route == "/api/node" else "no such campaign")
        return _json(found), "application/json"

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, *, head: bool = False,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", PAGE_CSP if ctype.startswith("text/html") else "default-src 'none'")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _host_name(host: str) -> str:
    """The host part of a ``Host:`` header (``[::1]:8765`` → ``::1``)."""
    host = host.strip()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _json(data: Any) -> bytes:
    """JSON that is safe anywhere: ``<``, ``>``, ``&`` escaped as in the page's data."""
    return orjson.dumps(data).replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


def make_server(build_dir: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                title: str | None = None) -> ExplorerServer:
    """A server of the build at ``build_dir``, bound and ready (``serve_forever`` to run it)."""
    return ExplorerServer(build_dir, host, port, title=title)


def serve(build_dir: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          ready: Callable[[ExplorerServer], None] | None = None) -> None:
    """Serve the build until interrupted (Ctrl-C); ``ready`` is called once the port is bound."""
    server = make_server(build_dir, host=host, port=port)
    try:
        if ready is not None:
            ready(server)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
