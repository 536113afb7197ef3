import gzip
import io
import json
import zipfile

import pytest

import search
from indexer import build_index
from indexer.extract import parse_articles
from indexer.readers import Limits, UnreadableFile, read_documents
from tests.conftest import CORPUS, article_text, word_document, word_paragraphs, write

EXPORTS = CORPUS / "library-exports"


def archive(members: dict[str, bytes | str], locked: frozenset[str] = frozenset()) -> bytes:
    """A .zip of ``members``; those in ``locked`` marked as password-protected in its directory."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    data = bytearray(packed.getvalue())
    for name in locked:
        entry = data.index(b"PK\x01\x02")
        while data[entry + 46:entry + 46 + len(name)] != name.encode():
            entry = data.index(b"PK\x01\x02", entry + 4)
        data[entry + 8] |= 1  # the general-purpose flags' "encrypted" bit
    return bytes(data)


def test_the_articles_of_every_member_numbered_across_the_archive(tmp_path):
    members = {
        "b/factiva.rtf": (EXPORTS / "factiva-2025-03-18.rtf").read_bytes(),
        "a/nexis.docx": (EXPORTS / "nexis-uni-2025-tern-point.docx").read_bytes(),
        "c/feed.jsonl.gz": gzip.compress(b'{"title": "Quay reopens", "text": "The quay reopened."}\n{nope\n'),
        "d/logo.png": b"\x89PNG\r\n\x1a\n", "e/": b"", "f/inner.zip": archive({"x.txt": "Inner"}),
    }
    skipped: list[tuple[str, str]] = []
    articles = parse_articles(write(tmp_path, "download.zip", archive(members)), skipped=skipped)
    assert [(a.record, a.headline) for a in articles] == [
        (0, "Tern Point lighthouse cottage to become a maritime museum"),
        (1, "Kestrel Valley families lose school bus as roll falls"),
        (2, "Dairy cooperative lifts milk price forecast on strong butter demand"),
        (3, "Quay reopens")]
    assert skipped == [("document 5", "c/feed.jsonl.gz line 2: invalid JSON at column 2")]


def test_a_member_that_cannot_be_read_is_named_and_the_rest_kept(tmp_path):
    page = "<html><body>" + "<p>The ferry ran late again on Monday, commuters said.</p>" * 8 + "</body></html>"
    data = archive({"locked.html": page, "page.html": page, "blank.docx": word_document("<w:p/>")},
                   frozenset({"locked.html"}))
    documents = read_documents(write(tmp_path, "pages.zip", data))
    assert [(d.kind, d.text if d.kind == "skipped" else "") for d in documents] == [
        ("skipped", "blank.docx: document holds no text"),
        ("skipped", "locked.html: locked with a password"),
        ("html", "")]


@pytest.mark.parametrize(("data", "reason"), [
    (b"PK\x03\x04 not really an archive", "not a readable ZIP archive"),
    (archive({"photo.jpg": b"\xff\xd8\xff", "notes.pdf": b"%PDF"}), "holds no file of an article format"),
    (archive({"huge.txt": "a" * (2 * 1024 * 1024)}), "unpacks past"),
])
def test_archives_that_cannot_be_read_say_why(tmp_path, data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        read_documents(write(tmp_path, "x.zip", data), Limits(max_decompressed_bytes=1024 * 1024))


def test_an_archive_in_the_corpus_is_indexed_and_searched(tmp_path):
    story = article_text("Night ferry saved", "May 2, 2024", "The council voted to keep the night ferry running.")
    record = json.dumps({"title": "Bus lanes approved", "text": "The council approved bus lanes on Harbour Road."})
    members = {"story.docx": word_document(word_paragraphs(story.split("\n"))), "wire.json": record}
    write(tmp_path / "corpus", "downloads/batch.zip", archive(members))
    report = build_index(tmp_path / "corpus", tmp_path / "index")
    assert report.documents == 2 and not report.skipped
    hits = search.search("council", tmp_path / "index").hits
    assert sorted(hit.id for hit in hits) == ["downloads/batch.zip#0", "downloads/batch.zip#1"]
