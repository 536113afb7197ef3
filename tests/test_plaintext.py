import textwrap
from datetime import datetime

from indexer.plaintext import is_hard_wrapped, parse_layout, split_names
from tests.conftest import HARBOUR_ARTICLE


def test_seed_layout_fields():
    layout = parse_layout(HARBOUR_ARTICLE)
    assert layout.headline == "Mayor orders review of ferry timetable after complaints"
    assert layout.summary == "Commuters say the new schedule leaves them stranded at night"
    assert layout.date == datetime(2021, 3, 3, 8, 15)
    assert layout.captions[0].startswith("Mayor Elena Vasquez-Hart speaks to commuters")
    assert layout.paragraphs[0].startswith("Mayor Elena Vasquez-Hart on Wednesday ordered")
    assert layout.paragraphs[-1].startswith("Gallagher said the company would consider restoring it")
    body = "\n".join(layout.paragraphs)
    for boilerplate in ("Dear Reader", "Philippa", "Facebook", "Click here", "Related", "Council approves"):
        assert boilerplate not in body


def test_byline_and_published_label():
    text = ("Port reopens\nCranes are moving again\nBy Nadia Farouk and Tom Ellery\n"
            "Published: 14 Mar 2022 08:45 | Reading time: 3 min\n\nThe port reopened on Monday.\n")
    layout = parse_layout(text)
    assert layout.authors == ["Nadia Farouk", "Tom Ellery"]
    assert layout.summary == "Cranes are moving again"
    assert layout.date == datetime(2022, 3, 14, 8, 45)
    assert layout.paragraphs == ["The port reopened on Monday."]


def test_markdown_is_read_as_plain_text():
    text = ("# Council approves dredging contract\n\n*Work on the outer channel will begin in March*\n\n"
            "By **Nadia Farouk** | 5 February 2025\n\n![Dredger](https://example.org/d.jpg)\n"
            "*The dredger Marlin at work off Kestrel Bay. Photo: Jonas Pereira*\n\n"
            "The council on Tuesday approved a contract to deepen the outer channel of the harbour, allowing "
            "larger ships to dock.\n\nHarbourmaster [Gary Lindholm](https://example.org/lindholm) said the work "
            "would take about **18 months**.\n\n> The contract is the largest the council has signed.\n")
    layout = parse_layout(text)
    assert layout.headline == "Council approves dredging contract"
    assert layout.summary == "Work on the outer channel will begin in March"
    assert layout.authors == ["Nadia Farouk"] and layout.date == datetime(2025, 2, 5)
    assert layout.captions == ["The dredger Marlin at work off Kestrel Bay. Photo: Jonas Pereira"]
    assert layout.paragraphs[1:] == ["Harbourmaster Gary Lindholm said the work would take about 18 months.",
                                     "The contract is the largest the council has signed."]


READER_PAGE = """\
Title: Late ferry sailing added to Gull Island timetable | Harbour Herald

URL Source: https://harbourherald.example/2025/05/gull-island-late-sailing/

Published Time: 2025-05-06T08:15:00+01:00

Markdown Content:
{heading}*   [News](https://harbourherald.example/news/)
*   [Sport](https://harbourherald.example/sport/)

By [Priya Natarajan](https://harbourherald.example/staff/priya/) · 6 May 2025

Islanders on Gull Island will be able to catch a ferry home after an evening in Port Alder from June, \
after Bayline Ferries added a 10.30pm sailing to its summer timetable on Monday.

Harbourmaster [Ines Carvalho](https://harbourherald.example/tag/carvalho) said the port would keep the \
berth staffed until midnight on those nights, at no cost to the ferry company.
"""


def test_a_reading_tool_s_header_gives_title_address_and_time():
    # Jina Reader's layout: the page's title, address and time over its Markdown.
    heading = "Late ferry sailing added to Gull Island timetable\n===============\n\n"
    for text in (READER_PAGE.format(heading=heading), READER_PAGE.format(heading="")):
        layout = parse_layout(text)
        assert layout.headline == "Late ferry sailing added to Gull Island timetable"
        assert layout.url == "https://harbourherald.example/2025/05/gull-island-late-sailing/"
        assert layout.date == datetime(2025, 5, 6, 7, 15)  # the header's time, not the byline's day
        assert layout.authors == ["Priya Natarajan"]  # a byline and its date parted by a middle dot
        assert layout.paragraphs[-1].startswith("Harbourmaster Ines Carvalho said")
        assert len(layout.paragraphs) == 2
    # Lines that only look like a header are the text.
    layout = parse_layout("Title: a working life\n\nThe memoir tells of forty years at the docks, from "
                          "apprentice to harbourmaster, in plain and often funny prose.\n")
    assert layout.headline == "Title: a working life" and layout.url is None


def test_a_wire_story_s_credits_name_its_authors_and_leave_the_body():
    text = ("Central bank holds rates\nMay 7, 2024 10:31 AM GMT+10\n\nPORT ALDER (Reuters) - The central bank held "
            "its rate on Tuesday, Governor Ingrid Solberg said.\n\n(Reporting by Tom Ellery and Ana Souza; Editing "
            "by Owen Mather)\n")
    layout = parse_layout(text)
    assert layout.authors == ["Tom Ellery", "Ana Souza"]
    assert layout.date == datetime(2024, 5, 7, 0, 31)  # GMT+10 is ten hours ahead of UTC
    assert len(layout.paragraphs) == 1


def test_a_header_line_that_says_nothing_new_is_no_summary():
    for line in ("Nutrition", "Accept & Close", "Port reopens after strike"):
        layout = parse_layout(f"Port reopens after strike\n{line}\n14 Mar 2022 08:45\n\nThe port reopened on Monday.\n")
        assert layout.summary is None and layout.date == datetime(2022, 3, 14, 8, 45)


def test_article_without_date_keeps_its_second_line_in_the_body():
    layout = parse_layout("Headline only\n\nFirst paragraph.\n\nSecond paragraph.\n")
    assert layout.date is None and layout.summary is None
    assert layout.paragraphs == ["First paragraph.", "Second paragraph."]


def test_empty_text_has_no_layout():
    assert parse_layout("\n \n") is None


def test_split_names():
    assert split_names("Anna Kowal, Mark Delaney and Luca Ferrante") == ["Anna Kowal", "Mark Delaney", "Luca Ferrante"]
    assert split_names("Marta Kowalczyk, Transport Reporter") == ["Marta Kowalczyk"]  # a job is no one's name


def test_hard_wrapped_text_is_read_as_paragraphs():
    sentence = "The council met on Tuesday to discuss the harbour budget and the levee works in Millbrook. "
    wrapped = textwrap.fill(sentence * 6, width=70).splitlines()
    text = "\n".join(["Council weighs budget", ""] + wrapped + [""] + wrapped)
    assert is_hard_wrapped(text.splitlines())
    layout = parse_layout(text)
    assert layout.headline == "Council weighs budget"
    assert len(layout.paragraphs) == 2 and layout.paragraphs[0].startswith("The council met")
    run_in = parse_layout("\n".join(wrapped))
    assert run_in.headline.startswith("The council met on Tuesday") and run_in.headline.endswith("…")
    menu = ["Home", "News", "Sport", "Business and economy", "Opinion", "Culture", "Weather today"] * 3
    assert not is_hard_wrapped(menu)


def test_hard_wrapped_header_lines_stay_apart():
    # A byline over its date, and a paragraph's last line over the next, are lines the next
    # word would have fitted on: wrapping did not break them.
    first = textwrap.fill("The council voted on Thursday to fund a six-month trial of late-night buses "
                          "between Eastbrook and the central station, ending a two-year campaign by "
                          "shift workers and hospitality staff who say the last bus leaves them stranded.", width=70)
    second = textwrap.fill("Councillor Dev Raman said the pilot would cost about 410,000 pounds and run "
                           "three buses an hour until 2am on Fridays and Saturdays. Opponents said the money "
                           "would be better spent on fixing the existing timetable first.", width=70)
    third = textwrap.fill("The trial begins on 2 May. Ridership will be reviewed in October before the council "
                          "decides whether to make the service permanent, extend it to Sundays or end it. The "
                          "operator has asked for drivers to volunteer for the night shifts, and the union said "
                          "its members would be paid the overnight rate for every hour they work.", width=70)
    text = (f"Council approves late-night bus pilot\n\nBy Hannah Okafor, City Reporter\nPublished 14 March 2025"
            f"\n\n{first}\n{second}\n\n{third}\n")
    layout = parse_layout(text)
    assert layout.authors == ["Hannah Okafor"] and layout.date == datetime(2025, 3, 14)
    assert layout.paragraphs == [" ".join(part.split()) for part in (first, second, third)]


PRINTED = """THE VALLEY COURIER                                   Thursday, 3 October 2024

Hospital waiting lists fall for the first time in four years

By Sam Whitford

Waiting lists at the region's three public hospitals have fallen for
the first time since 2020, according to figures released by the health
department on Wednesday, after an extra 14 million dollars was spent
on weekend surgery lists over the winter.

The number of people waiting more than a year for planned surgery fell
from 4,120 in March to 3,310 at the end of September. Health Minister
Priya Raman said the result showed that the government's catch-up
programme was working, but that the region was still a long way from
its position before the pandemic, when waiting lists were far shorter.

Page 1 of 2

THE VALLEY COURIER                                   Thursday, 3 October 2024

Doctors' union representative Femi Adebayo said the improvement had
come at the cost of exhausted staff and that weekend lists were being
run by surgeons and nurses who already work all week. The union wants
an independent review of rostering before the programme is ex-
tended into next year.

Page 2 of 2
"""


def test_text_from_printed_pages_loses_page_numbers_and_running_heads():
    layout = parse_layout(PRINTED)
    assert layout.headline == "Hospital waiting lists fall for the first time in four years"
    assert layout.date == datetime(2024, 10, 3) and layout.authors == ["Sam Whitford"]
    assert len(layout.paragraphs) == 3 and layout.paragraphs[1].endswith("when waiting lists were far shorter.")
    assert layout.paragraphs[2].endswith("before the programme is extended into next year.")
    # pdftotext parts pages with form feeds.
    assert parse_layout(PRINTED.replace("Page 1 of 2\n", "\f").replace("Page 2 of 2\n", "")).paragraphs == \
        layout.paragraphs


def test_a_story_that_runs_its_headline_in_is_joined_whatever_its_line_lengths():
    # Archives such as the TIME collection break lines anywhere: a short line is no paragraph's end.
    lines = ["HARBOUR THE LONG WAIT",
             "EVERY WINTER THE SAME THING HAPPENS IN KESTREL BAY . A NORTHERLY SWELL ROLLS",
             "INTO THE BAY, THE FISHING BOATS STRAIN AT THEIR MOORINGS AND SOMEBODY LOSES A",
             "HULL AGAINST THE OLD STONE WALL . THIS YEAR IT WAS THE SEA WREN, SO WHEN",
             "THE HARBOUR BOARD MET LAST WEEK, ITS CHAIRMAN GORDON MACKIE PROMISED THAT A",
             "COSTED PLAN FOR A SECOND BREAKWATER WOULD GO TO THE COASTAL FUND IN MARCH,",
             "BEFORE THE DEADLINE, AND THAT THE BOARD WOULD STOP WAITING FOR A STORM TO",
             "MAKE THE CASE FOR IT . THE PLAN WOULD COST ABOUT NINE MILLION POUNDS IN ALL,",
             "LESS THAN THE BOATS AND THE CLAIMS HAVE COST THE TOWN IN FIVE WINTERS ."]
    layout = parse_layout("\n".join(lines) + "\n")
    assert layout.headline_from_body and layout.paragraphs == [" ".join(lines)]


def test_a_compound_broken_at_its_hyphen_keeps_it():
    # A wrapping program breaks a line at a compound's own hyphen, never inside a word.
    lines = ["The council approved a trial of late-night buses on Thursday, a six-",
             "month pilot between the harbour and the central station that ends a",
             "two-year campaign by shift workers and hospitality staff, who say the",
             "last bus leaves them stranded in town after their evening shifts.",
             "",
             "Councillor Dev Raman said the pilot would cost about 410,000 pounds",
             "and run three buses an hour until 2am on Fridays and Saturdays, with",
             "a review of the figures in October before any decision is taken on",
             "whether to keep the service running through the winter months."]
    layout = parse_layout("Late-night buses approved\n\n" + "\n".join(lines) + "\n")
    assert layout.paragraphs[0].startswith("The council approved a trial of late-night buses on Thursday, a six-month "
                                           "pilot between")


def test_a_lede_of_names_and_titles_stays_in_the_body():
    lede = ("PORT ALDER, May 2 - Finance Minister Tomasz Brennan and Central Bank Governor Ingrid Solberg "
            "met senior Halcyon Systems Dredging Division executives, including Chief Executive Darnell Okoye, "
            "Brennan said.")
    text = (f"Brennan, Solberg Meet Port Chiefs\n\nMay 2, 2024 16:40\n\n{lede}\n\n"
            "The talks lasted two hours and covered the cost of dredging the outer channel.\n\n"
            "Gallagher said the authority would publish its own estimate of the work next month.\n")
    assert parse_layout(text).paragraphs[0] == lede
