"""indexer.codec: posting blocks written and read back, through Whoosh's matcher interface and
through the whole-block readers the searcher uses, against Whoosh's own codec."""

import random

import numpy as np
import pytest
from whoosh import fields, formats, index
from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.filedb.filestore import FileStorage, RamStorage

from indexer.codec import NewsCodec, NewsLeafMatcher, _mapped


def write_and_open(postings, format_):
    """A matcher over ``postings`` ((docnum, weight, value, length) in order), as a reader sees it."""
    storage = RamStorage()
    postfile = storage.create_file("postings")
    postfile.write(b"pad")  # a posting list rarely starts at offset 0
    writer = NewsCodec().postings_writer(postfile)
    info = W3TermInfo()
    writer.start_postings(format_, info)
    for posting in postings:
        writer.add_posting(*posting)
    writer.finish_postings()
    postfile.close()
    return NewsCodec().postings_reader(storage.open_file("postings"), info, format_)


def generic(matcher):
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


def make_postings(rng, count, largest_gap, weights, value_size):
    docnum, made = 0, []
    for _ in range(count):
        docnum += rng.randint(1, largest_gap)
        weight = {"one": 1.0, "same": 2.5, "each": float(rng.randint(1, 9))}[weights]
        value = b"" if value_size == 0 else bytes(rng.randrange(256) for _ in range(rng.randint(0, value_size)))
        made.append((docnum, weight, value, rng.randint(1, 500)))
    return made


@pytest.mark.parametrize("count", [1, 2, 127, 128, 129, 1000])
@pytest.mark.parametrize("largest_gap", [3, 300, 70_000])
@pytest.mark.parametrize("weights", ["one", "same", "each"])
def test_postings_read_back_as_written(count, largest_gap, weights):
    rng = random.Random(count * 31 + largest_gap)
    postings = make_postings(rng, count, largest_gap, weights, value_size=40)
    read = generic(write_and_open(postings, formats.Positions()))
    assert read == [(d, pytest.approx(w), v) for d, w, v, _ in postings]

    ids, weights_read = write_and_open(postings, formats.Positions()).arrays()
    assert ids.tolist() == [d for d, *_ in postings]
    assert weights_read.tolist() == pytest.approx([w for _, w, _, _ in postings])


def test_values_of_every_size():
    rng = random.Random(5)
    postings = make_postings(rng, 300, 20, "each", value_size=400)
    postings[150] = (postings[150][0], 1.0, bytes(70_000), 3)  # longer than a 2-byte length
    matcher = write_and_open(postings, formats.Characters())
    assert [v for _, _, v in generic(matcher)] == [v for _, _, v, _ in postings]
    wanted = np.array(sorted({postings[i][0] for i in (0, 149, 150, 151, 299)} | {postings[10][0] + 1}))
    by_docnum = {d: v for d, _, v, _ in postings}
    expected = {int(d): by_docnum[d] for d in wanted if d in by_docnum}
    assert write_and_open(postings, formats.Characters()).values_of(wanted) == expected


def test_fixed_size_and_empty_values():
    rng = random.Random(9)
    frequency = [(d, w, int(w).to_bytes(4, "big"), n) for d, w, _, n in make_postings(rng, 200, 5, "each", 0)]
    assert generic(write_and_open(frequency, formats.Frequency())) == [(d, w, v) for d, w, v, _ in frequency]
    existence = make_postings(rng, 200, 5, "one", 0)
    assert [d for d, _, _ in generic(write_and_open(existence, formats.Existence()))] == [d for d, *_ in existence]


def test_only_blocks_that_can_hold_wanted_articles_are_read():
    docnums = list(range(0, 10_000, 2))  # 40 blocks of 128, the last of 8
    matcher = write_and_open([(docnum, 1.0, b"", 1) for docnum in docnums], formats.Existence())
    ids, _ = matcher.arrays(np.array([3, 4, 9_998]))
    assert ids.tolist() == docnums[:128] + docnums[39 * 128:]


def test_skipping_through_whooshs_matcher_interface():
    postings = [(docnum, 1.0, b"x", 1) for docnum in range(0, 3_000, 3)]
    matcher = write_and_open(postings, formats.Positions())
    matcher.skip_to(1_500)
    assert matcher.id() == 1_500
    matcher.skip_to(2_998)
    assert not matcher.is_active()


def test_an_index_reads_the_same_with_either_codec(tmp_path):
    rng = random.Random(3)
    words = [f"w{n}" for n in range(300)]
    schema = fields.Schema(body=fields.TEXT(phrase=True, chars=True), tag=fields.KEYWORD)
    docs = [{"body": " ".join(rng.choices(words, weights=[1 / (n + 1) for n in range(300)], k=60)),
             "tag": rng.choice(["a", "b c", "d"])} for _ in range(700)]
    readers = []
    for name, codec in (("whoosh", W3Codec()), ("news", NewsCodec())):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), schema)
        with ix.writer(codec=codec) as writer:
            for doc in docs:
                writer.add_document(**doc)
        readers.append(ix.reader())
    theirs, ours = readers
    assert list(theirs.all_terms()) == list(ours.all_terms())
    for fieldname, text in theirs.all_terms():
        assert generic(ours.postings(fieldname, text)) == generic(theirs.postings(fieldname, text))
        matcher = ours.postings(fieldname, text)
        assert isinstance(matcher, NewsLeafMatcher)
        assert matcher.arrays()[0].tolist() == list(theirs.postings(fieldname, text).all_ids())


def test_a_mapped_file_reads_as_the_file_does_also_past_its_end(tmp_path):
    (tmp_path / "seg.trm").write_bytes(bytes(range(100)))
    (tmp_path / "empty.col").write_bytes(b"")
    storage = FileStorage(str(tmp_path))
    mapped, plain = _mapped(storage, "seg.trm"), storage.open_file("seg.trm")
    for position, length in ((0, 4), (96, 10), (150, 4)):  # a file cut short reads short, not fails
        assert mapped.get(position, length) == plain.get(position, length)
    mapped.seek(250)
    assert mapped.read(4) == b"" and mapped.get_uint(0) == plain.get_uint(0)
    empty = _mapped(storage, "empty.col")
    assert empty.get(0, 4) == b""  # nothing to map: read as a file
    for opened in (mapped, plain, empty):
        opened.close()
