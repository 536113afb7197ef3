"""How posting lists are laid out on disk: Whoosh 3's codec with blocks that decode as arrays.

Whoosh 3 stores each block of up to 128 postings as one zlib-compressed pickle of (document
numbers, weights, positions). A query that only scores articles still had to decompress and
unpickle every position in every block it read: two thirds of a query's time
(bench/latency.py). Here a block is a fixed header, then the gaps between document numbers as
1, 2 or 4-byte integers, then the weights as 32-bit floats (or one value when they are all
equal), then the positions, compressed apart from the rest. Document numbers and weights are
read straight into numpy arrays; positions are only decompressed when a snippet needs them. A
list of several blocks ends with a directory (each block's last document number and offset),
so that an AND, or the positions of ten hits, reads only the blocks it needs instead of
stepping through every block's header.

Everything else (term dictionary, stored fields, lengths) is Whoosh 3's own. A segment records
its codec, so indexes written with this one are read with it.
"""

from __future__ import annotations

import functools
import mmap
import struct
import sys
import zlib
from array import array
from collections.abc import Iterator
from itertools import groupby, pairwise
from operator import itemgetter

import numpy as np
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PerDocReader,
    W3PostingsWriter,
    W3TermInfo,
    W3TermsReader,
)
from whoosh.filedb.structfile import StructFile
from whoosh.matching import ListMatcher
from whoosh.reading import CorruptIndexError, TermNotFound
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from .writer import Postings

# Length of the block after this header, postings, first and last document number, highest
# weight, shortest and longest field length (as Whoosh's length bytes), bytes per
# document-number gap, how weights are stored, flags.
_HEADER = struct.Struct("<IIIIfBBBBB")
_GAP_TYPES = {1: ("B", np.dtype("<u1")), 2: ("H", np.dtype("<u2")), 4: ("I", np.dtype("<u4"))}
_ALL_ONE, _ALL_SAME, _EACH = 0, 1, 2  # how a block's weights are stored
_COMPRESSED, _LONG_VALUES, _LAST = 1, 2, 4  # flags: values compressed, 4-byte value lengths, a term's last block
_TERM_INFO = W3TermInfo._struct  # a dictionary entry's fixed part
# zlib makes shorter inputs longer (Whoosh measured the same threshold for its blocks).
_COMPRESS_FROM = 80
_LITTLE_ENDIAN = sys.byteorder == "little"
# A posting list up to this many bytes is read whole when opened, and a longer one when a query
# needs more than this many of its blocks; otherwise blocks are read one at a time.
_READ_WHOLE_BELOW = 4096
_READ_WHOLE_FROM_BLOCKS = 8
_REMEMBERED_WORDS = 20_000  # per segment; a looked-up word's entry is about 300 bytes


def _little_endian_bytes(numbers: array) -> bytes:
    if not _LITTLE_ENDIAN:
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    return numbers.tobytes()


def _reading_blocks(method):
    """Report what damaged posting data makes numpy raise as Whoosh's ``CorruptIndexError``."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (ValueError, IndexError, OverflowError) as error:
            raise CorruptIndexError(f"damaged postings in {self._postfile!r}: {error}") from error
    return wrapper


def _fill(block, start: int, count: int, gap_size: int, weight_kind: int,
          gaps: np.ndarray, weights: np.ndarray, at: int) -> None:
    """Copy the gaps after a block's first document number, and its weights, from ``block``
    (its data begins at ``start``) into ``gaps`` and ``weights`` at ``at``."""
    if count > 1:
        gaps[at + 1:at + count] = np.frombuffer(block, dtype=_GAP_TYPES[gap_size][1], count=count - 1, offset=start)
    start += (count - 1) * gap_size
    if weight_kind == _EACH:
        weights[at:at + count] = np.frombuffer(block, dtype="<f4", count=count, offset=start)
    else:
        weights[at:at + count] = 1.0 if weight_kind == _ALL_ONE else struct.unpack_from("<f", block, start)[0]


class NewsCodec(W3Codec):
    """Whoosh 3's codec with array-friendly posting blocks (see the module's docstring)."""

    def postings_writer(self, dbfile, byteids=False):
        if byteids:  # term vectors keep Whoosh's layout; the index stores none
            return super().postings_writer(dbfile, byteids=True)
        return NewsPostingsWriter(dbfile, blocklimit=self._blocklimit,
                                  compression=self._compression, inlinelimit=self._inlinelimit)

    def field_writer(self, storage, segment):
        return NewsFieldWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return NewsPerDocReader(storage, segment)

    def terms_reader(self, storage, segment):
        terms = segment.make_filename(self.TERMS_EXT)
        if segment.is_compound():  # its files are read from one, already in memory
            return NewsTermsReader(self, storage.open_file(terms), storage.file_length(terms),
                                   segment.open_file(storage, self.POSTS_EXT))
        return NewsTermsReader(self, _mapped(storage, terms), storage.file_length(terms),
                               _mapped(storage, segment.make_filename(self.POSTS_EXT)))

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            return ListMatcher(ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo)
        offset, length = terminfo.extent()
        if isinstance(length, tuple):  # whoosh3 reads a stored extent's length back as a 1-tuple
            (length,) = length
        return NewsLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer,
                               postings=terminfo.doc_frequency())


class NewsFieldWriter(W3FieldWriter):
    def _create_file(self, ext):
        return _CountedFile.around(super()._create_file(ext))

    def add_postings(self, schema, lengths, items) -> None:
        # Without each posting's field length, which Whoosh reads back from the segment being
        # written (a ninth of indexing time) only to record the shortest and longest in each
        # block. Blocks then claim a length of 0: Whoosh's block skipping, which bounds a block's
        # best score with them, skips fewer blocks but never a block it should read.
        super().add_postings(schema, None, items)

    def add_terms(self, schema, terms) -> None:
        """Write a segment's posting lists from ``indexer.writer.TermPool.iter_terms``: each word's
        postings at once, sorted by field and word."""
        blocklimit = self._codec._blocklimit
        for fieldname, field_terms in groupby(terms, key=itemgetter(0)):
            self.start_field(fieldname, schema[fieldname])
            prefix = pack_ushort(self._fieldid)
            for _, text, postings in field_terms:
                if len(postings[0]) <= blocklimit:
                    self._tindex.add(prefix + text, self._one_block_list(postings))
                    continue
                self.start_term(text)
                self._postwriter.add_term_postings(postings)
                self.finish_term()
            self.finish_field()

    def _one_block_list(self, postings: Postings) -> bytes:
        """Write a posting list that fits in one block (most words' lists: a segment's rare words,
        names and figures), and return its dictionary entry: what ``start_term``,
        ``add_term_postings`` and ``finish_term`` write, without the objects they make for each
        word (writing a segment of 4,761 Reuters stories, 7 words in 10 in one story: 266 -> 190 us
        a story)."""
        ids, weights, values = postings
        postfile = self._postfile
        start = postfile.tell()
        maxweight = max(max(weights), 0)
        postfile.write(WHOOSH3_HEADER_MAGIC + _block(ids, weights, values, self._format.fixed_value_size(), maxweight,
                                                     self._codec._compression, last=True))
        # W3TermInfo.to_bytes of the list's terminfo: not inlined, total weight, postings, no
        # lengths (see add_postings), highest weight, first and last document, extent.
        return (_TERM_INFO.pack(0, sum(weights), len(ids), 0, 0, maxweight, ids[0], ids[-1])
                + pack_long(start) + pack_int(postfile.tell() - start))


class _CountedFile(StructFile):
    """A file being written that counts its own position: ``tell()`` on a Python file is a seek
    system call, and writing a segment asks for the position of every word's postings and
    dictionary entry (a twentieth of an indexing process's time)."""

    @classmethod
    def around(cls, handle: StructFile) -> StructFile:
        if type(handle) is not StructFile:  # a compound or in-memory file: left as it is
            return handle
        counted = cls(handle.file, name=handle._name, onclose=handle.onclose)
        counted._position = handle.file.tell()
        return counted

    def write(self, data) -> int:
        written = self.file.write(data)
        self._position += written
        return written

    def tell(self) -> int:
        return self._position

    def seek(self, *args) -> int:
        self._position = self.file.seek(*args)
        return self._position

    def write_pickle(self, obj, protocol: int = -1) -> None:
        super().write_pickle(obj, protocol)
        self._position = self.file.tell()

    def write_array(self, arry) -> None:
        super().write_array(arry)
        self._position = self.file.tell()


class _MappedFile(StructFile):
    """A file's bytes from a memory map, read as a file's are: past its end (a file cut short),
    a read comes back short rather than failing to seek."""

    def get(self, position: int, length: int) -> bytes:
        return self.file[position:position + length]

    def seek(self, position: int, whence: int = 0) -> int:
        if whence == 0:
            position = min(max(position, 0), len(self.file))
        return self.file.seek(position, whence)


def _mapped(storage, name: str) -> StructFile:
    """A segment's file read from memory: looking up a query's words is dozens of small reads at
    scattered places in the term dictionary and the postings, and each read of a file is two
    system calls."""
    handle = storage.open_file(name)
    try:
        memory = mmap.mmap(handle.file.fileno(), 0, access=mmap.ACCESS_READ)
    except (AttributeError, OSError, ValueError):  # an empty file; a storage kept in memory
        return handle
    handle.close()  # the map holds the file open
    return _MappedFile(memory, name=name)


class NewsPerDocReader(W3PerDocReader):
    """Whoosh 3's reader of stored fields and columns, its files read from memory (``_mapped``):
    a hit's stored fields are a few small reads."""

    def _get_column_file(self, fieldname):
        filename = W3Codec.column_filename(self._segment, fieldname)
        return _mapped(self._storage, filename), 0, self._storage.file_length(filename)


class NewsTermsReader(W3TermsReader):
    """Whoosh 3's term dictionary, remembering the words it has looked up: a query asks about
    each of its words several times per field (is it there, in how many articles, its
    postings), and a lookup reads and hashes through the file each time."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self._looked_up: dict[tuple[str, bytes], W3TermInfo | None] = {}

    def _info(self, fieldname: str, tbytes: bytes) -> W3TermInfo | None:
        key = (fieldname, tbytes)
        if key not in self._looked_up:
            if len(self._looked_up) >= _REMEMBERED_WORDS:
                self._looked_up.clear()
            try:
                self._looked_up[key] = super().term_info(fieldname, tbytes)
            except TermNotFound:
                self._looked_up[key] = None
        return self._looked_up[key]

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        return self._info(*term) is not None

    def field_postings(self, fieldname: str, format_) -> Iterator[tuple[bytes, object]]:
        """(word, postings matcher) for every word of a field, read in the dictionary's order
        rather than looked up one by one (a whole field's lookups took a second on Reuters)."""
        for (name, tbytes), terminfo in self.items_from(fieldname, b""):
            if name != fieldname:
                return
            yield tbytes, self._codec.postings_reader(self._postfile, terminfo, format_, term=(fieldname, tbytes))

    def term_info(self, fieldname: str, tbytes: bytes) -> W3TermInfo:
        info = self._info(fieldname, tbytes)
        if info is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return info

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        info = self._info(fieldname, tbytes)
        return 0 if info is None else info.doc_frequency()

    def frequency(self, fieldname: str, tbytes: bytes) -> float:
        info = self._info(fieldname, tbytes)
        return 0 if info is None else info.weight()


class NewsPostingsWriter(W3PostingsWriter):
    def start_postings(self, format_, terminfo) -> None:
        super().start_postings(format_, terminfo)
        self._block_ends = array("I")
        self._block_offsets = array("I")

    def finish_postings(self):
        if self._ids and (self.written() or len(self) >= self._inlinelimit):
            self._write_block(last=True)
            if self._blockcount > 1:
                # The directory of blocks, at the end of the list: a reader jumps to the blocks
                # it needs instead of stepping through every block's header.
                self._postfile.write(_little_endian_bytes(self._block_ends))
                self._postfile.write(_little_endian_bytes(self._block_offsets))
                self._postfile.write(struct.pack("<I", self._blockcount))
        return super().finish_postings()

    def add_posting(self, id_: int, weight: float, vbytes: bytes, length: int | None = None) -> None:
        # Whoosh's version type-checks every posting and drops empty values (leaving values and
        # document numbers out of step); this keeps one value per posting.
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        self._values.append(vbytes)
        if weight > self._maxweight:
            self._maxweight = weight
        if length:
            if self._minlength is None or length < self._minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length

    def add_term_postings(self, postings: Postings) -> None:
        """A word's postings (document numbers, weights, values) in document order, all at once:
        what ``add_posting`` for each would do, a block at a time."""
        docnums, weights, values = postings
        limit = self._blocklimit
        for start in range(0, len(docnums), limit):
            if start:
                self._write_block()
            self._ids = docnums[start:start + limit]
            self._weights = weights[start:start + limit]
            self._values = values[start:start + limit]
            self._maxweight = max(max(self._weights), 0)

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        self._block_ends.append(self._ids[-1])
        self._block_offsets.append(self._postfile.tell() - self._startoffset)
        self._postfile.write(_block(self._ids, self._weights, self._values, self._format.fixed_value_size(),
                                    self._maxweight, self._compression, last=last,
                                    lengths=(self._minlength, self._maxlength)))
        self._blockcount += 1
        self._new_block()


def _block(ids: array, weights: array, values, value_size: int | None, maxweight: float, compression: int,
           *, last: bool, lengths: tuple[int | None, int] = (None, 0)) -> bytes:
    """One block of a posting list, header and data: document numbers ``ids`` with their
    ``weights`` and ``values`` (bytes each; ``value_size`` is the format's fixed size, 0 when it
    stores none, None when sizes vary); ``lengths`` the shortest and longest field length."""
    if len(ids) == 1:  # a word in one article of the segment: most of its words
        gap_size, parts = 1, []
    else:
        gaps = array("I", (b - a for a, b in pairwise(ids)))
        largest = max(gaps)
        gap_size = 1 if largest < 256 else 2 if largest < 65536 else 4
        parts = [_little_endian_bytes(array(_GAP_TYPES[gap_size][0], gaps))]

    first_weight = weights[0]
    if len(weights) == 1 or all(w == first_weight for w in weights):
        weight_kind = _ALL_ONE if first_weight == 1.0 else _ALL_SAME
        if weight_kind == _ALL_SAME:
            parts.append(struct.pack("<f", first_weight))
    else:
        weight_kind = _EACH
        parts.append(_little_endian_bytes(weights))

    joined, long_values = _values_bytes(values, value_size)
    flags = (_LAST if last else 0) | (_LONG_VALUES if long_values else 0)
    if joined:
        if len(joined) >= _COMPRESS_FROM and compression:
            joined = zlib.compress(joined, compression)
            flags |= _COMPRESSED
        parts.append(joined)

    data = b"".join(parts)
    shortest, longest = lengths
    header = _HEADER.pack(len(data), len(ids), ids[0], ids[-1], maxweight, length_to_byte(shortest),
                          length_to_byte(longest), gap_size, weight_kind, flags)
    return header + data


def _values_bytes(values, size: int | None) -> tuple[bytes, bool]:
    """A block's values as one string: fixed-size values end to end; variable-size ones after a
    table of their lengths, 4-byte lengths when the second item is true."""
    if size == 0:
        return b"", False
    joined = b"".join(values)
    if size is not None and size > 0:
        return joined, False
    lengths = [len(value) for value in values]
    long_values = max(lengths) > 65535
    return _little_endian_bytes(array("I" if long_values else "H", lengths)) + joined, long_values


class NewsLeafMatcher(W3LeafMatcher):
    """Reads ``NewsPostingsWriter`` blocks; ``arrays`` and ``values_of`` read whole blocks."""

    def __init__(self, postfile, startoffset, length, format_, *, postings: int, term=None, scorer=None) -> None:
        # A short list (most are) is read in one go; a long one block by block, or whole when a
        # query needs most of its blocks.
        self._buffer = postfile.get(startoffset, length) if length <= _READ_WHOLE_BELOW else None
        self._blocks: tuple[np.ndarray, np.ndarray] | None = None
        self._postings = postings
        super().__init__(postfile, startoffset, length, format_, term=term, scorer=scorer)
        self._one_block = self._lastblock

    def _get(self, position: int, size: int):
        if self._buffer is None:
            return self._postfile.get(position, size)
        start = position - self._startoffset
        return memoryview(self._buffer)[start:start + size]

    def _read_header(self) -> None:
        if bytes(self._get(self._startoffset, 4)) != WHOOSH3_HEADER_MAGIC:
            raise CorruptIndexError(f"bad postings at offset {self._startoffset} of {self._postfile!r}: "
                                    "rebuild the index")
        self._baseoffset = self._startoffset + 4

    def _goto(self, position: int, raw=None) -> None:
        """Make the block at ``position`` current; ``raw`` is the whole block when already read."""
        self._data = self._ids = self._weights = self._values = self._arrays = self._table = None
        self._i = 0
        header = _HEADER.unpack(raw[:_HEADER.size] if raw is not None else self._get(position, _HEADER.size))
        (length, self._blocklength, self._firstid, self._maxid, self._maxweight,
         shortest, longest, self._gap_size, self._weight_kind, self._flags) = header
        self._lastblock = bool(self._flags & _LAST)
        self._dataoffset = position + _HEADER.size
        self._nextoffset = self._dataoffset + length
        self._minlength = byte_to_length(shortest)
        self._maxlength = byte_to_length(longest)
        if raw is not None:
            self._data = raw[_HEADER.size:]

    def block_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The current block's document numbers (int64) and weights (float64)."""
        if self._arrays is None:
            count = self._blocklength
            gaps, weights = np.empty(count, dtype=np.int64), np.empty(count)
            gaps[0] = self._firstid
            _fill(self._block_data(), 0, count, self._gap_size, self._weight_kind, gaps, weights, 0)
            self._arrays = (np.cumsum(gaps), weights)
        return self._arrays

    @_reading_blocks
    def arrays(self, wanted: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The document numbers (int64) and weights (float64) of the whole posting list, or only
        of the blocks that could hold one of the ``wanted`` document numbers (ascending)."""
        if self._one_block:
            return self.block_arrays()
        blocks = self._blocks_holding(wanted)
        offsets = self._directory()[1].tolist()
        # The gaps of every block go into one array (a block's first number as its distance from
        # the previous block's last), added up once at the end.
        gaps = np.empty(self._postings, dtype=np.int64)
        weights = np.empty(self._postings)
        filled = previous = 0
        for block in blocks:
            start = self._startoffset + offsets[block]
            raw = self._get(start, offsets[block + 1] - offsets[block])
            _, count, first, last, _, _, _, gap_size, weight_kind, _ = _HEADER.unpack_from(raw)
            gaps[filled] = first - previous
            _fill(raw, _HEADER.size, count, gap_size, weight_kind, gaps, weights, filled)
            filled += count
            previous = last
        return np.cumsum(gaps[:filled]), weights[:filled]

    @_reading_blocks
    def values_of(self, docnums: np.ndarray) -> dict[int, bytes]:
        """The stored values (positions, characters) of those of ``docnums`` (ascending) that
        this posting list holds, decompressing only the blocks they are in."""
        found: dict[int, bytes] = {}
        for block in [None] if self._one_block else self._blocks_holding(docnums):
            ids = self.block_arrays()[0] if block is None else self._block_at(block)[0]
            where = np.minimum(np.searchsorted(ids, docnums), len(ids) - 1)
            held = ids[where] == docnums
            if held.any():
                values, bounds = self._value_table()
                for docnum, index in zip(docnums[held].tolist(), where[held].tolist(), strict=True):
                    found[docnum] = values[bounds[index]:bounds[index + 1]]
        return found

    def _blocks_holding(self, docnums: np.ndarray | None) -> list[int]:
        """The blocks (of a list of several) whose range of document numbers takes in any of
        ``docnums`` (all of them for ``None``)."""
        ends = self._directory()[0]
        if docnums is None:
            return list(range(len(ends)))
        blocks = np.searchsorted(ends, docnums)
        blocks = blocks[blocks < len(ends)]
        if len(blocks) > 1:
            blocks = blocks[np.concatenate(([True], blocks[1:] != blocks[:-1]))]
        if self._buffer is None and len(blocks) > _READ_WHOLE_FROM_BLOCKS:
            self._buffer = self._postfile.get(self._startoffset, self._length)
        return blocks.tolist()

    def _directory(self) -> tuple[np.ndarray, np.ndarray]:
        """The last document number and the offset (from the list's start) of every block, with
        the offset where the directory itself starts at the end."""
        if self._blocks is None:
            end = self._startoffset + self._length
            (count,) = struct.unpack("<I", self._get(end - 4, 4))
            table = bytes(self._get(end - 4 - 8 * count, 8 * count))
            offsets = np.empty(count + 1, dtype=np.int64)
            offsets[:count] = np.frombuffer(table, dtype="<u4", count=count, offset=4 * count)
            offsets[count] = self._length - 4 - 8 * count
            self._blocks = (np.frombuffer(table, dtype="<u4", count=count), offsets)
        return self._blocks

    def _block_at(self, block: int) -> tuple[np.ndarray, np.ndarray]:
        offsets = self._directory()[1]
        start, end = int(offsets[block]), int(offsets[block + 1])
        self._goto(self._startoffset + start, self._get(self._startoffset + start, end - start))
        return self.block_arrays()

    def _block_data(self):
        if self._data is None:
            self._data = self._get(self._dataoffset, self._nextoffset - self._dataoffset)
        return self._data

    def block_min_id(self) -> int:
        return self._firstid

    @_reading_blocks
    def _read_ids(self) -> None:
        self._ids = self.block_arrays()[0].tolist()

    @_reading_blocks
    def _read_weights(self) -> None:
        self._weights = self.block_arrays()[1].tolist()

    @_reading_blocks
    def _read_values(self) -> None:
        if self._fixedsize == 0:
            self._values = (None,) * self._blocklength
            return
        values, bounds = self._value_table()
        edges = bounds.tolist()
        self._values = tuple(values[a:b] for a, b in pairwise(edges))

    def _value_table(self) -> tuple[bytes, np.ndarray]:
        """The block's values, decompressed, and where each starts and the last one ends."""
        if self._table is None:
            count, size = self._blocklength, self._fixedsize
            start = (count - 1) * self._gap_size + {_ALL_ONE: 0, _ALL_SAME: 4, _EACH: 4 * count}[self._weight_kind]
            values = self._block_data()[start:]
            values = zlib.decompress(values) if self._flags & _COMPRESSED else bytes(values)
            if size is not None and size > 0:
                bounds = np.arange(count + 1) * size
            else:
                width = 4 if self._flags & _LONG_VALUES else 2
                bounds = np.empty(count + 1, dtype=np.int64)
                bounds[0] = count * width
                np.cumsum(np.frombuffer(values, dtype=f"<u{width}", count=count), out=bounds[1:])
                bounds[1:] += count * width
            self._table = (values, bounds)
        return self._table
