#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (Python packages, Debian's
# chromium, Neo4j's Maven artefacts), then lint, type checks and pytest. Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
.venv/bin/pip install -q -e '.[test]'
bash scripts/install-chromium.sh
bash scripts/neo4j-local-install
export UNIONKG_STRICT="${UNIONKG_STRICT:-1}"   # a test whose dependency is missing fails, never skips
export UNIONKG_SHARED="${UNIONKG_SHARED:-$(cd .. && pwd)/shared}"
.venv/bin/ruff check src tests benchmarks scripts/refresh_divisions.py
.venv/bin/mypy
.venv/bin/pytest -q "$@"
