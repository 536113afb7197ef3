import os
import subprocess
import sys

from indexer.fingerprint import NONE, TEXT_CHARS, fingerprint
from search.duplicates import NEAR

STORY = ("PORT ALDER, March 4 - Ferry workers called off a strike planned for Thursday after the operator, "
         "Bayline Ferries, improved its pay offer to six percent over two years, the union's organiser "
         "Siobhan O'Connell said on Tuesday. Members will vote on the offer next week. The walkout would have "
         "cut Gull Island off from the mainland for three days, and the island's school and clinic had "
         "made plans to close. Bayline's managing director, Fiona Gallagher, said the company had found the "
         "money by delaying the refit of its oldest vessel until the winter, when fewer people travel. "
         "O'Connell said members had wanted a deal, not a strike, and that the new offer was close to what "
         "the union had asked for in January. The harbour master said sailings would run as normal.")


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def test_copies_are_near_and_other_stories_far():
    original = fingerprint("Ferry strike called off", STORY)
    assert original == fingerprint("Ferry strike called off", STORY)
    # Sent again the next day, the dateline changed.
    resent = fingerprint("Ferry strike called off", STORY.replace("March 4", "March 5"))
    assert distance(original, resent) <= NEAR
    other = fingerprint("Library reopens", "The town library reopened on Saturday after a year of repairs to its "
                                           "roof, and lent more than 400 books in its first morning, staff said.")
    assert distance(original, other) > 3 * NEAR


def test_a_passage_repeated_does_not_make_two_stories_copies():
    filler = "The council met on Tuesday and the meeting ran late into the evening. " * 3
    one = fingerprint("Ferry news", f"Ferry ferry ferry ferry ferry ferry. {filler}")
    both = fingerprint("Harbour news", f"The ferry left the harbour early. {filler}")
    assert distance(one, both) > NEAR


def test_a_short_text_has_no_fingerprint():
    assert fingerprint("Results", "Shr 12 cts vs 10 cts") == NONE
    assert fingerprint("", "") == NONE


def test_fingerprints_are_the_same_in_every_process():
    # Python salts its own string hashes per process; a fingerprint must not change between builds.
    code = f"from indexer.fingerprint import fingerprint; print(fingerprint('Ferry strike called off', {STORY!r}))"
    values = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2")}
    assert values == {str(fingerprint("Ferry strike called off", STORY))}


def test_only_the_opening_of_a_long_text_counts():
    # A story and its update with paragraphs added at the end are one story.
    opening = STORY * 5
    assert len(opening) > TEXT_CHARS
    assert fingerprint("Ferry strike called off", opening) == \
        fingerprint("Ferry strike called off", opening + " The vote passed on Friday, by 212 votes to 40.")
