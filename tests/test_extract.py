import json
from datetime import datetime

from indexer import parse_article
from indexer.extract import parse_articles
from tests.conftest import ATOM, RSS, write


def test_newspaper_style_json_record(tmp_path):
    record = {
        "title": "Council approves bus lanes",
        "text": ("Image copyright Anna Kowal Image caption Buses on Harbour Road\n\n"
                 "The council approved new bus lanes on Tuesday, Mayor Elena Vasquez-Hart said.\n\n"
                 "Share this with Facebook Share this with Twitter Share this with Email\n\n"
                 "The lanes will open in June.\n\nRead related article: Ferry fares rise"),
        "authors": ["Tom Ellery"],
        "publish_date": {"$date": 1614758400000},
        "meta_data": {"description": "Lanes open in June"},
    }
    article = parse_article(write(tmp_path, "r.json", json.dumps(record)))
    assert article.headline == "Council approves bus lanes"
    assert article.date == datetime(2021, 3, 3, 8, 0)
    assert article.summary == "Lanes open in June"
    assert article.authors == ["Tom Ellery"]
    assert article.body.split("\n\n") == [
        "The council approved new bus lanes on Tuesday, Mayor Elena Vasquez-Hart said.",
        "The lanes will open in June."]
    assert article.caption == "Buses on Harbour Road"
    assert article.people == ["Elena Vasquez-Hart"]


def test_jsonl_records_each_become_an_article(tmp_path):
    lines = [{"headline": f"Story {n}", "date": f"2024-0{n}-01", "byline": "Owen Mather",
              "body": f"Body of story {n}."} for n in (1, 2)]
    path = write(tmp_path, "b.jsonl", "\n".join(json.dumps(line) for line in lines))
    articles = parse_articles(path)
    assert [(a.headline, a.record, a.date.month, a.doc_id.endswith(f"#{a.record}")) for a in articles] == \
        [("Story 1", 0, 1, True), ("Story 2", 1, 2, True)]
    assert articles[0].authors == ["Owen Mather"]


def test_records_are_read_whatever_their_exporter_called_the_fields(tmp_path):
    records = [
        # Keys in other spellings, a body kept in its page's markup, a byline with its "By".
        {"Title": "Rovers sign striker", "pubDate": "2024-02-01T10:00:00Z", "byline": "By Ana Souza and Tom Reilly",
         "content": "<p>Port Alder Rovers have signed <b>Thiago Almeida</b>.</p><div>Coach Ruth Mbeki said he "
                    "would play.<script>track()</script></div>"},
        # news-please's names.
        {"title": "Ferry timetable changes", "date_publish": "2024-03-03 08:00:00", "maintext": "Bayline Ferries "
         "will run an extra service.\n\nIts spokesman Lars Hedlund said demand had grown."},
        # The article inside a wrapper object, its time in seconds since 1970 written as text.
        {"data": {"headline": "Quay reopens", "article_text": "The quay reopened on Monday.",
                  "published": "1714000000"}},
    ]
    path = write(tmp_path, "export.jsonl", "\n".join(json.dumps(record) for record in records))
    first, second, third = parse_articles(path)
    assert (first.headline, first.date, first.authors) == ("Rovers sign striker", datetime(2024, 2, 1, 10, 0),
                                                           ["Ana Souza", "Tom Reilly"])
    assert first.body.split("\n\n") == ["Port Alder Rovers have signed Thiago Almeida.",
                                         "Coach Ruth Mbeki said he would play."]
    assert first.people == ["Thiago Almeida", "Ruth Mbeki"]
    assert second.date == datetime(2024, 3, 3, 8, 0) and second.people == ["Lars Hedlund"]
    assert (third.headline, third.body, third.date) == ("Quay reopens", "The quay reopened on Monday.",
                                                        datetime(2024, 4, 24, 23, 6, 40))


def test_a_json_feed_is_read_item_by_item(tmp_path):
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Harbour Herald", "items": [
        {"id": "1", "title": "Late ferry sailing added", "date_published": "2025-04-08T09:15:00+01:00",
         "content_html": "<p>The ferry will run a 10.30pm sailing.</p><p>Harbourmaster Ines Carvalho said so.</p>",
         "authors": [{"name": "Priya Natarajan", "url": "https://herald.example/staff/priya"}]},
        {"id": "2", "title": "Library reopens", "content_text": "The library reopened on Saturday.",
         "author": {"name": "Tom Baptiste"}}]}
    first, second = parse_articles(write(tmp_path, "feed.json", json.dumps(feed)))
    assert first.body == "The ferry will run a 10.30pm sailing.\n\nHarbourmaster Ines Carvalho said so."
    assert (first.date, first.authors, first.people) == (datetime(2025, 4, 8, 8, 15), ["Priya Natarajan"],
                                                         ["Ines Carvalho"])
    assert (second.body, second.authors) == ("The library reopened on Saturday.", ["Tom Baptiste"])


def test_feed_items_are_read_as_records(tmp_path):
    strike, cafe = parse_articles(write(tmp_path, "herald.rss", RSS))
    assert (strike.body, strike.date, strike.authors) == ("Dockworkers voted to accept the offer.",
                                                          datetime(2025, 4, 8, 7, 0), ["Priya Natarajan"])
    assert (cafe.body, cafe.summary, cafe.authors) == ("The café reopened.", "Teaser only.", ["Tom Baptiste"])
    strike, library = parse_articles(write(tmp_path, "herald.atom", ATOM))
    assert strike.authors == ["Priya Natarajan", "Tom Baptiste"] and strike.body == "Dockworkers voted."
    assert (library.headline, library.body) == ("Library reopens", "It reopened.")


def test_the_answers_of_news_apis_are_read(tmp_path):
    # NewsAPI: the site's name ends the title and stands as the author; the text is cut off.
    newsapi = {"status": "ok", "articles": [{
        "source": {"id": None, "name": "Harbour Herald"}, "author": "Harbour Herald",
        "title": "Ferry strike called off - Harbour Herald", "url": "https://herald.example/strike",
        "publishedAt": "2025-03-04T06:12:45Z", "description": "Members will vote next week.",
        "content": "The strike was called off, organiser Siobhan O'Connell said.\r\n"
                   "It was due on Thursday… [+2107 chars]"}]}
    (strike,) = parse_articles(write(tmp_path, "newsapi.json", json.dumps(newsapi)))
    assert (strike.headline, strike.authors, strike.date) == ("Ferry strike called off", [],
                                                              datetime(2025, 3, 4, 6, 12, 45))
    assert strike.body.endswith("It was due on Thursday…") and strike.people == ["Siobhan O'Connell"]
    # The Guardian: title, date and address outside the fields that hold the text.
    guardian = {"response": {"status": "ok", "results": [{
        "webPublicationDate": "2025-03-04T18:30:12Z", "webTitle": "Ferry strike called off",
        "webUrl": "https://guardian.example/strike", "fields": {
            "trailText": "Members will vote next week", "byline": "Tom Baptiste",
            "bodyText": "A strike by ferry workers was called off, Fiona Gallagher said."}}]}}
    (strike,) = parse_articles(write(tmp_path, "guardian.json", json.dumps(guardian)))
    assert (strike.headline, strike.summary) == ("Ferry strike called off", "Members will vote next week")
    assert strike.authors == ["Tom Baptiste"]
    assert (strike.date, strike.url) == (datetime(2025, 3, 4, 18, 30, 12), "https://guardian.example/strike")
    assert strike.body == "A strike by ferry workers was called off, Fiona Gallagher said."
    # The New York Times: a headline and a byline as objects, a lead paragraph for text.
    nyt = {"response": {"docs": [{
        "headline": {"main": "Ferry Strike Called Off", "print_headline": "Walkout Averted"},
        "byline": {"original": "By Rachel Whitmore and Omar Haddad"}, "pub_date": "2025-03-04T19:02:11+0000",
        "abstract": "The walkout was called off.", "web_url": "https://nyt.example/strike.html",
        "lead_paragraph": "PORT ALDER — A strike by ferry workers was called off on Tuesday."}]}}
    (strike,) = parse_articles(write(tmp_path, "nyt.json", json.dumps(nyt)))
    assert (strike.headline, strike.authors) == ("Ferry Strike Called Off", ["Rachel Whitmore", "Omar Haddad"])
    assert strike.body.startswith("PORT ALDER") and strike.date == datetime(2025, 3, 4, 19, 2, 11)
    # WordPress's REST API: rendered HTML with entities, the time in UTC beside the local one.
    wordpress = [{"date": "2025-05-06T08:15:00", "date_gmt": "2025-05-06T07:15:00",
                  "link": "https://herald.example/late-sailing/",
                  "title": {"rendered": "Late sailing &#8211; islanders&#8217; wait is over"},
                  "excerpt": {"rendered": "<p>A crossing after 10pm&hellip;</p>\n"},
                  "content": {"rendered": "<p>Islanders get a late ferry.</p>\n<p>Harbourmaster Ines Carvalho "
                                          "said so.</p><div class=\"sharedaddy\"><h3>Share this:</h3>"
                                          "<ul><li>Facebook</li><li>X</li></ul></div>"}, "author": 7}]
    (sailing,) = parse_articles(write(tmp_path, "posts.json", json.dumps(wordpress)))
    assert (sailing.headline, sailing.summary) == ("Late sailing – islanders’ wait is over", "A crossing after 10pm…")
    assert sailing.body == "Islanders get a late ferry.\n\nHarbourmaster Ines Carvalho said so."
    assert sailing.date == datetime(2025, 5, 6, 7, 15) and sailing.url == "https://herald.example/late-sailing/"


def test_a_record_s_web_address_is_kept(tmp_path):
    records = [{"title": "A", "body": "Text a.", "web_url": "https://news.example/a"},
               {"title": "B", "body": "Text b.", "link": "https://news.example/b", "url": "not an address"},
               {"title": "C", "body": "Text c.", "url": "ftp://news.example/c"}]
    path = write(tmp_path, "api.json", json.dumps({"results": records}))
    assert [a.url for a in parse_articles(path)] == ["https://news.example/a", "https://news.example/b", None]
    strike, _ = parse_articles(write(tmp_path, "herald.rss", RSS))
    assert strike.url == "https://herald.example/port-strike-ends"
    _, library = parse_articles(write(tmp_path, "herald.atom", ATOM))
    assert library.url == "https://herald.example/library-reopens"


def test_table_rows_are_read_as_records(tmp_path):
    # A news data set's export: the publication's name ends every headline, and the text keeps
    # the runs of spaces its scraper left.
    table = ('title,publication,author,date,content\n'
             '"Ferry fares rise - The Harbour Herald",Harbour Herald,"Jane Doe, Tom Baptiste",2024-03-02,'
             '"PORT ALDER  —   Fares on the Gull Island ferry rise by a tenth from Monday,   '
             'harbourmaster Ines Carvalho said."\n'
             '"Quay reopens - a history",Harbour Herald,,03/04/2024,The quay reopened.\n')
    skipped: list[tuple[str, str]] = []
    fares, quay = parse_articles(write(tmp_path, "herald.csv", table), skipped=skipped)
    assert (fares.headline, fares.authors, fares.date) == ("Ferry fares rise", ["Jane Doe", "Tom Baptiste"],
                                                           datetime(2024, 3, 2))
    assert fares.body == ("PORT ALDER — Fares on the Gull Island ferry rise by a tenth from Monday, "
                          "harbourmaster Ines Carvalho said.")
    assert fares.people == ["Ines Carvalho"]
    assert quay.headline == "Quay reopens - a history" and quay.authors == []
    path = write(tmp_path, "bad.csv", "title,body,author\n,,Jo Bloggs\n,,\nA,Text.,\n")
    assert [a.headline for a in parse_articles(path, skipped=skipped)] == ["A"]
    assert skipped == [("row 1", "no headline or text")]


def test_a_page_s_publication_leaves_its_headline_and_its_writers(tmp_path):
    head = ('<title>Quay reopens after storm repairs - Harbour Herald</title>'
            '<meta property="og:site_name" content="Harbour Herald"><meta name="author" content="Harbour Herald">')
    text = "".join(f"<p>The quay reopened on Friday after repairs that took {n} weeks, the port said today.</p>"
                   for n in range(2, 8))
    article = parse_article(write(tmp_path, "quay.html", f"<html><head>{head}</head><body>{text}</body></html>"))
    assert (article.headline, article.authors, article.publication) == (
        "Quay reopens after storm repairs", [], "Harbour Herald")


def test_records_keyed_in_other_languages(tmp_path):
    table = ("Titel;Datum;Autor;Quelle;Text\n"
             '"Fähre nach Gull Island fährt wieder";"3. März 2024";"Jana Becker";"Hafenkurier";'
             '"Die Fähre fährt ab Montag wieder, sagte die Hafenmeisterin Ines Carvalho am Freitag."\n')
    (german,) = parse_articles(write(tmp_path, "archiv.csv", table))
    assert (german.headline, german.date, german.authors, german.publication) == (
        "Fähre nach Gull Island fährt wieder", datetime(2024, 3, 3), ["Jana Becker"], "Hafenkurier")
    assert german.body.startswith("Die Fähre fährt ab Montag wieder")
    record = {"Titre": "Le port rouvre", "Date de publication": "12 mars 2024", "Auteur": "Claire Dubois",
              "Résumé": "Les quais sont réparés", "Contenu": "Le port a rouvert mardi après trois mois de travaux.",
              "Journal": "Le Courrier du Port"}
    french = parse_article(write(tmp_path, "port.json", json.dumps(record)))
    assert (french.headline, french.date, french.summary, french.publication) == (
        "Le port rouvre", datetime(2024, 3, 12), "Les quais sont réparés", "Le Courrier du Port")


def test_a_record_holding_a_whole_page_is_read_as_the_page(tmp_path):
    page = ('<!DOCTYPE html><html><head><title>Dam levels fall | The Valley Courier</title>'
            '<meta name="author" content="Owen Achterberg"><meta property="article:published_time" '
            'content="2024-01-09T07:30:00Z"></head><body><nav><a>Home</a><a>News</a></nav><article>'
            '<h1>Dam levels fall</h1><p>Households in the Kestrel Valley will be limited to 150 litres of water a '
            'day from Monday, after the dam fell to its lowest level in two decades.</p><p>"We are asking every '
            'household to play its part," the chief executive, Gemma Lindqvist, said on Tuesday.</p></article>'
            '<footer>© 2024 The Valley Courier</footer></body></html>')
    path = write(tmp_path, "crawl.jsonl", json.dumps({"url": "https://example.org/dam", "html": page}))
    article = parse_articles(path)[0]
    assert (article.headline, article.date, article.authors) == ("Dam levels fall", datetime(2024, 1, 9, 7, 30),
                                                                 ["Owen Achterberg"])
    assert article.body.startswith("Households in the Kestrel Valley") and "Home" not in article.body
    assert article.people == ["Gemma Lindqvist"]
    # Text that shows a page's tags is no page.
    text = "Every page starts with <!doctype html> and an <html> element, the standard says."
    path = write(tmp_path, "tech.jsonl", json.dumps({"title": "How pages begin", "text": text}))
    assert parse_articles(path)[0].body == text


def test_records_that_hold_no_article_are_named(tmp_path):
    path = write(tmp_path, "feed.jsonl", '{"headline": "Quay reopens", "body": "The quay reopened."}\n'
                 '{"headline": 5, "body": null}\n{"headline": "Cut off\n\n"oops"\n')
    skipped: list[tuple[str, str]] = []
    assert [a.headline for a in parse_articles(path, skipped=skipped)] == ["Quay reopens"]
    assert skipped == [("line 2", "no headline or text"), ("line 3", "invalid JSON at column 14"),
                       ("line 5", "not a JSON object")]
    listing = write(tmp_path, "list.json", json.dumps([{"title": "Ferry fares", "text": "Fares rise."}, 7]))
    skipped.clear()
    assert len(parse_articles(listing, skipped=skipped)) == 1 and skipped == [("item 2", "not a JSON object")]


def test_record_with_wrong_types_holds_no_article(tmp_path):
    path = write(tmp_path, "w.json", json.dumps({"title": 7, "body": ["a", 3], "date": True}))
    assert parse_articles(path) == []
    assert parse_article(path) is None


def test_people_field_in_a_record_is_trusted_and_merged(tmp_path):
    record = {"title": "T", "body": "Graham Whitcombe said the port would reopen.", "people": ["Siobhan O'Connell"]}
    assert parse_article(write(tmp_path, "p.json", json.dumps(record))).people == \
        ["Siobhan O'Connell", "Graham Whitcombe"]


def test_headlines_lose_the_marks_of_naive_title_casing(tmp_path):
    text = "Finland'S Deficit Narrows In 1St Qtr, 21St Month\n\nJune 2, 1987 04:59\n\nHELSINKI - It narrowed.\n"
    assert parse_article(write(tmp_path, "t.txt", text)).headline == "Finland's Deficit Narrows In 1st Qtr, 21st Month"
    shouting = "FINLAND'S DEFICIT NARROWS\n\nJune 2, 1987 04:59\n\nHELSINKI - The deficit narrowed.\n"
    assert parse_article(write(tmp_path, "s.txt", shouting)).headline == "FINLAND'S DEFICIT NARROWS"
    record = {"title": "Dollar’S Slide Worries 3Rd World", "body": "The dollar slid."}
    assert parse_article(write(tmp_path, "r.json", json.dumps(record))).headline == "Dollar’s Slide Worries 3rd World"


def test_a_headline_repeated_as_the_first_line_of_the_text_is_not_body(tmp_path):
    record = {"title": "Troopers Take A Knee Before The Game",
              "text": "Troopers Take A Knee Before The Game\n\nState troopers knelt on Sunday, Carla Jensen said."}
    article = parse_article(write(tmp_path, "r.json", json.dumps(record)))
    assert article.body == "State troopers knelt on Sunday, Carla Jensen said."
    assert article.people == ["Carla Jensen"]  # not "Troopers Take" of the title-cased line


def test_a_wire_story_credits_its_writers_not_its_people(tmp_path):
    text = ("Flood defenses hold as river crests in Millbrook\n\nBy RAFAEL MORENO and LINDA HSU Associated Press\n\n"
            "MILLBROOK, Iowa (AP) — The river crested just below the levee on Sunday, Mayor Tom Gallagher said.\n\n"
            "___\n\nAssociated Press writer Karen Oduya in Des Moines contributed to this report.\n")
    article = parse_article(write(tmp_path, "ap.txt", text))
    assert article.authors == ["Rafael Moreno", "Linda Hsu"]
    assert article.people == ["Tom Gallagher"]
    assert article.body.endswith("Gallagher said.\n\nAssociated Press writer Karen Oduya in Des Moines contributed "
                                 "to this report.")


def test_a_newsletter_is_not_headlined_by_its_browser_link(tmp_path):
    text = ("View this email in your browser\n\nTHE MORNING LEDGER\nYour daily briefing from the Harbour Herald\n\n"
            "Tuesday, 8 April 2025\n\nDockworkers at Kestrel Bay voted on Monday night to accept a 6 per cent pay "
            "offer, ending a nine-day strike, union secretary Aoife Brennan said.\n\nSPONSORED BY NORTHWIND ENERGY\n"
            "Switch to a fixed tariff today and save up to 200 pounds a year. Terms apply.\n\n"
            "Forward this email to a friend. Did someone forward this to you? Sign up here.\n")
    article = parse_article(write(tmp_path, "letter.txt", text))
    assert article.headline == "THE MORNING LEDGER" and article.date == datetime(2025, 4, 8)
    assert article.body.startswith("Dockworkers") and article.body.endswith("Aoife Brennan said.")


def test_unreadable_file_gives_none(tmp_path):
    assert parse_article(write(tmp_path, "bin.txt", b"\x89PNG\r\n\x1a\n")) is None


def test_seed_article_matches_expected(seed_file):
    article = parse_article(seed_file)
    assert article.headline == "Liberman discusses Syria with Russian counterpart"
    assert article.summary == "Israeli ambassador to Russia: \"We welcome Moscow’s activities in Syria\""
    assert article.date == datetime(2017, 2, 6, 21, 2)
    assert article.body.startswith("Defense Minister Avigdor Liberman spoke by phone with Russian Foreign "
                                   "Minister Sergey Lavrov on Monday morning")
    assert article.body.endswith("contributors to such an alliance objectively.”")
    for gone in ("2 minute read", "photo credit", "Dear Reader", "Yaakov Katz", "Editor-in-Chief",
                 "Join our Facebook page", "Premium Plus", "Click here", "Related Content", "Hamas"):
        assert gone not in article.body
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 18 and paragraphs[7].startswith("Up until the Russian intervention")


def test_characters_printed_as_nothing_do_not_cut_words_in_any_format(tmp_path):
    # Soft hyphens and zero-width spaces, as scraped pages and their exports carry them.
    headline = "Not\xadfall\xaddaten im Netz"
    text = ("Der Not\xadfall\xaddaten\xadsatz und der Medi\u200bkations\ufeffplan kommen in die Akte, sagt "
            "das Ministerium, das die Regeln seit dem Sommer vorbereitet hat.")
    story = f"<p>{text}</p>" * 3
    files = [write(tmp_path, "a.txt", f"{headline}\n\n{text}\n\n\u200b\n\n{text}\n"),
             write(tmp_path, "b.html", f"<html><head><title>{headline}</title></head><body><article>{story}"
                                       "<p>\u200b</p></article></body></html>"),
             write(tmp_path, "c.json", json.dumps({"title": headline, "text": f"{text}\n\n\u200b\n\n{text}"}))]
    for path in files:
        article = parse_article(path)
        assert article.headline == "Notfalldaten im Netz", path
        assert "Der Notfalldatensatz und der Medikationsplan kommen" in article.body, path
        assert all(paragraph.strip() for paragraph in article.body.split("\n\n")), path
