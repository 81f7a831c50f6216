"""Extraction: mentions of people, bodies, places, campaigns, laws and events, and their relations."""

from .extractor import ArticleFacts, Extractor
from .facts import fact_line

__all__ = ["ArticleFacts", "Extractor", "fact_line"]
