"""indexer.writer: segments written through the word-grouping pool are byte for byte the
segments Whoosh's own writers write, whether the pool fits in memory or spills to run files."""

import random
from pathlib import Path

import pytest
from whoosh import index

from indexer.build import _WRITER_OPTIONS, _document
from indexer.extract import parse_articles
from indexer.schema import make_schema
from indexer.writer import TermPool, open_writer

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def shipped_documents() -> list[dict]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    return [_document(article, str(path.relative_to(CORPUS)), set())
            for path in files for article in parse_articles(path)]


def segment_files(folder: Path) -> dict[str, bytes]:
    """Every file of the index's one segment, by its name without the segment's random id
    ("MAIN_f4ol9d39ez68ddsu.pst" -> "pst")."""
    files = {path.name.split(".", 1)[1]: path.read_bytes()
             for path in folder.iterdir() if path.name.startswith("MAIN_") and "." in path.name}
    assert "pst" in files and "trm" in files
    return files


def write(folder: Path, documents: list[dict], make_writer) -> dict[str, bytes]:
    folder.mkdir()
    ix = index.create_in(str(folder), make_schema())
    writer = make_writer(ix)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    return segment_files(folder)


@pytest.mark.parametrize("limitmb", [600, 0.05])  # 0.05 MB: the pool spills to a dozen run files
def test_segments_are_byte_for_byte_whooshs(tmp_path, limitmb):
    documents = shipped_documents()
    options = dict(_WRITER_OPTIONS, limitmb=limitmb)
    theirs = write(tmp_path / "whoosh", documents, lambda ix: ix.writer(**options))
    ours = write(tmp_path / "ours", documents, lambda ix: open_writer(ix, **options))
    assert theirs.keys() == ours.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name


def test_lists_of_one_block_and_of_several_are_whooshs(tmp_path):
    # Three copies of each article: common words' lists run past a block of 128 postings, and
    # take the general path; shorter lists are written at once.
    documents = shipped_documents() * 3
    theirs = write(tmp_path / "whoosh", documents, lambda ix: ix.writer(**_WRITER_OPTIONS))
    ours = write(tmp_path / "ours", documents, lambda ix: open_writer(ix, **_WRITER_OPTIONS))
    assert theirs == ours
    ix = index.open_dir(str(tmp_path / "ours"))
    with ix.reader() as reader:
        assert max(reader.doc_frequency(*term) for term in reader.all_terms()) > 128


def test_a_spilled_pool_gives_back_every_posting_in_order(tmp_path):
    from whoosh.filedb.filestore import FileStorage

    rng = random.Random(7)
    pool = TermPool(FileStorage(str(tmp_path)), limitmb=0.01)
    postings = []
    for docnum in range(400):
        for word in rng.sample([b"alpha", b"beta", b"gamma", b"delta", b"epsilon"], 3):
            fieldname = rng.choice(["body", "headline"])
            postings.append((fieldname, word, docnum, float(docnum % 7 + 1), b"v%d" % docnum))
    for posting in postings:
        pool.add(posting)
    assert len(list(tmp_path.glob("*.terms"))) > 3
    terms = list(pool.iter_terms())
    assert [(f, t) for f, t, _ in terms] == sorted({(f, t) for f, t, *_ in postings})
    for fieldname, text, (docnums, weights, values) in terms:
        assert list(zip(docnums, weights, values, strict=True)) == \
            [(docnum, weight, value) for f, t, docnum, weight, value in postings if (f, t) == (fieldname, text)]
    pool.cleanup()
    assert not list(tmp_path.glob("*.terms"))


def postings_by_article(ix) -> dict[tuple[str, bytes], list[tuple[str, float, bytes]]]:
    """Every posting of an index as (article id, weight, value), by field and word."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        found = {}
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            postings = []
            while matcher.is_active():
                postings.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            found[fieldname, text] = sorted(postings)
        return found


def test_merged_segments_hold_what_one_writer_writes(tmp_path):
    documents = shipped_documents()
    (tmp_path / "merged").mkdir()
    merged = index.create_in(str(tmp_path / "merged"), make_schema())
    for part in (documents[:10], documents[10:25], documents[25:]):
        writer = open_writer(merged, **_WRITER_OPTIONS)
        for document in part:
            writer.add_document(**document)
        writer.commit(merge=False)
    assert len(merged.reader().leaf_readers()) == 3
    open_writer(merged, **_WRITER_OPTIONS).commit(optimize=True)
    assert len(merged.reader().leaf_readers()) == 1
    (tmp_path / "whole").mkdir()
    whole = index.create_in(str(tmp_path / "whole"), make_schema())
    with whole.writer(**_WRITER_OPTIONS) as writer:
        for document in documents:
            writer.add_document(**document)
    assert postings_by_article(merged) == postings_by_article(whole)
