import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from search.duplicates import NEAR, Folded, fold, near, one_of_each


def test_near_identical_articles_fold_under_the_best_ranked():
    prints = np.array([0b1011 << 40, (0b1011 << 40) ^ 0b111, 12345, 0, 0, 12345], dtype=np.uint64)
    entries = [(2, 9.0), (0, 8.0), (3, 7.0), (1, 6.0), (4, 5.0), (5, 4.0)]
    assert fold(entries, prints) == [Folded(2, 9.0, [5]), Folded(0, 8.0, [1]), Folded(3, 7.0), Folded(4, 5.0)]
    # One bit more than NEAR apart: two articles.
    prints[1] = (0b1011 << 40) ^ ((1 << (NEAR + 1)) - 1)
    assert [f.docnum for f in fold(entries, prints)] == [2, 0, 3, 1, 4]


def test_the_last_of_tied_copies_can_stand_for_them():
    prints = np.array([5, 5, 5, 5], dtype=np.uint64)
    entries = [(3, 2.0), (1, 2.0), (0, 2.0), (2, 1.5)]  # 3, 1 and 0 tie; 2 scores less
    assert fold(entries, prints, last_of_ties=True) == [Folded(0, 2.0, [3, 1, 2])]
    assert fold(entries, prints) == [Folded(3, 2.0, [1, 0, 2])]


def test_no_fingerprint_is_near_any():
    assert near(0b1011, 0b1010) and not near(0, 0) and not near(0, 0b1)


def test_one_of_each_keeps_one_word_for_word_copy_and_every_article_without_a_fingerprint():
    prints = np.array([7, 9, 7, 0, 0, 7, 9 ^ 1], dtype=np.uint64)
    assert one_of_each(np.arange(7), prints).tolist() == [0, 1, 3, 4, 6]


def folded_pairwise(entries, prints):
    """The folding rule read plainly: each article under the first kept one it is near."""
    kept = []
    for docnum, score in entries:
        like = next((f for f in kept if near(int(prints[docnum]), int(prints[f.docnum]))), None)
        if like is None:
            kept.append(Folded(docnum, score))
        else:
            like.copies.append(docnum)
    return kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0, 1, 2**20 + 5, 2**63 + 2**40, 2**64 - 1]),
                          st.lists(st.integers(0, 63), max_size=5)), min_size=1, max_size=40))
def test_folding_by_shared_blocks_matches_comparing_every_pair(seeds):
    # Fingerprints a few flipped bits from a handful of seeds: many near, some just too far.
    prints = np.array([seed ^ sum(1 << bit for bit in set(bits)) for seed, bits in seeds], dtype=np.uint64)
    entries = [(docnum, 1.0) for docnum in range(len(prints))]
    assert fold(entries, prints) == folded_pairwise(entries, prints)
