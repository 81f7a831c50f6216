"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; refuses binary."""

from __future__ import annotations

from ..errors import DecodeError, InputError

_HINT = "save the file as UTF-8 (or GB18030) text, e.g. `iconv -f GBK -t UTF-8 FILE > FILE.utf8`"


def decode_bytes(data: bytes, source: str = "") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``DecodeError`` naming ``source`` when it is not text.

    >>> decode_bytes("工会".encode("gb18030"))[1]
    'gb18030'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16"), "utf-16", source)
    if b"\x00" in data[:4096]:
        raise DecodeError(f"{source}: binary data, not a text file", source=source, hint=_HINT)
    try:
        return _checked(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"{source}: cannot decode as UTF-8 or GB18030 (byte {err.start})", source=source, hint=_HINT
        ) from None
    if _cjk_share(text) < 0.2:
        raise DecodeError(f"{source}: unknown encoding (decodes to no Chinese text)", source=source, hint=_HINT)
    return _checked(text, "gb18030", source)


def _cjk_share(text: str) -> float:
    sample = [c for c in text[:4000] if not c.isspace() and not c.isascii()]
    if not sample:
        return 1.0
    return sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef") / len(sample)


def _checked(text: str, enc: str, source: str) -> tuple[str, str]:
    bad = sum(1 for c in text[:4096] if (ord(c) < 32 and c not in "\t\r\n\f") or c == "\ufffd")
    if bad > 8:
        raise InputError(f"{source}: looks binary ({bad} control characters)", source=source, hint=_HINT)
    return text, enc
