from indexer.mainblock import function_words, line_score, main_region
from indexer.plaintext import parse_layout

NAV = ["Home", "News", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather", "Subscribe", ""]
STORY = [
    "The harbour authority approved a plan on Tuesday to raise the levees along the river by a metre.",
    "",
    "Engineers said the work would take three years and would be paid for by the state and the council.",
    "",
    "Budget",  # a subheading inside the story
    "",
    "The mayor said the cost was high but that the city could not afford to wait for another flood.",
    "",
    "Build them now.",
]
FOOTER = ["", "Most read", "Storm warning for the coast", "Ferry fares rise", "", "About us", "Contact",
          "Privacy policy", "© 2024 The Alder Times"]


def test_prose_scores_above_furniture():
    functional = function_words(STORY)
    assert line_score(STORY[0], functional) > 10
    assert line_score("Home", functional) < 0
    assert line_score("Share on Facebook | Twitter", functional) < 0


def test_region_is_the_story_with_its_subheading_and_last_short_line():
    lines = NAV + STORY + FOOTER
    start, end = main_region(lines)
    assert lines[start:end] == STORY


def test_other_languages_use_the_pages_own_function_words():
    story = ["O prefeito disse que a obra vai começar em março e que o custo será dividido com o estado.",
             "A cidade de Porto Alder espera que a obra acabe antes das chuvas de verão do ano que vem.",
             "Os moradores da região pedem há anos que o dique seja elevado para evitar novas enchentes.",
             "Segundo a prefeitura, a obra de elevação do dique vai custar cerca de 60 milhões de reais.",
             "O governo do estado disse que vai pagar a metade do custo da obra de proteção da cidade."]
    lines = ["Início", "Notícias", "Esportes", ""] + story + ["", "Artigos relacionados", "Outra notícia"]
    start, end = main_region(lines)
    assert lines[start:end] == story


def test_the_story_ends_before_its_comment_section():
    # Readers' comments and a site's rules for them read as prose: the heading ends the story.
    comments = ["", "Reddit", "Telegram", "Add a comment", "",
                "Users must speak respectfully to the other participants in the discussion, and to the "
                "people the article is about, or their comments will be deleted by the moderators.",
                "A comment will be deleted if it does not correspond with the subject of the post, or if "
                "it promotes hatred and discrimination on any basis at all, as the rules of the site say."]
    lines = NAV + STORY + comments + FOOTER
    start, end = main_region(lines)
    assert lines[start:end] == STORY


def test_lines_the_rules_know_part_no_text_from_the_story():
    # A lede above two advertisement lines, and a closing sentence below a sign-up box.
    lede = "The city council voted on Wednesday to build cycle lanes along Kestrel Road, ending a long debate."
    box = ["", "Sign up to our Morning Briefing newsletter for the day's top stories.", "Enter your email address",
           "Subscribe", "By signing up you agree to our Terms of Use and Privacy Policy.", ""]
    closing = "The council will review the lanes after a year."
    lines = NAV + [lede, "", "Advertisement", "", "Story continues below advertisement", ""] + STORY + box \
        + [closing] + FOOTER
    start, end = main_region(lines)
    assert lines[start] == lede and lines[end - 1] == closing


def test_a_table_right_after_the_story_is_kept():
    table = ["June 9 – West Palm Beach, FL @ Coral Sky", "June 10 – Tampa, FL @ Credit Union Hall",
             "June 14 – Atlanta, GA @ Ameris Bank Arena", "June 17 – Nashville, TN @ Bridgestone Arena"]
    lines = NAV + STORY + ["", "Tour dates"] + table + FOOTER
    start, end = main_region(lines)
    assert lines[end - 1] == table[-1]


def test_full_page_scrape_layout():
    page = "\n".join(["Levees to rise by a metre | The Alder Times", ""] + NAV +
                     ["Levees to rise by a metre", "", "By Nadia Farouk", "June 1, 2024 9:00 am ET", ""] +
                     STORY + ["", "Related news", "Ferry fares rise", "",
                              "The council will vote on the final design of the levees in September, "
                              "officials said on Tuesday evening."] + FOOTER)
    layout = parse_layout(page)
    assert layout.headline == "Levees to rise by a metre"
    assert layout.date is not None and layout.date.day == 1
    assert layout.paragraphs[0] == STORY[0]
    assert layout.paragraphs[-1].startswith("The council will vote")
    assert "Ferry fares rise" not in layout.paragraphs and "Most read" not in layout.paragraphs


def test_a_page_copied_whole_takes_its_headline_from_above_the_article():
    page = "\n".join(["Skip to main content", "Menu", "The Alder Times", "Local | Business | Sport | Weather", "",
                      "WEATHER", "Levees to rise by a metre before winter",
                      "Engineers say the work cannot wait for another flood", "Nadia Farouk", "Environment reporter",
                      "Tue 4 Jun 2024 05.02 BST", "Share on Facebook", ""] + STORY + FOOTER)
    layout = parse_layout(page)
    assert layout.headline == "Levees to rise by a metre before winter"
    assert layout.summary == "Engineers say the work cannot wait for another flood"
    assert layout.date.hour == 4 and layout.paragraphs[0] == STORY[0]
