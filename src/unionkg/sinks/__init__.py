"""Sinks: writers that read the model graph (files, HTML, Neo4j)."""
