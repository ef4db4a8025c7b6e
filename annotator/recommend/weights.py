"""A trained CRF's attribute weights, laid out for scoring every character of a text with
a few numpy operations per feature template.

CRFsuite keeps a weight for each (attribute, label) pair seen in training. Here each
template has its attributes' values sorted (for a binary search of a whole column at once)
and their weights in two forms: a row over all labels for an attribute with weights for
:data:`DENSE` labels or more (frequent characters, word shapes: they occur at most
positions), and a list of ``(label, weight)`` pairs for the many rare ones. The character
templates (-1, 0, +1) look up the distinct characters of a text once and shift the result.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from annotator.recommend.features import _EDGE, _MASK, _SHIFT, TEMPLATES, WIDTH

DENSE = 3
#: templates whose value is a character at an offset: (template number, offset)
CHARACTERS = ((0, 0), (1, -1), (2, 1))


class Template:
    """The weights of one template's attributes."""

    def __init__(self, pairs: dict[int, list[tuple[int, float]]], labels: int):
        self.values = np.array(sorted(pairs), dtype=np.int64)
        many = [len(pairs[v]) >= DENSE for v in self.values.tolist()]
        self.dense_row = np.full(len(self.values) + 1, -1, dtype=np.int32)
        self.dense = np.zeros((sum(many) + 1, labels), dtype=np.float32)
        counts, label_ids, weights = [], [], []
        row = 0
        for k, (v, is_dense) in enumerate(zip(self.values.tolist(), many, strict=True)):
            if is_dense:
                self.dense_row[k] = row
                for label, w in pairs[v]:
                    self.dense[row, label] = w
                row += 1
                counts.append(0)
            else:
                counts.append(len(pairs[v]))
                label_ids += [p[0] for p in pairs[v]]
                weights += [p[1] for p in pairs[v]]
        self.indptr = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)])
        self.label_ids = np.array(label_ids, dtype=np.int16)
        self.weights = np.array(weights, dtype=np.float32)

    ARRAYS = ("values", "dense_row", "dense", "indptr", "label_ids", "weights")

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Template:
        t = cls.__new__(cls)
        for name in cls.ARRAYS:
            setattr(t, name, arrays[name])
        return t

    def find(self, values: np.ndarray) -> np.ndarray:
        """The index of each value among the attributes (-1: not one of them)."""
        if not len(self.values):
            return np.full(len(values), -1, dtype=np.int64)
        idx = np.searchsorted(self.values, values)
        idx[idx == len(self.values)] = 0
        idx[self.values[idx] != values] = -1
        return idx

    def add(self, found: np.ndarray, out: np.ndarray, buffer: np.ndarray) -> None:
        """Add the weights of the attributes ``found`` (one per character; -1 none);
        ``buffer``: scratch of ``out``'s shape and type."""
        rows = self.dense_row[found]  # -1 (not found) reads the last entry: -1 too
        np.take(self.dense, rows, axis=0, out=buffer)  # row -1: the zero row at the end
        out += buffer
        sparse = np.nonzero((found >= 0) & (rows < 0))[0]
        if not len(sparse):
            return
        start = self.indptr[found[sparse]]
        cnt = self.indptr[found[sparse] + 1] - start
        at = np.repeat(sparse, cnt)
        offs = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt) + \
            np.repeat(start, cnt)
        out[at, self.label_ids[offs]] += self.weights[offs]  # one weight per (at, label)

    @property
    def nbytes(self) -> int:
        return sum(getattr(self, name).nbytes for name in self.ARRAYS)


class Weights:
    """Every template's weights, and the emission scores of a text's features."""

    def __init__(self, templates: list[Template], labels: int):
        self.templates, self.labels = templates, labels

    @classmethod
    def build(cls, state: Iterable[tuple[int, int, float]], labels: int) -> Weights:
        """From ``(attribute key, label, weight)`` triples."""
        per: list[dict[int, list[tuple[int, float]]]] = [{} for _ in TEMPLATES]
        for key, label, w in state:
            per[key >> _SHIFT].setdefault(key & _MASK, []).append((label, w))
        return cls([Template(p, labels) for p in per], labels)

    def arrays(self) -> dict[str, np.ndarray]:
        return {f"t{k}_{name}": getattr(t, name) for k, t in enumerate(self.templates)
                for name in Template.ARRAYS}

    @classmethod
    def from_arrays(cls, arrays, labels: int) -> Weights:
        return cls([Template.from_arrays({name: arrays[f"t{k}_{name}"]
                                          for name in Template.ARRAYS})
                    for k in range(WIDTH)], labels)

    def emissions(self, keys: np.ndarray) -> np.ndarray:
        """``(characters, labels)`` float32 scores of a feature array."""
        n = len(keys)
        out = np.zeros((n, self.labels), dtype=np.float32)
        if n == 0:
            return out
        values = keys & _MASK
        chars, inverse = np.unique(values[:, 0], return_inverse=True)
        buffer = np.empty_like(out)
        for t, offset in CHARACTERS:
            template = self.templates[t]
            found = template.find(chars)[inverse.ravel()]
            template.add(_shift(found, offset, template.find(np.array([_EDGE]))[0]), out,
                         buffer)
        for t in range(len(CHARACTERS), WIDTH):
            self.templates[t].add(self.templates[t].find(values[:, t]), out, buffer)
        return out

    @property
    def nbytes(self) -> int:
        return sum(t.nbytes for t in self.templates)


def _shift(found: np.ndarray, offset: int, edge: int) -> np.ndarray:
    """``found`` of the character at ``i + offset`` at ``i`` (``edge`` past the ends)."""
    if offset == 0:
        return found
    out = np.full_like(found, edge)
    if offset > 0:
        out[:-offset] = found[offset:]
    else:
        out[-offset:] = found[:offset]
    return out
