"""Near-duplicate detection (reprints of one story by several outlets).

Texts are normalised (NFKC, casefold, punctuation as word breaks, whitespace folded) and cut
into word shingles; each text gets a MinHash signature (datasketch, fixed seed), candidate
pairs come from MinHashLSH, and a pair counts only if the MinHash Jaccard estimate reaches the
threshold. Matching pairs are joined into groups; every later member of a group points to the
group's first document in input order.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np

__all__ = ["find_near_duplicates", "shingle_hashes"]

SEED = 20240101  # fixed: signatures (and so results) are identical across runs

_WORD_RE = re.compile(r"[^\W_]+")
_MASK32 = np.uint64(0xFFFFFFFF)
_MIX_MUL = np.uint64(0x9E3779B97F4A7C15)
_FMIX_1 = np.uint64(0xFF51AFD7ED558CCD)
_FMIX_2 = np.uint64(0xC4CEB9FE1A85EC53)
_SHIFT_33 = np.uint64(33)
# LSH banding is chosen for recall: a pair exactly at the threshold must become a candidate
# with probability >= 1 - _MAX_MISS; false candidates are removed by the Jaccard check.
_MAX_MISS = 1e-3


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def _word_ids(words: list[str], cache: dict[str, int]) -> np.ndarray:
    """32-bit CRC of each word (cached: news vocabulary repeats a lot)."""
    for word in set(words).difference(cache):
        cache[word] = zlib.crc32(word.encode("utf-8"))
    return np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))


def _shingles_from_ids(ids: np.ndarray, shingle: int) -> np.ndarray:
    """Unique 32-bit hashes of all runs of ``shingle`` consecutive word ids."""
    count = len(ids) - shingle + 1
    hashes = ids[:count].copy()
    for offset in range(1, shingle):
        hashes = hashes * _MIX_MUL + ids[offset : offset + count]
    hashes ^= hashes >> _SHIFT_33
    hashes *= _FMIX_1
    hashes ^= hashes >> _SHIFT_33
    hashes *= _FMIX_2
    hashes ^= hashes >> _SHIFT_33
    return np.unique(hashes & _MASK32)


def shingle_hashes(text: str, *, shingle: int = 5) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word shingles of ``text`` (empty if too short)."""
    words = _words(text)
    if len(words) < shingle:
        return np.empty(0, dtype=np.uint64)
    return _shingles_from_ids(_word_ids(words, {}), shingle)


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows): the most selective banding that still misses a pair of Jaccard
    ``threshold`` with probability at most ``_MAX_MISS``."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if (1.0 - threshold**rows) ** bands <= _MAX_MISS:
            best = (bands, rows)
    return best


def _find(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def find_near_duplicates(
    docs: Sequence[tuple[str, str]],
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    shingle: int = 5,
) -> dict[str, str]:
    """Return ``{article_id: duplicate_of_article_id}`` for later near-duplicates.

    ``docs`` are ``(article_id, text)`` in priority order: within a group of near-duplicates
    the first one is the original and every other member maps to it (also through chains:
    if B resembles A and C resembles B, both map to A). Texts with fewer than ``2 * shingle``
    words are never flagged and never serve as originals. The result is sorted by article id.
    Raises ``ValueError`` on repeated article ids or a threshold outside (0, 1].
    """
    from datasketch import MinHash, MinHashLSH

    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    ids = [article_id for article_id, _ in docs]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        repeated = sorted({i for i in ids if i in seen or seen.add(i)})
        raise ValueError(f"repeated article ids: {', '.join(repeated[:5])}")

    template = MinHash(num_perm=num_perm, seed=SEED, scheme="affine32")
    lsh = MinHashLSH(num_perm=num_perm, params=lsh_params(threshold, num_perm))
    parent = list(range(len(docs)))
    signatures: dict[int, np.ndarray] = {}
    cache: dict[str, int] = {}
    for index, (_, text) in enumerate(docs):
        words = _words(text)
        if len(words) < 2 * shingle:
            continue
        minhash = MinHash(
            num_perm=num_perm,
            seed=SEED,
            hashfunc=int,  # values are already 32-bit shingle hashes
            permutations=template.permutations,
            scheme="affine32",
        )
        minhash.update_batch(_shingles_from_ids(_word_ids(words, cache), shingle).tolist())
        values = minhash.hashvalues
        for other in lsh.query(minhash):
            if np.count_nonzero(values == signatures[other]) >= threshold * num_perm:
                root_a, root_b = _find(parent, index), _find(parent, other)
                if root_a != root_b:
                    parent[max(root_a, root_b)] = min(root_a, root_b)
        lsh.insert(index, minhash)
        signatures[index] = values

    result = {}
    for index in signatures:
        root = _find(parent, index)
        if root != index:
            result[ids[index]] = ids[root]
    return dict(sorted(result.items()))
