import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import clean


@pytest.mark.parametrize("line", [
    "2 minute read.", "5 min read", "• 2 min read", "Reading time: 4 min",
    "Be the first to know - Join our Facebook page.", "Follow us on Twitter for the latest updates",
    "Share on Facebook | Twitter | Email", "Share this article",
    "Share this with Facebook Share this with Twitter Share this with Email",
    "Get Herald Plus now for just $4 a month and enjoy an ad-free website. Click here>>",
    "Sign up for our morning newsletter and get the day's top stories in your inbox.",
    "Advertisement", "We use cookies to improve your experience.",
    "© 2024 Valley Courier Media. All rights reserved.", "Copyright 2019 The Times",
    "Read more: Council approves new bus lanes", "Read related article: Floods hit the coast",
    "Pinterest", "Telegram", "X", "Bluesky", "Copy link", "Continue reading below",
    "Get the Courier app on the go by clicking here",
    "5.2k SHARES Facebook Twitter", "72k SHARES SHARE THIS STORY",
    "8422 SHARES SHARES FacebookTwitter GooglePinterestDiggLinkedin Reddit Stumbleupon PrintDeliciousPocketTumblr",
    "Share this on Facebook if you agree with the mayor!", "Will the levees hold? Share your thoughts below!",
    "Do you think the council should resign? Please leave us a comment (below) and tell us.",
    "Get the word out – share this post on Facebook and Twitter.", "SHARE IF YOU WANT THE TRUTH EXPOSED!",
    "Advertisement - story continues below", "[ Read Related Article: Floods hit the coast",
    "Featured image via Anna Kowal/Getty Images", "Featured Image: screen capture",
    "Mark T. Delaney/The Valley Courier via AP Photo", "Luca Ferrante/AFP/Getty Images", "(Source: Twitter)",
    "Submitted photo", "(File photo)", "Watch Full Screen to Skip Ads", "Skip Ads",
    "Click to WATCH: The mayor's speech in full",
    "Listen to this article · 4 min", "Story continues below advertisement", "Enter your email address", "Email:",
    "By signing up you agree to our Terms of Use and Privacy Policy.",
    "By subscribing, you acknowledge that your data will be handled under our privacy policy.",
    "This article originally appeared on the Alder Times.",
    "The post Levee works finished six weeks early appeared first on Harbour Herald.",
    "This story was first published by Kestrel Bay Radio.",
    "A version of this article appeared in print on March 14, 2024.", "Have a story tip? Email news@example.com",
    "This article is for subscribers only.", "Subscribe to continue reading.",
    "To continue reading, log in or register",
    "(Reporting by Tom Ellery; Additional reporting by Beatrix Holm; Editing by Owen Mather)",
    "Additional reporting by Joseph Hudak",
    "You have reached your free article limit for this month.", "Already a subscriber? Log in", "Cancel anytime.",
    "View this email in your browser", "Having trouble viewing this email? View it in your browser.",
    "Forward this email to a friend.", "Did someone forward this to you? Sign up here.",
    "You are receiving this email because you subscribed to The Morning Ledger.",
    "Unsubscribe | Update your preferences | Privacy policy", "SPONSORED BY NORTHWIND ENERGY",
    "Switch to a fixed tariff today and save up to 200 pounds a year. Terms apply.", "___", "***",
])
def test_boilerplate_lines(line):
    assert clean.is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "The minister said the two sides would share intelligence on Facebook accounts used by militants.",
    "Shares in the company rose 6 percent after the announcement.",
    "She read the report in two minutes and called it a disgrace.",
    "The club said a record 24,000 tickets had been sold.",
    "Telegram messages between the two men were read out in court.",
    "Halcyon sold 1,000,000 shares of common stock to the fund.", "2.5 mln shares were traded.",
    "The mayor declined to comment on the report.", "His comments about the levees were as follows:",
    # A story's own paragraph may end by asking for comments: only a short prompt is boilerplate.
    "Choosing the best ferry routes of the year is hard. Really hard. Surely we left out some of your "
    "favourite crossings, and the islands deserve a list of their own. Leave a comment and let us know "
    "which one you would add.",
    "Police said the photos were sent via AP to the court.",
    "The story continues to unfold as the council meets again on Friday.",
    "This article is about the levees, and the money that was never spent on them.",
    "The club said the ground would be open to members only until the end of the season.",
    "Subscribers to the service said they would continue reading the paper online.",
    "Sponsored by the council, the festival drew 30,000 people over the weekend.",
    "The operator said the usual terms would apply to season tickets bought before May.",
    "About 40 ships were waiting offshore.",
])
def test_article_sentences_are_kept(line):
    assert not clean.is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "The minister meets his counterpart in Moscow. (photo credit: EMBASSY SPOKESMAN'S OFFICE)",
    "Residents wade through floodwater (Photo: Anna Kowal/Courier)",
    "Photo: Reuters", "Image copyright Getty Images Image caption The harbour at dawn",
])
def test_captions(line):
    assert clean.is_caption(line)


def test_credits_are_removed_from_captions():
    assert clean.strip_credits("Fans celebrate on Sunday. (photo credit: MARK DELANEY/HERALD)") == \
        "Fans celebrate on Sunday."
    assert clean.strip_credits("Fans celebrate on Sunday. Photo: Luca Ferrante") == "Fans celebrate on Sunday."
    assert clean.strip_credits("Image copyright Anna Kowal Image caption Judge Samuel Oduya in 2022") == \
        "Judge Samuel Oduya in 2022"
    # Local papers' credits for pictures sent in or from the archive, not the words of a caption.
    assert clean.strip_credits("Christopher Tays | Submitted photo") == "Christopher Tays"
    assert clean.strip_credits("The quay at dawn. (File photo)") == "The quay at dawn."
    assert clean.strip_credits("Photo courtesy of the Port Alder museum") == ""
    assert clean.strip_credits("Submitted photos show the barn after the fire") == \
        "Submitted photos show the barn after the fire"


def test_appeal_block_is_removed_through_its_signature():
    lines = ["First paragraph of the story.", "", "Dear Reader,", "We need your support.", "",
             "  • Premium access", "", "Thank you,", "", "Jane Roe, Publisher", "John Doe, Editor", "", "",
             "The story goes on."]
    kept, captions = clean.strip_boilerplate(lines)
    assert kept == ["First paragraph of the story.", "The story goes on."] and captions == []


def test_appeal_paragraph_without_salutation_is_removed():
    appeal = ("Unlike many news organizations, we have no paywall. Support our journalism for $5 a month "
              "and become a member: your subscription keeps us going.")
    kept, _ = clean.strip_boilerplate(["Real news paragraph.", appeal])
    assert kept == ["Real news paragraph."]


def test_related_tail_is_cut_but_not_before_the_story():
    kept, _ = clean.strip_boilerplate(["Story.", "Related Content", "June 1, 2020", "Other headline"])
    assert kept == ["Story."]
    kept, _ = clean.strip_boilerplate(["Related", "Story after a stray heading."])
    assert kept == ["Related", "Story after a stray heading."]


def test_captions_are_collected_not_kept_in_the_body():
    kept, captions = clean.strip_boilerplate(["Story.", "A harbour at dawn. (Photo: Anna Kowal)"])
    assert kept == ["Story."] and captions == ["A harbour at dawn. (Photo: Anna Kowal)"]


def test_repeated_line_statistics():
    boiler = "Subscribe to our daily briefing for the news that matters"
    assert clean.line_key(boiler) == clean.line_key(boiler.upper() + "!")
    assert clean.line_key("Too short") is None
    assert clean.repeated_threshold(40) == 3 and clean.repeated_threshold(10_000) == 50
    paragraphs = ["A real paragraph about the port.", boiler]
    assert clean.strip_repeated(paragraphs, {clean.line_key(boiler)}) == paragraphs[:1]


@pytest.mark.parametrize("line", [
    "By", "By Sarah Needleman", "sarah.needleman@example.com", "@saraheneedleman", "Image 1 of 8", "1 / 8",
    "Back to Gallery", "Click to share on Twitter (Opens in new window)",
])
def test_bylines_and_widgets(line):
    assert clean.is_boilerplate_line(line)


def test_comment_sections_are_cut():
    kept, _ = clean.strip_boilerplate(["Story paragraph.", "34 responses to “Story”", "joe says:", "Nice."])
    assert kept == ["Story paragraph."]
    kept, _ = clean.strip_boilerplate(["História.", "Deixe uma resposta Cancelar resposta", "Comentário"])
    assert kept == ["História."]
    for heading in ("Add a comment", "All comments", "Show more comments (20)", "Comments are closed."):
        kept, _ = clean.strip_boilerplate(["Story paragraph.", heading, "A reader's long reply, in prose, goes here."])
        assert kept == ["Story paragraph."], heading


def test_a_press_release_ends_at_its_contacts_and_small_print():
    for heading in ("Forward-Looking Statements", "Media Contact:", "Investor Relations Contacts",
                    "For more information, please contact:", "Safe Harbor Statement"):
        kept, _ = clean.strip_boilerplate(["Story paragraph.", heading, "Jordan Pike, press office, 555-0142."])
        assert kept == ["Story paragraph."], heading
    assert clean.strip_boilerplate(["Media contacts were told on Monday.", "Story."])[0] == [
        "Media contacts were told on Monday.", "Story."]


def test_contributors_line():
    assert clean.CONTRIBUTORS.match("ABC News' Nicole Phillip and Sunny Choo contributed to this report.")
    assert clean.CONTRIBUTORS.match("Associated Press writer Karen Oduya in Des Moines contributed reporting.")
    assert not clean.CONTRIBUTORS.match("The fund contributed to the collapse. Its staff contributed to this report.")


def test_related_box_in_the_middle_is_skipped_up_to_the_next_prose():
    lines = ["First paragraph of the story.", "Related news", "Other headline one", "Other headline two",
             "The story then goes on for another sentence that is long enough to read as prose here."]
    kept, _ = clean.strip_boilerplate(lines)
    assert kept == [lines[0], lines[-1]]
    kept, _ = clean.strip_boilerplate(["Primeiro parágrafo.", "Artigos relacionados", "Outro título"])
    assert kept == ["Primeiro parágrafo."]
    lines = ["First paragraph of the story.", "DON'T MISS", "Ferry fares rise again for the summer season",
             "The story then goes on for another sentence that is long enough to read as prose here."]
    assert clean.strip_boilerplate(lines)[0] == [lines[0], lines[-1]]
    lines = ["First paragraph of the story.", "READ MORE:", "* Port Alder bus network gets a makeover",
             "The story then goes on for another sentence that is long enough to read as prose here."]
    assert clean.strip_boilerplate(lines)[0] == [lines[0], lines[-1]]


def test_a_news_api_s_cut_off_mark_leaves_the_text():
    kept, _ = clean.strip_boilerplate(["Ferries stopped on Monday.", "The walkout was due on Thursday… [+2107 chars]"])
    assert kept == ["Ferries stopped on Monday.", "The walkout was due on Thursday…"]


def test_a_copy_of_a_story_keeps_the_lines_its_other_copies_share():
    story = ["The quay reopened on Monday after a summer of repairs.", "Traders said business was back."]
    boilerplate = {clean.line_key("Subscribe to our daily briefing for the news that matters")}
    assert clean.strip_repeated(story + ["Subscribe to our daily briefing for the news that matters"],
                                boilerplate) == story
    # Every line of the story repeated across the corpus: it is a copy, not boilerplate.
    repeated = boilerplate | {clean.line_key(line) for line in story}
    assert clean.strip_repeated(story, repeated) == story


def test_bare_timestamps_leave_the_body():
    kept, _ = clean.strip_boilerplate(["Story.", "November 19, 2019 at 6:34 am", "More story."])
    assert kept == ["Story.", "More story."]


RULE_WORDS = ["Share", "on", "Facebook", "Twitter", "|", "Follow", "us", "our", "channel", "Click", "here",
              "subscribe", "now", "cookies", "We", "use", "accept", "all", "©", "2024", "rights", "reserved",
              "Read", "more", ":", "5", "min", "read", "By", "Jane", "Doe", "Photo", "of", "1", "/", "12",
              "the", "port", "reopened", "newsletter", "sign", "up", "for", "Reuters", "Getty", "Images"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(RULE_WORDS), max_size=12).map(" ".join))
def test_quick_line_checks_decide_as_the_rules_do(line):
    assert clean.is_boilerplate_line(line) == any(rule.search(line) for rule in clean.LINE_RULES)
    assert clean.is_caption(line) == bool(clean.CAPTION.search(line))


def test_required_text_of_a_pattern():
    found = clean.required_text(r"share (?:this|it) on|leave a comments?")
    assert found == ("leave a comment", "share it on", "share this on")
    assert clean.required_text(r"(?:photo|image)\s+credit\b") == ("credit",)
    assert clean.required_text(r"\d+|read more") is None  # "5" holds no fixed text
    assert clean.required_text(r"[$€£]\s?\d") == ("$", "£", "€")


_FIRST_PASSES = [first for _, first in (clean._PROMPT_CHECK, *clean._LINE_CHECKS, clean._CAPTION_CHECK)
                 if first is not None and first[1] is not None]


@pytest.mark.parametrize("floating, required", [(f, r) for _, f, r in _FIRST_PASSES if r is not None])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_line_a_first_pass_finds_holds_its_required_text(floating, required, data):
    line = data.draw(st.from_regex(floating))
    assert any(text in line for text in required)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(clean.APPEAL_CUES))
def test_every_appeal_cue_holds_the_cues_required_text(text):
    assert any(cue in text.lower() for cue in clean._APPEAL_CUE_TEXT)
