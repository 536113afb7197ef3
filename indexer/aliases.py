"""The corpus-wide people table: one display name per person, and bare surnames resolved.

Within one article ``people.extract_people`` already merges spellings. Across the corpus, the
same person may be written "Yevgeny Alexandrov" in one article and "Evgeny Aleksandrov" in
another, or only "Ashworth" in an article that never gives her first name. The table maps every
spelling to the form the corpus uses most, and a bare surname to the one full name that has it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .people import name_key

_DOMINANT = 5  # times as many mentions as the next full name with the same surname


@dataclass
class PeopleTable:
    """Canonical display names for the people of a corpus."""

    display: dict[tuple[str, ...], str] = field(default_factory=dict)
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: frozenset[tuple[str, ...]] = frozenset()

    @classmethod
    def build(cls, names: Iterable[str], places: Iterable[str] = ()) -> PeopleTable:
        """The table for every person name met in a corpus (each occurrence counted).

        ``places`` are the names articles use as places ("in Port Alder"); a "person" the corpus
        uses as a place at least as often is not a person.
        """
        spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for name in names:
            key = name_key(name)
            if key:
                spellings[key][name] += 1
        as_place = Counter(key for key in map(name_key, places) if key)
        place_keys = frozenset(key for key, count in as_place.items()
                               if key in spellings and count >= sum(spellings[key].values()))
        spellings = {key: counts for key, counts in spellings.items() if key not in place_keys}
        display = {key: max(counts, key=lambda n: (counts[n], len(n), n)) for key, counts in spellings.items()}
        by_surname: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for key in display:
            if len(key) >= 2:
                by_surname[key[-1]].add(key)
        surnames = {}
        for surname, keys in by_surname.items():
            counts = sorted(((sum(spellings[key].values()), key) for key in keys), reverse=True)
            # The one full name with the surname, or one the corpus uses far more than any other:
            # "Reagan" is Ronald Reagan (24 articles) rather than Nancy Reagan (1), and "Obama"
            # Barack Obama (40) rather than Michelle Obama (5); an article naming Michelle Obama
            # has already given her surname to her (people.extract_people).
            if len(counts) == 1 or counts[0][0] >= _DOMINANT * counts[1][0]:
                surnames[surname] = counts[0][1]
        return cls(display, surnames, place_keys)

    def to_json(self) -> dict:
        """The table as JSON data (for the build manifest)."""
        return {"display": [[list(key), name] for key, name in self.display.items()],
                "surnames": {surname: list(key) for surname, key in self.surnames.items()},
                "places": [list(key) for key in self.places]}

    @classmethod
    def from_json(cls, data: dict) -> PeopleTable:
        """The table ``to_json`` wrote."""
        return cls({tuple(key): name for key, name in data["display"]},
                   {surname: tuple(key) for surname, key in data["surnames"].items()},
                   frozenset(tuple(key) for key in data["places"]))

    def canonical(self, name: str) -> str | None:
        """The corpus's display form of one name (a bare surname becomes the unique full name);
        ``None`` for a name the corpus uses as a place."""
        key = name_key(name)
        if key in self.places:
            return None
        if len(key) == 1 and key[0] in self.surnames:
            key = self.surnames[key[0]]
        return self.display.get(key, name)

    def canonical_list(self, names: Iterable[str]) -> list[str]:
        """Names in canonical form, each person once, in the given order."""
        result: list[str] = []
        for name in names:
            form = self.canonical(name)
            if form is not None and form not in result:
                result.append(form)
        return result


def changed_names(before: PeopleTable, after: PeopleTable, names: Iterable[str]) -> set[str]:
    """The names among ``names`` whose canonical form differs between two tables."""
    return {name for name in set(names) if before.canonical(name) != after.canonical(name)}
