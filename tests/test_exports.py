from indexer.exports import export_records
from indexer.extract import parse_articles
from indexer.readers import SKIPPED, record_place
from tests.conftest import write

# LexisNexis Academic's text download: a request's details, then numbered documents, centred
# headers, labels in capitals, text wrapped at 80 columns, index terms under it.
LEXIS = """\
Download Request: All Documents: 1-2
Time Of Request: Friday, August 4, 2023  09:40:12 EST
Terms: quarry OR lighthouse

                                1 of 2 DOCUMENTS


                 Copyright 2023 Coastline Media Group Ltd d/b/a
                                 Coastline Daily
                               All Rights Reserved

                               The Coastline Daily

                              July 28, 2023 Friday
                                 Final Edition

SECTION: NEWS; Pg. 5

LENGTH: 164 words

HEADLINE: Quarry expansion on the Kestrel ridge approved despite objections
from walkers

BYLINE: Marta Ionescu;and reported by Owen Fairweather

BODY:

The regional council has approved a 12-hectare expansion of the Kestrel ridge
quarry, rejecting objections from walking groups who say it will close part of
the coastal track.

Quarry owner Brennan Aggregates said the expansion would keep 45 people in work
for another twenty years. Ramblers Association spokeswoman Dr. Aroha Ngata said
the group would appeal.

Language: it was the word the council's report used most, Dr. Ngata said.

LANGUAGE: ENGLISH

SUBJECT: QUARRYING (91%); LAND USE PLANNING (88%); HIKING (70%); REGIONAL &
LOCAL GOVERNMENTS (69%)

PERSON: AROHA NGATA (82%); TEMUERA KINGI (51%)

LOAD-DATE: July 29, 2023


                                2 of 2 DOCUMENTS


                         Copyright 2023 Valley Courier Publishing

                                 Valley Courier

                               August 2, 2023 Wednesday

LENGTH: 88 words

HEADLINE: Lighthouse keeper's cottage to open as a museum

BYLINE: LARS HEDLUND

BODY:

The keeper's cottage at Cape Alder lighthouse will open as a museum next spring,
the heritage trust said.

LANGUAGE: ENGLISH

LOAD-DATE: August 3, 2023
"""

# Nexis Uni's download, turned into text by a word processor: a cover page, a paragraph a line,
# "Body" and "Classification" as headings, "End of Document" under each article.
NEXIS_UNI = """\
User Name: Alder University Library
Date and Time: Monday, November 4, 2024 3:12:00 PM CET
Job Number: 231887412

Documents (2)

1. Gull Island ferry keeps its night sailing
Client/Matter: -None-
Search Terms: ferry
Search Type: Terms and Connectors

Gull Island ferry keeps its night sailing
The Harbour Herald
September 18, 2024 Wednesday 6:45 PM GMT
Copyright 2024 Harbour Herald Newspapers Ltd. All Rights Reserved

Section: NEWS; Pg. 3
Length: 120 words
Byline: Ines Carvalho
Highlight: Councillors vote 7-4 to keep the subsidy
Body

The late-night ferry to Gull Island will keep running through the winter, the regional council decided.
Councillor Hemi Walker said young people could now work a late shift in Port Alder and still get home.
Classification

Language: ENGLISH
Publication-Type: Newspaper
Person: HEMI WALKER (78%)
Load-Date: September 19, 2024

End of Document

Second article with no date line
The Valley Courier
Length: 40 words
Body

A short note on the weather.
Load-Date: October 3, 2024

End of Document
"""

# Factiva's article format, with and without its codes.
FACTIVA = """\
Container volumes hit a record at Port Alder
Dow Jones Newswires
By Tomasz Brennan
512 words
21 January 2025
08:40
The Alder Times
ALDTIM
English
(c) 2025 Alder Times Media. All rights reserved.

Port Alder handled a record 1.2 million containers last year, chief executive Hannah Vogel said.

The union said the new cranes had cost 40 jobs.

License this article from Dow Jones Reprint Service

Document ALDTIM0020250121el1l0000b
"""

FACTIVA_CODED = """\
HD Council approves Kestrel Bay seawall
BY Gemma Lindqvist
WC 276 words
PD 14 August 2024
ET 07:30
SN The Valley Courier
LA English
CY Copyright 2024 Valley Courier Publishing
LP
The regional council has approved a 2.4-kilometre seawall for Kestrel Bay.

TD
IN BRIEF
Councillor Rua Tane said construction would start in March.

CO rgcncl : Regional Council
NS gcat : Political/General News
AN Document VALCOU0020240814ek8e0000d
"""


def fields(text: str, name: str = "export.txt") -> list[dict]:
    return [record.fields for record in export_records(name, text, 10**6)]


def test_lexisnexis_documents_are_split_and_read_under_their_labels():
    first, second = fields(LEXIS)
    assert first["headline"] == "Quarry expansion on the Kestrel ridge approved despite objections from walkers"
    assert first["publication"] == "The Coastline Daily"  # not a line of the copyright notice
    assert first["date"] == "July 28, 2023 Friday"  # not the request's time
    assert first["byline"].split(";") == ["Marta Ionescu", "", " Owen Fairweather"]
    body = first["body"].split("\n")
    assert body[0].startswith("The regional council has approved a 12-hectare expansion of the Kestrel ridge quarry,")
    assert body[-1].startswith("Language: it was the word")  # a sentence, not the label under the text
    assert not any("ENGLISH" in line or "LOAD-DATE" in line or "QUARRYING" in line for line in body)
    # The index's people, spelt as the text spells them, or in capitals at the words' starts.
    assert first["people"] == ["Aroha Ngata", "Temuera Kingi"]
    assert second["headline"] == "Lighthouse keeper's cottage to open as a museum"
    assert second["publication"] == "Valley Courier"


def test_nexis_uni_articles_leave_the_cover_page_and_the_index_terms_out():
    first, second = fields(NEXIS_UNI)
    assert first["headline"] == "Gull Island ferry keeps its night sailing"
    assert first["publication"] == "The Harbour Herald"
    assert first["date"] == "September 18, 2024 Wednesday 6:45 PM GMT"  # not the cover page's
    assert first["summary"] == "Councillors vote 7-4 to keep the subsidy"
    assert first["body"].split("\n") == [
        "The late-night ferry to Gull Island will keep running through the winter, the regional council decided.",
        "Councillor Hemi Walker said young people could now work a late shift in Port Alder and still get home."]
    assert first["people"] == ["Hemi Walker"]
    # No date over the labels: the day Nexis loaded it stands in.
    assert second["date"] == "October 3, 2024"
    assert second["body"] == "A short note on the weather."


def test_nexis_uni_in_markdown_and_a_file_of_one_article():
    markdown = NEXIS_UNI.split("\n\nSecond article")[0].replace("Body\n", "**Body**\n") \
        .replace("Length:", "**Length:**")
    records = export_records("story.md", markdown, 10**6)
    assert len(records) == 1 and records[0].record is None  # its id is the file's
    assert records[0].fields["body"].startswith("The late-night ferry")


def test_factiva_article_format():
    (article,) = fields(FACTIVA)
    assert article["headline"] == "Container volumes hit a record at Port Alder"  # the credit is not in it
    assert article["byline"] == "By Tomasz Brennan"
    assert article["date"] == "21 January 2025 08:40"  # the time under the date joins it
    assert article["publication"] == "The Alder Times"  # after the time
    assert article["body"].split("\n") == [
        "Port Alder handled a record 1.2 million containers last year, chief executive Hannah Vogel said.",
        "The union said the new cranes had cost 40 jobs."]


def test_factiva_codes():
    (article,) = fields(FACTIVA_CODED)
    assert article["headline"] == "Council approves Kestrel Bay seawall"
    assert article["date"] == "14 August 2024 07:30"
    assert article["publication"] == "The Valley Courier"
    # "IN BRIEF" is a heading in the text, not the industry code.
    assert article["body"].split("\n") == ["The regional council has approved a 2.4-kilometre seawall for Kestrel Bay.",
                                           "IN BRIEF", "Councillor Rua Tane said construction would start in March."]


def test_text_that_is_no_export_is_left_to_the_plain_text_reader():
    assert export_records("a.txt", "Harbour reopens\n\nThe harbour reopened.\n\nEnd of Document\n", 10**6) is None
    assert export_records("a.txt", "Quarterly report\n\n512 words\n\nThe figures are in.\n", 10**6) is None


def test_an_oversized_article_is_skipped_by_its_number():
    records = export_records("big.txt", FACTIVA + "\n" + FACTIVA.replace("512 words", "9 words"), 600)
    assert [record.kind for record in records] == ["record", "record"]
    records = export_records("big.txt", FACTIVA + "\n" + FACTIVA.replace("The union", "The union " + "x" * 700), 600)
    assert records[1].kind == SKIPPED and "600" in records[1].text
    assert record_place("big.txt", records[1].record) == "document 2"


def test_an_export_in_the_corpus_gives_an_article_per_document(tmp_path):
    path = write(tmp_path / "nexis", "export.txt", LEXIS)
    articles = parse_articles(path)
    assert [a.doc_id for a in articles] == [f"{path}#0", f"{path}#1"]
    first = articles[0]
    assert first.publication == "The Coastline Daily"
    assert first.authors == ["Marta Ionescu", "Owen Fairweather"]
    assert first.date.isoformat() == "2023-07-28T00:00:00"
    assert "Aroha Ngata" in first.people
    assert articles[1].authors == ["Lars Hedlund"]


def test_an_article_cut_off_after_its_labels_keeps_its_headline():
    cut = LEXIS.split("BODY:")[0] + "BODY:\n"
    (article,) = fields(cut)
    assert article["headline"].startswith("Quarry expansion") and "body" not in article
