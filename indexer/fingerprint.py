"""Near-duplicate fingerprints: one 64-bit SimHash per article, stored in the index.

News archives hold the same story many times over: a wire story in every paper that ran it, a page
crawled twice, a correction sent out again. Articles whose fingerprints differ in at most a few
bits (``search.duplicates``) are near-identical, and search shows one of them.

The fingerprint is Charikar's SimHash over the article's three-word shingles, headline included
(two dividend notices with the same figures are different companies' news), of the text's first
``TEXT_CHARS`` characters: copies share their openings, and a long article then costs what a
short one does (0.2 ms for 500 words before, 0.1 after). Words are hashed with CRC-32, stable
from one process and one run to the next, as Python's own string hash is not.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

# Fewer words than this say too little to tell copies from articles that merely look alike.
MIN_WORDS = 12
NONE = 0  # the fingerprint of an article too short to have one
TEXT_CHARS = 1500  # about 250 words

_WORD = re.compile(r"\w+")
# Odd 64-bit constants (the golden ratio's and MurmurHash3's) to mix three words into one hash.
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_FINAL = np.uint64(0xBF58476D1CE4E5B9)


def fingerprint(headline: str, text: str) -> int:
    """The SimHash of the headline's and the text's opening words (lower case, three-word
    shingles), or ``NONE`` for fewer than ``MIN_WORDS`` words."""
    opening = f"{headline}\n{text[:TEXT_CHARS]}".lower()
    words = _WORD.findall(opening)
    if len(words) < MIN_WORDS:
        return NONE
    crcs = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    shingles = (crcs[:-2] * _MIX[0]) ^ (crcs[1:-1] * _MIX[1]) ^ (crcs[2:] * _MIX[2])
    shingles ^= shingles >> np.uint64(31)
    shingles *= _FINAL
    shingles ^= shingles >> np.uint64(29)
    # Each distinct shingle votes once: a passage repeated must not outweigh the rest of the text.
    # (np.unique, written out: its checks and options cost more than the sorting on a short text.)
    shingles.sort()
    distinct = np.empty(len(shingles), dtype=bool)
    distinct[0] = True
    np.not_equal(shingles[1:], shingles[:-1], out=distinct[1:])
    shingles = shingles[distinct]
    # Each bit is the majority vote of the shingles' bits.
    bits = np.unpackbits(shingles.view(np.uint8), bitorder="little").reshape(-1, 64)
    votes = bits.sum(axis=0, dtype=np.int32) * 2 > len(shingles)
    value = int.from_bytes(np.packbits(votes, bitorder="little").tobytes(), "little")
    return value or 1  # NONE is kept for "no fingerprint"
