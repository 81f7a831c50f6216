"""unionkg: knowledge graphs of Chinese trade-union news.

Turns newspaper pages and articles into a graph of people, union bodies, organisations, places,
campaigns, laws and events, with evidence on every edge; exports it to files, HTML and Neo4j,
and traces how a campaign spreads down the union hierarchy.
"""

__version__ = "0.1.0"
