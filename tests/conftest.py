"""Shared fixtures: small articles we wrote, the shipped corpus, and ../shared when present."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from indexer import build_index

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_d07907a3221a4613.txt"

# A plain-text scrape in the seed's layout, written for these tests.
HARBOUR_ARTICLE = """\
Mayor orders review of ferry timetable after complaints

Commuters say the new schedule leaves them stranded at night

March 3, 2021 08:15
3 minute read.

Mayor Elena Vasquez-Hart speaks to commuters at the ferry terminal. (photo credit: ANNA KOWAL/HERALD)


Dear Reader,
Local news costs money to make. Unlike many others, we have no paywall, and we want to keep it that way.

For $4 a month you receive:

  • An ad-free website
  • Our weekly newsletter

Thank you,

Philippa Grange, Publisher
Desmond Achebe, Editor-in-Chief


Mayor Elena Vasquez-Hart on Wednesday ordered a review of the city's ferry timetable after hundreds
of commuters complained that the last evening sailing had been cut.

Vasquez-Hart said the operator had not consulted passengers before the change.

Be the first to know - Join our Facebook page.

"People who work late shifts at the hospital now have no way home," said Rosa Delgado, a nurse who lives on the island.

The operator's managing director, Fiona Gallagher, said the late sailing carried fewer than twenty passengers a night.

Gallagher said the company would consider restoring it if the council shared the cost.

Get Herald Plus now for just $4 a month and enjoy an ad-free website. Click here>>

Related Content

February 1, 2021
Council approves new bus lanes on Harbour Road
"""


@pytest.fixture
def harbour_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def seed_file() -> Path:
    if not SEED.exists():
        pytest.skip("../shared is not beside the project")
    return SEED


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped corpus, indexed once for the whole session."""
    index_dir = tmp_path_factory.mktemp("corpus-index")
    report = build_index(CORPUS, index_dir, jobs=1)
    assert not report.skipped, report.skipped
    return index_dir


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write a corpus file (creating folders) and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def article_text(headline: str, date: str, body: str, summary: str = "A summary line") -> str:
    """A minimal plain-text article in the seed's layout."""
    return f"{headline}\n\n{summary}\n\n{date}\n2 minute read.\n\n{body}\n"


# Feeds as sites publish them, for the readers and the extraction tests.
RSS = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Herald</title><description>Local news</description>
<item><title>Port strike ends</title><link>https://herald.example/port-strike-ends</link>
  <description>Dockworkers voted to accept the offer.</description>
  <pubDate>Tue, 08 Apr 2025 07:00:00 GMT</pubDate><author>news@herald.example (Priya Natarajan)</author></item>
<item><title>Café reopens</title><description>Teaser only.</description>
  <content:encoded><![CDATA[<p>The café reopened.</p>]]></content:encoded><dc:creator>Tom Baptiste</dc:creator></item>
</channel></rss>"""
ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Herald</title>
<entry><title>Strike ends</title><published>2025-04-08T07:00:00Z</published>
  <author><name>Priya Natarajan</name></author><author><name>Tom Baptiste</name></author>
  <content type="html">&lt;p&gt;Dockworkers voted.&lt;/p&gt;</content></entry>
<entry><title>Library reopens</title><link rel="alternate" href="https://herald.example/library-reopens"/>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>It reopened.</p>
  </div></content></entry></feed>"""


def word_document(body: str, main_part: str = "word/document.xml") -> bytes:
    """A .docx file whose body is ``body`` (WordprocessingML, ``w:`` prefixed), as Word packs one."""
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                f'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        package.writestr(main_part, document)
    return packed.getvalue()


def word_paragraphs(lines: list[str]) -> str:
    """Word's paragraphs for lines of text, each line's words in runs of a few, as Word splits them."""
    def runs(line: str) -> str:
        words = line.split(" ")
        pieces = [" ".join(words[i:i + 3]) + (" " if i + 3 < len(words) else "") for i in range(0, len(words), 3)]
        return "".join(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>' for piece in pieces)
    return "".join(f"<w:p>{runs(line)}</w:p>" if line else "<w:p/>" for line in lines)
