"""BM25 keyword index over jieba terms, stored as plain files (JSON + NumPy ``.npz``)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

from partyqa.text.segment import tokenize

VOCAB_FILE = "bm25_vocab.json"
MATRIX_FILE = "bm25_tf.npz"


class BM25Index:
    """Okapi BM25 over a fixed list of documents (rows align with ``chunks.jsonl``).

    Attributes:
        k1: Term-frequency saturation.
        b: Length normalization.
    """

    def __init__(self, vocab: dict[str, int], tf: sparse.csr_matrix, k1: float = 1.2, b: float = 0.75):
        self.vocab = vocab
        self.k1 = k1
        self.b = b
        self.tf = tf.tocsc()
        n_docs = tf.shape[0]
        self.doc_len = np.asarray(tf.sum(axis=1)).ravel().astype(np.float32)
        self.avg_len = float(self.doc_len.mean()) if n_docs else 0.0
        df = np.diff(self.tf.indptr).astype(np.float32)
        self.idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)

    @classmethod
    def build(cls, texts: list[str], k1: float = 1.2, b: float = 0.75) -> BM25Index:
        """Index normalized ``texts`` (one per chunk)."""
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for row, text in enumerate(texts):
            for term, count in Counter(tokenize(text, normalized=True)).items():
                col = vocab.setdefault(term, len(vocab))
                rows.append(row)
                cols.append(col)
                vals.append(count)
        tf = sparse.csr_matrix(
            (np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(len(texts), len(vocab))
        )
        return cls(vocab, tf, k1, b)

    @property
    def size(self) -> int:
        """Number of indexed documents."""
        return self.tf.shape[0]

    def scores(self, query: str) -> np.ndarray:
        """Return the BM25 score of every document for ``query`` (any script)."""
        out = np.zeros(self.size, dtype=np.float32)
        if not self.size:
            return out
        norm = self.k1 * (1 - self.b + self.b * self.doc_len / max(self.avg_len, 1e-9))
        for term in dict.fromkeys(tokenize(query)):  # each distinct query term once
            col = self.vocab.get(term)
            if col is None:
                continue
            start, end = self.tf.indptr[col], self.tf.indptr[col + 1]
            docs = self.tf.indices[start:end]
            tf = self.tf.data[start:end]
            out[docs] += self.idf[col] * tf * (self.k1 + 1) / (tf + norm[docs])
        return out

    def save(self, directory: Path) -> None:
        """Write the vocabulary (JSON) and the term-frequency matrix (``.npz``)."""
        meta = {"k1": self.k1, "b": self.b, "vocab": self.vocab}
        (directory / VOCAB_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        sparse.save_npz(directory / MATRIX_FILE, self.tf.tocsr(), compressed=True)

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        """Load an index written by :meth:`save`."""
        meta = json.loads((directory / VOCAB_FILE).read_text(encoding="utf-8"))
        tf = sparse.load_npz(directory / MATRIX_FILE)
        return cls(meta["vocab"], tf.tocsr(), meta["k1"], meta["b"])
