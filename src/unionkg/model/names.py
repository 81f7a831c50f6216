"""How names are compared: NFKC, no white space, no quote marks, lower case (as the scorer does).

>>> key("“百千万工程”")
'百千万工程'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["QUOTES", "key", "plain"]

#: Quote and bracket marks ignored when names are compared.
QUOTES = "\"'“”‘’「」『』《》〈〉«»‹›〝〞＂＇"
_DROP = {ord(c): None for c in QUOTES}
_QUOTE_OR_SPACE = re.compile(f"[\\s{re.escape(QUOTES)}]")


def key(name: str) -> str:
    """Comparison key of a name: NFKC, no white space, no quote marks, lower case."""
    text = unicodedata.normalize("NFKC", name).translate(_DROP)
    return "".join(text.split()).lower()


def plain(name: str) -> bool:
    """Is ``name`` its own key (``key(name) == name``)? Checked without building the key."""
    return (unicodedata.is_normalized("NFKC", name) and name == name.lower()
            and _QUOTE_OR_SPACE.search(name) is None)
