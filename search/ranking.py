"""The scoring model: BM25F with per-field length normalisation.

Field weights live in ``indexer.schema`` (they are applied at index time); the parameters here are
chosen with the relevance benchmarks in bench/.
"""

from __future__ import annotations

from whoosh import scoring

K1 = 1.2
B = 0.75
# Headlines are short and all alike in length: normalising them by length only adds noise.
FIELD_B = {"headline_B": 0.3, "people_B": 0.0}


def weighting() -> scoring.WeightingModel:
    """The weighting model every search uses."""
    return scoring.BM25F(B=B, K1=K1, **FIELD_B)
