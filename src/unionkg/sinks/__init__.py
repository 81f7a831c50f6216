"""Sinks: one module per target (files, HTML, Neo4j, neo4j-admin CSV). They read the model only."""
