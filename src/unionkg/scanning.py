"""Regexes that skip, in C, the positions where no match can start.

Python's regex engine looks for a match at every position of a text. Where a pattern starts with a
literal or a character class it first skips, in C, to a position whose character can start one;
where it starts with anything else (an optional word, ``(?:该|本)?…``, a trie of titles after an
optional prefix, ``[ \\t]+|(?<=…)``) it enters the whole pattern at every position. ``scanner``
puts a lookahead of the characters that can start a match in front of such a pattern, so most
positions fail on one set test: the same matches (the lookahead only states what every match
satisfies), found 2-5 times faster in the patterns that scan whole articles.

>>> scanner(r"(?:该|本)?(?:工会|工联会)").pattern
'(?=[该本工])(?:(?:该|本)?(?:工会|工联会))'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# the parser of the ``re`` module (private: where it is missing, patterns are compiled as written)
_p: Any = getattr(re, "_parser", None)
_c: Any = getattr(re, "_constants", None)

_Items = list[tuple[str, Any]]


def scanner(pattern: str, flags: int = 0, *, pairs: bool = False) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, behind a lookahead of its first characters where that helps.

    Patterns the engine already scans fast (a literal or a class first), patterns that can match the
    empty string or start with any character, and case-insensitive ones are compiled as written.

    ``pairs``: a lookahead of the first two characters (``first_pair_class``) where every match has
    two, even where the engine skips itself. For a trie of many words whose first characters are
    common (titles, short place names), where the engine stops at each such character and walks
    the trie's first choice alternative by alternative: most of those positions fail on the second
    test (2x faster there; slower on patterns whose first characters are rare).
    """
    pair = first_pair_class(pattern, flags) if pairs else None
    if pair is not None:
        return re.compile(f"(?={pair[0]}{pair[1]})(?:{pattern})", flags)
    gate = first_class(pattern, flags)
    if gate is None:
        return re.compile(pattern, flags)
    return re.compile(f"(?={gate})(?:{pattern})", flags)


def first_class(pattern: str, flags: int = 0) -> str | None:
    """The character class of the characters a match of ``pattern`` can start with, where it is a
    finite class and the engine does not find it itself; else ``None``."""
    if _p is None or _c is None or flags & re.IGNORECASE:
        return None
    try:
        data = _p.parse(pattern, flags).data
    except Exception:  # noqa: BLE001 - an unexpected form of the parser's output: no lookahead
        return None
    if _skipped_by_engine(data):
        return None
    items, nullable = _first(data)
    if items is None or nullable or not items:
        return None
    parts: list[str] = []
    for kind, arg in items:
        if kind == "c":
            parts.append(_escape(arg))
        elif kind == "r":
            parts.append(f"{_escape(arg[0])}-{_escape(arg[1])}")
        else:
            parts.append(arg)
    return "[" + "".join(dict.fromkeys(parts)) + "]"


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, where they are a finite set of
    characters (no range, no category, no empty match); else ``None``. A rule that tries the
    pattern at many given positions skips, by one set test in Python, those it cannot match at.

    >>> sorted(first_chars(r"(?:同志)?(?:主持|出席)"))
    ['主', '出', '同']
    """
    if _p is None or _c is None or flags & re.IGNORECASE:
        return None
    try:
        items, nullable = _first(_p.parse(pattern, flags).data)
    except Exception:  # noqa: BLE001 - an unexpected form of the parser's output: no set
        return None
    if items is None or nullable or not items or any(kind != "c" for kind, _arg in items):
        return None
    return frozenset(chr(arg) for _kind, arg in items)


def first_pair_class(pattern: str, flags: int = 0) -> tuple[str, str] | None:
    """The classes of the first and of the second character of every match of ``pattern``, where
    every match has two and both are finite sets of characters (classes of literals, small ranges;
    lookarounds read as matching anything); else ``None``.

    >>> first_pair_class("副?(?:主席|书记)")
    ('[主书副]', '[主书席记]')
    """
    if _p is None or _c is None or flags & re.IGNORECASE:
        return None
    try:
        found = _prefixes(_p.parse(pattern, flags).data, 2)
    except (_Unknown, RecursionError):
        return None
    except Exception:  # noqa: BLE001 - an unexpected form of the parser's output: no gate
        return None
    if not found or any(len(s) < 2 for s, _ended in found):
        return None  # a match may be shorter than two characters
    return ("[" + "".join(sorted({_escape(ord(s[0])) for s, _e in found})) + "]",
            "[" + "".join(sorted({_escape(ord(s[1])) for s, _e in found})) + "]")


class _Unknown(Exception):
    """A form whose first characters are not a small finite set."""


#: a prefix (up to ``k`` characters) of a match, and whether the match may end right after it
_Prefixes = set[tuple[str, bool]]
_MAX_PREFIXES = 4096
_MAX_RANGE = 64


def _prefixes(seq: Any, k: int) -> _Prefixes:
    """The first ``k`` characters (fewer where the match is shorter) of the matches of ``seq``."""
    acc: _Prefixes = {("", True)}
    for op, arg in seq:
        if all(len(s) >= k for s, _e in acc):
            break
        acc = _then(acc, lambda n, op=op, arg=arg: _item_prefixes(op, arg, n), k)
    return acc


def _then(acc: _Prefixes, more: Any, k: int) -> _Prefixes:
    """``acc`` followed by what ``more(n)`` gives (the next item's first ``n`` characters)."""
    out: _Prefixes = set()
    for s, ended in acc:
        if len(s) >= k or not ended:
            out.add((s, ended))
            continue
        for t, e in more(k - len(s)):
            out.add((s + t, e))
        if len(out) > _MAX_PREFIXES:
            raise _Unknown
    return out


def _item_prefixes(op: Any, arg: Any, k: int) -> _Prefixes:
    if op is _c.LITERAL:
        return {(chr(arg), True)}
    if op is _c.IN:
        chars: list[str] = []
        for o, a in arg:
            if o is _c.LITERAL:
                chars.append(chr(a))
            elif o is _c.RANGE and a[1] - a[0] < _MAX_RANGE:
                chars.extend(chr(x) for x in range(a[0], a[1] + 1))
            else:  # a negated class, a category, a big range
                raise _Unknown
        return {(ch, True) for ch in chars}
    if op is _c.BRANCH:
        out: _Prefixes = set()
        for alt in arg[1]:
            out |= _prefixes(alt.data, k)
        return out
    if op is _c.SUBPATTERN:
        return _prefixes(arg[-1].data, k)
    if op is _c.ATOMIC_GROUP:
        return _prefixes(arg.data, k)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = arg
        found: _Prefixes = set()
        cur: _Prefixes = {("", True)}
        last = min(high, low + k)  # more repeats than that add no new prefix of k characters
        for i in range(last + 1):
            if i >= low:
                found |= cur
            if i < last:
                cur = _then(cur, lambda n: _prefixes(sub.data, n), k)
        if high > last:
            found = {(s, e or len(s) < k) for s, e in found}  # more repeats may follow a short one
        return found
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: the next item goes on
        return {("", True)}
    raise _Unknown


def _escape(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "]\\^-[" else re.escape(ch)


def _skipped_by_engine(data: Any) -> bool:
    """Does the engine skip positions itself (``_compile_info``): a literal or a class first, or a
    choice of literals."""
    while data and data[0][0] is _c.SUBPATTERN:
        data = data[0][1][-1].data
    if not data:
        return False
    op, arg = data[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    return op is _c.BRANCH and all(alt.data and alt.data[0][0] is _c.LITERAL for alt in arg[1])


def _first(seq: Any) -> tuple[_Items | None, bool]:
    """The characters that can start a match of the parsed sequence ``seq`` (``None``: any), and
    whether it can match the empty string."""
    items: _Items = []
    for op, arg in seq:
        more, nullable = _first_of(op, arg)
        if more is None:
            return None, False
        items += more
        if not nullable:
            return items, False
    return items, True


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _first_of(op: Any, arg: Any) -> tuple[_Items | None, bool]:
    if op is _c.LITERAL:
        return [("c", arg)], False
    if op is _c.IN:
        out: _Items = []
        for o, a in arg:
            if o is _c.LITERAL:
                out.append(("c", a))
            elif o is _c.RANGE:
                out.append(("r", a))
            elif o is _c.CATEGORY and getattr(a, "name", "") in _CATEGORIES:
                out.append(("k", _CATEGORIES[a.name]))
            else:  # a negated class, or a form not handled: any character
                return None, False
        return out, False
    if op is _c.BRANCH:
        out, nullable = [], False
        for alt in arg[1]:
            more, n = _first(alt.data)
            if more is None:
                return None, False
            out += more
            nullable = nullable or n
        return out, nullable
    if op is _c.SUBPATTERN:
        return _first(arg[-1].data)
    if op is _c.ATOMIC_GROUP:
        return _first(arg.data)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = arg
        more, n = _first(sub.data)
        return (None, False) if more is None else (more, n or low == 0)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: the next item starts the match
        return [], True
    return None, False


def finditer_before(pattern: re.Pattern[str], m: str, mark: str, reach: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(m)`` for a pattern whose every match holds ``mark`` two to ``reach``
    characters after its start: the pattern is tried only at those starts before each ``mark``
    (where the engine tried it at every character)."""
    pos = 0
    while (at := m.find(mark, pos + 2)) >= 0:
        for a in range(max(pos, at - reach), at - 1):  # every start whose first mark this is, in order
            x = pattern.match(m, a)
            if x is not None:
                yield x
                pos = x.end()
                break
        else:
            pos = at - 1  # no match starts at or before at - 2: the next mark decides the next ones
