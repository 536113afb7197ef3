import re

from hypothesis import given, settings
from hypothesis import strategies as st

from search.snippets import FRAGMENT_CHARS, _sentences, _sentences_around, make_fragments

TEXT = ("The port reopened on Monday after a strike.\n\nDockworkers voted to accept the offer, the union said. "
        "The harbour authority welcomed the vote.\n\nShipping lines said they would return. " + "Filler words. " * 40 +
        "The strike cost exporters millions.")


def spans(fragment):
    return [fragment.text[a:b] for a, b in fragment.highlights]


def test_every_stemmed_variant_is_highlighted():
    fragments = make_fragments("Workers were striking on Monday. The strikes spread.", {"strike"})
    assert [word for f in fragments for word in spans(f)] == ["striking", "strikes"]
    voted = make_fragments(TEXT, {"vote"})
    assert [word for f in voted for word in spans(f)] == ["voted", "vote"]


def test_whole_sentences_best_first_then_in_document_order():
    fragments = make_fragments(TEXT, {"union", "harbour"})
    assert fragments[0].text.startswith("Dockworkers voted")
    assert all(len(f.text) <= FRAGMENT_CHARS + 2 for f in fragments)


def test_names_match_by_folded_key():
    fragments = make_fragments("Foreign Minister Sergey Lavrov spoke.", set(), {"sergei"})
    assert spans(fragments[0]) == ["Sergey"]


def test_stored_spans_are_used_as_given_and_names_added():
    text = "Sergey Lavrov met strikers. The strike ended."
    given = [(text.index("strike "), text.index("strike ") + 6, "strike")]
    fragments = make_fragments(text, {"strike"}, {"sergei"}, spans=given)
    assert [word for f in fragments for word in spans(f)] == ["Sergey", "strike"]  # "strikers" was not given


def test_long_sentence_is_cut_around_the_match_at_word_boundaries():
    text = "Words " * 100 + "harbour " + "more " * 100
    fragment = make_fragments(text, {"harbour"})[0]
    assert fragment.text.startswith("…") and fragment.text.endswith("…")
    assert spans(fragment) == ["harbour"] and len(fragment.text) <= FRAGMENT_CHARS + 2


def test_no_match_gives_the_lead():
    fragment = make_fragments(TEXT, {"zebra"})[0]
    assert fragment.text.startswith("The port reopened") and fragment.highlights == []
    assert make_fragments("", {"x"}) == []


def test_the_lead_is_whole_sentences_or_a_cut_first_sentence():
    text = "The quay reopened. " + "Crews worked through the night to clear it. " * 5 + "Ships wait."
    lead = make_fragments(text, set())[0].text
    assert lead.endswith("clear it.") and len(lead) <= FRAGMENT_CHARS  # the sentences that fit, whole
    long = "The quay, " + "which crews cleared through the night, " * 8 + "reopened."
    assert make_fragments(long, set())[0].text.endswith("…")  # a cut sentence says so


# A sentence ends after ., !, ? or … and any closing quotes (which it keeps) followed by space, or
# at a blank line.
SENTENCE_END = re.compile(r"([.!?…][\"”’)\]]*)\s+")
BLANK_LINE = re.compile(r"\n\s*\n")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab .!?…\"”’)]\n", max_size=60))
def test_sentences_end_at_punctuation_or_a_blank_line(text):
    marked = BLANK_LINE.sub("\0", SENTENCE_END.sub("\\1\0", text))
    expected = [part.strip() for part in marked.split("\0") if part.strip()]
    assert [text[a:b].strip() for a, b in _sentences(text) if text[a:b].strip()] == expected


def test_initials_titles_and_acronyms_end_no_sentence():
    text = ("The opposition leader, Rafael J. Moreno, said the talks had failed. Dr. Priya Raman of the "
            "U.S. Geological Survey said nothing. Halcyon Co. shares rose on Jan. 5 vs. a year earlier.")
    assert [text[a:b] for a, b in _sentences(text)] == [
        "The opposition leader, Rafael J. Moreno, said the talks had failed.",
        "Dr. Priya Raman of the U.S. Geological Survey said nothing.",
        "Halcyon Co. shares rose on Jan. 5 vs. a year earlier."]
    fragment = make_fragments(text, {"survei"})[0]
    assert fragment.text == "Dr. Priya Raman of the U.S. Geological Survey said nothing."


PIECES = ["a", "Dr", "A.", "words", " ", ".", "!", "”", ")", "\n", "\n\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.data())
def test_the_paragraphs_around_matches_split_as_the_whole_text_does(text, data):
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    picked = sorted(data.draw(st.sets(st.sampled_from(letters), max_size=4))) if letters else []
    matches = [(i, i + 1, "a") for i in picked]
    around = set(_sentences_around(text, matches))
    holding = [(a, b) for a, b in _sentences(text) if any(a <= i < b for i in picked)]
    assert set(holding) <= around


def test_a_blank_line_after_a_title_splits_no_sentence():
    text = "The board met on Monday.\n\nHe met Dr.\n\nSmith at the hall. Then he left.\n\nSmith spoke again."
    assert [f.text for f in make_fragments(text, {"smith"})] == ["He met Dr.  Smith at the hall.", "Smith spoke again."]
