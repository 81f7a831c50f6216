"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; refuses binary.

``sniff`` decides the encoding from the head of an input (so a big file is decoded as it streams);
``decode_bytes`` decodes a whole input. When an input is not text, the hint says what it looks like
and how to turn it into text, not a conversion we already tried.
"""

from __future__ import annotations

import codecs

from ..errors import DecodeError

#: Signatures of the binary formats people feed a text reader by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document", "export its text (e.g. `pdftotext FILE FILE.txt`) or copy it into a .txt file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx/.xlsx document or a .zip)",
     "save the document as plain text (.txt, UTF-8), or unzip the archive and give the text files inside"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)", "save it as plain text (.txt, UTF-8) from the office program"),
    (b"{\\rtf", "an RTF document", "save it as plain text (.txt, UTF-8)"),
    (b"\x89PNG", "a PNG image", "run OCR on it first and give unionkg the recognised text"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it first and give unionkg the recognised text"),
    (b"GIF8", "a GIF image", "run OCR on it first and give unionkg the recognised text"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first (`gunzip FILE`)"),
)
_CONVERT = ("find the file's encoding (`file -i FILE`) and convert it to UTF-8, "
            "e.g. `iconv -f BIG5 -t UTF-8 FILE > FILE.utf8.txt` for traditional-Chinese Big5")


def _binary(data: bytes, source: str, why: str) -> DecodeError:
    """The error for an input that is not text, with a hint fitting what it looks like."""
    for magic, what, todo in _MAGIC:
        if data.startswith(magic):
            return DecodeError(f"{source}: {what}, not a text file", source=source, hint=todo)
    head = data[:4096 - 4096 % 2] if len(data) > 4096 else data[:len(data) - len(data) % 2]
    for enc, iconv_name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
        try:
            text = _decode(head, enc, final=False)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c.isspace() for c in text)
        if text.strip() and _cjk_share(text) >= 0.8 and printable >= 0.95 * len(text):
            return DecodeError(f"{source}: UTF-16 text without a byte-order mark", source=source,
                               hint=f"convert it to UTF-8: `iconv -f {iconv_name} -t UTF-8 FILE > FILE.utf8.txt`")
    return DecodeError(f"{source}: {why}, not a text file", source=source,
                       hint="give unionkg plain text (.txt, UTF-8 or GB18030) or JSON Lines (.jsonl)")


def _decode(data: bytes, enc: str, final: bool) -> str:
    """``data`` decoded; when not ``final``, a character cut at its end is left out."""
    return codecs.getincrementaldecoder(enc)(errors="strict").decode(data, final=final)


def sniff(data: bytes, source: str = "", *, final: bool = True) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``, the whole input (``final``) or its head; ``DecodeError``
    naming ``source`` when it is not text.

    >>> sniff("工会".encode("gb18030"))[1]
    'gb18030'
    >>> sniff("\\ufeff工会".encode("utf-8"))
    ('工会', 'utf-8-sig')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _checked(_decode(data[3:], "utf-8", final), "utf-8-sig", source, data)
        except UnicodeDecodeError as err:
            raise DecodeError(f"{source}: starts as UTF-8 (byte-order mark) but byte {err.start + 3} is not UTF-8",
                              source=source, hint=_CONVERT) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(_decode(data, "utf-16", final), "utf-16", source, data)
        except UnicodeDecodeError:
            raise DecodeError(f"{source}: starts as UTF-16 (byte-order mark) but does not decode as UTF-16",
                              source=source, hint=_CONVERT) from None
    if b"\x00" in data[:4096] or any(data.startswith(m) for m, _w, _t in _MAGIC):
        raise _binary(data, source, "binary data")
    try:
        return _checked(_decode(data, "utf-8", final), "utf-8", source, data)
    except UnicodeDecodeError:
        pass
    try:
        text = _decode(data, "gb18030", final)
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"{source}: cannot decode as UTF-8 or GB18030 (byte {err.start})", source=source, hint=_CONVERT
        ) from None
    if _cjk_share(text) < 0.2:
        raise DecodeError(f"{source}: unknown encoding (decodes to no Chinese text as UTF-8 or GB18030)",
                          source=source, hint=_CONVERT)
    return _checked(text, "gb18030", source, data)


def decode_bytes(data: bytes, source: str = "") -> tuple[str, str]:
    """Return ``(text, encoding)`` of a whole input; raise ``DecodeError`` naming ``source`` when it
    is not text.

    >>> decode_bytes("工会".encode("gb18030"))[1]
    'gb18030'
    """
    return sniff(data, source, final=True)


def _cjk_share(text: str) -> float:
    sample = [c for c in text[:4000] if not c.isspace() and not c.isascii()]
    if not sample:
        return 1.0
    return sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef") / len(sample)


def _checked(text: str, enc: str, source: str, data: bytes) -> tuple[str, str]:
    bad = sum(1 for c in text[:4096] if (ord(c) < 32 and c not in "\t\r\n\f") or c == "\ufffd")
    if bad > 8:
        raise _binary(data, source, f"looks binary ({bad} control characters)")
    return text, enc

