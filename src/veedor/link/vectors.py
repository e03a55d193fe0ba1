"""The vector a recommendation is linked by, and linking a batch of items without a database.

A linking vector is the embedding of the recommendation's action text, extended with its themes
and countries (one-hot, weighted), then normalised: two requests that read alike but concern
different countries or fields drift apart, and paraphrases on the same theme come closer.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from veedor.extract.items import Item
from veedor.link.action import action_text, addressee_family
from veedor.link.cluster import DEFAULT_THRESHOLD, AskCentroids, Vectors
from veedor.link.embed import Embedder, get_embedder

# Calibrated on the seeds' gold groups (B-cubed) with our EN/ES pairs as a check; see tests/link.
THEME_WEIGHT = 0.7
COUNTRY_WEIGHT = 0.3
_COUNTRY_DIMS = 64
# The taxonomy's 19 theme keys in a fixed order (stored centroids depend on it).
THEMES = (
    "anti-corruption", "border-enforcement", "civic-space", "climate-environment",
    "democracy-elections", "diplomacy-engagement", "disappearances-forensics", "drug-policy",
    "gender-lgbt", "humanitarian-aid", "indigenous-afrodescendant", "labor-rights",
    "migration-asylum", "multilateralism", "organized-crime-trafficking", "root-causes-development",
    "rule-of-law-justice", "sanctions", "security-militarization",
)  # fmt: skip
_THEME_INDEX = {t: i for i, t in enumerate(THEMES)}


@dataclass(frozen=True, slots=True)
class LinkInput:
    """What linking needs of a recommendation."""

    text: str
    language: str | None
    kinds: tuple[str, ...]
    themes: tuple[str, ...]
    countries: tuple[str, ...]

    @classmethod
    def of(cls, item: Item, language: str | None) -> LinkInput:
        addressee = item.fields.get("addressee") or {}
        return cls(
            text=item.text,
            language=language,
            kinds=tuple(addressee.get("kinds", [])),
            themes=tuple(item.themes),
            countries=tuple(item.countries),
        )

    @property
    def family(self) -> str:
        return addressee_family(self.kinds)

    @property
    def action(self) -> str:
        return action_text(self.text, lang=self.language)


def link_dim(embedder: Embedder) -> int:
    return embedder.dim + len(THEMES) + _COUNTRY_DIMS


def ask_centroids(dim: int) -> AskCentroids:
    """An empty set of asks over linking vectors of ``dim`` columns (countries last)."""
    return AskCentroids(dim=dim, country_dims=_COUNTRY_DIMS)


def link_vectors(
    embeddings: Vectors,
    themes: Sequence[Sequence[str]],
    countries: Sequence[Sequence[str]],
) -> Vectors:
    """Embeddings extended with weighted theme and country one-hots, L2-normalised."""
    n, dim = embeddings.shape
    out = np.zeros((n, dim + len(THEMES) + _COUNTRY_DIMS), dtype=np.float32)
    out[:, :dim] = embeddings
    for row in range(n):
        _one_hot(out[row, dim : dim + len(THEMES)], [_THEME_INDEX.get(t) for t in themes[row]])
        out[row, dim : dim + len(THEMES)] *= THEME_WEIGHT
        _one_hot(
            out[row, dim + len(THEMES) :],
            [zlib.crc32(c.encode()) % _COUNTRY_DIMS for c in countries[row]],
        )
        out[row, dim + len(THEMES) :] *= COUNTRY_WEIGHT
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Vectors = out / norms
    return normalised


def _one_hot(target: Vectors, indices: Sequence[int | None]) -> None:
    hits = [i for i in indices if i is not None]
    for i in hits:
        target[i] = 1.0
    if hits:
        target /= np.sqrt(len(set(hits)))


def embed_actions(inputs: Sequence[LinkInput], embedder: Embedder) -> Vectors:
    return embedder.embed([i.action for i in inputs])


def link_batch(
    inputs: Sequence[LinkInput],
    *,
    embedder: Embedder | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[int]:
    """Ask numbers (1, 2, …) for recommendations linked among themselves, in input order."""
    if not inputs:
        return []
    model = embedder or get_embedder()
    vectors = link_vectors(
        embed_actions(inputs, model), [i.themes for i in inputs], [i.countries for i in inputs]
    )
    centroids = ask_centroids(vectors.shape[1])
    return centroids.assign(vectors, [i.family for i in inputs], threshold=threshold, next_id=1)
