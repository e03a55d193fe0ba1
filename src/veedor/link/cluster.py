"""Grouping recommendation vectors into asks: online average-linkage clustering.

Each recommendation joins the ask whose members are on average most similar to it (its mean
cosine similarity to them, computed from the sum of their unit vectors), if that average reaches
the threshold, the ask is addressed to the same family of actor and it concerns at least one of
the recommendation's countries (when both name some); otherwise it starts a new ask. The same
request of another country ("extend TPS for Venezuelans" / "… for Hondurans") is another ask,
however alike the words: the country one-hot alone moved those pairs too little. Averaging over members, rather than comparing with a centroid, keeps a large ask from
drifting into a vague catch-all that attracts everything. The same procedure serves a new document (its
recommendations against the existing asks, nothing else re-clustered) and a full re-link (every
recommendation, oldest first).

Work is done in chunks: a chunk's similarities to all existing centroids are one matrix product
(fast BLAS), and only the asks created or grown inside the chunk are compared one by one. Centroids
of older asks are refreshed between chunks, so 100,000 recommendations link in minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

# Calibrated on the seed documents' gold groups (B-cubed) and on our own EN/ES paraphrase pairs;
# see tests/link. Mean cosine similarity of linking vectors (USE-m3 action embeddings + themes
# + countries).
DEFAULT_THRESHOLD = 0.52
_CHUNK = 512
_UNKNOWN = "unknown"


@dataclass
class AskCentroids:
    """The asks known so far: their ids, families and summed member vectors.

    When ``country_dims`` is set, the last ``country_dims`` columns of every vector are its
    countries (hashed one-hot, non-negative), so an ask's countries are the non-zero columns of
    its sum: no separate bookkeeping, and asks loaded from their stored sums carry them too."""

    dim: int
    country_dims: int = 0
    ids: list[int] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    _sums: Vectors = field(init=False)
    _counts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sums = np.zeros((0, self.dim), dtype=np.float32)
        self._row: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, ask_id: int, family: str, vectors: Vectors) -> None:
        """A known ask with its members' vectors (one row each)."""
        self.add_sum(ask_id, family, vectors.sum(axis=0), len(vectors))

    def add_sum(self, ask_id: int, family: str, total: Vectors, count: int) -> None:
        """A known ask given by the sum of its ``count`` members' vectors."""
        if ask_id in self._row:
            row = self._row[ask_id]
            self._sums[row] += total
            self._counts[row] += count
            return
        self._row[ask_id] = len(self.ids)
        self.ids.append(ask_id)
        self.families.append(family)
        self._counts.append(count)
        self._grow()
        self._sums[len(self.ids) - 1] = total

    def _grow(self) -> None:
        if len(self.ids) > len(self._sums):
            bigger = np.zeros((max(64, 2 * len(self._sums)), self.dim), dtype=np.float32)
            bigger[: len(self._sums)] = self._sums
            self._sums = bigger

    def total(self, ask_id: int) -> Vectors:
        """The sum of an ask's member vectors."""
        out: Vectors = self._sums[self._row[ask_id]]
        return out

    def count(self, ask_id: int) -> int:
        return self._counts[self._row[ask_id]]

    def assign(
        self,
        vectors: Vectors,
        families: Sequence[str],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        next_id: int,
    ) -> list[int]:
        """An ask id for each row of ``vectors``, in order: an existing ask when one is close
        enough, else a new one numbered from ``next_id`` upwards. Updates the centroids."""
        out: list[int] = []
        for begin in range(0, len(vectors), _CHUNK):
            chunk = vectors[begin : begin + _CHUNK]
            fams = families[begin : begin + _CHUNK]
            known = len(self.ids)
            counts = np.asarray(self._counts[:known], dtype=np.float32)
            sims = (
                (chunk @ self._sums[:known].T) / counts
                if known
                else np.zeros((len(chunk), 0), np.float32)
            )
            if known:
                sims[~_compatible(fams, self.families)] = -1.0
                if self.country_dims:
                    sims[~self._same_countries(chunk, self._sums[:known])] = -1.0
            touched: list[int] = []  # rows created or grown inside this chunk
            for i, (vector, family) in enumerate(zip(chunk, fams, strict=True)):
                best_row, best = -1, -1.0
                if known:
                    row = int(np.argmax(sims[i]))
                    best_row, best = row, float(sims[i, row])
                for row in touched:
                    if not _same_family(family, self.families[row]):
                        continue
                    if (
                        self.country_dims
                        and not self._same_countries(
                            vector[None, :], self._sums[row : row + 1]
                        ).all()
                    ):
                        continue
                    s = float(vector @ self._sums[row]) / self._counts[row]
                    if s > best:
                        best_row, best = row, s
                if best_row >= 0 and best >= threshold:
                    self._sums[best_row] += vector
                    self._counts[best_row] += 1
                    if best_row not in touched:
                        touched.append(best_row)
                    out.append(self.ids[best_row])
                else:
                    ask_id = next_id
                    next_id += 1
                    self.add(ask_id, family, vector[None, :])
                    touched.append(len(self.ids) - 1)
                    out.append(ask_id)
        return out

    def _same_countries(self, rows: Vectors, sums: Vectors) -> npt.NDArray[np.bool_]:
        """For each row × ask: True unless both name countries and none is shared."""
        mine = (rows[:, -self.country_dims :] > 0).astype(np.float32)
        theirs = (sums[:, -self.country_dims :] > 0).astype(np.float32)
        shared = (mine @ theirs.T) > 0
        unnamed = (mine.sum(axis=1) == 0)[:, None] | (theirs.sum(axis=1) == 0)[None, :]
        out: npt.NDArray[np.bool_] = shared | unnamed
        return out


def _same_family(a: str, b: str) -> bool:
    return _UNKNOWN in (a, b) or a == b


def _compatible(rows: Sequence[str], columns: Sequence[str]) -> npt.NDArray[np.bool_]:
    r = np.asarray(rows, dtype=object)[:, None]
    c = np.asarray(columns, dtype=object)[None, :]
    return np.asarray((r == c) | (r == _UNKNOWN) | (c == _UNKNOWN), dtype=bool)


def _cosine(vector: Vectors, total: Vectors) -> float:
    norm = float(np.linalg.norm(total))
    return float(vector @ total) / norm if norm else 0.0
