import gzip
import hashlib
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from indexer.extract import parse_articles
from indexer.readers import SKIPPED, UnreadableFile, read_documents, record_parts
from tests.conftest import write

PAGE = ("<html><head><title>{title} | The Alder Times</title></head><body><nav>Home News Sport</nav>"
        "<article><h1>{title}</h1><p>{text} The council said the work would take three months and cost "
        "about 40,000 pounds, which the port company has agreed to share.</p><p>Residents were told "
        "about the closure in a letter on Monday, harbourmaster Ines Carvalho said.</p></article></body></html>")


def chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100]) for i in range(0, len(body), 100)) \
        + b"0\r\n\r\n"


def archive(path: Path, compressed: bool = True, stories: int = 2) -> Path:
    """A crawl as a crawler writes it: a request before each response, payloads sent compressed or
    in chunks, a page in Latin-1, a redirect, an image and a stored page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=compressed)

        def response(url: str, status: str, headers: list[tuple[str, str]], payload: bytes) -> None:
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=http))

        for n in range(stories):
            page = PAGE.format(title=f"Quay {n} closes for repairs", text=f"Quay {n} will close on Monday.").encode()
            if n % 2:
                response(f"https://alder.example/{n}", "200 OK", [("Content-Type", "text/html"),
                                                                  ("Transfer-Encoding", "chunked")], chunked(page))
            else:
                response(f"https://alder.example/{n}", "200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                                  ("Content-Encoding", "gzip")], gzip.compress(page))
        cafe = PAGE.format(title="Café reopens", text="The café on the quay reopened.").encode("latin-1")
        response("https://alder.example/cafe", "200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")], cafe)
        response("https://alder.example/old", "301 Moved Permanently", [("Location", "/new")], b"")
        response("https://alder.example/logo.png", "200 OK", [("Content-Type", "image/png")], b"\x89PNG\r\n")
        stored = PAGE.format(title="Ferry fares rise", text="Ferry fares rise by a tenth.").encode()
        writer.write_record(writer.create_warc_record("https://alder.example/fares", "resource",
                                                      payload=io.BytesIO(stored), warc_content_type="text/html"))
    return path


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_an_archive_gives_its_html_pages_numbered_by_record(tmp_path, name):
    documents = read_documents(archive(tmp_path / name))
    assert [(d.kind, d.record) for d in documents] == [("html", 1), ("html", 3), ("html", 5), ("html", 10)]
    articles = parse_articles(tmp_path / name)
    assert [a.headline for a in articles] == ["Quay 0 closes for repairs", "Quay 1 closes for repairs",
                                              "Café reopens", "Ferry fares rise"]
    assert articles[1].body.startswith("Quay 1 will close on Monday.") and "Home News" not in articles[1].body
    assert articles[2].body.startswith("The café on the quay reopened.")
    assert articles[0].people == ["Ines Carvalho"]
    assert [a.url for a in articles] == ["https://alder.example/0", "https://alder.example/1",
                                         "https://alder.example/cafe", "https://alder.example/fares"]


def test_a_large_archive_is_cut_between_records_into_parts_read_as_the_whole_is(tmp_path):
    path = archive(tmp_path / "crawl.warc.gz", stories=40)
    digest = hashlib.blake2b()
    parts = record_parts(path, 2000, digest)
    assert len(parts) > 5 and digest.digest() == hashlib.blake2b(path.read_bytes()).digest()
    assert parts[0].start == 0 and parts[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    whole = read_documents(path)
    split = [document for part in parts for document in read_documents(path, part=part)]
    assert [(d.record, d.text) for d in split] == [(d.record, d.text) for d in whole] and len(whole) == 42
    assert record_parts(path, path.stat().st_size) is None


def test_a_broken_archive_keeps_what_came_before_the_break(tmp_path):
    path = archive(tmp_path / "crawl.warc.gz", stories=6)
    data = path.read_bytes()
    cut = write(tmp_path, "cut.warc.gz", data[: len(data) * 2 // 3])
    documents = read_documents(cut)
    pages, skipped = [d for d in documents if d.kind == "html"], [d for d in documents if d.kind == SKIPPED]
    assert 2 <= len(pages) < 7 and len(skipped) == 1 and "breaks off" in skipped[0].text
    with pytest.raises(UnreadableFile, match="not a WARC file"):
        read_documents(write(tmp_path, "notes.warc", "These are my notes, not an archive.\n"))


def test_a_record_warcio_cannot_read_ends_the_archive_there(tmp_path):
    # A response without its target address: warcio fails on it with an AttributeError.
    data = archive(tmp_path / "crawl.warc", compressed=False).read_bytes()
    third = data.index(b"WARC-Target-URI", data.index(b"https://alder.example/cafe") - 300)
    broken = write(tmp_path, "broken.warc", data[:third] + b"X-Dropped" + data[third + len(b"WARC-Target-URI"):])
    documents = read_documents(broken)
    assert [d.kind for d in documents] == ["html", "html", SKIPPED] and "breaks off" in documents[-1].text


def test_a_record_with_a_wrong_length_is_read_without_warnings_on_the_terminal(tmp_path, capfd):
    path = archive(tmp_path / "crawl.warc", compressed=False)
    data = path.read_bytes()
    # The first response's stated length one byte short: warcio warns on stderr and reads on.
    response = data.index(b"WARC-Type: response")
    length = data.index(b"Content-Length: ", response)
    end = data.index(b"\r\n", length)
    stated = int(data[length + 16:end])
    broken = data[:length + 16] + str(stated - 1).encode() + data[end:]
    documents = read_documents(write(tmp_path, "broken.warc", broken))
    assert [(d.kind, d.record) for d in documents] == [("html", 1), ("html", 3), ("html", 5), ("html", 10)]
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
