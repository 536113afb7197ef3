"""Writing the index: incremental, atomic and parallel.

A build compares the corpus with the manifest of the live generation, parses only new and changed
files (in worker processes), updates the corpus-level repeated-line statistics, and commits once.
A full rebuild writes a new generation beside the live one and swaps it in.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO

import orjson
from whoosh import index as whoosh_index
from whoosh.writing import IndexWriter

from . import clean, store
from .aliases import PeopleTable, changed_names
from .article import Article
from .codec import NewsCodec
from .fingerprint import fingerprint
from .orphans import exit_with_parent
from .readers import (
    DEFAULT_LIMITS,
    PART_BYTES,
    Limits,
    Part,
    UnreadableFile,
    is_supported,
    read_at_most,
    record_parts,
)
from .schema import SCHEMA_VERSION, make_schema
from .writer import open_writer

_IN_PROCESS_BELOW = 16  # files; a process pool costs more than it saves on fewer
# Segments as separate files: whoosh3 opens a compound segment by copying it into memory.
# 400 MB of postings (the pool's estimate, near what they take) per writer process before it
# spills them to disk and merges them back in Python: 20,000 generated articles split over two
# writers take about 240 MB each (a spill would cost a third of the build). Peak per process:
# about 380 MB at 20,000 articles, 807 MB at 100,000 (bench/scale.py), where the pools fill and spill.
# Whoosh's write lock can outlive a killed build for a moment, until its writer processes notice
# (indexer/orphans.py): wait for it rather than fail.
_WRITER_OPTIONS = {"limitmb": 400, "compound": False, "codec": NewsCodec(), "timeout": 10.0}
# A JSONL, CSV or TSV file larger than this is parsed in parts of about this size, by all workers at once:
# one part is a few thousand articles and about a second's work.
_PART_BYTES = PART_BYTES
_PARALLEL_WRITE_FROM = 500  # articles; below this, starting writer processes costs more than it saves

Progress = Callable[[int, int], None]


class BuildError(Exception):
    """A build that cannot start or finish; the message is meant for a person."""


@dataclass
class SkippedFile:
    """A corpus file, or one record of a file of many, left out of the index, and why."""

    path: str
    reason: str
    record: str | None = None  # where the record is in the file: "line 4", "item 2"

    def __str__(self) -> str:
        return f"{self.path}{' ' + self.record if self.record else ''}: {self.reason}"


@dataclass
class BuildReport:
    """What a build did."""

    index_dir: str
    # Files (a JSON or JSONL file can hold many articles); ``documents`` counts articles.
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    documents: int = 0
    full_rebuild: bool = False
    elapsed: float = 0.0

    def summary(self) -> str:
        """One line for people."""
        kind = "rebuilt" if self.full_rebuild else "updated"
        files = self.added + self.updated + self.unchanged
        return (f"index {kind}: {counted(self.documents, 'article')} from {counted(files, 'file')} "
                f"({self.added} added, {self.updated} updated, {self.removed} removed, {self.unchanged} unchanged), "
                f"{len(self.skipped)} skipped, in {self.elapsed:.2f}s")


def counted(number: int, noun: str) -> str:
    """'1 file', '3 files'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


@dataclass
class _Parsed:
    """One parsed corpus file: its manifest entry, and its articles pickled (``articles``) until
    the spool takes them (``spooled``)."""

    rel: str
    size: int
    mtime_ns: int
    digest: str = ""
    entry: dict = field(default_factory=dict)
    articles: bytes = b""
    spooled: list[int] = field(default_factory=list)  # where each part's articles are in the spool
    error: str | None = None
    # Records of the file that hold no article: ("line 4", "invalid JSON at column 12").
    skipped_records: list[tuple[str, str]] = field(default_factory=list)


class _Spool:
    """Parsed articles wait in an unnamed temporary file between parsing and writing, not in
    memory: a build's memory then stays flat however large the corpus (1.1 GB for 100,000
    articles when they were kept in memory)."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file

    def put(self, pickled: bytes) -> int:
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(pickled)
        return offset

    def get(self, offset: int) -> list[Article]:
        self._file.seek(offset)
        return pickle.load(self._file)


def build_index(corpus_dir: str | Path, index_dir: str | Path, *, rebuild: bool = False,
                jobs: int | None = None, limits: Limits = DEFAULT_LIMITS,
                progress: Progress | None = None, optimize: bool = False) -> BuildReport:
    """Bring the index in ``index_dir`` up to date with the articles in ``corpus_dir``.

    Only new and changed files are parsed; removed files leave the index. ``rebuild=True`` builds
    a fresh index and swaps it in atomically; ``optimize=True`` merges the index into one segment.
    Unreadable files are skipped and listed in the report.
    Raises ``BuildError`` when the corpus or index folder cannot be used.
    """
    started = time.monotonic()
    corpus = Path(corpus_dir)
    if not corpus.exists():
        raise BuildError(f"corpus folder {corpus} does not exist")
    if not corpus.is_dir():
        raise BuildError(f"corpus path {corpus} is a file, not a folder")
    target = Path(index_dir)
    try:
        store.claim(target)
        with store.build_lock(target), tempfile.TemporaryFile(dir=target) as spool, \
                _manifest_outside_collections():
            report = _Build(corpus.resolve(), target, limits, jobs, progress, optimize, _Spool(spool)).run(rebuild)
    except store.IndexFolderError as error:
        raise BuildError(str(error)) from error
    report.elapsed = time.monotonic() - started
    return report


@contextmanager
def _manifest_outside_collections():
    """Keep Python's cycle collector off the manifest: for a large corpus it is hundreds of
    thousands of objects, and every collection walked them all (a quarter of a run that changes
    one file in 19,000). The collector stays on for everything else (parsed pages have cycles)."""
    try:
        yield
    finally:
        gc.unfreeze()


class _Build:
    def __init__(self, corpus: Path, index_dir: Path, limits: Limits, jobs: int | None,
                 progress: Progress | None, optimize: bool, spool: _Spool) -> None:
        self.corpus = corpus
        self.index_dir = index_dir
        self.limits = limits
        self.jobs = jobs or os.cpu_count() or 1
        self.progress = progress
        self.optimize = optimize
        self.report = BuildReport(index_dir=str(index_dir))
        self.spool = spool

    def run(self, rebuild: bool) -> BuildReport:
        store.remove_unpublished(self.index_dir)
        live = store.current_generation(self.index_dir)
        manifest = None if rebuild or live is None else _load_manifest(live)
        files = dict(self._scan())
        if manifest is None:
            self.report.full_rebuild = True
            manifest = {"files": {}, "lines": {}}
        old_files: dict = manifest["files"]
        removed = [rel for rel in old_files if rel not in files]
        changed = [rel for rel, stat in files.items()
                   if rel not in old_files or (old_files[rel]["size"], old_files[rel]["mtime_ns"]) != stat]
        parsed = self._parse_changed(changed, old_files)
        if not (parsed or removed or self.report.full_rebuild):
            return self._nothing_to_index(live, manifest, touched=changed, files=files)
        manifest_after, boilerplate, people, stale = self._update_statistics(manifest, parsed, removed)
        parsed.update({p.rel: p for p in self._parse(stale)})
        self._write(live, parsed, removed, old_files, boilerplate, people, manifest_after)
        self._tally(files, parsed, removed, old_files)
        return self.report

    def _parse_changed(self, changed: list[str], old_files: dict) -> dict[str, _Parsed]:
        """Parse new and changed files; a file whose content is the same (touched, copied back)
        only has its size and time refreshed and keeps its documents."""
        parsed = {p.rel: p for p in self._parse(changed, old_files)}
        for rel in list(parsed):
            old = old_files.get(rel)
            if old and parsed[rel].error is None and old["digest"] == parsed[rel].digest:
                old.update(size=parsed[rel].size, mtime_ns=parsed[rel].mtime_ns)
                del parsed[rel]
        return parsed

    def _update_statistics(self, manifest: dict, parsed: dict[str, _Parsed],
                           removed: list[str]) -> tuple[dict, set[str], PeopleTable, list[str]]:
        """The corpus-level statistics after this build's changes: the new manifest, the
        boilerplate lines, the people table, and the unchanged files to re-index because their
        indexed form depends on those statistics."""
        old_files = manifest["files"]
        lines: dict[str, int] = manifest["lines"]  # updated in place: it is large, and ours
        boilerplate_before = _boilerplate(lines, manifest)
        # The table of the last build is kept in its manifest: building it costs a tenth of a second
        # for 19,000 articles, a fifth of a run that changes one file.
        people_before = None if self.report.full_rebuild else (
            PeopleTable.from_json(manifest["people"]) if "people" in manifest else _people_table(old_files))
        for rel in removed + list(parsed):
            for key in old_files[rel]["lines"] if rel in old_files else ():
                lines[key] -= 1
                if lines[key] <= 0:
                    del lines[key]
        for item in parsed.values():
            for key in item.entry["lines"]:
                lines[key] = lines.get(key, 0) + 1
        gone = set(removed)  # a list would make removing half a corpus quadratic
        files_after = {rel: e for rel, e in old_files.items() if rel not in gone}
        files_after.update({rel: item.entry for rel, item in parsed.items()})
        manifest_after = {"files": files_after, "lines": lines, "schema": SCHEMA_VERSION}
        boilerplate = _boilerplate(lines, manifest_after)
        if people_before is not None and _same_names(old_files, parsed, removed):
            people = people_before  # a correction that names the same people: the table stands
        else:
            people = _people_table(files_after)
        manifest_after["people"] = people.to_json()
        if people_before is None:
            return manifest_after, boilerplate, people, []
        # A line became (or stopped being) boilerplate, or a person's canonical name moved.
        shifted_lines = boilerplate ^ boilerplate_before
        shifted_people = set() if people is people_before else changed_names(
            people_before, people, (n for e in files_after.values() for n in e["people"]))
        if not (shifted_lines or shifted_people):
            return manifest_after, boilerplate, people, []
        stale = [rel for rel, e in files_after.items() if rel not in parsed
                 and (shifted_lines.intersection(e["lines"]) or shifted_people.intersection(e["people"]))]
        return manifest_after, boilerplate, people, stale

    def _tally(self, files: dict, parsed: dict, removed: list[str], old_files: dict) -> None:
        self.report.removed = len(removed)
        self.report.updated = sum(1 for rel in parsed if rel in old_files)
        self.report.added = sum(1 for rel in parsed if rel not in old_files)
        failed = {s.path for s in self.report.skipped}
        self.report.unchanged = sum(1 for rel in files if rel not in parsed and rel not in failed)

    def _nothing_to_index(self, live: Path, manifest: dict, touched: list[str], files: dict) -> BuildReport:
        """No article changed: leave the index alone, remembering files that were only touched."""
        if touched:
            store.write_atomic(live / store.MANIFEST, orjson.dumps(manifest))
        failed = {s.path for s in self.report.skipped}
        self.report.unchanged = sum(1 for rel in files if rel not in failed)
        self.report.documents = sum(len(e["ids"]) for e in manifest["files"].values())
        return self.report

    def _scan(self) -> Iterator[tuple[str, tuple[int, int]]]:
        """Every supported file under the corpus as (relative path, (size, mtime)), sorted.

        os.scandir rather than pathlib: its entries carry the link flag and the stat of one
        system call, which makes a no-change run over 20,000 files twice as fast.
        """
        pending = [(str(self.corpus), "")]
        while pending:
            folder, prefix = pending.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda entry: entry.name, reverse=True)
            except OSError as error:
                self._walk_error(error)
                continue
            files = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                elif is_supported(entry.name):
                    files.append(entry)
            for entry in reversed(files):
                found = self._scanned(entry, prefix + entry.name)
                if found:
                    yield found

    def _scanned(self, entry: os.DirEntry, rel: str) -> tuple[str, tuple[int, int]] | None:
        if not _valid_text(rel):
            self.report.skipped.append(SkippedFile(printable_name(rel), "file name is not valid UTF-8; rename it"))
            return None
        reason = self._unsafe(Path(entry.path)) if entry.is_symlink() else None
        if reason:
            self.report.skipped.append(SkippedFile(rel, reason))
            return None
        try:
            stat = entry.stat()
        except OSError as error:
            self.report.skipped.append(SkippedFile(rel, f"cannot stat: {error.strerror}"))
            return None
        return rel, (stat.st_size, stat.st_mtime_ns)

    def _unsafe(self, path: Path) -> str | None:
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken or looping symbolic link"
        if not target.is_relative_to(self.corpus):
            return "symbolic link to a file outside the corpus"
        return None

    def _walk_error(self, error: OSError) -> None:
        name = printable_name(str(error.filename))
        self.report.skipped.append(SkippedFile(name, f"cannot list folder: {error.strerror}"))

    def _parse(self, rels: list[str], old_files: dict | None = None) -> list[_Parsed]:
        """Parse files; a file cut into parts whose digest is still the one in ``old_files`` is
        not parsed again (a touched export of a million articles is hashed, not parsed)."""
        # A large JSONL or CSV file (an archive's export) is parsed in parts, by every worker.
        wholes, parts, digests, same = [], [], {}, []
        for rel in rels:
            split = _split(self.corpus / rel)
            if split is None:
                wholes.append((self.corpus, rel, self.limits, None))
            elif old_files and rel in old_files and old_files[rel]["digest"] == split[1]:
                same.append(_unchanged(self.corpus / rel, rel, split[1]))
            else:
                parts += [(self.corpus, rel, self.limits, part) for part in split[0]]
                digests[rel] = split[1]
        total = len(wholes) + len(parts)
        if self.jobs == 1 or (total < _IN_PROCESS_BELOW and not parts):
            results: Iterator[_Parsed] = map(_parse_file, parts + wholes)
            done = self._collect(results, total)
        else:
            with ProcessPoolExecutor(self.jobs, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
                # Parts one at a time: each is seconds of work, and a batch of them would leave
                # the other workers idle.
                results = chain(pool.map(_parse_file, parts), pool.map(_parse_file, wholes, chunksize=16))
                done = self._collect(results, total)
        done = _joined(done, digests) + same
        for item in done:
            if item.error:
                self.report.skipped.append(SkippedFile(item.rel, item.error))
            self.report.skipped += [SkippedFile(item.rel, reason, place) for place, reason in item.skipped_records]
        return [item for item in done if item.error is None]

    def _collect(self, results: Iterator[_Parsed], total: int) -> list[_Parsed]:
        done = []
        for count, item in enumerate(results, 1):
            if item.articles:
                item.spooled, item.articles = [self.spool.put(item.articles)], b""
            done.append(item)
            if self.progress:
                self.progress(count, total)
        return done

    def _write(self, live: Path | None, parsed: dict[str, _Parsed], removed: list[str],
               old_files: dict, boilerplate: set[str], people: PeopleTable, manifest: dict) -> None:
        if self.report.full_rebuild:
            generation = store.new_generation(self.index_dir)
            ix = whoosh_index.create_in(str(generation), make_schema())
        else:
            generation = live
            ix = whoosh_index.open_dir(str(generation))
        # Whoosh's multi-process writer, one segment per process (whoosh3 keeps every document;
        # tests/test_whoosh_contract.py checks it): +40% on two cores.
        parallel = self.jobs > 1 and sum(len(item.entry["ids"]) for item in parsed.values()) >= _PARALLEL_WRITE_FROM
        try:
            writer = open_writer(ix, procs=self.jobs if parallel else 1, **_WRITER_OPTIONS)
        except whoosh_index.LockError as error:
            raise BuildError(f"{generation} is locked by another process (a build's writer that did not "
                             "end?); stop it and run the build again") from error
        try:
            for rel in removed + [r for r in parsed if r in old_files]:
                _delete_file(writer, old_files[rel])
            for item in parsed.values():
                for offset in item.spooled:
                    for article in self.spool.get(offset):
                        writer.add_document(**_document(article, item.rel, boilerplate, people))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        if self.optimize:
            open_writer(ix, **_WRITER_OPTIONS).commit(optimize=True)
        manifest["generation"] = ix.latest_generation()
        ix.close()
        store.write_atomic(generation / store.MANIFEST, orjson.dumps(manifest))
        if self.report.full_rebuild:
            store.publish(self.index_dir, generation)
        self.report.documents = sum(len(e["ids"]) for e in manifest["files"].values())


def _split(path: Path) -> tuple[list[Part], str] | None:
    """A large JSONL, CSV or TSV file's parts (``readers.record_parts``) and its digest, in one pass
    over it (read, not mapped: a file cut short meanwhile must not crash the build); ``None`` for a
    file parsed whole."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        parts = record_parts(path, _PART_BYTES, digest)
    except OSError:
        return None  # parsed whole, which reports what is wrong with it
    return (parts, digest.hexdigest()) if parts is not None else None


def _unchanged(path: Path, rel: str, digest: str) -> _Parsed:
    try:
        stat = path.stat()
    except OSError as error:
        return _Parsed(rel, 0, 0, error=f"cannot read: {error.strerror or error}")
    return _Parsed(rel, stat.st_size, stat.st_mtime_ns, digest=digest)


def _joined(done: list[_Parsed], digests: dict[str, str]) -> list[_Parsed]:
    """One item per file: the parts of each file in ``digests`` joined, in order."""
    if not digests:
        return done
    joined: dict[str, _Parsed] = {}
    for item in done:
        whole = joined.setdefault(item.rel, item)
        if whole is item:
            continue
        if whole.error or item.error:
            whole.error = whole.error or item.error
            continue
        whole.spooled += item.spooled
        whole.skipped_records += item.skipped_records
        for key in ("ids", "lines", "people"):
            whole.entry[key] += item.entry[key]
        whole.entry["places"] = sorted({*whole.entry["places"], *item.entry["places"]})
    for rel, digest in digests.items():
        item = joined[rel]
        if item.error is None:
            item.digest = item.entry["digest"] = digest
            item.error = None if item.entry["ids"] else "holds no article"
    return list(joined.values())


def _parse_file(work: tuple[Path, str, Limits, Part | None]) -> _Parsed:
    # Loaded with the first file parsed: a build that finds nothing to parse (the shell started
    # with --corpus on an unchanged corpus) does without trafilatura and beautifulsoup4.
    from .extract import parse_articles

    corpus, rel, limits, part = work
    path = corpus / rel
    try:
        stat = path.stat()
        item = _Parsed(rel, stat.st_size, stat.st_mtime_ns)
        if part is None:  # a file cut into parts is hashed whole, by the parent
            with open(path, "rb") as handle:
                item.digest = hashlib.blake2b(read_at_most(handle, limits.max_file_bytes), digest_size=16).hexdigest()
        articles = parse_articles(path, limits, item.skipped_records, part)
        for article in articles:
            article.path = str(path)
        if not articles and part is None:
            item.error = "holds no article"
        item.entry = _entry(item, articles)
        # Pickled here, in the worker: the parent only stores the bytes until it writes the index.
        item.articles = pickle.dumps(articles, protocol=pickle.HIGHEST_PROTOCOL)
    except UnreadableFile as error:
        item = _Parsed(rel, 0, 0, error=str(error))
    except OSError as error:
        item = _Parsed(rel, 0, 0, error=f"cannot read: {error.strerror or error}")
    except Exception as error:  # noqa: BLE001 - one file's surprise must not stop a whole build
        item = _Parsed(rel, 0, 0, error=f"could not be parsed ({type(error).__name__}: {error}); please report it")
    return item


def _valid_text(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False  # undecodable bytes in a file name arrive as surrogates
    return True


def printable_name(name: str) -> str:
    """A file name that can be shown and stored: undecodable bytes as \\x escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _entry(item: _Parsed, articles: list[Article]) -> dict:
    """The file's manifest entry: what later builds need to know without parsing it again."""
    keys = [key for article in articles for key in clean.line_keys(article.body.split("\n\n"))]
    return {"size": item.size, "mtime_ns": item.mtime_ns, "digest": item.digest,
            "ids": [_doc_id(item.rel, a) for a in articles], "lines": keys,
            "people": [name for article in articles for name in article.people],
            "places": sorted({name for article in articles for name in article.places})}


def _doc_id(rel: str, article: Article) -> str:
    return rel if article.record is None else f"{rel}#{article.record}"


def _delete_file(writer: IndexWriter, entry: dict) -> None:
    for doc_id in entry["ids"]:
        writer.delete_by_term("id", doc_id)


def _document(article: Article, rel: str, boilerplate: set[str], people: PeopleTable | None = None) -> dict:
    written = article.body.split("\n\n")
    paragraphs = clean.strip_repeated(written, boilerplate)
    body = "\n\n".join(paragraphs)
    named = article.people if len(paragraphs) == len(written) else _still_named(article, body)
    names = people.canonical_list(named) if people else named
    document = {
        "id": _doc_id(rel, article),
        # Worked out as the article was parsed, unless its repeated lines have gone since.
        "fingerprint": article.fingerprint if len(paragraphs) == len(written) else fingerprint(article.headline, body),
        "path": article.path,
        "source": " ".join(filter(None, (rel, article.url, article.publication))),
        "headline": article.headline,
        "body": body,
        # Every spelling is searchable; facets and hits show the corpus's one form per person.
        "people": ", ".join(dict.fromkeys(named + names)),
        "person": ",".join(p.replace(",", " ") for p in names),
        "authors": ", ".join(article.authors),
    }
    if article.headline_from_body:
        # Opening words shown as a headline are body text: weighting them as a headline would
        # count them twice over.
        document["headline"] = ""
        document["_stored_headline"] = article.headline
    if "/" in rel:
        document["folder"] = rel.partition("/")[0]
    if article.summary:
        document["summary"] = article.summary
    if article.caption:
        document["caption"] = article.caption
    if article.date:
        document["date"] = article.date
    if article.url:
        document["url"] = article.url
    if article.publication:
        document["publication"] = article.publication
    return document


def _still_named(article: Article, body: str) -> list[str]:
    """The article's people still named once its repeated lines are gone: a site's promotion box
    ("a book by Sir John Hawkins") names no one the article is about."""
    texts = (article.headline, article.summary or "", article.caption or "", body)
    return [name for name in article.people if any(name.split()[-1] in text for text in texts)]


def _people_table(files: dict) -> PeopleTable:
    return PeopleTable.build((name for entry in files.values() for name in entry.get("people", ())),
                             (name for entry in files.values() for name in entry.get("places", ())))


def _same_names(old_files: dict, parsed: dict[str, _Parsed], removed: list[str]) -> bool:
    """True when the changed files name exactly the people and places they named before."""
    if removed:
        return False
    for rel, item in parsed.items():
        old = old_files.get(rel)
        if old is None or old["people"] != item.entry["people"] or old["places"] != item.entry["places"]:
            return False
    return True


def _boilerplate(lines: dict[str, int], manifest: dict) -> set[str]:
    documents = sum(len(e["ids"]) for e in manifest["files"].values())
    threshold = clean.repeated_threshold(documents)
    return {key for key, count in lines.items() if count >= threshold}


def _load_manifest(generation: Path) -> dict | None:
    """The generation's manifest, or ``None`` when it is missing or does not match the index
    (a build killed between commit and manifest write): the caller then rebuilds in full."""
    gc.disable()  # loading allocates objects by the hundred thousand: no collections meanwhile
    try:
        manifest = orjson.loads((generation / store.MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    finally:
        gc.enable()
    gc.freeze()  # see _manifest_outside_collections
    # An index of another schema version (whose schema this version may not even be able to
    # read) is rebuilt, not opened.
    if manifest.get("generation") != store.index_generation(generation) or manifest.get("schema") != SCHEMA_VERSION:
        return None
    return manifest
