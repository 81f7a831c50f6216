"""`unionkg load` as a user meets it: the progress bar in a terminal, schema time apart, server errors
mapped to what to do, the driver's log kept off the terminal, the bulk path through neo4j-admin."""

from __future__ import annotations

import fcntl
import logging
import os
import pty
import re
import select
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import PASSWORD, SCRIPT, Server, start_server, stop_server
from unionkg.cli import cli
from unionkg.sinks.neo4j import Neo4jAuthError, Neo4jAuthRateLimited, connect

pytestmark = pytest.mark.neo4j
UNIONKG = Path(sys.executable).parent / "unionkg"


def env(server: Server, **extra: str) -> dict[str, str]:
    return {"NEO4J_URI": server.uri, "NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password, **extra}


def in_terminal(args: list[str], environ: dict[str, str], timeout: float = 300) -> tuple[int, str, str]:
    """Run ARGS with stderr on a pseudo-terminal (as in a shell); returns (exit code, stdout, terminal)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a 120-column terminal
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL,
                            env={**os.environ, **environ})
    os.close(slave)
    screen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    out = proc.stdout.read().decode() if proc.stdout else ""
    return proc.wait(timeout=30), out, screen.decode("utf-8", "replace")


def test_load_draws_a_progress_bar_in_a_terminal(neo4j_server: Server, driver: object, seed_build: Path) -> None:
    code, out, screen = in_terminal([str(UNIONKG), "load", str(seed_build)], env(neo4j_server))
    assert code == 0, screen
    # tqdm's bar: rows done/total, elapsed<remaining (the ETA), rate
    assert re.search(r"\d+/\d+ \[\d\d:\d\d<\d\d:\d\d,\s+[\d.]+k? rows/s\]", screen), screen
    assert "relationships:MENTIONS" in screen
    assert re.search(r"schema \d+\.\ds, data \d+\.\ds \([\d,]+ relationships/s, CREATE into an empty database", out)


def test_http_uri_says_use_bolt(seed_build: Path) -> None:
    runner = CliRunner()
    for cmd in (["load", str(seed_build)], ["query", str(SCRIPT.parents[1] / "queries" / "campaign_timeline.cypher")]):
        result = runner.invoke(cli, [*cmd, "--uri", "http://127.0.0.1:7474", "--password", "whatever"])
        assert result.exit_code == 1
        assert "is an HTTP address" in result.stderr and "--uri bolt://127.0.0.1:7687" in result.stderr
        assert "aiohttp" not in result.stderr


def test_bolt_uri_on_the_http_port_says_so(seed_build: Path) -> None:
    with http_server() as port:
        result = CliRunner().invoke(cli, ["load", str(seed_build), "--uri", f"bolt://127.0.0.1:{port}",
                                          "--password", "whatever"])
    assert result.exit_code == 1 and "[UKG301]" in result.stderr
    assert "7474 is the HTTP port" in result.stderr


def test_rate_limit_after_wrong_passwords(neo4j_server: Server, driver: object) -> None:
    user, right = "ratelimited", "right-password-1"
    driver.execute_query(  # type: ignore[attr-defined]
        f"CREATE OR REPLACE USER {user} SET PASSWORD $pw CHANGE NOT REQUIRED", pw=right, database_="system")
    for _ in range(3):
        with pytest.raises(Neo4jAuthError), connect(neo4j_server.uri, user, "wrong-password"):
            pass
    with pytest.raises(Neo4jAuthRateLimited) as err, connect(neo4j_server.uri, user, right, rate_limit_wait=0):
        pass
    assert "too many wrong passwords" in str(err.value) and err.value.hint and "wait" in err.value.hint
    with connect(neo4j_server.uri, user, right) as drv:  # waits out the lock once, then gets in
        assert drv.execute_query("RETURN 1 AS one").records[0]["one"] == 1


def _fake_bolt(sock: socket.socket) -> None:
    """Accept, agree on Bolt 5.4, then drop the connection: the driver logs an error line."""
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        conn.recv(20)
        conn.sendall(bytes.fromhex("00000405"))
        time.sleep(0.1)
        conn.close()


class http_server:
    """A listener that answers like an HTTP server."""

    def __enter__(self) -> int:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)

        def serve() -> None:
            while True:
                try:
                    conn, _ = self.sock.accept()
                except OSError:
                    return
                conn.recv(100)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
                conn.close()

        threading.Thread(target=serve, daemon=True).start()
        return int(self.sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


@pytest.fixture()
def dying_server() -> Iterator[int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    threading.Thread(target=_fake_bolt, args=(sock,), daemon=True).start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        sock.close()
        logging.getLogger("neo4j").handlers.clear()


def test_driver_log_stays_off_the_terminal_unless_verbose(dying_server: int, seed_build: Path) -> None:
    args = ["load", str(seed_build), "--uri", f"bolt://127.0.0.1:{dying_server}", "--password", "whatever"]
    quiet = CliRunner().invoke(cli, args)
    assert quiet.exit_code == 1 and "[UKG301]" in quiet.stderr
    assert "<CONNECTION>" not in quiet.stderr
    loud = CliRunner().invoke(cli, [*args, "--verbose"])
    assert loud.exit_code == 1 and "<CONNECTION> error" in loud.stderr


def test_bulk_import_then_schema_then_nothing_to_add(tmp_path: Path, seed_build: Path) -> None:
    from unionkg.model import load_build

    G = load_build(seed_build)
    home = tmp_path / "bulk"
    admin = f"{sys.executable} {SCRIPT} admin --data {home} --"
    runner = CliRunner()
    bulk = runner.invoke(cli, ["load", str(seed_build), "--bulk", "--neo4j-admin", admin])
    assert bulk.exit_code == 0, bulk.output
    assert f"imported {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships" in bulk.stdout
    assert "--schema-only" in bulk.stderr
    server = start_server(home)
    try:
        environ = env(server)
        schema = runner.invoke(cli, ["load", str(seed_build), "--schema-only"], env=environ)
        assert schema.exit_code == 0 and "schema created" in schema.stdout, schema.output
        again = runner.invoke(cli, ["load", str(seed_build), "--quiet"], env=environ)
        assert again.exit_code == 0 and again.stdout.count("(0 new)") == 2, again.output
        assert f"loaded {G.number_of_nodes()} nodes (0 new)" in again.stdout
        busy = runner.invoke(cli, ["load", str(seed_build), "--bulk", "--neo4j-admin", admin])
        assert busy.exit_code == 1 and "[UKG310]" in busy.stderr, busy.output
    finally:
        stop_server(server)
    exists = runner.invoke(cli, ["load", str(seed_build), "--bulk", "--neo4j-admin", admin])
    assert exists.exit_code == 1 and "already exists" in exists.stderr and "--overwrite" in exists.stderr
    over = runner.invoke(cli, ["load", str(seed_build), "--bulk", "--overwrite", "--neo4j-admin", admin])
    assert over.exit_code == 0, over.output
    assert PASSWORD  # the server of this home keeps the test password


def test_bulk_needs_neo4j_admin(seed_build: Path) -> None:
    result = CliRunner().invoke(cli, ["load", str(seed_build), "--bulk", "--neo4j-admin", "/no/such/neo4j-admin"])
    assert result.exit_code == 1 and "neo4j-admin not found" in result.stderr and "NEO4J_ADMIN" in result.stderr
