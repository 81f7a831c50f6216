"""Errors with messages a user can act on. One root: ``UnionKGError``."""

from __future__ import annotations


class UnionKGError(Exception):
    """Root of every error unionkg raises on purpose. ``hint`` says what to do."""

    code = "UKG000"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class InputError(UnionKGError):
    """An input file, line or record could not be read."""

    code = "UKG100"

    def __init__(self, message: str, source: str = "", line: int | None = None, hint: str | None = None):
        super().__init__(message, hint)
        self.source = source
        self.line = line

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "line": self.line, "error": self.message, "hint": self.hint}


class DecodeError(InputError):
    code = "UKG101"


class ExtractionError(InputError):
    """The extractor failed on one article (a bug): the article is left out, the build goes on."""

    code = "UKG110"


class BuildError(UnionKGError):
    """A build directory is missing or inconsistent."""

    code = "UKG200"


class Neo4jError(UnionKGError):
    """Neo4j could not be reached, refused the credentials, or a write failed."""

    code = "UKG300"


class QueryError(UnionKGError):
    code = "UKG400"


class OutputError(UnionKGError):
    """An output file or directory cannot be written (checked before the work starts)."""

    code = "UKG500"
