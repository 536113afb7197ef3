"""Bad input never crashes the product, never loses data, never reaches the terminal raw."""

import gzip
import io
import json
import os
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import search
from indexer import build_index, parse_article
from indexer.__main__ import main as index_main
from indexer.readers import Limits
from search.__main__ import main as search_main
from search.environment import Environment
from search.searcher import IndexDamaged, Searcher
from tests.conftest import article_text, write

GOOD = article_text("Harbour reopens", "May 1, 2020", "The harbour reopened on Monday after repairs to the quay.")
# Our own colour codes are the only escape sequences allowed out.
OUR_SGR = re.compile(r"\x1b\[[0-9;]*m")
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069]")


def assert_terminal_safe(text: str) -> None:
    stripped = OUR_SGR.sub("", text)
    assert not UNSAFE.search(stripped), repr(UNSAFE.search(stripped))


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile")
    write(corpus, "good.txt", GOOD)
    write(corpus, "empty.txt", "")
    write(corpus, "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(2000))
    write(corpus, "report.html", b"%PDF-1.7\n" + os.urandom(2000))
    write(corpus, "program.json", b"\x7fELF\x02\x01\x01" + os.urandom(2000))
    write(corpus, "scan.docx", b"%PDF-1.7\n" + os.urandom(2000))
    write(corpus, "notes.rtf", os.urandom(2000))
    latin = article_text("Caf\xe9 reopens", "May 2, 2020", "Le caf\xe9 a rouvert.")
    write(corpus, "latin1.txt", latin.encode("cp1252"))
    write(corpus, "utf16.txt", article_text("Ferry returns", "May 3, 2020", "The ferry returned to service.")
          .encode("utf-16"))
    write(corpus, "mixed.txt", GOOD.encode() + "Gr\xfc\xdfe aus K\xf6ln\n".encode("cp1252"))
    with open(corpus / "huge-line.txt", "wb") as handle:  # 50 MB on one line
        handle.write(b"word " * (10 * 1024 * 1024))
    with open(corpus / "huge.txt", "wb") as handle:  # 200 MB, sparse on disk
        handle.truncate(200 * 1024 * 1024)
    write(corpus, "nested.html", "<html><body>" + "<div>" * 20000 + "<p>Deep text here.</p>")
    write(corpus, "unclosed.html", "<html><head><title>Broken page<body><p>Story text with no end" * 50)
    write(corpus, "active.html", "<html><head><title>Active</title></head><body><script>alert('x')</script>"
          "<style>p{}</style><iframe src='x'></iframe><svg><text>svg text</text></svg><article>"
          + "<p>The quay was repaired over the summer, and the port reopened on Monday morning.</p>" * 5
          + "</article></body></html>")
    write(corpus, "list.json", "[1, 2, 3]")
    write(corpus, "types.json", json.dumps({"title": 5, "body": {"x": 1}, "date": [1]}))
    write(corpus, "broken.json", '{"title": "x", ')
    data = gzip.compress(GOOD.encode() * 50)
    write(corpus, "truncated.txt.gz", data[: len(data) // 2])
    write(corpus, "bomb.txt.gz", gzip.compress(b"a" * (100 * 1024 * 1024)))
    write(corpus, "with space.txt", GOOD)
    write(corpus, "new\nline.txt", GOOD)
    write(corpus, "escape\x1b[31m.txt", GOOD)
    (corpus / b"latin-\xe9.txt".decode("utf-8", "surrogateescape")).write_text(GOOD)
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    outside = write(tmp_path_factory.mktemp("outside"), "secret.txt", GOOD)
    (corpus / "escape-link.txt").symlink_to(outside)
    return corpus


def test_build_finishes_and_names_every_bad_file(hostile_corpus, tmp_path):
    report = build_index(hostile_corpus, tmp_path / "index", jobs=2)
    reasons = {s.path: s.reason for s in report.skipped}
    expected = {"empty.txt": "empty", "photo.txt": "binary", "report.html": "binary", "program.json": "binary",
                "scan.docx": "not a readable Word document", "notes.rtf": "binary",
                "huge-line.txt": "limit", "huge.txt": "limit", "list.json": "no objects",
                "types.json": "no article", "broken.json": "invalid JSON", "truncated.txt.gz": "truncated",
                "bomb.txt.gz": "decompresses", "loop.txt": "link", "escape-link.txt": "outside",
                "latin-\\xe9.txt": "UTF-8"}
    for name, reason in expected.items():
        assert reason in reasons.get(name, ""), (name, reasons.get(name))
    # Every copy of the good article is indexed (search shows one of them unless asked for all).
    indexed = {hit.id for hit in search.search("harbour OR ferry OR café OR quay OR story OR text",
                                               tmp_path / "index", limit=50, collapse=False).hits}
    assert {"good.txt", "latin1.txt", "utf16.txt", "mixed.txt", "with space.txt", "new\nline.txt",
            "escape\x1b[31m.txt", "active.html"} <= indexed


def test_scripts_styles_and_svg_never_reach_the_body(hostile_corpus):
    article = parse_article(hostile_corpus / "active.html")
    assert "alert" not in article.body and "svg text" not in article.body and "p{}" not in article.body
    assert "Deep text here" in parse_article(hostile_corpus / "nested.html").body


def test_limits_are_configurable(hostile_corpus, tmp_path):
    limits = Limits(max_file_bytes=100)
    report = build_index(hostile_corpus, tmp_path / "index", jobs=1, limits=limits)
    assert any(s.path == "good.txt" and "limit" in s.reason for s in report.skipped)


def test_unreadable_and_vanishing_files(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    write(corpus, "a.txt", GOOD)
    write(corpus, "b.txt", GOOD)
    write(corpus, "locked.txt", GOOD)
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)

    def delete_b(done, total):
        if (corpus / "b.txt").exists():
            (corpus / "b.txt").unlink()

    report = build_index(corpus, tmp_path / "i", jobs=1, progress=delete_b)
    reasons = {s.path: s.reason for s in report.skipped}
    assert "Permission denied" in reasons["locked.txt"]
    assert report.documents >= 1


def test_hostile_text_never_reaches_the_terminal(tmp_path):
    corpus = tmp_path / "c"
    evil = "\x1b]0;owned\x07\x1b[2J\x1b[1;1H\u202eevil\r\x08\x9b6n"
    write(corpus, f"evil{evil[:5]}.txt", article_text(f"Harbour {evil} headline", "May 1, 2020",
                                                     f"The harbour {evil} story.\n\nMore harbour {evil} text."))
    out, err = io.StringIO(), io.StringIO()
    assert index_main([str(corpus), str(tmp_path / "i"), "--verbose"], out, err) == 0
    assert_terminal_safe(out.getvalue() + err.getvalue())
    for flags in ([], ["--color", "always"], ["--json"]):
        env = Environment(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), width=80, height=24)
        assert search_main(["harbour", "--index", str(tmp_path / "i"), *flags], env) == 0
        assert_terminal_safe(env.stdout.getvalue())
        assert "harbour" in env.stdout.getvalue().lower()
    env = Environment(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    assert search_main([f"date:{evil}", "--index", str(tmp_path / "i")], env) in (0, 2)
    assert_terminal_safe(env.stdout.getvalue() + env.stderr.getvalue())
    err = io.StringIO()
    index_main(["inspect", str(next(corpus.iterdir()))], io.StringIO(), err)
    index_main(["inspect", str(corpus / f"missing{evil}")], io.StringIO(), err)
    assert_terminal_safe(err.getvalue())


def test_half_characters_in_json_are_replaced_not_printed_or_lost(tmp_path):
    # JSON can escape a lone surrogate; printing one raised UnicodeEncodeError, and lxml dropped
    # the text after it.
    write(tmp_path / "c", "x.jsonl", '{"title": "Harbour \\ud800 title", "body": "<p>The harbour \\udc80 story '
                                     'goes on after it.</p>"}\n')
    assert index_main([str(tmp_path / "c"), str(tmp_path / "i")], io.StringIO(), io.StringIO()) == 0
    for flags in ([], ["--json"]):
        env = Environment(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), width=80, height=24)
        assert search_main(["harbour", "--index", str(tmp_path / "i"), *flags], env) == 0
        env.stdout.getvalue().encode("utf-8")
        assert "story goes on after it" in env.stdout.getvalue()


def test_truncated_segment_is_detected_with_advice(tmp_path):
    write(tmp_path / "c", "a.txt", GOOD)
    build_index(tmp_path / "c", tmp_path / "i")
    generation = next(p for p in (tmp_path / "i").iterdir() if p.name.startswith("g"))
    for segment_file in generation.glob("MAIN_*"):  # one file per part of the segment
        segment_file.write_bytes(segment_file.read_bytes()[:64])
    with pytest.raises(IndexDamaged, match="--rebuild"):
        Searcher(tmp_path / "i").search("harbour")
    env = Environment(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    assert search_main(["harbour", "--index", str(tmp_path / "i")], env) == 1
    assert "rebuild" in env.stderr.getvalue() and "Traceback" not in env.stderr.getvalue()


QUERY_WORDS = st.sampled_from([
    "harbour", "strike", "Okafor", "AND", "OR", "NOT", "-", "(", ")", '"', "*", "?", "~", "~2", "^2", ":",
    "date:", "people:", "headline:", "source:", "before:", "after:", "colour:", "[", "]", " to ", ">", "<",
    "2017", "2017-02", "2017-13-45", "a*", "ha*", "\x00", "\x1b[31m", "\u202e", "’", "'", "é", " ", "\t",
])
QUERIES = st.one_of(
    st.lists(QUERY_WORDS, min_size=1, max_size=12).map("".join),
    st.lists(QUERY_WORDS, min_size=1, max_size=8).map(" ".join),
    st.text(max_size=60),
)


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])
@given(QUERIES)
@example("date:-")  # a date term in the index's own bytes, not text
def test_generated_queries_raise_nothing_but_query_errors(corpus_index, query):
    try:
        results = search.search(query, corpus_index, limit=3)
    except search.QueryError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert results.total >= 0


def test_a_ten_thousand_character_query(corpus_index):
    with pytest.raises(search.QueryError, match="too long"):
        search.search("harbour " * 1250, corpus_index)


@pytest.mark.parametrize("damage", ["truncate", "scramble"])
def test_damaged_postings_are_reported_with_advice(tmp_path, damage):
    for number in range(300):  # postings of several blocks, so that blocks and the directory are read
        write(tmp_path / "c", f"a{number}.txt", article_text(f"Harbour report {number}", "May 1, 2020",
                                                           f"The harbour reopened, report {number} says."))
    build_index(tmp_path / "c", tmp_path / "i")
    generation = next(p for p in (tmp_path / "i").iterdir() if p.name.startswith("g"))
    for postings in generation.glob("*.pst"):
        data = postings.read_bytes()
        if damage == "truncate":
            postings.write_bytes(data[: len(data) // 2])
        else:
            postings.write_bytes(bytes(b ^ 0x5A if i % 7 == 3 else b for i, b in enumerate(data)))
    with pytest.raises(IndexDamaged, match="--rebuild"), Searcher(tmp_path / "i") as searcher:
        for query in ("harbour", "harbour reopened", '"harbour reopened"', "report OR harbour"):
            searcher.search(query)
