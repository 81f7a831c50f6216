"""`unionkg load` and `unionkg query`: exit codes, output, environment defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, Server, free_port
from unionkg.cli import cli

pytestmark = pytest.mark.neo4j
TIMELINE = str(REPO / "queries" / "campaign_timeline.cypher")


def env(server: Server, **extra: str) -> dict[str, str]:
    return {"NEO4J_URI": server.uri, "NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password, **extra}


def test_load_then_query(neo4j_server: Server, driver: object, seed_build: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["load", str(seed_build)], env=env(neo4j_server))
    assert first.exit_code == 0, first.output
    assert "relationships:MENTIONS:" in first.stderr
    assert " new)" in first.stdout and "(0 new)" not in first.stdout
    again = runner.invoke(cli, ["load", str(seed_build), "--quiet"], env=env(neo4j_server))
    assert again.exit_code == 0 and again.stdout.count("(0 new)") == 2 and again.stderr == ""

    out = runner.invoke(cli, ["query", TIMELINE, "-p", "campaign=百千万工程", "--format", "csv"],
                        env=env(neo4j_server))
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == "campaign,body,label,level,date,mode,event,article,evidence"
    assert any(line.startswith("百千万工程,佛山市总工会,UnionBody,city,03-19,") for line in lines)
    rows = json.loads(runner.invoke(cli, ["query", TIMELINE, "--format", "json"], env=env(neo4j_server)).stdout)
    assert {"佛山市总工会", "汕头市潮南区总工会", "揭阳市榕城区总工会"} <= {r["body"] for r in rows}
    table = runner.invoke(cli, ["query", TIMELINE, "--uri", neo4j_server.uri, "--password", neo4j_server.password,
                                "-p", "campaign=no such campaign"])
    assert table.exit_code == 0 and table.stdout.rstrip().endswith("(0 rows)")


def test_errors_exit_1_with_the_message(neo4j_server: Server, seed_build: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["load", str(seed_build)], env=env(neo4j_server, NEO4J_PASSWORD="wrong-password"))
    assert bad.exit_code == 1 and "[UKG302]" in bad.stderr and "hint:" in bad.stderr
    down = runner.invoke(cli, ["query", TIMELINE], env=env(neo4j_server, NEO4J_URI=f"bolt://127.0.0.1:{free_port()}"))
    assert down.exit_code == 1 and "[UKG301] no Neo4j server answers" in down.stderr
    nodb = runner.invoke(cli, ["query", TIMELINE, "--database", "nosuchdb"], env=env(neo4j_server))
    assert nodb.exit_code == 1 and "[UKG303]" in nodb.stderr
    badp = runner.invoke(cli, ["query", TIMELINE, "-p", "campaign"], env=env(neo4j_server))
    assert badp.exit_code == 1 and "-p name=value" in badp.stderr
    nopw = runner.invoke(cli, ["load", str(seed_build)], env={"NEO4J_PASSWORD": ""})
    assert nopw.exit_code == 2 and "--password" in nopw.stderr
