"""Near-identical articles folded under the best ranked of them, as search engines show one copy
of a page: a wire story every paper ran, a page crawled twice, a story sent out again corrected.

Articles are near-identical when their fingerprints (``indexer.fingerprint``) differ in at most
``NEAR`` of 64 bits: on Reuters-21578 every such pair is a story and its re-send, while pairs 6
bits apart include one agency report and the next month's, with new figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

NEAR = 3  # the distance Manku, Jain and Das Sarma chose for 64-bit SimHash over the web (2007)
# Fingerprints at most NEAR bits apart agree in one of NEAR + 1 blocks at least (the differing bits
# fall in NEAR blocks at most), so only articles that share a block need comparing, as Manku et
# al. index them: comparing every ranked article with every one kept took minutes for 20,000.
_BLOCK_BITS = 64 // (NEAR + 1)
_BLOCK_MASK = (1 << _BLOCK_BITS) - 1


@dataclass
class Folded:
    """A ranked article and the near-identical ones ranked below it."""

    docnum: int
    score: float
    copies: list[int] = field(default_factory=list)


def fold(entries: list[tuple[int, float]], fingerprints: np.ndarray, last_of_ties: bool = False) -> list[Folded]:
    """The ranked (docnum, score) entries with each near-identical article folded under the first
    of its kind; articles without a fingerprint (too short to have one) are never folded.

    With ``last_of_ties``, the last of the copies that score as the first stands for them: ranked
    by relevance, equal scores list the newer article first, and a story is best shown as the paper
    that ran it first rather than the weekend edition that reprinted it.
    """
    kept: list[Folded] = []
    prints: list[int] = []
    sharing: dict[tuple[int, int], list[int]] = {}  # (block, its bits) -> the kept articles with them
    for docnum, score in entries:
        mine = int(fingerprints[docnum])
        blocks = _blocks(mine) if mine else []
        candidates = sorted({number for block in blocks for number in sharing.get(block, ())})
        like = next((number for number in candidates if near(mine, prints[number])), None)
        if like is None:
            for block in blocks:
                sharing.setdefault(block, []).append(len(kept))
            kept.append(Folded(docnum, score))
            prints.append(mine)
        elif last_of_ties and score == kept[like].score:
            kept[like].copies.append(kept[like].docnum)
            kept[like].docnum = docnum
        else:
            kept[like].copies.append(docnum)
    return kept


def _blocks(fingerprint: int) -> list[tuple[int, int]]:
    return [(block, (fingerprint >> (block * _BLOCK_BITS)) & _BLOCK_MASK) for block in range(NEAR + 1)]


def near(one: int, other: int) -> bool:
    """Whether two fingerprints are of near-identical articles (no fingerprint is near none)."""
    return bool(one and other) and (one ^ other).bit_count() <= NEAR


def one_of_each(docnums: np.ndarray, fingerprints: np.ndarray) -> np.ndarray:
    """``docnums`` with one article of each fingerprint shared exactly (a story's word-for-word
    copies), and every article without one. Copies a few bits apart all stay: finding them would
    compare every pair of the articles."""
    prints = fingerprints[docnums]
    printed = prints != 0
    _, first = np.unique(prints[printed], return_index=True)
    return np.sort(np.concatenate((docnums[~printed], docnums[printed][first])))
