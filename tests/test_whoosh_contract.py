"""The Whoosh behaviours this product relies on, pinned so that a version bump is checked."""

from datetime import datetime

import pytest
import whoosh
from whoosh import fields, index, query
from whoosh.qparser import GtLtPlugin, QueryParser
from whoosh.qparser.dateparse import DateParserPlugin


def test_pinned_version():
    assert whoosh.versionstring() == "3.54.0"


@pytest.fixture
def dated(tmp_path):
    schema = fields.Schema(id=fields.ID(stored=True, unique=True), date=fields.DATETIME(stored=True, sortable=True),
                           body=fields.TEXT(stored=True))
    ix = index.create_in(str(tmp_path), schema)
    with ix.writer() as writer:
        for name, when in (("jan", datetime(2017, 1, 1)), ("feb", datetime(2017, 2, 15)),
                           ("mar1", datetime(2017, 3, 1, 23, 59, 59)), ("mar2", datetime(2017, 3, 2)),
                           ("y16", datetime(2016, 6, 1))):
            writer.add_document(id=name, date=when, body="news")
    return ix


def run(ix, text):
    parser = QueryParser("body", ix.schema)
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(DateParserPlugin(free=False))
    with ix.searcher() as searcher:
        return {hit["id"] for hit in searcher.search(parser.parse(text), limit=None)}


def test_date_range_is_exact_at_both_ends(dated):
    # 2.7.4 read this range as the whole of 2017.
    assert run(dated, "date:[2017-01-01 to 2017-03-01]") == {"jan", "feb", "mar1"}


def test_bare_year_and_month_cover_their_period(dated):
    assert run(dated, "date:2017") == {"jan", "feb", "mar1", "mar2"}
    assert run(dated, "date:2017-03") == {"mar1", "mar2"}


def test_open_ended_ranges(dated):
    assert run(dated, "date:[2017-03-01 to]") == {"mar1", "mar2"}
    assert run(dated, "date:[to 2016-12-31]") == {"y16"}


def test_writer_can_commit_after_a_failed_one(tmp_path):
    schema = fields.Schema(id=fields.ID(stored=True, unique=True))
    ix = index.create_in(str(tmp_path), schema)
    writer = ix.writer()
    writer.add_document(id="a")
    writer.cancel()
    with ix.writer() as writer:  # 2.7.4 stayed locked here
        writer.add_document(id="b")
    with ix.searcher() as searcher:
        assert [d["id"] for d in searcher.all_stored_fields()] == ["b"]


def test_update_document_twice_in_one_writer_keeps_two_copies(tmp_path):
    # The reason a build never carries the same article twice in one batch.
    ix = index.create_in(str(tmp_path), fields.Schema(id=fields.ID(stored=True, unique=True)))
    with ix.writer() as writer:
        writer.update_document(id="a")
        writer.update_document(id="a")
    assert ix.doc_count() in (1, 2)


def test_fuzzy_and_prefix_terms(tmp_path):
    ix = index.create_in(str(tmp_path), fields.Schema(body=fields.TEXT(stored=True)))
    with ix.writer() as writer:
        writer.add_document(body="economy president")
    parser = QueryParser("body", ix.schema)
    from whoosh.qparser import FuzzyTermPlugin

    parser.add_plugin(FuzzyTermPlugin())
    with ix.searcher() as searcher:
        assert len(searcher.search(parser.parse("ecomony~2"))) == 1
        assert len(searcher.search(parser.parse("presid*"))) == 1
        assert len(searcher.search(query.Term("body", "president"))) == 1


def test_multiprocess_writer_keeps_every_document(tmp_path):
    # 2.7.4 and other forks could silently drop documents with procs=2; the build relies on it.
    ix = index.create_in(str(tmp_path), fields.Schema(id=fields.ID(stored=True), body=fields.TEXT))
    writer = ix.writer(procs=2, multisegment=True)
    for number in range(600):
        writer.add_document(id=str(number), body=f"story number {number} about the harbour")
    writer.commit()
    with ix.searcher() as searcher:
        assert {d["id"] for d in searcher.all_stored_fields()} == {str(n) for n in range(600)}


def test_the_newest_commit_is_read_from_file_names(tmp_path):
    from indexer import store

    ix = index.create_in(str(tmp_path), fields.Schema(id=fields.ID(stored=True)))
    for name in ("a", "b", "c"):
        with ix.writer() as writer:
            writer.add_document(id=name)
    assert store.index_generation(tmp_path) == ix.latest_generation() == 3
