"""ZIP archives: the articles of the files a ``.zip`` packs, as news databases send a download of
separate files (Nexis Uni's Word files, Factiva's RTF files) and as people keep folders of pages.

An archive is one file of the corpus: its articles are numbered across it (``download.zip#3``) in
the order of its members' names, and it is indexed again, whole, when it changes. A member that
cannot be read is a skipped record that names it; members of other kinds (images, PDFs, folders,
archives inside the archive) are passed over, as such files are in a corpus folder.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from .readers import (
    ARCHIVE_SUFFIXES,
    SKIPPED,
    WARC_SUFFIXES,
    Limits,
    RawDocument,
    UnreadableFile,
    documents_in,
    format_suffix,
    gunzip,
    is_supported,
    record_place,
)


def zip_documents(name: str, data: bytes, limits: Limits) -> list[RawDocument]:
    """The raw documents of every supported member of the archive in ``data``; raises
    ``UnreadableFile`` for a file that is no readable archive or unpacks past the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = sorted((info for info in archive.infolist() if _readable(info.filename) and not info.is_dir()),
                         key=lambda info: info.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError) as error:
        # NotImplementedError: a version of the format zipfile does not read.
        raise UnreadableFile(f"not a readable ZIP archive ({error})") from error
    if sum(info.file_size for info in members) > limits.max_decompressed_bytes:
        raise UnreadableFile(f"unpacks past the {limits.max_decompressed_bytes:,}-byte limit")
    documents: list[RawDocument] = []
    unpacked = 0
    for info in members:
        try:
            member = _unpacked(archive, info, limits.max_decompressed_bytes - unpacked)
            unpacked += len(member)
            found = documents_in(name, format_suffix(info.filename), member, limits)
        except UnreadableFile as error:
            found = [RawDocument(name, SKIPPED, text=str(error))]
        for document in found:
            if document.kind == SKIPPED:  # named by the member, and its place in the member
                where = info.filename if document.record is None \
                    else f"{info.filename} {record_place(info.filename, document.record)}"
                document.text = f"{where}: {document.text}"
            document.record = len(documents)
            documents.append(document)
    if not documents:
        raise UnreadableFile("holds no file of an article format")
    return documents


def _readable(member: str) -> bool:
    base = member.rsplit("/", 1)[-1]
    return is_supported(base) and format_suffix(base) not in ARCHIVE_SUFFIXES | WARC_SUFFIXES


def _unpacked(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> bytes:
    """A member's bytes (gunzipped, for a ``.gz`` member), within ``room`` bytes: the sizes an
    archive declares may be lies."""
    if info.flag_bits & 1:
        raise UnreadableFile("locked with a password")
    try:
        with archive.open(info) as member:
            data = member.read(room + 1)
    except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, zlib.error, ValueError) as error:
        # NotImplementedError: a compression zipfile lacks.
        raise UnreadableFile(f"cannot be unpacked ({error})") from error
    if len(data) > room:
        raise UnreadableFile("unpacks past the limit")
    return gunzip(data, room) if info.filename.lower().endswith(".gz") else data
