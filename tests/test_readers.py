import gzip
import hashlib
import json

import pytest

from indexer.readers import (
    SKIPPED,
    Limits,
    UnreadableFile,
    decode,
    is_supported,
    read_at_most,
    read_documents,
    record_parts,
)
from tests.conftest import ATOM, RSS, write


def test_plain_text_and_gzip_read_the_same(tmp_path):
    text = "Headline\n\nBody line with café.\n"
    plain = write(tmp_path, "a.txt", text)
    packed = write(tmp_path, "b.txt.gz", gzip.compress(text.encode()))
    assert read_documents(plain)[0].text == read_documents(packed)[0].text == text
    assert read_documents(packed)[0].kind == "text"


def test_format_follows_the_extension_under_gz(tmp_path):
    page = write(tmp_path, "p.html.gz", gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    assert read_documents(page)[0].kind == "html"
    assert is_supported(page) and not is_supported(tmp_path / "budget.xlsx")
    assert is_supported(tmp_path / "download.DOCX") and is_supported(tmp_path / "factiva.rtf")
    assert not is_supported(tmp_path / "~$download.docx")  # Word's lock file beside an open document
    assert is_supported(tmp_path / "export.csv.gz") and is_supported(tmp_path / "export.TSV")
    assert is_supported(tmp_path / "notes.md")  # Markdown, read as plain text


def test_a_page_saved_under_a_text_name_is_read_as_html(tmp_path):
    saved = write(tmp_path, "saved.txt", "<!-- saved from url -->\n<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert read_documents(saved)[0].kind == "html"
    about = write(tmp_path, "about.txt", "How pages begin\n\nEvery page starts with <!DOCTYPE html>, the spec says.\n")
    assert read_documents(about)[0].kind == "text"


def test_utf16_with_bom_is_decoded():
    assert decode("Nachrichten über Wahlen".encode("utf-16")) == "Nachrichten über Wahlen"


def test_mixed_encodings_decode_line_by_line():
    data = "Zürich café\n".encode() + "Gerätè\n".encode("cp1252")
    assert decode(data) == "Zürich café\nGerätè\n"


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7 binary", "binary"),
    (b"\x89PNG\r\n\x1a\n....", "binary"),
    (b"text with a \x00 NUL byte", "binary"),
])
def test_binary_files_are_refused(tmp_path, data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        read_documents(write(tmp_path, "x.txt", data))


def test_empty_and_whitespace_files_are_refused(tmp_path):
    for name, data in (("e.txt", b""), ("w.txt", b" \n\t\n")):
        with pytest.raises(UnreadableFile, match="empty"):
            read_documents(write(tmp_path, name, data))


def test_size_limits_are_enforced(tmp_path):
    big = write(tmp_path, "big.txt", b"word " * 1000)
    with pytest.raises(UnreadableFile, match="limit"):
        read_documents(big, Limits(max_file_bytes=100))
    bomb = write(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 200_000))
    with pytest.raises(UnreadableFile, match="decompresses"):
        read_documents(bomb, Limits(max_decompressed_bytes=10_000))


def test_read_at_most_reads_a_file_whole_or_one_byte_over_the_limit(tmp_path):
    path = write(tmp_path, "a.txt", b"0123456789")
    with open(path, "rb") as handle:
        assert read_at_most(handle, 100) == b"0123456789"
    with open(path, "rb") as handle:
        assert read_at_most(handle, 4) == b"01234"
    with open(path, "rb") as handle:
        assert read_at_most(handle, 10) == b"0123456789"


def test_read_at_most_follows_a_file_that_grows_as_it_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", b"0123456789")
    # Its size as it was when it was asked for, before five bytes were added.
    monkeypatch.setattr("indexer.readers.os.fstat", lambda fileno: type("Stat", (), {"st_size": 5}))
    with open(path, "rb") as handle:
        assert read_at_most(handle, 8) == b"012345678"
    with open(path, "rb") as handle:
        assert read_at_most(handle, 100) == b"0123456789"


def test_truncated_gzip_is_refused(tmp_path):
    data = gzip.compress(b"Headline\n\n" + b"body text " * 500)
    with pytest.raises(UnreadableFile, match="truncated|corrupt"):
        read_documents(write(tmp_path, "t.txt.gz", data[: len(data) // 2]))


def test_json_object_list_and_wrapper(tmp_path):
    one = write(tmp_path, "one.json", json.dumps({"title": "T", "text": "B"}))
    many = write(tmp_path, "many.json", json.dumps([{"title": "A"}, 3, {"title": "B"}]))
    wrapped = write(tmp_path, "wrap.json", json.dumps({"articles": [{"title": "A"}, {"title": "B"}]}))
    assert [d.record for d in read_documents(one)] == [None]
    assert [(d.record, d.kind) for d in read_documents(many)] == [(0, "record"), (1, SKIPPED), (2, "record")]
    assert len(read_documents(wrapped)) == 2


def test_json_records_inside_an_api_answer(tmp_path):
    search_engine = {"took": 3, "hits": {"total": {"value": 2}, "hits": [{"_source": {"title": "A"}},
                                                                          {"_source": {"title": "B"}}]}}
    diffbot = {"request": {"pageUrl": "x"}, "objects": [{"type": "article", "title": "C"}]}
    tagged = {"title": "D", "text": "Body.", "entries": ["ferries", "harbour"]}
    assert [d.fields for d in read_documents(write(tmp_path, "es.json", json.dumps(search_engine)))] == [
        {"_source": {"title": "A"}}, {"_source": {"title": "B"}}]
    assert [d.fields["title"] for d in read_documents(write(tmp_path, "diffbot.json", json.dumps(diffbot)))] == ["C"]
    assert [d.fields["title"] for d in read_documents(write(tmp_path, "tagged.json", json.dumps(tagged)))] == ["D"]


def test_json_records_inside_an_api_answer_s_envelope(tmp_path):
    answer = {"status": "ok", "response": {"total": 2, "results": [{"webTitle": "A"}, {"webTitle": "B"}]}}
    documents = read_documents(write(tmp_path, "guardian.json", json.dumps(answer)))
    assert [d.fields["webTitle"] for d in documents] == ["A", "B"]
    answer = {"status": "OK", "response": {"docs": [{"headline": {"main": "C"}}], "meta": {"hits": 1}}}
    assert [d.record for d in read_documents(write(tmp_path, "nyt.json", json.dumps(answer)))] == [None]


def test_json_that_holds_no_object_is_refused(tmp_path):
    for name, text in (("n.json", "42"), ("s.json", '"text"'), ("bad.json", "{oops")):
        with pytest.raises(UnreadableFile):
            read_documents(write(tmp_path, name, text))


def test_feeds_give_a_record_per_item_or_entry(tmp_path):
    first, second = read_documents(write(tmp_path, "herald.rss", RSS))
    assert first.fields == {"title": "Port strike ends", "content": "Dockworkers voted to accept the offer.",
                            "link": "https://herald.example/port-strike-ends",
                            "pubDate": "Tue, 08 Apr 2025 07:00:00 GMT", "author": "Priya Natarajan"}
    assert (second.record, second.fields["content:encoded"], second.fields["description"],
            second.fields["dc:creator"]) == (1, "<p>The café reopened.</p>", "Teaser only.", "Tom Baptiste")
    first, second = read_documents(write(tmp_path, "herald.atom", ATOM))
    assert first.fields["author"] == [{"name": "Priya Natarajan"}, {"name": "Tom Baptiste"}]
    assert first.fields["content"] == "<p>Dockworkers voted.</p>"
    assert second.fields["content"].startswith('<div xmlns="http://www.w3.org/1999/xhtml"><p>It reopened.</p>')


def test_xml_that_is_no_feed_is_refused_and_entities_are_not_expanded(tmp_path):
    with pytest.raises(UnreadableFile, match="no RSS item or Atom entry"):
        read_documents(write(tmp_path, "sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>'))
    laughs = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              '<rss><channel><item><title>T</title><description>x &b; y</description></item></channel></rss>')
    (record,) = read_documents(write(tmp_path, "laughs.xml", laughs))
    assert "aaaa" not in str(record.fields)


def test_a_broken_feed_is_read_as_far_as_it_goes(tmp_path):
    # A reference to half a character, a prefix never declared, an item cut short.
    broken = ('<rss><channel><item><title>Caf&#xD800;&#233; reopens</title><content:encoded>It reopened.'
              '</content:encoded></item><item><title>Cut sh')
    first, second = read_documents(write(tmp_path, "broken.rss", broken))
    assert first.fields == {"title": "Caf\ufffd\u00e9 reopens", "content:encoded": "It reopened."}
    assert second.fields == {"title": "Cut sh"}


def test_a_table_gives_a_record_per_row_named_by_its_header(tmp_path):
    # Excel's BOM, a cell in quotes holding the separator and a line break, a blank line, an
    # unnamed index column (as pandas writes one) and a row short of cells.
    table = ('\ufeff,title,date,content\r\n0,"Fares rise, again",2024-03-02,"First paragraph.\r\n\r\nSecond."\r\n'
             '\r\n1,Quay reopens,2024-03-03\r\n')
    first, second = read_documents(write(tmp_path, "export.csv", table))
    assert first.fields == {"title": "Fares rise, again", "date": "2024-03-02",
                            "content": "First paragraph.\r\n\r\nSecond."}
    assert (second.record, second.fields) == (2, {"title": "Quay reopens", "date": "2024-03-03"})
    # The separator is the one the header uses most: semicolons (Excel in much of Europe), tabs.
    (row,) = read_documents(write(tmp_path, "europe.csv", "title;date;text\nFähre, neu;02.03.2024;Der Text.\n"))
    assert row.fields == {"title": "Fähre, neu", "date": "02.03.2024", "text": "Der Text."}
    (row,) = read_documents(write(tmp_path, "tabbed.tsv", "title\tbody\nA, B and C\tThe text.\n"))
    assert row.fields == {"title": "A, B and C", "body": "The text."}


def test_a_table_with_a_bad_row_keeps_the_rest_and_one_without_rows_is_refused(tmp_path):
    huge = "x" * (4 * 1024 * 1024 + 1)
    first, second = read_documents(write(tmp_path, "big.csv", f'title,body\nA,"{huge}"\nB,Fine text.\n'))
    assert (first.kind, first.record) == (SKIPPED, 0) and "field larger than field limit" in first.text
    assert (second.record, second.fields) == (1, {"title": "B", "body": "Fine text."})
    with pytest.raises(UnreadableFile, match="no rows"):
        read_documents(write(tmp_path, "header.csv", "title,body\n"))
    # Read in parts, a header csv cannot read (a carriage return alone inside it).
    broken = write(tmp_path, "broken.csv", "ti\rtle,body\n" + "A,Text.\n" * 20)
    (part, *_) = record_parts(broken, 40)
    with pytest.raises(UnreadableFile, match="no header row"):
        read_documents(broken, part=part)
    with pytest.raises(UnreadableFile, match="fewer than two columns"):
        read_documents(write(tmp_path, "list.csv", "just one line of text\nand another\n"))


def test_a_table_is_cut_between_rows_into_parts_that_read_as_the_whole_does(tmp_path):
    # Rows whose quoted cells hold line breaks and separators, a blank line, a row with a cell
    # past csv's limit, and Excel's BOM.
    rows = [f'{n};"Item {n}";"First line {n};\r\nsecond line."\r\n'.encode() for n in range(40)]
    rows[5] = b"\r\n"
    rows[9] = b'9;"Item 9";"' + b"x" * (4 * 1024 * 1024 + 1) + b'"\r\n'
    rows[20] = '20;"Caf\u00e9 {}";"Text."\r\n'.encode()
    data = b"\xef\xbb\xbfid;title;body\r\n" + b"".join(rows)
    path = write(tmp_path, "export.csv", data)
    digest = hashlib.blake2b()
    parts = record_parts(path, 100, digest)
    assert len(parts) > 10 and digest.digest() == hashlib.blake2b(data).digest()
    assert parts[0].start == len("\ufeffid;title;body\r\n".encode()) and parts[-1].end == len(data)
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    whole = read_documents(path)
    split = [record for part in parts for record in read_documents(path, part=part)]
    assert [(r.kind, r.record, r.fields) for r in split] == [(r.kind, r.record, r.fields) for r in whole]
    assert [r.record for r in whole if r.kind == SKIPPED] == [9]
    assert whole[19].fields == {"id": "20", "title": "Café {}", "body": "Text."}
    assert whole[0].fields["body"] == "First line 0;\r\nsecond line."
    assert record_parts(path, len(data)) is None


def test_jsonl_skips_broken_lines_but_keeps_the_rest(tmp_path):
    path = write(tmp_path, "f.jsonl", '{"title": "A"}\n{broken\n[1, 2]\n{"title": "B"}\n')
    documents = read_documents(path)
    assert [(d.fields["title"], d.record) for d in documents if d.kind == "record"] == [("A", 0), ("B", 3)]
    assert [(d.record, d.text) for d in documents if d.kind == SKIPPED] == \
        [(1, "invalid JSON at column 2"), (2, "not a JSON object")]


def test_missing_file_and_directory_are_reported(tmp_path):
    with pytest.raises(UnreadableFile, match="vanished"):
        read_documents(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(UnreadableFile, match="directory"):
        read_documents(tmp_path / "dir.txt")


def test_a_jsonl_file_is_cut_after_lines_into_parts(tmp_path):
    lines = [b'{"headline": "A", "body": "x"}\n', b'{"headline": "B", "body": "yy"}\n', b"\n",
             b'{"headline": "C", "body": "z"}']
    path = write(tmp_path, "f.jsonl", b"".join(lines))
    digest = hashlib.blake2b()
    parts = record_parts(path, 30, digest)
    assert [(p.start, p.end, p.first_line) for p in parts] == [(0, 31, 0), (31, 63, 1), (63, 94, 2)]
    assert digest.digest() == hashlib.blake2b(b"".join(lines)).digest()
    assert [[r.record for r in read_documents(path, part=part)] for part in parts] == [[0], [1], [3]]
    with pytest.raises(UnreadableFile, match="line 2 is longer than the 10-byte limit"):
        read_documents(path, Limits(max_file_bytes=10), part=parts[1])
    # Read whole: a small file, a gzipped one, another format, UTF-16 (whose line ends are two bytes).
    assert record_parts(path, 1000) is None
    assert record_parts(write(tmp_path, "g.jsonl.gz", gzip.compress(b"".join(lines))), 10) is None
    assert record_parts(write(tmp_path, "h.json", b"".join(lines)), 10) is None
    assert record_parts(write(tmp_path, "w.jsonl", "\n".join(['{"a": 1}'] * 9).encode("utf-16")), 10) is None
