"""Completion of field names, commands and people names from the index."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from .commands import COMMANDS

FIELDS = ("headline:", "body:", "summary:", "people:", "authors:", "source:", "date:", "before:",
          "after:")


# A person's name being typed after people:, bare or in quotes that may hold spaces
# (people:"adaeze ok).
_PERSON_TYPED = re.compile(r'(?<!\S)(?:people|person):(?:"(?P<quoted>[^"]*)|(?P<bare>[^\s"]*))$', re.IGNORECASE)


class QueryCompleter(Completer):
    """Completes ``:commands``, ``field:`` names and ``people:"Full Name"``.

    ``people`` is called lazily, once, so that opening the shell does not wait for the index's
    name list; wrap this completer in prompt_toolkit's ``ThreadedCompleter`` so typing never does.
    """

    def __init__(self, people: Callable[[], Iterable[str]]) -> None:
        self._load_people = people
        self._people: list[str] | None = None

    def get_completions(self, document: Document, complete_event: CompleteEvent):
        before = document.text_before_cursor
        if before.lstrip().startswith(":") and " " not in before.strip():
            typed = before.strip()[1:]
            for name in sorted({c.name for c in COMMANDS.values()}):
                if name.startswith(typed):
                    yield Completion(f":{name}", start_position=-len(before.strip()),
                                     display_meta=COMMANDS[name].help)
            return
        person = _PERSON_TYPED.search(before)
        if person:
            typed = " ".join((person.group("quoted") or person.group("bare") or "").lower().split())
            for name in self.people():
                if name.lower().startswith(typed) or any(p.lower().startswith(typed) for p in name.split()):
                    yield Completion(f'people:"{name}"', start_position=-len(person.group(0)))
            return
        word = before.split()[-1] if before and not before[-1].isspace() else ""
        if word and ":" not in word:
            for field in FIELDS:
                if field.startswith(word.lower()):
                    yield Completion(field, start_position=-len(word))

    def people(self) -> list[str]:
        """The index's people names, loaded on first use."""
        if self._people is None:
            self._people = sorted(self._load_people())
        return self._people
