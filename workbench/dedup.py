"""Near-duplicate detection (reprints of one story by several outlets).

Texts are normalised (NFKC, casefold, punctuation as word breaks, whitespace folded) and cut
into word shingles; each text gets a MinHash signature (datasketch, fixed seed). Candidate
pairs are the documents whose signatures agree on a whole LSH band (the banding of
MinHashLSH), found by sorting each band's values, and a pair counts only if the MinHash
Jaccard estimate reaches the threshold. Matching pairs are joined into groups; every later
member of a group points to the group's first document in input order.

The cost grows with the number of documents plus the number of candidate pairs; documents
with identical signatures are grouped first, so that mass copies of one text cost one
candidate each.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

__all__ = ["find_near_duplicates", "minhash_signature", "near_duplicates", "shingle_hashes"]

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
_PAIR_CHUNK = 1 << 16  # candidate pairs checked in one array step (bounds memory)


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


def _find(parent: np.ndarray, index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The MinHash permutations of the fixed seed (drawn once per process)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=SEED, scheme="affine32").permutations


# Word hashes already computed in this process (news vocabulary repeats a lot); cleared
# when it grows large, which changes no result.
_WORD_IDS: dict[str, int] = {}
_MAX_CACHED_WORDS = 200_000


def minhash_signature(text: str, *, num_perm: int = 128, shingle: int = 5) -> np.ndarray | None:
    """MinHash values of the word shingles of ``text`` (uint32: the affine32 scheme's values
    are below 2**32); None for texts with fewer than ``2 * shingle`` words, which are never
    flagged and never serve as originals.

    Each article's signature can be computed where it is read (in a worker process);
    :func:`near_duplicates` compares them.
    """
    from datasketch import MinHash

    words = _words(text)
    if len(words) < 2 * shingle:
        return None
    if len(_WORD_IDS) > _MAX_CACHED_WORDS:
        _WORD_IDS.clear()
    minhash = MinHash(
        num_perm=num_perm,
        seed=SEED,
        hashfunc=int,  # values are already 32-bit shingle hashes
        permutations=_permutations(num_perm),
        scheme="affine32",
    )
    minhash.update_batch(_shingles_from_ids(_word_ids(words, _WORD_IDS), shingle).tolist())
    # datasketch keeps them as uint64; half the size to send from a worker and to hold
    return minhash.hashvalues.astype(np.uint32)


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
    _check(docs, threshold)
    signed = [(article_id, minhash_signature(text, num_perm=num_perm, shingle=shingle)) for article_id, text in docs]
    return near_duplicates(signed, threshold=threshold, num_perm=num_perm)


def _check(docs: Sequence[tuple[str, object]], threshold: float) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    ids = [article_id for article_id, _ in docs]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        repeated = sorted({i for i in ids if i in seen or seen.add(i)})
        raise ValueError(f"repeated article ids: {', '.join(repeated[:5])}")


def near_duplicates(
    signed: Sequence[tuple[str, np.ndarray | None]], *, threshold: float = 0.8, num_perm: int = 128
) -> dict[str, str]:
    """:func:`find_near_duplicates` over ``(article_id, minhash_signature(text))`` pairs."""
    _check(signed, threshold)
    ids = [article_id for article_id, _ in signed]
    indexed = [index for index, (_, values) in enumerate(signed) if values is not None]
    if len(indexed) < 2:
        return {}
    # Row r holds the signature of document indexed[r] (values are 32-bit: affine32 scheme).
    matrix = np.array([signed[index][1] for index in indexed], dtype=np.uint32)
    parent = np.arange(len(indexed))
    # Identical signatures agree everywhere: join each to its group's first row, and band
    # only the first rows (a copy would find exactly what its first row finds).
    order, same = _equal_rows(matrix)
    first_of = order[_run_starts(same)]
    for row, first in zip(order[1:][same].tolist(), first_of[1:][same].tolist()):
        _union(parent, row, first)
    keep = np.sort(np.concatenate([order[:1], order[1:][~same]]))
    need = threshold * num_perm
    bands, rows = lsh_params(threshold, num_perm)
    for band in range(bands):
        # Pairs already in one group need no check (a reprint shares most bands with its original).
        roots = _roots(parent)
        for a, b in _band_candidates(matrix[keep, band * rows : (band + 1) * rows]):
            a, b = keep[a], keep[b]
            a, b = a[roots[a] != roots[b]], b[roots[a] != roots[b]]
            agree = np.count_nonzero(matrix[a] == matrix[b], axis=1)
            for x, y in zip(a[agree >= need].tolist(), b[agree >= need].tolist()):
                _union(parent, x, y)
    roots = _roots(parent).tolist()
    return dict(sorted((ids[indexed[row]], ids[indexed[root]]) for row, root in enumerate(roots) if root != row))


def _union(parent: np.ndarray, a: int, b: int) -> None:
    """Join the groups of rows a and b; a group's root is its smallest row (earliest document)."""
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def _roots(parent: np.ndarray) -> np.ndarray:
    """The root of every row's group (pointer jumping, all rows at once); compresses ``parent``."""
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            return parent.copy()
        parent[:] = grand


def _equal_rows(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(order, same): an order of the rows of ``block`` in which equal rows are adjacent, and
    for each position after the first whether its row equals the one before."""
    keys = block[:, 0].astype(np.uint64)
    for col in range(1, block.shape[1]):
        keys = keys * _MIX_MUL + block[:, col]
    order = np.argsort(keys, kind="stable")
    sorted_keys, sorted_rows = keys[order], block[order]
    same = np.all(sorted_rows[1:] == sorted_rows[:-1], axis=1)
    if np.any((sorted_keys[1:] == sorted_keys[:-1]) & ~same):  # two different rows share a key: sort exactly
        order = np.lexsort(block.T[::-1])
        sorted_rows = block[order]
        same = np.all(sorted_rows[1:] == sorted_rows[:-1], axis=1)
    return order, same


def _run_starts(same: np.ndarray) -> np.ndarray:
    """For each position, the position where its run of equal rows starts."""
    starts = np.flatnonzero(np.concatenate([[True], ~same]))
    return np.repeat(starts, np.diff(np.append(starts, len(same) + 1)))


def _band_candidates(block: np.ndarray):
    """Yield (a, b) arrays of the row pairs of ``block`` whose rows are equal, every pair once,
    in chunks of about ``_PAIR_CHUNK`` pairs."""
    order, same = _equal_rows(block)
    flags = np.diff(np.concatenate([[0], same.astype(np.int8), [0]]))
    first, last = np.flatnonzero(flags == 1), np.flatnonzero(flags == -1)
    pairs = last == first + 1
    a, b = order[first[pairs]], order[last[pairs]]
    for start in range(0, len(a), _PAIR_CHUNK):
        yield a[start : start + _PAIR_CHUNK], b[start : start + _PAIR_CHUNK]
    parts_a: list[np.ndarray] = []
    parts_b: list[np.ndarray] = []
    count = 0
    for lo, hi in zip(first[~pairs].tolist(), last[~pairs].tolist()):  # groups of three or more
        group = order[lo : hi + 1]
        size = len(group)
        step = max(1, _PAIR_CHUNK // size)
        for top in range(0, size - 1, step):
            i, j = np.nonzero(np.arange(size)[None, :] > np.arange(top, min(top + step, size - 1))[:, None])
            parts_a.append(group[i + top])
            parts_b.append(group[j])
            count += len(i)
            if count >= _PAIR_CHUNK:
                yield np.concatenate(parts_a), np.concatenate(parts_b)
                parts_a, parts_b, count = [], [], 0
    if parts_a:
        yield np.concatenate(parts_a), np.concatenate(parts_b)
