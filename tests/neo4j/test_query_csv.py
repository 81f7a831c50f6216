"""`unionkg query --excel` against a real Neo4j: CSV with a BOM and CRLF, formulas escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, Server
from unionkg.cli import cli

pytestmark = pytest.mark.neo4j


def test_query_excel_csv(neo4j_server: Server, driver: object, seed_build: Path) -> None:
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_USER": neo4j_server.user, "NEO4J_PASSWORD": neo4j_server.password}
    runner = CliRunner()
    assert runner.invoke(cli, ["load", str(seed_build), "--quiet"], env=env).exit_code == 0
    timeline = str(REPO / "queries" / "campaign_timeline.cypher")
    res = runner.invoke(cli, ["query", timeline, "-p", "campaign=百千万工程", "--excel"], env=env)
    assert res.exit_code == 0, res.output
    data = res.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbfcampaign,body,label,level,date,mode,event,article,evidence\r\n")
    assert "百千万工程,佛山市总工会,UnionBody,city,03-19,".encode() in data
    typo = runner.invoke(cli, ["query", timeline, "-p", "campagin=百千万工程"], env=env)
    assert typo.exit_code == 1 and "did you mean 'campaign'?" in typo.output
