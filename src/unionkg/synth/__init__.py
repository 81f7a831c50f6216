"""A synthetic corpus of union news with planted cascades, its gold and its cascade truth.

>>> from unionkg.synth import synth_corpus
>>> result = synth_corpus(100, "/tmp/corpus.jsonl", seed=7)   # doctest: +SKIP
"""

from .corpus import SynthResult, synth_corpus

__all__ = ["SynthResult", "synth_corpus"]
