import json
import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer import BuildError, Limits, build_index, store
from indexer.build import _load_manifest
from indexer.schema import SCHEMA_VERSION
from search import search as run_search
from tests.conftest import article_text, write
from tests.test_webarchive import archive


def docs(index_dir: Path) -> dict[str, dict]:
    generation = store.current_generation(index_dir)
    ix = whoosh_index.open_dir(str(generation))
    with ix.searcher() as searcher:
        return {fields["id"]: dict(fields) for fields in searcher.all_stored_fields()}


def corpus_of(tmp_path: Path, count: int = 3) -> Path:
    corpus = tmp_path / "corpus"
    for n in range(count):
        write(corpus, f"a{n}.txt", article_text(f"Headline {n}", f"March {n + 1}, 2021", f"Body text number {n}."))
    return corpus


def test_first_build_then_nothing_to_do(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    first = build_index(corpus, index_dir)
    assert (first.added, first.documents, first.full_rebuild) == (3, 3, True)
    again = build_index(corpus, index_dir)
    assert (again.added, again.updated, again.removed, again.unchanged, again.full_rebuild) == (0, 0, 0, 3, False)
    assert set(docs(index_dir)) == {"a0.txt", "a1.txt", "a2.txt"}


def test_add_change_delete_and_rename(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    write(corpus, "a0.txt", article_text("Headline zero, revised", "March 1, 2021", "New body."))
    (corpus / "a1.txt").unlink()
    (corpus / "a2.txt").rename(corpus / "moved.txt")
    write(corpus, "sub/new.txt", article_text("Fresh", "April 1, 2021", "Fresh body."))
    report = build_index(corpus, index_dir)
    assert (report.added, report.updated, report.removed) == (2, 1, 2)
    assert report.documents == 3
    stored = docs(index_dir)
    assert set(stored) == {"a0.txt", "moved.txt", "sub/new.txt"}
    assert stored["a0.txt"]["headline"] == "Headline zero, revised"


def test_the_article_count_follows_files_that_hold_several(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"

    def feed(count: int) -> None:
        write(corpus, "feed.jsonl", "\n".join(json.dumps({"headline": f"Item {n}", "body": f"Item body {n}."})
                                              for n in range(count)))

    feed(2)
    assert build_index(corpus, index_dir).documents == 5
    feed(4)
    (corpus / "a0.txt").unlink()
    report = build_index(corpus, index_dir)
    assert report.documents == 6 == len(docs(index_dir))
    assert report.summary().startswith("index updated: 6 articles from 3 files (0 added, 1 updated, 1 removed, "
                                       "2 unchanged), 0 skipped, in ")
    assert build_index(corpus, index_dir).documents == 6  # nothing changed


def test_a_large_jsonl_file_is_parsed_in_parts_and_indexed_as_one_file(tmp_path, monkeypatch):
    lines = [json.dumps({"headline": f"Item {n}", "body": f"Harbour item body {n}\u2028second line.",
                         "date": f"2021-03-{n % 28 + 1:02d}"}, ensure_ascii=False) for n in range(120)]
    lines[7], lines[64] = "{broken", "[1, 2]"
    text = "\n".join(lines) + "\n"
    whole = build_index(write(tmp_path / "one", "feed.jsonl", text).parent, tmp_path / "whole")
    monkeypatch.setattr("indexer.build._PART_BYTES", 250)  # three records a part: forty parts, for the workers
    corpus = write(tmp_path / "many", "feed.jsonl", text).parent
    limits = Limits(max_file_bytes=len(text) // 4)  # a file's size limit is for files read whole
    parts = build_index(corpus, tmp_path / "parts", jobs=2, limits=limits)
    assert parts.documents == whole.documents == 118
    assert [str(s) for s in parts.skipped] == [str(s) for s in whole.skipped] == \
        ["feed.jsonl line 8: invalid JSON at column 2", "feed.jsonl line 65: not a JSON object"]
    split, unsplit = docs(tmp_path / "parts"), docs(tmp_path / "whole")
    assert split.keys() == unsplit.keys() and "feed.jsonl#119" in split
    # U+2028 inside a record's string breaks the body's line, not the record.
    assert split["feed.jsonl#100"]["body"] == unsplit["feed.jsonl#100"]["body"] == \
        "Harbour item body 100\n\nsecond line."
    digests = [_load_manifest(store.current_generation(tmp_path / name))["files"]["feed.jsonl"]["digest"]
               for name in ("parts", "whole")]
    assert digests[0] == digests[1]
    assert build_index(corpus, tmp_path / "parts", jobs=2, limits=limits).unchanged == 1  # nothing to do
    # Touched, same content: hashed again, not parsed again.
    os.utime(corpus / "feed.jsonl", ns=(10**18, 10**18))
    monkeypatch.setattr("indexer.build._parse_file", lambda work: pytest.fail(f"parsed {work[1]} again"))
    touched = build_index(corpus, tmp_path / "parts", jobs=1, limits=limits)
    assert (touched.unchanged, touched.updated, touched.documents) == (1, 0, 118)
    assert _load_manifest(store.current_generation(tmp_path / "parts"))["files"]["feed.jsonl"]["mtime_ns"] == 10**18


def test_touched_but_unchanged_file_is_not_reindexed(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    os.utime(corpus / "a0.txt", (1_000_000, 1_000_000))
    report = build_index(corpus, index_dir)
    assert (report.updated, report.unchanged) == (0, 3)


def test_rebuild_swaps_generations_and_keeps_the_previous_one(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    first = store.current_generation(index_dir)
    build_index(corpus, index_dir, rebuild=True)
    second = store.current_generation(index_dir)
    assert second != first and first.exists()
    build_index(corpus, index_dir, rebuild=True)
    assert not first.exists() and second.exists()


def test_skipped_files_are_reported_and_the_build_finishes(tmp_path):
    corpus = corpus_of(tmp_path)
    write(corpus, "empty.txt", "")
    write(corpus, "image.html", b"\x89PNG\r\n\x1a\nbinary")
    write(corpus, "bad.json", "{nope")
    write(corpus, "budget.xlsx", "ignored: not an article format")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    outside = write(tmp_path, "outside.txt", article_text("Outside", "May 1, 2021", "Secret."))
    (corpus / "link.txt").symlink_to(outside)
    report = build_index(corpus, tmp_path / "index")
    reasons = {s.path: s.reason for s in report.skipped}
    assert set(reasons) == {"empty.txt", "image.html", "bad.json", "loop.txt", "link.txt"}
    assert "binary" in reasons["image.html"] and "outside" in reasons["link.txt"]
    assert report.documents == 3


def test_a_large_csv_file_is_parsed_in_parts_and_indexed_as_one_file(tmp_path, monkeypatch):
    rows = [f'"Item {n}","2021-03-{n % 28 + 1:02d}","Harbour item body {n},\nsecond line."\n' for n in range(90)]
    rows[11] = ",,\n"
    text = "title,date,body\n" + "".join(rows)
    whole = build_index(write(tmp_path / "one", "export.csv", text).parent, tmp_path / "whole")
    monkeypatch.setattr("indexer.build._PART_BYTES", 200)  # four rows a part
    corpus = write(tmp_path / "many", "export.csv", text).parent
    parts = build_index(corpus, tmp_path / "parts", jobs=2, limits=Limits(max_file_bytes=len(text) // 4))
    assert parts.documents == whole.documents == 89
    split, unsplit = ({id: {**fields, "path": ""} for id, fields in docs(tmp_path / name).items()}
                      for name in ("parts", "whole"))
    assert split == unsplit and split["export.csv#89"]["body"] == "Harbour item body 89,\n\nsecond line."


def test_a_large_web_archive_is_parsed_in_parts_and_indexed_as_one_file(tmp_path, monkeypatch):
    crawl = archive(tmp_path / "one" / "crawl.warc.gz", stories=30)
    whole = build_index(crawl.parent, tmp_path / "whole")
    monkeypatch.setattr("indexer.build._PART_BYTES", 3000)
    corpus = write(tmp_path / "many", "crawl.warc.gz", crawl.read_bytes()).parent
    parts = build_index(corpus, tmp_path / "parts", jobs=2, limits=Limits(max_file_bytes=crawl.stat().st_size // 4))
    assert parts.documents == whole.documents == 32 and not parts.skipped
    split, unsplit = ({id: {**fields, "path": ""} for id, fields in docs(tmp_path / name).items()}
                      for name in ("parts", "whole"))
    assert split == unsplit and split["crawl.warc.gz#61"]["headline"] == "Café reopens"


def test_a_file_that_becomes_unreadable_keeps_its_old_documents(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    write(corpus, "a0.txt", b"\x00\x01binary now")
    report = build_index(corpus, index_dir)
    assert [s.path for s in report.skipped] == ["a0.txt"]
    assert "a0.txt" in docs(index_dir)


def test_repeated_lines_across_the_corpus_are_removed(tmp_path):
    corpus = tmp_path / "corpus"
    promo = "Listen to our award winning harbour podcast every single morning"
    for n in range(4):
        write(corpus, f"p{n}.txt", article_text(f"Story {n}", "June 1, 2022", f"Unique paragraph {n} here.\n\n{promo}"))
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir)
    assert all(promo not in d["body"] for d in docs(index_dir).values())


def test_people_named_only_in_repeated_lines_are_not_the_articles(tmp_path):
    corpus = tmp_path / "corpus"
    promo = "Read the new book by Sir John Hawkins, out now in every good bookshop"
    for n, name in enumerate(["Adaeze Okafor", "Kofi Mensah", "Helen Ashworth", "Darnell Okoye"]):
        body = f"{name} said the port reopened.\n\n{promo}"
        write(corpus, f"p{n}.txt", article_text(f"Story {n}", "June 1, 2022", body))
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir)
    found = {d["id"]: d["person"] for d in docs(index_dir).values()}
    assert found == {"p0.txt": "Adaeze Okafor", "p1.txt": "Kofi Mensah", "p2.txt": "Helen Ashworth",
                     "p3.txt": "Darnell Okoye"}
    assert run_search('people:"John Hawkins"', index_dir).total == 0


def test_incremental_stats_reindex_articles_whose_cleaning_changes(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    promo = "Listen to our award winning harbour podcast every single morning"
    for n in range(2):
        write(corpus, f"p{n}.txt", article_text(f"Story {n}", "June 1, 2022", f"Unique paragraph {n}.\n\n{promo}"))
    build_index(corpus, index_dir)
    assert all(promo in d["body"] for d in docs(index_dir).values())  # two copies: not yet boilerplate
    write(corpus, "p2.txt", article_text("Story 2", "June 1, 2022", f"Unique paragraph 2.\n\n{promo}"))
    report = build_index(corpus, index_dir)
    assert report.added == 1 and report.updated == 2
    assert all(promo not in d["body"] for d in docs(index_dir).values())


def test_foreign_folder_and_bad_corpus_paths_are_refused(tmp_path):
    corpus = corpus_of(tmp_path)
    foreign = tmp_path / "precious"
    write(foreign, "thesis.doc", "years of work")
    with pytest.raises(BuildError, match="not empty"):
        build_index(corpus, foreign, rebuild=True)
    assert (foreign / "thesis.doc").read_text() == "years of work"
    with pytest.raises(BuildError, match="does not exist"):
        build_index(tmp_path / "missing", tmp_path / "index")
    with pytest.raises(BuildError, match="is a file"):
        build_index(foreign / "thesis.doc", tmp_path / "index")


def _hold_lock(index_dir, entered, release):
    with store.build_lock(index_dir):
        entered.set()
        release.wait(10)


def test_a_second_build_is_refused_while_one_runs(tmp_path):
    import multiprocessing

    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    entered, release = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold_lock, args=(index_dir, entered, release))
    holder.start()
    assert entered.wait(10)
    try:
        with pytest.raises(BuildError, match="another build"):
            build_index(corpus, index_dir)
    finally:
        release.set()
        holder.join()
    assert build_index(corpus, index_dir).documents == 3


def test_stale_manifest_forces_a_full_rebuild(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    manifest = store.current_generation(index_dir) / store.MANIFEST
    manifest.write_text('{"generation": -1, "files": {}, "lines": {}}')
    assert _load_manifest(manifest.parent) is None
    assert build_index(corpus, index_dir).full_rebuild


def test_an_index_of_an_earlier_schema_is_rebuilt_and_updates_keep_the_schema(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    for number in range(2):
        write(corpus, "a0.txt", article_text("Headline 0", "March 1, 2021", f"Changed body {number}."))
        assert not build_index(corpus, index_dir).full_rebuild
    manifest = store.current_generation(index_dir) / store.MANIFEST
    manifest.write_text(manifest.read_text().replace(f'"schema":{SCHEMA_VERSION}', '"schema":1'))
    assert build_index(corpus, index_dir).full_rebuild


def test_leftovers_of_an_interrupted_rebuild_are_cleaned(tmp_path):
    corpus, index_dir = corpus_of(tmp_path), tmp_path / "index"
    build_index(corpus, index_dir)
    leftover = store.new_generation(index_dir)
    write(leftover, "junk.seg", "half-written")
    build_index(corpus, index_dir)
    assert not leftover.exists()


def test_parallel_parse_matches_serial(tmp_path):
    corpus = corpus_of(tmp_path, count=40)
    serial = build_index(corpus, tmp_path / "one", jobs=1)
    parallel = build_index(corpus, tmp_path / "two", jobs=2)
    assert serial.documents == parallel.documents == 40
    assert docs(tmp_path / "one") == docs(tmp_path / "two")


def test_large_batches_use_the_multiprocess_writer_and_optimize_merges(tmp_path):
    corpus = corpus_of(tmp_path, count=520)
    report = build_index(corpus, tmp_path / "index", jobs=2)
    assert report.documents == 520 and len(docs(tmp_path / "index")) == 520
    build_index(corpus, tmp_path / "index", rebuild=True, jobs=2, optimize=True)
    with whoosh_index.open_dir(str(store.current_generation(tmp_path / "index"))).searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 1 and searcher.doc_count() == 520


@pytest.mark.parametrize("rebuild", [True, False])
def test_a_killed_build_leaves_the_old_index_usable_and_the_next_run_repairs(tmp_path, rebuild):
    import signal
    import subprocess
    import sys
    import time

    from search.searcher import Searcher

    corpus, index_dir = corpus_of(tmp_path, count=20), tmp_path / "index"
    build_index(corpus, index_dir)
    for n in range(20, 1500):
        write(corpus, f"b{n}.txt", article_text(f"Story {n}", "April 2, 2021", f"Harbour body number {n}. " * 40))
    command = [sys.executable, "-m", "indexer", str(corpus), str(index_dir)] + (["--rebuild"] if rebuild else [])
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Searcher(index_dir) as searcher:
        assert searcher.search("body").total in (20, 1500)  # the old index, or the new one if it finished
    report = build_index(corpus, index_dir)
    assert report.documents == 1500
    with Searcher(index_dir) as searcher:
        assert searcher.search("body").total == 1500
    generations = [p for p in index_dir.iterdir() if p.name.startswith("g")]
    assert len(generations) <= 2


def test_people_table_follows_edits_that_change_names_and_stands_for_those_that_do_not(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    # Each article's sentence its own: a line in three articles of three is boilerplate.
    said = "Foreign Minister {} said on Monday that the talks in Geneva would continue for {} weeks."
    for n, spelling in enumerate(["Sergey", "Sergey", "Sergei"]):
        write(corpus, f"a{n}.txt", article_text(f"Talks {n}", "June 1, 2022", said.format(f"{spelling} Lavrov", n)))
    build_index(corpus, index_dir)
    assert {d["person"] for d in docs(index_dir).values()} == {"Sergey Lavrov"}
    write(corpus, "a1.txt", article_text("Talks 1", "June 1, 2022",
                                         said.format("Sergey Lavrov", 1) + "\n\nA second paragraph."))
    report = build_index(corpus, index_dir)
    assert report.updated == 1 and {d["person"] for d in docs(index_dir).values()} == {"Sergey Lavrov"}
    for n in range(2):
        write(corpus, f"a{n}.txt", article_text(f"Talks {n}", "June 1, 2022", said.format("Sergei Lavrov", n)))
    report = build_index(corpus, index_dir)
    assert report.updated == 3  # a2 did not change, but the name it is shown under did
    assert {d["person"] for d in docs(index_dir).values()} == {"Sergei Lavrov"}
