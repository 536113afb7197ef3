import io
import zipfile

import pytest

from indexer.documents import docx_text, rtf_text
from indexer.extract import parse_articles
from indexer.readers import Limits, UnreadableFile, read_documents, record_place
from tests.conftest import CORPUS, article_text, word_document, word_paragraphs, write

LIMIT = 1024 * 1024


def test_word_paragraphs_are_lines_with_their_runs_tabs_and_breaks_joined():
    body = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Section:</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> NEWS; Pg. 3</w:t></w:r></w:p><w:p/>'
            '<w:p><w:r><w:t>Cost</w:t><w:tab/><w:t>$4m</w:t><w:br/><w:t>re</w:t><w:noBreakHyphen/><w:t>zoned</w:t>'
            '</w:r></w:p>'
            '<w:p><w:r><w:br w:type="page"/></w:r><w:r><w:t>Next story</w:t></w:r></w:p>')
    assert docx_text(word_document(body), LIMIT) == "Section: NEWS; Pg. 3\n\nCost\t$4m\nre-zoned\n\nNext story"


def test_tables_count_and_deleted_text_and_field_codes_do_not():
    body = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Load-Date:</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:t>May 2, 2024</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:p><w:del><w:r><w:delText>withdrawn </w:delText></w:r></w:del><w:r><w:instrText> HYPERLINK "x" '
            '</w:instrText></w:r><w:r><w:t>kept</w:t></w:r></w:p>')
    assert docx_text(word_document(body), LIMIT) == "Load-Date:\nMay 2, 2024\nkept"


def test_a_nexis_download_in_word_gives_the_articles_its_text_gives(tmp_path):
    text = (CORPUS / "library-exports" / "nexis-uni-2024-gull-island.txt").read_text(encoding="utf-8")
    path = write(tmp_path, "download.docx", word_document(word_paragraphs(text.split("\n"))))
    from_word, from_text = parse_articles(path), parse_articles(CORPUS / "library-exports" /
                                                                "nexis-uni-2024-gull-island.txt")
    assert len(from_word) == 3
    for word, plain in zip(from_word, from_text, strict=True):
        assert (word.headline, word.date, word.publication, word.people, word.body) == \
            (plain.headline, plain.date, plain.publication, plain.people, plain.body)
    assert record_place(path, 2) == "document 3"


def test_a_word_article_is_read_as_a_text_article(tmp_path):
    body = "The quay reopened on Friday after storm repairs, harbourmaster Ines Carvalho said."
    lines = article_text("Quay reopens after repairs", "May 2, 2024", body).split("\n")
    (article,) = parse_articles(write(tmp_path, "quay.docx", word_document(word_paragraphs(lines))))
    assert article.headline == "Quay reopens after repairs" and article.people == ["Ines Carvalho"]


def test_rtf_text_leaves_out_formatting_fonts_pictures_and_details():
    markup = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}"
              r"{\info{\title Factiva}{\author Dow Jones}}{\*\generator Writer;}\pard\f0\fs20 "
              r"{\b Caf\'e9 reopens}\par Owners \u8220?welcomed\u8221? it.\line Second line\par"
              r"{\pict\wmetafile8 0a0b0c}\par}")
    assert rtf_text(markup).split("\n")[:3] == ["Café reopens", "Owners “welcomed” it.", "Second line"]
    assert "Arial" not in rtf_text(markup) and "Dow Jones" not in rtf_text(markup)


def test_a_factiva_download_in_rtf_is_read_as_an_export():
    (dairy,) = parse_articles(CORPUS / "library-exports" / "factiva-2025-03-18.rtf")
    assert dairy.headline == "Dairy cooperative lifts milk price forecast on strong butter demand"
    assert dairy.publication == "Port Alder Business Review" and dairy.authors == ["Marcus Feld"]
    assert "Document PABREV" not in dairy.body and dairy.body.startswith("The Kestrel Valley dairy cooperative")


def bomb() -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<w:document>" + b" " * (4 * LIMIT) + b"</w:document>")
    return packed.getvalue()


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("scan.docx", b"%PDF-1.7\n" + bytes(range(256)) * 8, "not a readable Word document"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "not a readable Word document"),
    ("sheet.docx", word_document("<w:p/>", main_part="xl/workbook.xml"), "no document.xml"),
    ("broken.docx", word_document("<w:p><w:r><w:t>cut off"), "broken Word document"),
    ("blank.docx", word_document("<w:p/><w:p/>"), "holds no text"),
    ("bomb.docx", bomb(), "unpacks past"),
    ("notes.rtf", b"Just some notes, not RTF.", "not an RTF document"),
])
def test_documents_that_cannot_be_read_say_why(tmp_path, name, data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        read_documents(write(tmp_path, name, data), Limits(max_decompressed_bytes=LIMIT))
