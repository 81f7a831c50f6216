"""A real Neo4j for the tests: started once per session with scripts/neo4j-local on a free port.

Without Java/Maven (or when the server cannot start) the tests skip, unless UNIONKG_STRICT=1 is set
(CI), where they fail instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "neo4j-local"
SHARED = Path(os.environ.get("UNIONKG_SHARED", REPO / ".." / "shared"))
SEED = SHARED / "corpus" / "000_bfa4eaded79303f8.txt"
PASSWORD = "unionkg-test-pw"

sys.path.insert(0, str(Path(__file__).resolve().parent))


def missing(reason: str) -> None:
    """Skip, or fail when UNIONKG_STRICT is set."""
    if os.environ.get("UNIONKG_STRICT"):
        pytest.fail(f"UNIONKG_STRICT: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Server:
    uri: str
    user: str
    password: str
    data: Path
    port: int


def start_server(data: Path) -> Server:
    """Start scripts/neo4j-local on a free port; skip/fail with its output when it cannot."""
    for tool in ("java", "javac", "mvn"):
        if shutil.which(tool) is None:
            missing(f"{tool} not on PATH (needed by scripts/neo4j-local; run scripts/neo4j-local-install)")
    port = free_port()
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "start", "--data", str(data), "--bolt-port", str(port),
         "--password", PASSWORD, "--heap", "768m"],
        capture_output=True, text=True, timeout=600,
    )
    if proc.returncode != 0:
        missing(f"scripts/neo4j-local start failed:\n{proc.stdout}\n{proc.stderr}")
    return Server(f"bolt://127.0.0.1:{port}", "neo4j", PASSWORD, data, port)


def stop_server(server: Server) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "stop", "--data", str(server.data)],
                   capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(tmp_path_factory.mktemp("neo4j-data"))
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture()
def driver(neo4j_server: Server) -> Iterator[object]:
    """A driver on an emptied database (nodes, relationships; the schema stays)."""
    import neo4j

    drv = neo4j.GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password))
    with drv.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
    try:
        yield drv
    finally:
        drv.close()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build directory of the seed page (`unionkg build`)."""
    if not SEED.exists():
        missing(f"seed page not found at {SEED} (set UNIONKG_SHARED)")
    from click.testing import CliRunner

    from unionkg.cli import cli

    out = tmp_path_factory.mktemp("seedbuild")
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(out), "--no-html", "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def seed_graph(seed_build: Path) -> nx.MultiDiGraph:
    """The seed build's graph, read back with load_build."""
    from unionkg.model import load_build

    return load_build(seed_build)
