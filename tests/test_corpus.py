"""The shipped sample corpus: enough articles, every input format, clean output."""

from collections import Counter

from indexer.extract import parse_articles
from tests.conftest import CORPUS

BOILERPLATE = ("Dear Reader", "Click here", "Advertisement", "We use cookies", "Share on Facebook", "Follow us",
               "All rights reserved", "Related Content", "Read more:", "Sign up for our", "Comments (",
               "You might also like", "Image copyright", "minute read", "Philippa Grange", "More from The",
               "SHARES", "Featured image", "Share your thoughts")


def all_articles():
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    return files, [a for f in files for a in parse_articles(f)]


def test_size_formats_and_spread():
    files, articles = all_articles()
    assert len(articles) >= 40
    suffixes = Counter("".join(f.suffixes) for f in files)
    assert {".txt", ".txt.gz", ".html", ".html.gz", ".json", ".jsonl"} <= set(suffixes)
    years = {a.date.year for a in articles}
    assert len(years) >= 2 and all(a.date for a in articles)
    assert all(300 <= len(a.body.split()) <= 900 for a in articles)


def test_boilerplate_is_gone_and_people_recur():
    _, articles = all_articles()
    for article in articles:
        for phrase in BOILERPLATE:
            assert phrase not in article.body, (article.doc_id, phrase)
        assert "Philippa Grange" not in article.people
    people = Counter(name for a in articles for name in a.people)
    assert people["Adaeze Okafor"] >= 10 and people["Elena Vasquez-Hart"] >= 10
