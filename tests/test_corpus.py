"""The shipped sample corpus: enough articles, every input format, clean output."""

from collections import Counter
from datetime import datetime

from indexer import parse_article
from indexer.extract import parse_articles
from tests.conftest import CORPUS

BOILERPLATE = ("Dear Reader", "Click here", "Advertisement", "We use cookies", "Share on Facebook", "Follow us",
               "All rights reserved", "Related Content", "Read more:", "Sign up for our", "Comments (",
               "You might also like", "Image copyright", "minute read", "Philippa Grange", "More from The",
               "SHARES", "Featured image", "Share your thoughts", "Skip to main content", "Story continues below",
               "Enter your email", "By signing up", "originally appeared", "story tip", "<p>", "Related:",
               "appeared first on", "Subscribe to the")


def all_articles():
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    return files, [a for f in files for a in parse_articles(f)]


def test_size_formats_and_spread():
    files, articles = all_articles()
    assert len(articles) >= 40
    suffixes = Counter("".join(f.suffixes) for f in files)
    assert {".txt", ".txt.gz", ".html", ".html.gz", ".json", ".jsonl", ".rss", ".csv", ".warc.gz", ".docx",
            ".rtf", ".zip"} <= set(suffixes)
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


def test_a_page_copied_whole_and_an_export_with_markup_read_as_articles():
    storm = parse_articles(CORPUS / "coastline-daily" / "2024-11-12-storm-warning.txt")[0]
    assert storm.headline == "Storm to bring 100km/h winds to the coast tonight"
    assert storm.summary.startswith("Emergency services urge residents")
    assert storm.date == datetime(2024, 11, 12, 5, 2)  # published, not last modified
    paragraphs = storm.body.split("\n\n")
    assert paragraphs[0].startswith("A severe weather warning")  # the lede above the advertisement
    assert paragraphs[-1].startswith("The storm is expected to ease")  # below the sign-up box
    rates = parse_articles(CORPUS / "wire" / "2024-06-03-rates-rise-defended.json")[0]
    assert rates.authors == ["Tomas Lind"] and rates.date == datetime(2024, 6, 3, 16, 12)
    assert rates.people == ["Elena Vasquez-Hart", "Marcus Feld", "Walter Pryce"]


def test_a_feed_gives_an_article_per_item():
    ferry, levee = parse_articles(CORPUS / "harbour-herald" / "feed-2025-05.rss")
    assert ferry.headline.startswith("Gull Island ferry") and ferry.authors == ["Priya Natarajan"]
    assert ferry.date == datetime(2025, 5, 6, 7, 15)  # 08:15 at +01:00
    assert levee.people == ["Rafael Moreno", "Elena Vasquez-Hart", "Adaeze Okafor"]
    assert levee.body.endswith("The walk starts at the road bridge at 10am.")


def test_a_table_export_gives_an_article_per_row():
    plant, festival = parse_articles(CORPUS / "valley-courier" / "cms-export-2025.csv")
    assert plant.headline == "Gull Island water plant to be rebuilt on higher ground"  # without " - The Valley Courier"
    assert plant.date == datetime(2025, 3, 18, 19, 45)  # 06:45 at +11:00
    assert plant.body.startswith("PORT ALDER — The Gull Island water treatment plant")
    assert festival.authors == ["Hannah Oduya", "Tom Ellery"]
    assert festival.people == ["Nkechi Abara", "Walter Pryce", "Ruth Mbeki", "Elena Vasquez-Hart"]


def test_a_web_archive_gives_its_pages_and_not_the_rest_of_the_crawl():
    quarry, trains = parse_articles(CORPUS / "alder-times" / "crawl-2025-06.warc.gz")  # not the logos
    assert quarry.headline == "Planning panel rejects Kestrel quarry expansion after two-year fight"
    assert quarry.date == datetime(2025, 6, 3, 6, 20) and quarry.authors == ["Hannah Oduya"]
    assert quarry.people == ["Margaret Osei", "Colm Brennan", "Ruth Mbeki", "Victor Lam", "Adaeze Okafor"]
    assert trains.body.endswith("Passenger numbers will be published every three months, the government said.")


def test_library_exports_give_an_article_per_document_with_its_publication():
    frost, logbooks = parse_articles(CORPUS / "library-exports" / "lexisnexis-2023-05-06.txt")
    assert frost.publication == "Valley Courier" and frost.date == datetime(2023, 6, 2)
    assert logbooks.authors == ["Marta Ionescu", "Owen Fairweather"] and logbooks.people[0] == "Callum Reid"
    ferry, weekend, wind = parse_articles(CORPUS / "library-exports" / "nexis-uni-2024-gull-island.txt")
    assert ferry.summary == "Councillors vote 7-4 to keep subsidy for the 10.30pm sailing"
    assert weekend.publication == "The Harbour Herald (Weekend Edition)" and weekend.body == ferry.body
    assert wind.date == datetime(2024, 10, 2, 18, 45) and "Agnes Mulvey" in wind.people
    hoki, runway = parse_articles(CORPUS / "library-exports" / "factiva-2025-01-03.txt")
    assert (hoki.publication, runway.publication) == ("The Coastline Daily", "The Alder Times")
    assert parse_article(CORPUS / "alder-times" / "2024-11-12-ashworth-retires.html").publication == "The Alder Times"
    # Downloads in Word and RTF, as the databases give them by default.
    museum, bus = parse_articles(CORPUS / "library-exports" / "nexis-uni-2025-tern-point.docx")
    assert museum.summary.startswith("Keeper's cottage") and museum.publication == "The Harbour Herald"
    assert bus.people == ["Annika Lindqvist", "Rawiri Tane", "Stella Okonjo"] and bus.authors == ["Owen Achterberg"]
    library, tower = parse_articles(CORPUS / "library-exports" / "nexis-uni-2025-separate-files.zip")
    assert (library.record, tower.record, tower.publication) == (0, 1, "The Harbour Herald")
    (dairy,) = parse_articles(CORPUS / "library-exports" / "factiva-2025-03-18.rtf")
    assert dairy.date == datetime(2025, 3, 18, 6, 15) and dairy.publication == "Port Alder Business Review"
    assert not any("Reprint Service" in a.body or "Document " in a.body for a in (hoki, runway))
