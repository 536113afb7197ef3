"""Reading corpus files: bytes → text, one reader per input format.

Readers never interpret article content; they turn a file into ``RawDocument`` values (text, HTML
or a JSON record) or raise ``UnreadableFile`` with a reason a person can act on.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}  # RSS and Atom feeds: an article per item or entry
TABLE_SUFFIXES = {".csv", ".tsv"}  # a spreadsheet's export: an article per row, named by the header row
WARC_SUFFIXES = {".warc"}  # a crawler's web archive (.warc.gz: gzipped record by record), a page per response
DOCUMENT_SUFFIXES = {".docx", ".rtf"}  # a word processor's document, its text read as a .txt file's
ARCHIVE_SUFFIXES = {".zip"}  # files of the other formats packed together, as databases send downloads
RECORD_SUFFIXES = JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | TABLE_SUFFIXES | WARC_SUFFIXES
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCUMENT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | ARCHIVE_SUFFIXES
_SUPPORTED_ENDINGS = tuple(suffix + gz for suffix in SUPPORTED_SUFFIXES for gz in ("", ".gz"))

# Magic numbers of formats that sometimes wear an article's extension in scraped dumps.
_BINARY_SIGNATURES = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"PK\x03\x04", b"MZ", b"\x1f\x8b",
    b"BM", b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC", b"\xca\xfe\xba\xbe",
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_WIDE_BOMS = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8")
_PAGE_OPENING = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype html|html)\b",
                           re.IGNORECASE | re.DOTALL)
# JSON's escape of a surrogate ("\ud83d"): a pair makes one character, one alone half of one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses a str that declares an encoding
_RECORD_LISTS = ("articles", "items", "data", "results", "objects", "posts", "entries", "stories", "documents",
                 "docs", "hits", "records")
# Where an API's answer puts its list, one level down: {"response": {"results": [...]}}.
_ENVELOPES = _RECORD_LISTS + ("response", "result", "payload")
_CHARACTER_REFERENCE = re.compile(r"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")
_RSS_AUTHOR = re.compile(r"\S+@\S+\s*\((.+)\)")
_TABLE_DELIMITERS = ",;\t|"
# csv's default limit on a cell (128 KB) is less than an article may hold; this one is an article's.
csv.field_size_limit(4 * 1024 * 1024)
# A JSONL file larger than this is read in parts of about this size: a few thousand articles.
PART_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Size limits that protect a build from huge files and compression bombs."""

    max_file_bytes: int = 32 * 1024 * 1024
    max_decompressed_bytes: int = 64 * 1024 * 1024
    # One article's text: past this a "page" is a dump, and cleaning it would stall a build.
    max_article_chars: int = 4 * 1024 * 1024


DEFAULT_LIMITS = Limits()


SKIPPED = "skipped"


class UnreadableFile(Exception):
    """A file that cannot be read as an article; the message says why."""


@dataclass
class RawDocument:
    """One article's worth of raw input, before cleaning.

    ``kind`` is ``"text"``, ``"html"``, ``"record"`` or ``SKIPPED`` (a record that is no article,
    ``text`` saying why); ``text`` holds the decoded text or HTML, ``fields`` the JSON object of a
    record. ``record`` numbers documents inside multi-article files (a JSONL file's line, from 0).
    """

    path: str
    kind: str
    text: str = ""
    fields: dict | None = None
    record: int | None = None
    url: str | None = None  # the address a web archive fetched the page from


@dataclass(frozen=True)
class Part:
    """A line-aligned byte range of a large JSONL file, read and parsed on its own: ``first_line``
    numbers its first line in the file (from 0)."""

    start: int
    end: int
    first_line: int


def is_supported(path: Path | str) -> bool:
    """True when the file name has an extension the indexer reads (``.gz`` of each included);
    hidden files (``.name``) and the lock files Word leaves beside an open document (``~$name.docx``)
    are not articles."""
    name = os.path.basename(path).lower()
    return name.endswith(_SUPPORTED_ENDINGS) and not name.startswith((".", "~$"))


def read_documents(path: str | Path, limits: Limits = DEFAULT_LIMITS, part: Part | None = None) -> list[RawDocument]:
    """Read one corpus file into raw documents; raise ``UnreadableFile`` when it cannot be read.

    With ``part``, only that range of a JSONL, CSV, TSV or WARC file is read (see ``record_parts``):
    the size limit is the part's, not the file's, and a part whose every record is broken yields
    only skipped records.
    """
    path = Path(path)
    if format_suffix(path) in WARC_SUFFIXES:
        from .webarchive import warc_documents  # loaded with the first archive: few corpora hold one

        return warc_documents(path, limits, part)
    if part is not None:
        if part.end - part.start > limits.max_file_bytes:  # parts are a few MB but for one huge line
            raise UnreadableFile(f"{record_place(path, part.first_line)} is longer than the "
                                 f"{limits.max_file_bytes:,}-byte limit")
        if format_suffix(path) in TABLE_SUFFIXES:
            return _table_part(path, part)
        return _jsonl_records(str(path), decode(_read_range(path, part)), part.first_line)
    suffix = format_suffix(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(f"unsupported file type {path.suffix or '(none)'}")
    if suffix in ARCHIVE_SUFFIXES:
        from .archives import zip_documents  # loaded with the first archive: few corpora hold one

        return zip_documents(str(path), read_bytes(path, limits), limits)
    return documents_in(str(path), suffix, read_bytes(path, limits), limits)


def documents_in(name: str, suffix: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[RawDocument]:
    """The raw documents of a file's bytes (gunzipped already) in the format ``suffix`` names;
    raises ``UnreadableFile`` when they cannot be read."""
    if suffix in DOCUMENT_SUFFIXES:
        text = _document_text(data, suffix, limits)
        if not text.strip():
            raise UnreadableFile("document holds no text")
        return _text_documents(name, text, limits, may_be_page=False)
    text = decode(data)
    if not text.strip():
        raise UnreadableFile("empty file")
    if suffix in TEXT_SUFFIXES:
        return _text_documents(name, text, limits, may_be_page=True)
    if suffix not in RECORD_SUFFIXES and len(text) > limits.max_article_chars:
        raise UnreadableFile(f"more than {limits.max_article_chars:,} characters: not one article")
    # A saved page can wear an .xml name.
    if suffix in HTML_SUFFIXES or (suffix in FEED_SUFFIXES and opens_as_page(text)):
        return [RawDocument(name, "html", text=text)]
    if suffix in FEED_SUFFIXES:
        return _feed_records(name, text)
    if suffix in TABLE_SUFFIXES:
        return _table_records(name, text, suffix)
    if suffix in JSONL_SUFFIXES:
        records = _jsonl_records(name, text)
        if all(record.kind == SKIPPED for record in records):
            raise UnreadableFile("no JSON object on any line")
        return records
    return _json_records(name, text)


def _text_documents(name: str, text: str, limits: Limits, may_be_page: bool) -> list[RawDocument]:
    """A text file's or a document's article, or the articles of a database's export it holds."""
    from .exports import export_records  # loaded with the first text file

    records = export_records(name, text, limits.max_article_chars)
    if records is not None:
        return records
    if len(text) > limits.max_article_chars:
        raise UnreadableFile(f"more than {limits.max_article_chars:,} characters: not one article")
    # A saved page can wear a .txt name.
    return [RawDocument(name, "html" if may_be_page and opens_as_page(text) else "text", text=text)]


def _document_text(data: bytes, suffix: str, limits: Limits) -> str:
    # Loaded with the first document: most corpora hold none.
    from .documents import docx_text, rtf_text

    return docx_text(data, limits.max_decompressed_bytes) if suffix == ".docx" else rtf_text(decode(data))


def record_parts(path: Path | str, size: int | None = None, digest=None) -> list[Part] | None:
    """A plain JSONL, CSV or TSV file or a WARC file larger than ``size`` (``PART_BYTES``) cut
    between records into parts of about that, each read and parsed on its own
    (``read_documents(path, part=...)``); ``None`` for any other file, read whole, also for one in
    UTF-16 or UTF-32, whose line ends are wider than b"\\n". ``digest`` (a hashlib object), when
    given, is fed the file's bytes on the way. Raises ``OSError`` when the file cannot be read."""
    size = size or PART_BYTES
    suffix = format_suffix(path)
    if suffix in WARC_SUFFIXES and os.path.getsize(path) > size:
        return _warc_parts(Path(path), size, digest)
    if os.path.basename(path).lower().endswith(".gz") or suffix not in JSONL_SUFFIXES | TABLE_SUFFIXES \
            or os.path.getsize(path) <= size:
        return None
    parts: list[Part] = []
    with open(path, "rb") as handle:
        if handle.read(4).startswith(_WIDE_BOMS):
            return None
        handle.seek(0)
        lines = _fed(handle, digest)  # a binary file's lines end at b"\\n"
        if suffix in JSONL_SUFFIXES:
            ends, start = _line_ends(lines), 0
        else:
            ends = _row_ends(lines, suffix)
            start = next(ends, 0)  # the header row
        first = 0  # the line of a JSONL file, or the row of a table after its header, a part starts at
        for number, end in enumerate(ends):
            if end - start >= size:
                parts.append(Part(start, end, first))
                start, first = end, number + 1
        for _ in lines:  # the digest takes what a table's last row left, a broken quote's lines
            pass
        end = handle.tell()
    if end > start:
        parts.append(Part(start, end, first))
    return parts


def _warc_parts(path: Path, size: int, digest) -> list[Part] | None:
    from .webarchive import warc_parts

    if digest is not None:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return warc_parts(path, size)


def _fed(handle, digest) -> Iterator[bytes]:
    for line in handle:
        if digest is not None:
            digest.update(line)
        yield line


def _line_ends(lines: Iterator[bytes]) -> Iterator[int]:
    end = 0
    for line in lines:
        end += len(line)
        yield end


def _row_ends(lines: Iterator[bytes], suffix: str) -> Iterator[int]:
    """Where each row of a CSV or TSV file ends, its header's first: after the lines csv read for
    it (a cell in quotes runs over line breaks), a row csv refuses included."""
    consumed = 0

    def decoded() -> Iterator[str]:
        nonlocal consumed
        for line in lines:
            consumed += len(line)
            yield _decode_line(line)

    texts = decoded()
    first = next(texts, "")
    rows = csv.reader(itertools.chain([first], texts), delimiter=_delimiter(first, suffix))
    while True:
        try:
            next(rows)
        except StopIteration:
            return
        except csv.Error:
            pass
        yield consumed


def _read_range(path: Path, part: Part) -> bytes:
    try:
        with open(path, "rb") as handle:
            handle.seek(part.start)
            return handle.read(part.end - part.start)
    except FileNotFoundError as error:
        raise UnreadableFile("file vanished before it could be read") from error
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from error


def record_place(path: Path | str, record: int) -> str:
    """Where a record is in its file, for people: "line 4" of a JSONL file, "row 3" of a CSV file
    (its header not counted), "record 7" of a web archive, "document 5" of a database's text
    export, "item 2" of a JSON list or a feed."""
    suffix = format_suffix(path)
    kind = "line" if suffix in JSONL_SUFFIXES else "row" if suffix in TABLE_SUFFIXES \
        else "record" if suffix in WARC_SUFFIXES \
        else "document" if suffix in TEXT_SUFFIXES | DOCUMENT_SUFFIXES | ARCHIVE_SUFFIXES else "item"
    return f"{kind} {record + 1}"


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, gunzipped when it ends in ``.gz``, within the size limits."""
    try:
        with open(path, "rb") as handle:
            data = read_at_most(handle, limits.max_file_bytes)
    except FileNotFoundError as error:
        raise UnreadableFile("file vanished before it could be read") from error
    except IsADirectoryError as error:
        raise UnreadableFile("is a directory") from error
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from error
    if len(data) > limits.max_file_bytes:
        raise UnreadableFile(f"larger than the {limits.max_file_bytes:,}-byte limit")
    if path.suffix.lower() == ".gz":
        data = gunzip(data, limits.max_decompressed_bytes)
    return data


def read_at_most(handle, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of an open file (one more than the limit shows it is over).

    As many as the file holds are asked for, not ``limit + 1``: a read of n bytes sets aside n
    bytes first, and setting aside the 32 MB limit took longer than reading a short story.
    """
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size, limit) + 1)
    if size < len(data) <= limit:  # the file grew as it was read
        data += handle.read(limit + 1 - len(data))
    return data


def decode(data: bytes) -> str:
    """Decode bytes as text: BOMs honoured, UTF-8 first, cp1252 for lines that are not UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(f"invalid {encoding} text after its byte-order mark") from error
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192]:
        raise UnreadableFile("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Scraped archives mix encodings line by line, so decide per line rather than per file.
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def format_suffix(path: Path | str) -> str:
    """The extension that names the format: ``.txt`` for both ``a.txt`` and ``a.TXT.gz``.

    Plain string work, not pathlib: a build asks this of every file in the corpus.
    """
    stem, suffix = os.path.splitext(os.path.basename(path))
    if suffix.lower() == ".gz":
        suffix = os.path.splitext(stem)[1]
    return suffix.lower()


def gunzip(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise UnreadableFile(f"corrupt gzip data ({error})") from error
    if len(out) > limit or inflater.unconsumed_tail:
        raise UnreadableFile(f"decompresses to more than the {limit:,}-byte limit")
    if not inflater.eof:
        raise UnreadableFile("truncated gzip file")
    return out


def opens_as_page(text: str) -> bool:
    """True for text that opens as an HTML page (<!DOCTYPE html> or <html>, after an XML
    declaration or comments); an article that shows such a tag further on is no page."""
    return _PAGE_OPENING.match(text) is not None


def load_json(text: str) -> object:
    """``json.loads``, with each half of a character that JSON escapes alone ("\\ud800") made
    U+FFFD: no index or terminal takes one, and lxml drops the text after it."""
    value = json.loads(text)
    return _whole(value) if _SURROGATE_ESCAPE.search(text) else value


def _whole(value: object) -> object:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_whole(item) for item in value]
    if isinstance(value, dict):
        return {_whole(key): _whole(item) for key, item in value.items()}
    return value


def _json_records(name: str, text: str) -> list[RawDocument]:
    try:
        value = load_json(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"invalid JSON at line {error.lineno} column {error.colno}") from error
    except RecursionError as error:
        raise UnreadableFile("JSON nested too deeply") from error
    if isinstance(value, dict):
        nested = _listed_records(value)
        if nested is None:
            return [RawDocument(name, "record", fields=value)]
        value = nested
    if not isinstance(value, list):
        raise UnreadableFile("JSON holds neither an object nor a list of objects")
    records = [RawDocument(name, "record", fields=item, record=number) if isinstance(item, dict)
               else RawDocument(name, SKIPPED, text="not a JSON object", record=number)
               for number, item in enumerate(value)]
    if all(record.kind == SKIPPED for record in records):
        raise UnreadableFile("JSON list holds no objects")
    if len(records) == 1:
        records[0].record = None
    return records


def _listed_records(value: dict, depth: int = 0) -> list | None:
    """The list of records an export or an API's answer wraps: {"articles": [...]}, a JSON
    Feed's "items", Diffbot's "objects", a search engine's {"hits": {"hits": [...]}}, the
    Guardian's {"response": {"results": [...]}}."""
    for key in _RECORD_LISTS:
        inner = value.get(key)
        if isinstance(inner, list) and (not inner or isinstance(inner[0], dict)):  # not a list of tags
            return inner
    for key in _ENVELOPES if depth == 0 else ():
        inner = value.get(key)
        if isinstance(inner, dict):
            found = _listed_records(inner, 1)
            if found is not None:
                return found
    return None


def _jsonl_records(name: str, text: str, first_line: int = 0) -> list[RawDocument]:
    records = []
    # Lines end at "\n" only: a JSON string may hold U+2028 and other characters that
    # str.splitlines() would cut a record at.
    for number, line in enumerate(text.split("\n"), first_line):
        if not line.strip():
            continue
        # One broken line must not cost the file's other articles: it is reported and skipped.
        try:
            item = load_json(line)
        except json.JSONDecodeError as error:
            records.append(RawDocument(name, SKIPPED, text=f"invalid JSON at column {error.colno}", record=number))
            continue
        except RecursionError:
            records.append(RawDocument(name, SKIPPED, text="JSON nested too deeply", record=number))
            continue
        records.append(RawDocument(name, "record", fields=item, record=number) if isinstance(item, dict)
                       else RawDocument(name, SKIPPED, text="not a JSON object", record=number))
    return records


def _table_records(name: str, text: str, suffix: str) -> list[RawDocument]:
    """A CSV or TSV file's rows as records whose fields are named by its header row, for the JSON
    records' reading: an export of articles ("title,date,author,content"), as news data sets and
    spreadsheets are shared. A comma, semicolon, tab or bar separates cells, whichever the header
    uses most; cells in quotes may hold the separator and line breaks."""
    # Cells in quotes keep their line breaks: csv splits the lines itself (newline="").
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0], suffix))
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as error:
        raise UnreadableFile(f"no header row ({error or 'no rows'})") from error
    records = _table_body(name, header, rows, 0)
    if not records:
        raise UnreadableFile("a header row and no rows")
    return records


def _table_part(path: Path, part: Part) -> list[RawDocument]:
    """The rows of one part of a large CSV or TSV file, named by the file's header row."""
    suffix = format_suffix(path)
    with open(path, "rb") as handle:
        lines = (_decode_line(line) for line in handle)
        first = next(lines, "").lstrip("\ufeff")
        try:
            header = next(csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first, suffix)), [])
        except csv.Error as error:
            raise UnreadableFile(f"no header row ({error})") from error
    text = decode(_read_range(path, part))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first, suffix))
    return _table_body(str(path), header, rows, part.first_line)


def _delimiter(header_line: str, suffix: str) -> str:
    return "\t" if suffix == ".tsv" else max(_TABLE_DELIMITERS, key=header_line.count)


def _table_body(name: str, header: list[str], rows: Iterator[list[str]], first_row: int) -> list[RawDocument]:
    header = [cell.strip() for cell in header]
    if len([cell for cell in header if cell]) < 2:
        raise UnreadableFile("the header row names fewer than two columns")
    records: list[RawDocument] = []
    for number in itertools.count(first_row):
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:  # a cell past the size limit: this row only
            records.append(RawDocument(name, SKIPPED, text=f"malformed row ({error})", record=number))
            continue
        if any(cell.strip() for cell in row):  # not a blank line between rows
            # A row may be short of cells or carry extra ones past the named columns.
            fields = {column: cell for column, cell in zip(header, row, strict=False) if column}
            records.append(RawDocument(name, "record", fields=fields, record=number))
    return records


def _feed_records(name: str, text: str) -> list[RawDocument]:
    """An RSS or Atom feed's items as records whose fields are named by their elements
    ("title", "pubDate", "content:encoded", "dc:creator"), for the JSON records' reading."""
    from lxml import etree  # loaded with the first feed: the search shell does without it

    # Entities are not expanded and nothing is fetched: a feed is someone else's file.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(_CHARACTER_REFERENCE.sub(_xml_character, _XML_DECLARATION.sub("", text, count=1)),
                                parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise UnreadableFile(f"invalid XML ({error})") from error
    items = [] if root is None else [element for element in root.iter() if _local_name(element) in ("item", "entry")]
    if not items:
        raise UnreadableFile("XML holds no RSS item or Atom entry")
    records = [_feed_record(name, item, number) for number, item in enumerate(items)]
    if len(records) == 1:
        records[0].record = None
    return records


def _xml_character(reference: re.Match) -> str:
    """A character reference XML allows, kept; one to a surrogate or control character (which lxml's
    recovery turns into bytes it cannot decode again) as U+FFFD."""
    number = reference.group(1)
    code = int(number[1:], 16) if number[:1] in "xX" else int(number)
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return reference.group()
    return "\ufffd"


def _local_name(element) -> str | None:
    """An element's name without its namespace ("{http://...}encoded" → "encoded"); a name whose
    prefix was never declared ("content:encoded" in a broken feed) stays whole."""
    return element.tag.rpartition("}")[2] if isinstance(element.tag, str) else None


def _feed_record(name: str, item, number: int) -> RawDocument:
    try:
        return RawDocument(name, "record", fields=_feed_fields(item), record=number)
    except (UnicodeDecodeError, ValueError) as error:  # lxml's recovery can leave text it cannot give back
        return RawDocument(name, SKIPPED, text=f"unreadable feed item ({type(error).__name__})", record=number)


def _feed_fields(item) -> dict:
    from lxml import etree

    fields: dict = {}
    for child in item:
        local = _local_name(child)
        if local is None:
            continue
        key = f"{child.prefix}:{local}" if child.prefix else local
        if len(child) and local in ("content", "summary", "description"):  # Atom's type="xhtml": markup
            value: object = "".join(etree.tostring(element, encoding="unicode") for element in child)
        elif len(child):  # Atom's <author><name>...</name></author>
            value = {_local_name(g): (g.text or "").strip() for g in child if isinstance(g.tag, str)}
        else:
            value = (child.text or "").strip() or child.get("href", "")
            if local == "author" and (mailbox := _RSS_AUTHOR.fullmatch(value)):
                value = mailbox.group(1)  # RSS writes "editor@site.example (Priya Natarajan)"
        if key not in fields:
            fields[key] = value
        elif isinstance(value, dict):  # another author
            fields[key] = (fields[key] if isinstance(fields[key], list) else [fields[key]]) + [value]
    if not any(key in fields for key in ("content", "content:encoded")) and "description" in fields:
        fields["content"] = fields.pop("description")  # an RSS item's description is its text
    return fields
