"""Web archives (WARC files, as crawlers and Common Crawl's CC-NEWS write them) → the HTML pages
they hold, one raw document per page.

A WARC file is a sequence of records: the crawler's requests, the server's responses, metadata.
Only successful responses (and stored resources) that are HTML pages are articles; their payload
is given back as the server sent it before transfer and content encodings (warcio undoes both).
A large file is read in parts cut between records (``warc_parts``); each part is read on its own.
"""

from __future__ import annotations

import codecs
import contextlib
import io
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .readers import SKIPPED, Limits, Part, RawDocument, UnreadableFile, decode

_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_ARTICLE_RECORDS = ("response", "resource")


def warc_documents(path: Path, limits: Limits, part: Part | None = None) -> list[RawDocument]:
    """The HTML pages of a WARC file (``.warc`` or ``.warc.gz``), or of one ``part`` of it, as raw
    documents numbered by their record's place in the file; a page too large or undecodable is
    a skipped record. Raises ``UnreadableFile`` when the file is no WARC."""
    documents = []
    first = number = part.first_line if part is not None else 0
    # warcio writes its warnings about a broken record to stderr, with the record's bytes: they
    # would reach the terminal raw, and through the progress bar.
    try:
        with open(path, "rb") as handle, contextlib.redirect_stderr(io.StringIO()):
            if part is not None:
                handle.seek(part.start)
            elif path.stat().st_size > limits.max_file_bytes:
                raise UnreadableFile(f"larger than the {limits.max_file_bytes:,}-byte limit")
            records = ArchiveIterator(handle)
            for record in records:
                if record.format != "warc":  # warcio reads any text as an old ARC file
                    raise UnreadableFile("not a WARC file")
                if part is not None and records.offset >= part.end:  # where this record starts
                    break
                document = _document(str(path), record, number, limits)
                if document is not None:
                    documents.append(document)
                number += 1
    except UnreadableFile:
        raise
    except FileNotFoundError as error:
        raise UnreadableFile("file vanished before it could be read") from error
    except Exception as error:  # noqa: BLE001 - warcio fails in many ways on a broken archive
        reason = str(error) if isinstance(error, (ArchiveLoadFailed, OSError)) else type(error).__name__
        if number == first:
            raise UnreadableFile(f"not a readable WARC file ({reason})") from error
        documents.append(RawDocument(str(path), SKIPPED, text=f"the archive breaks off here ({reason})",
                                     record=number))
    return documents


def warc_parts(path: Path, size: int) -> list[Part] | None:
    """The file cut between records into parts of about ``size`` bytes (compressed, for a
    ``.warc.gz``), numbered by their first record; ``None`` when it cannot be cut (a file
    compressed as one gzip stream rather than record by record is read whole)."""
    parts, start, first = [], 0, 0
    try:
        with open(path, "rb") as handle, contextlib.redirect_stderr(io.StringIO()):
            records = ArchiveIterator(handle, no_record_parse=True)
            for number, _ in enumerate(records):
                offset = records.offset  # where this record starts
                if offset - start >= size:
                    parts.append(Part(start, offset, first))
                    start, first = offset, number
            end = handle.seek(0, 2)
    except Exception:  # noqa: BLE001 - a broken archive is read whole, which names what is wrong
        return None
    if end > start:
        parts.append(Part(start, end, first))
    return parts


def _document(name: str, record, number: int, limits: Limits) -> RawDocument | None:
    """The record's page, a skipped record saying why it could not be read, or ``None`` for a
    record that is no page (a request, an image, a redirect)."""
    if record.rec_type not in _ARTICLE_RECORDS:
        return None
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None or not (headers.get_statuscode() or "").startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_PAGE_TYPES):
        return None
    try:
        payload = record.content_stream().read(limits.max_article_chars + 1)
    except Exception as error:  # noqa: BLE001 - an encoding warcio cannot undo (brotli without its module)
        return RawDocument(name, SKIPPED, text=f"cannot decode the page ({type(error).__name__})", record=number)
    if len(payload) > limits.max_article_chars:
        return RawDocument(name, SKIPPED, text=f"a page of more than {limits.max_article_chars:,} bytes",
                           record=number)
    if getattr(record.raw_stream, "limit", 0):  # bytes the record's length promised and the file lacks
        return RawDocument(name, SKIPPED, text="the archive breaks off in this page", record=number)
    try:
        text = _decoded(payload, content_type)
    except UnreadableFile as error:
        return RawDocument(name, SKIPPED, text=str(error), record=number)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(name, "html", text=text, record=number, url=url) if text.strip() else None


def _decoded(payload: bytes, content_type: str) -> str:
    """The page's text in the character set its server named, else as other files are decoded."""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            try:
                return payload.decode(codecs.lookup(value.strip().strip("\"'")).name, errors="replace")
            except LookupError:
                break
    return decode(payload)

