from pathlib import Path

from indexer import build_index
from search.searcher import Searcher
from search.spelling import correct, terms_within
from tests.conftest import article_text, write


def index_of(tmp_path: Path, daily: list[tuple[str, str, int]],
             others: dict[str, tuple[str, str]] | None = None) -> Path:
    """An index of ``days`` articles for each (headline, body, days) of ``daily``, the day's number in
    each (a line repeated across the corpus would be dropped as boilerplate: "{day}" in the body
    makes each sentence its own), and the ``others`` (file name: (headline, body))."""
    corpus = tmp_path / "c"
    for number, (headline, body, days) in enumerate(daily):
        for day in range(1, days + 1):
            write(corpus, f"d{number}-{day:02d}.txt", article_text(f"{headline} {day}", f"May {day}, 1987",
                                                                 body.format(day=day)))
    for name, (headline, body) in (others or {}).items():
        write(corpus, name, article_text(headline, "June 1, 1987", body))
    build_index(corpus, tmp_path / "i")
    return tmp_path / "i"


def test_terms_within_finds_what_whoosh_finds(corpus_index):
    with Searcher(corpus_index) as searcher:
        reader = searcher._searcher.reader()
        for fieldname, text, maxdist, prefix in [("body", "ecomoni", 2, 0), ("body", "leve", 1, 0),
                                                 ("headline", "harbor", 2, 1), ("people", "okafr", 1, 2)]:
            expected = set(reader.terms_within(fieldname, text, maxdist, prefix))
            assert expected
            assert set(terms_within(reader, fieldname, text, maxdist, prefix)) == expected


def test_corrections_come_from_the_index_as_written(corpus_index):
    with Searcher(corpus_index) as searcher:
        assert correct(searcher._searcher, "ecomony") == "economy"
        assert correct(searcher._searcher, "levess") == "levees"
        assert correct(searcher._searcher, "economy") is None  # a known word
        assert correct(searcher._searcher, "zzzzqqq") is None  # nothing close
        assert correct(searcher._searcher, "the") is None  # a stop word


def test_the_corpus_own_typos_yield_to_the_word_meant(tmp_path):
    index = index_of(tmp_path, [("Rates note", "Paul Volcker said on day {day} that the economy grew.", 21)],
                     {"typo.txt": ("Ecomonic outlook", "Paul Volker said the ecomonic outlook was fair, and the cod "
                                                       "catch fell."),
                      "co.txt": ("Harbour Co results", "Harbour Co said profits rose.")})
    with Searcher(index) as searcher:
        # The stem of a typo one article carries ("ecomon") is nearer than the word meant ("economi").
        assert correct(searcher._searcher, "ecomony") == "economy"
        assert searcher.search("volker").suggestion == "volcker"  # one article against twenty-one
        assert correct(searcher._searcher, "volcker") is None
        # Relaxed ("volker" and "economy" are never in one article) with many results: only words
        # no article uses are corrected, and "volker" is used.
        relaxed = searcher.search("volker economy")
        assert relaxed.relaxed and relaxed.total > 5 and relaxed.suggestion is None
        assert correct(searcher._searcher, "cod") is None  # a short word in use is meant


def test_suggestions_keep_the_typed_form_and_come_when_a_word_found_nothing(tmp_path):
    # "carries" is as near to "tarrifs" as "tariffs", and commoner.
    index = index_of(tmp_path, [("Trade note", "The tariff on steel rose on day {day}, and tariffs on grain fell.", 7),
                                ("Ship note", "The ship carries timber on day {day} and carries coal.", 19)])
    with Searcher(index) as searcher:
        assert searcher.search("tarrifs").suggestion == "tariffs"  # not "tariff", the form first written
        relaxed = searcher.search("steel tarrifs")  # seven articles have "steel", none "tarrifs"
        assert relaxed.relaxed and relaxed.total == 7
        assert relaxed.suggestion == "steel tariffs"
        assert searcher.search("steel grain").suggestion is None


def test_among_words_as_near_the_one_that_sounds_as_typed_wins(tmp_path):
    # "oper" (as tables abbreviate "operating") is one letter from "opek" as "opec" is, and commoner.
    index = index_of(tmp_path, [("Oil note", "Opec ministers met on day {day}.", 3),
                                ("Results note", "Oper shr profit rose on day {day}, oper net too.", 9)])
    with Searcher(index) as searcher:
        assert searcher.search("opek").suggestion == "opec"


def test_a_slip_that_changes_where_the_stemmer_cuts_is_corrected(tmp_path):
    index = index_of(tmp_path, [("Cabinet note", "The finance minister spoke on day {day} about the winter.", 5)])
    with Searcher(index) as searcher:
        # "minster" is left whole by the stemmer, "minister" is cut to "minist": three edits apart,
        # while "winter" is two.
        assert correct(searcher._searcher, "minster") == "minister"
        assert correct(searcher._searcher, "finanse") == "finance"


def test_short_common_words_the_typed_word_opens_with_do_not_crowd_out_the_word_meant(tmp_path):
    # "minesota" opens with "mine", "mines": the stemmer never cuts "sota" off a word, so neither
    # they nor their neighbours ("line", "fine", "wine", "mile") are what was meant.
    index = index_of(tmp_path, [("Mining note", "The mine and mines, the line, a fine, wine, a mile on day {day}.", 20),
                                ("Farm note", "Minnesota farmers planted corn on day {day}.", 1)])
    with Searcher(index) as searcher:
        assert correct(searcher._searcher, "minesota") == "minnesota"


def test_a_form_with_an_ending_is_offered_however_rarer_than_the_commonest(tmp_path):
    # Six "service" to a "services" in each article: the plural is a form of the word, not a typo
    # of the articles' own, and is the one nearest "servicse".
    body = "The service, the service, the service, a service, new service, old service and services on day {day}."
    index = index_of(tmp_path, [("Transport note", body, 10)])
    with Searcher(index) as searcher:
        assert correct(searcher._searcher, "servicse") == "services"


def test_words_in_use_are_corrected_only_for_slips(tmp_path, monkeypatch):
    index = index_of(tmp_path, [("Budget note", "The government said on day {day} that the movement of leases and "
                                                "comets would come.", 24)],
                     {"typos.txt": ("Odd words", "The goverment saw a comet through lenses and a movie.")})
    with Searcher(index) as searcher:
        assert correct(searcher._searcher, "goverment") == "government"  # a letter left out
        assert correct(searcher._searcher, "comet") is None  # short: another word, not "come"
        assert correct(searcher._searcher, "lenses") is None  # one letter changed: "leases" is another word
        assert correct(searcher._searcher, "movie") is None
        # With many results, a word used by few articles is still offered a correction.
        monkeypatch.setattr("search.searcher.SUGGEST_BELOW", 1)
        monkeypatch.setattr("search.searcher.RARE_WORD", 20)
        assert searcher.search("goverment").suggestion == "government"
        monkeypatch.setattr("search.searcher.RARE_WORD", 100)  # 25 articles: none is rare
        assert searcher.search("goverment").suggestion is None


def test_a_typo_the_articles_carry_is_not_offered_as_the_form_of_a_word(tmp_path):
    index = index_of(tmp_path, [("Budget note", "The government said on day {day} that the government would act.", 5)],
                     {"a-typo.txt": ("Budget note", "The governent said the government would act.")})
    with Searcher(index) as searcher:
        # "governent" is as near to "goverment" as "government" and as long, but written once in eleven.
        assert correct(searcher._searcher, "goverment") == "government"


def test_a_misspelt_word_among_or_ed_words_is_corrected(tmp_path):
    with Searcher(index_of(tmp_path, [("Oil note", "OPEC quotas were discussed on day {day}.", 7)])) as searcher:
        results = searcher.search("opec OR quoats")
        assert results.total == 7 and not results.relaxed
        assert results.suggestion == "opec OR quotas"


def test_names_are_corrected_from_the_names_the_index_holds(corpus_index):
    with Searcher(corpus_index) as searcher:
        assert searcher.search("people:okafr").suggestion == "people:okafor"
        assert searcher.search('people:"adeze okafor"').suggestion == 'people:"adaeze okafor"'
        # Authors are their own field: "Clara Jennings" writes, and no article names her.
        assert searcher.search('authors:"clara jenings"').suggestion == 'authors:"clara jennings"'
        assert searcher.search("people:okafor").suggestion is None
        # Under the fields' other names too.
        assert searcher.search("person:okafr").suggestion == "person:okafor"
        assert searcher.search("title:levess").suggestion == "title:levees"


def test_a_suggestion_keeps_the_query_as_typed_but_for_the_corrected_words(corpus_index):
    with Searcher(corpus_index) as searcher:
        assert searcher.search('"prme minster"').suggestion == '"prime minister"'  # a phrase's first word too
        assert searcher.search("headline:levess").suggestion == "headline:levees"
        assert searcher.search("before:2024 levess").suggestion == "before:2024 levees"  # not "date:<2024"
        assert searcher.search("harbour -levess").suggestion == "harbour -levees"
        assert searcher.search("source:levess").suggestion is None  # file names are not words
        assert searcher.search("levess*").suggestion is None  # a prefix asks for variants itself
