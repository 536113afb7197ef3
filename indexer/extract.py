"""Raw documents → cleaned ``Article`` values: one path per input kind, one people pass for all."""

from __future__ import annotations

import html as html_module
import os
import re
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from . import clean, dates
from .article import Article, publication_key
from .fingerprint import fingerprint
from .html import markup_paragraphs, parse_html, publication_name, web_address
from .people import extract_names, name_key
from .plaintext import parse_layout, split_names
from .readers import DEFAULT_LIMITS, SKIPPED, Limits, Part, RawDocument, opens_as_page, read_documents, record_place

# A record's keys as ``_keyed`` writes them: "pub_date", "pubDate" and "PubDate" are "pubdate",
# "Überschrift" is "uberschrift". After the English names, those of archives kept in German, French,
# Spanish, Italian, Portuguese and Dutch (their dates are read in those languages too).
_HEADLINE_KEYS = ("headline", "title", "webtitle", "name",
                  "titel", "uberschrift", "schlagzeile", "titre", "titulo", "titolo")
_SUMMARY_KEYS = ("summary", "description", "subtitle", "subheadline", "dek", "standfirst", "trailtext", "lead",
                 "abstract", "excerpt",
                 "zusammenfassung", "vorspann", "teaser", "untertitel", "resume", "chapo", "resumen", "entradilla",
                 "sommario", "sottotitolo", "resumo", "samenvatting")
_DATE_KEYS = ("dategmt", "date", "published", "publishdate", "webpublicationdate", "publishedat", "datepublished",
              "datepublish", "pubdate", "publicationdate", "publisheddate", "publishedtime", "createdat", "created",
              "timestamp", "time", "datetime", "dateline", "dcdate", "issued", "updated", "modified",
              "datum", "veroffentlicht", "erscheinungsdatum", "publikationsdatum", "datedepublication", "fecha",
              "fechadepublicacion", "fechapublicacion", "datadipubblicazione", "datapubblicazione",
              "datadepublicacao", "datapublicacao", "publicatiedatum")
_BODY_KEYS = ("body", "text", "content", "articlebody", "article", "story", "articletext", "bodytext", "fulltext",
              "maintext", "storytext", "textcontent", "contenttext", "contenthtml", "bodyhtml", "articlehtml",
              "contentencoded", "html", "rawhtml", "pagehtml", "leadparagraph",
              "inhalt", "artikeltext", "volltext", "texte", "contenu", "texto", "contenido", "cuerpo", "testo",
              "contenuto", "corpo", "conteudo", "tekst", "inhoud")
_PEOPLE_KEYS = ("people", "persons", "person", "personen", "personnes", "personas", "persone", "pessoas")
_URL_KEYS = ("url", "link", "canonicalurl", "articleurl", "weburl", "permalink", "sourceurl", "shareurl", "href",
             "lien", "enlace")
# Who published a record: its headline may end with the name ("... - BBC News", as news APIs and
# data sets give titles).
_PUBLICATION_KEYS = ("publication", "publisher", "source", "sourcename", "site", "sitename", "outlet", "newspaper",
                     "zeitung", "quelle", "medium", "journal", "periodico", "fuente", "testata", "fonte", "krant",
                     "bron")
_AUTHOR_KEYS = ("authors", "author", "byline", "by", "creator", "creators", "writer", "writers", "dccreator",
                "autor", "autoren", "verfasser", "auteur", "auteurs", "autores", "autore", "autori")
_EPOCH = re.compile(r"\d{10}|\d{13}")
_KEY_NOISE = re.compile(r"[^a-z]")
# A body in HTML: some exports keep the page's markup.
_MARKUP = re.compile(r"</?(?:p|div|br|span|a|em|strong|b|i|li|ul|ol|h[1-6]|blockquote|figure)\b[^>]*>", re.IGNORECASE)
_MAX_HEADLINE = 300
_TITLE_ARTEFACT = re.compile(r"(?<=[a-z])['’]S\b|(?<=\d)(?:St|Nd|Rd|Th)\b")


def parse_articles(path: str | Path, limits: Limits = DEFAULT_LIMITS,
                   skipped: list[tuple[str, str]] | None = None, part: Part | None = None) -> list[Article]:
    """Read and clean every article in one file (or one ``part`` of a large JSONL file); raise
    ``UnreadableFile`` for a file that cannot be read, return ``[]`` for a readable file that holds
    no article.

    Records of a JSON or JSONL file that hold no article are left out; when ``skipped`` is given,
    where and why is added to it for each: ("line 4", "invalid JSON at column 12").
    """
    reference = _file_time(path)
    articles = []
    for raw in read_documents(path, limits, part):
        article = _to_article(raw, reference) if raw.kind != SKIPPED else None
        if article is not None:
            articles.append(article)
        elif skipped is not None and raw.record is not None:
            reason = raw.text if raw.kind == SKIPPED else "no headline or text"
            skipped.append((record_place(path, raw.record), reason))
    return articles


def _to_article(raw: RawDocument, reference: datetime | None) -> Article | None:
    if raw.kind == "text":
        layout = parse_layout(raw.text, reference=reference)
        if layout is None:
            return None
        return _finish(raw, layout.headline, layout.summary, layout.date, layout.authors,
                       layout.captions, layout.paragraphs, given_people=[],
                       headline_from_body=layout.headline_from_body, url=layout.url)
    if raw.kind == "html":
        page = parse_html(raw.text)
        paragraphs, captions = clean.strip_boilerplate(page.paragraphs)
        return _finish(raw, page.headline, page.summary, page.date, page.authors,
                       page.captions + captions, paragraphs, given_people=page.people, url=raw.url or page.url,
                       publication=page.publication)
    return _record_article(raw, reference)


def _record_article(raw: RawDocument, reference: datetime | None) -> Article | None:
    fields = _keyed(raw.fields or {})
    if not _first_text(fields, _BODY_KEYS):
        # The article's text in an object of its own, as APIs return it: {"data": {"title": ...}},
        # the Guardian's {"webTitle": ..., "fields": {"bodyText": ...}}: its fields, then the outer ones.
        inners = [_keyed(value) for value in fields.values() if isinstance(value, dict)]
        inner = next((i for i in inners if _first_text(i, _BODY_KEYS)), None)
        if inner is None and not _first_text(fields, _HEADLINE_KEYS):
            inner = next((i for i in inners if _first_text(i, _HEADLINE_KEYS)), None)
        fields = {**fields, **inner} if inner is not None else fields
    body, headline = _first_text(fields, _BODY_KEYS), _first_text(fields, _HEADLINE_KEYS)
    if not body and not headline:
        return None
    meta = _keyed(fields["metadata"]) if isinstance(fields.get("metadata"), dict) else {}
    summary = _first_text(fields, _SUMMARY_KEYS) or _first_text(meta, _SUMMARY_KEYS) or None
    if summary and (_MARKUP.search(summary) or "&" in summary):
        summary = " ".join(markup_paragraphs(summary)) or None  # WordPress's excerpt: "<p>...</p>"
    headline = html_module.unescape(headline) if "&" in headline else headline
    date, authors = _record_date(fields, reference), _names(fields, _AUTHOR_KEYS)
    publication = _publication(fields)
    url = next(filter(None, (web_address(fields.get(key)) for key in _URL_KEYS)), None)
    if opens_as_page(body):
        # A whole page (a crawler's export), read as an HTML file is; the record's own fields first.
        page = parse_html(body)
        paragraphs, captions = clean.strip_boilerplate(page.paragraphs)
        return _finish(raw, headline or page.headline, summary or page.summary, date or page.date,
                       authors or page.authors, page.captions + captions, paragraphs,
                       given_people=_names(fields, _PEOPLE_KEYS) or page.people, url=url or page.url,
                       publication=publication or page.publication)
    lines = markup_paragraphs(body) if _MARKUP.search(body) else [" ".join(line.split()) for line in body.splitlines()]
    paragraphs, captions = clean.strip_boilerplate(lines)
    return _finish(raw, headline, summary, date, authors, captions, paragraphs,
                   given_people=_names(fields, _PEOPLE_KEYS), url=url, publication=publication)


def _publication(fields: dict) -> str | None:
    """The name of the publication a record names ("source": {"name": "BBC News"})."""
    return next(filter(None, (publication_name(fields.get(key)) for key in _PUBLICATION_KEYS)), None)


def _without_publication(headline: str, publication: str | None) -> str:
    """A headline without the name of its publication after a separator ("Fares rise - The
    Harbour Herald"), when the article names its publication ("Harbour Herald")."""
    if publication:
        for separator in clean.TITLE_SEPARATOR.finditer(headline):
            if separator.start() > 0 and publication_key(headline[separator.end():]) == publication_key(publication):
                return headline[:separator.start()]
    return headline


def _finish(raw: RawDocument, headline: str, summary: str | None, date: datetime | None,
            authors: list[str], captions: list[str], paragraphs: list[str],
            given_people: list[str], headline_from_body: bool = False, url: str | None = None,
            publication: str | None = None) -> Article | None:
    headline, summary = clean.INVISIBLE.sub("", headline), summary and clean.INVISIBLE.sub("", summary)
    paragraphs, captions = _visible(paragraphs), _visible(captions)
    headline = _untitled(" ".join(_without_publication(headline, publication).split())[:_MAX_HEADLINE])
    # An agency or a site named as the author (news APIs and pages do) is no writer.
    authors = [name for name in authors if publication_key(name) != publication_key(publication or "")]
    if paragraphs and headline and " ".join(paragraphs[0].split()).lower() == headline.lower():
        paragraphs = paragraphs[1:]  # a page or record that opens its text with its headline again
    if not paragraphs and not headline:
        return None
    captions = [caption for caption in map(clean.strip_credits, captions) if caption]
    caption = " ".join(captions) or None
    body = "\n\n".join(paragraphs)
    about = body if "contributed" not in body else "\n\n".join(p for p in paragraphs if not clean.CONTRIBUTORS.match(p))
    # A line per caption: a name does not run on into the next one ("Chris Battin Jonathan Blair").
    names = extract_names(headline, summary or "", "\n".join(captions), about)
    people = _merge_people(given_people, names.people)
    headline = headline or paragraphs[0][:120]
    return Article(path=raw.path, record=raw.record, headline=headline,
                   summary=summary, date=date, people=people, authors=authors, caption=caption,
                   body=body, places=names.places, headline_from_body=headline_from_body, url=url,
                   publication=publication,
                   fingerprint=fingerprint(headline, body))


def _visible(lines: list[str]) -> list[str]:
    """``lines`` without the characters printed as nothing (``clean.INVISIBLE``), and without the
    lines that held nothing else."""
    if not clean.INVISIBLE.search("".join(lines)):
        return lines
    return [line for line in (clean.INVISIBLE.sub("", line) for line in lines) if line.strip()]


def _untitled(headline: str) -> str:
    """A headline without the marks of a naive title-casing (Python's ``str.title``, which
    archives such as Reuters-21578 were put through): "Finland'S ... 1St Qtr" → "Finland's ... 1st
    Qtr". A headline in capitals keeps its "'S"."""
    return _TITLE_ARTEFACT.sub(lambda match: match.group().lower(), headline)


def _merge_people(given: list[str], found: list[str]) -> list[str]:
    seen = {name_key(name) for name in given}
    return list(given) + [name for name in found if name_key(name) not in seen]


def _keyed(fields: dict) -> dict:
    """A record's fields under their keys' letters in lower case, accents dropped (the first of a
    spelling wins)."""
    keyed: dict = {}
    for key, value in fields.items():
        if isinstance(key, str):
            letters = key.lower() if key.isascii() else unicodedata.normalize("NFKD", key.lower())
            keyed.setdefault(_KEY_NOISE.sub("", letters), value)
    return keyed


def _first_text(fields: dict, keys: tuple[str, ...]) -> str:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, dict):  # WordPress's {"rendered": ...}, the New York Times' {"main": ...}
            value = value.get("rendered") or value.get("main")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n".join(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _names(fields: dict, keys: tuple[str, ...]) -> list[str]:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return split_names(value)
        if isinstance(value, list):
            names = [v.get("name") if isinstance(v, dict) else v for v in value]
            return [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return [value["name"].strip()]
        if isinstance(value, dict) and isinstance(value.get("original"), str):  # {"original": "By Jane Doe"}
            return split_names(value["original"])
    return []


def _record_date(fields: dict, reference: datetime | None) -> datetime | None:
    for key in _DATE_KEYS:
        value = fields.get(key)
        if isinstance(value, dict):
            value = value.get("$date", value.get("date"))
        if isinstance(value, bool):
            continue
        if isinstance(value, str) and _EPOCH.fullmatch(value.strip()):
            value = int(value)  # seconds or milliseconds since 1970, written as text
        if isinstance(value, (int, float)):
            return _epoch(value)
        if isinstance(value, str):
            parsed = dates.parse_date(value, reference=reference)
            if parsed:
                return parsed
    return None


def _epoch(value: float) -> datetime | None:
    seconds = value / 1000 if value > 1e11 else value  # milliseconds, as JavaScript writes them
    try:
        return dates.normalise(datetime.fromtimestamp(seconds, tz=timezone.utc))
    except (OverflowError, OSError, ValueError):
        return None


def _file_time(path: str | Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime)
    except OSError:
        return None

