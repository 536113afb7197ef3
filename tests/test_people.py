import pytest

from indexer.extract import parse_articles
from indexer.people import extract_names, extract_people, name_key


def test_seed_people_exactly(seed_file):
    article = parse_articles(seed_file)[0]
    assert article.people == ["Avigdor Liberman", "Sergei Lavrov", "Ofer Fridman", "Bashar Assad",
                              "Gary Koren", "Konstantin Kosachev", "Avi Dichter", "Dmitry Peskov"]


def test_titles_and_roles_are_stripped():
    text = ("Defense Minister Avigdor Liberman met Kremlin spokesman Dmitry Peskov. "
            "Port Alder FC striker Kofi Mensah-Adjei scored. Dr. Priya Raman said rain would return.")
    assert extract_people(text) == ["Avigdor Liberman", "Dmitry Peskov", "Kofi Mensah-Adjei", "Priya Raman"]


def test_editorial_brackets_join_the_name():
    assert extract_people("support of [Syrian President Bashar] Assad is strategic") == ["Bashar Assad"]


def test_surnames_and_titled_surnames_resolve_to_the_full_name():
    text = "Gary Koren spoke first. Later Mr. Koren said more, and Koren added a warning."
    assert extract_people(text) == ["Gary Koren"]


def test_a_fuller_form_replaces_the_shorter_in_its_place():
    text = ("George Bush spoke first. Minister Lena Holt agreed. Later George Herbert Walker Bush said more.")
    assert extract_people(text) == ["George Herbert Walker Bush", "Lena Holt"]


def test_a_double_surname_alone_is_the_whole_name():
    # Spanish and West African double surnames, met whole before or after.
    text = ("Minister Denis Bra Kanon said the rules would work. \"We can act now,\" Bra Kanon told reporters.")
    assert extract_people(text) == ["Denis Bra Kanon"]
    text = "Ortiz Mena said the loan was agreed. Bank president Antonio Ortiz Mena signed it on Friday."
    assert extract_people(text) == ["Antonio Ortiz Mena"]
    # A party or a nationality before a name met alone does not become part of its name.
    text = "Gary Johnson polled 9 percent. Libertarian Gary Johnson said the debates should include him."
    assert extract_people(text) == ["Gary Johnson"]


def test_transliteration_variants_merge_under_the_first_spelling():
    text = "Sergei Lavrov arrived. Foreign Minister Sergey Lavrov said talks went well. Lavrov left."
    assert extract_people(text) == ["Sergei Lavrov"]
    assert name_key("Dmitri Peskov") == name_key("Dmitry Peskov")
    assert name_key("Mohammed al-Rashid") == name_key("Muhammad al-Rashid") == name_key("Muhammad Rashid")
    assert name_key("Evgeny Aleksandrov") == name_key("Yevgeny Alexandrov")


def test_places_organisations_and_calendar_words_are_not_people():
    text = ("The Jerusalem Post reported from the Munich Security Conference on Monday. Officials in "
            "Port Alder met at the Defense Ministry with the United Nations in February.")
    assert extract_people(text) == []
    # Tour dates: "June 24 – Bristow, VA @ Jiffy Lube Live".
    assert extract_people("The band plays June 24 – Bristow, VA @ Jiffy Lube Live, said Tom Johnston.") == \
        ["Tom Johnston"]


def test_group_nouns_before_speech_verbs_are_not_people():
    assert extract_people("Analysts said the deal was fair. Economists warned of inflation.") == []
    assert extract_people("Few will gain at once. Suppliers who joined late still repay their shares.") == []


def test_particles_stay_inside_names():
    assert extract_people("Coach Pieter van der Berg said his side switched off.") == ["Pieter van der Berg"]


def test_a_name_the_sentence_calls_a_company_is_no_one():
    body = ("The contract went to Halcyon Marine, a subsidiary of Halcyon Systems. Robert Gibson, the company said, "
            "will run it; David Shakarian, the founder of the company, and Paul Dreyer, the company's manager, "
            "agreed.")
    assert extract_people("Contract", body) == ["Robert Gibson", "David Shakarian", "Paul Dreyer"]


def test_a_name_only_written_as_someone_s_employer_is_no_one():
    body = ("Shearson Lehman analyst Jane Doe said the shares were cheap. Former Liverpool manager Jurgen Klopp "
            "agreed, and Donald Trump lawyer Michael Cohen did not. Donald Trump said nothing.")
    assert extract_people("Markets", body) == ["Jane Doe", "Jurgen Klopp", "Donald Trump", "Michael Cohen"]


def test_a_result_s_teams_are_no_one_and_its_scorers_are_people():
    body = ("Results of German first division matches on Saturday:\n"
            "Bochum 2 (Stickroth 30th pen, Wosz 89th) Bayer Leverkusen 2 (Kirsten 18th, Ramelow 56th).\n"
            "Schalke 2 (Mulder 2nd and 27th) Hansa Rostock 0.\n"
            "Charleroi - Eric Cleymans 18, Ron Ellis 18, Jacques Stas 14\n"
            "(Reuters)\nTom Okafor 45 said he was glad.")
    assert extract_people(body) == ["Eric Cleymans", "Ron Ellis", "Jacques Stas", "Tom Okafor",  # full names first
                                    "Stickroth", "Wosz", "Kirsten", "Ramelow", "Mulder"]


def test_a_team_written_before_its_player_s_position_is_no_one():
    body = ("Vancouver Canucks star right wing Pavel Bure was suspended for his hit on Buffalo Sabres defenceman "
            "Garry Galley on Wednesday. All-rounder Greg Blewett made 57 not out.")
    assert extract_people(body) == ["Pavel Bure", "Garry Galley", "Greg Blewett"]


def test_a_surname_with_its_particle_is_the_full_name_met():
    body = ("Commission President Ursula von der Leyen spoke first. Von der Leyen said Europe would help, "
            "and the former vice president, Al Gore, agreed with her. His wife, Tipper Gore, did not.")
    assert extract_people("Leaders meet", body) == ["Ursula von der Leyen", "Al Gore", "Tipper Gore"]


def test_saint_is_part_of_the_surname_it_precedes():
    body = ("House Banking Committee chairman Fernand St. Germain said he would act. Later St. Germain "
            "told reporters he flew to St. Louis on Monday.")
    assert extract_people("Banking bill", body) == ["Fernand St. Germain"]


def test_appeal_signatures_are_not_people(harbour_file):
    people = parse_articles(harbour_file)[0].people
    assert people == ["Elena Vasquez-Hart", "Rosa Delgado", "Fiona Gallagher"]


def test_speech_verbs_and_honorifics_cue_single_names():
    assert extract_people("\"We will win,\" said Kowalczyk.") == ["Kowalczyk"]
    assert extract_people("Mrs. Delgado told reporters nothing.") == ["Delgado"]
    assert extract_people("Kowalczyk watched from the stand.") == []  # no cue, no full name


def test_months_weekdays_and_sentence_starters_are_not_people():
    assert extract_people("Monday was quiet. But March brought storms, and April said little.") == []


def test_hyphenated_titles_and_title_phrases_are_stripped():
    assert extract_people("Lieutenant-General Maurice Baril arrived.") == ["Maurice Baril"]
    assert extract_people("Police Commissioner Helen Ashworth said the crowd was calm.") == ["Helen Ashworth"]


def test_organisation_words_make_single_names_organisations():
    text = "Halcyon Systems cut jobs on Tuesday. Halcyon said the cuts were painful."
    assert extract_people(text) == []
    # Industries name companies too, without a suffix.
    text = ("The quarry's owner, Brennan Aggregates, had proposed to extend the pit, and Westar Mining "
            "said it would bid. Its managing director, Colm Brennan, said the company was disappointed.")
    assert extract_people(text) == ["Colm Brennan"]


def test_places_in_locative_context_are_reported_as_places():
    names = extract_names("Officials met in Port Alder on Monday. The talks in Port Alder went well.")
    assert names.people == [] and names.places == ["Port Alder"]
    possessive = extract_names("In Okafor's view, Prime Minister Adaeze Okafor said, the port matters.")
    assert possessive.people == ["Adaeze Okafor"] and possessive.places == []


def test_a_name_word_the_article_writes_in_lower_case_is_a_common_word():
    capitalised = "Harbour Light won the regatta on Sunday."
    assert extract_people(capitalised) == ["Harbour Light"]
    assert extract_people(capitalised + " The harbour was calm all day.") == []
    # Only a word standing alone counts: "harbour-front" and "Harbourside" are other words.
    assert extract_people(capitalised + " The harbour-front and Harbourside were calm.") == ["Harbour Light"]


def test_repeated_mentions_read_their_own_context():
    # The same candidate at a sentence start and inside a sentence: each occurrence is read anew.
    text = "Mayor Ruth Ambler opened the bridge. Later, reporters met Ruth Ambler. Ambler said it was fine."
    assert extract_people(text) == ["Ruth Ambler"]
    assert extract_names("Crowds gathered in Port Alder. Port Alder is quiet now.").places == ["Port Alder"]


def test_a_title_cased_headline_names_no_one_the_body_does_not():
    headline = "Halcyon Systems Sets Quarterly Dividend As Okafor Praises Results"
    body = "The Port Alder company said Prime Minister Adaeze Okafor welcomed the payout."
    assert extract_people(headline, body) == ["Adaeze Okafor"]
    # A headline written as a sentence still names people.
    assert extract_people("Okafor praises Halcyon results after Darnell Okoye steps down", body) == \
        ["Darnell Okoye", "Adaeze Okafor"]
    # A short one of abbreviations, every word capitalised, is title-cased too.
    assert extract_people("Bnp Plans 100 Mln H.K. Dlr Cd Issue", body) == ["Adaeze Okafor"]


def test_things_and_places_with_dotted_or_plural_names_are_not_people():
    text = ("The White House said it would reply. U.S. Treasury officials declined to comment. "
            "Italians and Indian-Americans voted. Frenchman Patrick Vieira scored for Bank of Ireland Co. "
            "Facebook Twitter Seahawks Quarterback Russell Wilson threw. Photo: Getty Images")
    assert extract_people(text) == ["Patrick Vieira", "Russell Wilson"]


def test_a_places_people_before_a_name_are_not_part_of_it_and_a_surname_like_them_is():
    text = ("Queenslander Daniel Herbert scored twice, and Londoners Amy Price and Tom Hale cheered. "
            "Evan Hollander, a spokesman, said the Berliner Zeitung would print it.")
    assert extract_people(text) == ["Daniel Herbert", "Amy Price", "Tom Hale", "Evan Hollander"]


def test_sentence_opening_words_and_numbers_are_not_part_of_names():
    text = "Later Donald J. Trump spoke. Meanwhile Photo Ray Dotch was credited. Eight Brennan supporters cheered."
    assert extract_people(text) == ["Donald J. Trump", "Ray Dotch"]


def test_a_middle_initial_does_not_make_another_person():
    assert name_key("Donald J. Trump") == name_key("Donald Trump")
    assert name_key("George H. W. Bush") == name_key("George Bush")
    assert name_key("J. K. Rowling") != name_key("K. Rowling")  # a first initial is kept


def test_a_company_suffix_makes_a_name_a_company_everywhere_in_the_article():
    text = ("Morgan Stanley and Co Inc led the issue. Morgan Stanley said demand was strong, "
            "and an analyst at Merrill Lynch Capital Markets Inc agreed. Merrill Lynch said so too. "
            "Erin Dobbs of Halcyon Systems Inc, who joined from Walt Disney Co, also spoke.")
    names = extract_names(text)
    assert names.people == ["Erin Dobbs"]
    # Reported with the places, so that the corpus table drops these names where no suffix shows.
    assert {"Morgan Stanley", "Merrill Lynch", "Walt Disney"} <= set(names.places)


def test_a_company_named_in_parts_is_a_company():
    text = ("The lead manager was Smith Barney, Harris Upham and Co Inc. Sears, Roebuck and Co said sales rose, "
            "Peter Greenbaum of Smith Barney said, and so did Thomas McKiernan, McKiernan and Co chairman.")
    assert extract_people(text) == ["Peter Greenbaum", "Thomas McKiernan"]


def test_houses_of_parliament_and_firms_of_brothers_are_not_people():
    text = ("The White House said the House Ways and Means Committee would meet. House Minority Whip Steny Hoyer "
            "agreed, Salomon Brothers said, and analysts at Shearson Lehman Brothers Inc said so too.")
    assert extract_people(text) == ["Steny Hoyer"]


def test_names_that_run_into_a_place_are_teams_and_agencies():
    text = ("Prices rose 0.3 pct, Statistics Canada said. Ajax Amsterdam beat Sparta Rotterdam 2-1, "
            "and coach Louis van Gaal said the league was open. Dealers said the guilder was firm, "
            "and traders in Hong Kong agreed. Hong Kong said exports rose.")
    assert extract_people(text) == ["Louis van Gaal"]


def test_a_title_that_ends_a_name_can_be_its_surname():
    assert extract_people("Relations with Prime Minister John Major are good, a spokesman said.") == ["John Major"]
    assert extract_people("New Zealander Bruce Judge won the race.") == ["Bruce Judge"]


def test_a_picture_agency_is_not_a_first_name_but_can_be_a_surname():
    text = "Trump mocked her planes. | Getty Trump needles Clinton again. Premier Don Getty of Alberta agreed."
    assert extract_people(text) == ["Don Getty"]


def test_more_titles_are_stripped():
    text = ("National Security Adviser John Poindexter met NASA Administrator Jim Bridenstine, and Special Agent "
            "Bob Argueta said so. Lisa Mead, Senior Communications Advisor, agreed.")
    assert extract_people(text) == ["John Poindexter", "Jim Bridenstine", "Bob Argueta", "Lisa Mead"]


def test_everyday_roles_before_a_name_are_stripped_but_stay_surnames():
    text = ("Principal Annika Lindqvist met the board. Parent Rawiri Tane said he would sell up. "
            "Farmer Ian Reid agreed, as did the actor Adam Driver and the doctor Paul Farmer.")
    assert extract_people(text) == ["Annika Lindqvist", "Rawiri Tane", "Ian Reid", "Adam Driver", "Paul Farmer"]


def test_a_name_that_leads_an_organisation_s_is_the_organisation_unless_a_role_says_otherwise():
    assert extract_people("Van Loon Maritime bid for the port. Van Loon's bid was rejected, chief executive "
                          "Pieter de Vries said.") == ["Pieter de Vries"]
    assert extract_people("Famous golfer Arnold Palmer died. Gifts went to the Arnold Palmer Hospital for Children. "
                          "Arnold Palmer won seven majors.") == ["Arnold Palmer"]
    # Words after an organisation's word are no part of its name: a headline's capitals run on.
    assert extract_people("The claim: In Congress Maxine Waters Missed Votes. Waters said it was false.") == ["Waters"]


def test_teams_in_a_results_table_are_not_people():
    text = ("Results of first division soccer matches:\n\nZafririm Holon 1 Hapoel Petah Tikva 1\n\n"
            "Maccabi Haifa 1 Hapoel Taibe 1\n\nStandings:\n\nBetar Jerusalem 12 10 2 0 28 7 32\n\n"
            "Scorer:\nOfer Shitrit 12\n\nCoach Eli Ohana said his team deserved the point.")
    assert extract_people(text) == ["Ofer Shitrit", "Eli Ohana"]


def test_an_office_before_a_name_is_not_a_person():
    assert extract_people("White House Chief of Staff Howard Baker said the plan was dead.") == ["Howard Baker"]
    assert extract_people("Treasury Secretary James Baker later met Finance Minister Kiichi Miyazawa.") == \
        ["James Baker", "Kiichi Miyazawa"]


def test_an_office_named_after_two_portfolios_is_not_part_of_the_name():
    assert extract_people("Indonesia's Minister of Energy and Mines Subroto said OPEC would hold.") == ["Subroto"]
    assert extract_people("Venezuela's Minister of Energy and Mines Arturo Hernandez Grisanti told reporters "
                          "prices were firm.") == ["Arturo Hernandez Grisanti"]
    assert extract_people("The Minister of Regional and Industrial Expansion, Michel Cote, said he would "
                          "decide.") == ["Michel Cote"]
    assert extract_people("Secretary of State and Defense Caspar Weinberger said so.") == ["Caspar Weinberger"]


def test_a_place_running_into_other_words_names_a_company_or_a_thing():
    text = ("Pepsico Inc's Kentucky Fried Chicken said sales rose. The plant was bought by Oregon Steel Mills, "
            "and the price of Light Louisiana Sweet rose. The New York Yankees said Dave Winfield would play.")
    assert extract_people(text) == ["Dave Winfield"]


def test_a_place_before_a_name_with_a_title_a_possessive_or_an_office():
    text = ("Britain's Margaret Thatcher met Texas Governor Bill Clements and Israeli Ambassador to Russia Gary "
            "Koren. Governor of the Bank of England Robin Leigh-Pemberton and Central Bank president Francisco "
            "Gros spoke, as did Ohio Democrat Howard Metzenbaum.")
    assert extract_people(text) == ["Margaret Thatcher", "Bill Clements", "Gary Koren", "Robin Leigh-Pemberton",
                                    "Francisco Gros", "Howard Metzenbaum"]


def test_a_name_does_not_run_on_past_the_end_of_a_line():
    text = "The club signed keeper Kepa Arrizabalaga\n\nKepa Arrizabalaga will have a medical today, Lester Holt said."
    assert extract_people(text) == ["Kepa Arrizabalaga", "Lester Holt"]


def test_a_name_written_twice_in_a_row_is_one_name():
    assert extract_people("A new book by Sir John Hawkins John Hawkins's book is out.") == ["John Hawkins"]


def test_institution_words_are_not_names():
    text = ("Growth will slow, the Organisation for Economic Cooperation and Development said. Talks under "
            "the General Agreement on Tariffs and Trade resume, and loans of 1.6 billion European Currency "
            "Units were agreed, Yamaichi International said. Output would fall, Opec said, and Nato said "
            "troops would stay. Gross National Product rose, Warburg Securities said, and Goodyear Tire, "
            "Banca Nazionale del Lavoro and Public Utilities agreed. Another said so in Fort Worth and Puerto "
            "Rico, and Capitol Hill agreed; Special Drawing Rights rose, Lloyds Shipping Intelligence said.")
    assert extract_people(text) == []


def test_german_nouns_are_not_names_but_english_with_a_stray_german_word_is_read():
    german = ("Die elektronische Patientenakte ist für die Kliniken ein großer Schritt, und Das Thema bleibt "
              "auf der Agenda. Der Patient muss sich nicht mit Papier befassen, sagt Beim Verlust Gesundheitsdaten.")
    assert extract_people(german) == []
    english = ("Mayor Elena Vasquez-Hart said the ferry would run as usual, and that passengers who die hard "
               "fans of the old timetable could still use the night service to Kestrel Bay on weekends.")
    assert extract_people(english) == ["Elena Vasquez-Hart"]


def test_products_venues_and_publications_are_not_people():
    text = ("Sales of the Amazon Echo Dot and Apple AirPods Pro rose, Business Insider reported. The band "
            "played the Coral Sky Amphitheatre and the Budweiser Stage, said promoter Dana Whitfield.")
    assert extract_people(text) == ["Dana Whitfield"]
    # A newspaper or a broadcaster someone told something.
    text = ("Oil Minister Hisham Nazer told al-Riyadh newspaper prices would hold. He told Kyodo news agency "
            "the same, and Finance Minister Kiichi Miyazawa told NHK television he agreed.")
    assert extract_people(text) == ["Hisham Nazer", "Kiichi Miyazawa"]
    # Models, prizes, contests and teams named like people.
    text = ("The MacBook Pro and Chromecast Ultra sold out, said Kim Dale. Linda Buck won the Nobel Prize, the "
            "Fan Vote went to Tom Hale, and the Red Wings beat Boston, coach Jeff Blashill said.")
    assert extract_people(text) == ["Kim Dale", "Linda Buck", "Tom Hale", "Jeff Blashill"]


def test_industries_countries_and_cities_are_not_people():
    text = ("France has a stake in CFM International with the U.S. Group General Electric. Officials said "
            "Yugoslavia needed credits, and Bonn said Peking and Hungary agreed. Western Carolina Savings and "
            "Loan Association converted; Carolina said shares sold well, Harris Associates L.P. said, and Anne "
            "Mills of Boston said so too.")
    assert extract_people(text) == ["Anne Mills"]
    # Towns named after a port, a fort or a cape, and storms.
    text = ("Ferries between Port Alder and Kestrel Bay stop at Fort Dunmore; ships left Cape Town before "
            "Hurricane Harvey reached Mount Sinai.")
    assert extract_people(text) == []


# What the words around a name say it is. Each case failed before its rule.
PHRASINGS = [
    pytest.param("Chancellor of the Exchequer Nigel Lawson met Speaker of the House Jim Wright and Secretary of "
                 "Commerce Malcolm Baldrige. Mark Stahl, a former vice president of Shearson Lehman Brothers, said so.",
                 ["Nigel Lawson", "Jim Wright", "Malcolm Baldrige", "Mark Stahl"],
                 id="the word a government office is of is not the name's"),
    pytest.param("President Park Geun-hye met Park Ji-sung and analyst Ji-hoon Park in Seoul. Crowds filled Hyde "
                 "Park and Olympic Park, said Ann Lee.", ["Park Geun-hye", "Park Ji-sung", "Ji-hoon Park", "Ann Lee"],
                 id="Park is a Korean surname beside a Korean given name"),
    pytest.param("Follow Newsbeat on Instagram.\nSee Ted Kaczynski in the documentary, said Ann Lee.\n"
                 "Visit Virginia this summer, said Tom Hale.", ["Ted Kaczynski", "Ann Lee", "Tom Hale"],
                 id="a prompt opening a line is not the name's"),
    pytest.param("Officers stopped a car driven by Jonathan P. Blair, 29, of 1909 Jolinda Drive, and arrested "
                 "Elizabeth A. Burton, 32, of 1119 Eighth St., and Christopher Battin, who lives at 2134 Caldwell "
                 "Place.", ["Jonathan P. Blair", "Elizabeth A. Burton", "Christopher Battin"],
                 id="a street address is no one"),
    pytest.param("Coffee producers include Costa Rica, Ecuador, El Salvador, Guatemala and Sierra Leone, traders in "
                 "Kuala Lumpur and Las Vegas said. Salvador Dali and Sergio Leone were named too.",
                 ["Salvador Dali", "Sergio Leone"], id="places whose words are names elsewhere are known whole"),
]


@pytest.mark.parametrize("text, people", PHRASINGS)
def test_names_are_read_as_the_words_around_them_say(text, people):
    assert extract_people(text) == people


def test_capitalised_business_terms_are_not_people():
    text = ("Export Markets improved, the Agricultural Stabilization office said in its Crop Bulletin. Getty "
            "Oil and Harken Oil merged; Harken said the Personal Computer sold well, Kenneth Lay said. Behind "
            "Baker's remarks lay doubt, the Association of German Cooperative Banks said. Agence France-Presse "
            "reported from Daytona Beach and Sioux Falls that the Clean Air Act stood. Judicial Watch and the "
            "Smithsonian Institution in Mountain View said Latinos voted.")
    assert extract_people(text) == ["Kenneth Lay"]
