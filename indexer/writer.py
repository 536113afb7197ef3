"""Whoosh's segment writers with a posting pool that groups postings by word as they arrive.

Whoosh collects every posting of a segment in one list, sorts the millions of (field, word,
document, weight, value) tuples when the segment is written, and hands them to the codec one by
one. Here each word of each field keeps its own list: only the distinct words are sorted, and the
codec takes a word's postings a block at a time (``NewsPostingsWriter.add_term_postings``). What
is written is the same, byte for byte (tests/test_writer.py). A writer numbers documents in the
order they are added, merged segments' documents included, so each word's list is in document
order as it stands.

A pool that outgrows its memory limit writes its words, sorted, to a run file and starts again;
the runs are merged word by word when the segment is written. Segments are written one per
process, as ``whoosh.multiproc.MpWriter`` with ``multisegment=True`` does.
"""

from __future__ import annotations

import gc
import heapq
import os
import pickle
from array import array
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from .orphans import exit_with_parent

Posting = tuple[str, bytes, int, float, bytes]  # (field, word, document, weight, value), as Whoosh makes them
# A word's postings in document order: document numbers, weights (32-bit, as blocks store them)
# and values, in two arrays and a list rather than a tuple each: half the memory, and ready for
# the codec's blocks.
Postings = tuple[array, array, list[bytes]]
# (field, word as bytes, its postings): one word's postings in a segment.
Term = tuple[str, bytes, Postings]

# Bytes of memory a posting takes in a word's lists: a document number and a weight, and the
# value list's slot and the value (but the empty value every ID field's posting shares); and a
# word's lists themselves.
_POSTING_BYTES = 16
_VALUE_BYTES = 33
_WORD_BYTES = 300


class TermPool:
    """Postings grouped by field and word (see the module's docstring). Stands in for
    ``whoosh.writing.PostingPool``."""

    def __init__(self, tempstore, limitmb: float = 128) -> None:
        self._tempstore = tempstore
        self._limit = limitmb * 1024 * 1024
        self._size = 0
        self._fields: dict[str, dict[bytes, Postings]] = {}
        self._runs: list[str] = []
        self.fieldnames: set[str] = set()
        # The field of the last posting and its words: a document's postings come a field at a time.
        self._fieldname: str | None = None
        self._words: dict[bytes, Postings] = {}

    def add(self, posting: Posting) -> None:
        fieldname, text, docnum, weight, value = posting
        if fieldname != self._fieldname:
            self._fieldname = fieldname
            self._words = self._fields.setdefault(fieldname, {})
            self.fieldnames.add(fieldname)
        postings = self._words.get(text)
        if postings is None:
            postings = self._words[text] = (array("I"), array("f"), [])
            self._size += _WORD_BYTES + 2 * len(text)
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)
        self._size += (_POSTING_BYTES + _VALUE_BYTES + len(value)) if value else _POSTING_BYTES
        if self._size > self._limit:
            self.save()

    def save(self) -> None:
        """Write the pool's words, sorted, to a run file and empty it."""
        name = f"{random_name()}.terms"
        with self._tempstore.create_file(name).raw_file() as run:
            for term in self._in_memory():
                pickle.dump(term, run, pickle.HIGHEST_PROTOCOL)
        self._runs.append(name)
        self._fields, self._size = {}, 0
        self._fieldname, self._words = None, {}

    def iter_terms(self) -> Iterator[Term]:
        """Every word's postings, sorted by field and word."""
        if not self._runs:
            yield from self._in_memory()
            return
        # heapq.merge keeps equal keys in the order of its inputs: runs are written in the order
        # documents were added, so a word's postings stay in document order when joined.
        sources = [self._read_run(name) for name in self._runs] + [self._in_memory()]
        for (fieldname, text), group in groupby(heapq.merge(*sources, key=itemgetter(0, 1)), key=itemgetter(0, 1)):
            (docnums, weights, values), *later = [postings for _, _, postings in group]
            for more_docnums, more_weights, more_values in later:
                docnums += more_docnums
                weights += more_weights
                values += more_values
            yield fieldname, text, (docnums, weights, values)

    def cleanup(self) -> None:
        for name in self._runs:
            if self._tempstore.file_exists(name):
                self._tempstore.delete_file(name)
        self._runs = []

    def _in_memory(self) -> Iterator[Term]:
        for fieldname in sorted(self._fields):
            words = self._fields[fieldname]
            for text in sorted(words):
                yield fieldname, text, words[text]

    def _read_run(self, name: str) -> Iterator[Term]:
        with self._tempstore.open_file(name).raw_file() as run:
            while True:
                try:
                    yield pickle.load(run)
                except EOFError:
                    return


class _PooledByWord:
    """What turns one of Whoosh's segment writers into ours: a ``TermPool``, and the segment's
    postings handed to the codec a word at a time."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self.pool = TermPool(self._tempstorage, limitmb=kwargs.get("limitmb", 128))

    def _flush_segment(self) -> None:
        # NewsFieldWriter's word-at-a-time entry point (the codec of every index built here).
        self.perdocwriter.close()
        self.fieldwriter.add_terms(self.schema, self.pool.iter_terms())
        self.fieldwriter.close()


class NewsSegmentWriter(_PooledByWord, SegmentWriter):
    """Whoosh's single-process writer with a ``TermPool``."""


class _NewsSubWriter(SubWriterTask):
    """A sub-process of ``NewsMpWriter``: Whoosh's, writing its segment with a ``TermPool``."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.parent_pid = os.getpid()

    def run(self) -> None:
        exit_with_parent(self.parent_pid)
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = NewsSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
            # The postings held so far are never garbage: without this, each of the collector's
            # full passes walked through all of them again (a twentieth of a writer's time).
            gc.freeze()
        if not self.running:
            writer.cancel()
            return
        self.resultqueue.put((None, writer.pool.fieldnames, writer._finalize_segment()), timeout=5)


class NewsMpWriter(_PooledByWord, MpWriter):
    """Whoosh's multi-process writer, one segment per process, each written with a ``TermPool``."""

    def __init__(self, ix, procs: int, **kwargs) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)

    def _new_task(self) -> SubWriterTask:
        task = _NewsSubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True)
        self.tasks.append(task)
        task.start()
        return task


def open_writer(ix, procs: int = 1, **options) -> SegmentWriter:
    """A writer for ``ix``: ``procs`` processes each writing a segment, or one writer."""
    if procs > 1:
        return NewsMpWriter(ix, procs=procs, **options)
    return NewsSegmentWriter(ix, **options)
