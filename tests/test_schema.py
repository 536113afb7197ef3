"""indexer.schema: what the text fields index, and that the quick indexing path agrees with the
analyzer that queries use."""

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import fields

from indexer.schema import make_schema, text_analyzer

WORDS = ["The", "the", "of", "Russia’s", "U.S.", "O'Neill", "café", "strikes", "striking", "2017", "Ærø",
         "it's", "AND", "x", "naïve", "fiancée", "İstanbul", "ŉ", "１２", "dock_workers"]
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40).map(
    lambda words: "".join(word + sep for word, sep in zip(words, [" ", ". ", ", ", "\n\n", "—"] * 8, strict=False)))


def terms(text: str) -> list[str]:
    return [token.text for token in text_analyzer()(text)]


def test_words_are_folded_stemmed_and_stop_words_dropped():
    assert terms("The strikes of Russia’s U.S. dockworkers") == ["strike", "russia", "us", "dockwork"]
    assert terms("Café naïve") == ["cafe", "naiv"]


def test_positions_skip_stop_words():
    tokens = [(t.text, t.pos) for t in text_analyzer()("the port of the city reopened", positions=True)]
    assert tokens == [("port", 1), ("citi", 2), ("reopen", 3)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_text_fields_index_what_their_analyzer_gives(text):
    schema = make_schema()
    for name in ("headline", "body"):  # positions; positions and characters
        field = schema[name]
        through_whoosh = sorted(fields.TEXT.index(field, text))
        assert sorted(field.index(text)) == through_whoosh


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(1800, 1, 1)))
def test_a_date_indexes_the_terms_whoosh_gives_it(date):
    field = make_schema()["date"]
    assert list(field.index(date)) == list(fields.DATETIME.index(field, date))
