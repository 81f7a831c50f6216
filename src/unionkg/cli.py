"""The ``unionkg`` command line: a thin click layer over the library.

Each command parses its options, calls one library function and turns ``UnionKGError`` into a
``click.ClickException`` carrying the error's hint.
"""

from __future__ import annotations

import click

from . import __version__


@click.group()
@click.version_option(__version__, prog_name="unionkg")
def cli() -> None:
    """Build knowledge graphs of Chinese trade-union news."""


# --- build / export / eval (lead) -------------------------------------------------------------

# --- neo4j: load / query (issue 5) ------------------------------------------------------------

# --- html / trace (issue 6) ---------------------------------------------------------------------

# --- synth (issue 7) ----------------------------------------------------------------------------
